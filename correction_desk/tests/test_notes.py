"""Notes the newsroom starts itself, and notes that change: amended, withdrawn."""

import json
import re
from datetime import timedelta

import feedparser
import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from correction_desk.models import CorrectionNote, CorrectionNoteChange
from correction_desk.services import note_amend, note_withdraw

pytestmark = pytest.mark.django_db

NOTES = "/admin/correction_desk/correctionnote/"


def json_ld(html: str) -> dict:
    (data,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)
    return json.loads(data)


def public(client, article) -> dict:
    """What readers see of the article's notes: page, log, feed and JSON-LD."""
    client.logout()
    page = client.get(article.get_absolute_url()).text
    return {
        "page": page,
        "log": client.get("/korrekturen/").text,
        "feed": feedparser.parse(client.get("/korrekturen/feed/").content),
        "json_ld": json_ld(page),
    }


def as_the_page_sends(desk, url, data):
    """Post `data` with the inline management fields the admin page carries."""
    page = desk.get(url)
    for inline in page.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
    return desk.post(url, data)


def add_note(desk, article, **fields):
    data = {
        "content_key": f"articles.article:{article.pk}",
        "kind": "update",
        "text": "Neue Zahlen.",
        **fields,
    }
    return desk.post(f"{NOTES}add/", data)


def test_the_newsroom_adds_a_note_without_a_report_from_the_article(
    desk, article, editor
):
    page = desk.get(f"/admin/articles/article/{article.pk}/change/").text
    assert f"{NOTES}add/?content=articles.article:{article.pk}" in page
    form = desk.get(f"{NOTES}add/?content=articles.article:{article.pk}")
    assert (
        form.context["adminform"].form.initial["content_key"]
        == f"articles.article:{article.pk}"
    )
    assert add_note(desk, article).status_code == 302
    note = CorrectionNote.objects.get()
    assert (note.content, note.kind, note.created_by) == (article, "update", editor)
    assert note.published_at is not None and not note.reports.exists()
    assert note.changes.get().action == CorrectionNoteChange.Action.PUBLISHED
    seen = public(desk, article)
    assert "Neue Zahlen." in seen["page"] and "Neue Zahlen." in seen["log"]
    assert "aktualisiert" in seen["page"]
    assert [e.summary for e in seen["feed"].entries] == ["<p>Neue Zahlen.</p>"]
    assert [c["text"] for c in seen["json_ld"]["correction"]] == ["Neue Zahlen."]


@pytest.mark.parametrize("value", ["²", "9" * 23, "x", ""])
def test_a_made_up_article_in_the_add_address_is_ignored(desk, value):
    response = desk.get(f"{NOTES}add/", {"content": value})
    assert response.status_code == 200
    assert "content_key" not in response.context["adminform"].form.initial


def test_an_amended_note_keeps_its_old_text_and_says_so(desk, article, editor):
    add_note(desk, article, kind="correction", text="Es waren 8000.")
    note = CorrectionNote.objects.get()
    later = timezone.now() + timedelta(hours=2)
    with time_machine.travel(later, tick=False):
        response = as_the_page_sends(
            desk,
            f"{NOTES}{note.pk}/change/",
            {"kind": "correction", "text": "Es waren 11.000.", "reason": "Tippfehler"},
        )
    assert response.status_code == 302
    note.refresh_from_db()
    assert note.text == "Es waren 11.000." and note.amended_at == later
    change = note.changes.get(action="amended")
    assert (change.previous_text, change.reason, change.editor) == (
        "Es waren 8000.",
        "Tippfehler",
        editor,
    )
    history = desk.get(f"{NOTES}{note.pk}/change/").text
    assert "Es waren 8000." in history  # who changed what, in the note's history
    seen = public(desk, article)
    assert "Es waren 11.000." in seen["page"] and "Ergänzt am" in seen["page"]
    assert "Ergänzt am" in seen["log"]
    (entry,) = seen["feed"].entries
    assert "Ergänzt am" in entry.summary
    (correction,) = seen["json_ld"]["correction"]
    assert correction["dateModified"] == later.isoformat()
    assert seen["json_ld"]["dateModified"] == later.isoformat()


