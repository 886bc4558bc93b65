"""The versions page for two versions of a 10,000-word article.

The article is made of the demo's own paragraphs, repeated with numbers until
it has 10,000 words, with subheadings and lists between them. Each case edits
it as editors do, saves it (a new version) and times the versions page through
Django's test client, page caches emptied first: the whole view, rendering
included. The comparison alone is timed too. The baseline, in the same run:
the flat word diff the page showed before (one <del>/<ins> run over the whole
text), on the same two versions.
"""

import re
import statistics
import time
from pathlib import Path

from django.core.cache import caches
from django.test import Client

from articles.services import article_save

ROOT = Path(__file__).resolve().parent.parent
WORDS = 10_000


def long_body() -> str:
    """About 10,000 words: the demo's paragraphs, a subheading every eight
    paragraphs and a list every twenty."""
    paragraphs = []
    for path in sorted((ROOT / "articles" / "demo").glob("0[1-8]-*.md")):
        paragraphs += [
            p.strip()
            for p in path.read_text().split("\n\n")
            if len(p.split()) > 20 and not p.lstrip().startswith(("#", "-", ">", "!"))
        ]
    blocks, words, n = [], 0, 0
    while words < WORDS:
        text = f"{paragraphs[n % len(paragraphs)]} ({n + 1})"
        blocks.append(text)
        words += len(text.split())
        n += 1
        if n % 8 == 0:
            blocks.append(f"## Abschnitt {n // 8}")
        if n % 20 == 0:
            blocks.append(f"- Punkt {n} eins\n- Punkt {n} zwei\n- Punkt {n} drei")
    return "\n\n".join(blocks)


def edit_one_word(body):
    return body.replace("(100)", "(hundert)", 1)


def edit_every_tenth_paragraph(body):
    blocks = body.split("\n\n")
    for i in range(0, len(blocks), 10):
        blocks[i] = re.sub(r"\b(\w{6,})\b", r"\1n", blocks[i], count=2)
    return "\n\n".join(blocks)


def move_and_add(body):
    blocks = body.split("\n\n")
    moved = blocks.pop(30)
    blocks.insert(150, moved)
    blocks.insert(60, "Ein ganz neuer Absatz mit einer Ergänzung der Redaktion.")
    del blocks[100]
    return "\n\n".join(blocks)


def edit_every_fifth_word(body):
    """The most a diff can have to mark word by word: in every paragraph, every
    fifth word changed (more, and a block is shown rewritten, old and new whole).
    Line by line, so that lists stay lists and headings headings."""

    def edited(line):
        if line.startswith(("#", "-", ">", *"0123456789")):
            return line
        words = line.split(" ")
        return " ".join(w + "x" if n % 5 == 4 else w for n, w in enumerate(words))

    return "\n".join(edited(line) for line in body.split("\n"))


CASES = {
    "one word": edit_one_word,
    "every tenth paragraph edited": edit_every_tenth_paragraph,
    "a paragraph moved, one added, one removed": move_and_add,
    "every fifth word of every paragraph": edit_every_fifth_word,
}


def median_ms(action, rounds=7) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def page_ms(client, path, rounds=7) -> float:
    from pagecache import pages as caching

    def get():
        for cache in caches.all():
            cache.clear()
        caching._recent_pages.clear()
        response = client.get(path)
        assert response.status_code == 200, response.status_code

    return median_ms(get, rounds)


def matching_ab(old_html: str, new_html: str) -> dict:
    """The A/B behind articles/version_diff.py's use of RapidFuzz: finding the
    shared words of every pair of blocks, with difflib and with RapidFuzz."""
    import difflib

    from rapidfuzz.distance import Indel

    from articles.version_diff import body_blocks

    pairs = [
        (o.text.split(), n.text.split())
        for o, n in zip(body_blocks(old_html), body_blocks(new_html), strict=False)
    ]

    def with_difflib():
        for a, b in pairs:
            matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
            matcher.ratio(), matcher.get_opcodes()

    def with_rapidfuzz():
        for a, b in pairs:
            Indel.normalized_similarity(a, b), Indel.opcodes(a, b)

    return {
        "blocks": len(pairs),
        "difflib": median_ms(with_difflib),
        "rapidfuzz": median_ms(with_rapidfuzz),
    }


def diff_figures() -> dict:
    from articles.models import Article, Author, Section
    from articles.text import reader_text
    from articles.version_diff import compare_versions
    from newsroom.diff import word_diff

    section = Section.objects.order_by("pk").first()
    author = Author.objects.order_by("pk").first()
    client = Client()
    before = long_body()
    figures = {"words": len(before.split()), "cases": {}}
    for number, (name, edit) in enumerate(CASES.items()):
        article = article_save(
            Article(
                title=f"Langer Artikel {number}",
                lead="Ein langer Artikel für den Vergleich.",
                body=before,
                section=section,
                status=Article.Status.PUBLISHED,
                language="de",
            )
        )
        article.authors.add(author)
        article.body = edit(before)
        article_save(article)
        old = ("", article.lead, article.versions.get().body_html, "")
        new = ("", article.lead, article.body_html, "")
        comparison = compare_versions(old, new)
        flat_old = ("", article.lead, before, "")
        flat_new = ("", article.lead, article.body, "")
        figures["matching"] = matching_ab(old[2], new[2])  # the last case's
        figures["cases"][name] = {
            "summary": comparison.summary(),
            "page": page_ms(client, f"/artikel/{article.slug}/versionen/"),
            "compare": median_ms(
                lambda old=old, new=new: compare_versions(old, new).as_html("1", "2")
            ),
            "flat": median_ms(
                lambda old=flat_old, new=flat_new: word_diff(
                    reader_text(*old), reader_text(*new)
                )
            ),
        }
    return figures


def matching_row(figures: dict) -> str:
    m = figures["matching"]
    return (
        f"Finding the shared words of the last case's {m['blocks']} pairs of "
        f"blocks: difflib {m['difflib']:.1f} ms, RapidFuzz {m['rapidfuzz']:.1f} ms "
        f"({m['rapidfuzz'] / m['difflib']:.3f})."
    )


def rows(figures: dict) -> str:
    lines = [
        "| edit | summary line | page | comparison alone | flat word diff (before) "
        "| comparison ÷ flat |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for name, case in figures["cases"].items():
        summary = case["summary"]
        if len(summary) > 70:
            summary = summary[:67] + "…"
        lines.append(
            f"| {name} | {summary} | **{case['page']:.1f} ms** "
            f"| {case['compare']:.1f} ms | {case['flat']:.1f} ms "
            f"| {case['compare'] / case['flat']:.2f} |"
        )
    return "\n".join(lines)
