"""WebSub (a W3C Recommendation): the feeds name a hub, and a change pings it.

Feed readers and aggregators subscribed at the hub then hear of a new article or
a correction within seconds instead of at their next poll. The hub is
NEWSROOM_WEBSUB_HUB (off when empty). A ping is a task queued with the change,
sent after the commit and sent again with growing pauses when the hub does not
answer; it never holds up or fails the editor's save.
"""

import logging
import urllib.parse
from datetime import timedelta

from django.tasks import task
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape, linebreaks

from correction_desk.conf import setting
from correction_desk.support import outbound
from correction_desk.support.queue import enqueue_on_commit

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 5
ATTEMPTS = 8  # pauses of 2, 4 … 128 s: about four minutes in all
PRIORITY = 40  # after purges (a reader is waiting), before e-mails


class PlainTextAsHtml:
    """Every feed's texts are plain text (titles, leads, notes, readers' words);
    where a feed format reads HTML, they are escaped once, here, for all feeds.

    RSS readers take an item's <description> and, in practice, its <title> as
    HTML; Atom's <summary type="html"> is HTML by definition, while its <title>
    is text. Without this, `<img onerror=…>` in a note reaches feed readers as
    markup. Paragraphs and line breaks become <p> and <br>.
    """

    html_title = True

    def __init__(self, title, link, description, *args, **kwargs):
        super().__init__(
            self._title(title), link, linebreaks(description, autoescape=True),
            *args, **kwargs,
        )  # fmt: skip

    def add_item(self, title, link, description, *args, **kwargs):
        super().add_item(
            self._title(title), link, linebreaks(description or "", autoescape=True),
            *args, **kwargs,
        )  # fmt: skip

    def _title(self, title):
        return escape(title) if self.html_title else title


# The log's latest signed checkpoint in the corrections feeds (an extension
# element, which feed readers skip and archives keep): transparency/announce.py.
CHECKPOINT_NAMESPACE = "https://c2sp.org/tlog-checkpoint"


class WithCheckpoint:
    def root_attributes(self):
        attributes = super().root_attributes()
        if self.feed.get("checkpoint"):
            attributes["xmlns:tlog"] = CHECKPOINT_NAMESPACE
        return attributes

    def add_checkpoint(self, handler):
        if self.feed.get("checkpoint"):
            handler.addQuickElement(
                "tlog:checkpoint", self.feed["checkpoint"],
                {"href": self.feed["checkpoint_url"]},
            )  # fmt: skip


class RssWithHub(WithCheckpoint, PlainTextAsHtml, Rss201rev2Feed):
    def add_root_elements(self, handler):
        super().add_root_elements(handler)  # with <atom:link rel="self">
        if setting("WEBSUB_HUB"):
            hub = {"rel": "hub", "href": setting("WEBSUB_HUB")}
            handler.addQuickElement("atom:link", None, hub)
        self.add_checkpoint(handler)


class AtomWithHub(WithCheckpoint, PlainTextAsHtml, Atom1Feed):
    html_title = False  # Atom's <title> is text: the XML escaping suffices

    def add_root_elements(self, handler):
        super().add_root_elements(handler)  # with <link rel="self">
        if setting("WEBSUB_HUB"):
            hub = {"rel": "hub", "href": setting("WEBSUB_HUB")}
            handler.addQuickElement("link", "", hub)
        self.add_checkpoint(handler)


def topics(language: str, *names: tuple[str, list]) -> list[str]:
    """The feeds' absolute addresses (what subscribers subscribed to)."""
    base = setting("BASE_URL").rstrip("/")
    with translation.override(language):
        return [base + reverse(name, args=args) for name, args in names]


def ping_later(urls: list[str]) -> None:
    """Tell the hub, after commit, that these feeds have changed."""
    if setting("WEBSUB_HUB") and urls:
        enqueue_on_commit(ping_hub, setting("WEBSUB_HUB"), sorted(set(urls)))


class HubRefused(Exception):
    pass


def send_ping(hub: str, urls: list[str]) -> int:
    body = urllib.parse.urlencode(
        [("hub.mode", "publish"), *(("hub.url", url) for url in urls)]
    ).encode()
    answer = outbound.send(
        "POST",
        hub,
        body=body,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        timeout=TIMEOUT_SECONDS,
    )
    if not 200 <= answer.status < 300:
        raise HubRefused(f"{hub} answered {answer.status}")
    return answer.status


@task(priority=PRIORITY)
def ping_hub(hub: str, urls: list[str], attempt: int = 1) -> str:
    try:
        send_ping(hub, urls)
    except (OSError, HubRefused) as error:
        if attempt < ATTEMPTS and ping_hub.get_backend().supports_defer:
            pause = 2**attempt
            logger.warning(
                "WebSub ping to %s failed (%s); again in %s s", hub, error, pause
            )
            ping_hub.using(run_after=timezone.now() + timedelta(seconds=pause)).enqueue(
                hub, urls, attempt + 1
            )
            return "retrying"
        logger.error("WebSub ping to %s failed (%s); giving up", hub, error)
        raise
    return "pinged"
