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

from articles import pictures
from articles.models import Picture
from articles.services import PICTURE_TEXT_FIELDS, TEXT_FIELDS

WORD = re.compile(r"\w+")
# Between two words of the passage: anything that is not a word, or a link's
# target, which the reader never saw.
GAP = r"(?:\]\([^)\s]*\)|\W)+"
# Words the passage is allowed to run across, at most, before a match is absurd.
MAX_WORDS = 300
CLOSEST_WORDS = 30


# The parts a reader selects in, and the fields of a picture they are.
PICTURE_PARTS = {"caption": "caption", "credit": "credit"}


@dataclass(frozen=True)
class SourceSpot:
    field: str  # "title", "lead", "body"; a picture's "caption", "credit", "alt_text"
    start: int  # the passage in that field's source
    end: int
    block_start: int  # the block the editor edits, around the passage
    block_end: int
    exact: bool  # False: the passage is gone, this is the closest match
    picture: Picture | None = None  # whose text it is, for a picture's field

    def block(self, source: str) -> str:
        return source[self.block_start : self.block_end]

    def owner(self, article):
        """The object whose field holds the passage: the article or a picture."""
        return self.picture if self.picture is not None else article


def pictures_of(article) -> list[Picture]:
    """The pictures the article shows, the lead picture first."""
    ids = pictures.body_picture_ids(article.body)
    wanted = [article.lead_picture_id, *ids] if article.lead_picture_id else ids
    found = Picture.objects.in_bulk(set(wanted)) if wanted else {}
    return [found[pk] for pk in dict.fromkeys(wanted) if pk in found]


def _sources(article):
    """Every text a reader can report on: (field, picture or None, text)."""
    for field in TEXT_FIELDS:
        yield field, None, getattr(article, field)
    for picture in pictures_of(article):
        for field in PICTURE_TEXT_FIELDS:
            yield field, picture, getattr(picture, field)


def find_passage(
    article, passage: str, context_before: str = "", part: str = ""
) -> SourceSpot | None:
    """Locate `passage` in headline, lead, body or a picture's texts; None if it
    has no words.

    `part` is where the reader selected it, if known: searched first. A passage
    selected in a caption or credit is looked for in the pictures' texts only,
    so that the same words in the body are never changed in its place.
    """
    words = WORD.findall(passage)[:MAX_WORDS]
    if not words:
        return None
    pattern = re.compile(GAP.join(re.escape(word) for word in words))
    hint = WORD.findall(context_before)[-3:]
    sources = list(_sources(article))
    if part in PICTURE_PARTS:
        sources = [source for source in sources if source[1] is not None]
    candidates = [
        (field, picture, text, match)
        for field, picture, text in sources
        for match in pattern.finditer(text)
    ]
    wanted = PICTURE_PARTS.get(part, part)
    if any(field == wanted for field, *_ in candidates):
        candidates = [each for each in candidates if each[0] == wanted]
    if candidates:
        field, picture, text, match = max(
            candidates,
            key=lambda each: _agreement(each[2], each[3].start(), hint),
        )
        return _spot(text, field, match.start(), match.end(), True, picture)
    if part in PICTURE_PARTS:
        return _closest(sources, words)
    return _closest([("body", None, article.body)], words)


def _agreement(source: str, start: int, hint: list[str]) -> int:
    """How many of the reader's last words before the passage stand before it."""
    before = WORD.findall(source[max(0, start - 200) : start])[-len(hint) :]
    return sum(word in before for word in hint) if hint else 0


def _spot(source, field, start, end, exact, picture=None) -> SourceSpot:
    if field == "body":
        block_start, block_end = _block_around(source, start, end)
    else:
        block_start, block_end = 0, len(source)
    return SourceSpot(field, start, end, block_start, block_end, exact, picture)


def _block_around(source: str, start: int, end: int) -> tuple[int, int]:
    """The Markdown blocks (separated by blank lines) that hold start…end."""
    breaks = [match.end() for match in re.finditer(r"\n[ \t]*\n", source)]
    block_start = max([0, *(b for b in breaks if b <= start)])
    ends = [match.start() for match in re.finditer(r"\n[ \t]*\n", source)]
    block_end = min([len(source), *(e for e in ends if e >= end)])
    return block_start, block_end


def _closest(sources, words: list[str]) -> SourceSpot | None:
    """The run of words most like the passage, in the text most like it (the
    body, or the pictures' texts); the whole text is the block."""
    found = [_closest_in(text, words) + (field, picture, text)
             for field, picture, text in sources]  # fmt: skip
    found = [each for each in found if each[0] is not None]
    if not found:
        return None
    _ratio, start, end, field, picture, text = max(found, key=lambda each: each[0])
    return SourceSpot(field, start, end, 0, len(text), False, picture)


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
