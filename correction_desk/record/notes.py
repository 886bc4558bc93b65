"""Correction notes: published (at once, or after a second editor), then
amended or withdrawn, each step on record."""

from collections.abc import Iterable
from copy import copy

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from correction_desk.conf import setting
from correction_desk.intake.cleaning import clean_text
from correction_desk.models import (
    OPEN_STATUSES,
    CorrectionNote,
    CorrectionNoteChange,
    PendingNoteChange,
    Report,
    WebhookDelivery,
)
from correction_desk.partners import webhooks
from correction_desk.record import purges
from correction_desk.record.deep_links import corrected_wording
from correction_desk.registry import adapter_for
from correction_desk.transparency import log as transparency_log
from correction_desk.triage.services import (
    _decide,
    _resolve,
    same_content,
    with_duplicates,
)


def correction_publish(
    *,
    content,
    editor,
    kind: str,
    text: str,
    reports: Iterable[Report],
    awaits_content: bool = False,
    placement: str = "",
) -> CorrectionNote:
    """Publish a dated note on the content and resolve the reports it answers.

    Reports marked as duplicates of those reports, or grouped with them, are
    resolved with them. Under the four-eyes rule (NEWSROOM_NOTES_NEED_APPROVAL)
    the note waits for a second editor (`note_approve`), and so do its reports,
    in review. With `awaits_content` (the fix waits in the host's moderation
    workflow) they wait for the content's publication (`content_published`).
    """
    reports = list(reports)
    adapter = adapter_for(content)
    content = type(content)._default_manager.get(pk=content.pk)  # as it reads now
    note = CorrectionNote(content=content)
    if any(not same_content(report, note) for report in reports):
        raise ValidationError(_("All reports must be about this article."))
    waits = awaits_content or setting("NOTES_NEED_APPROVAL")
    with transaction.atomic():
        note = CorrectionNote(
            content=content,
            language=adapter.language(content),
            desk=adapter.desk(content),
            kind=kind,
            text=clean_text(text).strip(),
            published_at=None if waits else timezone.now(),
            awaits_content=awaits_content,
            created_by=editor,
            revision=adapter.revision(content),
            placement=placement,
        )
        _full_clean(note)
        note.save()
        action = CorrectionNoteChange.Action
        CorrectionNoteChange.objects.create(
            note=note,
            editor=editor,
            action=action.SUBMITTED if waits else action.PUBLISHED,
        )
        if waits:
            _hold_for_approval(reports, editor, note)
        else:
            _go_public(note, editor, reports)
    return note


def note_approve(*, note: CorrectionNote, editor) -> CorrectionNote:
    """The second editor's yes: the note goes public and its reports are resolved."""
    with transaction.atomic():
        note = CorrectionNote.objects.select_for_update().get(pk=note.pk)
        if note.published_at is not None or note.withdrawn_at is not None:
            raise ValidationError(_("This note is not waiting for approval."))
        if note.awaits_content:
            raise ValidationError(
                _("This note goes public when the page is published.")
            )
        if note.created_by_id == editor.pk:
            raise ValidationError(
                _("A second editor must approve the note, not its author.")
            )
        note.published_at = timezone.now()
        note.approved_by = editor
        note.save(update_fields=["published_at", "approved_by"])
        CorrectionNoteChange.objects.create(
            note=note, editor=editor, action=CorrectionNoteChange.Action.PUBLISHED
        )
        _go_public(
            note, editor, list(Report.objects.open().filter(correction_note=note))
        )
    return note


def content_published(content) -> list[CorrectionNote]:
    """The host published the content (its moderation workflow approved a
    fix): the notes that waited for it go public, or, under the four-eyes
    rule, on to a second editor. Its versions not yet in the transparency
    log are logged. Return the notes now public."""
    from correction_desk.press_law.services import content_offered_again

    public = []
    with transaction.atomic():
        transparency_log.log_public(content, history=False)
        content_offered_again(content)
        waiting = CorrectionNote.objects.about(content).select_for_update()
        for note in waiting.filter(awaits_content=True, withdrawn_at__isnull=True):
            note.awaits_content = False
            note.revision = adapter_for(content).revision(content)
            if setting("NOTES_NEED_APPROVAL"):
                note.save(update_fields=["awaits_content", "revision"])
                continue
            note.published_at = timezone.now()
            note.save(update_fields=["awaits_content", "revision", "published_at"])
            CorrectionNoteChange.objects.create(
                note=note,
                editor=note.created_by,
                action=CorrectionNoteChange.Action.PUBLISHED,
            )
            reports = list(Report.objects.open().filter(correction_note=note))
            _go_public(note, note.created_by, reports)
            public.append(note)
    return public


