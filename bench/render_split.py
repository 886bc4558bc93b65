"""Where an uncached article render spends its time, in one process and thread.

The article page is requested through Django's handler, as a server would ask
for it, with a stopwatch around each part of the view while it runs; what the
parts leave of the whole request is Django's handler, the middleware and the
view's own steps. Median of five rounds, after a warm-up.
"""

import statistics
import time
from contextlib import ExitStack
from io import BytesIO
from unittest import mock

ROUNDS = 5
CALLS = 200

LABELS = {
    "article": "the article, its section, picture, translation, authors (2 queries)",
    "notes": "the notes of the article and of its translation (1 query)",
    "context": "the rest of the page's data (structured data, links)",
    "templates": "the templates (Jinja2's; the desk's in Django's; blank form kept)",
}


def request(handler, path):
    environ = {
        "REQUEST_METHOD": "GET", "PATH_INFO": path, "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80", "HTTP_HOST": "127.0.0.1", "wsgi.input": BytesIO(),
        "wsgi.url_scheme": "http", "REMOTE_ADDR": "127.0.0.1",
    }  # fmt: skip
    b"".join(handler(environ, lambda status, headers, info=None: None))


def render_split(slug: str) -> dict:
    from django.core.handlers.wsgi import WSGIHandler
    from django.template.response import SimpleTemplateResponse

    from articles import views
    from correction_desk import public

    spent = dict.fromkeys(LABELS, 0.0)

    def timed(part, function):
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[part] += time.perf_counter() - started

        return wrapper

    handler = WSGIHandler()
    page = f"/bench/uncached/{slug}/"
    figures = {key: [] for key in (*LABELS, "request", "minimal")}
    with ExitStack() as stack:
        for target, part, label in [
            (views.ArticleDetailView, "get_object", "article"),
            (views, "article_page_context", "context"),
            (public, "read_notes", "notes"),
            (SimpleTemplateResponse, "rendered_content", "templates"),
        ]:
            original = (
                vars(target)[part]
                if isinstance(target, type)
                else getattr(target, part)
            )
            if isinstance(original, property):
                replacement = property(timed(label, original.fget))
            else:
                replacement = timed(label, original)
            stack.enter_context(mock.patch.object(target, part, replacement))
        for _ in range(20):
            request(handler, page)
        for _ in range(ROUNDS):
            for key in spent:
                spent[key] = 0.0
            started = time.perf_counter()
            for _ in range(CALLS):
                request(handler, page)
            figures["request"].append((time.perf_counter() - started) / CALLS)
            # The notes are read while the context is made: counted once.
            spent["context"] -= spent["notes"]
            for key, total in spent.items():
                figures[key].append(total / CALLS)
    for _ in range(20):
        request(handler, "/bench/bytes/")
    for _ in range(ROUNDS):
        started = time.perf_counter()
        for _ in range(CALLS):
            request(handler, "/bench/bytes/")
        figures["minimal"].append((time.perf_counter() - started) / CALLS)
    return {key: statistics.median(values) * 1000 for key, values in figures.items()}


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
