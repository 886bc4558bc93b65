"""Public pages that shared caches may keep, and a server-side copy of each.

A page carries the surrogate keys of what it shows (pagecache/purging.py), in
its headers for an HTTP cache in front and with its server-side copy. The
service that changes an article, a section, an author, a correction note or the
policy purges exactly its keys, so only the pages that show it are rendered
again; every copy also expires on its own.

A cached answer must be the one Django would give: the key holds scheme, host and
language (the page links to itself), and the page's query parameters as its view
parses them. Each public view declares those parameters as a form; a value the
form refuses is answered 404 and never cached, and parameters no view knows are
ignored, so made-up values cannot fill the cache. Pages live in a cache of their
own ("pages"), apart from the rate limits, which page traffic must not push out.
"""

import gzip
import hashlib
import math
import time
from functools import cache, wraps
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import Http404, HttpResponse
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.csp import CSP, build_policy
from django.utils.http import http_date, quote_etag
from django.utils.regex_helper import _lazy_re_compile
from django.utils.translation import get_language, get_language_from_path

from newsroom.parsing import WholeNumberField

from . import purging

ACCEPTS_GZIP = _lazy_re_compile(r"\bgzip\b")


class NoParameters(forms.Form):
    """A page that no query parameter changes."""


class ListParameters(forms.Form):
    page = WholeNumberField(required=False)


def page_cache():
    return caches[purging.PAGES]


def is_anonymous_reader(request) -> bool:
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def page_key(request, parameters: dict) -> str:
    """The cache key of what the view shows for these parsed parameters."""
    query = urlencode(
        sorted(
            (name, str(value))
            for name, value in parameters.items()
            if value not in (None, "")
        )
    )
    identity = "\n".join(
        [request.scheme, request.get_host(), get_language(), request.path, query]
    )
    digest = hashlib.sha256(identity.encode()).hexdigest()
    return f"page:{digest}"


def request_address(request) -> str:
    """The request as sent: how a process recognises a page it served before.

    get_host() refuses hosts that ALLOWED_HOSTS does not list, as Django would.
    """
    return "\n".join(
        [
            request.scheme,
            request.get_host(),
            request.path,
            request.META.get("QUERY_STRING", ""),
        ]
    )


def render_for_cache(view, request, *args, **kwargs):
    # Taken before the view reads anything: a purge from here on makes it stale.
    started = purging.render_started()
    response = view(request, *args, **kwargs)
    if hasattr(response, "render"):
        response.render()
    if response.status_code != 200:
        return response, None
    if not purging.declared(request):
        raise ImproperlyConfigured(
            f"{request.path}: a public page must say what it shows "
            "(pagecache.tag), or no purge can reach it."
        )
    # Compressed once here rather than on every request. Public pages hold no
    # secrets (no CSRF token), so compression cannot leak one (BREACH).
    now = time.time()
    changes_at = purging.changes_at(request)
    return response, {
        "content": response.content,
        "gzip": gzip.compress(response.content, compresslevel=6, mtime=0),
        "content_type": response["Content-Type"],
        # What a page says about itself in headers (Memento's Link) is kept too.
        "link": response.get("Link"),
        "etag": quote_etag(hashlib.md5(response.content).hexdigest()),
        "last_modified": now,
        "expires": min(
            now + settings.NEWSROOM_PAGE_CACHE_SECONDS,
            math.inf if changes_at is None else changes_at,
        ),
        "changes_at": changes_at,
        "keys": purging.keys_of(request),
        "started": started,
    }


def is_current(page: dict) -> bool:
    return page["expires"] > time.time() and purging.is_current(
        page["keys"], page["started"]
    )


def shared_seconds(page: dict) -> int:
    """How long a shared cache may keep the page: until it changes by itself."""
    if page.get("changes_at") is None:
        return settings.NEWSROOM_PAGE_S_MAXAGE
    left = int(page["changes_at"] - time.time())
    return max(0, min(settings.NEWSROOM_PAGE_S_MAXAGE, left))


