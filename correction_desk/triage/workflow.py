"""Which status a report may move to from which: the one place that says so."""

from correction_desk.models import OUTCOMES_TOLD_TO_READER, Report

# OUTCOMES_TOLD_TO_READER is defined with the model (Report.public_reason uses it).
__all__ = [
    "OUTCOMES_TOLD_TO_READER",
    "RESOLUTIONS",
    "TRANSITIONS",
    "can_move",
    "next_statuses",
]

S = Report.Status

RESOLUTIONS = {S.CORRECTED, S.FIXED_SILENTLY, S.REJECTED, S.DUPLICATE, S.SPAM}

TRANSITIONS: dict[str, set[str]] = {
    S.NEW: {S.IN_REVIEW, *RESOLUTIONS},
    S.IN_REVIEW: set(RESOLUTIONS),
    # A duplicate is resolved together with the report it duplicates.
    S.DUPLICATE: {S.CORRECTED, S.FIXED_SILENTLY, S.REJECTED, S.IN_REVIEW},
    S.CORRECTED: {S.IN_REVIEW},
    S.FIXED_SILENTLY: {S.IN_REVIEW},
    S.REJECTED: {S.IN_REVIEW},
    S.SPAM: {S.IN_REVIEW},
}


def can_move(from_status: str, to_status: str) -> bool:
    return to_status in TRANSITIONS.get(from_status, set())


def next_statuses(status: str) -> list[str]:
    """Return the statuses a report may move to, in the order of Report.Status."""
    return [value for value in S.values if can_move(status, value)]
