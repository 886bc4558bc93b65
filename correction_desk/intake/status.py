"""The reader's private link to the status of a report: signed, so unguessable."""

from django.core import signing
from django.urls import reverse

SALT = "newsroom.corrections.report-status"
# On the status page right after sending: show the confirmation first.
SENT_PARAMETER = "gesendet"


def status_token(report) -> str:
    return signing.dumps(report.pk, salt=SALT)


def report_id_from_token(token: str) -> int | None:
    try:
        value = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None


def status_url(report) -> str:
    return reverse("correction_desk:status", kwargs={"token": status_token(report)})
