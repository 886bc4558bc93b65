"""A transparency log of every public version and every note event.

An append-only Merkle tree as RFC 6962/9162 define it (`merkle`), whose records
name a public text and its SHA-256 (`leaves`), signed in checkpoints in the
format of Go's checksum database (`signed_note`), published with proofs
(`views`), and each public text reachable by date (`memento`, RFC 7089).
"""
