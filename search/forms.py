"""The search's parameters: as the page cache keys them, and as readers see them."""

import re

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from newsroom.parsing import WholeNumberField

from . import tags
from .text import MAX_QUERY_CHARACTERS

CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


class LooseField(forms.CharField):
    """Any text at all, never refused: control characters become spaces, runs of
    space one, and only the first `keep` characters count. The search form
    then checks and explains what it means (a typed date), so that a mistake
    reaches the page rather than a 404."""

    def __init__(self, *, keep=40, **kwargs):
        self.keep = keep
        super().__init__(**kwargs)

    def to_python(self, value):
        return " ".join(CONTROL.sub(" ", super().to_python(value)).split())[: self.keep]


class SearchParameters(forms.Form):
    """What identifies a result page, for `public_page`: normalised, never refused
    except for a page number no link carries."""

    q = LooseField(required=False, keep=MAX_QUERY_CHARACTERS)  # search/text.py
    section = LooseField(required=False)
    from_ = LooseField(required=False)
    to = LooseField(required=False)
    page = WholeNumberField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["from"] = self.fields.pop("from_")

    def clean(self):
        data = super().clean()
        raw = (self.data.get("q") or "").strip()
        data["cut"] = len(" ".join(raw.split())) > MAX_QUERY_CHARACTERS
        return data


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search for"),
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    section = forms.ChoiceField(
        label=_("Section"),
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    from_ = forms.DateField(label=_("From"), required=False, widget=DateInput())
    to = forms.DateField(label=_("Until"), required=False, widget=DateInput())

    def __init__(self, *args, sections=(), **kwargs):
        super().__init__(*args, **kwargs)
        # "from" is a Python keyword, but it is the parameter readers' links carry;
        # it goes back in its place, before "to".
        self.fields = {
            ("from" if name == "from_" else name): field
            for name, field in self.fields.items()
        }
        self.fields["section"].choices = [
            ("", _("All sections")),
            *((section.slug, section.name) for section in sections),
        ]
        self.sections = {section.slug: section for section in sections}

    def clean_from(self):
        return self._within_reach(self.cleaned_data["from"])

    def clean_to(self):
        return self._within_reach(self.cleaned_data["to"])

    def _within_reach(self, day):
        if day is not None and not tags.EARLIEST <= day <= tags.latest():
            raise forms.ValidationError(
                _("Please give a day between %(first)s and %(last)s.")
                % {
                    "first": date_format(tags.EARLIEST, "SHORT_DATE_FORMAT"),
                    "last": date_format(tags.latest(), "SHORT_DATE_FORMAT"),
                },
                code="out_of_reach",
            )
        return day

    def clean(self):
        data = super().clean()
        since, until = data.get("from"), data.get("to")
        if since and until and since > until:
            self.add_error(
                "to", _("The end of the period must not lie before its start.")
            )
        return data
