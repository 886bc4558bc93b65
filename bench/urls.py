"""Baselines measured beside the real pages, in the same server and run."""

import os
from pathlib import Path

from django.http import HttpResponse
from django.urls import path

from articles.views import ArticleDetailView
from newsroom.urls import urlpatterns as site_urlpatterns
from pagecache import pages as caching

BYTES_FILE = Path(os.environ.get("BENCH_BYTES_FILE", "/dev/null"))
PAGE_BYTES = BYTES_FILE.read_bytes() if BYTES_FILE.is_file() else b""


def same_bytes(request):
    """The least Django can do: return the article page's bytes, already made."""
    return HttpResponse(PAGE_BYTES, content_type="text/html; charset=utf-8")


urlpatterns = [
    path("bench/bytes/", same_bytes),
    # The article page without the page cache: every request renders it.
    path("bench/uncached/<slug:slug>/", ArticleDetailView.as_view()),
    *site_urlpatterns,
]


# Which answers the page cache had to render (bench/churn.lua counts them). The
# page cache of every checkout since issue 9 renders through this function.
_render_for_cache = caching.render_for_cache


def _counted_render(view, request, *args, **kwargs):
    request.bench_rendered = True
    return _render_for_cache(view, request, *args, **kwargs)


caching.render_for_cache = _counted_render


class MarkRenderedMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response["X-Bench-Rendered"] = (
            "1" if hasattr(request, "bench_rendered") else "0"
        )
        return response


# Layers switched off for their A/B (bench/run.py, `layers`):
# BENCH_BLANK_FORM=0, the report section rendered on every request.
if os.environ.get("BENCH_BLANK_FORM") == "0":
    from correction_desk.intake import blank_form

    blank_form._render = blank_form._render.__wrapped__

# BENCH_PREPARED=0, the SQL of the article page's queries built by the ORM on
# every request (correction_desk/support/prepared.py).
if os.environ.get("BENCH_PREPARED") == "0":
    from correction_desk.support.prepared import Prepared

    Prepared.__call__ = lambda self, *values: list(self.build(*values))

# BENCH_KEPT_URLS=0, the addresses a render asks for (the templates' `url()` and
# `static()`, the models' links, the Memento links) worked out on every call,
# and made absolute by Django's `build_absolute_uri()`
# (correction_desk/support/kept_urls.py).
if os.environ.get("BENCH_KEPT_URLS") == "0":
    import re

    from correction_desk.support import kept_urls

    kept_urls._reversed = kept_urls._reversed.__wrapped__
    kept_urls._static = kept_urls._static.__wrapped__
    kept_urls._PLAIN_PATH = re.compile("(?!)")  # matches nothing

# BENCH_KEPT_PARTS=0, the head's links, the header's name, search and menu, the
# footer and the corrected-since box rendered on every page
# (newsroom/kept_parts.py).
if os.environ.get("BENCH_KEPT_PARTS") == "0":
    from newsroom import kept_parts

    kept_parts._rendered = kept_parts._rendered.__wrapped__
