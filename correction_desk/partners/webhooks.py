"""Webhooks for partners: every published, amended or withdrawn note, signed.

Each event for each active endpoint is a WebhookDelivery row, stored in the same
transaction as the note's change, and a task that sends it after the commit. The
editor's request never waits for a partner: in production the task queue is the
database (NEWSROOM_TASKS=database), and a worker sends, and sends again with
growing pauses when a partner fails or hangs, up to ATTEMPTS times. Every attempt
is in the delivery log in the admin, with a "send again" action.

Each event is signed as the Standard Webhooks specification says: headers
`webhook-id` (the same on every attempt, so a receiver can refuse a replay),
`webhook-timestamp` and `webhook-signature: v1,<base64 HMAC-SHA256 over
"<id>.<timestamp>.<body>">`, the key being the endpoint's secret, which the
admin shows as `whsec_…`. Endpoints made before carry the old
`Newsroom-Signature` too while their partner moves over (`legacy_signature`).
The body is the endpoint's format: the corrections record's JSON, IPTC ninjs or
IPTC NewsML-G2 (correction_desk/formats/), made once with the change.

Events go through the site's one outbound client
(correction_desk/support/outbound.py): an
endpoint must resolve to public addresses only, is connected to at the address
that was checked, and a redirect is a failure, never followed (SSRF). In
production it must be https.
"""

import base64
import hashlib
import hmac
import logging
import time
from datetime import timedelta

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from correction_desk.formats import newsml, ninjs
from correction_desk.formats.item import item_for
from correction_desk.models import PartnerEndpoint, WebhookDelivery
from correction_desk.record import machine as record
from correction_desk.support import json_text, outbound
from correction_desk.support.queue import enqueue_on_commit
from correction_desk.triage.mail import absolute

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 5
ATTEMPTS = 8  # pauses of 30 s, 1, 2, 4 … 32 min: about an hour in all
FIRST_PAUSE_SECONDS = 30
PRIORITY = 20  # after purges and pings, which readers wait for


def address_problem(url: str) -> str:
    """Why events may not go to `url`, or "" if they may."""
    try:
        outbound.check_destination(url)
    except outbound.Refused as refusal:
        return str(refusal)
    return ""


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The signature of before (`Newsroom-Signature`), for partners moving over."""
    message = f"{timestamp}.".encode() + body
    digest = hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def standard_headers(endpoint, message_id: str, body: bytes) -> dict[str, str]:
    """Standard Webhooks' three headers, signed with the endpoint's key."""
    timestamp = int(time.time())
    message = f"{message_id}.{timestamp}.".encode() + body
    digest = hmac.new(endpoint.secret.encode(), message, hashlib.sha256).digest()
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": "v1," + base64.b64encode(digest).decode(),
    }


def message_id(delivery: WebhookDelivery) -> str:
    return f"msg_{delivery.pk}"


def payload(note, event: str) -> dict:
    return {
        "type": event,
        "created_at": timezone.now().isoformat(),
        "correction": record.note_record(note, absolute),
    }


def bodies(note, event: str) -> dict[str, tuple[str, str]]:
    """The event in each format: body and content type."""
    item = item_for(note.content, absolute)
    return {
        PartnerEndpoint.Format.RECORD: (
            json_text.dumps(payload(note, event)),
            "application/json",
        ),
        PartnerEndpoint.Format.NINJS: (
            json_text.dumps(ninjs.document(item)),
            ninjs.CONTENT_TYPE,
        ),
        PartnerEndpoint.Format.NEWSML: (
            newsml.news_item(item).decode(),
            newsml.CONTENT_TYPE,
        ),
    }


def announce(note, event: str) -> None:
    """Queue the event for every active partner, with the change that made it."""
    endpoints = list(PartnerEndpoint.objects.filter(active=True))
    if not endpoints:
        return
    made = bodies(note, event)
    for endpoint in endpoints:
        body, content_type = made[endpoint.body_format]
        delivery = WebhookDelivery.objects.create(
            endpoint=endpoint, note=note, event=event, payload=payload(note, event),
            body=body, content_type=content_type,
        )  # fmt: skip
        enqueue_on_commit(deliver, delivery.pk)


class Unanswered(Exception):
    """The partner answered, but not with a success (2xx)."""

    def __init__(self, status: int):
        super().__init__(f"HTTP {status}")
        self.status = status


def send(delivery: WebhookDelivery) -> int:
    endpoint = delivery.endpoint
    # Deliveries stored before bodies were: the record's JSON they carried.
    body = (delivery.body or json_text.dumps(delivery.payload)).encode()
    headers = {
        "Content-Type": f"{delivery.content_type or 'application/json'}; charset=utf-8",
        "User-Agent": "Newsroom-Webhooks/2",
        "Newsroom-Event": delivery.event,
        "Newsroom-Delivery": str(delivery.pk),
        **standard_headers(endpoint, message_id(delivery), body),
    }
    if endpoint.legacy_signature:
        headers["Newsroom-Signature"] = sign(endpoint.secret, int(time.time()), body)
    answer = outbound.send(
        "POST", endpoint.url, body=body, headers=headers,
        timeout=TIMEOUT_SECONDS,
    )  # fmt: skip
    if not 200 <= answer.status < 300:
        raise Unanswered(answer.status)  # a redirect too: it is not followed
    return answer.status


@task(priority=PRIORITY)
def deliver(delivery_id: int) -> str:
    with transaction.atomic():
        delivery = (
            WebhookDelivery.objects.select_for_update()
            .select_related("endpoint")
            .get(pk=delivery_id)
        )
        if delivery.status == WebhookDelivery.Status.DELIVERED:
            return "delivered before"
        delivery.attempts += 1
    try:
        delivery.response_status = send(delivery)
    except Unanswered as error:
        delivery.response_status = error.status
        delivery.last_error = str(error)
    except (outbound.Refused, OSError) as error:
        delivery.response_status = None
        delivery.last_error = str(error)[:500]
    else:
        delivery.status = WebhookDelivery.Status.DELIVERED
        delivery.delivered_at = timezone.now()
        delivery.last_error = ""
        delivery.save()
        return "delivered"
    waits = deliver.get_backend().supports_defer and delivery.attempts < ATTEMPTS
    delivery.status = (
        WebhookDelivery.Status.PENDING if waits else WebhookDelivery.Status.FAILED
    )
    delivery.save()
    if waits:
        pause = FIRST_PAUSE_SECONDS * 2 ** (delivery.attempts - 1)
        deliver.using(run_after=timezone.now() + timedelta(seconds=pause)).enqueue(
            delivery.pk
        )
        return "retrying"
    logger.error(
        "Webhook %s to %s failed: %s",
        delivery.pk,
        delivery.endpoint,
        delivery.last_error,
    )
    return "failed"


def resend(delivery: WebhookDelivery) -> None:
    """The admin's "send again": a new round of attempts, after commit."""
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        status=WebhookDelivery.Status.PENDING, attempts=0
    )
    enqueue_on_commit(deliver, delivery.pk)
