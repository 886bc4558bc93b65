"""The editors ask the reader a question; the reader answers on their own page."""

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.utils import timezone

from correction_desk import services
from correction_desk.intake.status import status_url
from correction_desk.models import ReportMessage

pytestmark = pytest.mark.django_db

QUEUE = "/admin/correction_desk/report/"


@pytest.fixture
def reported(make_report):
    return make_report(
        description="Die Zahl ist falsch.",
        reporter_email="leserin@example.org",
        consent=True,
    )


def test_a_question_reaches_the_reader_and_the_answer_reaches_the_desk(
    desk, reported, settings, sending
):
    settings.CORRECTION_DESK_DESK_EMAIL = "desk@example.org"
    mail.outbox.clear()
    # The link is signed with the second it was made: one clock for mail and test.
    with time_machine.travel(timezone.now(), tick=False):
        response = sending(
            desk.post,
            f"{QUEUE}{reported.pk}/ask/",
            {"question-text": "Welche Quelle haben Sie?"},
        )
        assert response.status_code == 302
        (question_mail,) = mail.outbox
        assert question_mail.to == ["leserin@example.org"]
        assert "Welche Quelle haben Sie?" in question_mail.body
        assert status_url(reported) in question_mail.body

    reader = Client()
    page = reader.get(status_url(reported)).text
    assert "Frage der Redaktion" in page and "Welche Quelle haben Sie?" in page
    assert "Antwort senden" in page
    sent = sending(
        reader.post, status_url(reported), {"text": "Das Protokoll, Seite 3."}
    )
    assert sent.status_code == 302
    assert "Danke: Die Redaktion hat Ihre Antwort" in reader.get(sent["Location"]).text
    answer = mail.outbox[-1]
    assert answer.to == ["desk@example.org"]
    assert "Das Protokoll, Seite 3." in answer.body
    history = desk.get(f"{QUEUE}{reported.pk}/change/").text
    assert "Das Protokoll, Seite 3." in history
    assert "Antwort senden" not in reader.get(status_url(reported)).text


def test_without_a_question_the_reader_cannot_post(reported):
    reader = Client()
    assert "Antwort senden" not in reader.get(status_url(reported)).text
    reader.post(status_url(reported), {"text": "Unaufgefordert."})
    assert not ReportMessage.objects.exists()


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),
        ("Ohne\x00Null", "OhneNull"),
        ("Ümläüte 😀 עברית", "Ümläüte 😀 עברית"),
    ],
)
def test_hostile_answers_are_stored_clean_and_shown_escaped(
    reported, editor, text, stored
):
    services.report_ask(report=reported, editor=editor, text="Frage?")
    reader = Client()
    reader.post(status_url(reported), {"text": text})
    message = ReportMessage.objects.get(sender="reader")
    assert message.text == stored
    page = reader.get(status_url(reported)).text
    assert "<script>alert(1)</script>" not in page


def test_a_too_long_answer_keeps_the_readers_text(reported, editor):
    services.report_ask(report=reported, editor=editor, text="Frage?")
    reader = Client()
    typed = "ä" * 5001
    response = reader.post(status_url(reported), {"text": typed})
    assert response.status_code == 400
    assert typed in response.text
    assert "Fehler:" in response.text.split("</title>")[0]
    assert not ReportMessage.objects.filter(sender="reader").exists()


def test_an_answer_from_another_site_is_refused(reported, editor):
    services.report_ask(report=reported, editor=editor, text="Frage?")
    forged = Client(enforce_csrf_checks=True)
    response = forged.post(status_url(reported), {"text": "Von woanders."})
    assert response.status_code == 403
    assert not ReportMessage.objects.filter(sender="reader").exists()


def test_closed_reports_take_no_questions(desk, reported, editor):
    services.report_mark_spam(report=reported, editor=editor)
    desk.post(f"{QUEUE}{reported.pk}/ask/", {"question-text": "Noch da?"})
    assert not ReportMessage.objects.exists()


def test_a_reader_without_an_address_still_sees_the_question(desk, make_report, editor):
    report = make_report(description="Ohne Adresse.")
    page = desk.get(f"{QUEUE}{report.pk}/change/").text
    assert "keine E-Mail-Adresse hinterlassen" in page
    services.report_ask(report=report, editor=editor, text="Wo steht das?")
    assert "Wo steht das?" in Client().get(status_url(report)).text


# The conversation in the queue


def queue_row(page: str, report) -> str:
    start = page.index(f'value="{report.pk}"')
    return page[start : page.index("</tr>", start)]


def test_asked_and_answered_reports_are_marked_filtered_and_answers_come_first(
    desk, reported, make_report, editor
):
    quiet = make_report(description="Noch etwas anderes.")
    services.report_ask(report=reported, editor=editor, text="Welche Quelle?")
    page = desk.get(QUEUE).text
    assert "Frage offen" in queue_row(page, reported)
    assert "Frage offen" not in queue_row(page, quiet)
    assert "Leser haben geantwortet" not in page
    asked = desk.get(QUEUE, {"conversation": "asked"}).context["cl"].result_list
    assert list(asked) == [reported]

    services.report_answer(report=reported, text="Das Protokoll.")
    page = desk.get(QUEUE).text
    assert "Antwort da" in queue_row(page, reported)
    # The answer is at the top of the list, above the oldest-first rows.
    top = page.index("Leser haben geantwortet")
    assert top < page.index(f'value="{quiet.pk}"')
    assert f"/admin/correction_desk/report/{reported.pk}/change/#conversation" in page
    answered = desk.get(QUEUE, {"conversation": "answered"}).context["cl"]
    assert list(answered.result_list) == [reported]

    # Asked again: waiting for the reader once more, no longer at the top.
    services.report_ask(report=reported, editor=editor, text="Welche Seite?")
    page = desk.get(QUEUE).text
    assert "Frage offen" in queue_row(page, reported)
    assert "Leser haben geantwortet" not in page


def test_a_resolved_report_is_no_longer_marked(desk, reported, editor):
    services.report_ask(report=reported, editor=editor, text="Welche Quelle?")
    services.report_answer(report=reported, text="Das Protokoll.")
    services.report_reject(report=reported, editor=editor, reason="Stimmt so.")
    page = desk.get(QUEUE, {"status": "all"}).text
    assert "Antwort da" not in queue_row(page, reported)
    assert "Leser haben geantwortet" not in page
