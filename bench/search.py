"""Search over 100,000 articles: server time per result page on SQLite.

The articles are made from the demo's own words, drawn with Zipf's law as
words in real text are, so that common words match tens of thousands of
articles and rare ones a handful. Each query is timed through Django's test
client with the page caches emptied first: the whole view, rendering
included, as a reader's first request for it costs. The baseline, in the
same run: Django's `icontains` over the same rows, what a search without an
index does, and the same search over 1,000 articles.
"""

import itertools
import random
import re
import statistics
import time
from pathlib import Path

from django.core.cache import caches
from django.db.models import Q
from django.test import Client
from django.utils import timezone

ROOT = Path(__file__).resolve().parent.parent
RARE = "Soldatenangst"  # one of the compounds (vocabulary()), found in few
QUERIES = {
    "a common word": "Stadt",
    "a rare word": RARE,
    "two words": "Soldaten Kursk",
    "a common word, one section": "Stadt",
    "a common word, ten days": "Stadt",
    "page 5 of a common word": "Stadt",
    "no hits": "Quantenchromodynamik",
}


def vocabulary(seed: int = 7) -> list[str]:
    """The demo's words by frequency, then 30,000 compounds of its nouns: real
    news has a long tail of rare words (names, places, compounds)."""
    words = []
    for path in sorted((ROOT / "articles" / "demo").glob("0[1-8]-*.md")):
        words += re.findall(r"[^\W\d_]{3,}", path.read_text())
    counted: dict[str, int] = {}
    for word in words:
        counted[word] = counted.get(word, 0) + 1
    ranked = sorted(counted, key=lambda w: -counted[w])
    nouns = [w for w in ranked if w[0].isupper() and len(w) > 4]
    chance = random.Random(seed)
    compounds = {
        chance.choice(nouns) + chance.choice(nouns).lower() for _ in range(30_000)
    }
    return ranked + sorted(compounds - set(ranked))


def fill(total: int, seed: int = 7) -> None:
    """As many published German articles as `total`, with their entries."""
    from articles.models import Article, Section
    from search.index import rebuild

    have = Article.objects.count()
    if have >= total:
        return
    words = vocabulary()
    weights = list(itertools.accumulate(1 / rank for rank in range(1, len(words) + 1)))
    chance = random.Random(seed)
    sections = list(Section.objects.all())
    now = timezone.now()

    def text(n):
        return " ".join(chance.choices(words, cum_weights=weights, k=n))

    batch = []
    for n in range(have, total):
        body = ". ".join(text(12) for _ in range(15)) + "."
        batch.append(
            Article(
                title=text(6).capitalize(),
                slug=f"massentest-{n}",
                lead=text(25),
                body=body,
                body_html=f"<p>{body}</p>",
                section=sections[n % len(sections)],
                status=Article.Status.PUBLISHED,
                published_at=now - timezone.timedelta(minutes=n),
                language="de",
            )
        )
        if len(batch) == 2000:
            Article.objects.bulk_create(batch)
            batch = []
    Article.objects.bulk_create(batch)
    rebuild(batch_size=2000)


def timed(client, parameters, rounds=7) -> float:
    """Median milliseconds for the result page, rendered afresh each time."""
    from pagecache import pages as caching

    times = []
    for _ in range(rounds):
        for cache in caches.all():
            cache.clear()
        caching._recent_pages.clear()
        started = time.perf_counter()
        response = client.get("/suche/", parameters)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    return statistics.median(times)


def parameters_for(name, query):
    from articles.models import Section

    parameters = {"q": query}
    if "section" in name:
        parameters["section"] = Section.objects.order_by("pk").first().slug
    if "ten days" in name:  # the articles span the last 70 days (fill())
        today = timezone.localdate()
        parameters["from"] = (today - timezone.timedelta(days=30)).isoformat()
        parameters["to"] = (today - timezone.timedelta(days=21)).isoformat()
    if "page 5" in name:
        parameters["page"] = 5
    return parameters


def without_index_ms(query, rounds=1) -> float:
    """The same words looked up with icontains, first page, no ranking."""
    from articles.models import Article

    condition = Q()
    for word in query.split():
        condition &= Q(title__icontains=word) | Q(body__icontains=word)
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        list(Article.objects.published().filter(condition)[:10])
        Article.objects.published().filter(condition).count()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def search_figures() -> dict:
    from search.models import SearchDocument

    client = Client()
    fill(1_000)
    small = {
        name: timed(client, parameters_for(name, q)) for name, q in QUERIES.items()
    }
    fill(100_000)
    large, hits, plain = {}, {}, {}
    for name, query in QUERIES.items():
        parameters = parameters_for(name, query)
        large[name] = timed(client, parameters)
        html = client.get("/suche/", parameters).content.decode()
        found = re.search(r"((?:Mehr als )?[\d.]+) Treffer", html)
        hits[name] = found.group(1).replace("Mehr als ", "> ") if found else "0"
        plain[name] = without_index_ms(query)
    return {
        "entries": SearchDocument.objects.count(),
        "small": small,
        "large": large,
        "hits": hits,
        "plain": plain,
    }


def rows(figures: dict) -> str:
    lines = [
        "| query | hits | 1,000 articles | 100,000 articles | icontains, 100,000 "
        "| index ÷ icontains |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name in QUERIES:
        large, plain = figures["large"][name], figures["plain"][name]
        lines.append(
            f"| {name} | {figures['hits'][name]} | {figures['small'][name]:.1f} ms "
            f"| **{large:.1f} ms** | {plain:.0f} ms | {large / plain:.3f} |"
        )
    return "\n".join(lines)