def serve(request, page: dict) -> HttpResponse:
    """The cached page as a response, compressed if the browser accepts it."""
    if ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")):
        response = HttpResponse(page["gzip"], content_type=page["content_type"])
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(page["content"], content_type=page["content_type"])
    patch_vary_headers(response, ("Accept-Encoding",))
    if page.get("link"):
        response["Link"] = page["link"]
    # Other bytes, same content: a weak ETag, as Django's GZipMiddleware does.
    compressed = response.has_header("Content-Encoding")
    response["ETag"] = f"W/{page['etag']}" if compressed else page["etag"]
    response["Last-Modified"] = http_date(page["last_modified"])
    patch_cache_control(
        response,
        public=True,
        max_age=settings.NEWSROOM_PAGE_MAX_AGE,
        s_maxage=shared_seconds(page),
        stale_if_error=settings.NEWSROOM_PAGE_STALE_IF_ERROR,
    )
    keys = purging.header_value(page["keys"])
    response["xkey"] = keys
    response["Surrogate-Key"] = keys
    return get_conditional_response(
        request,
        etag=page["etag"],
        last_modified=int(page["last_modified"]),
        response=response,
    )


# Each process keeps the pages it served recently, by the request as it was sent,
# so that a hit costs one small read of the purge times of the page's keys
# rather than a page from the shared cache (bench/RESULTS.md, section 13).
# Entries carry their keys and expiry.
_recent_pages: dict[str, dict] = {}
RECENT_PAGES_MAX = 256


def remember(request, page: dict) -> None:
    if len(_recent_pages) >= RECENT_PAGES_MAX:
        _recent_pages.clear()  # crude, but bounded; busy pages return at once
    _recent_pages[request_address(request)] = page


def recent_page(request) -> dict | None:
    address = request_address(request)
    page = _recent_pages.get(address)
    if page is None:
        return None
    if page["expires"] <= time.time():
        _recent_pages.pop(address, None)
        return None
    if not purging.is_current(page["keys"], page["started"]):
        _recent_pages.pop(address, None)
        return None
    return page


@cache
def security_policies() -> dict[str, str]:
    """The policy headers Django's CSP middleware gives a page that uses no nonce
    (ours use none), built once: building them for every early answer cost a
    tenth of its time. The middleware leaves headers that are already set."""
    configs = {
        CSP.HEADER_ENFORCE: settings.SECURE_CSP,
        CSP.HEADER_REPORT_ONLY: settings.SECURE_CSP_REPORT_ONLY,
    }
    return {str(header): build_policy(c) for header, c in configs.items() if c}


@receiver(setting_changed)
def _policies_changed(*, setting, **kwargs):
    if setting.startswith("SECURE_CSP"):
        security_policies.cache_clear()


class CachedPageMiddleware:
    """Answer with a page this process already holds, before the rest of Django.

    As whitenoise does for static files: sessions, locale, CSRF, URL resolving and
    the view are skipped for a page that is cached and current. What those would
    have checked or added is done here: the host check, the language (German
    pages are unprefixed and English ones under /en/, so the path says which) and
    the headers. Anything else goes on to `public_page`.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and is_anonymous_reader(request):
            page = recent_page(request)
            if page is not None:
                return self.answer(request, page)
        return self.get_response(request)

    @staticmethod
    def answer(request, page: dict) -> HttpResponse:
        response = serve(request, page)
        language = get_language_from_path(request.path_info)
        response["Content-Language"] = language or settings.LANGUAGE_CODE
        if not language:  # as LocaleMiddleware says of unprefixed pages
            patch_vary_headers(response, ("Accept-Language",))
        response["X-Frame-Options"] = settings.X_FRAME_OPTIONS
        for header, policy in security_policies().items():
            response[header] = policy
        response["Content-Length"] = str(len(response.content))  # as CommonMiddleware
        return response


def public_page(view, parameters: type[forms.Form] = ListParameters):
    """Serve anonymous readers a cached, shared-cacheable page; others a fresh one.

    The view finds the parsed query parameters in `request.page_parameters`.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        form = parameters(request.GET)
        if not form.is_valid():
            raise Http404
        request.page_parameters = form.cleaned_data
        if request.method not in ("GET", "HEAD") or not is_anonymous_reader(request):
            response = view(request, *args, **kwargs)
            patch_cache_control(response, private=True, no_cache=True, max_age=0)
            return response
        key = page_key(request, form.cleaned_data)
        page = page_cache().get(key)
        # (The backend's own expiry may run on another clock: checked here too.)
        if page is None or not is_current(page):
            response, page = render_for_cache(view, request, *args, **kwargs)
            if page is None:
                return response
            page_cache().set(
                key, page, timeout=max(1, math.ceil(page["expires"] - time.time()))
            )
        remember(request, page)
        return serve(request, page)

    return wrapper
