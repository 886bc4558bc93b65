"""The editors' forms for press-law cases: what a demand or a complaint says,
and each decision with what the law asks to be on record."""

from pathlib import PurePath

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from correction_desk.press_law.models import (
    DOCUMENT_MAX_BYTES,
    TEXT_MAX_LENGTH,
    CounterStatementDemand,
    PresseratComplaint,
)
from correction_desk.triage.forms import ContentField

DOCUMENT_SUFFIXES = {".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".txt", ".eml"}
DOCUMENTS_AT_ONCE = 10

CONTENT_HELP = _(
    "The article's address on the site (copy it from the browser), or open the "
    "article in the admin and start from there."
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class DocumentsField(forms.FileField):
    """Several documents at once: scans of letters, powers of attorney."""

    widget = MultipleFileInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text",
            # The size is DOCUMENT_MAX_BYTES.
            _("PDF, images, text or e-mail files; at most 10 MB at once. Kept "
              "out of any public address."),
        )  # fmt: skip
        super().__init__(**kwargs)
        self.widget.attrs["accept"] = ",".join(sorted(DOCUMENT_SUFFIXES))

    def clean(self, data, initial=None):
        single = super().clean
        uploads = data if isinstance(data, (list, tuple)) else [data]
        uploads = [upload for upload in uploads if upload]
        if len(uploads) > DOCUMENTS_AT_ONCE:
            raise ValidationError(
                ngettext(
                    "At most %(count)d document at once.",
                    "At most %(count)d documents at once.",
                    DOCUMENTS_AT_ONCE,
                )
                % {"count": DOCUMENTS_AT_ONCE}
            )
        cleaned = [single(upload, initial) for upload in uploads]
        for upload in cleaned:
            if PurePath(upload.name).suffix.lower() not in DOCUMENT_SUFFIXES:
                raise ValidationError(
                    _("“%(name)s” is not a PDF, an image, a text or an e-mail file.")
                    % {"name": upload.name}
                )
            if upload.size > DOCUMENT_MAX_BYTES:
                raise ValidationError(
                    _("“%(name)s” is larger than %(size)s MB.")
                    % {"name": upload.name, "size": DOCUMENT_MAX_BYTES // 2**20}
                )
        if sum(upload.size for upload in cleaned) > DOCUMENT_MAX_BYTES:
            # What the server in front takes in one request (deploy/nginx).
            raise ValidationError(
                _("Together the documents are larger than %(size)s MB: add them "
                  "in several steps.") % {"size": DOCUMENT_MAX_BYTES // 2**20}
            )  # fmt: skip
        return cleaned


class DemandAddForm(forms.ModelForm):
    content_key = ContentField(label=_("article"), help_text=CONTENT_HELP)
    documents = DocumentsField(label=_("documents"))

    class Meta:
        model = CounterStatementDemand
        fields = [
            "content_key",
            "claimant",
            "representative",
            "claimant_address",
            "claimant_email",
            "claims",
            "part",
            "received_at",
            "channel",
            "written_and_signed",
            "text",
            "first_offered_at",
            "last_offered_at",
            "documents",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        first = self.fields["first_offered_at"]
        first.required = False
        first.help_text = _("Empty: when the article was first published.")


class DocumentsForm(forms.Form):
    documents = DocumentsField(label=_("documents"), required=True)


class PublishForm(forms.Form):
    court_order = forms.CharField(
        label=_("court order"),
        max_length=300,
        required=False,
        help_text=_(
            "Only when a court ordered the publication: court, date and file number."
        ),
    )
    reply = forms.CharField(
        label=_("reply of the editors (optional)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        required=False,
        help_text=_(
            "Facts only. Published apart, among the editors' notes: the law "
            "forbids joining it to the counter-statement (no Redaktionsschwanz "
            "directly under it)."
        ),
    )


class RefuseForm(forms.Form):
    ground = forms.ChoiceField(
        label=_("legal ground"), choices=CounterStatementDemand.Ground.choices
    )
    letter = forms.CharField(
        label=_("letter to the person affected"),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=TEXT_MAX_LENGTH,
    )


class ComplaintAddForm(forms.ModelForm):
    content_key = ContentField(label=_("article"), help_text=CONTENT_HELP)

    class Meta:
        model = PresseratComplaint
        fields = ["content_key", "reference", "received_at", "subject"]


class DecideForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("decision"),
        choices=[
            choice
            for choice in PresseratComplaint.Outcome.choices
            if choice[0] != PresseratComplaint.Outcome.PENDING
        ],
    )
    decided_on = forms.DateField(label=_("decided on"))
    text = forms.CharField(
        label=_("the decision's text"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=TEXT_MAX_LENGTH,
        required=False,
        help_text=PresseratComplaint._meta.get_field("decision_text").help_text,
    )
