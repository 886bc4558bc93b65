"""The WSGI application, as the app server (newsroom/server.py) runs it."""

import os
from ipaddress import ip_address, ip_network

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

django_application = get_wsgi_application()

from django.conf import settings  # noqa: E402 (configured by the line above)

LOOPBACK = [ip_network("127.0.0.1/32"), ip_network("::1/128")]


def from_our_proxy(peer: str) -> bool:
    try:
        address = ip_address(peer)
    except ValueError:
        return False
    proxies = settings.NEWSROOM_TRUSTED_PROXIES or LOOPBACK
    return any(address in network for network in proxies)


def application(environ, start_response):
    """Django, told the scheme a request came over by our own proxies only.

    A reverse proxy of ours that terminates TLS says "https" in
    X-Forwarded-Proto; from any other peer that header is a client's claim and
    is ignored. Our proxies are NEWSROOM_TRUSTED_PROXIES, else the machine itself.
    """
    scheme = environ.get("HTTP_X_FORWARDED_PROTO", "")
    if scheme in ("http", "https") and from_our_proxy(environ.get("REMOTE_ADDR", "")):
        environ["wsgi.url_scheme"] = scheme
    return django_application(environ, start_response)
