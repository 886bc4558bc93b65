"""The fix desk on a picture's caption or credit, and fixes that change nothing.

A report on a caption is about the picture's text: the desk opens that text,
never the same words in the body, and each article showing the picture keeps
a record of the change.
"""

import re

import pytest

from articles.services import article_save, fingerprint, picture_save
from correction_desk import services
from correction_desk.models import CorrectionNote, Report

pytestmark = pytest.mark.django_db

QUEUE = "/admin/correction_desk/report/"
CAPTION = "Wladimir Putin in Kursk, im August."


@pytest.fixture
def putin(make_picture):
    return make_picture(caption=CAPTION, credit="Foto: Anna Beispiel")


@pytest.fixture
def shown(make_article, putin):
    """The picture leads one article and stands in the body of a second (both
    published) and of a draft; the first one's body has the caption's words."""
    first = make_article(
        lead_picture=putin,
        body="Putin in Kursk, im August: so stand es in vielen Berichten.",
    )
    second = make_article(body=f"Ein Absatz.\n\n![](bild:{putin.pk})\n\nNoch einer.")
    draft = make_article(status="draft", published_at=None,
                         body=f"![](bild:{putin.pk})")  # fmt: skip
    return first, second, draft


def caption_report(make_report, article, **fields):
    return make_report(
        content=article,
        passage="Putin in Kursk, im August",
        part="caption",
        description="Das Bild ist aus dem Juli.",
        suggestion="Putin in Kursk, im Juli",
        **fields,
    )


def fix_post(desk, report, shown_picture, action, **fields):
    data = {
        "field": "caption",
        "picture": shown_picture.pk,
        "block_start": 0,
        "block_end": len(shown_picture.caption),
        "seen": fingerprint(shown_picture),
        "new_text": shown_picture.caption.replace("August", "Juli"),
        "kind": "correction",
        "text": "Das Bild entstand im Juli, nicht im August.",
        "reason": "",
        "action": action,
        **fields,
    }
    return desk.post(f"{QUEUE}{report.pk}/fix/", data)


def test_a_caption_report_opens_the_caption_not_the_same_words_in_the_body(
    desk, shown, putin, make_report
):
    first, second, _draft = shown
    report = caption_report(make_report, first)
    page = desk.get(f"{QUEUE}{report.pk}/change/").text
    assert f"Fundstelle: Bildunterschrift von Bild {putin.pk}" in page
    assert "<mark>Putin in Kursk, im August</mark>." in page
    assert "so stand es in vielen Berichten" not in page.split("fix-source")[1][:300]
    assert "nicht mehr im Artikel" not in page
    # The desk names every article showing the picture, the draft as not public.
    assert "Das Bild steht in 3 Artikeln:" in page
    assert second.title in page and "(nicht öffentlich)" in page


def test_fixing_a_caption_changes_the_caption_only_and_each_article_records_it(
    desk, shown, putin, make_report
):
    first, second, draft = shown
    report = caption_report(make_report, first)
    response = fix_post(desk, report, putin, "publish")
    assert response.status_code == 302
    putin.refresh_from_db()
    assert putin.caption == "Wladimir Putin in Kursk, im Juli."
    for article in (first, second, draft):
        article.refresh_from_db()
    assert first.body.startswith("Putin in Kursk, im August")  # the body is as it was
    assert (first.revision, second.revision, draft.revision) == (2, 2, 1)
    # Both public articles carry the note, tied to the version it produced.
    notes = {note.content.pk: note for note in CorrectionNote.objects.all()}
    assert set(notes) == {first.pk, second.pk}
    for article in (first, second):
        version = article.versions.get()
        assert "im August" in version.picture_text
        assert notes[article.pk].compare_from == version.revision
        assert notes[article.pk].passage.startswith("Juli")
    report.refresh_from_db()
    assert report.status == Report.Status.CORRECTED
    assert report.correction_note == notes[first.pk]
    versions = desk.get(f"{second.get_absolute_url()}versionen/?from=1&to=2").text
    assert re.search(r"<del>(?:(?!</del>).)*August", versions, re.S)
    assert re.search(r"<ins>(?:(?!</ins>).)*Juli", versions, re.S)
    message = desk.get(response["Location"]).text
    assert "Der gleiche Vermerk steht an 1 weiteren Artikel mit dem Bild." in message


def test_the_readers_suggestion_goes_into_the_caption(desk, shown, putin, make_report):
    first, *_ = shown
    report = caption_report(make_report, first)
    response = fix_post(desk, report, putin, "accept", new_text="egal")
    assert response.context["desk_form"]["new_text"].value() == (
        "Wladimir Putin in Kursk, im Juli."
    )


