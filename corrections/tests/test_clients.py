import pytest
from django.test import RequestFactory

from corrections.clients import client_hash, client_ip
from corrections.ratelimit import Limit, hit


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


def test_forwarded_header_is_ignored_unless_we_run_behind_a_proxy(settings):
    request = request_from("10.0.0.1", forwarded="198.51.100.9, 10.0.0.5")
    settings.NEWSROOM_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.1"
    settings.NEWSROOM_PROXY_COUNT = 1
    assert client_ip(request) == "10.0.0.5"
    settings.NEWSROOM_PROXY_COUNT = 2
    assert client_ip(request) == "198.51.100.9"


@pytest.mark.usefixtures("empty_cache")
def test_rate_limiter_allows_up_to_the_limit_then_says_how_long_to_wait():
    limits = [Limit("test", 3, 60)]
    assert [hit("reader-a", limits) for _ in range(3)] == [0, 0, 0]
    wait = hit("reader-a", limits)
    assert 1 <= wait <= 60
    assert hit("reader-b", limits) == 0
