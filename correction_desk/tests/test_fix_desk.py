"""The fix desk: from a reader's report to the fixed article and its note."""

import pytest
from django.core import mail

from articles.models import Article
from articles.services import article_save, text_fingerprint
from correction_desk import services
from correction_desk.adapters import ConcurrentEdit
from correction_desk.fixing.source import find_passage
from correction_desk.models import CorrectionNote, Decision, Report
from correction_desk.services import correction_apply

pytestmark = pytest.mark.django_db

QUEUE = "/admin/correction_desk/report/"
BODY = (
    "Die Lage ist unklar.\n\n"
    "Nach Angaben der **USA** sind rund 8000 nordkoreanische Soldaten in der "
    "Region Kursk, wie [das Pentagon](https://example.org/pentagon) sagte.\n\n"
    "- Erster Punkt\n- Zweiter Punkt"
)


@pytest.fixture
def kursk(make_article):
    return make_article(
        title="Soldaten in „Kursk“", lead="Ein Vorspann über Kursk.", body=BODY
    )


# Finding the passage in the Markdown source


def test_a_passage_selected_in_rendered_text_is_found_in_the_markdown(kursk):
    spot = find_passage(kursk, "der USA sind rund 8000 nordkoreanische Soldaten")
    assert spot.field == "body" and spot.exact
    assert kursk.body[spot.start : spot.end] == (
        "der **USA** sind rund 8000 nordkoreanische Soldaten"
    )
    assert spot.block(kursk.body).startswith("Nach Angaben")
    assert spot.block(kursk.body).endswith("sagte.")


def test_link_text_is_found_without_its_address(kursk):
    spot = find_passage(kursk, "wie das Pentagon sagte")
    assert kursk.body[spot.start : spot.end] == (
        "wie [das Pentagon](https://example.org/pentagon) sagte"
    )


@pytest.mark.parametrize(
    ("passage", "field"),
    [("Soldaten in „Kursk“", "title"), ("Vorspann über", "lead")],
)
def test_passages_in_headline_and_lead_are_found_there(kursk, passage, field):
    spot = find_passage(kursk, passage)
    assert spot.field == field and spot.exact
    assert (spot.block_start, spot.block_end) == (0, len(getattr(kursk, field)))


def test_of_two_equal_passages_the_one_the_reader_saw_is_chosen(make_article):
    article = make_article(body="Kursk liegt im Westen.\n\nDer Ort Kursk liegt fern.")
    spot = find_passage(article, "Kursk", context_before="Der Ort ")
    assert article.body[spot.start : spot.end] == "Kursk"
    assert spot.start == article.body.index("Ort Kursk") + 4


def test_a_passage_no_longer_there_gets_the_closest_match_in_the_whole_body(kursk):
    spot = find_passage(kursk, "rund 10000 nordkoreanische Soldaten in der Region")
    assert not spot.exact and spot.field == "body"
    assert (spot.block_start, spot.block_end) == (0, len(kursk.body))
    assert "nordkoreanische Soldaten" in kursk.body[spot.start : spot.end]


# The service


def test_correction_apply_fixes_text_publishes_note_and_resolves_in_one_go(
    kursk, editor, make_report
):
    report = make_report(
        content=kursk, passage="8000", suggestion="11.000", client_hash="a"
    )
    duplicate = make_report(content=kursk, passage="8000", client_hash="b")
    services.report_mark_duplicate(report=duplicate, editor=editor, original=report)
    note = correction_apply(
        content=kursk,
        editor=editor,
        changes={"body": kursk.body.replace("8000", "11.000")},
        seen=text_fingerprint(kursk),
        note_text="Es sind 11.000, nicht 8000.",
        reports=[report],
    )
    kursk.refresh_from_db()
    assert "11.000 nordkoreanische" in kursk.body and kursk.revision == 2
    assert note.revision == 2 and note.published_at is not None
    assert note.compare_from == kursk.versions.get().revision == 1
    assert kursk.versions.get().replaced_by == editor
    for each in (report, duplicate):
        each.refresh_from_db()
        assert each.status == Report.Status.CORRECTED and each.correction_note == note
    assert note.changes.get().action == "published"


