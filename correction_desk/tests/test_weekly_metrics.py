"""Desk figures per week, by kind and section: a chart, and the numbers as a table."""

import re
from datetime import date, datetime, time, timedelta

import pytest
import time_machine
from django.utils import timezone

from correction_desk import services
from correction_desk.models import Report
from correction_desk.triage.metrics import round_axis, weekly_figures

pytestmark = pytest.mark.django_db

METRICS = "/admin/correction_desk/report/metrics/"


def received(make_report, when, **fields):
    report = make_report(**fields)
    Report.objects.filter(pk=report.pk).update(created_at=when)
    report.refresh_from_db()
    return report


# A Monday of its own, not the real calendar's: the week's articles and reports
# all exist before the Wednesday the figures are read on, whatever day runs it.
MONDAY = date(2026, 11, 16)


@pytest.fixture(autouse=True)
def a_monday_noon():
    """The whole scenario, its article included, happens in one fixed week.

    Autouse, so that the clock stands on that Wednesday before any other
    fixture makes an article: one made at the real moment would lie in the
    future of the week's reports, and reports on it would be refused.
    """
    noon = timezone.make_aware(datetime.combine(MONDAY, time(12)))
    with time_machine.travel(noon + timedelta(days=2), tick=False):
        yield noon


def test_medians_are_counted_in_the_week_the_report_came_in(
    make_report, editor, a_monday_noon
):
    last_week = a_monday_noon - timedelta(weeks=1)
    for delay in (2, 4, 30):
        report = received(make_report, last_week, description=f"Nach {delay} h")
        with time_machine.travel(last_week + timedelta(hours=delay), tick=False):
            services.report_reject(report=report, editor=editor, reason="Stimmt so.")
    figures = weekly_figures()
    row = figures["weeks"][-2]
    assert row["week"] == timezone.localdate(last_week)
    assert (row["count"], row["first_decision"], row["resolution"]) == (3, 4.0, 4.0)
    assert figures["weeks"][-1]["count"] == 0
    assert len(figures["weeks"]) == 12


def test_the_figures_follow_kind_and_section(
    desk, make_report, make_article, make_section, editor, a_monday_noon
):
    kultur = make_section(name="Kultur", slug="kultur")
    typo = received(make_report, a_monday_noon, description="Tippfehler")
    services.report_classify(report=typo, editor=editor, kind="typo", priority=2)
    received(
        make_report,
        a_monday_noon,
        content=make_article(section=kultur),
        description="Falsch",
    )
    assert weekly_figures(kind="typo")["weeks"][-1]["count"] == 1
    assert weekly_figures(section=kultur.slug)["weeks"][-1]["count"] == 1
    page = desk.get(METRICS, {"section": kultur.slug}).text
    caption = "<caption>Median in Stunden nach Eingangswoche</caption>"
    weekly_table = page[page.index(caption) :].split("</table>")[0]
    counts = [
        row.split("<td>")[1].split("</td>")[0] for row in weekly_table.split("<tr>")[2:]
    ]
    assert counts == ["0"] * 11 + ["1"]


def test_the_chart_has_labelled_axes_and_dates(desk, make_report, a_monday_noon):
    received(make_report, a_monday_noon)
    page = desk.get(METRICS).text
    assert "Stunden (Median)" in page and "Eingangswoche (Montag)" in page
    monday = timezone.localdate(a_monday_noon)
    assert f">{monday.day}.{monday.month}.</text>" in page
    assert 'aria-labelledby="week-chart-title week-chart-desc"' in page


@pytest.mark.parametrize("value", ["²", "9" * 23, "-1", "x", "\u0661"])
def test_made_up_filters_are_ignored(desk, value):
    for name in ("kind", "section"):
        assert desk.get(METRICS, {name: value}).status_code == 200


def test_the_figures_take_a_fixed_number_of_queries(
    make_report, editor, django_assert_max_num_queries
):
    for number in range(30):
        report = make_report(description=f"Meldung {number}")
        services.report_start_review(report=report, editor=editor)
    with django_assert_max_num_queries(1):
        weekly_figures()


# Both charts: labelled axes, dates, round ticks, the numbers in a table


def y_tick_labels(svg: str) -> list[str]:
    return re.findall(r'text-anchor="end" dominant-baseline="middle">([^<]*)<', svg)


def svg_of(page: str, css_class: str) -> str:
    start = page.index(f'<svg class="{css_class}"')
    return page[start : page.index("</svg>", start)]


@pytest.mark.parametrize(
    ("highest", "ticks"),
    [
        (0, [0, 1]),
        (0.4, [0, 1]),  # a fraction of an hour: still whole ticks
        (3, [0, 1, 2, 3]),
        (5, [0, 2, 4, 6]),
        (13, [0, 5, 10, 15]),
        (38, [0, 10, 20, 30, 40]),
        (130, [0, 50, 100, 150]),
    ],
)
def test_axes_have_round_ticks_that_hold_the_highest_value(highest, ticks):
    top, values = round_axis(highest)
    assert values == ticks and top == ticks[-1] >= highest


def test_the_daily_chart_has_axes_dates_and_its_table(desk, make_report, editor):
    for number in range(3):
        make_report(description=f"Meldung {number}")
    page = desk.get(METRICS).text
    day = svg_of(page, "desk-chart")
    assert y_tick_labels(day) == ["0", "1", "2", "3"]
    assert ">Meldungen</text>" in day and ">Tag des Eingangs</text>" in day
    today = MONDAY + timedelta(days=2)  # the frozen Wednesday (a_monday_noon)
    assert f">{today.day}.{today.month}.</text>" in day or (
        f"<title>{today.day}.{today.month}.: 3</title>" in day
    )
    assert len(re.findall(r"\d+\.\d+\.</text>", day)) >= 4  # a date every week
    table = page[page.index('class="desk-day-table"') :]
    assert "<td>3</td>" in table[: table.index("</details>")]


def test_the_weekly_chart_ticks_are_whole_hours(desk, make_report, editor):
    report = make_report(description="Schnell entschieden.")
    with time_machine.travel(timezone.now() + timedelta(minutes=20), tick=False):
        services.report_start_review(report=report, editor=editor)
    week = svg_of(desk.get(METRICS).text, "desk-week-chart")
    assert y_tick_labels(week) == ["0", "1"]
