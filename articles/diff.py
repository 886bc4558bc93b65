"""Word-level differences between two texts, marked with <ins> and <del>."""

import difflib
import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Words and the spaces between them, so that the diff keeps the text's spacing.
TOKENS = re.compile(r"\s+|\S+")


def word_diff(old: str, new: str) -> SafeString:
    """Return `new` as HTML, with words removed since `old` in <del>, added in <ins>."""
    before, after = TOKENS.findall(old), TOKENS.findall(new)
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    parts = []
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        removed, added = "".join(before[i1:i2]), "".join(after[j1:j2])
        if operation == "equal":
            parts.append(escape(added))
            continue
        if removed.strip():
            parts.append(f"<del>{escape(removed)}</del>")
        if added.strip():
            parts.append(f"<ins>{escape(added)}</ins>")
        elif added:
            parts.append(escape(added))
    return mark_safe("".join(parts))
