"""schema.org NewsArticle data for an article page (JSON-LD)."""

from functools import partial

from django.conf import settings

from newsroom.json_text import json_ld_script  # noqa: F401 (the pages use it)
from newsroom.kept_urls import absolute as absolute_url
from newsroom.kept_urls import reverse

from . import pictures

# What may not appear raw inside <script>: "</script>" or "<!--" in an article's
# text would end the element early. JSON's \\u escapes keep the data identical.
OPEN_GRAPH_LOCALES = {"de": "de_DE", "en": "en_GB"}


# Other apps add to an article's data, wired by the project (newsroom/desk.py
# adds the corrections): each is called with the article, the request and the
# data so far, adds what it has, and returns the moments it changed the
# article's page, which count as modifications.
ADDITIONS: list = []


def modified_at(article, also=()):
    dates = [article.revised_at or article.published_at, *also]
    return max(date for date in dates if date)


def news_article(article, request) -> dict:
    return article_data(article, request)[0]


def article_data(article, request, authors=None) -> tuple[dict, object]:
    """The article's NewsArticle data, and when its page last changed.
    `authors`: the article's authors, where the caller has read them."""
    absolute = partial(absolute_url, request)
    url = absolute(article.canonical_path())
    home = absolute(reverse("articles:front", language=article.language))
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": url,
        "url": url,
        "mainEntityOfPage": url,
        "headline": article.title,
        "description": article.lead,
        "datePublished": article.published_at.isoformat(),
        "dateModified": None,
        "author": [
            {
                "@type": "Person",
                "name": author.name,
                "description": author.bio,
                "url": absolute(author.get_absolute_url()),
            }
            for author in (article.authors.all() if authors is None else authors)
        ],
        "articleSection": article.section.name,
        "inLanguage": article.language,
        "publisher": {
            "@type": "NewsMediaOrganization",
            "name": settings.SITE_NAME,
            "url": home,
        },
    }
    if article.lead_picture_id and article.lead_picture.renditions:
        data["image"] = image_object(article.lead_picture, request)
    translated = article.translation if article.translation_id else None
    if translated is not None and translated.is_public:
        # The one published first is taken for the original.
        original = article.published_at <= translated.published_at
        data["workTranslation" if original else "translationOfWork"] = {
            "@type": "NewsArticle",
            "@id": absolute(translated.canonical_path()),
            "inLanguage": translated.language,
        }
    changes = [moment for add in ADDITIONS for moment in add(article, request, data)]
    modified = modified_at(article, changes)
    data["dateModified"] = modified.isoformat()
    return data, modified


def image_object(picture, request) -> dict:
    url, width, height = pictures.largest(picture)
    return {
        "@type": "ImageObject",
        "url": absolute_url(request, url),
        "width": width,
        "height": height,
        "caption": picture.caption,
        "creditText": picture.credit,
        "description": picture.alt_text,
    }


def person(author, request) -> dict:
    """schema.org Person for an author's page."""
    return {
        "@context": "https://schema.org",
        "@type": "Person",
        "@id": request.build_absolute_uri(author.get_absolute_url()),
        "url": request.build_absolute_uri(author.get_absolute_url()),
        "name": author.name,
        "description": author.bio,
        "worksFor": {"@type": "NewsMediaOrganization", "name": settings.SITE_NAME},
    }
