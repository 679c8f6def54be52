"""Hypothesis strategies for hostile input files, one per input format, each drawing the
bytes of a whole file (with its suffix): text, HTML, WARC, RSS/Atom feeds and JSON Lines.

They mix what real articles are made of (so the rules fire) with what the hostile-input run
of issue 12 threw: every encoding and BOM, bytes that decode to nothing, charsets that are no
text encoding, lone surrogates, entity bombs, deep nesting, huge integers, impossible dates,
WARC headers that lie about lengths, truncation and gzip in the wrong places. Shared by
`tests/test_hostile_properties.py` (CI, a few hundred inputs) and `bench/fuzz_inputs.py` (the
long run). Everything is written here; names are invented.
"""

from __future__ import annotations

import gzip
import json
import zlib

from hypothesis import strategies as st

# -- text ---------------------------------------------------------------------------------
PIECES = [
    "Orvel University", "Brantic Group Co., Ltd.", " and ", " signed ", "a strategic cooperation agreement",
    " with ", "(OU)", " visited ", "President ", "Mira Tolland", "Mr. ", "Dr. Prof. ", ", ", ". ", "\n", "\n\n",
    "On March 3, 2024", " 2024-02-30", "Monday, ", "Release Time: 2024-01-26 Source:", "University of ",
    "兰山大学", "与", "博瑞集团", "签署", "战略合作协议", "校长", "陶明", "、", "。", "2024年3月3日", "一行来访",
    "Joint Laboratory", "联合实验室", "揭牌", "\"", "(", ")", "《", "》", "'s", "-", "\t", "\r\n",
    "\u00a0", "\u3000", "\ufeff", "\u200b", "\u202e", "\ufffd", "\U0001f600", "e\u0301", "\u0130", "\u017f",
]
UNITS = ["March 3, 2024, ", "Mr. ", "Orvel ", ", ", "与", "2024年3月3日", "(", "<p>", "\n"]

text_body = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=80).map("".join),
    st.text(max_size=400),
    st.builds(lambda u, n: u * n, st.sampled_from(UNITS), st.integers(1, 400)),
)
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gb18030", "big5", "latin-1",
             "cp1252", "shift_jis", "utf-32"]


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


text_bytes = st.one_of(
    st.builds(_encode, text_body, st.sampled_from(ENCODINGS)),
    st.binary(max_size=600),
    st.builds(lambda t, junk: t.encode("utf-8") + junk, text_body, st.binary(max_size=40)),
    st.builds(lambda t: b"\x00".join(t.encode("utf-8")[i:i + 3] for i in range(0, len(t.encode("utf-8")), 3)),
              text_body),
)

# -- HTML ---------------------------------------------------------------------------------
CHARSETS = ["utf-8", "gbk", "gb2312", "big5", "iso-8859-1", "rot13", "base64", "hex", "zlib", "undefined",
            "unicode_escape", "raw_unicode_escape", "utf-7", "idna", "punycode", "x-no-such", "", "utf-16",
            "utf-32", "bz2", "uu", "quopri", "mbcs", "utf-8-sig", "latin-1\x00"]
MARKUP = [
    "<p>", "</p>", "<div>", "</div>", "<span>", "<br>", "<h1>", "</h1>", "<a href='/x'>", "</a>",
    "<script>var a='<p>';</script>", "<style>p{}</style>", "<!-- c -->", "<![CDATA[x]]>", "<table><tr><td>",
    "&amp;", "&#21512;&#20316;", "&#xd800;", "&#0;", "&#x110000;", "&nbsp;", "&unknown;", "<p class='a b'>",
    "<article>", "</article>", "<nav>menu</nav>", "<footer>(c) 2024</footer>", "<time datetime='2024-02-30'>",
    "<meta property='og:url' content='javascript:alert(1)'>", "<link rel='canonical' href='http://[::1'>",
    "<time datetime='9999-99-99'>", "<title>", "</title>", "\x00", "<", ">", "<p", "=\"",
]
DOCTYPES = [
    "", "<!DOCTYPE html>",
    '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
    '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
]


def _page(doctype: str, charset: str, parts: list[str], nest: int) -> str:
    head = f"<html><head><meta charset=\"{charset}\"><title>Orvel news</title></head><body>"
    return doctype + head + "<div>" * nest + "".join(parts) + "</div>" * nest + "</body></html>"


