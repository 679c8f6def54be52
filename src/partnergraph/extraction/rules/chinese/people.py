"""People and their posts, in Chinese word order.

The shapes: [org][post][name] (西青区副区长高艳, 董事长徐广福), posts chained by 、 before
one name (区委副书记、区长白凤祥: two posts, two entries when the bodies differ), lists that
carry the org on (院长张力、副院长周凤娟), and [name][post] (李庆章校长). A post taken at
another body is a second entry (郑明当选联盟首任理事长; 甲,乙等7位专家当选为联盟副主席). A
personal name is a surname plus one or two characters (a compound surname plus one or two).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from partnergraph.extraction.rules.chinese.lexicon import lexicon
from partnergraph.extraction.rules.chinese.orgs import Mention, Org, OrgTable
from partnergraph.extraction.rules.chinese.view import SpanIndex, ZhText

# words that may follow a name: its verb, a list mark, an honorific
_FOLLOW = ("出席", "表示", "代表", "主持", "介绍", "致辞", "参加", "会见", "陪同", "一行", "同志",
           "教授", "先生", "女士", "院士", "博士", "强调", "指出", "说", "等", "和", "与", "及",
           "以及", "在", "为", "向", "对", "也", "就", "率", "带队", "作", "的", "以", "了", "分别",
           "共同", "做", "宣读", "讲话", "签署", "签订", "签约", "签字", "揭牌", "会见", "考察", "调研", "见证", "首先", "亲自", "莅临", "来", "到", "赴",
           "同", "将", "还", "则", "是", "从", "被", "一同", "会同", "现场", "详细", "热情", "简要",
           "围绕", "结合", "听取", "充分", "高度", "认真", "回顾", "希望", "感谢", "欢迎", "带领",
           "当选", "担任", "出任", "就任", "兼", "发表", "进行", "作了", "共", "对此", "颁发", "授予", "为其",
           "致", "发言", "汇报", "提出", "认为", "要求", "访问", "到访", "来访", "参观", "走访",
           "会谈", "座谈", "交流", "主讲", "作报告", "受邀", "应邀", "一起", "共同为", "等人", "访华",
           "期间", "热烈", "用", "带", "通过", "针对", "先后", "随后", "一直", "多次", "表达",
           "讲解", "解读", "总结", "点评", "回答", "带来", "分享", "阐述", "指导", "部署", "都",
           "给", "把", "提到", "谈到", "说明", "主旨", "发布", "宣布", "现场", "颁奖", "出访",
           "今日", "今天", "今(", "今（", "昨日", "昨天", "近日", "关于")
_FOLLOW_WORDS = tuple(w for w in _FOLLOW if len(w) > 1) + ("作为", "做了", "作了", "为此")
# characters that do not occur inside the given-name part of a Chinese name in this genre
_NOT_IN_NAME = set("的了在是与及等为对向我校院市区省县处部局厅记席示表届月日号个位名"
                   "二五六七八十各该本其这那们会议上下前后来去到出入代主副总参与委党府")
# of those, characters a two-character given name may open with (邢会义, 靳会超, 李月华, 陈其美):
# a name ends at them (李明会见, 王刚其后), never opens its given name there
_NAME_MIDDLE = frozenset("会月其")
# two-character openings that are adverbs, not a surname and a given name
_NOT_NAME_START = ("全程", "全面", "全力", "全体", "全部", "高度", "高兴", "共同", "相关", "有关", "各级", "主要",
                   "马上", "高级", "强调", "宣布", "宣读", "严格", "陆续", "关于", "关注", "关心", "应邀", "时任",
                   "任职", "安排", "成功", "成员", "成果", "成为", "明确", "国家", "国际", "方面", "管理", "谈到",
                   "谈话", "向来", "于是", "常态", "邀请", "简要", "简单", "充分", "热情", "认真", "详细", "亲自",
                   "首先", "随后", "最后", "接着", "同时", "分别", "一行", "常务", "代表", "陪同", "出席")
# 来 (to come) before the one-character short name of a province, city or China is a verb, not a
# surname and a given name (总书记来宁讲话, 市长来京考察, 来华访问)
_COME_TO = frozenset("京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼港澳台华蓉汉深厦校")
# verbs of studying and carrying out a leader's words, after which a [name][post] opens
# (贯彻落实习近平总书记关于…, 学习李明校长讲话): the name's left edge is no other word's
_VERB_BEFORE_NAME = ("落实", "贯彻", "学习", "领会", "践行", "传达")
# a post's level names the government it belongs to when no body stands before it
_LEVEL_POSTS = {"区长": "区政府", "副区长": "区政府", "市长": "市政府", "副市长": "市政府",
                "县长": "县政府", "副县长": "县政府", "省长": "省政府", "副省长": "省政府"}
# a leader of a level of government named with no post of its own (市领导王刚、李华): read so
# the names are found and not taken for anything else, but no post the analyst records (train:
# 21 of the 22 people the rules read with one are no gold person)
NO_POST = frozenset({"市领导", "区领导", "县领导", "省领导"})
# a department between an org and a post (科技处处长, 基建后勤处副处长)
_DEPT_END = ("处", "部", "办", "室", "科", "系", "所", "中心", "办公室", "组", "委员会", "总支", "支部")
MAX_DEPT = 10
# the committees of a development zone (党工委, 管委会): a post there is at the zone
_ZONE_COMMITTEES = ("管委会", "党工委", "工委")
# a qualifier before a post in a list (质量负责人, 技术总监): at most this many characters
MAX_QUALIFIER = 4


@dataclass
class PersonRec:
    name: str
    title: str
    org: Org | None
    spans: list[tuple[int, int, str]]
    chain: int = 0  # entries from one [post、post name] chain share it


# what joins the posts of a list at one body: 、, or 和 and 及 before its last
_LIST_AND = "和及"
_LIST_MARKS = ("、", "和", "及")


def _han(c: str) -> bool:
    return "\u3400" <= c <= "\u9fff"


def _boundary_after(v: str, i: int, end: int) -> bool:
    if i >= end or not _han(v[i]):
        return True
    return v.startswith(_FOLLOW, i) or lexicon().post_re.match(v, i) is not None


def _given_name(given: str) -> bool:
    """Whether the characters after a surname may be its given name: none that never stands in
    one, but a two-character given name may open with 会, 月 or 其 (邢会义)."""
    return all(_han(c) and (c not in _NOT_IN_NAME or (k == 0 and len(given) == 2 and c in _NAME_MIDDLE))
               for k, c in enumerate(given))


def _tibetan(v: str, i: int) -> bool:
    """Whether the four characters at `i` are a Tibetan name: two words, no surname, one of them a
    listed word of such names (党委副书记次仁旺堆, 副校长次旦玉珍)."""
    name = v[i:i + 4]
    tib = lexicon().tibetan
    return len(name) == 4 and (name[:2] in tib or name[2:] in tib) \
        and all(_han(c) and c not in _NOT_IN_NAME for c in name)


def _name_after(v: str, i: int, end: int) -> int | None:
    """End of a personal name starting at `i`, or None."""
    lex = lexicon()
    if i + 4 <= end and _tibetan(v, i) and _boundary_after(v, i + 4, end):
        return i + 4
    sur = 2 if v[i:i + 2] in lex.surnames2 else 1 if v[i:i + 1] in lex.surnames1 else 0
    if not sur or v.startswith(_NOT_NAME_START, i):
        return None
    options = []
    for given in (2, 1):
        j = i + sur + given
        if j > end or not _given_name(v[i + sur:j]):
            continue
        if given == 1 and sur == 1 and v[i] == "来" and v[j - 1] in _COME_TO:
            continue
        if _boundary_after(v, j, end):
            options.append(j)
    if not options:
        return None
    if len(options) == 2:
        long_, short = options
        # 张力和副院长周凤娟: 和 joins two people when a post follows; 包信和出席: the long
        # form ends at a verb or a mark
        if long_ < end and _han(v[long_]) and lexicon().post_re.match(v, long_) is not None \
                and v.startswith(_FOLLOW, short):
            return short
        if v.startswith(_FOLLOW_WORDS, short):
            return short  # 高艳作为, 侯勇做了: a verb of two characters starts after two
        return long_
    return options[0]


# a name of parts joined by a middle dot, of any characters (艾尔肯·吐尼亚孜, 努尔兰·阿不都满金):
# the dot marks a transliterated name, Uyghur or Kazakh as well as Western
# (its parts hold no character that never stands in a name here: 吐尼亚孜出席 ends before 出)
_DOTTED_PART = "[^\\W\\da-zA-Z_" + "".join(sorted(_NOT_IN_NAME)) + "]{1,8}"
_DOTTED = re.compile(f"{_DOTTED_PART}(?:[·・•]{_DOTTED_PART}){{1,3}}")
_DOTS = frozenset("·・•")


def _name_or_dotted_after(v: str, i: int, end: int) -> int | None:
    """End of a personal name starting at `i`: a Chinese one (`_name_after`) unless a middle dot
    follows it (艾尔肯·吐尼亚孜: a transliterated name read whole), else a foreign one."""
    name_end = _name_after(v, i, end)
    if name_end is not None and v[name_end:name_end + 1] not in _DOTS:
        return name_end
    return _foreign_after(v, i, end) or name_end


def _foreign_after(v: str, i: int, end: int) -> int | None:
    """End of a foreign name in Chinese characters starting at `i` (外长穆罕默德·阿里,
    总统巴斯克斯访华), or None; a name the transliteration characters read only up to a middle
    dot is read whole by its dotted parts (主席艾尔肯·吐尼亚孜: not 艾尔肯)."""
    m = lexicon().foreign_re.match(v, i, end)
    got = _ended(v, i, m.end(), end) if m is not None else None
    if got is None or v[got:got + 1] in _DOTS:
        dotted = _DOTTED.match(v, i, end)
        longer = _ended(v, i, _verb_cut(v, dotted), end) if dotted is not None else None
        if longer is not None and (got is None or longer > got):
            return longer
    return got


def _verb_cut(v: str, m: re.Match[str]) -> int:
    """The end of a dotted name's match, or where a verb of two characters or a post opens in its
    last part (鐵力瓦爾迪·阿不都熱西提簽署: the name ends before 签署)."""
    last = max(m.group().rfind(d) for d in _DOTS) + m.start()
    post_re = lexicon().post_re
    for k in range(last + 2, m.end()):
        if v.startswith(_FOLLOW_WORDS, k) or post_re.match(v, k) is not None:
            return k
    return m.end()


def _ended(v: str, i: int, stop: int, end: int) -> int | None:
    """The longest name from `i` up to `stop` ending at a boundary, not at a middle dot."""
    for k in range(stop, i + 2, -1):
        if v[k - 1] not in "·・•" and _boundary_after(v, k, end):
            return k
    return None


def _org_of_name_before(zt: ZhText, table: OrgTable, by_end: dict[int, Mention], ns: int,
                        title: str, ls: int):
    """The body named before a [name][post] (澳门科技大学刘良校长, …大学党委黄惠勇书记,
    珠海市阎武副市长)."""
    v = zt.v
    for k in (ns, ns - 1, ns - 2):
        m = by_end.get(k)
        if m is not None and (k == ns or v[k:ns] in ("的", "党委", "党组")):
            return m.org, (m.start, m.end)  # 北岭大学的王明教授
    if ns - 1 >= ls and v[ns - 1] in "省市区县":
        k = ns
        while k > max(ls, ns - 8) and _han(v[k - 1]) and v[k - 1] not in "与和及、":
            k -= 1
        gov = table.government_of(v[k:ns], title)
        if gov is not None:
            return gov, (k, ns)
    return None, None


def _name_before(v: str, i: int, start: int, mention_ends: set[int]) -> int | None:
    """Start of a personal name ending at `i` (李庆章校长, 次仁旺堆书记), or None."""
    lex = lexicon()
    s = i - 4
    if s >= start and _tibetan(v, s) and (s == start or not _han(v[s - 1]) or s in mention_ends):
        return s
    for n in (3, 2, 4):
        s = i - n
        if s < start:
            continue
        name = v[s:i]
        sur = 2 if name[:2] in lex.surnames2 else 1 if name[:1] in lex.surnames1 else 0
        if not sur or not 1 <= n - sur <= 2:
            continue
        if not _given_name(name[sur:]) or name.startswith(_NOT_NAME_START):
            continue
        if s == start or not _han(v[s - 1]) or s in mention_ends or v[s - 1] in "与和及由请向对为在的" \
                or v[s - 2:s] in ("党委", "党组") or v[s - 1] in "省市区县" or v[s - 2:s] in _VERB_BEFORE_NAME:
            return s
    return None


def holds_post(zt: ZhText, p: PersonRec) -> bool:
    """Whether the person's title is a post to record (not a bare 市领导)."""
    titles = [zt.v[s:e] for s, e, f in p.spans if f == "title"]
    return not titles or not all(t in NO_POST for t in titles)


