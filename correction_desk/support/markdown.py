"""Render an article body from Markdown into safe HTML, once, when it is saved."""

from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i",
    "blockquote", "ul", "ol", "li", "a", "code", "pre", "table", "thead", "tbody",
    "tr", "th", "td", "sup", "sub", "abbr", "dl", "dt", "dd", "del", "ins",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "rel"}, "abbr": {"title"}, "ol": {"start"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
EXTERNAL_LINK_REL = "noopener noreferrer nofollow"

# German typographic quotes: „so“ and ‚so‘.
GERMAN_QUOTES = {
    "left-double-quote": "&bdquo;",
    "right-double-quote": "&ldquo;",
    "left-single-quote": "&sbquo;",
    "right-single-quote": "&lsquo;",
}

_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    clean_content_tags={"script", "style"},
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=ALLOWED_URL_SCHEMES,
    # rel is set by ArticleTreeprocessor on external links only.
    link_rel=None,
)


class ArticleTreeprocessor(Treeprocessor):
    """Keep the page's headline the only h1, and mark external links."""

    def run(self, root: Element) -> None:
        for element in root.iter():
            if element.tag == "h1":
                element.tag = "h2"
            elif element.tag == "a" and urlsplit(element.get("href", "")).netloc:
                element.set("rel", EXTERNAL_LINK_REL)


class ArticleExtension(Extension):
    """Article Markdown: no raw HTML at all, headings from h2, external links marked."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # Raw HTML in a body is shown as text rather than passed through; the
        # sanitizer below is the second line of defence, not the only one.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(ArticleTreeprocessor(md), "newsroom_article", 0)


def render_markdown(text: str) -> str:
    """Return sanitized HTML for an article body written in Markdown."""
    html = markdown.markdown(
        text,
        extensions=["sane_lists", "tables", "smarty", ArticleExtension()],
        extension_configs={"smarty": {"substitutions": GERMAN_QUOTES}},
        output_format="html",
    )
    return _cleaner.clean(html)
