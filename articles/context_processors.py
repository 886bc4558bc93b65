from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.translation import get_language, get_language_info

from . import surrogate
from .models import Section


def language_url(path: str, code: str) -> str:
    """This page in another language, or that edition's front page.

    `translate_url` gives back the same address when it cannot resolve it (a
    missing page), which would keep the reader in the language they leave.
    In the language of the page, it is the page itself.
    """
    if code == get_language():
        return path
    translated = translate_url(path, code)
    if translated == path:
        with translation.override(code):
            return reverse("articles:front")
    return translated


def navigation(request):
    """Offer sections and language links to every page, computed only when used."""

    def language_links():
        return [
            (
                code,
                get_language_info(code)["name_local"],
                language_url(request.path, code),
            )
            for code, _name in settings.LANGUAGES
        ]

    return {
        "nav_sections": Section.objects.all,
        "language_links": language_links,
        # For {% cache %}: a piece showing rows is current under this version,
        # and lives no longer than a purge is remembered (articles/surrogate.py).
        "fragments_version": surrogate.version,
        "fragment_seconds": settings.NEWSROOM_PAGE_CACHE_SECONDS,
    }
