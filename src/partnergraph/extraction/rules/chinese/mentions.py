"""Organization mentions in Chinese text, found by their head words.

A Chinese name ends with a head word (大学, 集团, 人民政府, 实验室…, `zh_org_suffixes.tsv`);
the hard part is where it starts. Going left from the head word, a name stops at anything
that is not a Chinese character, at a date, at a post (a title ends the previous phrase), and
at the words that stand before names in the genre (与, 在, 代表, 来到…, `zh_stops.txt`).
Head words that follow each other closely chain into one name (华北理工大学冀唐学院,
邮储银行江苏省分行), unless a stop word or a post lies between them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from partnergraph.extraction.rules.chinese.lexicon import HAN, lexicon
from partnergraph.extraction.rules.chinese.view import ZhText, dates_between

# a run of Chinese characters, through short parenthesized parts inside a name
# (陕西鼓风机(集团)有限公司, 北京天坛医院(张家口)脑科中心; not an alias note, 简称…),
# an ordinal number (第38研究所) or a short Latin token (5G产业联盟), after a Latin brand
# that opens a name (TCL科技集团, IBM中国研究院)
NAME_RUN = re.compile(rf"(?:(?<![A-Za-z0-9])[A-Z][A-Za-z0-9&]{{1,11}})?[{HAN}]+"
                      rf"(?:(?:\((?!简称|以下|下称)[{HAN}]{{1,8}}\)|(?<=第)[0-9]{{1,3}}"
                      rf"|[0-9]{{0,2}}[A-Za-z][A-Za-z0-9]{{0,3}})[{HAN}]+)*")
# a name is rarely longer: 上海交大教育服务产业投资管理集团 has 16 characters; the dev and
# unlabeled articles have none over 22
MAX_NAME = 24
# two head words this close chain into one name (邮储银行江苏省分行: 3; 信阳农林学院产学研合作联盟: 5)
MAX_CHAIN_GAP = 7
# a government's department chains further (…人民政府国有资产监督管理委员会: 8)
MAX_GOV_CHAIN_GAP = 12
# and a university's school (…大学计算机科学与技术学院: 8)
MAX_SCHOOL_CHAIN_GAP = 10
# a party-committee head word is an organization after a place (自治区党委, 区委), a post
# prefix elsewhere (大学党委书记)
_PARTY_HEADS = ("党委", "党组", "工委", "党工委")
_PLACE_CHAR = set("省市区县州旗盟")
# a department's or an office's head word: a name's end only after a government's head word
# (相山区委组织部, 国务院港澳事务办公室) or a place (南充市双拥办), not after a university's or
# a company's (北岭大学宣传部, 综合办公室: a unit of a body, where the gold puts its people)
DEPARTMENT_HEADS = frozenset(("组织部", "宣传部", "社会工作部", "办公室", "农办", "外办", "侨办", "台办",
                              "港澳办", "金融办", "扶贫办", "合作交流办", "双拥办"))
# 和/与/及 inside a department's or a school's name (文化和旅游厅, 人力资源和社会保障局,
# 物理与微电子科学学院, 中国石油和化学工业联合会) is part of the name when the part before it
# is short and has no head word, and the part after it opens with no place
_DEPT_KINDS = ("局", "厅", "委员会", "部", "委", "办公室", "办", "学院", "系", "研究所", "研究院",
               "实验室", "联盟", "中心", "协会", "学会", "联合会", "研究会", "专业", "司")
_INNER_CONJ = re.compile(r"[与和及]")


def _dept_head(word: str) -> bool:
    """A head word a department's or a school's name ends with; 司 of a ministry's department,
    not of 公司 (星辰和远湖科技公司: a brand and a company, no company's two fields)."""
    return word.endswith(_DEPT_KINDS) and not word.endswith("公司")


# adverbs that put 与/和 after them as a preposition (已与, 将与, 也和): never a field's last character
_ADVERBS = set("已将曾还也均并亦正则就便再又都")
MAX_INNER_LEFT = 6
# 和 joins a department's fields after the place (镇江市人力资源和社会保障局: 7 before 和)
MAX_INNER_LEFT_HE = 10


# what may not follow a head word for it to end a name (局面, 局势; 政府奖学金, 政府采购)
_NOT_AFTER = {"司": ("机", "法", "令", "仪", "马", "空"), "局": ("面", "势"), "政府": ("奖学金", "采购", "补贴", "债"), "中心": ("城区",),
              "厂": ("房", "区", "长", "家", "商"), "股份": ("制", "合作", "比例")}
# the same, as a pattern where a list will not do: 大学 is a word's start in 大学生 (not 大学生物
# …学院, a school's field), 大学城 (a place), 学术 (具有强大学术优势)
_NOT_AFTER_RE = {"大学": re.compile(r"城|术|生(?![物命态化源殖产])")}


@dataclass(frozen=True)
class Cand:
    start: int
    end: int
    key: str  # the simplified form, used for matching

    @property
    def generic(self) -> bool:
        return is_generic(self.key)


_REGIONS = ("中国", "全国", "国家", "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林",
            "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东",
            "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "内蒙古", "广西", "西藏", "宁夏",
            "新疆", "台湾", "香港", "澳门", "长三角", "珠三角", "京津冀", "粤港澳")
# a head word after one of these is a generic reference: 市政府, 校医院, 该集团, 两家医院
_GENERIC_LEAD = set("省市区县镇乡校我本该贵各两全分总原家")


# a kind of body, no one of them: all those of a place (全市银行, 全县各学校, 全区党委; not 全国:
# 全国工商联), those of a level (乡镇卫生院, 省级港口集团, 各级医院) or around (周边城市工商联).
# Train zh: six such candidates, none a gold organization
_WHOLE_PLACE = ("全市", "全省", "全县", "全区", "全镇", "全乡", "乡镇", "各级", "省级", "市级", "县级",
                "区级", "基层", "周边")

# a numbered institute's short name (十院 of 中国航天科工十院)
_NUMBERED = re.compile(r"[一二三四五六七八九十]院")
# bodies counted, no one of them named: 两大港口集团, 三家银行, 首批国家一级博物馆, 首个研究分院,
# 首间应用科学大学. Train zh: seven such candidates, none a gold name (no gold name holds a
# count and a measure word)
_COUNTED = re.compile(r"(?:[一二两三四五六七八九十几数多首]|[0-9]+)[家个批间大]|[两几数多]所")


@lru_cache(maxsize=65536)
def is_generic(key: str) -> bool:
    """A reference with no proper name (GUIDELINES.md: 我校, 市政府, 省委, the company)."""
    lex = lexicon()
    if key in lex.self_named or _NUMBERED.fullmatch(key):
        return False  # 教育部, 十院: names on their own
    if key in lex.generic or key in lex.suffix_kind:
        return True
    if key[0] in "我本该各两其此这某" or key.startswith(("贵校", "贵院", "贵公司")):
        return True
    if "某" in key or key.startswith(_WHOLE_PLACE) or _COUNTED.search(key):
        return True  # 驻汕空军某部 (a unit the text will not name), 全市银行 (every bank of the city)
    if key.startswith(("学校", "公司", "集团", "医院")) and (key[2:] in lex.suffix_kind or key[2:] in lex.generic):
        return True  # 学校实验室, 公司研发中心: a unit of the body referred to, no name
    for d in lex.descriptors:
        if key.endswith(d):
            head = key[: -len(d)]
            if len(head) <= 2 or head[-1] in "省市区县国" or head in _REGIONS \
                    or d in ("地方政府", "各级政府"):
                return True
    rest = key[1:]
    return key[0] in _GENERIC_LEAD and (rest in lex.suffix_kind or rest in lex.generic
                                        or rest in ("人民政府", "政府", "家医院")) \
        or unnamed_department(key) is not None


# a government department named by its level alone (市财政局, 省科技厅, 区委统战部, 自治区党委,
# 特区政府) or by its field alone (水利局, 科技厅): no proper name, a reference to the body of
# a place the text names elsewhere (GUIDELINES.md: 省委, 市政府). Train zh: 58 such names
# proposed, none a gold name; every gold form of the shape (省科技厅, 县科技局) is a short form
# of a named body, which `OrgTable.resolve` finds by the department's words.
_LEVELS = ("自治区", "自治州", "特区", "省", "市", "区", "县")
_DEPARTMENT = re.compile(r"(?:局|厅|办|办公室|办事处|委|党委|工委|委员会|部|政府|人民政府|政协|人大常委会|人大)$")
# a field of two or three characters: four make a proper name as often (醫務衞生局 of Hong Kong)
_FIELD_DEPARTMENT = re.compile(rf"[{HAN}]{{2,3}}[局厅]")
_PLACE_IN = re.compile(r"[省市区县州盟旗镇乡]")


@lru_cache(maxsize=65536)
def unnamed_department(key: str) -> str | None:
    """The department's words (财政局 of 市财政局) when `key` names a department by its level or
    its field alone, else None."""
    lex = lexicon()
    if key in lex.self_named or key in lex.not_orgs:
        return None
    for level in _LEVELS:
        if key.startswith(level):
            rest = key[len(level):]
            if 2 <= len(rest) <= 8 and _DEPARTMENT.search(rest) and not _PLACE_IN.search(rest[:-1]):
                return rest
            return None
    if _FIELD_DEPARTMENT.fullmatch(key) and not _PLACE_IN.search(key[:-1]) and key not in lex.suffix_kind \
            and not key.startswith(_REGIONS) and not any(key.startswith(p) for p in lex.places):
        return key
    return None


def _cuts(zt: ZhText, rs: int, re_: int, heads: list[tuple[int, int]]) -> list[int]:
    """Positions in a run left of which no name may extend."""
    lex = lexicon()
    cuts = []
    for m in lex.stop_re.finditer(zt.v, rs, re_):
        i = bisect_right(heads, (m.start(), len(zt.v))) - 1
        if i >= 0 and heads[i][1] >= m.end():
            continue  # 促进 of 促进会: a word inside the head word ends nothing
        if m.group() in ("与", "及") and _inner(zt.v, rs, m.start(), m.end(), heads, cuts):
            continue
        cuts.append(m.end())
    for d in dates_between(zt, rs - 40, re_):
        if rs <= d.end <= re_ or rs < d.start < re_:
            cuts.append(min(max(d.end, rs), re_))
    return cuts


def _titles(zt: ZhText, rs: int, re_: int) -> list[tuple[int, int]]:
    return [m.span() for m in lexicon().title_re.finditer(zt.v, rs, re_)]


def find_candidates(zt: ZhText, lines: list[tuple[int, int]] | None = None) -> list[Cand]:
    """Organization names in the body lines (or in `lines`): in each run of name characters
    with a head word, the head words that can end a name, chained into names."""
    v = zt.v
    out: list[Cand] = []
    titled = "》" in v  # one search of the text gates the per-line one
    for ls, le in zt.lines if lines is None else lines:
        for rs, re_, found in _runs_with_heads(zt, ls, le):
            titles = _titles(zt, rs, re_)
            heads = _heads(v, rs, found, titles)
            if heads:
                out += _chained(zt, rs, re_, heads, titles)
        if titled and v.find("》", ls, le) >= 0:
            # 《青川文学》杂志社: a journal's publisher, named by the journal's title
            out.extend(Cand(m.start(), m.end(), m.group()) for m in _TITLED_BODY.finditer(v, ls, le))
    return [c for c in (_trim(zt, c) for c in out) if c is not None]


def _runs_with_heads(zt: ZhText, ls: int, le: int):
    """(start, end, head-word matches) of each run of the line that has a head word."""
    lex = lexicon()
    v = zt.v
    if not _han_only_suffixes(lex):
        for run in NAME_RUN.finditer(v, ls, le):
            rs, re_ = run.span()
            if re_ - rs < 2:
                continue
            found = list(lex.suffix_re.finditer(v, rs, re_))
            if found:  # most runs name nothing: skip the post scan
                yield rs, re_, found
        return
    # head words are Chinese characters only, and runs are split by other characters,
    # so one scan of the line finds in each run what a scan of the run would
    line_found = list(lex.suffix_re.finditer(v, ls, le))
    if not line_found:
        return
    starts = [m.start() for m in line_found]
    n, k = len(starts), 0
    for run in NAME_RUN.finditer(v, ls, le):
        rs, re_ = run.span()
        while k < n and starts[k] < rs:
            k += 1
        if k == n:
            break  # no head word in the rest of the line
        if starts[k] >= re_ or re_ - rs < 2:
            continue
        j = k + 1
        while j < n and starts[j] < re_:
            j += 1
        found = line_found[k:j]
        k = j
        if found:
            yield rs, re_, found


def _heads(v: str, rs: int, found, titles: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The head words that can end a name (not 局 of 局长, not 局面, not a party head after no place)."""
    heads: list[tuple[int, int]] = []
    for m in found:
        ss, se = m.span()
        word = m.group()
        if v.startswith(_NOT_AFTER.get(word, "\0"), se) or (
                word in _NOT_AFTER_RE and _NOT_AFTER_RE[word].match(v, se)):
            continue  # 局面, 政府采购, 大学生
        if word in _PARTY_HEADS:
            if ss == rs or v[ss - 1] not in _PLACE_CHAR:
                continue
        elif _in_title(titles, ss, se):
            continue  # 局 of 局长, 厅 of 厅长
        elif word == "司" and not (heads and v[heads[-1][1] - 1] in "部委"
                                  and ss - heads[-1][1] <= MAX_GOV_CHAIN_GAP):
            continue  # a department of a ministry only (教育部国际合作与交流司)
        elif word in DEPARTMENT_HEADS and not (
                heads and lexicon().suffix_kind.get(v[heads[-1][0]:heads[-1][1]]) == "government"
                and ss - heads[-1][1] <= MAX_GOV_CHAIN_GAP or ss > rs and v[ss - 1] in _PLACE_CHAR):
            continue  # a government's department or office (区委组织部, 南充市双拥办), not a university's
        heads.append((ss, se))
    return heads


def _in_title(titles: list[tuple[int, int]], ss: int, se: int) -> bool:
    """True when a post holds the head word at [ss, se). The posts are a pattern's matches, in
    order and never overlapping, so only the last one opening at or before `ss` can: found by
    bisection (a scan of them all for every head word was quadratic in a run of posts)."""
    k = bisect_right(titles, (ss, float("inf"))) - 1
    return k >= 0 and ss < titles[k][1] and titles[k][1] >= se


def _chained(zt: ZhText, rs: int, re_: int, heads: list[tuple[int, int]],
             titles: list[tuple[int, int]]) -> list[Cand]:
    """The run's names: each head's name reaches left to the last cut; a head close enough
    after a name extends it (青川市人民政府办公室, 青川大学化学学院)."""
    v = zt.v
    out: list[Cand] = []
    cuts = _cuts(zt, rs, re_, heads)
    # a post ends the phrase before it (董事长徐广福, 院长张力); so does the end of a
    # post that a party head word started (党委书记 → nothing of it belongs to a name)
    ends = sorted(cuts + [te for ts, te in titles])
    cur: list[int] | None = None
    for ss, se in heads:
        i = bisect_right(ends, ss)
        left = max(rs, ends[i - 1]) if i else rs
        gap = MAX_GOV_CHAIN_GAP if cur is not None and v[cur[1] - 2:cur[1]] == "政府" \
            else MAX_SCHOOL_CHAIN_GAP if cur is not None and v[cur[1] - 2:cur[1]] in ("大学", "学院") \
            and v[ss:se].endswith(_SCHOOL_KINDS) else MAX_CHAIN_GAP
        if cur is not None and left <= cur[1] and ss - cur[1] <= gap \
                and not (left == cur[1] and left in cuts) \
                and not _split_by_he(v, cur, ss, se) and not _unit_of(v, cur, ss, se):
            # a stop word ending with the head word (三甲医院青川市人民医院) chains nothing
            cur[1] = se
            continue
        if cur is not None:
            out.append(Cand(cur[0], cur[1], v[cur[0]:cur[1]]))
            left = max(left, cur[1])
        left = _split_conj(v, left, ss, se)
        cur = [left, se]
    if cur is not None:
        out.append(Cand(cur[0], cur[1], v[cur[0]:cur[1]]))
    return out


_TITLED_BODY = re.compile(rf"《[{HAN}A-Za-z0-9]{{2,16}}》(?:杂志社|编辑部|出版社|报社)")


_HAN_WORD = re.compile(f"[{HAN}]+")
_han_suffixes: tuple[object, bool] | None = None


def _han_only_suffixes(lex) -> bool:
    """True when every head word `suffix_re` finds is Chinese characters only."""
    global _han_suffixes
    if _han_suffixes is None or _han_suffixes[0] is not lex:
        _han_suffixes = (lex, all(_HAN_WORD.fullmatch(k) for k in lex.suffix_kind))
    return _han_suffixes[1]


def _inner(v: str, rs: int, cs: int, ce: int, heads: list[tuple[int, int]], cuts: list[int]) -> bool:
    """True when the conjunction at [cs, ce) joins two fields inside one name."""
    i = bisect_left(heads, (ce, -1))
    nxt = heads[i] if i < len(heads) else None
    if nxt is None or nxt[0] - ce > 10 or nxt[0] == ce or not _dept_head(v[nxt[0]:nxt[1]]):
        return False
    left = max(rs, cuts[-1]) if cuts and cuts[-1] <= cs else rs
    if _person_before(v, left, cs):
        return False  # 副总经理李玲与定边县委: a person and a body, no department's two fields
    k = v.rfind("和", left, cs)
    if k >= 0 and _he(v, k):
        left = k + 1  # 李毅中和国家创新与发展战略研究会: the name opens after 和
    j = bisect_left(heads, (left, -1))
    if j < len(heads) and heads[j][1] <= cs:
        # 滦州市人民医院与…: the left part is a name of its own, unless it is a ministry
        # whose department follows (教育部国际合作与交流司), or a university whose school
        # follows (北岭大学物理与电子科学学院, 学校海洋与生化工程学院)
        last = bisect_left(heads, (cs, -1)) - 1
        hs, he = heads[last]
        head, field_ = v[hs:he], v[he:cs]
        if head.endswith(_PARENT_OF_SCHOOL) and v[nxt[0]:nxt[1]].endswith(_SCHOOL_KINDS) \
                and 0 < _width(field_) <= MAX_INNER_LEFT and not _NOT_A_FIELD.search(field_) \
                and not v.startswith(_REGIONS, ce):
            return True
        return v[heads[j][0]:heads[j][1]].endswith(_MINISTRY_HEADS) and v[nxt[0]:nxt[1]] in _DEPARTMENTS \
            and 0 < cs - heads[j][1] <= MAX_INNER_LEFT
    if _width(v[left:cs]) > MAX_INNER_LEFT or cs == left or v[cs - 1] in _ADVERBS:
        return False  # 甲协会已与乙协会: an adverb before 与 makes it a preposition, no field's
    right = v[ce:nxt[0]]
    return not (right.startswith(_REGIONS) or re.match(r"[\u4e00-\u9fff]{1,4}[省市区县]", right))


def _unit_of(v: str, cur: list[int], ss: int, se: int) -> bool:
    """True when the head word at [ss, se) closes a unit named after the body before it, not
    a part of its name: A与B联合实验室 (the lab of both), 研究会学术委员会 (a committee)."""
    if cur[0] > 0 and v[cur[0] - 1] in "与和-" and (
            v.startswith("联合", cur[1]) or v.find("联合", cur[1], ss) >= 0 and ss - cur[1] <= MAX_CHAIN_GAP):
        return True  # A与B智能制造联合研究院: the institute of both, B no part of its name
    return v[ss:se] == "委员会" and v[cur[1]:ss] in _COMMITTEES


_MINISTRY_HEADS = ("部", "委", "厅", "局", "政府", "人民政府")
_DEPARTMENTS = ("司", "局", "处", "办", "办公室", "中心")
# committees of a body, named by their role (学术委员会): a post's department, not a body
_COMMITTEES = ("学术", "专家", "顾问", "理事", "监事", "咨询", "指导", "教学", "编辑", "学位")
# a school named after its university (北岭大学物理与电子科学学院): the parent's head word,
# the school's, and the words between them that are people or units, not a field of study
_PARENT_OF_SCHOOL = ("大学", "学院", "学校", "我校", "本校", "该校")
_SCHOOL_KINDS = ("学院", "系", "研究所", "研究院", "研究中心", "实验室")
_NOT_A_FIELD = re.compile(r"师生|学生|教师|老师|专家|团队|领导|代表|校友|一行|党委|团委|医院|附属|"
                          r"[校院处部办局厅委会]$")
_HOME_WORDS = ("学校", "我校", "本校", "该校")
_LATIN_RUN = re.compile(r"[A-Za-z0-9]+")


def _width(s: str) -> int:
    """Length of a name part, a Latin token counted as one character (长三角MEMS: 4)."""
    return len(_LATIN_RUN.sub("x", s))


def _he(v: str, i: int) -> bool:
    """True when the 和 at `i` is a conjunction, not part of a word (共和国, 和平, 和谐)."""
    return v[i - 1:i] != "共" and v[i + 1:i + 2] not in ("平", "谐", "睦")


def _split_by_he(v: str, cur: list[int], ss: int, se: int) -> bool:
    """True when a 和 between two chained head words joins two names, not a department's."""
    i = v.find("和", cur[1], ss)
    return i >= 0 and _he(v, i)  # the part before 和 is a name already


# a person's name between a post and a conjunction: at most this many characters (欧阳志远: 4)
MAX_PERSON_NAME = 4
# how far before the name a post is looked for: its longest form (党委常务副书记: 7) and more
MAX_POST_BEFORE = 12


def _person_before(v: str, left: int, cs: int) -> bool:
    """True when what stands before the conjunction at `cs` is a person named after a post
    (副总经理李玲, 副省长张志南): a post ends 2 to 4 Han characters before it. The post is
    looked for in a window of bounded width before `cs`, so a long run costs no more."""
    lo = max(0, left - MAX_POST_BEFORE, cs - MAX_PERSON_NAME - MAX_POST_BEFORE)
    for m in lexicon().title_re.finditer(v, lo, cs):
        if 2 <= cs - m.end() <= MAX_PERSON_NAME and _HAN_NAME.fullmatch(v, m.end(), cs):
            return True
    return False


_HAN_NAME = re.compile(rf"[{HAN}]{{2,{MAX_PERSON_NAME}}}")


def _split_conj(v: str, left: int, ss: int, se: int) -> int:
    """Move `left` past a 和 that joins names (湖南大学和中南大学) rather than a department's
    two fields (文化和旅游厅)."""
    i = v.rfind("和", left, ss)
    if i < 0 or not _he(v, i):
        return left
    if _person_before(v, left, i):
        return i + 1  # 副省长张志南和招商局集团: a person, then the body
    if i == left or i + 1 == ss:
        return i + 1  # 远景集团和宏达研究院: the name before 和 is already closed; 工作组和联盟
    if _dept_head(v[ss:se]) and ss - i <= 10 and i - left <= MAX_INNER_LEFT_HE and \
            not v[i + 1:ss].startswith(_REGIONS):
        return left
    return i + 1


# a campus in parentheses after a university's name; not an alias note (简称…)
_CAMPUS = re.compile(rf"\((?!简称|以下|下称|原)[{HAN}]{{2,4}}\)")


def _only_heads(key: str) -> bool:
    """True when `key` is a company's head words and nothing else (集团股份有限公司)."""
    lex = lexicon()
    suffixes = lex.suffix_kind
    if not key.endswith("公司"):
        return False  # 中国科学院大学 is a name: heads that are names of their own
    pieces = 0
    while key:
        for n in range(min(len(key), 6), 0, -1):
            if key[-n:] in suffixes and key[-n:] not in lex.self_named:
                key = key[:-n]
                pieces += 1
                break
        else:
            return False
    return pieces >= 2


def _trim(zt: ZhText, c: Cand) -> Cand | None:
    lex = lexicon()
    start, end = c.start, c.end
    if end - start > MAX_NAME:
        return None
    key = zt.v[start:end]
    if "(" in key and ")" not in key[key.index("("):]:
        start += key.index("(") + 1  # 国际部(国际工程分公司: the name opened inside
    elif ")" in key and "(" not in key[:key.index(")")]:
        start += key.index(")") + 1
    key = zt.v[start:end]
    if len(key) < 2 or (start > 0 and zt.v[start - 1].isdigit()):
        return None  # 50强大学, 985大学: a rank, not a name
    if lex.stop_re.fullmatch(key):
        return None  # 三甲医院, 合作企业: a category before a name, not a name
    if key.startswith(_HOME_WORDS) and len(key) >= 6:
        start += 2  # 学校海洋与生化工程学院: the school of the university just referred to
        key = zt.v[start:end]
    if _only_heads(key):
        return None  # 集团股份有限公司: the name before it was cut off
    if key.endswith("委员会") and (key[:-3] in _COMMITTEES
                                   or key[0] in "校院省市区县" and key[1:-3] in _COMMITTEES):
        return None  # 学术委员会, 校学位委员会: a committee of an unnamed body, no name
    campus = _CAMPUS.match(zt.v, end)
    if campus and key.endswith(("大学", "学院")):
        end = campus.end()  # 中国石油大学(华东): the campus is part of the name
        key = zt.v[start:end]
    if lex.not_org_tail_re.search(key):
        return None
    if _in_quoted_project(zt.v, start, end):
        return None
    return Cand(start, end, key)


# a quoted project, park or programme whose name opens with a body's (“上海交大教育服务集团
# (天津)国际教育示范园区”): the body is named only as part of that name
_PROJECT_ENDS = ("园区", "项目", "工程", "计划", "活动", "行动", "示范区", "品牌", "大赛", "专项", "基金")
# how far a quoted name may run past the body that opens it (characters)
MAX_QUOTED = 40


def _in_quoted_project(v: str, start: int, end: int) -> bool:
    if start == 0 or v[start - 1] != '"':
        return False
    close = v.find('"', end, end + MAX_QUOTED)
    return close > end and v[start:close].endswith(_PROJECT_ENDS)
