"""Surrogate keys: what a public page shows, and one place that invalidates it.

A view names the things its page shows (`tag(request, keys.article(12))`); the
page carries those keys in an `xkey` header (Varnish's xkey module) and, for CDNs
that use that name, `Surrogate-Key`. A service that changes something purges
exactly its keys. Every page also carries `keys.EVERY_PAGE`.

The same purge reaches the HTTP caches in front (pagecache/http_caches.py) and
the application's own page cache, which uses the same keys: a purge stores the time it
happened, per key; a cached page is current while none of its keys was purged
after it began to render. A purge is done at once and again after the
transaction commits, so a page rendered from the old rows in between is not kept.

Purge times live in a cache, which can be flushed or restarted; pages a process
still holds would then look current. So every page also records the cache's
epoch, a value set once when the cache is empty: a flushed cache gets a new one.
"""

import time

from django.conf import settings
from django.core.cache import caches
from django.db import transaction

from . import http_caches
from .keys import EVERY_PAGE, site

PAGES = "pages"
PURGED = "purged:"
EPOCH = "purge-epoch"
EPOCH_SECONDS = 24 * 60 * 60  # then every page renders once more


def tag(request, *keys: str) -> None:
    """Say that the page being rendered for `request` shows these things (none:
    nothing but what every page shows)."""
    if not hasattr(request, "surrogate_keys"):
        request.surrogate_keys = set(EVERY_PAGE)
    request.surrogate_keys.update(keys)


def until(request, moment) -> None:
    """Say that the page changes by itself at `moment` (a scheduled article goes
    live then, with no save to purge it): no cache may keep it past that."""
    if moment is None:
        return
    known = getattr(request, "changes_at", None)
    request.changes_at = (
        moment.timestamp() if known is None else min(known, moment.timestamp())
    )


def declared(request) -> bool:
    return hasattr(request, "surrogate_keys")


def changes_at(request) -> float | None:
    return getattr(request, "changes_at", None)


def keys_of(request) -> list[str]:
    return sorted(getattr(request, "surrogate_keys", EVERY_PAGE))


def header_value(keys) -> str:
    return " ".join(keys)


def _purge_seconds() -> int:
    # A purge must be remembered for as long as any page it made stale can live.
    return settings.NEWSROOM_PAGE_CACHE_SECONDS + 60


def _record(keys) -> None:
    now = time.time_ns()
    caches[PAGES].set_many(
        {PURGED + key: now for key in keys}, timeout=_purge_seconds()
    )


def purge(*keys: str) -> None:
    """Make every page that shows one of `keys` stale, here and after commit."""
    keys = sorted(set(keys))
    if not keys:
        return
    _record(keys)
    transaction.on_commit(lambda: _record(keys), robust=True)
    http_caches.purge_later(keys)


def purge_everything() -> None:
    purge(site())


def render_started() -> tuple[int, int]:
    """(epoch, time) for a page about to be rendered; keep both with the page."""
    cache = caches[PAGES]
    epoch = cache.get(EPOCH)
    if epoch is None:
        cache.add(EPOCH, time.time_ns(), timeout=EPOCH_SECONDS)
        epoch = cache.get(EPOCH)
    return epoch, time.time_ns()


def is_current(keys, started: tuple[int, int]) -> bool:
    """True if no key of a page whose render `started` was purged since."""
    epoch, rendered_at = started
    found = caches[PAGES].get_many([EPOCH, *(PURGED + key for key in keys)])
    if found.pop(EPOCH, None) != epoch:
        return False  # the cache was flushed: its purge times are gone
    return all(moment < rendered_at for moment in found.values())
