"""Every change to a report goes through a function here: each decision is recorded."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from correction_desk.conf import setting
from correction_desk.intake.cleaning import clean_text
from correction_desk.models import (
    OPEN_STATUSES,
    CorrectionNote,
    Decision,
    EditorNote,
    Report,
    ReportMessage,
)
from correction_desk.registry import adapter_for
from correction_desk.support.queue import enqueue_on_commit
from correction_desk.triage import workflow
from correction_desk.triage.tasks import (
    notify_desk_of_answer,
    notify_reader_of_outcome,
    notify_reader_of_question,
)

# A fix the reader would be told of, with nothing changed: never.
NOTHING_CHANGED = _(
    "Nothing in the text has changed since the reader saw it, so there is nothing "
    "fixed to tell them. Change the text first; or, if it is right as it stands, "
    "decide “already correct”, or reject the report with a reason."
)


class TransitionError(ValidationError):
    """The report cannot move to that status from the one it is in."""


def _due_after(kind: str) -> timedelta:
    hours = setting("REPORT_DUE_HOURS")
    return timedelta(hours=hours.get(kind or "unclassified", hours["unclassified"]))


def reports_erase_reporter_data(*, received_before) -> int:
    """Erase name and e-mail address of reports received before the given time."""
    return Report.objects.filter(created_at__lt=received_before).erase_reporter_data()


def _decide(*, report: Report, editor, to_status: str, reason: str = "", **changes):
    """Move a report to another status and record the decision; the only way to."""
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        if not workflow.can_move(report.status, to_status):
            raise TransitionError(
                _("A report that is “%(from)s” cannot become “%(to)s”.")
                % {
                    "from": report.get_status_display(),
                    "to": Report.Status(to_status).label,
                }
            )
        decision = Decision.objects.create(
            report=report,
            editor=editor,
            action=Decision.Action.STATUS,
            from_status=report.status,
            to_status=to_status,
            reason=reason,
        )
        report.status = to_status
        report.resolved_at = (
            decision.created_at if to_status in workflow.RESOLUTIONS else None
        )
        for name, value in changes.items():
            setattr(report, name, value)
        report.save()
        if (
            to_status in workflow.OUTCOMES_TOLD_TO_READER
            and report.reporter_email
            and report.consent_at
        ):
            enqueue_on_commit(notify_reader_of_outcome, report.pk)
    return report


def _require_reason(reason: str) -> str:
    reason = clean_text(reason).strip()
    if not reason:
        raise ValidationError(_("Please give a reason; the reader will see it."))
    return reason


def report_start_review(*, report: Report, editor) -> Report:
    """Take the report up; it becomes the editor's if nobody has it yet."""
    with transaction.atomic():
        report = _decide(
            report=report, editor=editor, to_status=Report.Status.IN_REVIEW
        )
        if report.assignee_id is None:
            report = report_assign(report=report, editor=editor, assignee=editor)
    return report


def report_reject(*, report: Report, editor, reason: str) -> Report:
    return reports_reject(reports=[report], editor=editor, reason=reason)[0]


def reports_reject(*, reports, editor, reason: str) -> list[Report]:
    """Reject the reports, and those grouped with or marked as duplicates of them."""
    return _resolve(
        list(reports), editor, Report.Status.REJECTED, reason=_require_reason(reason)
    )


def report_fix_silently(*, report: Report, editor, reason: str = "") -> Report:
    return reports_fix_silently(reports=[report], editor=editor, reason=reason)[0]


def reports_fix_silently(
    *, reports, editor, reason: str = "", changed: bool = False
) -> list[Report]:
    """Resolve the reports as fixed without a note (a typo).

    Only if the text was fixed: by this call's caller (`changed`), or since
    the reader saw the article (a later version than theirs is public).
    """
    reports = list(reports)
    stored = Report.objects.filter(
        pk__in=[report.pk for report in reports]
    ).prefetch_related("content")
    if not changed and any(
        report.article_revision >= adapter_for(report.content).revision(report.content)
        and workflow.can_move(report.status, Report.Status.FIXED_SILENTLY)
        for report in stored
    ):
        raise ValidationError(NOTHING_CHANGED, code="nothing_changed")
    return _resolve(
        reports,
        editor,
        Report.Status.FIXED_SILENTLY,
        reason=clean_text(reason).strip(),
    )


def report_mark_spam(*, report: Report, editor) -> Report:
    """Spam; reports grouped with it are about something real: they stand alone."""
    with transaction.atomic():
        report = _decide(report=report, editor=editor, to_status=Report.Status.SPAM)
        Report.objects.filter(similar_to=report).update(similar_to=None)
    return report


def report_ungroup(*, report: Report, editor) -> Report:
    """Take a report out of the group it joined: it is about something else."""
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        leader = report.similar_to_id
        if leader is None:
            return report
        report.similar_to = None
        report.save(update_fields=["similar_to"])
        _note_decision(
            report,
            editor,
            Decision.Action.CLASSIFY,
            _("Taken out of the group of report #%(number)s.") % {"number": leader},
        )
    return report


