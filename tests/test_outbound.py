"""Everything the site sends goes through one client, which connects only to the
address it checked and follows no redirect (SSRF, DNS rebinding)."""

import http.server
import ipaddress
import pathlib
import re
import socket
import threading
from contextlib import contextmanager

import pytest
import urllib3

from correction_desk import services
from correction_desk.models import PartnerEndpoint, WebhookDelivery
from newsroom import outbound

ROOT = pathlib.Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "100.64.0.1",  # carrier-grade NAT
        "169.254.169.254",  # cloud metadata
        "0.0.0.0",
        "224.0.0.1",  # multicast
        "240.0.0.1",  # reserved
        "255.255.255.255",
        "::1",
        "::",
        "::127.0.0.1",  # IPv4-compatible
        "::ffff:127.0.0.1",  # IPv4-mapped
        "::ffff:10.0.0.1",
        "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
        "64:ff9b::a9fe:a9fe",  # NAT64 of the metadata address
        "2002:7f00:1::",  # 6to4 of 127.0.0.1
        "fe80::1",
        "fc00::1",
        "ff02::1",
    ],
)
def test_no_address_in_our_own_network_or_a_disguise_of_one_is_public(address):
    assert not outbound.is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    "address",
    ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "64:ff9b::5db8:d822"],
)
def test_public_addresses_are(address):
    assert outbound.is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("https://[::127.0.0.1]/hook", "eigenes Netz"),
        ("https://[64:ff9b::7f00:1]/hook", "eigenes Netz"),
        ("https://224.0.0.1/hook", "eigenes Netz"),
        ("https://[::ffff:169.254.169.254]/hook", "eigenes Netz"),
        ("https://127.0.0.1:99999/hook", "keinen gültigen Port"),
        ("https://partner.example.org:99999/hook", "keinen gültigen Port"),
    ],
)
def test_editors_get_a_german_message_for_an_address_the_site_will_not_reach(
    admin_client, url, message
):
    answer = admin_client.post(
        "/admin/correction_desk/partnerendpoint/add/",
        {"name": "Agentur", "url": url, "secret": "geheim", "active": "on"},
    )
    assert answer.status_code == 200
    assert message in answer.text
    assert url.split("//")[1].split("/")[0] in answer.text  # nothing typed is lost
    assert not PartnerEndpoint.objects.exists()


@contextmanager
def loopback(status=204, headers=()):
    received = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (http.server's naming)
            received.append(self.rfile.read(int(self.headers["Content-Length"])))
            self.send_response(status)
            for name, value in headers:
                self.send_header(name, value)
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_GET = do_POST  # noqa: N815

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/hook", received
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.django_db(transaction=True)
def test_a_partner_that_redirects_into_our_network_gets_no_second_request(
    settings, article, editor
):
    with (
        loopback() as (inside, reached_inside),
        loopback(status=302, headers=[("Location", inside)]) as (partner, _),
    ):
        settings.CORRECTION_DESK_TRUSTED_DESTINATIONS = [partner]  # the partner only
        PartnerEndpoint.objects.create(name="Agentur", url=partner)
        services.correction_publish(
            content=article, editor=editor, kind="correction", text="Es waren 10.000.",
            reports=[],
        )  # fmt: skip
    assert reached_inside == []
    delivery = WebhookDelivery.objects.get()
    assert delivery.status != "delivered"
    assert delivery.response_status == 302


def test_the_connection_goes_to_the_address_that_was_checked(monkeypatch):
    """DNS rebinding: the name answers a public address for the check and
    loopback afterwards; the connection must still go to the public one."""
    looked_up, connected = [], []

    def getaddrinfo(host, port, *args, **kwargs):
        looked_up.append(host)
        answer = "93.184.216.34" if len(looked_up) == 1 else "127.0.0.1"
        if host not in ("partner.example.org",):
            answer = host  # an address literal stays itself
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (answer, port))]

    def create_connection(address, *args, **kwargs):
        connected.append(address)
        raise ConnectionRefusedError("no network in tests")

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(urllib3.util.connection, "create_connection", create_connection)
    with pytest.raises(outbound.Unreachable):
        outbound.send("POST", "https://partner.example.org/hook", body=b"{}")
    assert looked_up.count("partner.example.org") == 1
    assert connected == [("93.184.216.34", 443)]


def test_a_name_that_also_resolves_into_our_network_is_refused(monkeypatch):
    def getaddrinfo(host, port, *args, **kwargs):
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", port)),
        ]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    with pytest.raises(outbound.Refused):
        outbound.send("POST", "https://partner.example.org/hook", body=b"{}")


def test_what_the_operator_configured_is_reached_as_configured(settings):
    with loopback() as (hub, received):
        with pytest.raises(outbound.Refused):
            outbound.send("POST", hub, body=b"x")
        settings.CORRECTION_DESK_WEBSUB_HUB = hub
        assert outbound.send("POST", hub, body=b"x").status == 204
    assert received == [b"x"]


def test_nothing_else_in_the_site_opens_a_connection_of_its_own():
    """By construction: the one client is the only module that sends HTTP."""
    pattern = re.compile(
        r"\burllib\.request\b|\burlopen\(|\bhttp\.client\b|\bimport requests\b"
        r"|\bhttpx\b|\bsocket\.create_connection\b|\burllib3\b"
    )
    offenders = []
    for folder in ("articles", "correction_desk", "search", "newsroom"):
        for path in (ROOT / folder).rglob("*.py"):
            if (
                "tests" in path.parts
                or path == ROOT / "correction_desk" / "support" / "outbound.py"
            ):
                continue
            if pattern.search(path.read_text()):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
