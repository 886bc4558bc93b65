"""Purging the HTTP caches in front (Varnish with xkey) by surrogate key.

Each purge is a task: with the database queue of production it is stored in the
same transaction as the change that made it, so neither a process that dies
after the commit nor a cache that is down loses it. The worker sends it, and
when a cache does not answer, sends it again later, with growing pauses, until
every page the cache could still hold from before has expired by itself.

A page whose render read the old rows just before the commit may reach the cache
just after the purge; a second purge a moment later ("echo") drops that copy too.
Queues that cannot wait (the immediate backend of `make run`) send once.
"""

import logging
import time
from datetime import timedelta

from django.conf import settings
from django.core.checks import Warning
from django.tasks import task
from django.utils import timezone
from django.utils.translation import gettext as _

from newsroom import outbound
from newsroom.tasks import enqueue_on_commit

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 2
ECHO_SECONDS = 2
LONGEST_PAUSE_SECONDS = 300
# Purges go before e-mails in the queue: a reader waits for a corrected page.
PRIORITY = 50


class PurgeRefused(Exception):
    pass


def send_purge(url: str, keys: list[str]) -> int:
    """Ask the cache at `url` to drop every page with one of `keys`."""
    answer = outbound.send(
        "PURGE",
        url.rstrip("/") + "/",
        headers={"xkey-purge": " ".join(keys)},
        timeout=TIMEOUT_SECONDS,
        configured=True,  # from NEWSROOM_VARNISH_URLS
    )
    if not 200 <= answer.status < 300:  # e.g. 403: not in its purgers list
        raise PurgeRefused(f"{url} answered {answer.status}")
    return answer.status


def purge_later(keys: list[str]) -> None:
    """Queue a purge of `keys` at every configured HTTP cache, after commit."""
    for url in settings.NEWSROOM_VARNISH_URLS:
        enqueue_on_commit(purge_http_cache, url, keys)


def can_wait() -> bool:
    return purge_http_cache.get_backend().supports_defer


def _again(url, keys, first_tried, attempt, pause, echo=False) -> None:
    purge_http_cache.using(run_after=timezone.now() + timedelta(seconds=pause)).enqueue(
        url, keys, first_tried, attempt, echo
    )


@task(priority=PRIORITY)
def purge_http_cache(
    url: str,
    keys: list[str],
    first_tried: float | None = None,
    attempt: int = 1,
    echo: bool = False,
) -> str:
    first_tried = first_tried or time.time()
    try:
        send_purge(url, keys)
    except (OSError, PurgeRefused) as error:
        # A page cached before the change lives at most s-maxage; after that
        # nothing is left to purge.
        pause = min(2**attempt, LONGEST_PAUSE_SECONDS)
        if can_wait() and time.time() + pause - first_tried < (
            settings.NEWSROOM_PAGE_S_MAXAGE
        ):
            logger.warning(
                "Purge of %s at %s failed (%s); trying again in %s s",
                keys, url, error, pause,
            )  # fmt: skip
            _again(url, keys, first_tried, attempt + 1, pause, echo)
            return "retrying"
        logger.error("Purge of %s at %s failed (%s); giving up", keys, url, error)
        raise
    if not echo and can_wait():
        _again(url, keys, time.time(), 1, ECHO_SECONDS, echo=True)
    return "purged"


def check_purges_can_wait(app_configs=None, **kwargs):
    """A system check: purges that fail are tried again only by a waiting queue."""
    if settings.NEWSROOM_VARNISH_URLS and not can_wait():
        return [
            Warning(
                _(
                    "NEWSROOM_VARNISH_URLS is set, but the task queue runs tasks "
                    "at once: a purge that fails is not tried again, and the "
                    "HTTP cache may serve an outdated page until it expires."
                ),
                hint=_("Set NEWSROOM_TASKS=database and run manage.py db_worker."),
                id="newsroom.W001",
            )
        ]
    return []
