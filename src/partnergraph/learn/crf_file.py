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

_HEADER = struct.Struct("<4sI4s9I")
_CQDB = struct.Struct("<4s5I")
_RECORD = struct.Struct("<2I")


def model_attributes(path: Path) -> frozenset[bytes] | None:
    """The attribute strings of the CRFsuite model at `path`, or None if it cannot be read so."""
    try:
        buf = path.read_bytes()
        magic, _size, kind, _version, _features, _labels, count, _at_features, _at_labels, at_attrs, _, _ = \
            _HEADER.unpack_from(buf, 0)
        if magic != b"lCRF" or kind != b"FOMC":
            return None
        return _strings(buf, at_attrs, count)
    except (OSError, struct.error, ValueError):
        return None


def _strings(buf: bytes, base: int, count: int) -> frozenset[bytes]:
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
    return frozenset(out)
