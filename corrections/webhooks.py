"""Webhooks for partners: every published, amended or withdrawn note, as signed JSON.

Each event for each active endpoint is a WebhookDelivery row, stored in the same
transaction as the note's change, and a task that sends it after the commit. The
editor's request never waits for a partner: in production the task queue is the
database (NEWSROOM_TASKS=database), and a worker sends, and sends again with
growing pauses when a partner fails or hangs, up to ATTEMPTS times. Every attempt
is in the delivery log in the admin, with a "send again" action.

The signature is in the style of the big webhook senders: an HMAC-SHA256 with the
endpoint's secret over "<timestamp>.<body>", in the header
`Newsroom-Signature: t=<timestamp>,v1=<hex>`; the README shows how to check it.

In production an endpoint must be https and resolve to public addresses only:
no event goes to loopback, private or link-local addresses (SSRF).
"""

import hashlib
import hmac
import ipaddress
import json
import logging
import socket
import time
import urllib.error
import urllib.request
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.tasks import task
from django.utils import timezone
from django.utils.translation import gettext as _

from newsroom.tasks import enqueue_on_commit

from . import record
from .mail import absolute
from .models import PartnerEndpoint, WebhookDelivery

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 5
ATTEMPTS = 8  # pauses of 30 s, 1, 2, 4 … 32 min: about an hour in all
FIRST_PAUSE_SECONDS = 30
PRIORITY = 20  # after purges and pings, which readers wait for


def address_problem(url: str) -> str:
    """Why events may not go to `url`, or "" if they may."""
    if not settings.PRODUCTION:
        return ""
    parts = urlsplit(url)
    if parts.scheme != "https":
        return _("In production, a partner's address must begin with https://.")
    try:
        found = socket.getaddrinfo(parts.hostname, parts.port or 443)
    except (socket.gaierror, UnicodeError):
        return _("This address does not resolve.")
    for *_ignored, address in found:
        ip = ipaddress.ip_address(address[0])
        if not ip.is_global:
            return _("This address points into our own network.")
    return ""


def sign(secret: str, timestamp: int, body: bytes) -> str:
    message = f"{timestamp}.".encode() + body
    digest = hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def payload(note, event: str) -> dict:
    return {
        "type": event,
        "created_at": timezone.now().isoformat(),
        "correction": record.note_record(note, absolute),
    }


def announce(note, event: str) -> None:
    """Queue the event for every active partner, with the change that made it."""
    for endpoint in PartnerEndpoint.objects.filter(active=True):
        delivery = WebhookDelivery.objects.create(
            endpoint=endpoint, note=note, event=event, payload=payload(note, event)
        )
        enqueue_on_commit(deliver, delivery.pk)


def send(delivery: WebhookDelivery) -> int:
    if problem := address_problem(delivery.endpoint.url):
        raise ValueError(problem)
    body = json.dumps(delivery.payload, ensure_ascii=False).encode()
    request = urllib.request.Request(delivery.endpoint.url, data=body, method="POST")
    request.add_header("Content-Type", "application/json")
    request.add_header("User-Agent", "Newsroom-Webhooks/1")
    request.add_header("Newsroom-Event", delivery.event)
    request.add_header("Newsroom-Delivery", str(delivery.pk))
    signature = sign(delivery.endpoint.secret, int(time.time()), body)
    request.add_header("Newsroom-Signature", signature)
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
        return response.status


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
    except urllib.error.HTTPError as error:
        delivery.response_status = error.code
        delivery.last_error = f"HTTP {error.code}"
    except (OSError, ValueError) as error:
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
