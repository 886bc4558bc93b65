"""From a report to fixed content: the text, the note and the reports, in one
transaction."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from correction_desk.intake.cleaning import clean_text
from correction_desk.models import (
    CorrectionNote,
    Report,
)
from correction_desk.record.notes import correction_publish
from correction_desk.registry import adapter_for
from correction_desk.triage.services import (
    NOTHING_CHANGED,
    reports_fix_silently,
    same_content,
)


class CannotFix(ValidationError):
    """The host does not let the desk change this content's text."""


def correction_apply(
    *,
    content,
    editor,
    changes: dict[str, str],
    seen: str | None,
    holder=None,
    kind: str = CorrectionNote.Kind.CORRECTION,
    note_text: str = "",
    reports: Iterable[Report] = (),
    silent: bool = False,
    reason: str = "",
    fixed_elsewhere: bool = False,
) -> CorrectionNote | None:
    """Fix the content's text and publish the note that says so.

    `changes` are new texts of the content's fields, or with `holder` (a
    picture the content shows) of that one's; `seen` the fingerprint of the
    text the editor started from (the adapter's), so that another editor's
    change in between is refused, not overwritten. The reports and their
    duplicates are resolved as corrected with the note; with `silent` (a typo)
    there is no note and they are resolved as fixed silently, with `reason`
    for the reader. Return the note, or None when silent.

    A shown text (a picture's) may be every content's that shows it: each
    public one that changes gets its version and, unless silent, the same note
    (the note returned is the report's content's; `note.also_on` lists the
    others). The text is changed by the adapter's `apply_fix`; a host without
    one has the editor fix it in its own editor, and `fixed_elsewhere` says
    the editor did.
    """
    reports = list(reports)
    adapter = adapter_for(content)
    probe = CorrectionNote(content=content)
    if any(not same_content(report, probe) for report in reports):
        raise ValidationError(_("All reports must be about this article."))
    if silent and not (changes or fixed_elsewhere):
        raise ValidationError(NOTHING_CHANGED, code="nothing_changed")
    if not silent and not clean_text(note_text).strip():
        raise ValidationError(
            {"note_text": _("Please write the note readers will see.")}
        )
    if changes and adapter.apply_fix is None:
        raise CannotFix(_("The desk cannot change this content's text."))
    with transaction.atomic():
        others, pending = [], False
        if changes:
            # A silent fix is a minor change: the versions page lists it so.
            fixed = adapter.apply_fix(
                content, holder if holder is not None else content, changes,
                editor=editor, seen=seen, minor=silent,
            )  # fmt: skip
            content, others, pending = fixed.content, fixed.also_changed, fixed.pending
        if silent:
            reports_fix_silently(
                reports=reports, editor=editor, reason=reason, changed=True
            )
            return None
        note = correction_publish(
            content=content, editor=editor, kind=kind, text=note_text,
            reports=reports, awaits_content=pending,
        )  # fmt: skip
        note.also_on = [
            correction_publish(
                content=other, editor=editor, kind=kind, text=note_text, reports=[]
            )
            for other in others
        ]
        return note
