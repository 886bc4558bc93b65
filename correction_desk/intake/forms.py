from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Field, Layout, Submit
from django import forms
from django.core.validators import URLValidator
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from correction_desk import models
from correction_desk.conf import setting
from correction_desk.intake.cleaning import clean_text
from correction_desk.intake.stamps import make_stamp, stamp_spam_reason
from correction_desk.registry import adapter_for
from correction_desk.support.parsing import whole_number


class TextField(forms.CharField):
    """A CharField that drops control characters (NUL included) before validating."""

    def to_python(self, value):
        return clean_text(super().to_python(value))


class WebAddressField(forms.URLField):
    default_validators = [URLValidator(schemes=["http", "https"])]
    default_error_messages = {
        "invalid": _("Please enter a web address that starts with http:// or https://.")
    }


# What our own page and script put into the fields readers do not type into.
HIDDEN_FIELD_CHARACTERS = {
    "consent": 2,
    "website": 100,
    "stamp": 200,
    "context_before": models.CONTEXT_MAX_LENGTH,
    "context_after": models.CONTEXT_MAX_LENGTH,
    "article_revision": 10,
    "part": 10,
}
# The submit button's name and label, and multipart boundaries.
FORM_OVERHEAD_BYTES = 4096


def report_url(content) -> str:
    """Where the report form on this content is sent."""
    model = content._meta.concrete_model._meta.label_lower
    return reverse("correction_desk:report", kwargs={"model": model, "pk": content.pk})


class ReportForm(forms.Form):
    passage = TextField(
        label=_("Passage in question"),
        required=False,
        max_length=models.PASSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        # True with or without JavaScript; report.js tells keyboard and touch
        # readers how to fill it by selecting (_report_section.html).
        help_text=_("Optional: copy the words in question here."),
    )
    description = TextField(
        label=_("What is wrong?"),
        max_length=models.DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Please describe the error as precisely as you can."),
        error_messages={"required": _("Please tell us what is wrong.")},
    )
    suggestion = TextField(
        label=_("What would be correct?"),
        required=False,
        max_length=models.SUGGESTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional: your suggested correction."),
    )
    source_url = WebAddressField(
        label=_("Source or evidence"),
        required=False,
        max_length=models.SOURCE_URL_MAX_LENGTH,
        assume_scheme="https",
        help_text=_("Optional: a link that supports your correction."),
    )
    name = TextField(
        label=_("Your name"), required=False, max_length=models.NAME_MAX_LENGTH
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        required=False,
        max_length=models.EMAIL_MAX_LENGTH,
        help_text=_(
            "Optional. Only if you would like to hear what became of your report."
        ),
        error_messages={"invalid": _("Please enter a valid e-mail address.")},
    )
    consent = forms.BooleanField(required=False)
    # Traps for bots, never shown to readers: a field hidden by CSS, and a stamp.
    website = TextField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    stamp = TextField(required=False, widget=forms.HiddenInput)
    # Filled in by the select-to-report script. A reader cannot see or fix hidden
    # fields, so they are cleaned, never a reason to reject the report; the
    # context keeps its spaces, which belong to the text around the passage.
    context_before = TextField(required=False, strip=False, widget=forms.HiddenInput)
    context_after = TextField(required=False, strip=False, widget=forms.HiddenInput)
    article_revision = TextField(required=False, widget=forms.HiddenInput)
    part = TextField(required=False, widget=forms.HiddenInput)

    def __init__(self, content, *args, **kwargs):
        self.content = content
        kwargs.setdefault(
            "initial",
            {
                "stamp": make_stamp(content),
                "article_revision": adapter_for(content).revision(content),
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = _(
            "I agree that the newsroom keeps my e-mail address to tell me what became "
            "of my report. It is used for nothing else and erased after %(days)s days "
            "at the latest."
        ) % {"days": setting("REPORTER_DATA_DAYS")}
        # The error summary names the field; the whole sentence is by the box.
        self.fields["consent"].summary_label = _("Consent")
        self.helper = self.build_helper()

    def build_helper(self) -> FormHelper:
        helper = FormHelper(self)
        helper.form_id = "report-form"
        # No #fragment: browsers skip `autofocus` when the URL targets an element,
        # and autofocus is what moves focus to the error summary without JS.
        helper.form_action = report_url(self.content)
        # No CSRF token: it would need a cookie on a cacheable page (see origin.py).
        helper.disable_csrf = True
        helper.attrs = {"novalidate": ""}
        helper.layout = Layout(
            Field("passage", css_class="report-passage"),
            Field("description", css_class="report-description"),
            "suggestion",
            "source_url",
            Div(
                Div("name", css_class="col-sm-6"),
                Div("email", css_class="col-sm-6"),
                css_class="row",
            ),  # fmt: skip
            "consent",
            Div("website", css_class="report-trap", aria_hidden="true"),
            "stamp",
            "context_before",
            "context_after",
            "article_revision",
            "part",
            Submit("send", _("Send report"), css_class="report-submit"),
            HTML('<p class="report-status" role="status" aria-live="polite"></p>'),
        )
        return helper

    def clean_context_before(self):
        return self.cleaned_data["context_before"][-models.CONTEXT_MAX_LENGTH :]

    def clean_context_after(self):
        return self.cleaned_data["context_after"][: models.CONTEXT_MAX_LENGTH]

    def clean_article_revision(self) -> int | None:
        return whole_number(self.cleaned_data["article_revision"])

    def clean_part(self) -> str:
        """Where our script says the passage is; anything else says nothing."""
        value = self.cleaned_data["part"]
        return value if value in dict(models.PART_CHOICES) else ""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("email") and not cleaned.get("consent"):
            self.add_error("consent", models.CONSENT_REQUIRED)
        return cleaned

    @classmethod
    def max_body_bytes(cls) -> int:
        """The largest request body a reader's browser sends for this form.

        Every field at its limit in the widest characters: four bytes of UTF-8,
        each percent-encoded as three (multipart encoding is smaller). Fields the
        reader does not type into are budgeted at what our pages put in them.
        """
        characters = sum(
            len(name)
            + 2
            + (
                getattr(field, "max_length", None)
                or HIDDEN_FIELD_CHARACTERS.get(name, 0)
            )
            for name, field in cls.base_fields.items()
        )
        return characters * 12 + FORM_OVERHEAD_BYTES

    @property
    def spam_reason(self) -> str:
        if self.cleaned_data.get("website"):
            return models.Report.SpamReason.HONEYPOT
        return stamp_spam_reason(self.cleaned_data.get("stamp", ""), self.content)

    def report_fields(self) -> dict:
        """Return the cleaned data as keyword arguments for report_submit()."""
        data = self.cleaned_data
        return {
            "passage": data["passage"],
            "context_before": data["context_before"],
            "context_after": data["context_after"],
            "part": data["part"],
            "article_revision": data["article_revision"],
            "description": data["description"],
            "suggestion": data["suggestion"],
            "source_url": data["source_url"],
            "reporter_name": data["name"],
            "reporter_email": data["email"],
            "consent": data["consent"],
            "spam_reason": self.spam_reason,
        }
