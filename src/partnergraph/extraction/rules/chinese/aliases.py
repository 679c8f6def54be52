"""How a Chinese article shortens an organization's name, so short forms join the full one.

A legal or "group" ending dropped (大全集团 / 大全集团有限公司), a legal part inside dropped
(中国电信江苏分公司 / 中国电信股份有限公司江苏分公司), a place or a parent dropped (东吴大学 /
台湾东吴大学, 海尔集团 / 青岛海尔集团, 冀唐学院 / 华北理工大学冀唐学院), a level character
dropped (张家口第一医院 / 张家口市第一医院), a contraction (中国科大 / 中国科学技术大学), a
numbered institute's short name (十院 / 中国航天科工十院) and 中国 for 中华人民共和国.
"""

from __future__ import annotations

from partnergraph.extraction.rules.chinese.lexicon import kind_of, lexicon

LEGAL = ("股份有限公司", "有限责任公司", "有限公司", "公司", "集团有限公司", "集团", "股份", "总行",
         "总部", "控股")
# places that open a name without being part of how the article shortens it
PLACES = ("中国", "台湾", "香港", "澳门", "国家", "中华", "全国", "国立", "私立", "省立", "市立",
          "美国", "英国", "日本", "韩国",
          "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江",
          "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州",
          "云南", "陕西", "甘肃", "青海", "内蒙古", "广西", "西藏", "宁夏", "新疆")
_PLACE_END = set("省市区县州旗镇乡")
_LEGAL_ENDS = LEGAL + ("科技有限公司", "技术有限公司")


def norm(key: str) -> str:
    for suffix in ("股份有限公司", "有限责任公司", "有限公司"):
        if key.endswith(suffix) and len(key) > len(suffix) + 1:
            return key[: -len(suffix)]
    return key


def is_place(s: str) -> bool:
    return s in PLACES or (len(s) >= 2 and s[-1] in _PLACE_END) or s.startswith(PLACES) and any(
        s.startswith(p) and (s[len(p):] == "" or s[len(p):][-1] in _PLACE_END) for p in PLACES)


def short_forms(full: str) -> set[str]:
    """The forms `short_of` can accept for `full`, except contractions."""
    forms = {full[i:] for i in range(1, len(full) - 2)}
    if full[-1] == "院" and full[-2] in "一二三四五六七八九十":
        forms.add(full[-2:])  # 十院 / 中国航天科工十院
    if full.endswith(_LEGAL_ENDS):  # most names have none: one test for all
        for rest in _LEGAL_ENDS:
            if full.endswith(rest) and len(full) > len(rest):
                core = full[: -len(rest)]
                forms.add(core)
                if core.startswith(PLACES):
                    for p in PLACES:
                        if core.startswith(p):
                            forms.add(core[len(p):])
    if not _PLACE_END.isdisjoint(full):
        for i, ch in enumerate(full):
            if ch in _PLACE_END:
                forms.add(full[:i] + full[i + 1:])
    inner = inner_legal(full)
    if inner:
        forms.add(inner)
    for t in _TRADES:  # 青川海川科技集团股份有限公司 → 海川集团, 青川海川集团
        j = full.find(t + "集团")
        for c in (0, 2):
            if 2 <= j - c <= 6:
                forms.add(full[c:j] + "集团")
    if full.startswith("中华人民共和国"):
        forms.add("中国" + full[7:])  # 中国政府 / 中华人民共和国政府
    return forms


def inner_legal(full: str) -> str | None:
    """`full` less a legal ending inside it: 中国电信股份有限公司江苏分公司 → 中国电信江苏分公司."""
    for legal in ("股份有限公司", "有限责任公司", "集团有限公司", "有限公司"):
        k = full.find(legal, 2)
        if 0 < k and k + len(legal) < len(full) - 1:
            return full[:k] + full[k + len(legal):]
    return None


def _long_suffixes(lex) -> tuple[str, ...]:
    """The head words of more than one character, for one `str.endswith` call."""
    global _LONG_SUFFIXES
    if _LONG_SUFFIXES is None or _LONG_SUFFIXES[0] is not lex:
        _LONG_SUFFIXES = (lex, tuple(s for s in lex.suffix_kind if len(s) > 1))
    return _LONG_SUFFIXES[1]


