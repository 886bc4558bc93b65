"""Purges reach the HTTP caches in front after commit, and a cache that is down
costs an editor nothing: the purge is tried again later."""

import http.server
import logging
import threading
from contextlib import contextmanager

import pytest
from django.db import transaction

from articles.services import article_save
from pagecache import http_caches

pytestmark = pytest.mark.django_db(transaction=True)


@contextmanager
def fake_varnish(status=200):
    """An HTTP server that records the PURGE requests it is sent."""
    received = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802 (http.server's naming)
            received.append((self.path, self.headers["xkey-purge"]))
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", received
    finally:
        server.shutdown()
        server.server_close()


def closed_port_url() -> str:
    with http.server.HTTPServer(("127.0.0.1", 0), None) as server:
        return f"http://127.0.0.1:{server.server_port}"


def test_saving_an_article_purges_its_keys_at_the_cache_after_commit(settings, article):
    with fake_varnish() as (url, received):
        settings.NEWSROOM_VARNISH_URLS = [url]
        with transaction.atomic():
            article.title = "Neu betitelt"
            article_save(article)
            assert received == []  # not before the new title is stored
        assert len(received) == 1
        path, keys = received[0]
        assert path == "/"
        assert f"article-{article.pk}" in keys.split()
        assert "front" in keys.split()


def test_nothing_is_purged_for_a_change_that_was_rolled_back(settings, article):
    with fake_varnish() as (url, received):
        settings.NEWSROOM_VARNISH_URLS = [url]
        with pytest.raises(RuntimeError), transaction.atomic():
            article.title = "Nie gespeichert"
            article_save(article)
            raise RuntimeError
        assert received == []


def test_every_cache_is_purged(settings, article):
    with fake_varnish() as (first, one), fake_varnish() as (second, other):
        settings.NEWSROOM_VARNISH_URLS = [first, second]
        article_save(article)
        assert len(one) == len(other) == 1


def test_a_cache_that_is_down_costs_the_editor_nothing(settings, article, caplog):
    settings.NEWSROOM_VARNISH_URLS = [closed_port_url()]
    article.title = "Gespeichert, obwohl der Cache fehlt"
    with caplog.at_level(logging.ERROR, logger="pagecache.http_caches"):
        article_save(article)
    article.refresh_from_db()
    assert article.title == "Gespeichert, obwohl der Cache fehlt"
    assert "giving up" in caplog.text  # the immediate queue cannot wait


def test_a_refused_purge_is_an_error_too(settings, article, caplog):
    with fake_varnish(status=403) as (url, received):
        settings.NEWSROOM_VARNISH_URLS = [url]
        with caplog.at_level(logging.ERROR, logger="pagecache.http_caches"):
            article_save(article)
    assert received and "403" in caplog.text


def test_a_failed_purge_is_tried_again_later_with_growing_pauses(
    waiting_queue, settings
):
    url = closed_port_url()
    settings.NEWSROOM_VARNISH_URLS = [url]
    http_caches.purge_http_cache.call(url, ["article-1"])
    (retry,) = waiting_queue.waiting(http_caches.purge_http_cache)
    assert retry.args[:2] == [url, ["article-1"]]
    assert retry.args[3] == 2  # the second attempt
    first_pause = retry.task.run_after - retry.enqueued_at
    waiting_queue.clear()
    http_caches.purge_http_cache.call(*retry.args)
    (later,) = waiting_queue.waiting(http_caches.purge_http_cache)
    assert later.args[3] == 3
    assert later.task.run_after - later.enqueued_at > first_pause


def test_purges_stop_once_every_page_from_before_has_expired(waiting_queue, settings):
    url = closed_port_url()
    settings.NEWSROOM_VARNISH_URLS = [url]
    long_ago = 1.0  # the epoch: far longer ago than any page lives
    with pytest.raises(OSError):
        http_caches.purge_http_cache.call(url, ["article-1"], long_ago, 9)
    assert waiting_queue.waiting(http_caches.purge_http_cache) == []


def test_a_sent_purge_is_sent_once_more_for_pages_rendered_meanwhile(
    waiting_queue, settings
):
    with fake_varnish() as (url, received):
        settings.NEWSROOM_VARNISH_URLS = [url]
        assert http_caches.purge_http_cache.call(url, ["article-1"]) == "purged"
        (echo,) = waiting_queue.waiting(http_caches.purge_http_cache)
        assert echo.args[4] is True
        waiting_queue.clear()
        http_caches.purge_http_cache.call(*echo.args)
    assert (
        waiting_queue.waiting(http_caches.purge_http_cache) == []
    )  # the echo has no echo
    assert len(received) == 2


def test_the_site_warns_when_failed_purges_could_not_be_tried_again(settings):
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    settings.NEWSROOM_VARNISH_URLS = ["http://127.0.0.1:6081"]
    with pytest.raises(SystemCheckError, match="NEWSROOM_TASKS=database"):
        call_command("check", "--fail-level", "WARNING")
    # Django makes new task backends when TASKS changes (setting_changed).
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    call_command("check", "--fail-level", "WARNING")