def test_a_failure_anywhere_leaves_no_partial_change(kursk, editor, make_report):
    report = make_report(content=kursk, passage="8000")
    with pytest.raises(ValueError):
        correction_apply(
            content=kursk,
            editor=editor,
            changes={"body": "Neu.", "kicker": "nicht erlaubt"},
            seen=text_fingerprint(kursk),
            note_text="Hinweis.",
            reports=[report],
        )
    # Fails last: text and note are written before the spam report refuses.
    spam = make_report(content=kursk, description="Werbung")
    services.report_mark_spam(report=spam, editor=editor)
    with pytest.raises(services.TransitionError):
        correction_apply(
            content=kursk,
            editor=editor,
            changes={"body": "Ganz neuer Text."},
            seen=text_fingerprint(kursk),
            note_text="Hinweis.",
            reports=[report, spam],
        )
    kursk.refresh_from_db()
    report.refresh_from_db()
    assert kursk.body == BODY and kursk.revision == 1
    assert not kursk.versions.exists() and not CorrectionNote.objects.exists()
    assert report.status == Report.Status.NEW


def test_an_edit_made_meanwhile_is_never_overwritten(kursk, editor, make_report):
    report = make_report(content=kursk, passage="8000")
    seen = text_fingerprint(kursk)
    article_save(Article.objects.get(pk=kursk.pk))  # unchanged: not an edit
    other = Article.objects.get(pk=kursk.pk)
    other.lead = "Eine Kollegin hat den Vorspann geändert."
    article_save(other)
    with pytest.raises(ConcurrentEdit):
        correction_apply(
            content=kursk,
            editor=editor,
            changes={"body": "Mein Text."},
            seen=seen,
            note_text="Hinweis.",
            reports=[report],
        )
    kursk.refresh_from_db()
    assert kursk.lead == "Eine Kollegin hat den Vorspann geändert."
    assert kursk.body == BODY


def test_a_silent_fix_keeps_the_version_and_the_decision_but_no_note(
    kursk, editor, make_report
):
    report = make_report(content=kursk, passage="Lage")
    correction_apply(
        content=kursk,
        editor=editor,
        changes={"body": BODY.replace("unklar", "weiter unklar")},
        seen=text_fingerprint(kursk),
        reports=[report],
        silent=True,
        reason="Tippfehler behoben.",
    )
    report.refresh_from_db()
    assert report.status == Report.Status.FIXED_SILENTLY
    assert Decision.objects.filter(report=report, to_status="fixed_silently").exists()
    assert not CorrectionNote.objects.exists()
    assert kursk.versions.count() == 1


def test_starting_review_makes_the_report_the_editors(editor, make_report):
    report = services.report_start_review(report=make_report(), editor=editor)
    assert report.assignee == editor


# The desk in the admin


def open_report(kursk, make_report, **fields):
    fields = {
        "content": kursk,
        "passage": "rund 8000 nordkoreanische Soldaten",
        "context_before": "der USA sind ",
        "description": "Das Pentagon spricht von 11.000.",
        "suggestion": "rund 11.000 nordkoreanische Soldaten",
        **fields,
    }
    return make_report(**fields)


def test_the_report_page_shows_the_passage_in_the_source_and_the_proposal(
    desk, kursk, make_report
):
    report = open_report(kursk, make_report)
    page = desk.get(f"{QUEUE}{report.pk}/change/").text
    assert "<mark>rund 8000 nordkoreanische Soldaten</mark>" in page
    assert "Nach Angaben der **USA**" in page  # the Markdown source, to edit
    assert "rund 11.000 nordkoreanische Soldaten in der Region Kursk" in page
    assert "Korrigieren und veröffentlichen" in page
    assert "In einer früheren Version dieses Artikels hieß es" in page


def desk_post(desk, report, kursk, action, **fields):
    data = {
        "field": "body",
        "block_start": BODY.index("Nach Angaben"),
        "block_end": BODY.index("sagte.") + len("sagte."),
        "seen": text_fingerprint(kursk),
        "new_text": BODY[BODY.index("Nach") : BODY.index("sagte.") + 6].replace(
            "8000", "11.000"
        ),
        "kind": "correction",
        "text": "Es sind 11.000 Soldaten, nicht 8000.",
        "reason": "",
        "action": action,
        **fields,
    }
    return desk.post(f"{QUEUE}{report.pk}/fix/", data)


def test_preview_shows_the_word_diff_and_the_note_and_saves_nothing(
    desk, kursk, make_report
):
    report = open_report(kursk, make_report)
    page = desk_post(desk, report, kursk, "preview").text
    assert "<del>8000</del>" in page and "<ins>11.000</ins>" in page
    assert "Es sind 11.000 Soldaten, nicht 8000." in page
    kursk.refresh_from_db()
    assert kursk.revision == 1 and not CorrectionNote.objects.exists()


