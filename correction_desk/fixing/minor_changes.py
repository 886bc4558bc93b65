"""Whether a change to published text may be filed as a minor one.

Minor is spelling, punctuation and formatting (as GOV.UK's minor changes are).
A change that touches a number, a date, a name or a quotation never is:
readers may have relied on it, so it gets a note. Names are told by their
capital letter in mid-sentence; in German that includes every noun, so a
changed noun counts as a name too. The desk errs towards a note.
"""

import difflib
import re

from django.utils.translation import gettext_lazy as _

TOKEN = re.compile(r"\d+(?:[.,:/]\d+)*|\w+|[^\w\s]|\n")  # "180.000" is one number
SENTENCE_END = {".", "!", "?", ":", "\n"}
QUOTATION = re.compile(r"„[^“”\n]*[“”]|“[^”\n]*”|»[^«\n]*«|«[^»\n]*»|\"[^\"\n]*\"")
QUOTE_MARKS = set('„“”»«"')
MONTHS_AND_DAYS = {
    # German and English: the editions' languages.
    *"januar februar märz april mai juni juli august september oktober "
    "november dezember montag dienstag mittwoch donnerstag freitag samstag "
    "sonntag january february march may june july october december monday "
    "tuesday wednesday thursday friday saturday sunday".split(),
}

NUMBER, DATE, NAME, QUOTE = (
    _("a number"),
    _("a date"),
    _("a name (or a word with a capital letter in mid-sentence)"),
    _("a quotation"),
)


def _tokens(text: str) -> list[tuple[str, bool, bool]]:
    """Each token with whether it starts a sentence and stands in a quotation."""
    quoted = [False] * len(text)
    for match in QUOTATION.finditer(text):
        quoted[match.start() : match.end()] = [True] * (match.end() - match.start())
    tokens, starts = [], True
    for match in TOKEN.finditer(text):
        token = match.group()
        tokens.append((token, starts, quoted[match.start()]))
        if token in SENTENCE_END:
            starts = True
        elif token not in QUOTE_MARKS and token not in "()[]–-":
            starts = False
    return tokens


def _why(token: str, starts_sentence: bool, in_quotation: bool):
    if in_quotation or token in QUOTE_MARKS:
        return QUOTE
    if any(character.isdigit() for character in token):
        return NUMBER
    if token.lower() in MONTHS_AND_DAYS:
        return DATE
    if token[:1].isupper() and not starts_sentence:
        return NAME
    return None


def substantive_changes(before: str, after: str) -> list[tuple[str, str]]:
    """What in the change from `before` to `after` is more than minor: each
    kind of thing once (a number, a date, a name, a quotation), with the
    first words that show it."""
    old, new = _tokens(before), _tokens(after)
    matcher = difflib.SequenceMatcher(
        None, [t[0] for t in old], [t[0] for t in new], autojunk=False
    )
    found: dict = {}
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            continue
        for token in [*old[i1:i2], *new[j1:j2]]:
            why = _why(*token)
            if why is not None:
                found.setdefault(why, token[0])
    return [(str(why), word) for why, word in found.items()]
