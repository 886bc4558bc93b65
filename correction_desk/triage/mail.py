"""E-mails about reports: to the desk when one arrives, to the reader at the end."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from correction_desk import conf
from correction_desk.conf import setting
from correction_desk.intake.status import status_url
from correction_desk.models import Report, ReportMessage


def absolute(path: str) -> str:
    """An address on this site, absolute; one already absolute (a page of an
    embedding site) as it is."""
    if path.startswith(("https://", "http://")):
        return path
    return setting("BASE_URL").rstrip("/") + path


def desk_address(report: Report) -> str:
    return report.adapter.desk_email(report.desk) or setting("DESK_EMAIL")


def send_desk_alert(report_id: int) -> None:
    report = Report.objects.get(pk=report_id)
    # The desk works in the newsroom's language, whatever the reader wrote in.
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "report": report,
            "admin_url": absolute(
                reverse("admin:correction_desk_report_change", args=[report.pk])
            ),
            "article_url": absolute(report.content_url),
        }
        send_mail(
            _("New report on “%(title)s”") % {"title": report.content_title},
            render_to_string("correction_desk/email/desk_new_report.txt", context),
            None,
            [desk_address(report)],
        )


def send_reader_outcome(report_id: int) -> None:
    report = Report.objects.select_related("correction_note").get(pk=report_id)
    if not (report.reporter_email and report.consent_at):
        return
    with translation.override(report.language):
        context = {
            "site_name": conf.site_name(),
            "report": report,
            "reason": report.public_reason(),
            "article_url": absolute(
                report.correction_note.get_passage_url()
                if report.correction_note
                else report.content_url
            ),
            "status_url": absolute(status_url(report)),
        }
        send_mail(
            _("Your report on “%(title)s”") % {"title": report.content_title},
            render_to_string("correction_desk/email/reader_outcome.txt", context),
            None,
            [report.reporter_email],
        )
    # The address served its one purpose; the e-mail tells the reader it is gone.
    Report.objects.filter(pk=report.pk).erase_reporter_data()


def send_reader_question(message_id: int) -> None:
    message = ReportMessage.objects.select_related("report").get(pk=message_id)
    report = message.report
    if not (report.reporter_email and report.consent_at):
        return
    with translation.override(report.language):
        context = {
            "site_name": conf.site_name(),
            "report": report,
            "message": message,
            "status_url": absolute(status_url(report)),
        }
        send_mail(
            _("A question about your report on “%(title)s”")
            % {"title": report.content_title},
            render_to_string("correction_desk/email/reader_question.txt", context),
            None,
            [report.reporter_email],
        )


def send_desk_answer(message_id: int) -> None:
    message = ReportMessage.objects.select_related("report").get(pk=message_id)
    report = message.report
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "report": report,
            "message": message,
            "admin_url": absolute(
                reverse("admin:correction_desk_report_change", args=[report.pk])
            ),
        }
        send_mail(
            _("The reader answered on report #%(number)s") % {"number": report.pk},
            render_to_string("correction_desk/email/desk_answer.txt", context),
            None,
            [desk_address(report)],
        )