def find_people(zt: ZhText, table: OrgTable, mentions: list[Mention]) -> list[PersonRec]:
    """Every post in the article, line by line, then the posts a list of names takes together."""
    reader = _PeopleReader(zt, table, mentions)
    for ls, le in zt.lines:
        reader.line(ls, le)
    out = reader.out
    out += _posts_taken_by_list(zt, table, reader.by_start, out)
    out += _appointments(zt, table, reader.by_start, out)
    return _dedupe(out)


# an appointment or a removal, in a personnel notice: a name opening a clause, then 任 (担任,
# 出任, 兼任; 同志 maybe between), a body and its posts (俞海星同志任中轻集团副董事长;
# 郭建全同志担任保利集团副总会计师、中轻集团监事会主席), or 免去, a name, 的, a body and its
# posts (免去周明远的海川集团董事长职务)
_APPOINT_VERB = re.compile(r"(?:同志)?(?:担任|出任|兼任|任)")
_CLAUSE_OPEN = frozenset("。；;：:，,\n ")
_MAX_APPOINTED_POSTS = 6


def _unglued(v: str, table: OrgTable, by_start: dict[int, Mention], ns: int, i: int) -> dict[int, Mention]:
    """`by_start`, with the body named from `i` on when the name and 任 before it were read as the
    start of that body's name (夏吉勝任浙江南太湖…有限公司 for 浙江南太湖…有限公司, also named alone)."""
    glued = by_start.get(ns)
    if glued is None or glued.end <= i or i in by_start:
        return by_start
    org = table.lookup(v[i:glued.end])
    if org is None:
        return by_start
    return {**by_start, i: Mention(i, glued.end, org, org.key)}