def report_reopen(*, report: Report, editor, reason: str = "") -> Report:
    return _decide(
        report=report,
        editor=editor,
        to_status=Report.Status.IN_REVIEW,
        reason=clean_text(reason).strip(),
        duplicate_of=None,
    )


def report_mark_duplicate(*, report: Report, editor, original: Report) -> Report:
    """Mark `report` a duplicate of `original`; it is resolved when that one is."""
    original = Report.objects.get(pk=original.pk)  # its status decides what follows
    while original.duplicate_of_id and original.status == Report.Status.DUPLICATE:
        original = original.duplicate_of
    if original.pk == report.pk or not same_content(original, report):
        raise ValidationError(
            _("A report can only duplicate another report on the same article.")
        )
    with transaction.atomic():
        report = _decide(
            report=report,
            editor=editor,
            to_status=Report.Status.DUPLICATE,
            reason=_("Same error as report #%(number)s.") % {"number": original.pk},
            duplicate_of=original,
        )
        # Reports grouped with this one repeat the original too.
        leader = original.similar_to_id or original.pk
        Report.objects.filter(similar_to=report).update(similar_to=leader)
        if original.status == Report.Status.CORRECTED:
            report = _resolve_as_corrected(report, editor, original.correction_note)
    return report


def report_assign(*, report: Report, editor, assignee) -> Report:
    """Give the report to `assignee` (None: to nobody) and record who did."""
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        report.assignee = assignee
        report.save(update_fields=["assignee"])
        _note_decision(
            report,
            editor,
            Decision.Action.ASSIGN,
            _("Assigned to %(name)s.") % {"name": assignee.get_username()}
            if assignee
            else _("Assignment removed."),
        )
    return report


def report_classify(
    *, report: Report, editor, kind: str, priority: int, due_at=None
) -> Report:
    """Set kind and priority; the due time follows the kind unless one is given."""
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        report.kind = kind
        report.priority = priority
        report.due_at = due_at or report.created_at + _due_after(kind)
        report.full_clean()
        report.save(update_fields=["kind", "priority", "due_at"])
        _note_decision(
            report,
            editor,
            Decision.Action.CLASSIFY,
            f"{report.get_kind_display()}, {report.get_priority_display()}",
        )
    return report


def _note_decision(report: Report, editor, action: str, reason: str) -> Decision:
    """Record a decision that leaves the report's status as it is."""
    return Decision.objects.create(
        report=report,
        editor=editor,
        action=action,
        from_status=report.status,
        to_status=report.status,
        reason=reason,
    )


def note_add(*, report: Report, author, text: str) -> EditorNote:
    note = EditorNote(report=report, author=author, text=clean_text(text).strip())
    note.full_clean()
    note.save()
    return note


def same_content(first, second) -> bool:
    """Whether two reports or notes are about the same piece of content."""
    return (first.content_type_id, str(first.object_id)) == (
        second.content_type_id,
        str(second.object_id),
    )


def with_duplicates(reports: list[Report]) -> list[Report]:
    """The reports, those marked as their duplicates and those grouped with them.

    Each once, in that order: they are resolved together.
    """
    others = Report.objects.filter(
        Q(duplicate_of__in=reports, status=Report.Status.DUPLICATE)
        | Q(similar_to__in=reports, status__in=OPEN_STATUSES)
    ).order_by("created_at", "pk")
    chosen = {report.pk: report for report in reports}
    for other in others:
        chosen.setdefault(other.pk, other)
    return list(chosen.values())


def _resolve(reports: list[Report], editor, to_status: str, **decision) -> list:
    """Resolve the reports with their duplicates and groups; return them."""
    with transaction.atomic():
        return [
            _decide(report=report, editor=editor, to_status=to_status, **decision)
            for report in with_duplicates(reports)
        ]


def _resolve_as_corrected(report: Report, editor, note: CorrectionNote) -> Report:
    return _decide(
        report=report,
        editor=editor,
        to_status=Report.Status.CORRECTED,
        reason=note.text,
        correction_note=note,
    )


def report_ask(*, report: Report, editor, text: str) -> ReportMessage:
    """Ask the reader a question; they see it on their status page (and by e-mail)."""
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        if not report.is_open:
            raise ValidationError(_("Questions can only be asked on open reports."))
        message = ReportMessage(
            report=report,
            sender=ReportMessage.Sender.EDITORS,
            editor=editor,
            text=clean_text(text).strip(),
        )
        message.full_clean()
        message.save()
        if report.reporter_email and report.consent_at:
            enqueue_on_commit(notify_reader_of_question, message.pk)
    return message


def report_answer(*, report: Report, text: str) -> ReportMessage:
    """Store the reader's answer to the editors' question, and tell the desk."""
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        if not report.awaits_answer:
            raise ValidationError(_("There is no open question on this report."))
        message = ReportMessage(
            report=report,
            sender=ReportMessage.Sender.READER,
            text=clean_text(text).strip(),
        )
        message.full_clean()
        message.save()
        enqueue_on_commit(notify_desk_of_answer, message.pk)
    return message
