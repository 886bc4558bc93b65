"""Every change to reports and corrections goes through a function here."""

import hashlib
from datetime import timedelta

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.models import Article

from .models import CONTEXT_MAX_LENGTH, Report
from .text import clean_text

# A second identical report from the same client within this time is the same
# report sent twice (a double click, a resent form), not a new one.
REPEAT_WINDOW = timedelta(minutes=2)


def report_submit(
    *,
    article: Article,
    description: str,
    passage: str = "",
    context_before: str = "",
    context_after: str = "",
    article_revision: int | None = None,
    suggestion: str = "",
    source_url: str = "",
    reporter_name: str = "",
    reporter_email: str = "",
    consent: bool = False,
    language: str = "de",
    client_hash: str = "",
    spam_reason: str = "",
) -> Report | None:
    """Store a reader's report; return None if it repeats one just sent.

    Raise ValidationError for a report the model refuses, or for an article the
    public cannot see.
    """
    if not article.is_public:
        raise ValidationError(_("Reports can only be sent for published articles."))
    if article_revision is None or not 1 <= article_revision <= article.revision:
        article_revision = article.revision
    report = Report(
        article=article,
        passage=clean_text(passage).strip(),
        context_before=clean_text(context_before)[-CONTEXT_MAX_LENGTH:],
        context_after=clean_text(context_after)[:CONTEXT_MAX_LENGTH],
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
    report.full_clean()
    if _is_repeat(report):
        return None
    with transaction.atomic():
        report.save()
    return report


def _is_repeat(report: Report) -> bool:
    fingerprint = hashlib.sha256(
        "\x1f".join(
            [
                str(report.article_id),
                report.client_hash,
                report.passage,
                report.description,
            ]
        ).encode()
    ).hexdigest()
    # cache.add is atomic (also on Redis), so two simultaneous requests of a
    # double click cannot both pass.
    return not cache.add(
        f"report-sent:{fingerprint}", 1, timeout=int(REPEAT_WINDOW.total_seconds())
    )


def reports_erase_reporter_data(*, received_before) -> int:
    """Erase name and e-mail address of reports received before the given time."""
    return (
        Report.objects.filter(created_at__lt=received_before)
        .exclude(reporter_name="", reporter_email="")
        .update(reporter_name="", reporter_email="", consent_at=None)
    )