def test_accepting_the_suggestion_without_javascript_puts_it_in_the_text(
    desk, kursk, make_report
):
    report = open_report(kursk, make_report)
    response = desk_post(desk, report, kursk, "accept", new_text="egal")
    textarea = response.context["desk_form"]["new_text"].value()
    assert "rund 11.000 nordkoreanische Soldaten in der Region Kursk" in textarea
    assert "<ins>11.000</ins>" in response.text


def test_correct_and_publish_lands_on_the_next_report_with_a_message(
    desk, kursk, make_report, editor, mailoutbox, django_capture_on_commit_callbacks
):
    report = open_report(
        kursk, make_report, reporter_email="leser@example.org", consent=True
    )
    following = make_report(content=kursk, description="Noch etwas.")
    with django_capture_on_commit_callbacks(execute=True):
        response = desk_post(desk, report, kursk, "publish")
    assert response.status_code == 302
    assert response["Location"] == f"{QUEUE}{following.pk}/change/"
    page = desk.get(response["Location"]).text
    assert "Die Korrektur ist veröffentlicht; 1 Meldung erledigt." in page
    assert f"Nächste Meldung: #{following.pk}." in page
    kursk.refresh_from_db()
    assert "rund 11.000 nordkoreanische" in kursk.body
    public = desk.get(kursk.get_absolute_url()).text
    assert "Es sind 11.000 Soldaten, nicht 8000." in public
    assert any("leser@example.org" in message.to for message in mail.outbox)


def test_after_the_last_report_the_editor_lands_on_the_queue(desk, kursk, make_report):
    report = open_report(kursk, make_report)
    response = desk_post(desk, report, kursk, "silent", text="")
    assert response["Location"] == QUEUE
    assert "Keine offenen Meldungen mehr." in desk.get(QUEUE).text


def test_a_concurrent_edit_is_shown_and_the_editors_text_kept(desk, kursk, make_report):
    report = open_report(kursk, make_report)
    seen = text_fingerprint(kursk)
    kursk.lead = "Geändert von einer Kollegin."
    article_save(kursk)
    response = desk_post(desk, report, kursk, "publish", seen=seen)
    assert response.status_code == 400
    assert "seit Sie diese Seite geöffnet haben" in response.text
    assert (
        "rund 11.000 nordkoreanische"
        in response.context["desk_form"]["new_text"].value()
    )
    kursk.refresh_from_db()
    assert "8000" in kursk.body


def test_a_passage_that_is_gone_falls_back_to_the_full_text(desk, kursk, make_report):
    report = open_report(kursk, make_report, passage="rund 9999 Soldaten")
    page = desk.get(f"{QUEUE}{report.pk}/change/").text
    assert "Die Textstelle steht nicht mehr im Artikel." in page
    assert "<mark>" in page and "Die Lage ist unklar." in page


def test_a_note_is_required_to_publish(desk, kursk, make_report):
    report = open_report(kursk, make_report)
    response = desk_post(desk, report, kursk, "publish", text="")
    assert response.status_code == 400
    assert "Bitte schreiben Sie den Vermerk" in response.text
    assert not CorrectionNote.objects.exists()


@pytest.mark.parametrize(
    "fields",
    [
        {"block_start": "²"},
        {"block_end": "9" * 23},
        {"block_start": "50", "block_end": "10"},
        {"block_end": "999999"},
        {"field": "kicker"},
        {"seen": "x" * 500},
        {"action": "delete"},
    ],
)
def test_a_tampered_desk_form_is_refused_without_harm(desk, kursk, make_report, fields):
    report = open_report(kursk, make_report)
    action = fields.pop("action", "publish")
    response = desk_post(desk, report, kursk, action, **fields)
    assert response.status_code == 400
    kursk.refresh_from_db()
    assert kursk.body == BODY


def test_a_fixed_report_links_its_note_and_the_version_it_produced(
    desk, kursk, make_report
):
    report = open_report(kursk, make_report)
    desk_post(desk, report, kursk, "publish")
    note = CorrectionNote.objects.get()
    page = desk.get(f"{QUEUE}{report.pk}/change/").text
    assert f"/admin/correction_desk/correctionnote/{note.pk}/change/" in page
    assert "/versionen/?from=1&amp;to=2" in page
    note_page = desk.get(
        f"/admin/correction_desk/correctionnote/{note.pk}/change/"
    ).text
    assert f"{QUEUE}{report.pk}/change/" in note_page
    assert "?from=1&amp;to=2" in note_page


def test_the_desk_looks_first_where_the_reader_selected(make_article):
    article = make_article(lead="Kursk liegt im Westen.", body="Kursk liegt im Westen.")
    assert find_passage(article, "Kursk liegt", part="lead").field == "lead"
    assert find_passage(article, "Kursk liegt", part="body").field == "body"
