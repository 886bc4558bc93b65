"""What one record of the log says, as the line that is hashed.

    <kind> <url> <number> <time> <value>\\n

`kind` is version, note-published, note-amended, note-withdrawn, removed or
restored; `url` the content's (or the note's) public address; `number` the
version (for a note, its step: 1 published, then one per change); `time` UTC,
RFC 3339; `value` "sha256:" and the hex SHA-256 of the text as published, or
for removed and restored "reason:" and why. A URL holds no space, so the line
splits on spaces. The log holds hashes, never texts: a text that leaves the
public leaves nothing readable behind.

The text hashed is normalised (`canonical_text`): Unicode NFC, every run of
white space one space, none at either end, so that a text copied from a page
and pasted into the check gives the same hash as the one logged.
"""

import hashlib
import unicodedata
from datetime import UTC, datetime


def canonical_text(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def text_sha256(text: str) -> str:
    return hashlib.sha256(canonical_text(text).encode()).hexdigest()


def record_line(kind: str, url: str, number: int, at: datetime, value: str) -> str:
    if " " in url or "\n" in url or " " in value:
        raise ValueError("a record's fields hold no spaces")
    moment = at.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"{kind} {url} {number} {moment} {value}\n"


def parse_record_line(line: str) -> dict:
    kind, url, number, moment, value = line.rstrip("\n").split(" ")
    label, _, rest = value.partition(":")
    return {
        "kind": kind,
        "url": url,
        "number": int(number),
        "at": moment,
        label: rest,
    }
