"""A reader's report stored, once, whatever process dies."""

import hashlib

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from correction_desk.intake import grouping
from correction_desk.intake.cleaning import clean_text
from correction_desk.models import (
    CONSENT_REQUIRED,
    CONTEXT_MAX_LENGTH,
    Report,
)
from correction_desk.registry import adapter_for
from correction_desk.support.queue import enqueue_on_commit
from correction_desk.triage.services import _due_after
from correction_desk.triage.tasks import (
    notify_desk_of_report,
)


def report_submit(
    *,
    content,
    description: str,
    passage: str = "",
    context_before: str = "",
    context_after: str = "",
    part: str = "",
    article_revision: int | None = None,
    suggestion: str = "",
    source_url: str = "",
    reporter_name: str = "",
    reporter_email: str = "",
    consent: bool = False,
    language: str = "de",
    client_hash: str = "",
    spam_reason: str = "",
) -> Report:
    """Store a reader's report and tell the desk.

    A report that repeats, word for word, one the same reader sent on the same
    day (a double click, a reload, a form sent again after the server failed to
    answer) is not stored again: the stored report is returned instead. The
    database's unique submission key decides, in the report's own transaction,
    so a report is either stored once or not at all, whatever process dies.

    Raise ValidationError for a report the model refuses, or for content the
    public cannot see.
    """
    adapter = adapter_for(content)
    if not adapter.is_public(content):
        raise ValidationError(_("Reports can only be sent for published articles."))
    revision = adapter.revision(content)
    if article_revision is None or not 1 <= article_revision <= revision:
        article_revision = revision
    report = Report(
        content=content,
        desk=adapter.desk(content),
        passage=clean_text(passage).strip(),
        context_before=clean_text(context_before)[-CONTEXT_MAX_LENGTH:],
        context_after=clean_text(context_after)[:CONTEXT_MAX_LENGTH],
        part=part,
        article_revision=article_revision,
        description=clean_text(description).strip(),
        suggestion=clean_text(suggestion).strip(),
        source_url=source_url.strip(),
        reporter_name=clean_text(reporter_name).strip(),
        reporter_email=reporter_email.strip(),
        consent_at=timezone.now() if reporter_email and consent else None,
        language=language,
        client_hash=client_hash,
        status=Report.Status.SPAM if spam_reason else Report.Status.NEW,
        spam_reason=spam_reason,
    )
    # The database enforces the consent constraint too; checking it here spares
    # the query full_clean() would make to evaluate it (7% of a submission).
    if report.reporter_email and report.consent_at is None:
        raise ValidationError({"consent": CONSENT_REQUIRED})
    # We hold the content: no query for it either.
    report.full_clean(exclude=["content_type"], validate_constraints=False)
    report.submission_key = _submission_key(report)
    if not spam_reason:
        report.similar_to_id = grouping.group_leader(report)
    try:
        with transaction.atomic():
            report.due_at = timezone.now() + _due_after(report.kind)
            report.save()
            if report.status == Report.Status.NEW:
                enqueue_on_commit(notify_desk_of_report, report.pk)
    except IntegrityError:
        stored = _stored_submission(report.submission_key)
        if stored is None:
            raise
        return stored
    return report


def _submission_key(report: Report) -> str:
    """The same reader's same words on the same article: one submission.

    The client hash changes daily, so the key does too. Without a client (a
    report stored by a script) there is no key, and no such check.
    """
    if not report.client_hash:
        return ""
    parts = [
        f"{report.content_type_id}:{report.object_id}",
        report.client_hash,
        report.passage,
        report.description,
        report.suggestion,
        report.source_url,
        report.reporter_name,
        report.reporter_email,
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _stored_submission(key: str) -> Report | None:
    return Report.objects.filter(submission_key=key).first() if key else None
