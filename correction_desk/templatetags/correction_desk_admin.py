"""The corrections desk inside other admin pages: the index and a content's page."""

from django import template
from django.utils import timezone

from correction_desk.models import (
    CorrectionNote,
    CounterStatementDemand,
    PresseratComplaint,
    Report,
)
from correction_desk.registry import adapter_for, content_key

register = template.Library()


@register.inclusion_tag("admin/correction_desk/_desk_counts.html")
def desk_counts(user):
    """The editor's open, overdue and unassigned reports, at a glance."""
    from correction_desk.press_law.queue import cases_first
    from correction_desk.transparency import keys, log

    open_reports = Report.objects.open()
    unsigned = log.unsigned()
    return {
        **cases_first(),
        # Records wait for the signing key: publishing goes on, the desk says so.
        "unsigned": unsigned if unsigned and keys.signer() is None else 0,
        "mine": open_reports.filter(assignee=user).count(),
        "overdue": open_reports.filter(due_at__lt=timezone.now()).count(),
        "unassigned": open_reports.filter(assignee__isnull=True).count(),
    }


@register.inclusion_tag("admin/correction_desk/_content_record.html")
def corrections_record(content):
    """The content's open reports and notes, linked, for its page in the admin."""
    adapter = adapter_for(content)
    return {
        "content_key": content_key(content),
        "versions_url": adapter.versions_url(content)
        if adapter.revision(content) > 1
        else None,
        "open_reports": Report.objects.open().about(content),
        "demands": CounterStatementDemand.objects.about(content),
        "complaints": PresseratComplaint.objects.about(content),
        "notes": CorrectionNote.objects.about(content).order_by("-published_at"),
    }
