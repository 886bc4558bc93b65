"""The corrections record for machines: every published note as JSON.

The shape is documented in the README and fixed by a JSON Schema shipped with the
site (static/schema/corrections-record.schema.json). Ids are tag URIs, as in the
feeds: they survive a new headline, slug or host. Dates are ISO 8601 with offset.
"""

from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation

from articles.feeds import SITE_NAME, tag_uri

SCHEMA_PATH = "schema/corrections-record.schema.json"


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None


def article_record(article, absolute) -> dict:
    with translation.override(article.language):
        url = absolute(article.get_absolute_url())
    return {
        "id": tag_uri("article", article.pk),
        "url": url,
        "title": article.title,
        "language": article.language,
        "section": article.section.name,
        "revision": article.revision,
    }


def versions_url(note, absolute) -> str | None:
    """The public comparison of the text before and after the note's change."""
    if not note.revision or note.revision < 2:
        return None
    with translation.override(note.article.language):
        path = reverse("articles:versions", args=[note.article.slug])
    return absolute(f"{path}?from={note.revision - 1}&to={note.revision}")


def note_record(note, absolute, with_article=True) -> dict:
    with translation.override(note.article.language):
        url = absolute(note.get_absolute_url())
        passage_url = absolute(note.get_passage_url()) if note.passage else None
    record = {
        "id": tag_uri("correction", note.pk),
        "url": url,
        "passage_url": passage_url,
        "type": note.kind,
        "type_label": note.get_kind_display(),
        "text": note.text,
        "published_at": _iso(note.published_at),
        "amended_at": _iso(note.amended_at),
        "withdrawn_at": _iso(note.withdrawn_at),
        "withdrawal_reason": note.withdrawal_reason if note.withdrawn_at else None,
        "versions_url": versions_url(note, absolute),
    }
    if with_article:
        record["article"] = article_record(note.article, absolute)
    return record


def document(request, notes, **extra) -> dict:
    """The whole answer: what it is, in which language, and the notes."""
    absolute = request.build_absolute_uri
    return {
        "schema": absolute(static(SCHEMA_PATH)),
        "publisher": SITE_NAME,
        "language": translation.get_language(),
        **extra,
        "corrections": [
            note_record(note, absolute, with_article="article" not in extra)
            for note in notes
        ],
    }


def item_list(notes, absolute) -> dict:
    """schema.org ItemList of the notes on a page of the log (JSON-LD).

    A withdrawn note no longer says an article was corrected, as on the article.
    """
    standing = [note for note in notes if not note.withdrawn_at]
    return {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "numberOfItems": len(standing),
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "item": {
                    "@type": "CorrectionComment",
                    "url": absolute(note.get_absolute_url()),
                    "text": note.text,
                    "datePublished": note.published_at.isoformat(),
                    "dateModified": (note.amended_at or note.published_at).isoformat(),
                    "about": {
                        "@type": "NewsArticle",
                        "url": article_record(note.article, absolute)["url"],
                        "headline": note.article.title,
                    },
                },
            }
            for position, note in enumerate(standing, start=1)
        ],
    }
