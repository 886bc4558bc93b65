import pytest
from django.core import mail
from django.core.management import call_command

from articles.services import section_save
from correction_desk import services

pytestmark = pytest.mark.django_db


def test_new_report_is_mailed_to_the_section_desk(sending, make_report, article):
    article.section.desk_email = "politik@example.org"
    section_save(article.section)
    report = sending(make_report, passage="rund 8000", description="Es waren mehr.")
    (message,) = mail.outbox
    assert message.to == ["politik@example.org"]
    assert article.title in message.subject
    assert "Es waren mehr." in message.body
    assert f"/admin/correction_desk/report/{report.pk}/change/" in message.body


def test_desk_address_falls_back_to_the_setting(sending, make_report, settings):
    settings.CORRECTION_DESK_DESK_EMAIL = "desk@example.org"
    sending(make_report)
    assert mail.outbox[0].to == ["desk@example.org"]


def test_spam_does_not_reach_the_desk(sending, make_report):
    sending(make_report, spam_reason="honeypot")
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("language", "greeting", "outcome"),
    [
        ("de", "vielen Dank für Ihre Meldung", "Wir haben Ihre Meldung geprüft"),
        ("en", "thank you for your report", "We have checked your report"),
    ],
)
def test_reader_hears_the_outcome_in_their_language(
    sending, make_report, editor, language, greeting, outcome
):
    report = make_report(
        reporter_email="leser@example.org", consent=True, language=language
    )
    mail.outbox.clear()
    sending(
        services.report_reject, report=report, editor=editor, reason="Es stimmt so."
    )
    (message,) = mail.outbox
    assert message.to == ["leser@example.org"]
    assert greeting in message.body and outcome in message.body
    assert "Es stimmt so." in message.body
    report.refresh_from_db()
    assert report.reporter_email == "", "the address is erased once it has been used"


def test_reader_hears_about_a_published_correction(
    sending, make_report, editor, article
):
    report = make_report(reporter_email="leser@example.org", consent=True)
    mail.outbox.clear()
    note = sending(
        services.correction_publish,
        content=article, editor=editor, kind="correction",
        text="Es waren 10.000 Soldaten.", reports=[report],
    )  # fmt: skip
    (message,) = mail.outbox
    assert "Sie hatten recht" in message.body
    assert "Es waren 10.000 Soldaten." in message.body
    assert note.get_absolute_url() in message.body


def test_no_outcome_mail_without_an_address(sending, make_report, editor):
    report = make_report()
    mail.outbox.clear()
    sending(services.report_reject, report=report, editor=editor, reason="Nein.")
    assert mail.outbox == []


def test_daily_digest_lists_open_and_overdue_reports(make_report, settings):
    settings.CORRECTION_DESK_DESK_EMAIL = "desk@example.org"
    overdue = make_report(description="Längst fällig")
    overdue.due_at = overdue.created_at.replace(year=2020)
    overdue.save()
    make_report(description="Noch Zeit")
    mail.outbox.clear()
    call_command("send_report_digest")
    (message,) = mail.outbox
    assert message.subject == "Korrekturtisch: 2 offen, 1 überfällig"
    assert "[überfällig] #" in message.body and "Längst fällig" in message.body
    assert "Noch Zeit" in message.body


# The worker runs in its own process, committing its own transactions; with
# PostgreSQL's pool it cannot run inside the test's transaction, so this test commits.
@pytest.mark.django_db(transaction=True)
def test_production_queue_holds_the_mail_until_the_worker_runs(
    make_report, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    # Django resets its task backends when TASKS changes (setting_changed).
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        make_report(description="Über die Warteschlange")
    assert mail.outbox == []
    assert DBTaskResult.objects.count() == 1
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    (message,) = mail.outbox
    assert "Über die Warteschlange" in message.body


@pytest.mark.django_db
def test_the_queued_mail_is_stored_with_its_report_or_not_at_all(make_report, settings):
    from django.db import transaction
    from django_tasks_db.models import DBTaskResult

    from correction_desk.models import Report

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with pytest.raises(RuntimeError), transaction.atomic():
        make_report(description="Abgebrochen")
        # Queued inside the report's own transaction, not after it commits.
        assert DBTaskResult.objects.count() == 1
        raise RuntimeError("the request failed after storing the report")
    assert Report.objects.count() == 0
    assert DBTaskResult.objects.count() == 0


def test_a_broken_mail_server_does_not_lose_the_report(
    client, article, settings, django_capture_on_commit_callbacks, caplog
):
    from correction_desk.models import Report

    from .helpers import report_post, report_url

    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 2},
        }
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(report_url(article), report_post(article))
    assert response.status_code == 302
    assert Report.objects.count() == 1
    assert "ConnectionRefusedError" in caplog.text  # logged, not raised
