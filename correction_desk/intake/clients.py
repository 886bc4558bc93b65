"""Who is sending: a keyed, daily-rotating hash of the client address, never the
address itself."""

from django.utils import timezone
from django.utils.crypto import salted_hmac

from correction_desk.support.clients import client_network


def client_hash(request) -> str:
    """Return a hash that links one client's requests within one day only.

    It is keyed with SECRET_KEY, so it cannot be reversed by trying every
    address; and the date in it means reports cannot be linked across days.
    """
    day = timezone.now().date().isoformat()
    return salted_hmac(
        "newsroom.corrections.client",
        f"{day}|{client_network(request)}",
        algorithm="sha256",
    ).hexdigest()
