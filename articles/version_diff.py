"""What changed between two versions of an article, in the article's own shape.

Headline, lead, body blocks (headings, paragraphs, list items, quotes) and the
pictures' texts are compared block by block; a changed block shows its words
marked with <ins> and <del>, runs of unchanged blocks fold into <details>.
Everything shown is written out here, tags and text escaped, from the HTML
the Markdown renderer sanitised when the version was saved.
"""

from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext
from rapidfuzz.distance import Indel

from newsroom.diff import marked_words, runs

LISTS = {"ul", "ol"}
VOID = {"br", "hr", "img", "wbr"}
HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
# Pictures: their captions and credits are compared as the pictures' texts.
SKIPPED = {"figure", "picture", "div"}
# How alike two blocks must be to be shown as one changed block rather than
# one removed and one added (their likeness(), 0..1). A block
# replaced by one block of its kind is always shown as changed.
SAME_BLOCK = 0.4
# Below this likeness a changed block is shown rewritten: old and new whole.
REWRITTEN = 0.5
# A replaced run longer than this is paired in order rather than by likeness,
# which would cost a comparison of every old block with every new one.
PAIRING_LIMIT = 400
# How many changes the summary line names before it counts the rest.
SUMMARY_PARTS = 4


@dataclass
class Block:
    """One block of a version: what it is, its text, its sanitised HTML."""

    kind: str  # title, lead, heading, paragraph, item, quote, table, picture
    tag: str  # the element it is shown as
    text: str
    inner_html: str = ""  # sanitised; empty: the text, escaped
    list_tag: str = ""  # ul or ol, for list items
    number: int = 0  # its place among blocks of its kind, from 1

    @property
    def key(self) -> tuple:
        return (self.kind, self.text)

    def html(self) -> str:
        return self.inner_html or escape(self.text)


@dataclass
class Change:
    """One row of the comparison: a block kept, changed, added or removed."""

    old: Block | None
    new: Block | None
    words: int = 0  # words removed or added, for the summary
    marked: str = ""  # the new text with what was removed and added marked

    @property
    def block(self) -> Block:
        return self.new or self.old

    @property
    def state(self) -> str:
        if self.old is None:
            return "added"
        if self.new is None:
            return "removed"
        return "changed" if self.words else "same"


@dataclass
class Comparison:
    changes: list[Change] = field(default_factory=list)
    marks: dict = field(default_factory=dict)

    @property
    def changed(self) -> list[Change]:
        return [c for c in self.changes if c.state != "same"]

    def summary(self) -> str:
        """One line naming what changed, headline and lead first."""
        parts = [describe(change) for change in self.changed]
        if len(parts) > SUMMARY_PARTS + 1:
            rest = len(parts) - SUMMARY_PARTS
            parts = parts[:SUMMARY_PARTS] + [
                ngettext("%(count)d more change", "%(count)d more changes", rest)
                % {"count": rest}
            ]
        return "; ".join(parts)

    def as_html(self, older_label: str, newer_label: str) -> SafeString:
        return mark_safe(render(self.changes, older_label, newer_label, self.marks))


# Reading a version into blocks


# Where the words of two blocks inside one block (paragraphs in a quote) part.
BREAKS = {"br", "p", "li", "h2", "h3", "h4", "h5", "h6", "pre", "tr", "td", "th", "dd"}


class _BlockParser(HTMLParser):
    """Split the body's sanitised HTML into its top-level blocks, a list into
    one block per item. Each block's inner HTML is written out again tag by
    tag, attribute values and text escaped here: what is shown does not rest
    on how the sanitiser wrote it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.stack: list[str] = []
        self.block: Block | None = None
        self.depth = 0  # of the block's own element in the stack
        self.parts: list[str] = []
        self.words: list[str] = []

    def handle_starttag(self, tag, attrs):
        if (
            self.block is None
            and tag not in VOID
            and (
                not self.stack
                and tag not in LISTS
                or len(self.stack) == 1
                and self.stack[0] in LISTS
                and tag == "li"
            )
        ):
            list_tag = self.stack[0] if self.stack else ""
            self.block = Block(kind_of(tag), tag, "", list_tag=list_tag)
            self.depth, self.parts, self.words = len(self.stack), [], []
        elif self.block is not None:
            attributes = "".join(
                f' {name}="{escape(value or "")}"' for name, value in attrs
            )
            self.parts.append(f"<{tag}{attributes}>")
            if tag == "br":
                self.words.append(" ")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in VOID or not self.stack or self.stack[-1] != tag:
            return  # the sanitiser's output is well formed; anything else is left
        self.stack.pop()
        if self.block is None:
            return
        if len(self.stack) == self.depth:
            text = " ".join("".join(self.words).split())
            if text and self.block.tag not in SKIPPED:
                self.block.text = text
                self.block.inner_html = "".join(self.parts).strip()
                self.blocks.append(self.block)
            self.block = None
            return
        self.parts.append(f"</{tag}>")
        if tag in BREAKS:
            self.words.append(" ")

    def handle_data(self, data):
        if self.block is not None:
            self.parts.append(escape(data))
            self.words.append(data)


def body_blocks(fragment: str) -> list[Block]:
    """The body's blocks, from its HTML as saved (Article.body_html); pictures
    give none (their texts are compared on their own)."""
    parser = _BlockParser()
    parser.feed(fragment)
    parser.close()
    return parser.blocks


def kind_of(tag: str) -> str:
    if tag in HEADINGS:
        return "heading"
    if tag == "li":
        return "item"
    if tag == "blockquote":
        return "quote"
    if tag in {"table", "dl"}:
        return "table"
    return "paragraph"


def blocks_of(title: str, lead: str, body_html: str, picture_text: str = "") -> dict:
    """A version's blocks, by part: headline, lead, body, pictures' texts."""
    body = body_blocks(body_html)
    numbers: dict[str, int] = {}
    for block in body:
        numbers[block.kind] = numbers.get(block.kind, 0) + 1
        block.number = numbers[block.kind]
    return {
        "title": [Block("title", "p", " ".join(title.split()))],
        "lead": [Block("lead", "p", " ".join(lead.split()))],
        "body": body,
        "picture": [
            Block("picture", "p", " ".join(line.split()), number=number)
            for number, line in enumerate(
                (line for line in picture_text.splitlines() if line.strip()), 1
            )
        ],
    }


# Comparing


def compare(old: dict, new: dict) -> Comparison:
    """Compare two versions' blocks (from blocks_of), part by part."""
    comparison = Comparison(marks=marks())
    for part in ("title", "lead", "body", "picture"):
        comparison.changes += compare_blocks(old[part], new[part], comparison.marks)
    return comparison