def test_a_credit_report_opens_the_credit(desk, shown, putin, make_report):
    first, *_ = shown
    report = make_report(
        content=first, passage="Anna Beispiel", part="credit", description="Falsch."
    )
    page = desk.get(f"{QUEUE}{report.pk}/change/").text
    assert f"Fundstelle: Bildnachweis von Bild {putin.pk}" in page
    assert "Foto: <mark>Anna Beispiel</mark>" in page


@pytest.mark.parametrize(
    "fields",
    [
        {"picture": ""},  # a caption needs its picture
        {"field": "body"},  # the body with a picture's number
        {"picture": "999999"},
        {"block_end": "9999"},
    ],
)
def test_a_tampered_picture_fix_is_refused_without_harm(
    desk, shown, putin, make_report, fields
):
    first, *_ = shown
    report = caption_report(make_report, first)
    assert fix_post(desk, report, putin, "publish", **fields).status_code == 400
    putin.refresh_from_db()
    assert putin.caption == CAPTION
    assert not CorrectionNote.objects.exists()


def test_a_picture_another_article_shows_cannot_be_fixed_from_this_report(
    desk, shown, make_report, make_picture
):
    first, *_ = shown
    elsewhere = make_picture(caption="Ein anderes Bild.")
    report = caption_report(make_report, first)
    response = fix_post(desk, report, elsewhere, "publish")
    assert response.status_code == 400
    elsewhere.refresh_from_db()
    assert elsewhere.caption == "Ein anderes Bild."


def test_a_caption_changed_meanwhile_is_never_overwritten(
    desk, shown, putin, make_report
):
    first, *_ = shown
    report = caption_report(make_report, first)
    seen = fingerprint(putin)
    putin.caption = "Von einer Kollegin geändert."
    picture_save(putin)
    response = fix_post(
        desk, report, putin, "publish", seen=seen, block_end=len(CAPTION),
        new_text="Wladimir Putin in Kursk, im Juli.",
    )  # fmt: skip
    assert response.status_code == 400
    assert "seit Sie diese Seite geöffnet haben" in response.text
    putin.refresh_from_db()
    assert putin.caption == "Von einer Kollegin geändert."


# A fix that changes nothing


def test_fix_silently_without_a_change_is_refused_and_offers_the_right_decisions(
    desk, make_article, make_report, mailoutbox
):
    article = make_article(body="Rund 8000 Soldaten.")
    report = make_report(
        content=article, passage="8000", description="Falsch.",
        reporter_email="leser@example.org", consent=True,
    )  # fmt: skip
    response = desk.post(
        f"{QUEUE}{report.pk}/fix/",
        {
            "field": "body", "block_start": 0, "block_end": len(article.body),
            "seen": fingerprint(article), "new_text": article.body,
            "kind": "correction", "text": "", "reason": "", "action": "silent",
        },
    )  # fmt: skip
    assert response.status_code == 400
    assert "Seit die Leserin oder der Leser den Text gesehen hat" in response.text
    assert "„bereits korrekt“" in response.text
    report.refresh_from_db()
    assert report.status == Report.Status.NEW
    assert not mailoutbox


def test_the_fixed_silently_decision_needs_a_change_since_the_reader_saw_it(
    desk, make_article, make_report, editor
):
    article = make_article(body="Rund 8000 Soldaten.")
    report = make_report(content=article, passage="8000", description="Falsch.")
    refused = desk.post(
        f"{QUEUE}{report.pk}/decide/", {"decision": "fixed_silently"}, follow=True
    )
    assert "nichts behoben" in refused.text
    report.refresh_from_db()
    assert report.status == Report.Status.NEW
    # Once the text has changed (a later version is public), it may be closed so.
    article.body = "Rund 11.000 Soldaten."
    article_save(article, editor=editor)
    services.report_fix_silently(report=report, editor=editor)
    report.refresh_from_db()
    assert report.status == Report.Status.FIXED_SILENTLY


def test_a_resolved_caption_report_still_finds_its_passage(
    desk, putin, make_article, make_report, editor
):
    # The lead picture's caption: not in the body's text, as a body picture's is.
    article = make_article(lead_picture=putin, body="Nichts über das Bild.")
    report = caption_report(make_report, article)
    services.report_reject(report=report, editor=editor, reason="Stimmt so.")
    page = desk.get(f"{QUEUE}{report.pk}/change/").text
    assert "<mark>Putin in Kursk, im August</mark>" in page
    assert "wurde im Artikeltext nicht gefunden" not in page