def _appointments(zt: ZhText, table: OrgTable, by_start: dict[int, Mention],
                  people: list[PersonRec]) -> list[PersonRec]:
    v, out = zt.v, []
    if "任" not in v and "免去" not in v:
        return out  # one search of the text, not one per sentence
    read = {p.spans[0][:2] for p in people}
    for s0, s1 in zt.sentences:
        for m in _APPOINT_VERB.finditer(v, s0, s1):
            for n in (3, 2):
                ns = m.start() - n
                if ns >= s0 and (ns == s0 or v[ns - 1] in _CLAUSE_OPEN) \
                        and _name_before(v, m.start(), ns, set()) == ns:
                    bodies = _unglued(v, table, by_start, ns, m.end())
                    out += _posts_held(zt, table, bodies, (ns, m.start()), m.end(), s1, read)
                    break
        at = v.find("免去", s0, s1)
        while at >= 0:
            ne = _name_after(v, at + 2, s1)
            if ne is not None and v[ne:ne + 1] == "的":
                out += _posts_held(zt, table, by_start, (at + 2, ne), ne + 1, s1, read)
            at = v.find("免去", at + 2, s1)
    return out


def _posts_held(zt: ZhText, table: OrgTable, by_start: dict[int, Mention], name: tuple[int, int], i: int,
                end: int, read: set[tuple[int, int]]) -> list[PersonRec]:
    """The posts a named body holds from `i` on (海川集团董事长、总经理、江岭大学校长): one entry
    per body, its posts joined as written; none when no body and post stand at `i`."""
    v, post_re, out = zt.v, lexicon().post_re, []
    if name in read:
        return out
    for _ in range(_MAX_APPOINTED_POSTS):
        body = by_start.get(i)
        org = body and (body.org or table.employer(body.key))
        t = post_re.match(v, body.end, end) if org is not None else None
        if t is None:
            break
        ts, te = t.span()
        while v[te:te + 1] == "、" and (nxt := post_re.match(v, te + 1, end)) is not None:
            te = nxt.end()  # 党委副书记、副董事长、总经理: posts at one body
        if te < end and _han(v[te]) and not v.startswith(("职务", "职"), te) and not v.startswith(_FOLLOW, te):
            break
        out.append(PersonRec(v[name[0]:name[1]], zt.text[ts:te], org,
                             [(name[0], name[1], "name"), (ts, te, "title"), (body.start, body.end, "org")],
                             chain=ts))
        if v[te:te + 1] != "、":
            break
        i = te + 1
    return out