def _go_public(note: CorrectionNote, editor, reports: list[Report]) -> None:
    content = note.content
    adapter = adapter_for(content)
    note.compare_from = _changed_from(content, note)
    if note.compare_from is not None:
        before = adapter.version_texts(content, note.compare_from)
        after = adapter.version_texts(content, adapter.revision(content))
        if before is not None and after is not None:
            note.passage = corrected_wording(before, after)
    # Part of the publication just saved (and announced): not a change of its own.
    CorrectionNote.objects.filter(pk=note.pk).update(
        passage=note.passage, compare_from=note.compare_from
    )
    if note.kind == CorrectionNote.Kind.COUNTER_STATEMENT:
        from correction_desk.press_law.services import counter_statement_public

        counter_statement_public(note)
    webhooks.announce(note, WebhookDelivery.Event.PUBLISHED)
    transparency_log.log_note(note)
    purges.note_changed(note)
    _resolve(
        reports,
        editor,
        Report.Status.CORRECTED,
        reason=note.text,
        correction_note=note,
    )


def _hold_for_approval(reports: list[Report], editor, note: CorrectionNote) -> None:
    """The reports wait in review, tied to the note that will answer them."""
    waiting = with_duplicates(reports)
    for report in waiting:
        if report.status == Report.Status.NEW:
            _decide(report=report, editor=editor, to_status=Report.Status.IN_REVIEW)
    Report.objects.filter(
        pk__in=[report.pk for report in waiting], status__in=OPEN_STATUSES
    ).update(correction_note=note)


def _changed_from(content, note: CorrectionNote) -> int | None:
    """The version before the first change since the previous note: the
    changes in between are this note's. None if there were none."""
    previous = (
        CorrectionNote.objects.about(content)
        .exclude(pk=note.pk)
        .filter(published_at__isnull=False)
        .order_by("-published_at")
        .values_list("published_at", "revision")
        .first()
    )
    changed = [
        version.revision
        for version in adapter_for(content).versions(content)
        if previous is None
        or (
            version.replaced_at > previous[0] and version.revision >= (previous[1] or 0)
        )
    ]
    return min(changed, default=None)


def _full_clean(note: CorrectionNote) -> None:
    # What press law makes us publish is published whole (press_law/).
    long_allowed = note.kind in CorrectionNote.LEGAL_KINDS
    note.full_clean(exclude=["text"] if long_allowed else None)
    if long_allowed and not note.text:
        raise ValidationError({"text": _("This field cannot be blank.")})


def _needs_second_editor(note: CorrectionNote) -> bool:
    """Under the four-eyes rule every change to what readers see waits."""
    return bool(setting("NOTES_NEED_APPROVAL") and note.published_at)


def _locked(note: CorrectionNote) -> CorrectionNote:
    return CorrectionNote.objects.select_for_update().get(pk=note.pk)


def _propose(note: CorrectionNote, editor, **change) -> None:
    if PendingNoteChange.objects.filter(note=note).exists():
        raise ValidationError(
            _("A change to this note is already waiting for approval.")
        )
    PendingNoteChange.objects.create(note=note, proposed_by=editor, **change)


def _checked_amendment(
    note: CorrectionNote, text: str, kind: str | None, reason: str = ""
):
    if note.withdrawn_at:
        raise ValidationError(_("A withdrawn note cannot be amended."))
    text, kind = clean_text(text).strip(), kind or note.kind
    if (text, kind) == (note.text, note.kind):
        raise ValidationError(_("The note is unchanged."))
    legal = CorrectionNote.LEGAL_KINDS
    if kind != note.kind and (kind in legal or note.kind in legal):
        raise ValidationError(
            _("A counter-statement, a reply to one or a reprimand keeps its type.")
        )
    if note.kind in legal and not clean_text(reason).strip():
        raise ValidationError(
            _("A counter-statement, a reply to one or a reprimand is changed only "
              "with a reason on record.")
        )  # fmt: skip
    candidate = copy(note)
    candidate.text, candidate.kind = text, kind
    _full_clean(candidate)
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
        text, kind = _checked_amendment(note, text, kind, reason)
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
    transparency_log.log_note(note)
    purges.note_changed(note)
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
            text, kind = _checked_amendment(
                note, change.text, change.kind, change.reason
            )
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
