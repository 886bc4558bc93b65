"""Plain text of an article, as a reader reads it."""

import html
import re

from django.utils.html import strip_tags

from .markdown import render_markdown

BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote|pre|tr|dd|dt)>|<br\s*/?>", re.I)


def html_to_text(fragment: str) -> str:
    """Return the text of an HTML fragment, one paragraph per line."""
    text = html.unescape(strip_tags(BLOCK_END.sub("\n", fragment)))
    lines = (re.sub(r"[ \t]+", " ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def reader_text(title: str, lead: str, body: str, picture_text: str = "") -> str:
    """Headline, lead, body and the pictures' captions and credits as readers
    see them: markup and spacing removed."""
    parts = [title.strip(), lead.strip(), html_to_text(render_markdown(body))]
    if picture_text.strip():
        parts.append(picture_text.strip())
    return "\n".join(parts)
