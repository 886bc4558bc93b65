"""`reverse()` and `static()`, kept for the process.

A page rendered on every request asks for the same dozen addresses each time
(its links, its own address, the Memento links), and `reverse()` works each
out anew. An address is the same for the same name, values, language, script
prefix and URLconf, and those are its key here, so a kept one is the one
`reverse()` would give (bench/RESULTS.md, section 13). A static file's address
is the same while the process runs, as the manifest it comes from (and
Django's STATIC_URL, which takes the script prefix once).
"""

import re
from functools import lru_cache

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags.static import static as django_static
from django.urls import get_script_prefix, get_urlconf
from django.urls import reverse as django_reverse
from django.utils import translation
from django.utils.translation import get_language


def reverse(viewname: str, args=None, kwargs=None, language=None) -> str:
    """`django.urls.reverse()` for a name and its values, kept; in `language`
    if given, as under `translation.override(language)` (which a kept address
    does not need)."""
    return _reversed(
        viewname, tuple(args or ()), tuple((kwargs or {}).items()),
        language or get_language(), get_script_prefix(), get_urlconf(),
    )  # fmt: skip


@lru_cache(maxsize=4096)
def _reversed(viewname, args, kwargs, language, prefix, urlconf) -> str:
    with translation.override(language):
        return django_reverse(viewname, args=args or None, kwargs=dict(kwargs) or None)


# A path that `request.build_absolute_uri()` only puts the origin in front of:
# from the root, not "//", no "." or ".." segment, and nothing that it would
# escape (a path `reverse()` made, which escapes what it must).
_PLAIN_PATH = re.compile(r"/(?!/)[A-Za-z0-9\-._~!$&'()*+,;=:@/%?#\[\]]*")


def absolute(request, location: str) -> str:
    """`request.build_absolute_uri(location)`. A page makes a dozen (its own
    address, the structured data's, the Memento links), and Django's parses and
    escapes the whole address each time; the origin is the request's own."""
    if (
        _PLAIN_PATH.fullmatch(location)
        and "/./" not in location
        and "/../" not in location
    ):
        origin = request.__dict__.get("_kept_origin")
        if origin is None:
            origin = request.__dict__["_kept_origin"] = request.build_absolute_uri(
                "/"
            ).removesuffix("/")
        return origin + location
    return request.build_absolute_uri(location)


def static(path: str) -> str:
    """`static()`, kept."""
    return _static(path)


_static = lru_cache(maxsize=256)(django_static)


@receiver(setting_changed)
def _forget(**kwargs):
    # Tests change the URLconf and the static files' settings, never a server.
    _reversed.cache_clear()
    _static.cache_clear()