class _PeopleReader:
    """Posts read title by title along a line: a list (院长张力、副院长周凤娟) carries its body and
    posts chained by 、 wait for their one name, so that state lives per line (`line`)."""

    def __init__(self, zt: ZhText, table: OrgTable, mentions: list[Mention]) -> None:
        self.zt, self.table, self.v = zt, table, zt.v
        self.lex = lexicon()
        self.by_end = {m.end: m for m in mentions}
        self.by_start = {m.start: m for m in mentions}
        self.mention_ends = set(self.by_end)
        self.covered = SpanIndex((m.start, m.end) for m in mentions)
        self.out: list[PersonRec] = []
        self.org_spans: dict[int, tuple[int, int]] = {}  # post start → the span naming its body
        # per line
        self.ls = self.le = 0
        self.pending: list[tuple[int, int, Org | None]] = []
        self.prev_org: Org | None = None
        self.last_end = 0

    def line(self, ls: int, le: int) -> None:
        v, lex = self.v, self.lex
        self.ls, self.le = ls, le
        self.pending, self.prev_org, self.last_end = [], None, ls
        pos = ls
        while True:
            t = lex.post_re.search(v, pos, le)
            if t is None:
                break
            ts, te = t.span()
            inside = self.covered.cover_end(ts)
            if inside is not None:
                pos = inside  # 局 of 卫健局 is no post; 党委 of 自治区党委 opens none
                continue
            pos = te
            title = v[ts:te]
            org, gap_start = self._post_org(ts, title)
            name_end = _name_or_dotted_after(v, te, le)
            if name_end is not None:
                pos = max(pos, self._names_after(ts, te, org, name_end))
                continue
            if self._name_before(ts, te, title, gap_start):
                continue
            if v[te:te + 1] in ("、", "兼") and te < le:  # 执行副会长兼秘书长张志勇: one person
                self.pending.append((ts, te, org))
                self.last_end = te + 1
                continue
            self.pending = []
            self.last_end = te

    def _post_org(self, ts: int, title: str) -> tuple[Org | None, int]:
        """The body of the post at `ts`: named before it, or carried on by the list it is in;
        and where the text before the post starts (the name may stand before the body)."""
        zt, v, lex, prev_org = self.zt, self.v, self.lex, self.prev_org
        org, org_span = _org_before(zt, self.table, self.by_end, ts, title, self.last_end, self.ls)
        if org is None and prev_org is not None and prev_org.key.endswith(lex.party_only):
            c = next((w for w in _ZONE_COMMITTEES if v.startswith(w, ts - len(w))), None)
            if c and v[ts - len(c) - 1:ts - len(c)] in ("、", ",") and self.last_end == ts - len(c) - 1:
                org = prev_org  # 临江开发区党工委书记赵明、管委会副主任钱芳: the zone's committee
        if org is not None and org_span is not None:
            self.org_spans[ts] = org_span
        if org is None and org_span is None:
            return self._list_org(ts, title), ts
        if org_span is not None:
            return org, org_span[0]
        return org, ts

    def _list_org(self, ts: int, title: str) -> Org | None:
        """、副院长周凤娟: a bare post in a list keeps the list's body (or the chain's, or none
        when what stands before it names another body)."""
        v, ls, prev_org, pending, last_end = self.v, self.ls, self.prev_org, self.pending, self.last_end
        org = None
        k = ts - 1
        q = ts  # start of a qualifier before the post (副总经理、技术负责人)
        while q > max(ls, ts - 4) and _han(v[q - 1]) and v[q - 1] not in _LIST_AND:
            q -= 1
        qual = v[q:ts]
        if qual and qual[-1] in "处科室" and k >= ls and v[q - 1:q] in _LIST_MARKS \
                and prev_org is not None and last_end == q - 1:
            org = prev_org  # 、欧亚处副处长李海: a department of the same body
            q = -1
        elif qual and qual[-1] in "处科室" and v[q - 1:q] == "、" and pending \
                and last_end == q:
            org = pending[-1][2]  # 校长助理、科研处处长周涛: one person, one body
            q = -1
        elif qual and (qual[-1] in "院部委局厅会省市区县国府办处所司行" or "原" in qual):
            q = -1  # 、国务院副总理, 、重庆市原市长: another body, not a qualifier
        if org is not None:
            pass
        elif v[k] == "兼" and pending:
            org = pending[-1][2]  # 执行副会长兼秘书长: the same body
        elif q - 1 >= ls and v[q - 1] == "、" and pending:
            org = pending[-1][2]  # 党组成员、副主任徐召霞: one body, two posts
        elif 0 < ts - q <= MAX_QUALIFIER and q - 1 >= ls and v[q - 1] in (",", *_LIST_MARKS) \
                and prev_org is not None and last_end == q - 1 and prev_org.kind != "government" \
                and title not in _LEVEL_POSTS:
            org = prev_org  # 副总经理孙涛,质量负责人周敏 (和副校级纪检员徐尤勇): the list goes on
        elif k >= ls and v[k] in _LIST_MARKS and prev_org is not None and last_end == k:
            org = prev_org  # 副校长侯成刚和教务处处长徐尤勇: 和 or 及 goes on with the list too
        elif k >= ls and v[k] == "," and prev_org is not None and last_end == k \
                and prev_org.kind != "government" and title not in _LEVEL_POSTS:
            # 南京师范大学党委书记王成斌,党委副书记、校长华桂宏: the list goes on
            org = prev_org
        return org

    def _names_after(self, ts: int, te: int, org: Org | None, name_end: int) -> int:
        """[post][name]: one entry per post of the chain, for the name and any names that share
        the posts (副院长胡发兴、鲍斌), plus a post the name takes at another body. Returns
        where the line's reading goes on."""
        zt, v, lex, le, out = self.zt, self.v, self.lex, self.le, self.out
        name_span = (te, name_end)
        chain = self.pending + [(ts, te, org)]
        for cs, ce, corg in _merge_same_org(chain, v):
            spans = [(name_span[0], name_span[1], "name"), (cs, ce, "title")]
            if cs in self.org_spans:
                spans.append((*self.org_spans[cs], "org"))
            out.append(PersonRec(v[name_span[0]:name_span[1]], zt.text[cs:ce], corg, spans,
                                 chain=te))
        # 副院长胡发兴、鲍斌: more names share the posts
        while name_end < le and v[name_end] in "、和" and \
                lex.post_re.match(v, name_end + 1) is None:
            nxt_end = _name_after(v, name_end + 1, le)
            if nxt_end is None or lex.post_re.match(v, nxt_end) is not None:
                break
            for cs, ce, corg in _merge_same_org(chain, v):
                spans = [(name_end + 1, nxt_end, "name"), (cs, ce, "title")]
                out.append(PersonRec(v[name_end + 1:nxt_end], zt.text[cs:ce], corg, spans,
                                     chain=nxt_end))
            name_end = nxt_end
        taken = _post_taken(zt, self.table, self.by_start, name_span, name_end, le)
        if taken is not None:  # 吴芳当选联盟首任理事长: a post at another body too
            out.append(taken)
            name_end = taken.spans[1][1]
        self.pending = []
        self.prev_org = org
        self.last_end = name_end
        return name_end

    def _name_before(self, ts: int, te: int, title: str, gap_start: int) -> bool:
        """[body][name][post]: 澳门科技大学刘良校长、湖南中医药大学党委黄惠勇书记; whether one was found."""
        zt, v, ls, out = self.zt, self.v, self.ls, self.out
        ns = _name_before(v, ts, max(ls, gap_start - 4), self.mention_ends)
        if ns is not None and out and out[-1].spans[0][1] == ts:
            ns = None  # 校长张明教授: an honorific after the name just found
        if ns is None or not _boundary_after(v, te, self.le):
            return False
        o, o_span = _org_of_name_before(zt, self.table, self.by_end, ns, title, ls)
        if o is None and o_span is None and ns - 1 >= ls and v[ns - 1] in "、," \
                and self.prev_org is not None and self.last_end == ns - 1:
            o = self.prev_org
        spans = [(ns, ts, "name"), (ts, te, "title")]
        if o is not None and o_span is not None:
            spans.append((*o_span, "org"))
        out.append(PersonRec(v[ns:ts], zt.text[ts:te], o, spans, chain=ts))
        self.prev_org, self.last_end, self.pending = o, te, []
        return True


