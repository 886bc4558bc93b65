"""Who is asking: the client's address, as far as we can trust what we are told.

`X-Forwarded-For` is a header anyone can send. It says who the client was only
when our own reverse proxy (or cache) sent the request, so it is read only when
the peer is one of CORRECTION_DESK_TRUSTED_PROXIES, and then from the right: each of
our proxies appends the address it saw, and the first address from the right
that is not one of ours is the client's. A client that reaches an app server
directly gets its own address, whatever headers it sends.
"""

import ipaddress

from correction_desk.conf import setting


def _address(text: str):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def is_trusted_proxy(text: str) -> bool:
    address = _address(text)
    return address is not None and any(
        address in network for network in setting("TRUSTED_PROXIES")
    )


def client_ip(request) -> str:
    """Return the client's address, trusting forwarded headers from our proxies only."""
    peer = request.META.get("REMOTE_ADDR", "")
    if not is_trusted_proxy(peer):
        return peer
    hops = request.headers.get("X-Forwarded-For", "").split(",")
    for hop in reversed(hops):
        if not is_trusted_proxy(hop):
            # A proxy of ours wrote it, so it is an address; anything else means
            # the chain started with the client's own header: use our last hop.
            return hop.strip() if _address(hop) else peer
    return peer


def client_network(request) -> str:
    """The client as a rate limit sees it: an IPv4 address, or an IPv6 /64.

    One IPv6 host is given a whole /64 and can change its address within it at
    will; counting addresses would count one reader as millions.
    """
    text = client_ip(request)
    address = _address(text)
    if address is not None and address.version == 6 and not address.ipv4_mapped:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    if address is not None and address.version == 6:
        return str(address.ipv4_mapped)
    return text
