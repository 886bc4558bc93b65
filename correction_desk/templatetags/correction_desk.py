from datetime import datetime, timedelta

from django import template
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.timesince import timesince

from correction_desk import public
from correction_desk.intake.blank_form import report_section_html
from correction_desk.models import Report
from correction_desk.record import deep_links
from correction_desk.registry import adapter_for

register = template.Library()


@register.simple_tag(takes_context=True)
def report_section(context, content):
    """Render the report form under the content, bound if the view passed one."""
    return report_section_html(content, context.get("report_form"))


@register.inclusion_tag("correction_desk/_notes.html")
def correction_notes(content):
    """`{% correction_notes story %}`: the content's published notes, dated,
    with links to the corrected passage and the log (nothing when none)."""
    return {"notes": public.public_notes(content), "content": content}


@register.simple_tag
def counter_statements(content, part=None):
    """`{% counter_statements article "title" %}`: the counter-statements whose
    claim stands in that part (title, lead, body, caption), to be shown right
    there, as prominent as the claim (§ 20 Abs. 1 MStV); nothing when none.
    Without a part, all of them (the embed's frame, where the desk cannot
    reach into the host's page)."""
    statements = [
        note
        for note in public.public_notes(content)
        if note.kind == note.Kind.COUNTER_STATEMENT
        and part in (None, note.placement)
        and not note.withdrawn_at
    ]
    # Almost always none: a page asks four times, and an empty template costs.
    if not statements:
        return ""
    return render_to_string(
        "correction_desk/_counter_statements.html", {"statements": statements}
    )


@register.filter
def editors_notes(notes):
    """The notes the notes section lists: all but counter-statements, which
    stand where their claims do."""
    return [note for note in notes if note.kind != note.Kind.COUNTER_STATEMENT]


@register.simple_tag
def public_notes(content):
    """`{% public_notes article as notes %}`: its published notes, oldest first."""
    return public.public_notes(content)


@register.simple_tag
def notes_by_version(content):
    """`{% notes_by_version article as notes %}`: the notes by the version
    that carries each one's change (`notes|at:revision`)."""
    return public.notes_by_version(content)


@register.simple_tag
def logged_versions(content):
    """`{% logged_versions article as logged %}`: the transparency log's record
    of each version, by version (`logged|at:revision`)."""
    from correction_desk.transparency.models import LogRecord

    records = LogRecord.objects.about(content).filter(kind=LogRecord.Kind.VERSION)
    return {record.number: record for record in records}


@register.filter
def at(mapping, key):
    """`mapping|at:key`: the value for key, or nothing."""
    return mapping.get(key, [])


@register.filter
def versions_url(content) -> str:
    """The public comparison of the content's versions, once there are two."""
    adapter = adapter_for(content)
    if adapter.revision(content) < 2:
        return ""
    return adapter.versions_url(content) or ""


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
def machine_time(value) -> str:
    """A time as HTML's `datetime` attribute takes it: ISO 8601, whole seconds."""
    if not isinstance(value, datetime):
        return ""
    return timezone.localtime(value).isoformat(timespec="seconds")


@register.filter
def standing(notes):
    """The newsroom's notes that still stand: those not withdrawn."""
    return [
        note
        for note in notes
        if not note.withdrawn_at
        and note.kind not in (note.Kind.COUNTER_STATEMENT, note.Kind.REPLY)
    ]


@register.filter
def passage_fragment(note) -> str:
    """`#korrektur-7:~:text=…`: to the note's corrected words on its article."""
    return deep_links.passage_fragment(note)