def _posts_taken_by_list(zt: ZhText, table: OrgTable, by_start: dict[int, Mention],
                         people: list[PersonRec]) -> list[PersonRec]:
    """甲,乙等7位专家当选为联盟副主席: everyone the sentence named before takes the post."""
    v, out = zt.v, []
    if "当选" not in v:
        return out  # one search of the text, not one per sentence
    for s0, s1 in zt.sentences:
        if v.find("当选", s0, s1) < 0:
            continue
        m = _LIST_TAKES.search(v, s0, s1)
        if m is None:
            continue
        named = {(p.spans[0][0], p.spans[0][1]) for p in people if s0 <= p.spans[0][0] < m.start()}
        for ns, ne in sorted(named):
            taken = _post_taken(zt, table, by_start, (ns, ne), m.start(1), s1)
            if taken is not None:
                out.append(taken)
    return out


def _post_taken(zt: ZhText, table: OrgTable, by_start: dict[int, Mention], name_span: tuple[int, int], i: int,
                le: int) -> PersonRec | None:
    """A post the person just named takes at a body named right after (郑明当选联盟首任理事长,
    王刚出任青川集团总经理), or None."""
    v = zt.v
    m = _TAKES.match(v, i, le)
    if m is None:
        return None
    body = by_start.get(m.end())
    org = body and (body.org or table.employer(body.key))
    if org is None:
        return None
    rank = _RANK.match(v, body.end, le)
    t = lexicon().post_re.match(v, rank.end() if rank else body.end, le)
    if t is None or not (t.end() == le or not _han(v[t.end()]) or v.startswith(_FOLLOW, t.end())):
        return None
    return PersonRec(v[name_span[0]:name_span[1]], zt.text[t.start():t.end()], org,
                     [(name_span[0], name_span[1], "name"), (t.start(), t.end(), "title"),
                      (body.start, body.end, "org")], chain=t.start())


