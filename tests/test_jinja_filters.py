"""The filters of the Jinja2 templates give what Django's filters of the same
name give (newsroom/jinja_environment.py)."""

import pytest
from django.template import defaultfilters, engines
from django.utils.safestring import mark_safe


@pytest.mark.parametrize(
    "text",
    [
        "Kurz.",
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
def test_truncatechars_is_djangos(text):
    template = engines["jinja2"].from_string("{{ text|truncatechars(200) }}")
    expected = defaultfilters.truncatechars(text, 200)
    assert template.render({"text": text}) == str(defaultfilters.escape(expected))


def test_truncatechars_keeps_a_safe_text_safe_as_djangos_does():
    template = engines["jinja2"].from_string("{{ text|truncatechars(20) }}")
    assert template.render({"text": mark_safe("<b>fett</b>")}) == "<b>fett</b>"
    assert template.render({"text": "<b>fett</b>"}) == "&lt;b&gt;fett&lt;/b&gt;"
