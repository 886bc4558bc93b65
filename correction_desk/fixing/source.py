"""Find a reader's passage in the content's source, for the editor to fix.

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

from correction_desk.registry import adapter_for

WORD = re.compile(r"\w+")
# Between two words of the passage: anything that is not a word, or what the
# reader never saw as words: a Markdown link's target, an HTML tag or entity
# (rich text).
GAP = r"(?:\]\([^)\s]*\)|<[^>]*>|&#?\w+;|\W)+"
# Words the passage is allowed to run across, at most, before a match is absurd.
MAX_WORDS = 300
CLOSEST_WORDS = 30


@dataclass(frozen=True)
class SourceSpot:
    field: str  # the holder's field: "title", "lead", "body", a picture's "caption"
    start: int  # the passage in that field's source
    end: int
    block_start: int  # the block the editor edits, around the passage
    block_end: int
    exact: bool  # False: the passage is gone, this is the closest match
    holder: object = None  # whose field it is: the content, or what it shows

    def block(self, source: str) -> str:
        return source[self.block_start : self.block_end]

    def owner(self, content):
        """The object whose field holds the passage: the content or, say, a picture."""
        return self.holder if self.holder is not None else content


def find_passage(
    content, passage: str, context_before: str = "", part: str = ""
) -> SourceSpot | None:
    """Locate `passage` in the content's texts (the adapter's); None if it has
    no words.

    `part` is where the reader selected it, if known: searched first. A passage
    selected in a text the content shows (a caption or credit) is looked for in
    those texts only, so that the same words in the body are never changed in
    its place.
    """
    words = WORD.findall(passage)[:MAX_WORDS]
    if not words:
        return None
    adapter = adapter_for(content)
    pattern = re.compile(GAP.join(re.escape(word) for word in words))
    hint = WORD.findall(context_before)[-3:]
    sources = adapter.texts(content)
    shown_part = bool(part) and part not in adapter.text_fields
    if shown_part:
        sources = [source for source in sources if source.holder is not content]
    candidates = [
        (source, match) for source in sources for match in pattern.finditer(source.text)
    ]
    if any(source.part == part for source, _match in candidates):
        candidates = [each for each in candidates if each[0].part == part]
    if candidates:
        source, match = max(
            candidates,
            key=lambda each: _agreement(each[0].text, each[1].start(), hint),
        )
        return _spot(adapter, content, source, match.start(), match.end(), True)
    if not shown_part:
        sources = [s for s in sources if s.part == adapter.main_part][:1]
    return _closest(adapter, content, sources, words)


def _agreement(source: str, start: int, hint: list[str]) -> int:
    """How many of the reader's last words before the passage stand before it."""
    before = WORD.findall(source[max(0, start - 200) : start])[-len(hint) :]
    return sum(word in before for word in hint) if hint else 0


def _spot(adapter, content, source, start, end, exact) -> SourceSpot:
    if source.part in adapter.block_parts:
        block_start, block_end = adapter.block_around(source.text, start, end)
    else:
        block_start, block_end = 0, len(source.text)
    holder = source.holder if source.holder is not content else None
    return SourceSpot(source.field, start, end, block_start, block_end, exact, holder)


def _closest(adapter, content, sources, words: list[str]) -> SourceSpot | None:
    """The run of words most like the passage, in the text most like it (the
    main text, or the texts the content shows); the whole text is the block."""
    found = [(*_closest_in(source.text, words), source) for source in sources]
    found = [each for each in found if each[0] is not None]
    if not found:
        return None
    _ratio, start, end, source = max(found, key=lambda each: each[0])
    holder = source.holder if source.holder is not content else None
    return SourceSpot(source.field, start, end, 0, len(source.text), False, holder)


def _closest_in(text: str, words: list[str]) -> tuple:
    """How alike the closest run of words in `text` is, and where it stands."""
    spans = [(m.start(), m.end(), m.group().lower()) for m in WORD.finditer(text)]
    if not spans:
        return None, 0, 0
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
    return best_ratio, spans[first][0], last[1]


def replace_passage(block: str, passage_in_block: str, suggestion: str) -> str:
    """The block with the reader's suggestion in place of the passage."""
    return block.replace(passage_in_block, suggestion.strip(), 1)
