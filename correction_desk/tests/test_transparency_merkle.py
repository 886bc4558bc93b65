"""The log's tree and signatures against the standards' own examples."""

import pytest

from correction_desk.transparency import merkle
from correction_desk.transparency.signed_note import (
    BadKey,
    BadNote,
    Signer,
    checkpoint_text,
    open_note,
    parse_checkpoint,
)

# The test tree of RFC 6962's reference implementation (certificate-transparency,
# merkle_tree_test): its leaves and the root hash of each of its first 8 sizes.
LEAVES = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657",
          "606162636465666768696a6b6c6d6e6f"]  # fmt: skip
ROOTS = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]


def tree(leaves: list[bytes]):
    """A log of these records, stored as the database stores it."""
    stored: dict[int, bytes] = {}

    def read(indexes):
        return [stored[index] for index in indexes]

    for n, data in enumerate(leaves):
        hashes = merkle.stored_hashes(n, merkle.record_hash(data), read)
        for offset, value in enumerate(hashes):
            stored[merkle.stored_hash_index(0, n) + offset] = value
    assert len(stored) == merkle.stored_hash_count(len(leaves))
    return read


def test_root_hashes_are_rfc_6962s():
    read = tree([bytes.fromhex(leaf) for leaf in LEAVES])
    assert [merkle.tree_hash(n, read).hex() for n in range(1, 9)] == ROOTS


def test_every_record_is_proven_in_every_tree_that_holds_it_and_no_other():
    leaves = [f"record {n}".encode() for n in range(21)]
    read = tree(leaves)
    for size in range(1, 22):
        root = merkle.tree_hash(size, read)
        for n in range(size):
            proof = merkle.prove_record(size, n, read)
            merkle.check_record(proof, size, root, n, merkle.record_hash(leaves[n]))
            with pytest.raises(merkle.ProofFailed):  # another record's text
                merkle.check_record(
                    proof, size, root, n, merkle.record_hash(b"stealth edit")
                )
            if proof:
                forged = [bytes(32), *proof[1:]]
                with pytest.raises(merkle.ProofFailed):
                    merkle.check_record(
                        forged, size, root, n, merkle.record_hash(leaves[n])
                    )


def test_a_larger_tree_is_proven_to_continue_every_smaller_one():
    leaves = [f"record {n}".encode() for n in range(21)]
    read = tree(leaves)
    for size in range(1, 22):
        root = merkle.tree_hash(size, read)
        for older in range(1, size + 1):
            old = merkle.tree_hash(older, read)
            proof = merkle.prove_tree(size, older, read)
            merkle.check_tree(proof, size, root, older, old)
    # A log that rewrote its record 3 does not continue the old one.
    rewritten = tree([*leaves[:3], b"rewritten", *leaves[4:]])
    old = merkle.tree_hash(5, read)
    with pytest.raises(merkle.ProofFailed):
        merkle.check_tree(
            merkle.prove_tree(21, 5, rewritten),
            21,
            merkle.tree_hash(21, rewritten),
            5,
            old,
        )


def test_out_of_range_proofs_are_refused():
    read = tree([b"a", b"b"])
    with pytest.raises(ValueError):
        merkle.prove_record(2, 2, read)
    with pytest.raises(ValueError):
        merkle.prove_tree(2, 3, read)
    with pytest.raises(merkle.ProofFailed):
        merkle.check_record([], 2, bytes(32), 5, bytes(32))


def test_a_checkpoint_is_signed_as_gos_signed_notes_are():
    signer = Signer.generate("example.org/log")
    text = checkpoint_text("example.org/log", 3, bytes(range(32)))
    note = signer.sign(text)
    assert note.startswith(
        "example.org/log\n3\nAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\n\n"
    )
    assert note.splitlines()[-1].startswith("— example.org/log ")
    assert open_note(note, signer.verifier_text()) == text
    assert parse_checkpoint(text) == ("example.org/log", 3, bytes(range(32)))
    # The key written out and read back signs the same.
    assert Signer.parse(signer.private_text()).verifier_text() == signer.verifier_text()


def test_a_note_changed_or_signed_by_another_key_does_not_open():
    signer, other = (
        Signer.generate("example.org/log"),
        Signer.generate("example.org/log"),
    )
    note = signer.sign(checkpoint_text("example.org/log", 3, bytes(32)))
    with pytest.raises(BadNote):
        open_note(note.replace("\n3\n", "\n4\n"), signer.verifier_text())
    with pytest.raises(BadNote):
        open_note(note, other.verifier_text())
    with pytest.raises(BadKey):
        Signer.parse("PRIVATE+KEY+name+00000000+AAAA")
    with pytest.raises(BadKey):
        Signer.generate("two words")
