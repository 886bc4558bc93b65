"""The one HTTP client for everything the site sends: webhooks, purges, pings.

An address that editors entered (a partner's endpoint) is resolved once, every
address it resolves to is checked, and the connection goes to the checked
address itself, with the name kept for the Host header and TLS (SNI and the
certificate), so that a second lookup cannot point it elsewhere (DNS
rebinding). Addresses the operator configured in settings (the HTTP caches to
purge, the WebSub hub, NEWSROOM_TRUSTED_DESTINATIONS) are used as configured.

No redirect is followed: an answer of 3xx is returned as it is, and the caller
counts it as a failure. A redirect could point anywhere, and urllib's habit of
turning a POST into a GET on the way sends the body where nobody checked.
Every request has a connect and a read timeout.

urllib3 does the HTTP (connection to a given address with a server name of
our choosing); the address rules are the standard library's `ipaddress`.
"""

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

import urllib3
from django.utils.translation import gettext as _

from correction_desk.conf import require_https, setting

# RFC 6052's well-known NAT64 prefix and the deprecated IPv4-compatible range:
# both carry an IPv4 address in their last 32 bits.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")


class Refused(Exception):
    """The site will not send to this address; the message says why (German)."""


class Unreachable(OSError):
    """No answer: the connection failed or timed out (an OSError, as urllib's)."""


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if address.ipv4_mapped:
        return address.ipv4_mapped
    if address.sixtofour:
        return address.sixtofour
    if address.teredo:
        return address.teredo[1]
    if address in _NAT64 or address in _IPV4_COMPATIBLE:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Whether `address` is on the public internet, also in its IPv6 disguises.

    Loopback, private, link-local, multicast, reserved and unspecified
    addresses are not, nor IPv6 forms that carry such an IPv4 address
    (`::ffff:127.0.0.1`, `::127.0.0.1`, `64:ff9b::7f00:1`, 6to4, Teredo).
    """
    if address.version == 6 and (inner := _embedded_ipv4(address)) is not None:
        return is_public(inner)
    return address.is_global and not (
        address.is_multicast or address.is_reserved or address.is_unspecified
    )


def _parts(url: str):
    """Scheme, host and port of `url`, or Refused with a German message."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise Refused(_("This address has no valid port.")) from error
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise Refused(_("The address must begin with https:// and name a host."))
    default = 443 if parts.scheme == "https" else 80
    return parts.scheme, parts.hostname, port or default


def _origin(url: str) -> tuple[str, str, int] | None:
    try:
        return _parts(url)
    except Refused:
        return None


def configured_destinations() -> list[str]:
    """What the operator's settings name: caches, the hub, and any others."""
    return [
        *setting("TRUSTED_DESTINATIONS"),
        *([setting("WEBSUB_HUB")] if setting("WEBSUB_HUB") else []),
    ]


def is_trusted(url: str) -> bool:
    """Whether the operator configured this destination (scheme, host, port)."""
    origin = _origin(url)
    return origin is not None and origin in {
        _origin(configured) for configured in configured_destinations()
    }


def resolve_checked(url: str) -> str:
    """The one public address to connect to for `url`, or Refused.

    Every address the name resolves to must be public: a name that also points
    into our network is refused, whichever address a connection would take.
    """
    _scheme, host, port = _parts(url)
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, ValueError) as error:
        raise Refused(_("This address does not resolve.")) from error
    addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in found]
    if not addresses or not all(is_public(address) for address in addresses):
        raise Refused(_("This address points into our own network."))
    return str(addresses[0])


def check_destination(url: str) -> str | None:
    """Refused unless the site may send to `url`; else the address to connect
    to (None for a destination the operator configured, reached as it is)."""
    scheme, _host, _port = _parts(url)
    if is_trusted(url):
        return None
    if scheme != "https" and require_https():
        raise Refused(_("In production, a partner's address must begin with https://."))
    return resolve_checked(url)


def send(
    method: str,
    url: str,
    *,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 5,
    configured: bool = False,
) -> Answer:
    """Send one request and return the answer, whatever its status.

    Raise Refused for a destination that may not be reached, Unreachable for
    one that does not answer in time. `configured`: the caller read `url`
    from the operator's settings (a cache to purge), reached as it is.
    """
    headers = dict(headers or {})
    scheme, host, port = _parts(url)
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    timeouts = urllib3.Timeout(connect=timeout, read=timeout)
    address = None if configured else check_destination(url)
    if address is None:
        pool = urllib3.connection_from_url(url, timeout=timeouts, retries=False)
    else:
        headers.setdefault("Host", parts.netloc.rsplit("@", 1)[-1])
        if scheme == "https":
            pool = urllib3.HTTPSConnectionPool(
                address,
                port,
                timeout=timeouts,
                retries=False,
                server_hostname=host,
                assert_hostname=host,
            )
        else:
            pool = urllib3.HTTPConnectionPool(
                address, port, timeout=timeouts, retries=False
            )
    try:
        with pool:
            response = pool.urlopen(
                method,
                target,
                body=body,
                headers=headers,
                redirect=False,
                retries=False,
                assert_same_host=False,
                preload_content=True,
            )
    except urllib3.exceptions.HTTPError as error:
        raise Unreachable(str(error)) from error
    return Answer(status=response.status, body=response.data)
