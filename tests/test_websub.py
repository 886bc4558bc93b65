"""WebSub: the feeds name the hub, and a new article or correction pings it.

The hub is a real HTTP server on loopback, started by the test."""

import http.server
import logging
import threading
from contextlib import contextmanager
from urllib.parse import parse_qs

import feedparser
import pytest

from articles import websub
from articles.models import Article
from correction_desk import services

pytestmark = pytest.mark.django_db(transaction=True)

SITE = "https://news.example.org"


@contextmanager
def loopback_hub(status=204):
    """An HTTP server that records the pings it is sent."""
    pings = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (http.server's naming)
            body = self.rfile.read(int(self.headers["Content-Length"])).decode()
            pings.append((self.headers["Content-Type"], parse_qs(body)))
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/", pings
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def hub(settings):
    settings.CORRECTION_DESK_BASE_URL = SITE
    with loopback_hub() as (url, pings):
        settings.CORRECTION_DESK_WEBSUB_HUB = url
        yield url, pings


def links(client, path) -> dict:
    feed = feedparser.parse(client.get(path).content).feed
    return {
        link["rel"]: link["href"] for link in feed.links if link["rel"] != "alternate"
    }


FEEDS = ["/feed/", "/feed/atom/", "/korrekturen/feed/", "/korrekturen/feed/atom/"]


def test_every_feed_names_the_hub_and_itself(client, hub, article):
    url, _ = hub
    section = article.section.get_absolute_url()
    for path in [*FEEDS, f"{section}feed/", f"{section}feed/atom/", "/en/feed/"]:
        assert links(client, path) == {"hub": url, "self": f"http://testserver{path}"}


def test_without_a_hub_the_feeds_name_none(client, settings, article):
    settings.CORRECTION_DESK_WEBSUB_HUB = ""
    for path in FEEDS:
        assert "hub" not in links(client, path)


def test_a_published_correction_pings_the_hub_with_its_feeds(hub, article, editor):
    _, pings = hub
    pings.clear()  # the article's own ping, from its fixture
    services.correction_publish(
        content=article, editor=editor, kind="correction", text="Neu.", reports=[]
    )
    assert pings == [
        (
            "application/x-www-form-urlencoded",
            {
                "hub.mode": ["publish"],
                "hub.url": [
                    f"{SITE}/korrekturen/feed/",
                    f"{SITE}/korrekturen/feed/atom/",
                ],
            },
        )
    ]


def test_a_published_article_pings_its_editions_and_sections_feeds(
    hub, make_article, make_section
):
    _, pings = hub
    make_article(language="en", section=make_section(slug="welt"))
    ((_, ping),) = pings
    assert ping["hub.url"] == [
        f"{SITE}/en/feed/",
        f"{SITE}/en/feed/atom/",
        f"{SITE}/en/section/welt/feed/",
        f"{SITE}/en/section/welt/feed/atom/",
    ]


def test_a_draft_pings_nothing(hub, make_article):
    _, pings = hub
    make_article(status=Article.Status.DRAFT)
    assert pings == []


def test_a_hub_that_is_down_costs_the_editor_nothing(settings, article, editor, caplog):
    with loopback_hub() as (url, _):
        pass  # closed again: nothing listens there now
    settings.CORRECTION_DESK_WEBSUB_HUB = url
    with caplog.at_level(logging.ERROR):
        note = services.correction_publish(
            content=article, editor=editor, kind="correction", text="Da.", reports=[]
        )
    assert type(note).objects.filter(pk=note.pk, text="Da.").exists()
    assert "WebSub ping" in caplog.text


def test_a_failed_ping_is_sent_again_with_growing_pauses(waiting_queue, settings):
    with loopback_hub() as (url, _):
        pass
    settings.CORRECTION_DESK_WEBSUB_HUB = url
    websub.ping_hub.call(url, [f"{SITE}/feed/"])
    (retry,) = waiting_queue.waiting(websub.ping_hub)
    assert retry.args == [url, [f"{SITE}/feed/"], 2]
    assert 1 < (retry.task.run_after - retry.enqueued_at).total_seconds() <= 2
    with pytest.raises(OSError):
        websub.ping_hub.call(url, [f"{SITE}/feed/"], websub.ATTEMPTS)  # the last
