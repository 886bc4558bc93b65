"""Figures for the corrections desk, computed in a fixed number of queries."""

import statistics
from datetime import timedelta

from django.db.models import Count, Min, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from .models import OPEN_STATUSES, Decision, Report

PERIOD = timedelta(days=30)
CHART_WIDTH, CHART_HEIGHT, CHART_GAP = 600, 160, 2


def median_duration(durations: list[timedelta]) -> timedelta | None:
    return statistics.median(durations) if durations else None


def open_by_section() -> list[dict]:
    """Open reports per section: one row per section, with a count per status."""
    rows: dict[str, dict] = {}
    counts = (
        Report.objects.filter(status__in=OPEN_STATUSES)
        .values_list("article__section__name", "status")
        .annotate(n=Count("pk"))
        .order_by("article__section__name")
    )
    for section, status, count in counts:
        row = rows.setdefault(section, {"section": section, "total": 0})
        row[status] = count
        row["total"] += count
    return list(rows.values())


def reports_per_day(since) -> list[dict]:
    """Reports received per day, every day of the period, with bar geometry."""
    counted = dict(
        Report.objects.filter(created_at__gte=since)
        .exclude(status=Report.Status.SPAM)
        .annotate(day=TruncDate("created_at", tzinfo=timezone.get_current_timezone()))
        .values_list("day")
        .annotate(n=Count("pk"))
        .order_by()
    )
    first = timezone.localdate(since)
    days = [first + timedelta(days=offset) for offset in range(PERIOD.days + 1)]
    highest = max(counted.values(), default=0) or 1
    width = CHART_WIDTH / len(days)
    bars = []
    for index, day in enumerate(days):
        count = counted.get(day, 0)
        height = round(count / highest * (CHART_HEIGHT - 20), 1)
        bars.append(
            {
                "day": day,
                "count": count,
                "x": round(index * width, 1),
                "y": round(CHART_HEIGHT - height, 1),
                "width": round(width - CHART_GAP, 1),
                "height": height,
            }
        )
    return bars


def desk_figures() -> dict:
    now = timezone.now()
    since = now - PERIOD
    recent = Report.objects.filter(created_at__gte=since).exclude(
        status=Report.Status.SPAM
    )
    first_decisions = recent.annotate(
        first=Min(
            "decisions__created_at",
            filter=Q(decisions__action=Decision.Action.STATUS),
        )
    ).values_list("created_at", "first")
    resolved = recent.filter(resolved_at__isnull=False).values_list(
        "created_at", "resolved_at"
    )
    return {
        "open_by_section": open_by_section(),
        "open_statuses": [(s.value, s.label) for s in OPEN_STATUSES],
        "overdue_count": Report.objects.filter(
            status__in=OPEN_STATUSES, due_at__lt=now
        ).count(),
        "median_first_decision": median_duration(
            [first - created for created, first in first_decisions if first]
        ),
        "median_resolution": median_duration(
            [done - created for created, done in resolved]
        ),
        "per_day": reports_per_day(since),
        "chart_width": CHART_WIDTH,
        "chart_height": CHART_HEIGHT,
    }
