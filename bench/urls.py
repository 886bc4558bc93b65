"""Baselines measured beside the real pages, in the same server and run."""

import os
from pathlib import Path

from django.http import HttpResponse
from django.urls import path

from articles.views import ArticleDetailView
from newsroom.urls import urlpatterns as site_urlpatterns

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
