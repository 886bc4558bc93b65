"""What press law puts at the top of the desk's queue: open counter-statement
demands, oldest first, and public reprimands not yet published."""

from django.utils import timezone

from correction_desk.press_law import deadlines
from correction_desk.press_law.services import demands_open, reprimands_due
from correction_desk.registry import with_content


def cases_first() -> dict:
    now = timezone.now()
    demands = with_content(demands_open())
    for demand in demands:
        demand.waiting = now - demand.received_at
        demand.due_at = deadlines.due_at(demand)
        demand.overdue = demand.due_at < now
    reprimands = with_content(reprimands_due())
    for complaint in reprimands:
        complaint.overdue = complaint.publish_due_at < now
    return {"demands": demands, "reprimands": reprimands}
