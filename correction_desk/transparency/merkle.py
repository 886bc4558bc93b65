"""The log's Merkle tree: RFC 6962 (and RFC 9162) hashes and proofs, over
hashes stored in the order Go's checksum database stores them.

A port of golang.org/x/mod/sumdb/tlog (BSD-style licence, the Go Authors), so
that what Go's own `tlog.CheckRecord` and `tlog.CheckTree` accept is what this
module proves: CI checks that with Go (tests/transparency/verify). Each new
record stores its leaf hash and the hashes of the subtrees it completes, about
two per record; a tree hash or a proof then needs at most 2·log₂ n of them,
read in one query (`read` below is given the indexes, sorted).

Indexes count from 0; a tree of size n holds the records 0 … n-1.
"""

import hashlib
from collections.abc import Callable, Sequence

Hash = bytes
HashReader = Callable[[list[int]], list[Hash]]
EMPTY_TREE = hashlib.sha256(b"").digest()  # RFC 9162 2.1.1: MTH({}) = SHA-256()


class ProofFailed(ValueError):
    """A proof that does not prove what it claims."""


def record_hash(data: bytes) -> Hash:
    """SHA-256(0x00 || data): a leaf (RFC 6962, 2.1)."""
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left: Hash, right: Hash) -> Hash:
    """SHA-256(0x01 || left || right): an interior node."""
    return hashlib.sha256(b"\x01" + left + right).digest()


def _maxpow2(n: int) -> tuple[int, int]:
    """The largest power of two smaller than n, and its log₂."""
    level = 0
    while 1 << (level + 1) < n:
        level += 1
    return 1 << level, level


def stored_hash_index(level: int, n: int) -> int:
    """Where the hash of the n-th subtree of 2^level records is stored."""
    for _ in range(level):
        n = 2 * n + 1
    index = 0
    while n > 0:
        index += n
        n >>= 1
    return index + level


def _trailing_ones(n: int) -> int:
    count = 0
    while n & 1:
        count += 1
        n >>= 1
    return count


def stored_hash_count(n: int) -> int:
    """How many hashes a tree of n records has stored."""
    if n == 0:
        return 0
    return stored_hash_index(0, n - 1) + 1 + _trailing_ones(n - 1)


def stored_hashes(n: int, leaf: Hash, read: HashReader) -> list[Hash]:
    """The hashes to store, from `stored_hash_index(0, n)` on, when record n
    with leaf hash `leaf` is appended: it and the subtrees it completes."""
    completed = _trailing_ones(n)
    indexes = [stored_hash_index(i, (n >> i) - 1) for i in range(completed)][::-1]
    old = read(indexes) if indexes else []
    hashes, current = [leaf], leaf
    for i in range(completed):
        current = node_hash(old[completed - 1 - i], current)
        hashes.append(current)
    return hashes


def _subtree_index(lo: int, hi: int, need: list[int]) -> list[int]:
    while lo < hi:
        k, level = _maxpow2(hi - lo + 1)
        need.append(stored_hash_index(level, lo >> level))
        lo += k
    return need


def _subtree_hash(lo: int, hi: int, hashes: Sequence[Hash]):
    count = 0
    while lo < hi:
        k, _ = _maxpow2(hi - lo + 1)
        count += 1
        lo += k
    current = hashes[count - 1]
    for i in range(count - 2, -1, -1):
        current = node_hash(hashes[i], current)
    return current, hashes[count:]


def tree_hash(n: int, read: HashReader) -> Hash:
    """The root hash of the tree of the first n records."""
    if n == 0:
        return EMPTY_TREE
    current, rest = _subtree_hash(0, n, read(_subtree_index(0, n, [])))
    assert not rest
    return current


def _leaf_proof_index(lo: int, hi: int, n: int, need: list[int]) -> list[int]:
    if lo + 1 == hi:
        return need
    k, _ = _maxpow2(hi - lo)
    if n < lo + k:
        _leaf_proof_index(lo, lo + k, n, need)
        _subtree_index(lo + k, hi, need)
    else:
        _subtree_index(lo, lo + k, need)
        _leaf_proof_index(lo + k, hi, n, need)
    return need


def _leaf_proof(lo: int, hi: int, n: int, hashes: Sequence[Hash]):
    if lo + 1 == hi:
        return [], hashes
    k, _ = _maxpow2(hi - lo)
    if n < lo + k:
        proof, hashes = _leaf_proof(lo, lo + k, n, hashes)
        other, hashes = _subtree_hash(lo + k, hi, hashes)
    else:
        other, hashes = _subtree_hash(lo, lo + k, hashes)
        proof, hashes = _leaf_proof(lo + k, hi, n, hashes)
    return [*proof, other], hashes


