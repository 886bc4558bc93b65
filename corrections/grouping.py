"""Reports about the same thing, grouped: one row in the queue, resolved together.

A report joins the group of the oldest open report on the same article whose
passage overlaps its own, or whose description says nearly the same words. The
group's first report leads; an editor can take a report out of a group.
"""

import difflib

from .excerpt import passages_overlap, squash
from .models import Report

# Descriptions this alike (difflib's ratio over their words, 0 to 1) say the
# same thing, if they are long enough for one changed word not to change the
# meaning ("Fehler 1" and "Fehler 2" are alike); shorter ones must be the same.
SAME_WORDS = 0.9
SAME_WORDS_MIN = 8
# How many open reports of the article are compared, newest first: a report
# repeats what came in lately, and each comparison costs a submission time.
COMPARED = 50


def _words(text: str) -> list[str]:
    return squash(text).lower().split()


def alike(first: Report, second: Report) -> bool:
    return _alike(first.passage, _words(first.description), second)


def _alike(passage: str, words: list[str], other) -> bool:
    if passages_overlap(passage, other.passage):
        return True
    return same_words(words, _words(other.description))


def same_words(a: list[str], b: list[str]) -> bool:
    if not (a and b):
        return False
    if a == b:
        return True
    if min(len(a), len(b)) < SAME_WORDS_MIN:
        return False
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    # The cheap upper bounds first: most pairs are told apart by them.
    return (
        matcher.real_quick_ratio() >= SAME_WORDS
        and matcher.quick_ratio() >= SAME_WORDS
        and matcher.ratio() >= SAME_WORDS
    )


def group_leader(report: Report) -> int | None:
    """The open report on the same article that `report` repeats: its id, or None.

    Of several, the oldest; plain values, not models, and the first match ends
    the search: this runs on every report a reader sends.
    """
    candidates = (
        Report.objects.open()
        .filter(article_id=report.article_id, similar_to__isnull=True)
        .order_by("-created_at", "-pk")
        .values_list("pk", "passage", "description")[:COMPARED]
    )
    words = _words(report.description)
    for pk, passage, description in reversed(list(candidates)):
        if _alike(report.passage, words, _Text(passage, description)):
            return pk
    return None


class _Text:
    __slots__ = ("passage", "description")

    def __init__(self, passage: str, description: str):
        self.passage, self.description = passage, description
