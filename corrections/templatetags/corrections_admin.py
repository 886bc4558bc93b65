"""The corrections desk inside other admin pages: the index and an article's page."""

from django import template
from django.utils import timezone

from corrections.models import CorrectionNote, Report

register = template.Library()


@register.inclusion_tag("admin/corrections/_desk_counts.html")
def desk_counts(user):
    """The editor's open, overdue and unassigned reports, at a glance."""
    open_reports = Report.objects.open()
    return {
        "mine": open_reports.filter(assignee=user).count(),
        "overdue": open_reports.filter(due_at__lt=timezone.now()).count(),
        "unassigned": open_reports.filter(assignee__isnull=True).count(),
    }


@register.inclusion_tag("admin/corrections/_article_record.html")
def article_record(article):
    """An article's open reports and notes, linked, for its admin page."""
    return {
        "article": article,
        "open_reports": Report.objects.open().filter(article=article),
        "notes": CorrectionNote.objects.filter(article=article).order_by(
            "-published_at"
        ),
    }
