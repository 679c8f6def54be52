"""A tiny annotated corpus written for the learned-layer tests: invented organizations and people."""

from __future__ import annotations

import json
from pathlib import Path

_EN = [
    ("Harlow University and Stennis Institute of Technology signed a memorandum of understanding on "
     "research cooperation on 3 May 2024 in Harlow.",
     [("Harlow University", "university"), ("Stennis Institute of Technology", "university")],
     [("agreement", "2024-05-03", ["Harlow University", "Stennis Institute of Technology"])]),
    ("A delegation from Corvane Group visited Lindell University on March 12, 2024. The two sides "
     "discussed joint training of engineers.",
     [("Corvane Group", "company"), ("Lindell University", "university")],
     [("visit", "2024-03-12", ["Corvane Group", "Lindell University"])]),
    ("Brightwater Bank reported higher profits this quarter. Analysts at Osgood Research Institute "
     "said demand was strong.",
     [("Brightwater Bank", "company"), ("Osgood Research Institute", "research")], []),
    ("Marlow University and Peyton Chemical Corporation launched the Marlow-Peyton Joint Laboratory "
     "for Catalysis on June 2, 2023.",
     [("Marlow University", "university"), ("Peyton Chemical Corporation", "company"),
      ("Marlow-Peyton Joint Laboratory for Catalysis", "research")],
     [("joint_entity", "2023-06-02", ["Marlow University", "Peyton Chemical Corporation"])]),
    ("Tessaly University will sign an agreement with Runcorn Medical University next year, officials said.",
     [("Tessaly University", "university"), ("Runcorn Medical University", "university")], []),
    ("Fenwick Polytechnic University and Ashgrove Energy Group signed a strategic cooperation agreement "
     "on January 9, 2022.",
     [("Fenwick Polytechnic University", "university"), ("Ashgrove Energy Group", "company")],
     [("agreement", "2022-01-09", ["Fenwick Polytechnic University", "Ashgrove Energy Group"])]),
]
_ZH = [
    ("2024年5月3日，江岭大学与海川集团签署战略合作协议。",
     [("江岭大学", "university"), ("海川集团", "company")],
     [("agreement", "2024-05-03", ["江岭大学", "海川集团"])]),
    ("2023年4月8日，云溪科技大学代表团访问了北湖大学。",
     [("云溪科技大学", "university"), ("北湖大学", "university")],
     [("visit", "2023-04-08", ["云溪科技大学", "北湖大学"])]),
    ("青石银行发布了年度报告，利润增长。",
     [("青石银行", "company")], []),
    ("2022年9月1日，南岭大学与东港集团签订合作协议。",
     [("南岭大学", "university"), ("东港集团", "company")],
     [("agreement", "2022-09-01", ["南岭大学", "东港集团"])]),
]


def write_corpus(folder: Path) -> list[Path]:
    """Gold files of the tiny corpus, one per article; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for lang, items in (("en", _EN), ("zh", _ZH)):
        for k, (text, orgs, events) in enumerate(items):
            gold = {
                "id": f"{lang}-{k:03d}", "lang": lang, "text": text, "published": None,
                "organizations": [{"name": n, "aliases": [], "kind": kind} for n, kind in orgs],
                "people": [],
                "events": [{"type": t, "date": d, "parties": p} for t, d, p in events],
            }
            path = folder / f"{gold['id']}.json"
            path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
            out.append(path)
    return out
