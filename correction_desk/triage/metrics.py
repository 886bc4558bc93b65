"""Figures for the corrections desk, computed in a fixed number of queries."""

import math
import statistics
from datetime import datetime, time, timedelta

from django.db.models import Count, Min, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from correction_desk.models import OPEN_STATUSES, Decision, Report
from correction_desk.registry import all_desks

PERIOD = timedelta(days=30)
CHART_GAP = 2


def median_duration(durations: list[timedelta]) -> timedelta | None:
    return statistics.median(durations) if durations else None


def open_by_section() -> list[dict]:
    """Open reports per desk (section): one row per desk, with a count per status."""
    names = dict(all_desks())
    rows: dict[str, dict] = {}
    counts = (
        Report.objects.filter(status__in=OPEN_STATUSES)
        .values_list("desk", "status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for desk, status, count in counts:
        section = names.get(desk, desk)
        row = rows.setdefault(section, {"section": section, "total": 0})
        row[status] = count
        row["total"] += count
    return sorted(rows.values(), key=lambda row: row["section"])


def reports_per_day(since) -> list[dict]:
    """Reports received per day, every day of the period."""
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
    return [{"day": day, "count": counted.get(day, 0)} for day in days]


DAY_CHART = {"width": 640, "height": 220, "left": 48, "right": 16, "top": 16,
             "bottom": 48}  # fmt: skip
# A date under every seventh bar: more would run into each other.
DAY_LABEL_EVERY = 7


def day_chart(days: list[dict]) -> dict:
    """Geometry of the bar chart: axes with round ticks, a bar per day."""
    box = DAY_CHART
    plot_width = box["width"] - box["left"] - box["right"]
    plot_height = box["height"] - box["top"] - box["bottom"]
    top, ticks = round_axis(max((day["count"] for day in days), default=0))
    slot = plot_width / max(len(days), 1)

    def y(value):
        return round(box["top"] + plot_height * (1 - value / top), 1)

    bars = [
        {
            **day,
            "x": round(box["left"] + index * slot + CHART_GAP / 2, 1),
            "y": y(day["count"]),
            "width": round(slot - CHART_GAP, 1),
            "height": round(plot_height * day["count"] / top, 1),
            "label_x": round(box["left"] + (index + 0.5) * slot, 1),
            "labelled": index % DAY_LABEL_EVERY == 0,
        }
        for index, day in enumerate(days)
    ]
    return {
        **box,
        "plot_right": box["width"] - box["right"],
        "plot_bottom": box["height"] - box["bottom"],
        "y_ticks": [{"value": value, "y": y(value)} for value in ticks],
        "bars": bars,
    }


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
    per_day = reports_per_day(since)
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
        "per_day": per_day,
        "day_chart": day_chart(per_day),
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
    if section:
        reports = reports.filter(desk=section)
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
    top, ticks = round_axis(max(values, default=0))
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
        "y_ticks": [{"value": value, "y": y(value)} for value in ticks],
        "x_ticks": [
            {"x": x(index), "week": row["week"], "number": row["week_number"]}
            for index, row in enumerate(table)
        ],
        "first_decision": line("first_decision"),
        "resolution": line("resolution"),
        "empty": not values,
    }


def round_axis(highest: float, ticks: int = 4) -> tuple[int, list[int]]:
    """An axis from 0 in whole, round steps (1, 2, 5, 10, 20, 50 …) that holds
    `highest`: its top, and the values of its ticks."""
    step = 1
    while step * ticks < highest:
        for factor in (2, 2.5, 2):
            step = int(step * factor)
            if step * ticks >= highest:
                break
    top = max(step, step * math.ceil(highest / step))
    return top, list(range(0, top + 1, step))
