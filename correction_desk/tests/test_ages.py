from datetime import UTC, datetime, timedelta

import pytest
from django.utils import translation

from correction_desk.triage.ages import received_ago

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("ago", "german"),
    [
        (timedelta(seconds=20), "gerade eben"),
        (timedelta(minutes=1), "vor 1 Minute"),
        (timedelta(minutes=59, seconds=59), "vor 59 Minuten"),
        (timedelta(hours=1), "vor 1 Stunde"),
        (timedelta(hours=47, minutes=59), "vor 47 Stunden"),
        (timedelta(days=2, hours=2), "vor 2 Tagen"),
        (timedelta(days=30), "vor 30 Tagen"),
        # Past a month, the date says more than a count of days.
        (timedelta(days=40), "am 22. Oktober 2026"),
        (timedelta(days=756), "am 5. November 2024"),
        (timedelta(seconds=-30), "gerade eben"),  # a clock a little ahead
    ],
)
def test_every_age_reads_one_way(ago, german):
    with translation.override("de"):
        assert received_ago(NOW - ago, now=NOW) == german


def test_english_editors_read_english():
    with translation.override("en"):
        assert received_ago(NOW - timedelta(days=3), now=NOW) == "3 days ago"
