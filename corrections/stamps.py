"""A signed stamp in the report form: which article, and when the form was shown.

Bots tend to post at once or replay old forms; readers need a few seconds to read
and type. A stamp that is too young, forged, expired or for another article marks
the report as spam without telling the sender.
"""

import time

from django.conf import settings
from django.core import signing

from .models import Report

SALT = "newsroom.corrections.report-form"


def make_stamp(article, issued_at: float | None = None) -> str:
    issued_at = time.time() if issued_at is None else issued_at
    return signing.dumps({"a": article.pk, "t": round(issued_at, 3)}, salt=SALT)


def stamp_spam_reason(stamp: str, article) -> str:
    """Return a Report.SpamReason for a stamp that does not look like a reader's."""
    try:
        data = signing.loads(stamp, salt=SALT)
        age = time.time() - float(data["t"])
        if data["a"] != article.pk:
            return Report.SpamReason.BAD_STAMP
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return Report.SpamReason.BAD_STAMP
    if age > settings.NEWSROOM_REPORT_STAMP_MAX_AGE:
        return Report.SpamReason.BAD_STAMP
    if age < settings.NEWSROOM_REPORT_MIN_SECONDS:
        return Report.SpamReason.TOO_FAST
    return Report.SpamReason.NONE
