"""Word-level differences between two texts, marked with <ins> and <del>."""

import difflib
import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# A word with the spacing after it, so that a replaced phrase stays one change
# ("bis Ende 2025" -> "in den kommenden Jahren"), not a word-by-word zigzag.
TOKENS = re.compile(r"\s*\S+\s*|\s+")


def word_diff(old: str, new: str) -> SafeString:
    """Return `new` as HTML, with words removed since `old` in <del>, added in <ins>."""
    before, after = TOKENS.findall(old), TOKENS.findall(new)
    matcher = difflib.SequenceMatcher(
        None, [t.strip() for t in before], [t.strip() for t in after], autojunk=False
    )
    parts = []
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        removed, added = "".join(before[i1:i2]), "".join(after[j1:j2])
        if operation == "equal":
            parts.append(escape(added))
            continue
        if parts and not parts[-1][-1:].isspace():
            parts.append(" ")  # keep a change apart from the word before it
        if removed.strip():
            parts.append(f"<del>{escape(removed.rstrip())}</del> ")
        if added.strip():
            core = added.rstrip()
            parts.append(f"<ins>{escape(core)}</ins>{escape(added[len(core) :])}")
    return mark_safe("".join(parts))
