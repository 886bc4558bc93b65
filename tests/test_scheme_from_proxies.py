"""Whether a request came over https is believed from our own proxies only
(newsroom/wsgi.py): a forged X-Forwarded-Proto must not make the site build
https links for a client, nor an http request pass for a secure one."""

import io
from ipaddress import ip_network

import pytest

from newsroom import wsgi

pytestmark = pytest.mark.django_db


def scheme_seen(peer: str, forwarded_proto: str | None) -> str:
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/robots.txt",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "REMOTE_ADDR": peer,
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": io.StringIO(),
    }
    if forwarded_proto is not None:
        environ["HTTP_X_FORWARDED_PROTO"] = forwarded_proto
    wsgi.application(environ, lambda status, headers: None)
    return environ["wsgi.url_scheme"]


def test_our_proxy_says_https(settings):
    settings.NEWSROOM_TRUSTED_PROXIES = [ip_network("10.0.0.0/24")]
    assert scheme_seen("10.0.0.10", "https") == "https"


def test_a_client_cannot_claim_https(settings):
    settings.NEWSROOM_TRUSTED_PROXIES = [ip_network("10.0.0.0/24")]
    assert scheme_seen("203.0.113.5", "https") == "http"
    assert scheme_seen("127.0.0.1", "https") == "http"  # not in the list


def test_without_a_list_only_the_machine_itself_is_believed(settings):
    settings.NEWSROOM_TRUSTED_PROXIES = []
    assert scheme_seen("127.0.0.1", "https") == "https"
    assert scheme_seen("203.0.113.5", "https") == "http"


def test_only_the_two_schemes_are_taken(settings):
    settings.NEWSROOM_TRUSTED_PROXIES = []
    assert scheme_seen("127.0.0.1", "javascript") == "http"