def prove_record(size: int, n: int, read: HashReader) -> list[Hash]:
    """The audit path (RFC 6962, 2.1.1) of record n in the tree of `size`."""
    if not 0 <= n < size:
        raise ValueError("the record is not in a tree of that size")
    indexes = _leaf_proof_index(0, size, n, [])
    if not indexes:
        return []
    proof, rest = _leaf_proof(0, size, n, read(indexes))
    assert not rest
    return proof


def check_record(proof: Sequence[Hash], size: int, root: Hash, n: int, leaf: Hash):
    """Raise ProofFailed unless `proof` shows leaf n of the tree (size, root)."""
    if not 0 <= n < size or _run_record_proof(list(proof), 0, size, n, leaf) != root:
        raise ProofFailed("the inclusion proof does not lead to the root hash")


def _run_record_proof(proof, lo, hi, n, leaf) -> Hash:
    if lo + 1 == hi:
        if proof:
            raise ProofFailed("the inclusion proof is too long")
        return leaf
    if not proof:
        raise ProofFailed("the inclusion proof is too short")
    k, _ = _maxpow2(hi - lo)
    if n < lo + k:
        return node_hash(_run_record_proof(proof[:-1], lo, lo + k, n, leaf), proof[-1])
    return node_hash(proof[-1], _run_record_proof(proof[:-1], lo + k, hi, n, leaf))


def _tree_proof_index(lo: int, hi: int, n: int, need: list[int]) -> list[int]:
    if n == hi:
        return need if lo == 0 else _subtree_index(lo, hi, need)
    k, _ = _maxpow2(hi - lo)
    if n <= lo + k:
        _tree_proof_index(lo, lo + k, n, need)
        _subtree_index(lo + k, hi, need)
    else:
        _subtree_index(lo, lo + k, need)
        _tree_proof_index(lo + k, hi, n, need)
    return need


def _tree_proof(lo: int, hi: int, n: int, hashes: Sequence[Hash]):
    if n == hi:
        if lo == 0:
            return [], hashes
        current, hashes = _subtree_hash(lo, hi, hashes)
        return [current], hashes
    k, _ = _maxpow2(hi - lo)
    if n <= lo + k:
        proof, hashes = _tree_proof(lo, lo + k, n, hashes)
        other, hashes = _subtree_hash(lo + k, hi, hashes)
    else:
        other, hashes = _subtree_hash(lo, lo + k, hashes)
        proof, hashes = _tree_proof(lo + k, hi, n, hashes)
    return [*proof, other], hashes


def prove_tree(size: int, older: int, read: HashReader) -> list[Hash]:
    """The consistency proof (RFC 6962, 2.1.2) that the tree of `size` holds
    the tree of `older` records as its beginning."""
    if not 1 <= older <= size:
        raise ValueError("the older tree must be smaller and not empty")
    indexes = _tree_proof_index(0, size, older, [])
    if not indexes:
        return []
    proof, rest = _tree_proof(0, size, older, read(indexes))
    assert not rest
    return proof


def check_tree(proof: Sequence[Hash], size: int, root: Hash, older: int, old: Hash):
    """Raise ProofFailed unless `proof` shows that the tree (older, old) is
    the beginning of the tree (size, root)."""
    if not 1 <= older <= size:
        raise ProofFailed("the older tree must be smaller and not empty")
    old2, root2 = _run_tree_proof(list(proof), 0, size, older, old)
    if (old2, root2) != (old, root):
        raise ProofFailed("the consistency proof does not lead to both root hashes")


def _run_tree_proof(proof, lo, hi, n, old) -> tuple[Hash, Hash]:
    if n == hi:
        if lo == 0:
            if proof:
                raise ProofFailed("the consistency proof is too long")
            return old, old
        if len(proof) != 1:
            raise ProofFailed("the consistency proof has the wrong length")
        return proof[0], proof[0]
    if not proof:
        raise ProofFailed("the consistency proof is too short")
    k, _ = _maxpow2(hi - lo)
    if n <= lo + k:
        old_hash, new_hash = _run_tree_proof(proof[:-1], lo, lo + k, n, old)
        return old_hash, node_hash(new_hash, proof[-1])
    old_hash, new_hash = _run_tree_proof(proof[:-1], lo + k, hi, n, old)
    return node_hash(proof[-1], old_hash), node_hash(proof[-1], new_hash)