def test_a_withdrawn_note_is_marked_everywhere_and_no_longer_a_correction(
    desk, article
):
    add_note(desk, article, kind="correction", text="Falscher Vermerk.")
    note = CorrectionNote.objects.get()
    reader = Client()
    reader.get(article.get_absolute_url())  # the page is now in the cache
    assert "Zurückgezogen am" not in reader.get(article.get_absolute_url()).text
    form = desk.get(f"{NOTES}{note.pk}/withdraw/")
    assert "Vermerk zurückziehen" in form.text
    assert desk.post(f"{NOTES}{note.pk}/withdraw/", {"reason": ""}).status_code == 200
    response = desk.post(
        f"{NOTES}{note.pk}/withdraw/", {"reason": "Der Artikel war richtig."}
    )
    assert response.status_code == 302
    note.refresh_from_db()
    assert note.withdrawn_at and note.changes.filter(action="withdrawn").exists()
    assert "Zurückgezogen am" in reader.get(article.get_absolute_url()).text
    seen = public(desk, article)
    assert "Zurückgezogen am" in seen["page"]
    assert "Der Artikel war richtig." in seen["page"]
    assert "Dieser Artikel wurde am" not in seen["page"]  # no "corrected" notice
    assert "Zurückgezogen am" in seen["log"]
    (entry,) = seen["feed"].entries
    assert "(zurückgezogen)" in entry.title and "Der Artikel war richtig." in (
        entry.summary
    )
    assert seen["json_ld"]["correction"] == []


def test_a_withdrawn_note_cannot_be_amended_or_withdrawn_again(article, editor):
    from correction_desk.services import correction_publish

    note = correction_publish(
        content=article, editor=editor, kind="correction", text="Text.", reports=[]
    )
    with pytest.raises(ValidationError):
        note_withdraw(note=note, editor=editor, reason="  ")
    note_withdraw(note=note, editor=editor, reason="Irrtum.")
    with pytest.raises(ValidationError):
        note_amend(note=note, editor=editor, text="Neu.")
    with pytest.raises(ValidationError):
        note_withdraw(note=note, editor=editor, reason="Nochmal.")


def test_notes_are_never_deleted_in_the_admin(desk, article):
    add_note(desk, article)
    note = CorrectionNote.objects.get()
    assert desk.get(f"{NOTES}{note.pk}/delete/").status_code == 403


def test_the_admin_index_shows_the_editors_desk_at_a_glance(desk, editor, make_report):
    from correction_desk.services import report_assign

    mine = make_report(description="Meins")
    report_assign(report=mine, editor=editor, assignee=editor)
    make_report(description="Niemandes")
    page = desk.get("/admin/").text
    assert "1 offene Meldung von mir" in page
    assert "1 niemandem zugewiesen" in page


def test_the_article_admin_links_its_open_reports_and_notes(desk, article, make_report):
    report = make_report(description="Zahl falsch")
    add_note(desk, article, text="Ein Hinweis.")
    page = desk.get(f"/admin/articles/article/{article.pk}/change/").text
    assert f"/admin/correction_desk/report/{report.pk}/change/" in page
    note = CorrectionNote.objects.get()
    assert f"{NOTES}{note.pk}/change/" in page


# Where the editor lands, and what they are told


def test_after_adding_a_note_the_editor_is_back_on_the_article(desk, article):
    response = add_note(desk, article)
    assert response["Location"] == f"/admin/articles/article/{article.pk}/change/"
    page = desk.get(response["Location"]).text
    assert f"Der Vermerk ist an „{article.title}“ veröffentlicht." in page


def test_an_amendment_says_what_readers_see_and_the_reason_kept(desk, article):
    add_note(desk, article, kind="correction", text="Es waren 8000.")
    note = CorrectionNote.objects.get()
    url = f"{NOTES}{note.pk}/change/"
    response = as_the_page_sends(
        desk, url, {"kind": "correction", "text": "Es waren 11.000.",
                    "reason": "Zahl aus dem Protokoll"},
    )  # fmt: skip
    assert response["Location"] == url
    page = desk.get(url).text
    assert "Der Vermerk ist ergänzt" in page
    assert "Begründung festgehalten: „Zahl aus dem Protokoll“" in page
    assert "erfolgreich" not in page


def test_a_reason_without_a_change_is_not_dropped_silently(desk, article):
    add_note(desk, article, kind="correction", text="Es waren 8000.")
    note = CorrectionNote.objects.get()
    response = as_the_page_sends(
        desk, f"{NOTES}{note.pk}/change/",
        {"kind": "correction", "text": "Es waren 8000.", "reason": "Nur so."},
    )  # fmt: skip
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert "Der Vermerk ist unverändert" in form.errors["reason"][0]
    assert form["reason"].value() == "Nur so."
    assert not note.changes.filter(action="amended").exists()


def test_the_fix_preview_has_the_admins_breadcrumbs(desk, make_report, article):
    report = make_report(passage="Erster Absatz", description="Falsch.")
    page = desk.post(
        f"/admin/correction_desk/report/{report.pk}/fix/", {"action": "preview"}
    ).text
    assert '<ol class="breadcrumbs">' in page
    assert '<li aria-current="page">Korrekturtisch</li>' in page
