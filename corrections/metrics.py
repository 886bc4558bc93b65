"""Figures for the corrections desk, computed in a fixed number of queries."""

import statistics
from datetime import datetime, time, timedelta

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


WEEKS = 12
WEEK_CHART = {
    "width": 640,
    "height": 260,
    "left": 56,
    "right": 16,
    "top": 16,
    "bottom": 48,
}


def hours(duration: timedelta | None) -> float | None:
    return round(duration.total_seconds() / 3600, 1) if duration is not None else None


def weekly_figures(*, kind: str = "", section=None, weeks: int = WEEKS) -> dict:
    """Median hours to the first decision and to resolution, per week received.

    One query, whatever the number of weeks or reports; the medians are taken
    here, which every database can do alike.
    """
    today = timezone.localdate()
    first_monday = today - timedelta(days=today.weekday(), weeks=weeks - 1)
    start = timezone.make_aware(datetime.combine(first_monday, time.min))
    reports = Report.objects.filter(created_at__gte=start).exclude(
        status=Report.Status.SPAM
    )
    if kind:
        reports = reports.filter(kind=kind)
    if section is not None:
        reports = reports.filter(article__section=section)
    rows = reports.annotate(
        first=Min(
            "decisions__created_at",
            filter=Q(decisions__action=Decision.Action.STATUS),
        )
    ).values_list("created_at", "first", "resolved_at")
    buckets = {first_monday + timedelta(weeks=n): ([], [], 0) for n in range(weeks)}
    for created, first, resolved in rows:
        day = timezone.localdate(created)
        monday = day - timedelta(days=day.weekday())
        decided, done, count = buckets[monday]
        if first:
            decided.append(first - created)
        if resolved:
            done.append(resolved - created)
        buckets[monday] = (decided, done, count + 1)
    table = [
        {
            "week": monday,
            "week_number": monday.isocalendar().week,
            "count": count,
            "first_decision": hours(median_duration(decided)),
            "resolution": hours(median_duration(done)),
        }
        for monday, (decided, done, count) in sorted(buckets.items())
    ]
    return {"weeks": table, "chart": week_chart(table)}


def week_chart(table: list[dict]) -> dict:
    """Geometry of the line chart: axes with ticks, and one line per figure."""
    box = WEEK_CHART
    plot_width = box["width"] - box["left"] - box["right"]
    plot_height = box["height"] - box["top"] - box["bottom"]
    values = [
        row[name]
        for row in table
        for name in ("first_decision", "resolution")
        if row[name] is not None
    ]
    top = nice_ceiling(max(values, default=0))
    step = plot_width / max(len(table) - 1, 1)

    def x(index):
        return round(box["left"] + index * step, 1)

    def y(value):
        return round(box["top"] + plot_height * (1 - value / top), 1)

    def line(name):
        points = [
            (x(index), y(row[name]))
            for index, row in enumerate(table)
            if row[name] is not None
        ]
        return {
            "points": " ".join(f"{px},{py}" for px, py in points),
            "dots": [
                {"x": px, "y": py, "corner_x": px - 3.5, "corner_y": py - 3.5}
                for px, py in points
            ],
        }

    return {
        **box,
        "plot_right": box["width"] - box["right"],
        "plot_bottom": box["height"] - box["bottom"],
        "y_ticks": [
            {"value": round(top * n / 4, 1), "y": y(top * n / 4)} for n in range(5)
        ],
        "x_ticks": [
            {"x": x(index), "week": row["week"], "number": row["week_number"]}
            for index, row in enumerate(table)
        ],
        "first_decision": line("first_decision"),
        "resolution": line("resolution"),
        "empty": not values,
    }


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 5, 10, 20, 50 … hours at or above value."""
    nice = 1.0
    while nice < value:
        for factor in (2, 2.5, 2):
            nice *= factor
            if nice >= value:
                break
    return nice
