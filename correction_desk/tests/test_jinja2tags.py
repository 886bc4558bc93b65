"""The desk's tags on a Jinja2 site (`correction_desk.jinja2tags.desk`) render
what the Django tags render, so a correction reads the same on either."""

import pytest
import time_machine
from django.template import engines

from correction_desk.models import CorrectionNote

pytestmark = pytest.mark.django_db

DJANGO = """{% load correction_desk %}{% public_notes story as notes %}
{% counter_statements story "title" %}
{% include "correction_desk/_notes_notice.html" %}
{% correction_notes story %}
{% report_section story %}"""
JINJA2 = """
{{ counter_statements(story, "title") }}
{{ correction_notice(story) }}
{{ correction_notes(story) }}
{{ report_section(story) }}"""


def rendered(article) -> tuple[str, str]:
    with time_machine.travel(article.published_at, tick=False):
        django = engines["django"].from_string(DJANGO).render({"story": article})
        jinja2 = engines["jinja2"].from_string(JINJA2).render({"story": article})
    return django, jinja2


def test_notes_counter_statements_and_the_form_are_the_same_on_both_engines(
    article, editor
):
    for kind, text, placement in [
        ("correction", "Es waren 8000, nicht 10.000.", ""),
        ("counter_statement", "Ich habe das nie gesagt.", "title"),
    ]:
        CorrectionNote.objects.create(
            content=article, kind=kind, text=text, placement=placement,
            created_by=editor, published_at=article.published_at,
        )  # fmt: skip
    django, jinja2 = rendered(article)
    assert jinja2 == django
    assert "Es waren 8000, nicht 10.000." in jinja2
    assert "Ich habe das nie gesagt." in jinja2
    assert "Dieser Artikel wurde am" in jinja2 and "korrigiert" in jinja2
    assert "Haben Sie einen Fehler oder eine Ungenauigkeit festgestellt?" in jinja2


def test_without_notes_only_the_form_is_shown(article):
    django, jinja2 = rendered(article)
    assert jinja2 == django
    assert "correction-notes" not in jinja2 and "counter-statement" not in jinja2
    assert "Haben Sie einen Fehler oder eine Ungenauigkeit festgestellt?" in jinja2