def likeness(old: Block, new: Block) -> float:
    """How alike two blocks' words are: twice the words they share in order,
    over all their words (0..1, as difflib's ratio)."""
    return Indel.normalized_similarity(old.text.split(), new.text.split())


def compare_blocks(old: list[Block], new: list[Block], marks: dict) -> list[Change]:
    changes = []
    for operation, i1, i2, j1, j2 in runs([b.key for b in old], [b.key for b in new]):
        if operation == "equal":
            changes += [
                Change(o, n) for o, n in zip(old[i1:i2], new[j1:j2], strict=True)
            ]
        else:
            changes += pair_up(old[i1:i2], new[j1:j2], marks)
    return changes


def pair_up(old: list[Block], new: list[Block], marks: dict) -> list[Change]:
    """The blocks of a replaced run: alike ones as changed, others added or removed.

    As difflib's Differ does for lines: the most alike pair is taken, and the
    blocks before it and after it are paired the same way.
    """
    if not old or not new:
        return [Change(o, None, words=len(o.text.split())) for o in old] + [
            Change(None, n, words=len(n.text.split())) for n in new
        ]
    if len(old) == len(new) == 1 and old[0].kind == new[0].kind:
        return [changed(old[0], new[0], marks)]
    if len(old) == len(new) and all(map(alike, old, new)):
        # Edited in place, the usual case: no need to look for the best pairs.
        return [changed(o, n, marks) for o, n in zip(old, new, strict=True)]
    if len(old) * len(new) > PAIRING_LIMIT:
        return in_order(old, new, marks)
    best, best_likeness = None, SAME_BLOCK
    for i, o in enumerate(old):
        for j, n in enumerate(new):
            if o.kind == n.kind and (score := likeness(o, n)) >= best_likeness:
                best, best_likeness = (i, j), score
    if best is None:
        return pair_up(old, [], marks) + pair_up([], new, marks)
    i, j = best
    return (
        pair_up(old[:i], new[:j], marks)
        + [changed(old[i], new[j], marks)]
        + pair_up(old[i + 1 :], new[j + 1 :], marks)
    )


def alike(old: Block, new: Block) -> bool:
    return old.kind == new.kind and likeness(old, new) >= SAME_BLOCK


def in_order(old: list[Block], new: list[Block], marks: dict) -> list[Change]:
    changes = []
    for o, n in zip(old, new, strict=False):
        changes += (
            [changed(o, n, marks)] if o.kind == n.kind else pair_up([o], [n], marks)
        )
    return changes + pair_up(old[len(new) :], new[len(old) :], marks)


def changed(old: Block, new: Block, marks: dict) -> Change:
    """A block whose words changed, removed ones and added ones marked."""
    if likeness(old, new) < REWRITTEN:
        # Rewritten rather than edited: the old block and the new one, whole,
        # read better than a zigzag of single words.
        return Change(
            old,
            new,
            words=max(len(old.text.split()), len(new.text.split())),
            marked=f"{marked(marks['del'], old.text)} {marked(marks['ins'], new.text)}",
        )
    (del_start, del_end), (ins_start, ins_end) = marks["del"], marks["ins"]
    html, words = marked_words(
        old.text,
        new.text,
        lambda text: del_start + text + del_end,
        lambda text: ins_start + text + ins_end,
    )
    return Change(old, new, words=words, marked=html.strip())


