"""Two ways to search the same entries, chosen by the database in use.

SQLite: an FTS5 table over the entries' stems (search/text.py), kept current by
triggers (migration 0001), ranked with bm25. PostgreSQL: its own full-text
search with the article language's configuration ("german", "english"),
through `django.contrib.postgres.search`, ranked with ts_rank. Both take the
query as words only (search/text.py), so no FTS syntax reaches either.
"""

import operator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import reduce

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection, connections
from django.db.models import F
from django.utils import timezone

from . import tags, text
from .models import SearchDocument

# Headline matches count for more than matches in the text.
TITLE_WEIGHT = 4.0
POSTGRES_CONFIGS = {"de": "german", "en": "english"}


@dataclass
class Hits:
    ids: list[int]
    total: int  # at most RANKED_MATCHES + 1: more than that is "more than"


@dataclass
class Query:
    """What to look for: the words as typed and their stems, in one language,
    in one section or all, published within a period of days or at any time."""

    language: str
    words: list[str]
    stems: list[str]
    section_id: int | None
    since: date | None
    until: date | None
    offset: int
    limit: int


# Of more matches than this, the newest are ranked: news readers want the
# recent first, and ranking tens of thousands of matches of a common word
# cost SQLite 50-140 ms at 100,000 articles (bench/RESULTS.md, section 10).
RANKED_MATCHES = 2000


class SQLiteBackend:
    def store(self, entries, model=SearchDocument, using="default") -> None:
        for entry in entries:
            entry.title_terms = text.index_terms(entry.title, entry.language)
            entry.body_terms = text.index_terms(entry.text, entry.language)
            entry.tags = tags.entry_tags(
                entry.language, entry.section_id, entry.published_at
            )
        model.objects.using(using).bulk_create(entries)

    def search(self, query: Query) -> Hits:
        """All filters are words of the index's `tags` column (search/tags.py),
        so FTS5 alone finds, counts and ranks; entries not public yet are few
        and left out afterwards. Entries are numbered as they are written
        (`rebuild` writes the oldest first), so the newest have the highest
        rowids, which FTS5 walks downwards without sorting."""
        # Every stem quoted as a phrase of one word: a stem is letters and digits
        # only (text.WORD), so it can hold no quote, operator or column filter.
        words = " ".join(f'"{stem}"' for stem in query.stems)
        match = f"({words}) AND tags : lang{query.language}"
        if query.section_id is not None:
            match += f" AND tags : section{int(query.section_id)}"
        if query.since or query.until:
            period = tags.period_tags(query.since, query.until)
            if not period:
                return Hits([], 0)  # a period no entry can lie in
            match += f" AND tags : ({' OR '.join(period)})"
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        hidden = "SELECT id FROM search_searchdocument WHERE visible_from > %s"
        with connection.cursor() as cursor:
            cursor.execute(
                "WITH ranked AS ("
                f" SELECT rowid AS id, bm25(search_fts, {TITLE_WEIGHT}, 1.0, 0.0)"
                " AS score FROM search_fts WHERE search_fts MATCH %s"
                f" AND rowid NOT IN ({hidden}) ORDER BY rowid DESC LIMIT %s)"
                " SELECT id FROM ranked ORDER BY score, id DESC LIMIT %s OFFSET %s",
                [match, now, RANKED_MATCHES, query.limit, query.offset],
            )
            ids = [row[0] for row in cursor.fetchall()]
            if query.offset == 0 and len(ids) < query.limit:
                return Hits(ids, len(ids))
            # Counted up to one past what is ranked: "more than 2,000" says enough.
            cursor.execute(
                "SELECT count(*) FROM (SELECT rowid FROM search_fts"
                f" WHERE search_fts MATCH %s AND rowid NOT IN ({hidden}) LIMIT %s)",
                [match, now, RANKED_MATCHES + 1],
            )
            return Hits(ids, cursor.fetchone()[0])


class PostgresBackend:
    def store(self, entries, model=SearchDocument, using="default") -> None:
        created = model.objects.using(using).bulk_create(entries)
        by_language: dict[str, list[int]] = {}
        for entry in created:
            by_language.setdefault(entry.language, []).append(entry.pk)
        for language, pks in by_language.items():
            config = POSTGRES_CONFIGS.get(language, "german")
            model.objects.using(using).filter(pk__in=pks).update(
                vector=SearchVector("title", weight="A", config=config)
                + SearchVector("text", weight="B", config=config)
            )

    def search(self, query: Query) -> Hits:
        """Filters, ranking and count in SQL, with the GIN index on `vector`."""
        config = POSTGRES_CONFIGS.get(query.language, "german")
        # plainto_tsquery: the words are words to it, whatever they hold.
        wanted = SearchQuery(" ".join(query.words), config=config, search_type="plain")
        found = SearchDocument.objects.filter(
            vector=wanted, language=query.language, visible_from__lte=timezone.now()
        )
        if query.section_id is not None:
            found = found.filter(section_id=query.section_id)
        if query.since is not None:
            found = found.filter(published_at__gte=start_of(query.since))
        if query.until is not None:
            found = found.filter(
                published_at__lt=start_of(query.until + timedelta(days=1))
            )
        # Ranked by the words one by one: ts_rank of the whole query would weigh
        # how near they stand to each other above where they stand (headline).
        each = reduce(
            operator.or_,
            (SearchQuery(w, config=config, search_type="plain") for w in query.words),
        )
        offset, limit = query.offset, query.limit
        ids = list(
            found.annotate(rank=SearchRank(F("vector"), each, weights=WEIGHTS))
            .order_by("-rank", "-published_at")
            .values_list("pk", flat=True)[offset : offset + limit]
        )
        if offset == 0 and len(ids) < limit:
            return Hits(ids, len(ids))
        return Hits(ids, found[: RANKED_MATCHES + 1].count())


def start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


# ts_rank's weights for D, C, B, A: the headline (A) counts TITLE_WEIGHT times.
WEIGHTS = [0.0, 0.0, 0.25, 0.25 * TITLE_WEIGHT]


# By Django's name for the database in use; the backends hold no state.
BACKENDS = {"sqlite": SQLiteBackend(), "postgresql": PostgresBackend()}


def search_backend(using="default"):
    return BACKENDS[connections[using].vendor]
