"""Where an uncached article render spends its time, in one process and thread.

Each part is timed on its own, as the view runs it, after a warm-up; the
median of five rounds. What the parts leave of the whole request is Django's
handler, the middleware and the view's own steps.
"""

import statistics
import time
from io import BytesIO

ROUNDS = 5
CALLS = 200


def milliseconds(work) -> float:
    for _ in range(20):
        work()
    rounds = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        for _ in range(CALLS):
            work()
        rounds.append((time.perf_counter() - started) / CALLS * 1000)
    return statistics.median(rounds)


def render_split(slug: str) -> dict:
    from django.core.handlers.wsgi import WSGIHandler
    from django.template.loader import get_template
    from django.test import RequestFactory
    from django.utils import translation

    from articles.models import Article
    from articles.views import article_page_context
    from correction_desk.public import public_notes

    handler = WSGIHandler()

    def request(path):
        def call():
            environ = {
                "REQUEST_METHOD": "GET", "PATH_INFO": path, "SERVER_NAME": "127.0.0.1",
                "SERVER_PORT": "80", "HTTP_HOST": "127.0.0.1", "wsgi.input": BytesIO(),
                "wsgi.url_scheme": "http", "REMOTE_ADDR": "127.0.0.1",
            }  # fmt: skip
            b"".join(handler(environ, lambda status, headers, info=None: None))

        return call

    page = request(f"/bench/uncached/{slug}/")
    factory = RequestFactory().get(f"/artikel/{slug}/", HTTP_HOST="127.0.0.1")
    template = get_template("articles/article_detail.html")
    with translation.override("de"):

        def article():
            return Article.objects.for_page().get(slug=slug)

        def notes():
            public_notes(article())

        def context():
            return article_page_context(article(), factory)

        warm = context()
        figures = {
            "request": milliseconds(page),
            "minimal": milliseconds(request("/bench/bytes/")),
            "article": milliseconds(article),
            "notes": milliseconds(notes),
            "context": milliseconds(context),
            "templates": milliseconds(lambda: template.render(warm, factory)),
        }
    # Each part above includes the one before it.
    figures["notes"] -= figures["article"]
    figures["context"] -= figures["article"] + figures["notes"]
    return figures


LABELS = {
    "article": "the article, its section, picture, translation, authors (2 queries)",
    "notes": "the notes of the article and of its translation (1 query)",
    "context": "the rest of the page's data (structured data, links)",
    "templates": "the templates (Django's; menu, head, footer, form kept)",
}


def rows(figures: dict) -> str:
    whole = figures["request"]
    lines = ["| part | ms | share |", "| --- | --- | --- |"]
    for key, label in LABELS.items():
        lines.append(f"| {label} | {figures[key]:.2f} | {figures[key] / whole:.0%} |")
    rest = whole - sum(figures[key] for key in LABELS)
    lines += [
        f"| handler, middleware, the view's steps | {rest:.2f} | {rest / whole:.0%} |",
        f"| **the whole request** | **{whole:.2f}** | 100% |",
        f"| a minimal view, same bytes, for scale | {figures['minimal']:.2f} | |",
    ]
    return "\n".join(lines)
