"""The German desk speaks German: no string of ours reaches it untranslated.

Every English source string in our catalogue that has a German translation is
looked for in the desk's pages, in their text and in the names screen readers
read out (aria-label, title, placeholder, alt). Finding one means a template or
view left it out of translation, or a lazy string was turned into text too early.
"""

import html
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings

from articles.services import article_save
from correction_desk import services

pytestmark = pytest.mark.django_db

CATALOGUE = Path(settings.BASE_DIR) / "locale/de/LC_MESSAGES/django.po"
ATTRIBUTES = re.compile(r'(?:aria-label|title|placeholder|alt)="([^"]*)"')


def english_strings() -> set[str]:
    with CATALOGUE.open("rb") as po:
        catalogue = read_po(po, locale="de")
    found = set()
    for message in catalogue:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = (
            message.string if isinstance(message.string, tuple) else (message.string,)
        )
        for msgid in ids:
            # Whole phrases only: single words ("Spam", "Status") are German too.
            if msgid and " " in msgid and "%(" not in msgid and msgid not in strings:
                found.add(msgid)
    return found


def readable(page: str) -> str:
    names = " | ".join(ATTRIBUTES.findall(page))
    text = re.sub(r"<script.*?</script>|<style.*?</style>", " ", page, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    return html.unescape(re.sub(r"\s+", " ", f"{text} | {names}"))


def test_no_english_on_the_desks_pages(desk, make_report, article, editor):
    report = make_report(passage="rund 8000", suggestion="rund 10.000")
    make_report(passage="rund 8000", description="Dieselbe Zahl.")
    services.report_ask(report=report, editor=editor, text="Woher stammt das?")
    pages = {
        "queue": "/admin/correction_desk/report/",
        "report": f"/admin/correction_desk/report/{report.pk}/change/",
        "figures": "/admin/correction_desk/report/metrics/",
        "notes": "/admin/correction_desk/correctionnote/",
        "new note": "/admin/correction_desk/correctionnote/add/"
        f"?content=articles.article:{article.pk}",
        "article": f"/admin/articles/article/{article.pk}/change/",
        "index": "/admin/",
    }
    english = english_strings()
    assert len(english) > 100
    for name, url in pages.items():
        response = desk.get(url)
        assert response.status_code == 200, (name, url)
        text = readable(response.text)
        leaked = sorted(msgid for msgid in english if msgid in text)
        assert not leaked, f"{name} ({url}) shows English: {leaked}"


def test_titles_name_the_thing_and_screen_readers_hear_german(desk, make_report):
    report = make_report(passage="rund 8000")
    queue = desk.get("/admin/correction_desk/report/").text
    assert "<h1>Meldungen</h1>" in queue
    assert "zur Änderung auswählen" not in queue
    assert "Meldungen durchsuchen" in queue and "Search Meldungen" not in queue
    assert "Seiten: Meldungen" in queue and "Pagination" not in queue
    page = desk.get(f"/admin/correction_desk/report/{report.pk}/change/").text
    assert f"<h1>Meldung #{report.pk}</h1>" in page
    assert "Meldung ändern" not in page
    articles = desk.get("/admin/articles/article/").text
    assert "Nach veröffentlicht am filtern" in articles
    assert "Filter by" not in articles


def test_one_name_for_the_desk_and_for_each_step(desk, make_report, editor):
    index = desk.get("/admin/").text
    assert "Korrekturtisch" in index and "Korrekturdesk" not in index
    figures = desk.get("/admin/correction_desk/report/metrics/").text
    assert "Korrekturtisch: Kennzahlen" in figures
    report = make_report(passage="Erster Absatz", description="Falsch.")
    report.content.body = "Geändert."
    # A later version: the decision is offered.
    article_save(report.content, editor=editor)
    page = desk.get(f"/admin/correction_desk/report/{report.pk}/change/").text
    assert "Schon behoben (ohne Vermerk)" in page and "Still beheben" in page
    assert "Still behoben" not in page
    policies = desk.get("/admin/correction_desk/policypage/").text
    assert "2 Korrekturrichtlinien (je Sprache)" in policies


def test_the_desks_labels_follow_the_editors_language():
    from django.utils import translation

    from correction_desk.fixing.desk import FIELD_LABELS

    with translation.override("de"):
        assert str(FIELD_LABELS["body"]) == "Text"
    with translation.override("en"):
        assert str(FIELD_LABELS["body"]) == "body"
