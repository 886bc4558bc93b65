"""A signed stamp in the report form: which content, and when the form was made.

A stamp that is forged, for other content, dated in the future or older than a
few days marks the report as spam without telling the sender: bots replay forms
they harvested long ago, or make up their own.

There is deliberately no "sent too fast" trap. Article pages are cached, by us
and by shared caches, so the stamp is as old as the cached page, not as old as a
reader's visit: a bot that posts at once carries a stamp minutes old, and the
time since the stamp says nothing about who sent it. Measuring the reader's own
time would need a request per reader (an uncacheable fetch, or a script that
bots simply skip). Floods are answered by the rate limits instead.
"""

import time

from django.core import signing

from correction_desk.conf import setting
from correction_desk.models import Report
from correction_desk.registry import content_key

SALT = "newsroom.corrections.report-form"
# App servers' clocks may differ a little; a stamp further ahead is made up.
CLOCK_SKEW_SECONDS = 300


def make_stamp(content, issued_at: float | None = None) -> str:
    issued_at = time.time() if issued_at is None else issued_at
    stamp = {"a": content_key(content), "t": round(issued_at, 3)}
    return signing.dumps(stamp, salt=SALT)


def stamp_spam_reason(stamp: str, content) -> str:
    """Return a Report.SpamReason for a stamp that our own pages did not make."""
    try:
        data = signing.loads(stamp, salt=SALT)
        age = time.time() - float(data["t"])
        # A bare number: a stamp made before the desk reached any content, on
        # an article's page still open in a reader's browser.
        if data["a"] != content_key(content) and data["a"] != content.pk:
            return Report.SpamReason.BAD_STAMP
    except (signing.BadSignature, KeyError, TypeError, ValueError, OverflowError):
        return Report.SpamReason.BAD_STAMP
    if not -CLOCK_SKEW_SECONDS <= age <= setting("REPORT_STAMP_MAX_AGE"):
        return Report.SpamReason.BAD_STAMP
    return Report.SpamReason.NONE
