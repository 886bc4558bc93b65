"""Find a reader's passage in the article's Markdown source, for the editor to fix.

Readers select rendered text: no Markdown marks, typographic quotes and dashes,
link text without its address. So the passage is matched by its words, in order,
with anything that is not a word between them (spaces, line breaks, `**`, `_`,
quotes, a link's `](…)`). The editor gets the block around it, the paragraph or
list item to edit, and where the passage is gone, the whole body with the
closest run of words marked.
"""

import difflib
import re
from dataclasses import dataclass

from articles.services import TEXT_FIELDS

WORD = re.compile(r"\w+")
# Between two words of the passage: anything that is not a word, or a link's
# target, which the reader never saw.
GAP = r"(?:\]\([^)\s]*\)|\W)+"
# Words the passage is allowed to run across, at most, before a match is absurd.
MAX_WORDS = 300
CLOSEST_WORDS = 30


@dataclass(frozen=True)
class SourceSpot:
    field: str  # "title", "lead" or "body"
    start: int  # the passage in that field's source
    end: int
    block_start: int  # the block the editor edits, around the passage
    block_end: int
    exact: bool  # False: the passage is gone, this is the closest match

    def block(self, source: str) -> str:
        return source[self.block_start : self.block_end]


def find_passage(
    article, passage: str, context_before: str = "", part: str = ""
) -> SourceSpot | None:
    """Locate `passage` in headline, lead or body; None if it has no words.

    `part` is where the reader selected it, if known: searched first.
    """
    words = WORD.findall(passage)[:MAX_WORDS]
    if not words:
        return None
    pattern = re.compile(GAP.join(re.escape(word) for word in words))
    hint = WORD.findall(context_before)[-3:]
    candidates = [
        (field, match)
        for field in TEXT_FIELDS
        for match in pattern.finditer(getattr(article, field))
    ]
    if any(field == part for field, _ in candidates):
        candidates = [(field, match) for field, match in candidates if field == part]
    if candidates:
        field, match = max(
            candidates,
            key=lambda candidate: _agreement(
                getattr(article, candidate[0]), candidate[1].start(), hint
            ),
        )
        return _spot(article, field, match.start(), match.end(), exact=True)
    return _closest(article, words)


def _agreement(source: str, start: int, hint: list[str]) -> int:
    """How many of the reader's last words before the passage stand before it."""
    before = WORD.findall(source[max(0, start - 200) : start])[-len(hint) :]
    return sum(word in before for word in hint) if hint else 0


def _spot(article, field: str, start: int, end: int, exact: bool) -> SourceSpot:
    source = getattr(article, field)
    if field == "body":
        block_start, block_end = _block_around(source, start, end)
    else:
        block_start, block_end = 0, len(source)
    return SourceSpot(field, start, end, block_start, block_end, exact)


def _block_around(source: str, start: int, end: int) -> tuple[int, int]:
    """The Markdown blocks (separated by blank lines) that hold start…end."""
    breaks = [match.end() for match in re.finditer(r"\n[ \t]*\n", source)]
    block_start = max([0, *(b for b in breaks if b <= start)])
    ends = [match.start() for match in re.finditer(r"\n[ \t]*\n", source)]
    block_end = min([len(source), *(e for e in ends if e >= end)])
    return block_start, block_end


def _closest(article, words: list[str]) -> SourceSpot | None:
    """The run of body words most like the passage; the whole body is the block."""
    body = article.body
    spans = [(m.start(), m.end(), m.group().lower()) for m in WORD.finditer(body)]
    if not spans:
        return None
    # The start of a long passage places it well enough, at bounded cost.
    wanted = [word.lower() for word in words[:CLOSEST_WORDS]]
    found = [span[2] for span in spans]
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(wanted)
    best, best_ratio = (0, 1), -1.0
    # The closest run begins with one of the passage's words.
    wanted_words = set(wanted)
    starts = [i for i, word in enumerate(found) if word in wanted_words] or [0]
    # A changed number or name may take a word more or less than it did.
    for size in range(max(1, len(wanted) - 1), len(wanted) + 3):
        for first in starts:
            matcher.set_seq1(found[first : first + size])
            ratio = matcher.ratio()
            if ratio > best_ratio:
                best, best_ratio = (first, size), ratio
    first, size = best
    last = spans[min(first + size, len(spans)) - 1]
    return SourceSpot("body", spans[first][0], last[1], 0, len(body), exact=False)


def replace_passage(block: str, passage_in_block: str, suggestion: str) -> str:
    """The block with the reader's suggestion in place of the passage."""
    return block.replace(passage_in_block, suggestion.strip(), 1)
