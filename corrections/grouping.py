"""Reports about the same thing, grouped: one row in the queue, resolved together.

A report joins the group of the oldest open report on the same article whose
passage overlaps its own, or whose description says nearly the same words. The
group's first report leads; an editor can take a report out of a group.
"""

import difflib

from .excerpt import passages_overlap, squash
from .models import Report

# Descriptions this alike (difflib's ratio, 0 to 1) say the same thing, if they
# are long enough for a changed word not to change the meaning ("Fehler 1" and
# "Fehler 2" are 0.9 alike); shorter ones must be the same.
SAME_WORDS = 0.9
SAME_WORDS_MIN_LENGTH = 40
# How many open reports of the article are compared, newest first.
COMPARED = 200


def alike(first: Report, second: Report) -> bool:
    if passages_overlap(first.passage, second.passage):
        return True
    a, b = squash(first.description).lower(), squash(second.description).lower()
    if not (a and b):
        return False
    if a == b:
        return True
    return (
        min(len(a), len(b)) >= SAME_WORDS_MIN_LENGTH
        and difflib.SequenceMatcher(None, a, b).ratio() >= SAME_WORDS
    )


def group_leader(report: Report) -> Report | None:
    """The open report on the same article that `report` repeats, if any."""
    leaders = (
        Report.objects.open()
        .filter(article_id=report.article_id, similar_to__isnull=True)
        .only("pk", "passage", "description")
        .order_by("-created_at")[:COMPARED]
    )
    matches = [leader for leader in leaders if alike(report, leader)]
    return min(matches, key=lambda leader: leader.pk) if matches else None
