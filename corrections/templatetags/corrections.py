from datetime import timedelta

from django import template
from django.utils import timezone
from django.utils.timesince import timesince

from corrections import deep_links
from corrections.blank_form import report_section_html
from corrections.models import Report

register = template.Library()


@register.simple_tag(takes_context=True)
def report_section(context, article):
    """Render the report form under an article, bound if the view passed one."""
    return report_section_html(article, context.get("report_form"))


@register.simple_tag
def reader_status(report) -> str:
    """Return what a reader is told about the state of a report."""
    return READER_STATUS[report.status]


S = Report.Status
READER_STATUS = {
    # Spam is not admitted to: the sender sees the same as any reader.
    S.NEW: S.NEW.label,
    S.SPAM: S.NEW.label,
    S.IN_REVIEW: S.IN_REVIEW.label,
    S.DUPLICATE: S.IN_REVIEW.label,
    S.CORRECTED: S.CORRECTED.label,
    S.FIXED_SILENTLY: S.FIXED_SILENTLY.label,
    S.REJECTED: S.REJECTED.label,
}


@register.filter
def as_duration(value: timedelta | None) -> str:
    """Write a duration the way people say it: "3 Stunden, 20 Minuten"."""
    if value is None:
        return ""
    now = timezone.now()
    return timesince(now - value, now)


@register.filter
def standing(notes):
    """The notes that still stand: those not withdrawn."""
    return [note for note in notes if not note.withdrawn_at]


@register.filter
def passage_fragment(note) -> str:
    """`#korrektur-7:~:text=…`: to the note's corrected words on its article."""
    return deep_links.passage_fragment(note)
