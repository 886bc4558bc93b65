"""Find a reported passage again in the article as it reads now."""

import re
from dataclasses import dataclass

from correction_desk.registry import adapter_for

EXCERPT_CHARS = 200


@dataclass(frozen=True)
class Excerpt:
    before: str
    passage: str
    after: str
    found: bool
    article_changed: bool


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def content_text(content) -> str:
    """The content as a reader reads it, as plain text (the adapter's)."""
    return squash(adapter_for(content).reader_text(content))


def excerpt_for(report) -> Excerpt:
    """Locate the passage, preferring the spot whose context matches the report's."""
    passage = squash(report.passage)
    content = report.content
    changed = report.article_revision != adapter_for(content).revision(content)
    if not passage:
        return Excerpt("", "", "", found=False, article_changed=changed)
    text = content_text(content)
    before_hint, after_hint = (
        squash(report.context_before),
        squash(report.context_after),
    )
    starts = [m.start() for m in re.finditer(re.escape(passage), text)]

    def agreement(start: int) -> int:
        end = start + len(passage)
        score = 0
        if before_hint and text[:start].rstrip().endswith(before_hint[-30:]):
            score += 1
        if after_hint and text[end:].lstrip().startswith(after_hint[:30]):
            score += 1
        return score

    if not starts:
        # Gone: show what the reader saw, from the context they sent.
        return Excerpt(
            report.context_before, passage, report.context_after, False, changed
        )
    start = max(starts, key=agreement)
    end = start + len(passage)
    return Excerpt(
        before=text[max(0, start - EXCERPT_CHARS) : start],
        passage=text[start:end],
        after=text[end : end + EXCERPT_CHARS],
        found=True,
        article_changed=changed,
    )


def passages_overlap(first: str, second: str) -> bool:
    first, second = squash(first).lower(), squash(second).lower()
    return bool(first and second) and (first in second or second in first)
