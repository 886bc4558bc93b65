"""The one search the site has: words in, a page of ranked, marked results out."""

import math
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Min, Q
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from articles.models import Article

from . import text
from .backends import RANKED_MATCHES, Query, search_backend
from .models import SearchDocument

PER_PAGE = 10
# Past this, a reader refines the words; it also bounds the OFFSET a URL can ask.
MAX_PAGES = 50


@dataclass
class Result:
    entry: SearchDocument
    url: str
    title: SafeString
    snippet: SafeString


@dataclass
class Results:
    words: list[str]
    page: int
    total: int
    items: list[Result] = field(default_factory=list)

    @property
    def first_number(self) -> int:
        return (self.page - 1) * PER_PAGE + 1

    @property
    def pages(self) -> int:
        return min(MAX_PAGES, math.ceil(self.total / PER_PAGE))

    @property
    def more_than(self) -> int | None:
        """The count shown as "more than …" when there are too many to count."""
        return RANKED_MATCHES if self.total > RANKED_MATCHES else None

    @property
    def beyond_pages(self) -> bool:
        return self.total > MAX_PAGES * PER_PAGE


def search(
    query: str,
    language: str,
    *,
    section_id: int | None = None,
    since: date | None = None,
    until: date | None = None,
    page: int = 1,
) -> Results:
    """Published articles and notes in `language` that hold every word of `query`.

    `since` and `until` are days, both included, in the site's time zone.
    """
    words = text.query_words(query, language)
    results = Results(words=words, page=page, total=0)
    if not words or page > MAX_PAGES:
        return results
    stems = text.query_stems(words, language)
    hits = search_backend().search(
        Query(
            language=language,
            words=words,
            stems=stems,
            section_id=section_id,
            since=since,
            until=until,
            offset=(page - 1) * PER_PAGE,
            limit=PER_PAGE,
        )
    )
    results.total = hits.total
    entries = (
        visible_now()
        .select_related("article", "section")
        .defer("title_terms", "body_terms", "tags", "vector")
        .in_bulk(hits.ids)
    )
    wanted = set(stems)
    for pk in hits.ids:
        if pk not in entries:
            continue  # the index was behind a change: the public may not see it
        entry = entries[pk]
        url = entry.article.get_absolute_url()
        if entry.note_id:
            url += f"#korrektur-{entry.note_id}"
        results.items.append(
            Result(
                entry=entry,
                url=url,
                title=mark_safe(text.highlight(entry.title, wanted, language)),
                snippet=mark_safe(text.snippet(entry.text, wanted, language)),
            )
        )
    return results


def visible_now():
    """Entries the public may see at this moment, checked against the articles
    and notes themselves, not only the index: whatever wrote to the database
    without the index hearing of it, no draft or withdrawn note is answered.
    (Joined on the page's few rows, not a subquery over every article.)"""
    now = timezone.now()
    return SearchDocument.objects.filter(
        article__status=Article.Status.PUBLISHED, article__published_at__lte=now
    ).filter(
        Q(note__isnull=True) | Q(note__published_at__lte=now, note__withdrawn_at=None)
    )


def next_change():
    """When an entry not yet public becomes so: result pages change then."""
    upcoming = SearchDocument.objects.filter(visible_from__gt=timezone.now())
    return upcoming.aggregate(first=Min("visible_from"))["first"]
