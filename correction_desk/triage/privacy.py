"""A reader's data on request: export (GDPR Art. 15) and erasure (Art. 17).

The reader is found by the e-mail address they left. Each request leaves a
decision on every report it touched, saying what was done and when, without the
address or anything else that names the reader.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from correction_desk.models import Decision, Report, ReportMessage


def _reports_of(email: str):
    email = email.strip()
    if not email:
        return Report.objects.none()
    return Report.objects.filter(reporter_email__iexact=email)


def _record(reports, editor, reason: str) -> None:
    Decision.objects.bulk_create(
        Decision(
            report=report,
            editor=editor,
            action=Decision.Action.PRIVACY,
            from_status=report.status,
            to_status=report.status,
            reason=reason,
        )
        for report in reports
    )


def reporter_data_export(*, email: str, editor) -> dict:
    """Everything stored about the reader with this address, as plain data."""
    reports = list(_reports_of(email).prefetch_related("messages"))
    with transaction.atomic():
        _record(
            reports, editor, _("Data given to the reader on request (Art. 15 GDPR).")
        )
    return {
        "exported_at": timezone.now().isoformat(),
        "counter_statement_demands": demands_export(email=email, editor=editor),
        "reports": [
            {
                "received_at": report.created_at.isoformat(),
                "article": report.content_title,
                "article_url": report.content_url,
                "passage": report.passage,
                "description": report.description,
                "suggestion": report.suggestion,
                "source_url": report.source_url,
                "name": report.reporter_name,
                "email": report.reporter_email,
                "consent_given_at": (
                    report.consent_at.isoformat() if report.consent_at else None
                ),
                "language": report.language,
                "status": report.get_status_display(),
                "messages": [
                    {
                        "from": message.get_sender_display(),
                        "sent_at": message.created_at.isoformat(),
                        "text": message.text,
                    }
                    for message in report.messages.all()
                ],
            }
            for report in reports
        ],
    }


def reporter_data_erase(*, email: str, editor) -> int:
    """Erase who the reader is from their reports; return how many were touched.

    Name, address, consent, the client fingerprint and the submission key go,
    and so do the reader's own answers to the editors. What the report says
    about the article (passage, description, suggestion) stays: it is the
    newsroom's record of an error, not data about the reader.
    """
    with transaction.atomic():
        reports = list(_reports_of(email).select_for_update(of=("self",)))
        if not reports:
            return 0
        Report.objects.filter(pk__in=[r.pk for r in reports]).update(
            reporter_name="",
            reporter_email="",
            consent_at=None,
            client_hash="",
            submission_key="",
        )
        ReportMessage.objects.filter(
            report__in=reports, sender=ReportMessage.Sender.READER
        ).update(text=_("[erased on the reader's request]"))
        _record(reports, editor, _("Reader's data erased on request (Art. 17 GDPR)."))
    return len(reports)


# Counter-statement demands: the person affected is found by the address they
# gave; their letters and documents are theirs too.


def _demands_of(email: str):
    from correction_desk.press_law.models import CounterStatementDemand

    email = email.strip()
    if not email:
        return CounterStatementDemand.objects.none()
    return CounterStatementDemand.objects.filter(claimant_email__iexact=email)


def _demand_steps(demands, editor, reason: str) -> None:
    from correction_desk.press_law.models import PressLawStep

    PressLawStep.objects.bulk_create(
        PressLawStep(
            demand=demand,
            editor=editor,
            action=PressLawStep.Action.PRIVACY,
            reason=reason,
        )
        for demand in demands
    )


def demands_export(*, email: str, editor) -> list[dict]:
    """The demands of the person with this address, their documents included."""
    import base64

    demands = list(_demands_of(email).prefetch_related("documents"))
    _demand_steps(
        demands, editor, _("Data given to the person on request (Art. 15 GDPR).")
    )
    exported = []
    for demand in demands:
        documents = []
        for document in demand.documents.all():
            try:
                with document.file.open("rb") as handle:
                    data = base64.b64encode(handle.read()).decode()
            except FileNotFoundError:
                data = None
            documents.append(
                {
                    "name": document.name,
                    "content_type": document.content_type,
                    "uploaded_at": document.uploaded_at.isoformat(),
                    "base64": data,
                }
            )
        exported.append(
            {
                "received_at": demand.received_at.isoformat(),
                "article": demand.content_title if demand.content else None,
                "claimant": demand.claimant,
                "representative": demand.representative,
                "postal_address": demand.claimant_address,
                "email": demand.claimant_email,
                "claims": demand.claims,
                "counter_statement": demand.text,
                "decision": demand.get_outcome_display(),
                "legal_ground": demand.get_ground_display(),
                "letter": demand.letter,
                "documents": documents,
            }
        )
    return exported


def demands_erase(*, email: str, editor) -> int:
    """Erase the person's name, addresses and documents from their demands.

    A counter-statement already published stays as published: the law makes
    the newsroom offer it (Art. 17 Abs. 3 lit. b GDPR); so do the claims and
    the decision, which are the newsroom's record of its own content.
    """
    from correction_desk.press_law.models import CounterStatementDemand

    with transaction.atomic():
        demands = list(_demands_of(email).select_for_update())
        if not demands:
            return 0
        for demand in demands:
            for document in demand.documents.all():
                document.file.delete(save=False)
                document.delete()
        CounterStatementDemand.objects.filter(pk__in=[d.pk for d in demands]).update(
            claimant="",
            representative="",
            claimant_address="",
            claimant_email="",
        )
        _demand_steps(
            demands, editor, _("Personal data erased on request (Art. 17 GDPR).")
        )
    return len(demands)
