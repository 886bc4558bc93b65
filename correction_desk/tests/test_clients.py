import pytest
from django.test import RequestFactory

from correction_desk.intake.clients import client_hash
from correction_desk.intake.ratelimit import Limit, hit
from newsroom.clients import client_ip


def request_from(address, forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return RequestFactory().post("/", REMOTE_ADDR=address, **extra)


def test_client_hash_never_contains_the_address():
    digest = client_hash(request_from("203.0.113.7"))
    assert len(digest) == 64
    assert "203.0.113.7" not in digest
    assert digest == client_hash(request_from("203.0.113.7"))
    assert digest != client_hash(request_from("203.0.113.8"))


def test_client_hash_depends_on_the_secret_key(settings):
    before = client_hash(request_from("203.0.113.7"))
    settings.SECRET_KEY = "another-secret-key-for-this-test-only-0123456789"
    assert client_hash(request_from("203.0.113.7")) != before


def test_one_ipv6_host_is_one_client_whatever_address_it_picks():
    first = client_hash(request_from("2001:db8:1:2::1"))
    assert first == client_hash(request_from("2001:db8:1:2:ffff:1234:5678:9abc"))
    assert first != client_hash(request_from("2001:db8:1:3::1"))


@pytest.fixture
def behind_proxies(settings):
    import ipaddress

    settings.CORRECTION_DESK_TRUSTED_PROXIES = [
        ipaddress.ip_network("10.0.0.10/32"),
        ipaddress.ip_network("127.0.0.0/8"),
    ]


def test_forwarded_header_is_ignored_without_trusted_proxies(settings):
    settings.CORRECTION_DESK_TRUSTED_PROXIES = []
    request = request_from("10.0.0.10", forwarded="198.51.100.9")
    assert client_ip(request) == "10.0.0.10"


@pytest.mark.usefixtures("behind_proxies")
def test_a_peer_that_is_not_our_proxy_cannot_pick_its_identity():
    request = request_from("203.0.113.66", forwarded="198.51.100.9")
    assert client_ip(request) == "203.0.113.66"


@pytest.mark.usefixtures("behind_proxies")
@pytest.mark.parametrize(
    ("forwarded", "client"),
    [
        ("198.51.100.9", "198.51.100.9"),
        # The client's own header comes first; our proxy appends what it saw.
        ("1.2.3.4, 198.51.100.9", "198.51.100.9"),
        # Two of our hops (cache in front of the balancer): skip both.
        ("1.2.3.4, 198.51.100.9, 127.0.0.1", "198.51.100.9"),
        # A proxy passing the client's header on unchecked: no identity from it.
        ("nonsense", "10.0.0.10"),
        ("", "10.0.0.10"),
    ],
)
def test_our_proxies_tell_the_client_address(forwarded, client):
    assert client_ip(request_from("10.0.0.10", forwarded=forwarded)) == client


@pytest.mark.usefixtures("mid_minute")
def test_rate_limiter_allows_up_to_the_limit_then_says_how_long_to_wait():
    limits = [Limit("test", 3, 60)]
    assert [hit("reader-a", limits) for _ in range(3)] == [0, 0, 0]
    wait = hit("reader-a", limits)
    assert 1 <= wait <= 60
    assert hit("reader-b", limits) == 0
