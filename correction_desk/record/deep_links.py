"""Links that lead a reader to the corrected words themselves.

A note's link is its anchor on the article (`#korrektur-7`) followed by a text
fragment (`:~:text=…`, https://wicg.github.io/scroll-to-text-fragment/): browsers
that know text fragments scroll to the corrected wording and mark it; the others
ignore the directive, and the page's script (correction_desk/static/correction_desk/js/
corrections.js) goes to the note's passage and marks it there.
"""

import re
from urllib.parse import quote

from correction_desk.support.diff import TOKENS, runs

# More words than this are linked as the first and last few (textStart,textEnd).
WHOLE_WORDS = 10
END_WORDS = 4


def corrected_wording(before: str, after: str) -> str:
    """The first run of words that `after` has in place of `before`'s, one line."""
    old, new = TOKENS.findall(before), TOKENS.findall(after)
    for operation, _i1, _i2, j1, j2 in runs(
        [t.strip() for t in old], [t.strip() for t in new]
    ):
        added = "".join(new[j1:j2]).strip()
        if operation == "replace" and added:
            return added.splitlines()[0].strip()
    return ""


def _encode(text: str) -> str:
    # "-", "," and "&" are the directive's own syntax: they must be encoded too.
    return quote(text, safe="").replace("-", "%2D")


def text_directive(passage: str) -> str:
    words = re.split(r"\s+", passage.strip())
    if not passage.strip():
        return ""
    if len(words) <= WHOLE_WORDS:
        return ":~:text=" + _encode(" ".join(words))
    start, end = " ".join(words[:END_WORDS]), " ".join(words[-END_WORDS:])
    return f":~:text={_encode(start)},{_encode(end)}"


def passage_fragment(note) -> str:
    """`#korrektur-7:~:text=…`: the note's anchor, and its passage where it has one."""
    return f"#{note.anchor}{text_directive(note.passage)}"


def passage_path(note) -> str:
    return note.content_url + passage_fragment(note)
