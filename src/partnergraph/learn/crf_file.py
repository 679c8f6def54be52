"""The feature strings a CRFsuite model file holds weights for, read from the file.

CRFsuite looks every feature string it is given up in the model's attribute table and skips
the ones it does not hold (seen too rarely in training, or set to zero by the L1 penalty: seven
in ten of the Chinese character bigrams). Handing it only the strings it holds gives the same
state scores, added in the same order, so the same labels, and saves their conversion and
look-up. The layout read is CRFsuite 0.12's "lCRF"/"FOMC" model (crf1d_model.c): a header of
offsets, then the attributes in a CQDB string table whose id-to-record array gives each id's
string. A file not laid out so gives None, and every string goes to CRFsuite as before.
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import NamedTuple

_HEADER = struct.Struct("<4sI4s9I")
_CQDB = struct.Struct("<4s5I")
_RECORD = struct.Struct("<2I")


class _Header(NamedTuple):
    labels: int
    attrs: int
    at_features: int
    at_labels: int
    at_attrs: int


def _header(buf: bytes) -> _Header | None:
    """The counts and offsets in a CRFsuite 0.12 model's header, or None for another kind of file."""
    magic, _size, kind, _version, _features, labels, attrs, at_features, at_labels, at_attrs, _, _ = \
        _HEADER.unpack_from(buf, 0)
    if magic != b"lCRF" or kind != b"FOMC":
        return None
    return _Header(labels, attrs, at_features, at_labels, at_attrs)


def model_attributes(path: Path) -> frozenset[bytes] | None:
    """The attribute strings of the CRFsuite model at `path`, or None if it cannot be read so."""
    try:
        buf = path.read_bytes()
        head = _header(buf)
        return None if head is None else frozenset(_ordered(buf, head.at_attrs, head.attrs))
    except (OSError, struct.error, ValueError):
        return None


def _ordered(buf: bytes, base: int, count: int) -> list[bytes]:
    """The `count` strings of the CQDB table at `base` (each record: id, size with its NUL, bytes)."""
    chunk, _size, _flag, _order, stored, offset = _CQDB.unpack_from(buf, base)
    if chunk != b"CQDB" or stored != count:
        raise ValueError("no attribute table")
    out = []
    for i, (at,) in enumerate(struct.iter_unpack("<I", buf[base + offset:base + offset + 4 * count])):
        rid, size = _RECORD.unpack_from(buf, base + at)
        if rid != i or size < 1:
            raise ValueError("a damaged attribute")
        start = base + at + _RECORD.size
        out.append(buf[start:start + size - 1])
    return out


_FEATURE_CHUNK = struct.Struct("<4s2I")
_FEATURE = [("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")]  # 20 bytes, packed


class CrfWeights:
    """A CRFsuite model's weights read from its file, for tagging without CRFsuite.

    `labels` in the file's order; `attribute_ids` each attribute string's id; `state` one row
    per attribute id and one last row of zeros (`missing`, the id of a string the model does
    not hold) with a weight per label; `transitions[i, j]` from label i to label j. The state
    features (type 0: attribute -> label) and transitions (type 1: label -> label) are the
    file's FEAT chunk of 20-byte records (crf1d_model.c), the weights the doubles CRFsuite adds.
    """

    def __init__(self, labels: list[str], attribute_ids: dict[bytes, int], state, transitions) -> None:
        self.labels, self.attribute_ids = labels, attribute_ids
        self.state, self.transitions = state, transitions
        self.missing = len(attribute_ids)


def model_weights(path: Path) -> CrfWeights | None:
    """The weights of the CRFsuite model at `path`, or None if it cannot be read so."""
    import numpy as np

    try:
        buf = path.read_bytes()
        head = _header(buf)
        if head is None:
            return None
        n_labels, n_attrs, at_features, at_labels, at_attrs = head
        chunk, _chunk_size, count = _FEATURE_CHUNK.unpack_from(buf, at_features)
        if chunk != b"FEAT":  # (the header's feature count is left 0 by CRFsuite; the chunk's is right)
            raise ValueError("no feature table")
        start = at_features + _FEATURE_CHUNK.size
        recs = np.frombuffer(buf, dtype=np.dtype(_FEATURE), count=count, offset=start)
        attrs = _ordered(buf, at_attrs, n_attrs)
        labels = [s.decode("utf-8") for s in _ordered(buf, at_labels, n_labels)]
    except (OSError, struct.error, ValueError, UnicodeDecodeError):
        return None
    kinds, src, dst, weight = recs["type"], recs["src"].astype(np.intp), recs["dst"].astype(np.intp), recs["weight"]
    st, tr = kinds == 0, kinds == 1
    if not (st | tr).all() or (dst >= n_labels).any() or (src[st] >= n_attrs).any() or (src[tr] >= n_labels).any():
        return None
    state = np.zeros((n_attrs + 1, n_labels))
    state[src[st], dst[st]] = weight[st]
    transitions = np.zeros((n_labels, n_labels))
    transitions[src[tr], dst[tr]] = weight[tr]
    return CrfWeights(labels, {a: i for i, a in enumerate(attrs)}, state, transitions)
