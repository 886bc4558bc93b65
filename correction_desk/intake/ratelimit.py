"""A small fixed-window rate limiter on Django's cache.

The counters live in the default cache, so they are per process with the
local-memory cache and shared by every app server once the cache is Redis.
"""

import math
import time
from dataclasses import dataclass

from django.core.cache import cache


@dataclass(frozen=True)
class Limit:
    name: str
    count: int
    seconds: int


def hit(key: str, limits: list[Limit]) -> int:
    """Count one request for `key` against every limit.

    Return 0 if it is allowed, otherwise the seconds until the tightest
    exceeded window ends (for Retry-After).
    """
    now = time.time()
    wait = 0
    for limit in limits:
        window_start = math.floor(now / limit.seconds) * limit.seconds
        cache_key = f"ratelimit:{limit.name}:{key}:{window_start}"
        try:
            count = cache.incr(cache_key)
        except ValueError:  # the first request of this window
            if cache.add(cache_key, 1, timeout=limit.seconds + 1):
                count = 1
            else:  # another request started the window just now
                count = cache.incr(cache_key)
        if count > limit.count:
            wait = max(wait, math.ceil(window_start + limit.seconds - now))
    return wait
