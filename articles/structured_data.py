"""schema.org NewsArticle data for an article page (JSON-LD)."""

from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from newsroom import json_text

from . import pictures
from .feeds import SITE_NAME

# What may not appear raw inside <script>: "</script>" or "<!--" in an article's
# text would end the element early. JSON's \\u escapes keep the data identical.
OPEN_GRAPH_LOCALES = {"de": "de_DE", "en": "en_GB"}


def modified_at(article):
    notes = getattr(article, "public_notes", [])
    dates = [article.revised_at or article.published_at]
    for note in notes:
        dates += [note.published_at, note.amended_at, note.withdrawn_at]
    return max(date for date in dates if date)


def news_article(article, request) -> dict:
    absolute = request.build_absolute_uri
    url = absolute(article.canonical_path())
    with translation.override(article.language):
        policy = absolute(reverse("corrections:policy"))
        home = absolute(reverse("articles:front"))
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": url,
        "url": url,
        "mainEntityOfPage": url,
        "headline": article.title,
        "description": article.lead,
        "datePublished": article.published_at.isoformat(),
        "dateModified": modified_at(article).isoformat(),
        "author": [
            {
                "@type": "Person",
                "name": author.name,
                "description": author.bio,
                "url": absolute(author.get_absolute_url()),
            }
            for author in article.authors.all()
        ],
        "articleSection": article.section.name,
        "inLanguage": article.language,
        "publisher": {
            "@type": "NewsMediaOrganization",
            "name": SITE_NAME,
            "url": home,
            "correctionsPolicy": policy,
        },
        # A withdrawn note no longer says the article was corrected.
        "correction": [
            {
                "@type": "CorrectionComment",
                "text": note.text,
                "datePublished": note.published_at.isoformat(),
                "dateModified": (note.amended_at or note.published_at).isoformat(),
                "url": absolute(note.get_absolute_url()),
            }
            for note in getattr(article, "public_notes", [])
            if not note.withdrawn_at
        ],
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
    return data


def image_object(picture, request) -> dict:
    url, width, height = pictures.largest(picture)
    return {
        "@type": "ImageObject",
        "url": request.build_absolute_uri(url),
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
        "worksFor": {"@type": "NewsMediaOrganization", "name": SITE_NAME},
    }


def json_ld_script(data: dict) -> SafeString:
    # Without the spaces after "," and ":": bytes every article page sends.
    payload = json_text.dumps(data, separators=(",", ":"))
    # The payload contains no "<" any more, so it cannot leave the element.
    return format_html(
        '<script type="application/ld+json">{}</script>', mark_safe(payload)
    )
