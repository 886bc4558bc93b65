"""Signed notes (C2SP signed-note) with Ed25519 keys, and the log's checkpoint
text (C2SP tlog-checkpoint): the format Go's checksum database and Sigstore
sign their logs in, so that their tools check ours.

Keys are written as Go writes them (golang.org/x/mod/sumdb/note):
`PRIVATE+KEY+<name>+<hash>+<base64(0x01 ‖ seed)>` for the signer, and
`<name>+<hash>+<base64(0x01 ‖ public key)>` for verifiers, where <hash> is the
first four bytes of SHA-256(name ‖ "\\n" ‖ 0x01 ‖ public key), in hex.
"""

import base64
import hashlib
import re
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

ED25519 = b"\x01"
# A key's name: no white space and no "+" (Go's isValidName).
NAME = re.compile(r"[^\s+]+")
SIGNATURE_LINE = re.compile(r"— (?P<name>[^\s+]+) (?P<signature>[A-Za-z0-9+/=]+)\n")


class BadKey(ValueError):
    """A key that is not in Go's note format, or whose hash does not match."""


class BadNote(ValueError):
    """A note that is malformed or not signed by the key asked for."""


def _key_hash(name: str, public: bytes) -> bytes:
    return hashlib.sha256(name.encode() + b"\n" + ED25519 + public).digest()[:4]


def _raw_public(private: Ed25519PrivateKey) -> bytes:
    return private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


@dataclass(frozen=True)
class Signer:
    name: str
    private: Ed25519PrivateKey

    @classmethod
    def generate(cls, name: str) -> "Signer":
        if not NAME.fullmatch(name):
            raise BadKey("a key's name has no spaces and no '+'")
        return cls(name, Ed25519PrivateKey.generate())

    @classmethod
    def parse(cls, text: str) -> "Signer":
        parts = text.strip().split("+", 4)  # base64 may hold "+" too
        if len(parts) != 5 or parts[:2] != ["PRIVATE", "KEY"]:
            raise BadKey("not a signer key (PRIVATE+KEY+name+hash+key)")
        _, _, name, hash_hex, key64 = parts
        try:
            key = base64.b64decode(key64, validate=True)
        except ValueError:
            raise BadKey("the key is not base64") from None
        if not NAME.fullmatch(name) or len(key) != 33 or key[:1] != ED25519:
            raise BadKey("not an Ed25519 signer key")
        signer = cls(name, Ed25519PrivateKey.from_private_bytes(key[1:]))
        if _key_hash(name, _raw_public(signer.private)).hex() != hash_hex:
            raise BadKey("the key's hash does not match its key")
        return signer

    @property
    def key_hash(self) -> bytes:
        return _key_hash(self.name, _raw_public(self.private))

    def private_text(self) -> str:
        seed = self.private.private_bytes_raw()
        encoded = base64.b64encode(ED25519 + seed).decode()
        return f"PRIVATE+KEY+{self.name}+{self.key_hash.hex()}+{encoded}"

    def verifier_text(self) -> str:
        encoded = base64.b64encode(ED25519 + _raw_public(self.private)).decode()
        return f"{self.name}+{self.key_hash.hex()}+{encoded}"

    def sign(self, text: str) -> str:
        """The note: `text` (ending in a newline), a blank line, the signature."""
        if not text.endswith("\n"):
            raise BadNote("a note's text ends with a newline")
        signature = self.private.sign(text.encode())
        encoded = base64.b64encode(self.key_hash + signature).decode()
        return f"{text}\n— {self.name} {encoded}\n"


def open_note(note: str, verifier: str) -> str:
    """The text of a note signed by `verifier` (a verifier key); BadNote if not."""
    try:
        name, hash_hex, key64 = verifier.strip().split("+", 2)
        key = base64.b64decode(key64, validate=True)
    except ValueError:
        raise BadKey("not a verifier key (name+hash+key)") from None
    if (
        len(key) != 33
        or key[:1] != ED25519
        or _key_hash(name, key[1:]).hex() != hash_hex
    ):
        raise BadKey("not an Ed25519 verifier key")
    text, separator, signatures = note.rpartition("\n\n")
    if not separator:
        raise BadNote("a note has a blank line before its signatures")
    for match in SIGNATURE_LINE.finditer(signatures):
        raw = base64.b64decode(match["signature"])
        if match["name"] != name or raw[:4].hex() != hash_hex:
            continue
        try:
            Ed25519PublicKey.from_public_bytes(key[1:]).verify(
                raw[4:], (text + "\n").encode()
            )
        except InvalidSignature:
            raise BadNote("the signature does not match the text") from None
        return text + "\n"
    raise BadNote("the note carries no signature by this key")


def checkpoint_text(origin: str, size: int, root: bytes) -> str:
    """A checkpoint's body (C2SP tlog-checkpoint): origin, size, root hash."""
    return f"{origin}\n{size}\n{base64.b64encode(root).decode()}\n"


def parse_checkpoint(text: str) -> tuple[str, int, bytes]:
    lines = text.split("\n")
    if len(lines) < 4 or not lines[1].isascii() or not lines[1].isdecimal():
        raise BadNote("not a checkpoint")
    root = base64.b64decode(lines[2])
    if len(root) != 32:
        raise BadNote("a checkpoint's root hash has 32 bytes")
    return lines[0], int(lines[1]), root
