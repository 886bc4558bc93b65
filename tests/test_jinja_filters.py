"""The filters of the Jinja2 templates give what Django's filters of the same
name give (newsroom/jinja_environment.py)."""

import pytest
from django.template import defaultfilters, engines
from django.utils import translation
from django.utils.safestring import mark_safe


@pytest.mark.parametrize("length", [1, 2, 200])
@pytest.mark.parametrize(
    "text",
    [
        "Kurz.",
        "„Zitat“ – Gedankenstrich, Ümlaute und ß: " * 8,
        "x" * 200,
        "x" * 201,
        "Ü" * 250,
        # Combining marks do not count towards the limit in Django's filter,
        # and the text comes back composed (NFC) either way.
        "Cafe\u0301 " * 45,
        "Cafe\u0301 " * 30,
        "",
    ],
)
def test_truncatechars_is_djangos(text, length):
    template = engines["jinja2"].from_string("{{ text|truncatechars(length) }}")
    expected = defaultfilters.truncatechars(text, length)
    shown = template.render({"text": text, "length": length})
    assert shown == str(defaultfilters.escape(expected))


@pytest.mark.parametrize("language", ["de", "en"])
def test_a_truncated_text_ends_as_the_language_ends_it(language):
    template = engines["jinja2"].from_string("{{ text|truncatechars(10) }}")
    with translation.override(language):
        expected = defaultfilters.truncatechars("Überschrift lang", 10)
        assert template.render({"text": "Überschrift lang"}) == expected


def test_truncatechars_keeps_a_safe_text_safe_as_djangos_does():
    template = engines["jinja2"].from_string("{{ text|truncatechars(20) }}")
    assert template.render({"text": mark_safe("<b>fett</b>")}) == "<b>fett</b>"
    assert template.render({"text": "<b>fett</b>"}) == "&lt;b&gt;fett&lt;/b&gt;"
