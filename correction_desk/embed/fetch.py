"""The desk reads a page of an embedding site itself, through the site's one
outbound client, rather than believing what a browser said was on it: the
headline and text the desk shows editors are the page as fetched."""

import logging
from html.parser import HTMLParser

from django.tasks import task
from django.utils import timezone

from correction_desk.support import outbound

logger = logging.getLogger(__name__)
PRIORITY = 30
# Block elements: the text around them is a paragraph of its own.
BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "section",
          "article", "figcaption", "blockquote", "header", "main"}  # fmt: skip
BREAK = "\x00"  # between blocks; line breaks in the source are only spaces
SKIPPED = {"script", "style", "noscript", "template", "iframe", "svg", "nav", "form"}


def matches(selector: str, tag: str, attributes: dict) -> bool:
    """A simple CSS selector: `tag`, `#id`, `.class`, `tag.class` or `tag#id`."""
    if not selector:
        return False
    if "#" in selector:
        name, ident = selector.split("#", 1)
        return (not name or name == tag) and attributes.get("id") == ident
    name, *classes = selector.split(".")
    own = set((attributes.get("class") or "").split())
    return (not name or name == tag) and set(classes) <= own


class PageText(HTMLParser):
    """The page's <title> or first <h1>, and the text of the element the site
    names (the whole <body> without one)."""

    def __init__(self, selector: str):
        super().__init__(convert_charrefs=True)
        self.selector = selector.strip()
        self.depth = 0  # inside the selected element, how deep
        self.skipping = 0
        self.parts: list[str] = []
        self.title = ""
        self.heading = ""
        self._in = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in SKIPPED:
            self.skipping += 1
        if self.depth:
            self.depth += 1
        elif matches(self.selector, tag, attributes) or (
            not self.selector and tag == "body"
        ):
            self.depth = 1
        if tag in ("title", "h1"):
            self._in = tag
        if tag in BLOCKS and self.depth:
            self.parts.append(BREAK)

    def handle_endtag(self, tag):
        if tag in SKIPPED and self.skipping:
            self.skipping -= 1
        if self.depth:
            self.depth -= 1
        if tag == self._in:
            self._in = None
        if tag in BLOCKS and self.depth:
            self.parts.append(BREAK)

    def handle_data(self, data):
        if self._in == "title" and not self.title:
            self.title = data.strip()
        if self._in == "h1" and not self.heading:
            self.heading = data.strip()
        if self.depth and not self.skipping:
            self.parts.append(data)

    def text(self) -> str:
        lines = [" ".join(line.split()) for line in "".join(self.parts).split(BREAK)]
        return "\n".join(line for line in lines if line)


def page_text(html: str, selector: str) -> tuple[str, str]:
    parser = PageText(selector)
    parser.feed(html)
    parser.close()
    return parser.heading or parser.title, parser.text()


@task(priority=PRIORITY)
def fetch_page(page_id: int) -> str:
    from correction_desk.embed.models import ExternalPage

    page = ExternalPage.objects.select_related("site").get(pk=page_id)
    try:
        answer = outbound.send(
            "GET", page.url, headers={"User-Agent": "Newsroom-Corrections/1"}
        )
        if answer.status != 200:
            raise outbound.Unreachable(f"HTTP {answer.status}")
        title, text = page_text(
            answer.body.decode("utf-8", "replace"), page.site.text_selector
        )
    except (outbound.Refused, OSError) as error:
        page.fetch_error = str(error)[:300]
        page.save(update_fields=["fetch_error"])
        logger.warning("Could not fetch %s: %s", page.url, error)
        return "failed"
    page.title, page.text = title[:500], text
    page.fetched_at, page.fetch_error = timezone.now(), ""
    page.save(update_fields=["title", "text", "fetched_at", "fetch_error"])
    return "fetched"
