"""Stable document ids for web inputs, so fetching or reading the same page twice gives
the same id (the store then updates instead of duplicating)."""

from __future__ import annotations

import hashlib
import re

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
# 16 hex digits = 64 bits: among a million pages the chance of any collision is about
# n²/2^65 ≈ 3 in 100 million (48 bits would make it 1 in 560).
HASH_DIGITS = 16


def url_id(url: str) -> str:
    """"web-<host>-<hash of the URL>": readable in a listing, unique per URL."""
    host = url.split("://", 1)[-1].split("/", 1)[0].split("@")[-1].split(":")[0].lower()
    digest = hashlib.sha1(url.encode("utf-8", "surrogatepass")).hexdigest()[:HASH_DIGITS]
    return f"web-{_UNSAFE.sub('-', host)[:60]}-{digest}"
