"""Who is sending: a keyed, daily-rotating hash of the client address, never the
address itself."""

from django.conf import settings
from django.utils import timezone
from django.utils.crypto import salted_hmac


def client_ip(request) -> str:
    """Return the client address, trusting only our own reverse proxies' headers."""
    proxies = settings.NEWSROOM_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip()
            for part in request.headers.get("X-Forwarded-For", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def client_hash(request) -> str:
    """Return a hash that links one client's requests within one day only.

    It is keyed with SECRET_KEY, so it cannot be reversed by trying every
    address; and the date in it means reports cannot be linked across days.
    """
    day = timezone.now().date().isoformat()
    return salted_hmac(
        "newsroom.corrections.client", f"{day}|{client_ip(request)}", algorithm="sha256"
    ).hexdigest()
