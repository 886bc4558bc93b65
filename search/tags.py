"""Language, section and day of an entry as words of their own, for SQLite.

The FTS5 table indexes them in a column of their own (`tags`), so that a
search filters by them inside the full-text index: counting or ranking the
matches of a common word in one section then never visits the others. A
period of days becomes the fewest whole years, months and days that cover it
exactly ("y2025", "m202611", "d20261205").
"""

from datetime import date, timedelta

from django.utils import timezone

# Periods open at one end reach this far; no entry lies outside. The search
# form refuses days outside them (search/forms.py), with a message.
EARLIEST = date(1990, 1, 1)
YEARS_AHEAD = 10


def latest() -> date:
    """The last day a search period may reach: scheduled articles lie ahead."""
    today = timezone.localdate()
    return today.replace(year=today.year + YEARS_AHEAD, day=min(today.day, 28))


def entry_tags(language: str, section_id: int, published_at) -> str:
    day = timezone.localdate(published_at)
    return " ".join(
        [
            f"lang{language}",
            f"section{section_id}",
            f"y{day:%Y}",
            f"m{day:%Y%m}",
            f"d{day:%Y%m%d}",
        ]
    )


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def period_tags(since: date | None, until: date | None) -> list[str]:
    """Tags of which an entry has one exactly if its day lies in the period."""
    day = max(since or EARLIEST, EARLIEST)
    last = min(until or latest(), latest())
    tags = []
    while day <= last:
        if day.month == 1 and day.day == 1 and date(day.year, 12, 31) <= last:
            tags.append(f"y{day:%Y}")
            day = date(day.year + 1, 1, 1)
        elif day.day == 1 and _next_month(day) - timedelta(days=1) <= last:
            tags.append(f"m{day:%Y%m}")
            day = _next_month(day)
        else:
            tags.append(f"d{day:%Y%m%d}")
            day += timedelta(days=1)
    return tags
