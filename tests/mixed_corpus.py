"""A small corpus of every input format, with damaged inputs, written by us (invented names).

Shared by the bytes-reader tests and the Spark tests, which compare what a folder of these
gives through `extract` (files) and through byte-level readers (Spark's executors)."""

from __future__ import annotations

import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

EN = ("Northvale University and Brightmoor Robotics Ltd. signed a memorandum of understanding "
      "on joint research in marine sensors in Portsmouth on {d} March 2023. "
      "Dr. Alice Verran, president of Northvale University, said the partnership would train students.")
ZH = "2023年4月{d}日，青川大学与远望科技有限公司在成都签署战略合作协议，双方将在人工智能领域开展合作。"
PAGE = ("<html><head><title>News {n}</title></head><body><nav>Home | News</nav><article>"
        "<h1>Eastfield Institute and Lumen Grid Corp. sign agreement {n}</h1>"
        "<p>Eastfield Institute and Lumen Grid Corp. signed a cooperation agreement on battery research "
        "number {n} in Leeds on {n} May 2022, the two organizations announced.</p>"
        "<p>The partnership covers three years of joint work.</p></article></body></html>")
OFF_TOPIC = "<html><body><article><p>The weather in Leeds was mild all week.</p></article></body></html>"


def _warc(records: list[tuple[str, str, bytes]], gz: bool = True) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "test"}))
    for rec_type, uri, body in records:
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1") \
            if rec_type == "response" else None
        writer.write_record(writer.create_warc_record(uri, rec_type, payload=io.BytesIO(body), http_headers=http))
    return buf.getvalue()


def write_corpus(root: Path, copies: int = 1) -> Path:
    """Write the corpus under `root` (`copies` times over, in numbered subfolders) and return it."""
    for c in range(copies):
        d = root / f"part{c:03d}"
        (d / "en").mkdir(parents=True, exist_ok=True)
        (d / "zh").mkdir(parents=True, exist_ok=True)
        for i in range(1, 4):
            (d / "en" / f"{i:03d}.txt").write_text(EN.format(d=i + c % 20), encoding="utf-8")
            (d / "zh" / f"{i:03d}.txt").write_text(ZH.format(d=i + c % 20), encoding="utf-8")
        (d / "en" / "page.html").write_text(PAGE.format(n=c + 1), encoding="utf-8")
        records = []
        for i in range(3):
            records.append(("request", f"https://news.example/{c}/{i}", b"GET / HTTP/1.1\r\n\r\n"))
            records.append(("response", f"https://news.example/{c}/{i}", PAGE.format(n=i + 10).encode()))
        records.append(("response", f"https://news.example/{c}/weather", OFF_TOPIC.encode()))
        (d / "crawl.warc.gz").write_bytes(_warc(records))
        lines = [json.dumps({"id": f"j{c}-{i}", "text": EN.format(d=i + 5), "published": f"2023-0{i + 1}-0{i + 1}"})
                 for i in range(3)]
        lines.insert(1, "{not json")
        (d / "pages.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        feed = ("<?xml version='1.0'?><rss version='2.0'><channel><title>F</title>"
                f"<item><title>Agreement</title><link>https://feed.example/{c}/1</link>"
                "<pubDate>Mon, 06 Mar 2023 10:00:00 GMT</pubDate>"
                f"<description>{EN.format(d=6)}</description></item></channel></rss>")
        (d / "news.rss").write_text(feed, encoding="utf-8")
        # damaged inputs: a WARC cut in the middle, a binary "text", an empty page
        whole = _warc([(t, u.replace("news.example", "cut.example"), b) for t, u, b in records[:4]])
        (d / "broken.warc.gz").write_bytes(whole[: len(whole) * 2 // 3])
        (d / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
        (d / "empty.html").write_bytes(b"")
        (d / "notes.pdf").write_bytes(b"%PDF-1.4")
    return root
