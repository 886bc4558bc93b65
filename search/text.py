"""Words as the search index sees them: one place for documents and queries.

Both sides go through the same steps, so that whatever a reader types matches
what the index holds: words are runs of letters and digits (anything else, FTS
syntax and quotes included, only separates words), lower-cased and reduced to
their stem by Snowball's stemmer for the text's language. The German stemmer
also folds ß to ss and umlauts to their base letters, so "Soldaten" finds
"Soldat" and "Aussenminister" finds "Außenminister".
"""

import re
from functools import cache, partial
from html import escape as _escape

import Stemmer

WORD = re.compile(r"\w+")
# The standard library's: the same five characters as Django's escape(), without
# its lazy-string wrapper, which cost more than the escaping itself.
escape = partial(_escape, quote=True)
STEMMERS = {"de": "german", "en": "english"}
# What a query may hold: more words than this are dropped, as are characters
# past the limit (a 10 KB paste is still a query, of its first words).
MAX_QUERY_CHARACTERS = 200
# What the search fields take (maxlength): a paste is cut to this by the
# browser, then to MAX_QUERY_CHARACTERS with a notice. Even in 4-byte
# characters, percent-encoded, the address stays below what the site and the
# servers in front answer (NEWSROOM_MAX_ADDRESS_BYTES, tests/test_address_limits.py).
MAX_TYPED_CHARACTERS = 300
MAX_QUERY_WORDS = 12
# Words that would match nearly every article; a query of only these keeps them.
STOP_WORDS = {
    "de": set(
        "der die das den dem des ein eine einen einem einer eines und oder in im "
        "auf an am zu zum zur mit von vom für ist sind war wird nicht es sich als "
        "bei aus auch so wie was dass".split()
    ),
    "en": set(
        "the a an and or of in on at to for with from by is are was be it not as "
        "this that".split()
    ),
}


@cache
def stemmer(language: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(STEMMERS.get(language, "german"))


def stems(text: str, language: str) -> list[str]:
    """The stems of the words in `text`, in order."""
    return stemmer(language).stemWords(WORD.findall(text.lower()))


def index_terms(text: str, language: str) -> str:
    """The text as the SQLite index stores it: its stems, space-separated."""
    return " ".join(stems(text, language))


def query_words(query: str, language: str) -> list[str]:
    """The words of a query that count, at most MAX_QUERY_WORDS of them."""
    words = WORD.findall(query[:MAX_QUERY_CHARACTERS])
    stop = STOP_WORDS.get(language, set())
    kept = [word for word in words if word.lower() not in stop] or words
    unique = dict.fromkeys(kept)
    return list(unique)[:MAX_QUERY_WORDS]


def query_stems(words: list[str], language: str) -> list[str]:
    """The stems of a query's words (query_words), each once."""
    return list(dict.fromkeys(stemmer(language).stemWords([w.lower() for w in words])))


SNIPPET_WORDS = 30


def _marked(text: str, matches, marked: set[int], first: int, last: int) -> str:
    """text[matches[first] .. matches[last - 1]], escaped, marked words in <mark>."""
    parts, position = [], matches[first].start()
    for i in range(first, last):
        m = matches[i]
        parts.append(escape(text[position : m.start()]))
        word = escape(m.group())
        parts.append(f"<mark>{word}</mark>" if i in marked else word)
        position = m.end()
    return "".join(parts)


def _hits(matches, wanted: set[str], language: str) -> list[int]:
    # One call into the stemmer for all words: per word, Python's overhead
    # was most of a result page's time (bench/RESULTS.md, section 10).
    words = stemmer(language).stemWords([m.group().lower() for m in matches])
    return [i for i, word in enumerate(words) if word in wanted]


def snippet(text: str, wanted: set[str], language: str) -> str:
    """An escaped excerpt of `text` around its first matching words, marked.

    The window starts a few words before the first match; matching words are
    wrapped in <mark>, everything else is escaped.
    """
    matches = list(WORD.finditer(text))
    if not matches:
        return ""
    hits = _hits(matches, wanted, language)
    first = max(0, hits[0] - 5) if hits else 0
    last = min(len(matches), first + SNIPPET_WORDS)
    # From the text's start, or to its end, when the window reaches them.
    before = escape(text[: matches[0].start()]) if first == 0 else "… "
    end = matches[last - 1].end()
    after = escape(text[end:]) if last == len(matches) else " …"
    body = _marked(text, matches, set(hits), first, last)
    return (before + body + after).replace("\n", " ")


def highlight(text: str, wanted: set[str], language: str) -> str:
    """All of a short text (a headline), escaped, matching words marked."""
    matches = list(WORD.finditer(text))
    if not matches:
        return escape(text)
    body = _marked(
        text, matches, set(_hits(matches, wanted, language)), 0, len(matches)
    )
    return escape(text[: matches[0].start()]) + body + escape(text[matches[-1].end() :])
