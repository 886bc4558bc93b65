"""The corrections record for machines: every published note as JSON.

The shape is documented in the README and fixed by a JSON Schema the app ships
(correction_desk/static/schema/corrections-record.schema.json). Ids are tag
URIs, as in the feeds: they survive a new headline, slug or host. Dates are
ISO 8601 with offset.
"""

from django.templatetags.static import static
from django.utils import translation

from correction_desk import conf
from correction_desk.conf import tag_uri
from correction_desk.registry import adapter_for

SCHEMA_PATH = "schema/corrections-record.schema.json"


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None


def article_record(content, absolute) -> dict:
    """The content a note is on: its id (a tag URI, as in the feeds), where
    it is, and what its adapter adds (section, revision)."""
    adapter = adapter_for(content)
    language = adapter.language(content)
    with translation.override(language):
        url = absolute(adapter.url(content))
    return {
        "id": tag_uri(adapter.tag_name(), content.pk),
        "url": url,
        "title": adapter.title(content),
        "language": language,
        **adapter.record(content),
    }


def versions_url(note, absolute) -> str | None:
    """The public comparison of the text before and after the note's change."""
    with translation.override(note.language):
        url = note.versions_url
    return absolute(url) if url else None


def note_record(note, absolute, with_article=True) -> dict:
    with translation.override(note.language):
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
        record["article"] = article_record(note.content, absolute)
    return record


def document(request, notes, **extra) -> dict:
    """The whole answer: what it is, in which language, and the notes."""
    absolute = request.build_absolute_uri
    return {
        "schema": absolute(static(SCHEMA_PATH)),
        "publisher": conf.site_name(),
        "language": conf.language(),
        **extra,
        "corrections": [
            note_record(note, absolute, with_article="article" not in extra)
            for note in notes
        ],
    }


PRESS_COUNCIL = {"@type": "Organization", "name": "Deutscher Presserat"}


def schema_note(note, absolute) -> dict:
    """A note in schema.org terms: the newsroom's own corrections are
    `CorrectionComment`s; what press law made it publish (a counter-statement,
    a reply to one, a Press Council reprimand) is a `Comment` named by its
    type, for it corrects nothing by the newsroom's word."""
    data = {
        "@type": "CorrectionComment" if note.is_editorial else "Comment",
        "url": absolute(note.get_absolute_url()),
        "text": note.text,
        "datePublished": note.published_at.isoformat(),
        "dateModified": (note.amended_at or note.published_at).isoformat(),
    }
    if not note.is_editorial:
        data["name"] = str(note.get_kind_display())
    if note.kind == note.Kind.REPRIMAND:
        data["author"] = PRESS_COUNCIL
    return data


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
                    **schema_note(note, absolute),
                    "about": {
                        "@type": "NewsArticle",
                        "url": article_record(note.content, absolute)["url"],
                        "headline": note.content_title,
                    },
                },
            }
            for position, note in enumerate(standing, start=1)
        ],
    }