_TAKES = re.compile(r"当选为?|出任|担任|就任")
# a list of people closed by how many they are, who take one post (等7位专家当选为)
_LIST_TAKES = re.compile(r"等[0-9一二两三四五六七八九十]{1,3}[位名人][^,。;]{0,4}?(当选)")
_RANK = re.compile(r"首任|首届|新一届|新任|第[一二三四五六七八九十0-9]{1,3}[届任]")


def _merge_same_org(chain, v):
    """Posts at one body are one entry with the posts joined as written (党委书记、行长)."""
    out: list[tuple[int, int, Org | None]] = []
    for s, e, org in chain:
        if out and out[-1][2] is org:
            out[-1] = (out[-1][0], e, org)
        else:
            out.append((s, e, org))
    return out


def _org_before(zt: ZhText, table: OrgTable, by_end: dict[int, Mention], ts: int, title: str,
                last_end: int, ls: int):
    """The body a post at `ts` is held at, and the span naming it."""
    v = zt.v
    m = by_end.get(ts)
    if m is None and v[ts - 1:ts] == "的":
        m = by_end.get(ts - 1)  # 青川集团的董事长王明
    if m is None:
        # a department may stand between the body and the post
        for k in range(ts - 1, max(ls, ts - MAX_DEPT) - 1, -1):
            if not _han(v[k]):
                break
            if k in by_end and v[k:ts].endswith(_DEPT_END):
                m = by_end[k]
                break
    if m is not None and m.start >= last_end:
        org = m.org or table.employer(m.key)
        return org, (m.start, m.end)
    # a contraction of a named body before the post: 贵师大校长 (贵州师范大学)
    for k in range(max(ls, last_end, ts - 6), ts - 1):
        if not all(_han(c) for c in v[k:ts]):
            continue
        full = table.contraction(v[k:ts])
        if full is not None:
            table.add_alias(full, k, ts)
            return full, (k, ts)
    # a place before the post: 西青区副区长, 兴城市副市长
    k = ts
    while k > max(ls, last_end, ts - 8) and _han(v[k - 1]):
        k -= 1
    place = v[k:ts]
    if k == ts and title.endswith("校长") and (ts == ls or v[ts - 1] in "。;:"):
        home = table.resolve("我校")  # 校长罗斯尼扎…在欢迎辞中: the article's university
        if home is not None:
            return home, None
    if place.endswith("校") and place in ("校", "我校", "学校", "本校"):
        home = table.resolve("我校")  # 校党委书记李旭锋: the article's university
        if home is not None:
            return home, None
    if len(place) >= 2 and place[-1] in "省市区县州" and not place.startswith(("我", "该")):
        gov = table.government_of(place, title)
        if gov is not None:
            return gov, (k, ts)
    if k == ts or place in ("市", "区", "县", "省"):
        level = _LEVEL_POSTS.get(title)
        if level:
            return table.resolve(level), None
    return None, None


