from django.conf import settings
from django.urls import translate_url
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language, get_language_info

from newsroom.kept_urls import reverse
from newsroom.prepared import Prepared

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
        return reverse("articles:front", language=code)
    return translated


def edition_links(article, translated, path: str) -> list[tuple]:
    """The language switch on an article's pages: this page in its own
    language, the translation in the other, else that edition's front page."""
    links = []
    for code, _name in settings.LANGUAGES:
        if code == article.language:
            url = path
        elif translated is not None and translated.language == code:
            url = translated.canonical_path()
        else:
            url = reverse("articles:front", language=code)
        links.append((code, get_language_info(code)["name_local"], url))
    return links


def navigation(request):
    """Offer sections and language links to every page, computed only when used
    (lazy values, which both template engines read the same way)."""

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
        "site_name": settings.SITE_NAME,
        "nav_sections": SimpleLazyObject(menu_sections),
        "language_links": SimpleLazyObject(language_links),
    }


# What the menu shows of each section, read on every render (a section renamed
# behind Django's back shows at once), and the key of the menu's kept render
# (newsroom/kept_parts.py): rows, not model instances, which took more
# instructions than the query (bench/RESULTS.md, "The menu's rows").
menu_sections = Prepared(lambda: Section.objects.values_list("pk", "slug", "name"))


def menu_rows(sections) -> list[tuple]:
    """The menu's rows of sections a page has read anyway."""
    return [(section.pk, section.slug, section.name) for section in sections]
