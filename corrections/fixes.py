"""From a report to fixed content, and the life of a note after it is published.

Each function is one transaction: the article's new text, the note, the reports
it resolves, their decision records and the readers' e-mails are stored
together, or none of them is.
"""

from collections.abc import Iterable
from copy import copy

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import webhooks
from .models import (
    CorrectionNote,
    CorrectionNoteChange,
    PendingNoteChange,
    Report,
    WebhookDelivery,
)
from .registry import adapter_for
from .services import (
    NOTHING_CHANGED,
    correction_publish,
    reports_fix_silently,
    same_content,
)
from .text import clean_text


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
        others = []
        if changes:
            # A silent fix is a minor change: the versions page lists it so.
            fixed = adapter.apply_fix(
                content, holder if holder is not None else content, changes,
                editor=editor, seen=seen, minor=silent,
            )  # fmt: skip
            content, others = fixed.content, fixed.also_changed
        if silent:
            reports_fix_silently(
                reports=reports, editor=editor, reason=reason, changed=True
            )
            return None
        note = correction_publish(
            content=content, editor=editor, kind=kind, text=note_text, reports=reports
        )
        note.also_on = [
            correction_publish(
                content=other, editor=editor, kind=kind, text=note_text, reports=[]
            )
            for other in others
        ]
        return note


def _needs_second_editor(note: CorrectionNote) -> bool:
    """Under the four-eyes rule every change to what readers see waits."""
    return bool(settings.NEWSROOM_NOTES_NEED_APPROVAL and note.published_at)


def _locked(note: CorrectionNote) -> CorrectionNote:
    return CorrectionNote.objects.select_for_update().get(pk=note.pk)


def _propose(note: CorrectionNote, editor, **change) -> None:
    if PendingNoteChange.objects.filter(note=note).exists():
        raise ValidationError(
            _("A change to this note is already waiting for approval.")
        )
    PendingNoteChange.objects.create(note=note, proposed_by=editor, **change)


def _checked_amendment(note: CorrectionNote, text: str, kind: str | None):
    if note.withdrawn_at:
        raise ValidationError(_("A withdrawn note cannot be amended."))
    text, kind = clean_text(text).strip(), kind or note.kind
    if (text, kind) == (note.text, note.kind):
        raise ValidationError(_("The note is unchanged."))
    candidate = copy(note)
    candidate.text, candidate.kind = text, kind
    candidate.full_clean()
    return text, kind


def note_amend(
    *, note: CorrectionNote, editor, text: str, kind: str | None = None, reason=""
) -> CorrectionNote:
    """Change a published note's text; the old text stays on record.

    Readers see the note marked as amended, with the date. Under the four-eyes
    rule the new text waits for a second editor (`note_change_approve`) and the
    note is returned as readers still see it.
    """
    with transaction.atomic():
        note = _locked(note)
        text, kind = _checked_amendment(note, text, kind)
        reason = clean_text(reason).strip()
        if _needs_second_editor(note):
            _propose(
                note, editor, action=PendingNoteChange.Action.AMEND, text=text,
                kind=kind, reason=reason,
            )  # fmt: skip
            return note
        return _amend(note, editor, text, kind, reason)


def _amend(note, editor, text, kind, reason, approved_by=None) -> CorrectionNote:
    before = (note.text, note.kind)
    note.text, note.kind = text, kind
    note.amended_at = timezone.now()
    note.full_clean()
    note.save()
    return _on_record(
        note, CorrectionNoteChange.Action.AMENDED, before, editor, approved_by, reason
    )


def _on_record(note, action, before, editor, approved_by, reason) -> CorrectionNote:
    """The change in the note's history (with what readers saw before), and
    the partners told."""
    CorrectionNoteChange.objects.create(
        note=note,
        editor=editor,
        approved_by=approved_by,
        action=action,
        previous_text=before[0],
        previous_kind=before[1],
        reason=reason,
        created_at=note.withdrawn_at or note.amended_at,
    )
    webhooks.announce(note, EVENTS[action])
    return note


# What partners hear of each change to a published note.
EVENTS = {
    CorrectionNoteChange.Action.AMENDED: WebhookDelivery.Event.AMENDED,
    CorrectionNoteChange.Action.WITHDRAWN: WebhookDelivery.Event.WITHDRAWN,
}


def note_withdraw(*, note: CorrectionNote, editor, reason: str) -> CorrectionNote:
    """Withdraw a note published in error; readers see that, and why.

    Under the four-eyes rule the withdrawal waits for a second editor.
    """
    reason = clean_text(reason).strip()
    if not reason:
        raise ValidationError(
            {"reason": _("Please say why; readers see it with the note.")}
        )
    with transaction.atomic():
        note = _locked(note)
        if note.withdrawn_at:
            raise ValidationError(_("This note is already withdrawn."))
        if _needs_second_editor(note):
            _propose(
                note, editor, action=PendingNoteChange.Action.WITHDRAW, reason=reason
            )
            return note
        return _withdraw(note, editor, reason)


def _withdraw(note, editor, reason, approved_by=None) -> CorrectionNote:
    note.withdrawn_at = timezone.now()
    note.withdrawal_reason = reason
    note.save()
    return _on_record(
        note,
        CorrectionNoteChange.Action.WITHDRAWN,
        (note.text, note.kind),
        editor,
        approved_by,
        reason,
    )


def note_change_approve(*, change: PendingNoteChange, editor) -> CorrectionNote:
    """The second editor's yes to a waiting amendment or withdrawal: readers
    see it now, recorded as its author's change, approved by `editor`."""
    with transaction.atomic():
        change = (
            PendingNoteChange.objects.select_for_update().filter(pk=change.pk).first()
        )
        if change is None:
            raise ValidationError(_("This change is no longer waiting for approval."))
        if change.proposed_by_id == editor.pk:
            raise ValidationError(
                _("A second editor must approve the change, not its author.")
            )
        note = _locked(change.note)
        author = change.proposed_by
        if change.action == PendingNoteChange.Action.AMEND:
            text, kind = _checked_amendment(note, change.text, change.kind)
            note = _amend(note, author, text, kind, change.reason, approved_by=editor)
        else:
            if note.withdrawn_at:
                raise ValidationError(_("This note is already withdrawn."))
            note = _withdraw(note, author, change.reason, approved_by=editor)
        change.delete()
    return note


def note_change_discard(*, change: PendingNoteChange, editor) -> None:
    """A waiting change is dropped (by its author or another editor); readers
    never saw it, so nothing of it is kept."""
    PendingNoteChange.objects.filter(pk=change.pk).delete()
