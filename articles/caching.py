"""Public pages that shared caches may keep, and a server-side copy of each.

A page is cached under a key that holds the site's content version. Saving an
article, a section, an author, a correction note or the policy moves the version
on, so the next reader gets a fresh page (and old copies expire on their own).
"""

import gzip
import hashlib
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.http import http_date, quote_etag
from django.utils.regex_helper import _lazy_re_compile
from django.utils.translation import get_language, get_language_from_path

VERSION_KEY = "content-version"
# Query parameters that change what a public page shows; others are ignored, so
# that made-up parameters cannot fill the cache.
PAGE_PARAMETERS = ("page", "section", "type", "from", "to")
# Parameters that make a page personal (a reader's own confirmation and link).
PRIVATE_PARAMETERS = ("report", "status")
ACCEPTS_GZIP = _lazy_re_compile(r"\bgzip\b")

# Each process keeps the pages it served recently, so that a hit costs one small
# read of the shared content version, not a page from the shared cache. The key
# holds the version: after a change, old entries can no longer match.
_recent_pages: dict[str, dict] = {}
RECENT_PAGES_MAX = 256


def cached_page(key: str) -> dict | None:
    page = _recent_pages.get(key)
    if page is None:
        page = cache.get(key)
        if page is not None:
            remember(key, page)
    return page


def remember(key: str, page: dict) -> None:
    if len(_recent_pages) >= RECENT_PAGES_MAX:
        _recent_pages.clear()  # crude, but bounded; busy pages return at once
    _recent_pages[key] = page


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        # Start from the clock, so that a lost cache never reuses old versions.
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def bump_content_version(**kwargs) -> None:
    """Make every cached public page stale (a signal receiver, too)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, time.time_ns(), timeout=None)


def is_anonymous_reader(request) -> bool:
    return settings.SESSION_COOKIE_NAME not in request.COOKIES and not any(
        name in request.GET for name in PRIVATE_PARAMETERS
    )


def page_address(request) -> str:
    parameters = "&".join(
        f"{name}={request.GET[name]}" for name in PAGE_PARAMETERS if name in request.GET
    )
    return hashlib.sha256(f"{request.path}?{parameters}".encode()).hexdigest()


def page_key(request, language=None, address=None) -> str:
    language = language or get_language()
    address = address or page_address(request)
    return f"page:{content_version()}:{language}:{address}"


def render_for_cache(view, request, *args, **kwargs):
    response = view(request, *args, **kwargs)
    if hasattr(response, "render"):
        response.render()
    if response.status_code != 200:
        return response, None
    # Compressed once here rather than on every request. Public pages hold no
    # secrets (no CSRF token), so compression cannot leak one (BREACH).
    return response, {
        "content": response.content,
        "gzip": gzip.compress(response.content, compresslevel=6, mtime=0),
        "content_type": response["Content-Type"],
        "etag": quote_etag(hashlib.md5(response.content).hexdigest()),
        "last_modified": time.time(),
    }


def serve(request, page: dict) -> HttpResponse:
    """The cached page as a response, compressed if the browser accepts it."""
    if ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")):
        response = HttpResponse(page["gzip"], content_type=page["content_type"])
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(page["content"], content_type=page["content_type"])
    patch_vary_headers(response, ("Accept-Encoding",))
    # Other bytes, same content: a weak ETag, as Django's GZipMiddleware does.
    compressed = response.has_header("Content-Encoding")
    response["ETag"] = f"W/{page['etag']}" if compressed else page["etag"]
    response["Last-Modified"] = http_date(page["last_modified"])
    patch_cache_control(
        response,
        public=True,
        max_age=settings.NEWSROOM_PAGE_MAX_AGE,
        s_maxage=settings.NEWSROOM_PAGE_S_MAXAGE,
    )
    return get_conditional_response(
        request,
        etag=page["etag"],
        last_modified=int(page["last_modified"]),
        response=response,
    )


class CachedPageMiddleware:
    """Answer with a page this process already holds, before the rest of Django.

    As whitenoise does for static files: sessions, locale, CSRF, URL resolving and
    the view are skipped for a page that is cached and current. Anything else goes
    on to `public_page`, which renders and stores pages. German pages are
    unprefixed and English ones under /en/, so the path says the language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method in ("GET", "HEAD")
            and page_address(request) in _public_addresses
            and is_anonymous_reader(request)
        ):
            language = (
                get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
            )
            page = _recent_pages.get(page_key(request, language))
            if page is not None:
                response = serve(request, page)
                response["Content-Language"] = language
                response["X-Frame-Options"] = settings.X_FRAME_OPTIONS
                return response
        return self.get_response(request)


# Addresses of public pages this process has served (bounded like the pages).
_public_addresses: set[str] = set()


def public_page(view):
    """Serve anonymous readers a cached, shared-cacheable page; others a fresh one."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD") or not is_anonymous_reader(request):
            response = view(request, *args, **kwargs)
            patch_cache_control(response, private=True, no_cache=True, max_age=0)
            return response
        key = page_key(request)
        page = cached_page(key)
        if page is None:
            response, page = render_for_cache(view, request, *args, **kwargs)
            if page is None:
                return response
            cache.set(key, page, timeout=settings.NEWSROOM_PAGE_CACHE_SECONDS)
            remember(key, page)
        if len(_public_addresses) >= RECENT_PAGES_MAX:
            _public_addresses.clear()
        _public_addresses.add(page_address(request))
        return serve(request, page)

    return wrapper
