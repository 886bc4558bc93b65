"""Webhooks for partners: a receiver on loopback, started by the test, gets every
published, amended and withdrawn note, signed as Standard Webhooks says (checked
with the `standardwebhooks` package); failures are retried and logged, and no
partner ever holds up or loses a correction."""

import hashlib
import hmac
import http.server
import json
import threading
import time
from contextlib import contextmanager

import pytest
from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError

from correction_desk import services
from correction_desk.models import PartnerEndpoint, WebhookDelivery
from correction_desk.partners import webhooks

pytestmark = pytest.mark.django_db(transaction=True)


def standard(endpoint, headers: dict, body: bytes, secret=None):
    """A partner's check with the Standard Webhooks library: raises
    WebhookVerificationError unless the signature and its time are good."""
    lowered = {name.lower(): value for name, value in headers.items()}
    webhook = Webhook(secret or endpoint.standard_secret)
    return webhook.verify(body, lowered, json_parse=False)


def verify(secret: str, header: str, body: bytes, tolerance=300) -> bool:
    """The old check (Newsroom-Signature), as the README gave partners before."""
    fields = dict(part.split("=", 1) for part in header.split(","))
    timestamp = int(fields["t"])
    if abs(time.time() - timestamp) > tolerance:
        return False
    message = f"{timestamp}.".encode() + body
    expected = hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, fields["v1"])


@contextmanager
def receiver(status=204, delay=0.0, trusted=True, headers=()):
    """A partner on loopback; `trusted`: the operator vouches for it in settings
    (NEWSROOM_TRUSTED_DESTINATIONS), as for a receiver in the newsroom's network."""
    from django.test import override_settings

    received = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (http.server's naming)
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append((dict(self.headers), body))
            time.sleep(delay)
            self.send_response(status)
            for name, value in headers:
                self.send_header(name, value)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/hook"
    trust = override_settings(
        CORRECTION_DESK_TRUSTED_DESTINATIONS=[url] if trusted else []
    )
    try:
        with trust:
            yield url, received
    finally:
        server.shutdown()
        server.server_close()


def publish(article, editor, text="Es waren 10.000."):
    return services.correction_publish(
        content=article, editor=editor, kind="correction", text=text, reports=[]
    )


def test_a_partner_gets_signed_events_for_publish_amend_and_withdraw(article, editor):
    with receiver() as (url, received):
        endpoint = PartnerEndpoint.objects.create(name="Agentur", url=url)
        note = publish(article, editor)
        note = services.note_amend(note=note, editor=editor, text="Es waren 12.000.")
        services.note_withdraw(note=note, editor=editor, reason="Doch 8000.")
    assert [headers["Newsroom-Event"] for headers, _ in received] == [
        "correction.published",
        "correction.amended",
        "correction.withdrawn",
    ]
    other = PartnerEndpoint(secret="ein anderes Geheimnis")
    for headers, body in received:
        assert headers["Content-Type"] == "application/json; charset=utf-8"
        standard(endpoint, headers, body)  # raises unless the signature is good
        with pytest.raises(WebhookVerificationError):
            standard(other, headers, body)
        assert "Newsroom-Signature" not in headers  # a new endpoint: the standard only
    event = json.loads(received[1][1])
    assert event["type"] == "correction.amended"
    correction = event["correction"]
    assert correction["id"] == f"tag:newsroom,2024:correction:{note.pk}"
    assert correction["text"] == "Es waren 12.000."
    assert correction["article"]["id"] == f"tag:newsroom,2024:article:{article.pk}"
    assert correction["article"]["url"].endswith(article.get_absolute_url())
    assert {"versions_url", "passage_url", "published_at", "amended_at"} <= set(
        correction
    )
    assert json.loads(received[2][1])["correction"]["withdrawal_reason"] == "Doch 8000."
    log = WebhookDelivery.objects.filter(endpoint=endpoint)
    assert set(log.values_list("status", flat=True)) == {"delivered"}


def test_a_tampered_body_fails_the_check(article, editor):
    with receiver() as (url, received):
        endpoint = PartnerEndpoint.objects.create(name="Agentur", url=url)
        publish(article, editor)
    ((headers, body),) = received
    forged = body.replace(b"10.000", b"99.000")
    with pytest.raises(WebhookVerificationError):
        standard(endpoint, headers, forged)


def test_inactive_partners_get_nothing(article, editor):
    with receiver() as (url, received):
        PartnerEndpoint.objects.create(name="Ruht", url=url, active=False)
        publish(article, editor)
    assert received == []


def test_a_failing_partner_is_tried_again_and_shows_in_the_log(
    waiting_queue, article, editor
):
    with receiver(status=500) as (url, received):
        PartnerEndpoint.objects.create(name="Wackelig", url=url)
        publish(article, editor)
        (first,) = waiting_queue.waiting(webhooks.deliver)
        waiting_queue.clear()
        webhooks.deliver.call(*first.args)
    assert len(received) == 1
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_status) == (
        "pending",
        1,
        500,
    )
    assert delivery.last_error == "HTTP 500"
    (retry,) = waiting_queue.waiting(webhooks.deliver)
    assert (retry.task.run_after - retry.enqueued_at).total_seconds() > 29
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        attempts=webhooks.ATTEMPTS - 1
    )
    with receiver(status=500) as (url, _):
        PartnerEndpoint.objects.update(url=url)
        assert webhooks.deliver.call(delivery.pk) == "failed"
    assert WebhookDelivery.objects.get().status == "failed"