def _dedupe(people: list[PersonRec]) -> list[PersonRec]:
    seen: dict[tuple[str, int], PersonRec] = {}
    # a post at an unnamed body is its own entry only beside posts named in the same chain
    # (市委书记、市人大常委会主任马明龙); a later bare mention adds nothing
    with_org: dict[str, set[int]] = {}
    for p in people:
        if p.org is not None:
            with_org.setdefault(p.name, set()).add(p.chain)
    out = []
    for p in people:
        if p.org is None and p.name in with_org and p.chain not in with_org[p.name]:
            continue
        k = (p.name, id(p.org))
        if k in seen:
            seen[k].spans.extend(p.spans)
            continue
        seen[k] = p
        out.append(p)
    return out


# a deputy's post referred to without its rank (陈市长 for 副市长陈丽华)
_RANKS = ("常务副", "副")


def post_references(people: list[PersonRec]) -> dict[str, Org]:
    """The short references to people with a body that news writes after naming them once: the
    surname and the post (副市长陈丽华 is then 陈市长 or 陈副市长; the last post of a chain,
    区委副书记、区长白凤祥 is 白区长), each with that person's body. A reference two people of
    different bodies share is left out, and so is one that is a person's full name."""
    found: dict[str, set[int]] = {}
    body: dict[int, Org] = {}
    names = {p.name for p in people}
    compound = lexicon().surnames2  # 欧阳书记: a compound surname before the post
    for p in people:
        if p.org is None or not p.title or len(p.name) < 2:
            continue
        surname = p.name[:2] if p.name[:2] in compound and len(p.name) >= 3 else p.name[:1]
        post = re.split(r"[、,，]", p.title)[-1]
        posts = {post} | {post[len(r):] for r in _RANKS if post.startswith(r) and len(post) > len(r) + 1}
        for q in posts:
            if len(q) >= 2:
                found.setdefault(surname + q, set()).add(id(p.org))
                body[id(p.org)] = p.org
    return {ref: body[next(iter(ids))] for ref, ids in found.items() if len(ids) == 1 and ref not in names}
