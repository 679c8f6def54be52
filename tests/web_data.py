"""A small knowledge base for the web tests: three articles we wrote (English and Chinese,
read by the rule backend) and one hostile article whose text, title, URL and names carry
markup and script, stored as a hand-made extraction."""

from __future__ import annotations

import json
from pathlib import Path

from partnergraph.ingest import ingest, ingest_extractions
from partnergraph.models import Event, Extraction, Organization, Person, Provenance, Span
from partnergraph.store import open_store

ARTICLES = [
    {"id": "en-alpha", "url": "https://news.example.org/alpha-beta", "published": "2024-05-06",
     "text": "Alpha University and Beta Group Sign Agreement\n\nMay 6, 2024\n\nOn May 3, 2024, Alpha "
             "University (AU) and Beta Group signed a strategic cooperation agreement on robotics in "
             "Riverton. President Li Wei of Alpha University attended the ceremony.\n"},
    {"id": "en-gamma", "url": "https://news.example.org/gamma-beta", "published": "2024-06-10",
     "text": "Gamma Institute and Beta Group Sign Agreement\n\nOn June 9, 2024, Gamma Institute and "
             "Beta Group signed a cooperation agreement on batteries.\n"},
    {"id": "zh-east", "url": "https://news.example.cn/east", "published": "2024-05-20",
     "text": "东湖大学与华星电子集团签署战略合作协议\n\n2024年5月18日,东湖大学与华星电子集团有限公司在武汉签署"
             "战略合作协议,双方将在人工智能领域开展合作。东湖大学校长王建国出席签约仪式。\n"},
]

EVIL_A = "<script>window.__xss=1</script> Corp"
EVIL_B = '<img src=x onerror="window.__xss=2"> Lab'
EVIL_PERSON = '<b onmouseover="window.__xss=5">Mallory</b>'
EVIL_TEXT = (f"{EVIL_A} and {EVIL_B} signed an agreement. {EVIL_PERSON}, Director of {EVIL_A}, "
             "spoke. Read more: javascript:window.__xss=3 <a href=\"javascript:window.__xss=6\">here</a>")
EVIL_TITLE = "<script>window.__xss=4</script> Title"
EVIL_URL = "javascript:window.__xss=3"


def _span(text: str, part: str, field: str, nth: int = 0) -> Span:
    at = -1
    for _ in range(nth + 1):
        at = text.index(part, at + 1)
    return Span(start=at, end=at + len(part), field=field)


def hostile_extraction() -> Extraction:
    t = EVIL_TEXT
    return Extraction(
        id="evil", url=EVIL_URL, title=EVIL_TITLE, lang="en", published="2024-07-01", text=t,
        provenance=Provenance(backend="test", version="0"),
        organizations=[Organization(name=EVIL_A, kind="company", evidence=[_span(t, EVIL_A, "name")]),
                       Organization(name=EVIL_B, kind="research", evidence=[_span(t, EVIL_B, "name")])],
        people=[Person(name=EVIL_PERSON, title="Director", org=EVIL_A,
                       evidence=[_span(t, EVIL_PERSON, "name"), _span(t, "Director", "title")])],
        events=[Event(type="agreement", date="2024-06-30", parties=[EVIL_A, EVIL_B],
                      evidence=[_span(t, EVIL_A, "party"), _span(t, EVIL_B, "party"),
                                _span(t, "signed", "trigger")])],
    )


def build(folder: Path, *, hostile: bool = True) -> Path:
    """The knowledge base file, resolved."""
    folder.mkdir(parents=True, exist_ok=True)
    src = folder / "articles.jsonl"
    src.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    db = folder / "web.db"
    with open_store(db) as store:
        report = ingest([src], store, workers=1)
        assert report.added == len(ARTICLES), report
        if hostile:
            ingest_extractions(store, [hostile_extraction()])
    return db
