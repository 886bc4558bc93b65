"""Every change of state of a counter-statement demand or a Press Council
complaint: recorded, decided, published; each step on record.

Publishing goes through the notes' own service (`correction_publish`), so a
counter-statement or a reprimand reaches the page, the log, the feeds, the
JSON record, the webhooks and the transparency log as every note does, as its
own type.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from correction_desk.intake.cleaning import clean_text
from correction_desk.models import CorrectionNote
from correction_desk.press_law import deadlines
from correction_desk.press_law.models import (
    CounterStatementDemand,
    DemandDocument,
    PresseratComplaint,
    PressLawStep,
)
from correction_desk.record import purges
from correction_desk.registry import adapter_for

Demand = CounterStatementDemand
Step = PressLawStep.Action


def _first_offered(content):
    """When the content first went public, as its adapter knows it."""
    adapter = adapter_for(content)
    versions = adapter.versions(content)
    if versions and versions[0].valid_from:
        return versions[0].valid_from
    return adapter.current_since(content) or timezone.now()


FUTURE = {
    "CounterStatementDemand": gettext_lazy("A demand cannot arrive in the future."),
    "PresseratComplaint": gettext_lazy("A complaint cannot arrive in the future."),
}


def _new_case(model, content, editor, fields):
    """A demand or complaint about `content`, filed under its language and
    desk, checked; not saved yet."""
    if fields.get("received_at") and fields["received_at"] > timezone.now():
        raise ValidationError(FUTURE[model.__name__])
    adapter = adapter_for(content)
    case = model(
        content=content,
        language=adapter.language(content),
        desk=adapter.desk(content),
        created_by=editor,
        **fields,
    )
    case.full_clean()
    return case


def _left_the_public(content):
    """When the content left the public, as the transparency log recorded it."""
    from correction_desk.transparency.models import LogRecord

    removal = (
        LogRecord.objects.about(content)
        .filter(kind=LogRecord.Kind.REMOVED)
        .order_by("-index")
        .values_list("at", flat=True)
        .first()
    )
    return removal or timezone.now()


def demand_record(*, content, editor, documents=(), **fields) -> Demand:
    """Record a demand as it arrived. `fields` are the model's: claimant,
    claims, part, received_at, channel, written_and_signed, text and, if
    known, representative, claimant_address, claimant_email,
    first_offered_at and last_offered_at (else read from the content)."""
    adapter = adapter_for(content)
    content = type(content)._default_manager.get(pk=content.pk)  # as it is now
    if not fields.get("first_offered_at"):
        fields["first_offered_at"] = _first_offered(content)
    if not adapter.is_public(content) and not fields.get("last_offered_at"):
        fields["last_offered_at"] = _left_the_public(content)
    for name in ("claims", "text", "claimant", "claimant_address", "representative"):
        if name in fields:
            fields[name] = clean_text(fields[name]).strip()
    demand = _new_case(Demand, content, editor, fields)
    with transaction.atomic():
        demand.save()
        PressLawStep.objects.create(demand=demand, editor=editor, action=Step.RECORDED)
        for upload in documents:
            _store(demand, upload)
    return demand


def demand_add_document(*, demand: Demand, editor, upload) -> DemandDocument:
    with transaction.atomic():
        document = _store(demand, upload)
        PressLawStep.objects.create(
            demand=demand, editor=editor, action=Step.DOCUMENT, reason=document.name
        )
    return document


def _store(demand: Demand, upload) -> DemandDocument:
    document = DemandDocument(
        demand=demand,
        name=clean_text(upload.name)[:200],
        content_type=(upload.content_type or "application/octet-stream")[:100],
        size=upload.size,
    )
    document.file.save(upload.name, upload, save=False)
    # The file is written first: a row never names a file that is not there.
    document.save()
    return document


def _locked(demand: Demand) -> Demand:
    return Demand.objects.select_for_update().get(pk=demand.pk)


def demand_publish(
    *, demand: Demand, editor, court_order: str = "", reply: str = ""
) -> Demand:
    """Publish the counter-statement, word for word, where its claim stood.

    Refused: a demand already published; one refused, unless a court has
    ordered it (`court_order` names the order). A `reply` of the editors is
    published apart, among the newsroom's notes: never joined to it.
    """
    from correction_desk.record.notes import correction_publish

    court_order = clean_text(court_order).strip()
    with transaction.atomic():
        demand = _locked(demand)
        if demand.outcome in (Demand.Outcome.PUBLISHED, Demand.Outcome.COURT_ORDER):
            raise ValidationError(_("This counter-statement is already published."))
        if demand.outcome == Demand.Outcome.REFUSED and not court_order:
            raise ValidationError(
                _("The demand was refused: name the court order that obliges "
                  "publication.")
            )  # fmt: skip
        content = demand.content
        note = correction_publish(
            content=content,
            editor=editor,
            kind=CorrectionNote.Kind.COUNTER_STATEMENT,
            text=demand.text,
            reports=[],
            placement=demand.part,
        )
        demand.note = note
        demand.outcome = (
            Demand.Outcome.COURT_ORDER if court_order else Demand.Outcome.PUBLISHED
        )
        demand.court_order = court_order
        demand.decided_at, demand.decided_by = timezone.now(), editor
        demand.save()
        PressLawStep.objects.create(
            demand=demand,
            editor=editor,
            action=Step.COURT_ORDER if court_order else Step.PUBLISHED,
            reason=court_order,
        )
        _place_elsewhere_if_offline(demand)
        if clean_text(reply).strip():
            demand.reply_note = correction_publish(
                content=content,
                editor=editor,
                kind=CorrectionNote.Kind.REPLY,
                text=reply,
                reports=[],
            )
            demand.save(update_fields=["reply_note"])
            PressLawStep.objects.create(
                demand=demand, editor=editor, action=Step.REPLY, reason=reply
            )
    return demand


def demand_refuse(*, demand: Demand, editor, ground: str, letter: str) -> Demand:
    """Refuse with a legal ground and the letter sent to the person affected."""
    letter = clean_text(letter).strip()
    if ground not in Demand.Ground.values:
        raise ValidationError(_("Choose the legal ground of the refusal."))
    if not letter:
        raise ValidationError(_("Write the letter to the person affected."))
    with transaction.atomic():
        demand = _locked(demand)
        if not demand.is_open:
            raise ValidationError(_("This demand is already decided."))
        demand.outcome, demand.ground, demand.letter = (
            Demand.Outcome.REFUSED,
            ground,
            letter,
        )
        demand.decided_at, demand.decided_by = timezone.now(), editor
        demand.save()
        PressLawStep.objects.create(
            demand=demand,
            editor=editor,
            action=Step.REFUSED,
            reason=f"{Demand.Ground(ground).label}: {letter}",
        )
    return demand


def _place_elsewhere_if_offline(demand: Demand) -> None:
    note = demand.note
    if note is None or note.published_at is None:
        return
    until = deadlines.shown_until(demand, note.published_at)
    if note.shown_until != until:
        # Saved, not updated: the feeds' hub hears of it (record/feeds.py).
        note.shown_until = until
        note.save(update_fields=["shown_until"])
        purges.note_changed(note)


def counter_statement_public(note) -> None:
    """A counter-statement went public (at once, or approved by a second
    editor under the four-eyes rule): if its claim is offered no more, it
    stands in the log for as long as the claim was offered."""
    demand = Demand.objects.filter(note=note).first()
    if demand is not None:
        demand.note = note
        _place_elsewhere_if_offline(demand)


def content_offered_no_more(content) -> None:
    """The content left the public: its claims are offered no more, and its
    counter-statements move to the log for as long as the claims were offered."""
    now = timezone.now()
    for demand in Demand.objects.about(content).filter(last_offered_at__isnull=True):
        demand.last_offered_at = now
        demand.save(update_fields=["last_offered_at"])
        PressLawStep.objects.create(demand=demand, action=Step.OFFERED_NO_MORE)
        _place_elsewhere_if_offline(demand)


def content_offered_again(content) -> None:
    """The content is public again: so are its claims, and the counter-statements
    stand next to them once more."""
    for demand in Demand.objects.about(content).filter(last_offered_at__isnull=False):
        demand.last_offered_at = None
        demand.save(update_fields=["last_offered_at"])
        if demand.note is not None and demand.note.shown_until is not None:
            demand.note.shown_until = None
            demand.note.save(update_fields=["shown_until"])
            purges.note_changed(demand.note)


# The Press Council.


def complaint_record(*, content, editor, **fields) -> PresseratComplaint:
    """Record a complaint: received_at, subject and, if known, reference."""
    complaint = _new_case(PresseratComplaint, content, editor, fields)
    with transaction.atomic():
        complaint.save()
        PressLawStep.objects.create(
            complaint=complaint, editor=editor, action=Step.RECORDED
        )
    return complaint


def complaint_decide(
    *, complaint: PresseratComplaint, editor, outcome: str, decided_on, text: str
) -> PresseratComplaint:
    """Record the Council's decision. A public reprimand gets a due time for
    its publication; nothing else is ever published."""
    Outcome = PresseratComplaint.Outcome
    text = clean_text(text).strip()
    if outcome not in Outcome.values or outcome == Outcome.PENDING:
        raise ValidationError(_("Choose the Press Council's decision."))
    if decided_on is None or decided_on > timezone.localdate():
        raise ValidationError(_("Give the day of the decision, not one to come."))
    if outcome == Outcome.PUBLIC_REPRIMAND and not text:
        raise ValidationError(
            _("A public reprimand is published: give the decision's text.")
        )
    with transaction.atomic():
        complaint = PresseratComplaint.objects.select_for_update().get(pk=complaint.pk)
        if complaint.note_id:
            raise ValidationError(_("The reprimand is already published."))
        complaint.outcome, complaint.decided_on = outcome, decided_on
        complaint.decision_text = text
        complaint.publish_due_at = (
            deadlines.reprimand_due_at(timezone.now())
            if outcome == Outcome.PUBLIC_REPRIMAND
            else None
        )
        complaint.save()
        PressLawStep.objects.create(
            complaint=complaint,
            editor=editor,
            action=Step.DECIDED,
            reason=Outcome(outcome).label,
        )
    return complaint


def reprimand_publish(*, complaint: PresseratComplaint, editor) -> PresseratComplaint:
    """Publish a public reprimand on the content's page and in the log."""
    from correction_desk.record.notes import correction_publish

    with transaction.atomic():
        complaint = PresseratComplaint.objects.select_for_update().get(pk=complaint.pk)
        if complaint.outcome != PresseratComplaint.Outcome.PUBLIC_REPRIMAND:
            raise ValidationError(
                _("Only a public reprimand is published; this decision stays "
                  "within the newsroom.")
            )  # fmt: skip
        if complaint.note_id:
            raise ValidationError(_("The reprimand is already published."))
        complaint.note = correction_publish(
            content=complaint.content,
            editor=editor,
            kind=CorrectionNote.Kind.REPRIMAND,
            text=complaint.decision_text,
            reports=[],
        )
        complaint.save(update_fields=["note"])
        PressLawStep.objects.create(
            complaint=complaint, editor=editor, action=Step.PUBLISHED
        )
    return complaint


def reprimands_due():
    """Public reprimands not yet published, the most pressing first."""
    return PresseratComplaint.objects.filter(
        outcome=PresseratComplaint.Outcome.PUBLIC_REPRIMAND, note__isnull=True
    ).order_by("publish_due_at", "pk")


def demands_open():
    return Demand.objects.filter(outcome=Demand.Outcome.OPEN).order_by(
        "received_at", "pk"
    )
