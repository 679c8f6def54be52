"""Places in an actor's slot, proposed as Chinese organization candidates.

A place the text makes an actor (it signs, cooperates, visits, is listed with the parties)
stands for its government, under the name the text uses (corpus/CONVENTIONS.md, point 1):
渭南市与西安交通大学签署, 湖北与葡萄牙开展合作, 海淀区、房山区和某公司共同…. The rules
never name a place an organization; here a place name (a province, a country, a city of
zh_places.txt, or a name ending in 市/省/县/区/州/盟) is proposed when a separator, a party
connective or 赴 (a visit's host) opens it and a party connective (与, 和, 、, 等) or an actor's
verb (签署, 合作, 考察…) follows it,
as a `government` candidate of stage "place". The organizations model keeps or drops it (its
features see the stage, the name's ending and the words around it) and the pairs model
pairs it: no rule decides.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

from partnergraph.documents.traditional import to_simplified
from partnergraph.extraction.rules.chinese.lexicon import lexicon
from partnergraph.models import Document, Organization, Span

_MAX_PLACES = 20  # place candidates per document
# a place opens a phrase: the text's start, a separator, or a party connective before it
_OPEN = "\\s赴，,。；;：:、与和同及“”\"‘’（(《》【】"
# a connective or an actor's verb after it
_SLOT = ("与|和|同|及|、|等|签|合作|来访|考察|访问|携手|联合|共建|共同|开展|达成|建立|结为|缔结|"
         "代表团|一行|政府代表团|双方")
# characters no place name in a slot opens or holds before its suffix: connectives, verbs, references
_FUNCTION = "与和同及在是并将对向从由为着了的我该本各两全每其这那个一签署把被让使"
# endings of a kind of area, not of a place's name (科技园区, 经济特区, 宜兴地区, 智慧城市)
_NOT_PLACE_TAIL = ("园区", "特区", "地区", "城市", "辖市", "行区", "范区", "自治区")
# a name that is a reference, not a place (我市, 该市, 城市, 全省)
_NOT_PLACE_LEAD = set("我本该各两全每城省市区县")


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    text = (files("partnergraph") / "data" / "zh_actor_places.txt").read_text(encoding="utf-8")
    words = {w for line in text.splitlines() if not line.startswith("#") for w in line.split()}
    known = sorted(words | set(lexicon().places), key=len, reverse=True)
    alt = "|".join(map(re.escape, known))
    # a known place, maybe with a unit of it (广东省中山市, 中国昆明市), or a name ending in a
    # place suffix (渭南市, 沁县); bounded repetitions, so linear on any text
    han = f"(?:(?![{_FUNCTION}])[\u4e00-\u9fff])"  # not a connective or function word (与古田县, 是儋州市)
    name = (f"(?:{alt})(?:省|市)?(?:{han}{{1,4}}[市县区州盟])?"
            f"|{han}{{1,4}}[市省县区州盟]")
    return re.compile(f"(?<![^{_OPEN}])(?:{name})(?={_SLOT})")


def place_candidates(doc: Document, orgs: list[Organization], taken) -> list[Organization]:
    """Government candidates for the places standing in an actor's slot in the body that no
    organization names already (`taken`: the organizations' mention ranges, a `names.Taken`);
    a place whose government `orgs` holds becomes its alias there (`orgs` is updated in place)."""
    text = doc.text
    v = to_simplified(text)
    body = sorted((s.start, s.end) for s in doc.body) or [(0, len(text))]
    known = {n for o in orgs for n in [o.name, *o.aliases]}
    found: dict[str, list[tuple[int, int]]] = {}
    for b0, b1 in body:
        for m in _pattern().finditer(v, b0, b1):
            s, e = m.span()
            name = text[s:e]
            if e - s < 2 or name[0] in _NOT_PLACE_LEAD or name.endswith(_NOT_PLACE_TAIL) and len(name) <= 4 or name in known or taken.overlaps(s, e):
                continue
            if name not in found and len(found) >= _MAX_PLACES:
                continue
            found.setdefault(name, []).append((s, e))
    out = []
    for name, spans in found.items():
        # the place of a government the article names (澳门 of 澳门特区政府, 马鞍山市 of
        # 安徽省马鞍山市人民政府) is that government: its mentions are aliases, no candidate
        owner = next((k for k, o in enumerate(orgs) if o.name.endswith("政府") and name in o.name), None)
        if owner is not None:
            o = orgs[owner]
            orgs[owner] = o.model_copy(update={
                "aliases": o.aliases + [name],
                "evidence": o.evidence + [Span(start=s, end=e, field="alias") for s, e in spans]})
            continue
        out.append(Organization(name=name, kind="government",
                                evidence=[Span(start=s, end=e, field="name") for s, e in spans],
                                confidence=0.5, stage="place"))
    return out