html_text = st.builds(
    _page, st.sampled_from(DOCTYPES), st.sampled_from(CHARSETS),
    st.lists(st.one_of(st.sampled_from(MARKUP), st.sampled_from(PIECES)), max_size=80),
    st.one_of(st.just(0), st.integers(0, 3000)),
)
html_bytes = st.one_of(
    st.builds(_encode, html_text, st.sampled_from(ENCODINGS)),
    st.builds(lambda h, junk: h.encode("utf-8") + junk, html_text, st.binary(max_size=40)),
    st.binary(max_size=400),
)

# -- WARC ---------------------------------------------------------------------------------
LENGTHS = st.one_of(st.just(None), st.sampled_from(["-1", "0", "abc", "99999999999999999999", "2147483648",
                                                    " 12", "1e3", ""]), st.integers(0, 2000).map(str))


def _record(rec_type: str, url: str, http_head: bytes, body: bytes, length: str | None,
            extra: list[str]) -> bytes:
    block = http_head + body
    declared = str(len(block)) if length is None else length
    headers = [f"WARC-Type: {rec_type}", f"WARC-Target-URI: {url}", "WARC-Record-ID: <urn:uuid:1>",
               "WARC-Date: 2024-03-03T00:00:00Z", "Content-Type: application/http; msgtype=response",
               f"Content-Length: {declared}", *extra]
    return ("WARC/1.0\r\n" + "\r\n".join(headers) + "\r\n\r\n").encode("utf-8", "replace") + block + b"\r\n\r\n"


HTTP_HEADS = st.sampled_from([
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n",
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=rot13\r\n\r\n",
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=gbk\r\n\r\n",
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n",
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n",
    b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n",
    b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n",
    b"HTTP/1.1 200\r\n\r\n",
    b"garbage\r\n\r\n",
    b"",
])


def _body(html: bytes, gzipped: bool) -> bytes:
    return gzip.compress(html) if gzipped else html


warc_record = st.builds(
    _record, st.sampled_from(["response", "request", "metadata", "resource", "revisit", "x"]),
    st.sampled_from(["http://orvel.example/news/1", "", "http://[::1", "javascript:x", "http://a.example/\u00e9"]),
    HTTP_HEADS, st.builds(_body, html_bytes, st.booleans()), LENGTHS,
    st.lists(st.sampled_from(["WARC-Truncated: length", "X: " + "y" * 100, "Content-Length: 5"]), max_size=2),
)


def _warc(records: list[bytes], compress: str, cut: int | None, tail: bytes) -> bytes:
    if compress == "member":
        data = b"".join(gzip.compress(r) for r in records)
    elif compress == "whole":
        data = gzip.compress(b"".join(records))
    elif compress == "bomb":
        c = zlib.compressobj(9, zlib.DEFLATED, 31)
        data = c.compress(b"".join(records) + b"\0" * (8 << 20)) + c.flush()
    else:
        data = b"".join(records)
    if cut is not None:
        data = data[: cut % (len(data) + 1)]
    return data + tail


warc_bytes = st.builds(
    _warc, st.lists(warc_record, min_size=0, max_size=4),
    st.sampled_from(["none", "member", "whole", "bomb"]),
    st.one_of(st.none(), st.integers(0, 10_000)), st.sampled_from([b"", b"\r\n", b"garbage", b"\x1f\x8b\x08"]),
)

# -- RSS / Atom ---------------------------------------------------------------------------
DATES = ["Tue, 12 Mar 2024 08:00:00 GMT", "Fri, 30 Feb 2024 08:00:00 GMT", "2024-02-30T00:00:00Z", "garbage",
         "", "Mon, 99 Foo 99999 99:99:99 ZZZ", "0000-00-00"]
LINKS = ["http://orvel.example/a", "http://[::1", "javascript:alert(1)", "", "file:///etc/passwd",
         "http://127.0.0.1:9/x", "//orvel.example/b", "http://a.example:99999/"]


def _feed(kind: str, doctype: str, encoding: str, items: list[tuple[str, str, str, str]]) -> bytes:
    if kind == "atom":
        body = "".join(f"<entry><title>{t}</title><link href=\"{lk}\"/><updated>{d}</updated>"
                       f"<content type=\"html\">{c}</content></entry>" for t, lk, d, c in items)
        xml = f'<feed xmlns="http://www.w3.org/2005/Atom"><title>Orvel</title>{body}</feed>'
    else:
        body = "".join(f"<item><title>{t}</title><link>{lk}</link><pubDate>{d}</pubDate>"
                       f"<description>{c}</description></item>" for t, lk, d, c in items)
        xml = f'<rss version="2.0"><channel><title>Orvel</title>{body}</channel></rss>'
    return (f'<?xml version="1.0" encoding="{encoding}"?>' + doctype + xml).encode("utf-8", "surrogatepass")


