from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from correction_desk.models import (
    DESCRIPTION_MAX_LENGTH,
    EMAIL_MAX_LENGTH,
    OPEN_STATUSES,
    EditorNote,
    Report,
    editorial_kind_choices,
)
from correction_desk.registry import adapter_for, all_desks, content_key, model_of
from correction_desk.support.parsing import WholeNumberField, whole_number
from correction_desk.triage import decisions


def _content_at_address(value: str):
    """The content at a public address an editor pasted (`https://…/artikel/x/`
    or `/artikel/x/`), as an adapter finds it."""
    from urllib.parse import urlsplit

    from correction_desk.registry import adapters

    if not value.startswith(("/", "http://", "https://")):
        return None
    try:
        path = urlsplit(value).path
    except ValueError:
        return None
    for adapter in adapters():
        if (content := adapter.content_at(path or "/")) is not None:
            return content
    return None


class ContentField(forms.Field):
    """A piece of registered content, by its key (`articles.article:12`)."""

    default_error_messages = {
        "invalid": _("There is no such article."),
    }
    MAX_LENGTH = 200

    def prepare_value(self, value):
        return content_key(value) if hasattr(value, "_meta") else value

    def to_python(self, value):
        value = str(value or "").strip()
        if not value:
            return None
        if len(value) > self.MAX_LENGTH:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        content = _content_at_address(value)
        if content is None:
            label, _sep, pk = value.partition(":")
            model = model_of(label)
            found = model._default_manager.filter if model else None
            try:
                content = found(pk=pk).first() if found else None
            except (TypeError, ValueError, ValidationError):  # not that model's key
                content = None
        if content is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return content


class ReasonForm(forms.Form):
    """The public reason for rejecting reports, asked for by the bulk action."""

    reason = forms.CharField(
        label=_("Reason (the reader sees it)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
    )


class DecisionForm(forms.Form):
    """One decision on one report, taken on its page (triage/decisions.py)."""

    decision = forms.ChoiceField(choices=decisions.choices)
    reason = forms.CharField(required=False, max_length=2000)


class ReportChoiceField(forms.ModelMultipleChoiceField):
    """Reports by id; a value that cannot be an id is refused, not looked up."""

    def clean(self, value):
        if any(whole_number(item) is None for item in value or []):
            raise ValidationError(
                self.error_messages["invalid_pk_value"],
                code="invalid_pk_value",
                params={"pk": next(i for i in value if whole_number(i) is None)},
            )
        return super().clean(value)


class CorrectionPublishForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), choices=editorial_kind_choices)
    text = forms.CharField(
        label=_("Public note"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Shown under the article with today's date. Say what was wrong and what "
            "is right: “An earlier version said …; in fact …”."
        ),
    )
    also_resolves = ReportChoiceField(
        label=_("Also resolves"),
        queryset=Report.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Other open reports on this article that this note answers."),
    )

    def __init__(self, report: Report, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["also_resolves"].queryset = (
            Report.objects.about(report.content)
            .filter(status__in=OPEN_STATUSES)
            .exclude(pk=report.pk)
        )


INVALID_BLOCK = _("The text block is not valid; reload the page.")


class FixForm(CorrectionPublishForm):
    """The fix desk: new wording for one block of the article, and the note.

    The block is given by field and offsets in the source the editor was shown;
    `seen` identifies that source, so that an edit made meanwhile is noticed.
    """

    ACTIONS = ("accept", "preview", "publish", "silent")

    # A text field of the content, or of something it shows (the adapter's).
    field = forms.CharField(max_length=100, widget=forms.HiddenInput)
    # For a text the content shows (a caption, credit or alt text): its
    # holder, one the content shows (a picture).
    picture = WholeNumberField(min_value=1, required=False, widget=forms.HiddenInput)
    block_start = WholeNumberField(min_value=0, widget=forms.HiddenInput)
    block_end = WholeNumberField(min_value=0, widget=forms.HiddenInput)
    seen = forms.CharField(max_length=64, widget=forms.HiddenInput)
    new_text = forms.CharField(
        label=_("Corrected text"),
        widget=forms.Textarea(attrs={"rows": 8}),
        strip=False,
        max_length=200_000,
        help_text=_("The Markdown source of the block the passage is in."),
    )
    reason = forms.CharField(
        label=_("Reason for a silent fix (the reader sees it)"),
        required=False,
        max_length=2000,
    )
    action = forms.ChoiceField(
        choices=[(name, name) for name in ACTIONS], widget=forms.HiddenInput
    )

    field_order = ["new_text", "kind", "text", "also_resolves", "reason"]

    def __init__(self, report: Report, *args, **kwargs):
        super().__init__(report, *args, **kwargs)
        self.report = report
        self.fields["text"].required = False
        self.fields["text"].label = _("Public note")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("block_start"), cleaned.get("block_end")
        if start is not None and end is not None and start > end:
            raise ValidationError(INVALID_BLOCK)
        field, number = cleaned.get("field"), cleaned.get("picture")
        content = self.report.content
        adapter = adapter_for(content)
        holder = content
        if number is not None:
            holder = adapter.holder(content, "picture", number)
        if field is not None and (
            holder is None or field not in adapter.holder_fields(holder)
        ):
            raise ValidationError(INVALID_BLOCK)
        cleaned["picture"] = holder if holder is not content else None
        return cleaned

    def edited_picture(self):
        """What the content shows whose text is edited (a picture), once the
        form is valid; None for the content's own text."""
        picture = (getattr(self, "cleaned_data", None) or {}).get("picture")
        return picture if hasattr(picture, "pk") else None


class EditorNoteForm(forms.ModelForm):
    """A new internal note; the inline's table gives its field no label of its own."""

    class Meta:
        model = EditorNote
        fields = ["text"]
        widgets = {
            "text": forms.Textarea(
                attrs={"rows": 3, "aria-label": _("New internal note (never public)")}
            )
        }


class QuestionForm(forms.Form):
    """The editors' question to the reader who sent a report."""

    prefix = "question"  # the same page holds the fix desk's form

    text = forms.CharField(
        label=_("Your question to the reader"),
        max_length=DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class PrivacyRequestForm(forms.Form):
    """A reader asks for their data, or for it to be erased."""

    email = forms.EmailField(
        label=_("The reader's e-mail address"),
        max_length=EMAIL_MAX_LENGTH,
        help_text=_("As the reader wrote it in their report; case does not matter."),
    )
    identity_checked = forms.BooleanField(
        label=_("I have checked that the request comes from this address's owner."),
    )
    action = forms.ChoiceField(
        choices=[("export", _("Export")), ("erase", _("Erase"))],
        widget=forms.HiddenInput,
    )


class MetricsFilterForm(forms.Form):
    """Which reports the weekly figures count: a kind, a desk, or all."""

    kind = forms.ChoiceField(
        label=_("kind"),
        required=False,
        choices=[("", _("all kinds")), *Report.Kind.choices],
    )
    section = forms.ChoiceField(label=_("section"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [("", _("all sections")), *all_desks()]
