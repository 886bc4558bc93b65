"""What the law fixes about a counter-statement demand, and how long it waits.

§ 20 Abs. 2 Nr. 4 MStV: no duty to publish if the demand does not reach the
provider without delay, at the latest six weeks after the last day the text
was offered and in any case three months after it was first offered, in
writing and signed by the person affected or their legal representative. The
Landespressegesetze differ in detail: the periods are settings. The desk
shows the editor what it finds; deciding stays with the editor.
"""

import calendar
import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from correction_desk.conf import setting


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later; the month's last day where it has none
    (31 May + 3 months: 31 August; 30 November + 3: 28 or 29 February)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def _local_day(moment: datetime.datetime) -> datetime.date:
    return timezone.localtime(moment).date()


@dataclass(frozen=True)
class Finding:
    ok: bool
    text: str


def last_day_after_last_offered(demand) -> datetime.date | None:
    if demand.last_offered_at is None:
        return None  # still offered: this period has not begun
    weeks = setting("COUNTER_STATEMENT_WEEKS_AFTER_LAST_OFFERED")
    return _local_day(demand.last_offered_at) + datetime.timedelta(weeks=weeks)


def last_day_after_first_offered(demand) -> datetime.date:
    months = setting("COUNTER_STATEMENT_MONTHS_AFTER_FIRST_OFFERED")
    return add_months(_local_day(demand.first_offered_at), months)


def findings(demand) -> list[Finding]:
    """What the desk can check of the statute's conditions, each said."""
    received = _local_day(demand.received_at)
    found = []
    last = last_day_after_last_offered(demand)
    weeks = setting("COUNTER_STATEMENT_WEEKS_AFTER_LAST_OFFERED")
    if last is None:
        found.append(
            Finding(True, _("The contested text is still offered."))
        )  # fmt: skip
    else:
        found.append(
            Finding(
                received <= last,
                (
                    _(
                        "Received within %(weeks)s weeks of the last day the text "
                        "was offered (by %(day)s)."
                    )
                    if received <= last
                    else _(
                        "Late: received more than %(weeks)s weeks after the "
                        "last day the text was offered (%(day)s)."
                    )
                )
                % {"weeks": weeks, "day": date_format(last)},
            )  # fmt: skip
        )
    first = last_day_after_first_offered(demand)
    months = setting("COUNTER_STATEMENT_MONTHS_AFTER_FIRST_OFFERED")
    found.append(
        Finding(
            received <= first,
            (
                _(
                    "Received within %(months)s months of the text's first being "
                    "offered (by %(day)s)."
                )
                if received <= first
                else _(
                    "Late: received more than %(months)s months after the "
                    "text was first offered (%(day)s)."
                )
            )
            % {"months": months, "day": date_format(first)},
        )  # fmt: skip
    )
    found.append(
        Finding(
            demand.written_and_signed,
            _("In writing and signed.")
            if demand.written_and_signed
            else _(
                "Not in writing or not signed by the person affected or their "
                "legal representative."
            ),
        )  # fmt: skip
    )
    return found


def in_time(demand) -> bool:
    return all(finding.ok for finding in findings(demand))


def due_at(demand) -> datetime.datetime:
    """When the desk means to have decided ("unverzüglich")."""
    hours = setting("COUNTER_STATEMENT_DUE_HOURS")
    return demand.received_at + datetime.timedelta(hours=hours)


def is_overdue(demand) -> bool:
    return demand.is_open and due_at(demand) < timezone.now()


def reprimand_due_at(received: datetime.datetime) -> datetime.datetime:
    return received + datetime.timedelta(days=setting("REPRIMAND_DUE_DAYS"))


def shown_until(demand, note_published_at) -> datetime.datetime | None:
    """Once the claim is offered no more: until when the counter-statement
    stays at a comparable place, as long as the claim was offered (§ 20
    Abs. 1 MStV), counted from when it went up there."""
    if demand.last_offered_at is None:
        return None
    offered_for = demand.last_offered_at - demand.first_offered_at
    return max(note_published_at, demand.last_offered_at) + offered_for
