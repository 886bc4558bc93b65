"""A new checkpoint goes where others keep copies of it: the feeds and the JSON
record carry the latest one, and the WebSub hub hears of it with them. A site
that showed two readers two different logs would have to sign two checkpoints
of the same size, and the copies kept elsewhere would show it."""

from django.urls import reverse

from correction_desk import pages
from correction_desk.conf import setting
from correction_desk.support import websub


def checkpoint_url() -> str:
    return setting("BASE_URL").rstrip("/") + reverse("correction_desk_log:checkpoint")


def new_checkpoint(checkpoint) -> None:
    from correction_desk.transparency.pages import log_key

    pages.purge([pages.log_key(), log_key()])
    names = [("correction_desk:feed", []), ("correction_desk:feed-atom", [])]
    topics = [checkpoint_url()]
    for language, _ in _languages():
        topics += websub.topics(language, *names)
    websub.ping_later(topics)


def _languages():
    from django.conf import settings

    return settings.LANGUAGES
