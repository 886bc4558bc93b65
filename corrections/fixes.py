"""From a report to a fixed article, and the life of a note after it is published.

Each function is one transaction: the article's new text, the note, the reports
it resolves, their decision records and the readers' e-mails are stored
together, or none of them is.
"""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.models import Article
from articles.services import article_revise

from . import webhooks
from .models import CorrectionNote, CorrectionNoteChange, Report, WebhookDelivery
from .services import correction_publish, reports_fix_silently
from .text import clean_text


def correction_apply(
    *,
    article: Article,
    editor,
    changes: dict[str, str],
    seen: str | None,
    kind: str = CorrectionNote.Kind.CORRECTION,
    note_text: str = "",
    reports: Iterable[Report] = (),
    silent: bool = False,
    reason: str = "",
) -> CorrectionNote | None:
    """Fix the article's text and publish the note that says so.

    `changes` are the new headline, lead or body; `seen` the fingerprint of the
    text the editor started from (articles.services.text_fingerprint), so that
    another editor's change in between is refused, not overwritten. The reports
    and their duplicates are resolved as corrected with the note; with `silent`
    (a typo) there is no note and they are resolved as fixed silently, with
    `reason` for the reader. Return the note, or None when silent.
    """
    reports = list(reports)
    if any(report.article_id != article.pk for report in reports):
        raise ValidationError(_("All reports must be about this article."))
    if not silent and not clean_text(note_text).strip():
        raise ValidationError(
            {"note_text": _("Please write the note readers will see.")}
        )
    with transaction.atomic():
        if changes:
            article = article_revise(
                article=article, editor=editor, changes=changes, seen=seen
            )
        if not silent:
            return correction_publish(
                article=article,
                editor=editor,
                kind=kind,
                text=note_text,
                reports=reports,
            )
        reports_fix_silently(reports=reports, editor=editor, reason=reason)
    return None


def note_amend(
    *, note: CorrectionNote, editor, text: str, kind: str | None = None, reason=""
) -> CorrectionNote:
    """Change a published note's text; the old text stays on record.

    Readers see the note marked as amended, with the date.
    """
    with transaction.atomic():
        note = CorrectionNote.objects.select_for_update().get(pk=note.pk)
        if note.withdrawn_at:
            raise ValidationError(_("A withdrawn note cannot be amended."))
        previous_text, previous_kind = note.text, note.kind
        note.text = clean_text(text).strip()
        note.kind = kind or note.kind
        if (note.text, note.kind) == (previous_text, previous_kind):
            raise ValidationError(_("The note is unchanged."))
        note.amended_at = timezone.now()
        note.full_clean()
        note.save()
        CorrectionNoteChange.objects.create(
            note=note,
            editor=editor,
            action=CorrectionNoteChange.Action.AMENDED,
            previous_text=previous_text,
            previous_kind=previous_kind,
            reason=clean_text(reason).strip(),
            created_at=note.amended_at,
        )
        webhooks.announce(note, WebhookDelivery.Event.AMENDED)
    return note


def note_withdraw(*, note: CorrectionNote, editor, reason: str) -> CorrectionNote:
    """Withdraw a note published in error; readers see that, and why."""
    reason = clean_text(reason).strip()
    if not reason:
        raise ValidationError(
            {"reason": _("Please say why; readers see it with the note.")}
        )
    with transaction.atomic():
        note = CorrectionNote.objects.select_for_update().get(pk=note.pk)
        if note.withdrawn_at:
            raise ValidationError(_("This note is already withdrawn."))
        note.withdrawn_at = timezone.now()
        note.withdrawal_reason = reason
        note.save()
        CorrectionNoteChange.objects.create(
            note=note,
            editor=editor,
            action=CorrectionNoteChange.Action.WITHDRAWN,
            previous_text=note.text,
            previous_kind=note.kind,
            reason=reason,
            created_at=note.withdrawn_at,
        )
        webhooks.announce(note, WebhookDelivery.Event.WITHDRAWN)
    return note
