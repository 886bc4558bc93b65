"""The decisions an editor can take on a report: one table.

Each entry drives the decision form's choices, the button on the report's
page, the bulk action on the queue, the keyboard shortcut and its line in the
shortcuts' help. Adding a decision is adding an entry here.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from correction_desk import services
from correction_desk.models import OPEN_STATUSES, Report

S = Report.Status


@dataclass(frozen=True)
class Decision:
    key: str  # what the form posts
    label: Promise  # the button
    apply: Callable  # (report, editor, reason) -> the report, or those resolved with it
    shown: Callable  # (report, user, allowed statuses) -> whether the button is there
    needs_reason: bool = False  # the reader is told why: asked before it is taken
    shortcut: str = ""  # one key, on the report's page and in the queue
    shortcut_help: Promise | str = ""
    bulk_action: str = ""  # the queue's action for ticked reports, if any
    bulk_label: Promise | str = ""
    bulk_done: Callable | None = None  # count -> the message after the bulk action


def _already_correct(report, editor, reason):
    """Rejected, telling the reader the text was right, in their language."""
    if not reason.strip():
        with translation.override(report.language):
            reason = _("We checked the passage: it is correct as it stands.")
    return services.reports_reject(reports=[report], editor=editor, reason=reason)


DECISIONS = {
    decision.key: decision
    for decision in [
        Decision(
            key="in_review",
            label=gettext_lazy("Start review"),
            apply=lambda report, editor, reason: services.report_start_review(
                report=report, editor=editor
            ),
            shown=lambda report, user, allowed: (
                S.IN_REVIEW in allowed and report.status == S.NEW
            ),
            shortcut="r",
            shortcut_help=gettext_lazy("start review"),
            bulk_action="mark_in_review",
            bulk_label=gettext_lazy("Mark as in review"),
            bulk_done=lambda n: (
                ngettext(
                    "%d report is now in review.", "%d reports are now in review.", n
                )
                % n
            ),
        ),
        Decision(
            key="assign_me",
            label=gettext_lazy("Assign to me"),
            apply=lambda report, editor, reason: services.report_assign(
                report=report, editor=editor, assignee=editor
            ),
            shown=lambda report, user, allowed: report.assignee_id != user.pk,
            shortcut="a",
            shortcut_help=gettext_lazy("assign to me"),
            bulk_action="assign_to_me",
            bulk_label=gettext_lazy("Assign to me"),
            bulk_done=lambda n: (
                ngettext(
                    "%d report was assigned to you.",
                    "%d reports were assigned to you.",
                    n,
                )
                % n
            ),
        ),
        Decision(
            key="fixed_silently",
            label=gettext_lazy("Already fixed (no note)"),
            apply=lambda report, editor, reason: services.report_fix_silently(
                report=report, editor=editor, reason=reason
            ),
            # Only once the text has changed since the reader saw it.
            shown=lambda report, user, allowed: (
                S.FIXED_SILENTLY in allowed
                and report.article_revision < report.content_revision
            ),
        ),
        Decision(
            key="already_correct",
            label=gettext_lazy("Already correct"),
            apply=_already_correct,
            shown=lambda report, user, allowed: (
                S.REJECTED in allowed and report.status in OPEN_STATUSES
            ),
        ),
        Decision(
            key="rejected",
            label=gettext_lazy("Reject"),
            apply=lambda report, editor, reason: services.reports_reject(
                reports=[report], editor=editor, reason=reason
            ),
            shown=lambda report, user, allowed: S.REJECTED in allowed,
            needs_reason=True,
            shortcut="x",
            shortcut_help=gettext_lazy("reject: write the reason, then Ctrl+Enter"),
            bulk_action="reject_with_reason",
            bulk_label=gettext_lazy("Reject with a reason …"),
            bulk_done=lambda n: (
                ngettext("%d report was rejected.", "%d reports were rejected.", n) % n
            ),
        ),
        Decision(
            key="spam",
            label=gettext_lazy("Spam"),
            apply=lambda report, editor, reason: services.report_mark_spam(
                report=report, editor=editor
            ),
            shown=lambda report, user, allowed: S.SPAM in allowed,
            shortcut="s",
            shortcut_help=gettext_lazy("mark as spam"),
            bulk_action="mark_spam",
            bulk_label=gettext_lazy("Mark as spam"),
            bulk_done=lambda n: (
                ngettext(
                    "%d report was marked as spam.",
                    "%d reports were marked as spam.",
                    n,
                )
                % n
            ),
        ),
        Decision(
            key="reopen",
            label=gettext_lazy("Reopen"),
            apply=lambda report, editor, reason: services.report_reopen(
                report=report, editor=editor, reason=reason
            ),
            shown=lambda report, user, allowed: report.status not in OPEN_STATUSES,
        ),
    ]
}


def choices() -> list[tuple[str, Promise]]:
    return [(decision.key, decision.label) for decision in DECISIONS.values()]


def shown_on(report, user, allowed) -> list[Decision]:
    """The buttons on a report's page."""
    return [d for d in DECISIONS.values() if d.shown(report, user, allowed)]


def with_shortcuts() -> list[Decision]:
    return [d for d in DECISIONS.values() if d.shortcut]


def bulk() -> list[Decision]:
    return [d for d in DECISIONS.values() if d.bulk_action]


def take(key: str, report, editor, reason: str = "") -> Report:
    """Take one decision on one report; return it as it is now."""
    outcome = DECISIONS[key].apply(report, editor, reason)
    return outcome[0] if isinstance(outcome, list) else outcome
