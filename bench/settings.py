"""The production settings plus the benchmark's baseline endpoints (bench/urls.py).

For an A/B of the storage, the benchmark can swap in Django's database cache
(BENCH_CACHE=database) or its file cache (BENCH_CACHE=file).
"""

import os

from newsroom.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"

if os.environ.get("BENCH_CACHE") == "database":
    CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": f"newsroom_cache_{alias}",
            "OPTIONS": {"MAX_ENTRIES": options["OPTIONS"]["MAX_ENTRIES"]},
        }
        for alias, options in CACHES.items()  # noqa: F405
    }
elif os.environ.get("BENCH_CACHE") == "file":
    CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": f"{options['LOCATION']}/django-files",
            "OPTIONS": {"MAX_ENTRIES": options["OPTIONS"]["MAX_ENTRIES"]},
        }
        if "LOCATION" in options
        else options
        for alias, options in CACHES.items()  # noqa: F405
    }

# BENCH_SQLITE=django: Django's SQLite backend, which converts each statement's
# placeholders every time it runs it (newsroom/sqlite_backend/base.py).
if os.environ.get("BENCH_SQLITE") == "django":
    DATABASES["default"]["ENGINE"] = "django.db.backends.sqlite3"  # noqa: F405

# BENCH_COUNT_RENDERS=1 (section 4 only): mark the answers the page cache rendered.
if os.environ.get("BENCH_COUNT_RENDERS") == "1":
    MIDDLEWARE = ["bench.urls.MarkRenderedMiddleware", *MIDDLEWARE]  # noqa: F405

# BENCH_EARLY_ANSWER=0: without the per-process copy answered before the
# middleware (pagecache/pages.py), every hit reads the shared page cache.
if os.environ.get("BENCH_EARLY_ANSWER") == "0":
    MIDDLEWARE.remove("pagecache.pages.CachedPageMiddleware")
