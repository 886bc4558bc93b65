from html.parser import HTMLParser

import pytest

from articles.markdown import render_markdown


class ElementCollector(HTMLParser):
    """Collect the real elements and attributes of an HTML fragment (not its text)."""

    def __init__(self, html: str):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


HOSTILE_BODIES = {
    "script tag": "Hallo <script>alert('x')</script> Welt",
    "script block": "<script>\nalert('x')\n</script>",
    "img onerror": '<img src="x" onerror="alert(1)">',
    "javascript link": "[Klick](javascript:alert(1))",
    "javascript link, mixed case": "[Klick](JaVaScRiPt:alert(1))",
    "attribute list": 'Absatz\n{: onclick="alert(1)" }',
    "data url": "[Bild](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "style attribute": '<p style="position:fixed">x</p>',
    "iframe": '<iframe src="https://evil.example"></iframe>',
    "reference link": "[x][1]\n\n[1]: javascript:alert(1)",
}


@pytest.mark.parametrize("body", HOSTILE_BODIES.values(), ids=HOSTILE_BODIES.keys())
def test_hostile_markdown_cannot_produce_active_html(body):
    elements = ElementCollector(render_markdown(body)).elements
    tags = {tag for tag, _ in elements}
    attributes = {name for _, attrs in elements for name in attrs}
    hrefs = [attrs["href"].lower() for _, attrs in elements if "href" in attrs]
    assert not tags & {"script", "img", "iframe", "style"}
    assert not {name for name in attributes if name.startswith("on")}
    assert "style" not in attributes
    assert not [href for href in hrefs if href.startswith(("javascript:", "data:"))]


def test_raw_html_is_shown_as_text():
    assert "&lt;b&gt;fett&lt;/b&gt;" in render_markdown("<b>fett</b>")


def test_body_headings_never_compete_with_the_page_headline():
    html = render_markdown("# Eins\n\n## Zwei\n\n### Drei")
    assert "<h1" not in html
    assert "<h2>Eins</h2>" in html
    assert "<h2>Zwei</h2>" in html
    assert "<h3>Drei</h3>" in html


def test_external_links_get_rel_and_internal_links_do_not():
    html = render_markdown("[extern](https://example.org) und [intern](/artikel/x/)")
    assert '<a href="https://example.org" rel="noopener noreferrer nofollow">' in html
    assert '<a href="/artikel/x/">intern</a>' in html


def test_mailto_links_survive():
    assert 'href="mailto:leser@example.org"' in render_markdown(
        "[Mail](mailto:leser@example.org)"
    )


def test_lists_quotes_and_german_quotation_marks():
    html = render_markdown('Er sagte "Ja".\n\n- eins\n- zwei\n\n> Ein Zitat')
    assert "„Ja“" in html
    assert "<li>eins</li>" in html
    assert "<blockquote>" in html


def test_body_is_rendered_when_the_article_is_saved(make_article):
    article = make_article(body="Text mit <script>alert(1)</script> und **fett**")
    assert "<strong>fett</strong>" in article.body_html
    assert "<script" not in article.body_html