def test_a_hanging_partner_does_not_hold_up_the_editor(
    waiting_queue, article, editor, monkeypatch
):
    """The editor's request only stores the delivery; a worker waits for partners."""
    monkeypatch.setattr(webhooks, "TIMEOUT_SECONDS", 0.5)
    with receiver(delay=3) as (url, received):
        PartnerEndpoint.objects.create(name="Hängt", url=url)
        note = publish(article, editor)  # returns with the delivery queued
        assert received == []
        assert type(note).objects.filter(pk=note.pk).exists()
        (queued,) = waiting_queue.waiting(webhooks.deliver)
        webhooks.deliver.call(*queued.args)  # the worker: gives up after the timeout
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "pending" and "timed out" in delivery.last_error


def test_a_partner_that_is_down_costs_the_correction_nothing(article, editor):
    with receiver() as (url, _):
        pass  # closed again
    PartnerEndpoint.objects.create(name="Weg", url=url)
    note = publish(article, editor)
    assert type(note).objects.filter(pk=note.pk, published_at__isnull=False).exists()
    assert WebhookDelivery.objects.get().status == "failed"  # no queue to wait in


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("http://partner.example.org/hook", "https://"),
        ("https://127.0.0.1/hook", "eigenes Netz"),
        ("https://10.1.2.3/hook", "eigenes Netz"),
        ("https://[::1]/hook", "eigenes Netz"),
        ("https://169.254.169.254/latest", "eigenes Netz"),
    ],
)
def test_in_production_only_public_https_addresses_are_taken(settings, url, problem):
    settings.CORRECTION_DESK_REQUIRE_HTTPS = True
    assert problem in webhooks.address_problem(url)
    endpoint = PartnerEndpoint(name="Intern", url=url)
    with pytest.raises(Exception, match="url"):
        endpoint.full_clean()


def test_in_production_a_delivery_never_goes_to_our_own_network(
    settings, article, editor
):
    settings.CORRECTION_DESK_REQUIRE_HTTPS = True
    with receiver() as (url, received):
        PartnerEndpoint.objects.bulk_create(  # as if stored before the rule
            [PartnerEndpoint(name="Alt", url=url.replace("http:", "https:"))]
        )
        publish(article, editor)
    assert received == []
    assert "eigenes Netz" in WebhookDelivery.objects.get().last_error


def test_editors_with_the_permission_manage_partners_and_resend(
    client, article, editor, django_user_model
):
    from django.contrib.auth.models import Permission

    with receiver(status=500) as (url, received):
        PartnerEndpoint.objects.create(name="Agentur", url=url)
        publish(article, editor)
    delivery = WebhookDelivery.objects.get()
    client.force_login(editor)
    assert client.get("/admin/correction_desk/partnerendpoint/").status_code == 403
    editor.user_permissions.add(
        *Permission.objects.filter(
            codename__in=[
                "add_partnerendpoint", "change_partnerendpoint",
                "view_partnerendpoint", "view_webhookdelivery",
            ]
        )
    )  # fmt: skip
    log = client.get("/admin/correction_desk/webhookdelivery/")
    assert log.status_code == 200 and "HTTP 500" in log.text
    with receiver() as (url, received):
        PartnerEndpoint.objects.update(url=url)
        client.post(
            "/admin/correction_desk/webhookdelivery/",
            {"action": "send_again", "_selected_action": [delivery.pk]},
        )
    assert len(received) == 1
    assert WebhookDelivery.objects.get().status == "delivered"
