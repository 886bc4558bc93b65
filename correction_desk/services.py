"""The services a host and the desk's own pages call: every change of state.

Each lives where its job does (intake, triage, fixing, record); this module
is the one place to import them from.
"""

from correction_desk.fixing.apply import CannotFix, correction_apply
from correction_desk.intake.submit import report_submit
from correction_desk.record.notes import (
    content_published,
    correction_publish,
    note_amend,
    note_approve,
    note_change_approve,
    note_change_discard,
    note_withdraw,
)
from correction_desk.record.versions import content_unpublished, version_published
from correction_desk.triage.services import (
    NOTHING_CHANGED,
    TransitionError,
    note_add,
    report_answer,
    report_ask,
    report_assign,
    report_classify,
    report_fix_silently,
    report_mark_duplicate,
    report_mark_spam,
    report_reject,
    report_reopen,
    report_start_review,
    report_ungroup,
    reports_erase_reporter_data,
    reports_fix_silently,
    reports_reject,
    same_content,
    with_duplicates,
)

__all__ = [
    "NOTHING_CHANGED",
    "CannotFix",
    "TransitionError",
    "content_published",
    "content_unpublished",
    "correction_apply",
    "correction_publish",
    "note_add",
    "note_amend",
    "note_approve",
    "note_change_approve",
    "note_change_discard",
    "note_withdraw",
    "report_answer",
    "report_ask",
    "report_assign",
    "report_classify",
    "report_fix_silently",
    "report_mark_duplicate",
    "report_mark_spam",
    "report_reject",
    "report_reopen",
    "report_start_review",
    "report_submit",
    "report_ungroup",
    "reports_erase_reporter_data",
    "reports_fix_silently",
    "reports_reject",
    "same_content",
    "version_published",
    "with_duplicates",
]