def _escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;")


feed_item = st.tuples(text_body.map(_escape), st.sampled_from(LINKS), st.sampled_from(DATES),
                      st.one_of(text_body.map(_escape), st.sampled_from(["<![CDATA[<p>Orvel</p>]]>", "&#xd800;",
                                                                           "&a;", "&#0;"])))
feed_bytes = st.one_of(
    st.builds(_feed, st.sampled_from(["rss", "atom"]), st.sampled_from(DOCTYPES),
              st.sampled_from(["utf-8", "rot13", "gbk", "utf-16", "x-none"]), st.lists(feed_item, max_size=5)),
    st.binary(max_size=300),
)

# -- JSON Lines ---------------------------------------------------------------------------
ODD_VALUES = [None, 0, -1, 1.5, True, [], {}, [1, 2], {"a": 1}, "", " ", "\ufffd"]
json_scalar = st.one_of(st.sampled_from(ODD_VALUES), text_body, st.integers(), st.floats(allow_nan=True))


def _line(fields: dict, raw: str | None) -> bytes:
    if raw is not None:
        return raw.encode("utf-8", "surrogatepass")
    return json.dumps(fields, ensure_ascii=True).encode()


RAW_LINES = st.sampled_from([
    '{"text": "Orvel \\ud800 University signed with Brantic Group."}',
    '{"text": "x", "n": ' + "9" * 5000 + "}",
    '{"text": "x", "deep": ' + "[" * 5000 + "]" * 5000 + "}",
    '{"text": "x", "deep": ' + "[" * 100_000 + "]" * 100_000 + "}",
    '{"text": "x", "n": 1e999}', '{"text": NaN}', '{"text": "x"', "[1, 2]", '"just a string"', "\ufeff{}",
    '{"html": "<html><head><meta charset=\\"rot13\\"></head><body><p>Orvel</p></body></html>"}',
    '{"text": "Orvel University signed with Brantic Group.", "published": "2024-02-30"}',
    '{"text": "Orvel University signed with Brantic Group.", "published": 20240303}',
    '{"text": "Orvel University signed with Brantic Group.", "id": ["a"], "url": 5, "lang": "xx"}',
])
jsonl_line = st.one_of(
    st.builds(_line, st.fixed_dictionaries(
        {"text": st.one_of(text_body, json_scalar)},
        optional={"id": json_scalar, "url": st.one_of(st.sampled_from(LINKS), json_scalar),
                  "published": st.one_of(st.sampled_from(DATES), json_scalar),
                  "html": st.one_of(html_text, json_scalar), "title": json_scalar, "lang": json_scalar}),
        st.none()),
    st.builds(_line, st.just({}), RAW_LINES),
    st.binary(max_size=80),
)
jsonl_bytes = st.builds(lambda lines, sep: sep.join(lines), st.lists(jsonl_line, max_size=6),
                        st.sampled_from([b"\n", b"\r\n", b"\n\n"]))

# format -> (file suffix, strategy of the file's bytes)
FORMATS = {
    "text": (".txt", text_bytes),
    "html": (".html", html_bytes),
    "warc": (".warc", warc_bytes),
    "warc.gz": (".warc.gz", warc_bytes),
    "feed": (".rss", feed_bytes),
    "jsonl": (".jsonl", jsonl_bytes),
}


def run_file(path, backend, store) -> tuple[int, int]:
    """`path` through what `extract` and `ingest` do: read, prepare, extract, serialise, store.
    Raises on anything a user would see as a crash; returns (documents, failures)."""
    from partnergraph.ingest import ingest_extractions
    from partnergraph.runner import extract_all

    stored, failures = [], 0
    for result in extract_all([path], backend, relevance=False):
        if result.failure is not None:
            failures += 1
            assert str(path) in result.failure.source, result.failure
            assert result.failure.reason.strip()
            continue
        ex = result.extraction
        ex.model_dump_json().encode("utf-8")  # what extract prints
        for item in [*ex.organizations, *ex.people, *ex.events]:
            for span in item.evidence:
                assert 0 <= span.start <= span.end <= len(ex.text)
        stored.append((ex, result.raw.source if result.raw else None))
    report = ingest_extractions(store, stored, resolve=False)
    assert not report.failures, report.failures
    return len(stored), failures
