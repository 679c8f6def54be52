"""Near-duplicate detection: a release syndicated on several sites is stored once.

The same press release reappears on partner sites, portals and aggregators with a different
header, footer or a trimmed paragraph; storing each copy would count one agreement several
times. A MinHash signature (datasketch) of the article's shingles estimates Jaccard
similarity, and an LSH index finds candidates in sub-linear time; a candidate is a duplicate
when the estimated similarity reaches the threshold.

Signatures are plain bytes (`SIGNATURE_SCHEME` names how they were made) so the store can
persist them: `ingest.StoreLSH` keeps them and their LSH bands in SQLite using `signature`,
`similarity`, `THRESHOLD` and `NUM_PERM` from here; `NearDupIndex` is the in-memory index
for batches that have no store (and `insert()` rebuilds it from persisted signatures).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

import numpy as np

# Measured on the 23 dev articles (bench/bench_sources.py --dev): a copy with a portal's own
# header and footer and its first and last paragraphs dropped scores J 0.51–0.97 (mean 0.76)
# against the original; two different articles score at most 0.04 (253 pairs). Shingle
# sizes 3–6 gave the same picture; 5 tokens (words in English, characters in Chinese) keeps
# releases that share stock phrases apart.
SHINGLE = 5
# 128 permutations: the standard error of the Jaccard estimate is at most 1/sqrt(128) ≈ 0.09.
NUM_PERM = 128
# Under the lowest copy (0.51) by more than the estimate's error near there (≈ 0.04), and
# ten times the highest pair of different articles (0.04).
THRESHOLD = 0.45
# LSH banding: 32 bands of 4 rows. A pair becomes a candidate with probability
# 1-(1-J^4)^32: 0.74 at J = 0.45, 0.87 at 0.5, 0.99 at 0.6, 0.05 at 0.2. datasketch's own choice
# for this threshold (25 x 5, equal weights) finds only 0.55 of the pairs at J = 0.5. In
# bench/bench_sources.py 97 of 101 trimmed copies score over the threshold: these bands catch
# 95, datasketch's 92; an extra candidate costs one 512-byte comparison.
LSH_BANDS, LSH_ROWS = 32, 4
SEED = 1
# datasketch's 32-bit permutation scheme (2.x default), named explicitly: values persisted
# under one scheme must never be compared with another's. A signature is 512 bytes.
SCHEME = "affine32"
SIGNATURE_SCHEME = f"minhash-{SCHEME}-seed{SEED}-perm{NUM_PERM}-shingle{SHINGLE}"

_TOKEN = re.compile(r"[^\W_]+|[\u3400-\u9fff]", re.UNICODE)
_HAN = re.compile(r"[\u3400-\u9fff]")


def _tokens(text: str) -> list[str]:
    """Words, with each Chinese character its own token (Chinese has no spaces)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    tokens: list[str] = []
    for word in _TOKEN.findall(folded):
        if _HAN.search(word):
            tokens.extend(word)  # a run of Han characters (with digits) becomes characters
        else:
            tokens.append(word)
    return tokens


def shingles(text: str) -> set[bytes]:
    """The set of SHINGLE-token windows of `text` (the whole text when it is shorter)."""
    tokens = _tokens(text)
    if len(tokens) <= SHINGLE:
        return {" ".join(tokens).encode("utf-8")} if tokens else set()
    return {" ".join(tokens[i:i + SHINGLE]).encode("utf-8") for i in range(len(tokens) - SHINGLE + 1)}


def band_hashes(sig: bytes) -> list[int]:
    """The LSH keys of a signature: each band of LSH_ROWS values hashed to a signed 64-bit
    integer (blake2b personalised by the band's number), as the store's index keeps them."""
    width, out = LSH_ROWS * 4, []
    for band in range(LSH_BANDS):
        digest = hashlib.blake2b(sig[band * width:(band + 1) * width], digest_size=8,
                                 person=band.to_bytes(2, "little")).digest()
        out.append(int.from_bytes(digest, "little", signed=True))
    return out


def signature(text: str) -> bytes | None:
    """The MinHash signature of `text` as bytes (None when the text has no words)."""
    from datasketch import MinHash

    grams = shingles(text)
    if not grams:
        return None
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    minhash.update_batch(list(grams))
    return minhash.hashvalues.astype("<u4").tobytes()


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures: the share of equal hash values."""
    return float(np.mean(_values(a) == _values(b)))


def _values(sig: bytes) -> np.ndarray:
    if len(sig) != NUM_PERM * 4:
        raise ValueError(f"not a {SIGNATURE_SCHEME} signature ({len(sig)} bytes)")
    return np.frombuffer(sig, dtype="<u4")


class NearDupIndex:
    """Documents seen so far, searchable by near-duplicate text.

    `add(doc_id, text)` returns the id of a near-duplicate already in the index (and does
    not add the new one: the store attaches its source to the first copy), or None after
    adding it. `insert(doc_id, signature)` loads a persisted signature unconditionally.
    """

    def __init__(self, threshold: float = THRESHOLD) -> None:
        from datasketch import MinHashLSH

        if not 0.0 < threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")
        self.threshold = threshold
        self._lsh = MinHashLSH(num_perm=NUM_PERM, params=(LSH_BANDS, LSH_ROWS))
        self._signatures: dict[str, bytes] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._signatures

    def signature_of(self, doc_id: str) -> bytes | None:
        """The stored signature of a document (for persisting), None if not indexed."""
        return self._signatures.get(doc_id)

    def find(self, text: str) -> str | None:
        """The indexed document most similar to `text` at or above the threshold, if any."""
        sig = signature(text)
        return self.find_signature(sig) if sig is not None else None

    def find_signature(self, sig: bytes, *, exclude: str | None = None) -> str | None:
        """`find` for a precomputed signature; `exclude` ignores one id (the document itself)."""
        from datasketch import MinHash

        values = _values(sig)
        probe = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashvalues=values)
        scored = []
        for candidate in self._lsh.query(probe):
            if candidate != exclude:
                score = float(np.mean(_values(self._signatures[candidate]) == values))
                if score >= self.threshold:
                    scored.append((-score, candidate))
        # the most similar copy; among equals the smallest id, so the answer is stable
        return min(scored)[1] if scored else None

    def insert(self, doc_id: str, sig: bytes) -> None:
        """Add a signature without looking for duplicates (rebuilding from the store)."""
        from datasketch import MinHash

        if doc_id in self._signatures:
            return
        self._lsh.insert(doc_id, MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashvalues=_values(sig)))
        self._signatures[doc_id] = sig

    def add_signature(self, doc_id: str, sig: bytes) -> str | None:
        """`add` for a precomputed signature."""
        duplicate = self.find_signature(sig, exclude=doc_id)
        if duplicate is None:
            self.insert(doc_id, sig)
        return duplicate

    def add(self, doc_id: str, text: str) -> str | None:
        """The id of a near-duplicate already seen, or None (and `doc_id` is now indexed)."""
        sig = signature(text)
        if sig is None:
            return None
        return self.add_signature(doc_id, sig)

    @classmethod
    def from_signatures(cls, items: Iterable[tuple[str, bytes]], threshold: float = THRESHOLD) -> NearDupIndex:
        """An index rebuilt from persisted (doc_id, signature) pairs."""
        index = cls(threshold)
        for doc_id, sig in items:
            index.insert(doc_id, sig)
        return index