_LONG_SUFFIXES = None


# words a school's field drops in its short form (…大学物理与电子科学学院 / …大学物理与电子学院)
_FIELD_WORDS = ("科学与技术", "科学", "技术", "工程", "科技")
_SCHOOL_PARENTS = ("大学", "学院")


def _field_word_dropped(short: str, full: str) -> bool:
    """True when `short` is a university's school `full` with a field word left out, the
    university named in both."""
    for w in _FIELD_WORDS:
        if len(full) - len(short) != len(w):
            continue
        k = full.find(w, 4)
        while 0 < k <= len(full) - len(w) - 2:
            if full[:k] + full[k + len(w):] == short and any(p in full[:k] for p in _SCHOOL_PARENTS):
                return True
            k = full.find(w, k + 1)
    return False


# words between a company's brand and 集团 that its short form drops (海川科技集团 / 海川集团)
_TRADES = ("科技", "控股", "实业", "投资", "发展", "建设", "产业", "能源", "股份")


def _group_of_brand(short: str, full: str) -> bool:
    """青川海川科技集团股份有限公司 / 海川集团: the brand (after at most a two-character city)
    and 集团, a trade word between them dropped."""
    if not short.endswith("集团") or len(short) < 4:
        return False
    brand = short[:-2]
    k = full.find(brand, 0, 2 + len(brand))
    if k < 0:
        return False
    rest = full[k + len(brand):]
    return any(rest.startswith(t + "集团") for t in _TRADES)


def _university_contracted(short: str, full: str) -> bool:
    """北岭理工大学 / 北理工: a university named by characters of its name before 大学, the
    first and the last of them kept."""
    if not full.endswith("大学") or len(short) < 3 or short.endswith(("大", "学")):
        return False
    core = full[:-2]
    if len(core) <= len(short) or short[0] != core[0] or short[-1] != core[-1]:
        return False
    it = iter(core)
    return all(ch in it for ch in short)


def short_of(short: str, full: str) -> bool:
    """True when `short` is how the article shortens `full`."""
    if short == full or len(short) < 2 or len(short) >= len(full):
        return False
    lex = lexicon()
    if full.startswith(short):
        rest = full[len(short):]
        return rest in LEGAL or rest in ("有限公司", "科技有限公司", "技术有限公司")
    if full.endswith(short):
        head = full[: -len(short)]
        if len(short) < 3:
            return len(short) == 2 and short[1] == "院" and short[0] in "一二三四五六七八九十"
        if len(head) == 2 and len(short) >= 4 and kind_of(short) == "company":
            return True  # 海尔集团 / 青岛海尔集团: a city without its 市
        if head.endswith(")") and "(" in head:
            head = head[:head.rindex("(")]  # 北京天坛医院(张家口)脑科中心 / 脑科中心
        return is_place(head) or head.endswith(_long_suffixes(lex))
    if short == inner_legal(full) or (full.startswith("中华人民共和国") and short == "中国" + full[7:]):
        return True
    # a level character dropped: 张家口第一医院 / 张家口市第一医院
    for i, ch in enumerate(full):
        if ch in _PLACE_END and full[:i] + full[i + 1:] == short:
            return True
    if _field_word_dropped(short, full):
        return True
    if full.endswith("人民政府") and short == full[:-4] + "政府" and len(short) >= 4:
        return True  # 青川市政府 / 青川市人民政府
    if _group_of_brand(short, full) or _university_contracted(short, full):
        return True
    # contraction: same first character, the rest a subsequence ending in a shortened head
    # word (中国科大 / 中国科学技术大学), never a full head word of its own (浙江大学)
    if len(short) >= 3 and short[0] == full[0] and short[-1] in full[-2:] \
            and short[-2:] != full[-2:]:
        it = iter(full)
        return all(ch in it for ch in short)
    # core after a place prefix: 立新检测 / 浙江立新检测技术有限公司
    for p in PLACES:
        if full.startswith(p) and len(short) >= 3 and full[len(p):].startswith(short):
            rest = full[len(p) + len(short):]
            return rest in LEGAL or rest.endswith(("有限公司", "集团")) and len(rest) <= 8
    return False