def marks() -> dict:
    """How insertions and deletions begin and end, for screen readers, which do
    not announce <del> and <ins> by themselves. Translated once per comparison."""
    hidden = '<span class="visually-hidden">{}</span>'
    return {
        "del": (
            "<del>" + hidden.format(escape(_("deleted:")) + " "),
            hidden.format(" " + escape(_("end of deletion"))) + "</del>",
        ),
        "ins": (
            "<ins>" + hidden.format(escape(_("inserted:")) + " "),
            hidden.format(" " + escape(_("end of insertion"))) + "</ins>",
        ),
    }


def marked(mark: tuple, text: str) -> str:
    return mark[0] + escape(text) + mark[1]


# Saying it


NAMES = {
    "title": gettext_noop("headline"),
    "lead": gettext_noop("lead"),
    "heading": gettext_noop("subheading %(number)d"),
    "paragraph": gettext_noop("paragraph %(number)d"),
    "item": gettext_noop("list item %(number)d"),
    "quote": gettext_noop("quotation %(number)d"),
    "table": gettext_noop("table %(number)d"),
    "picture": gettext_noop("picture text %(number)d"),
}


def name(block: Block) -> str:
    """What a reader calls the block: "paragraph 4", "headline"."""
    return _(NAMES[block.kind]) % {"number": block.number}


def describe(change: Change) -> str:
    block = change.block
    if change.state == "added":
        return capfirst(_("%(block)s added") % {"block": name(block)})
    if change.state == "removed":
        return capfirst(_("%(block)s removed") % {"block": name(block)})
    if block.kind == "title":
        return _("Headline changed")
    if block.kind == "lead":
        return ngettext(
            "%(count)d word changed in the lead",
            "%(count)d words changed in the lead",
            change.words,
        ) % {"count": change.words}
    return ngettext(
        "%(count)d word changed in %(block)s",
        "%(count)d words changed in %(block)s",
        change.words,
    ) % {"count": change.words, "block": name(block)}


# Showing it


def render(changes: list[Change], older_label: str, newer_label: str, marks) -> str:
    out, same = [], []
    for change in changes:
        if change.state == "same":
            same.append(change.new)
            continue
        out.append(folded(same))
        same = []
        out.append(shown(change, older_label, newer_label, marks))
    out.append(folded(same))
    return "".join(out)


def folded(blocks: list[Block]) -> str:
    """Unchanged blocks: one is shown, more fold into a <details>."""
    if not blocks:
        return ""
    content = blocks_html(blocks)
    if len(blocks) == 1:
        return f'<div class="diff-same">{content}</div>'
    summary = ngettext(
        "… %(count)d unchanged paragraph …",
        "… %(count)d unchanged paragraphs …",
        len(blocks),
    ) % {"count": len(blocks)}
    return (
        f'<details class="diff-same"><summary>{escape(summary)}</summary>'
        f"{content}</details>"
    )


def blocks_html(blocks: list[Block]) -> str:
    """Blocks in their own elements, list items gathered into their lists."""
    out, open_list = [], ""
    for block in blocks:
        if block.list_tag != open_list:
            if open_list:
                out.append(f"</{open_list}>")
            if block.list_tag:
                out.append(f"<{block.list_tag}>")
            open_list = block.list_tag
        out.append(element(block, block.html()))
    if open_list:
        out.append(f"</{open_list}>")
    return "".join(out)


def element(block: Block, content: str) -> str:
    tag = block.tag
    if tag in HEADINGS:
        # The page's own headings are h1 and h2: the article's move one down.
        tag = f"h{min(int(tag[1]) + 1, 6)}"
    elif block.kind in {"title", "lead"}:
        return f'<p class="diff-{block.kind}">{content}</p>'
    elif tag not in {"p", "li", "blockquote", "pre"}:
        tag = "div"
    return f"<{tag}>{content}</{tag}>"


def in_list(block: Block, html_text: str) -> str:
    element_html = element(block, html_text)
    if block.list_tag:
        return f'<{block.list_tag} class="diff-list">{element_html}</{block.list_tag}>'
    return element_html


def shown(change: Change, older_label: str, newer_label: str, marks) -> str:
    """A changed, added or removed block, twice: on phones the first copy shows
    the change inline; on wide screens the two stand side by side, the older
    without what was added, the newer without what was removed (the stylesheet
    hides those, for screen readers too)."""
    block, state = change.block, change.state
    if state == "added":
        content = marked(marks["ins"], block.text)
    elif state == "removed":
        content = marked(marks["del"], block.text)
    else:
        content = change.marked
    content = in_list(block, content)
    label = escape(describe(change))
    return (
        f'<div class="diff-change is-{state}" role="group" aria-label="{label}">'
        f'<p class="diff-label">{escape(capfirst(name(block)))}</p>'
        f'<div class="diff-sides"><div class="diff-old"><p class="diff-side-label">'
        f"{escape(older_label)}</p>{content}</div>"
        f'<div class="diff-new"><p class="diff-side-label">'
        f"{escape(newer_label)}</p>{content}</div></div></div>"
    )


def compare_versions(old_fields: tuple, new_fields: tuple) -> Comparison:
    """Compare two versions given as (headline, lead, body HTML, pictures' texts)."""
    return compare(blocks_of(*old_fields), blocks_of(*new_fields))
