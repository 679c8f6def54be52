"""Organization names without a head word, found by the role the sentence gives them.

Most bodies end with a head word (mentions.py); brands and short names do not (阳光电源,
中财融商, 华达). The genre still marks them: they are listed beside named bodies as the
subject of a signing (阳光电源与内蒙古自治区人民政府、中财融商在北京签署), or listed
before a word that says what they are (走访了华达、海川、远景等5家企业). Places in such a
list stand for their governments (中国侨商联合会与马鞍山市签署); development zones that
sign are bodies of their own (临江经济技术开发区与北岭大学签署).
"""

from __future__ import annotations

import re
from functools import partial

from partnergraph.extraction.rules.chinese.lexicon import HAN, lexicon, literal_led
from partnergraph.extraction.rules.chinese.mentions import NAME_RUN, Cand, is_generic
from partnergraph.extraction.rules.chinese.parties import ATTENDING
from partnergraph.extraction.rules.chinese.view import SpanIndex, ZhText, dates_between
from partnergraph.extraction.rules.english.lexicon import lexicon as en_lexicon

# the subject of a signing ends where its verb phrase starts
_SUBJECT_END = re.compile(r"在|于|举行|共同|正式|战略|全面|分别|代表|签|举办|召开|达成|就|开展|深化|"
                          r"建立|合作|联合|友好|进行|双方|一行|今天|日前|近日|共建|成立|主办|承办")
_PEOPLE_WORDS = re.compile(r"领导|代表|嘉宾|专家|人员|同志|教授|老师|学生|师生|负责人|部门|单位|院校|高校|"
                           r"企业|机构|会议|仪式|活动|双方|各方")
# clauses whose subject lists parties: a signing, talks held, a body set up together
_SIGNING = re.compile(r"签署|签订|签约|续签|举行|召开|共建|联合成立|共同成立|达成|开展|建立")
_CONJ = re.compile(r"与|和|及|、|同|携手|联手|牵手")
_LIST_CONJ = re.compile(r"、|和|及|以及")
_LEAD_TIME = re.compile(r"^(?:上午|下午|晚上|中午|日前|近日|当天|当日|今天|昨天|日|号)+")
_PLACE_TAIL = set("省市区县镇乡州国")
# a list closed by what its items are: 华达、海川等5家企业, 远景和华力等单位, 工行、农行等9家银行,
# 华达、海川等22家参会企业 (a word of up to three characters before the kind), or by a count
# with no 等 (与华达、海川及远景3家公司)
_COUNT = r"[0-9一二两三四五六七八九十多余几]{1,4}[家个所]"
# the kinds of body whose list makes its items parties (华达、海川等5家企业 after a signing's verb)
_PARTY_KINDS = r"企业|公司|单位|机构|高校|院校|医院|科研院所|院所|学校|协会|行业协会"
_LISTED = re.compile(rf"(?:等(?:{_COUNT})?|{_COUNT})(?:(?![和及与])[{HAN}]){{0,3}}?(?:{_PARTY_KINDS}|"
                     r"银行|厂商|厂家|车企|药企)")
# the list's closing words that make its items parties as well; the other closings (a count
# with no 等, a word before the kind, 银行/厂商) name bodies only: organizations, no evidence of
# a party (OOF pairs fell with them as parties)
_LISTED_PARTIES = re.compile(rf"等(?:{_COUNT})?(?:{_PARTY_KINDS})")  # fullmatched on a `_LISTED` match
# a company named with its home country's trade word before it (美商微软, 日商丰田): the name
# is what follows
_FOREIGN_FIRM = re.compile(rf"(?:美|日|韩|德|法|英|台|港|陆|外|澳|欧|星)商(?=[{HAN}]{{2}})")
# a name glossed by its own Latin name (星软(Starsoft), 翔音(Xiangyin Aerospace Company)): one
# capitalized word that names no place, or words with an organization's head word
_GLOSS = re.compile(rf"([{HAN}]{{2,8}})\(([A-Z][A-Za-z&.'-]*(?: [A-Za-z&.'-]+){{0,5}})\)")
_EN_SMALL = frozenset(("the", "a", "an", "of", "and", "for", "in", "on", "at", "to"))
# what a document's name ends with (合作备忘录(MOU)): no body
_DOCUMENT_END = re.compile(r"(?:备忘录|协议|协定|合同|意向书|宣言|计划|倡议)$")
# a list of where guests come from: 来自A、B和C的专家
_FROM_LIST = re.compile(r"来自([^,。;]{2,120}?)的(?:专家|代表|领导|嘉宾|学者|负责人|师生)")
# a list runs back at most this far from the word that closes it (characters)
MAX_LIST = 120
# a body named in Latin letters: two or more capitalized words, or one acronym
_LATIN_NAME = re.compile(r"[A-Z][A-Za-z&.'-]+(?: (?:of|for|and|de|the|[A-Z][A-Za-z&.'-]*)){1,8}|[A-Z]{2,8}")
# posts that head a body, whose holder's body is named right before them (西部建设董事长),
# with the prefixes a post may carry (党委书记, 常务副校长)
_BODY_POST = literal_led(r"(?:党委|党组|党工委)?(?:常务|执行)?副?(?:董事长|总经理|总裁|校长|院长|所长|会长|"
                        r"理事长|秘书长|主席|行长|社长|局长|厅长|书记)")
# how far back a body's name before a post may run (characters)
MAX_BEFORE_POST = 10
# a department, not a body (办公室主任, 科技处处长), and words that name no body
_DEPARTMENT_END = set("处部办室科系组股团队班")
_NOT_A_BODY = re.compile(r"项目|课题|团队|小组|活动|会议|大会|论坛|组委会|筹委会|工作组|领导小组|"
                         r"委员|学会会|名誉|荣誉|首届|本届|历届|前任|现任|原|机关|基层|总支|支部|离退休|学生")
# a note in parentheses closing a party's name: another name of it (临江新港区)
_TRAILING_NOTE = re.compile(r"\([\u4e00-\u9fff]{2,12}\)$")
# the longest name of a zone that signs (青川省临江经济技术开发区: 12)
MAX_ZONE = 16
# occurrences of a short name checked for a post beside it
MAX_LOOKS = 8
# what ends a venue toured, not a body visited (示教室, 图书馆, 生产车间, 展厅)
_VENUE_END = set("室馆厅楼园场区间线台廊站店")
# organizers: 由A、B主办, C承办
_ORGANIZED = literal_led(r"(?:共同|联合)?(?:主办|承办|协办)")
_MARK = re.compile(r"[,:;]")
# a visit's verb before the bodies visited, and what ends their list
_VISITED = literal_led(r"(?:走访|参观|考察|拜访|来到|走进|前往|(?:先后|一行|带队|率队|率团|代表团)(?:到|赴))了?")
_LIST_END = re.compile(r"[,。;:]|等|并|进行|开展|调研|考察|参观|交流|座谈|洽谈")


def discover_party_names(zt: ZhText, cands: list[Cand]) -> tuple[
        list[tuple[int, int]], list[tuple[int, int]], list[tuple[int, int]]]:
    """Names without a head word that the article makes parties of a signing or lists as
    bodies of a kind; places standing for their governments; and the bodies named only as
    where a post is held (employers: organizations, but no evidence of a party)."""
    v = zt.v
    # a generic head word inside a brand (中铁 of 中铁五新) is no name that the brand overlaps
    known = SpanIndex((c.start, c.end) for c in cands if not c.generic)
    out: list[tuple[int, int]] = []
    places: list[tuple[int, int]] = []
    bodies: list[tuple[int, int]] = []  # organizations named with no evidence of a party
    # a scanner with no look-around that finds nothing in the whole text finds nothing in
    # any sentence: one search each instead of one scan per sentence (~45 a doc)
    steps = [_signing_parties] + [step for rx, step in ((_LISTED, partial(_listed_bodies, bodies=bodies)),
                                                        (_FROM_LIST, _from_list), (_ORGANIZED, _organizers),
                                                        (_VISITED, _visited_hosts),
                                                        (_GLOSS, partial(_glossed, bodies=bodies)))
                                  if rx.search(v) is not None]
    for s0, s1 in zt.sentences:
        for step in steps:
            step(zt, known, out, places, s0, s1)
    out.sort()
    return out, places, _employers(zt, known, places) + bodies


def _signing_parties(zt: ZhText, known: SpanIndex, out, places, s0: int, s1: int) -> None:
    """A与B签署…: the names joined before a signing verb, when one of them is a known name."""
    v = zt.v
    for t in _SIGNING.finditer(v, s0, s1):
        cs = max(v.rfind(",", s0, t.start()), v.rfind(":", s0, t.start()))
        cs = s0 if cs < 0 else cs + 1
        end = t.start()
        if ATTENDING.search(v, max(cs, end - 8), end):
            continue
        m = _SUBJECT_END.search(v, cs, end)
        parts = _split(v, _CONJ, cs, m.start() if m else end)
        if m and m.group() == "分别" and v[m.end():m.end() + 1] in ("与", "同", "和"):
            # A分别与B、C签约: the bodies after 分别与 are parties as well
            m2 = _SUBJECT_END.search(v, m.end() + 1, end)
            parts += _split(v, _CONJ, m.end() + 1, m2.start() if m2 else end)
        if len(parts) < 2 or not any(known.overlaps(a, b) for a, b in parts):
            continue
        for a, b in parts:
            _keep(zt, known, out, places, a, b)


def _listed_bodies(zt: ZhText, known: SpanIndex, out, places, s0: int, s1: int,
                   bodies: list[tuple[int, int]]) -> None:
    """华达、海川等5家企业: a list closed by what its items are (each a body of that kind); the
    items of a list closed otherwise (工行、农行等9家银行) go to `bodies` (no party)."""
    v = zt.v
    for t in _LISTED.finditer(v, s0, s1):
        into = out if _LISTED_PARTIES.fullmatch(t.group()) else bodies
        if _PEOPLE_WORDS.match(v, t.end()) or lexicon().title_re.match(v, t.end()):
            continue  # 甲、乙等36家会员企业董事长: the list names people
        cs = max(v.rfind(",", s0, t.start()), v.rfind(":", s0, t.start()), t.start() - MAX_LIST)
        cs = s0 if cs < s0 else cs + 1
        parts = _split(v, _LIST_CONJ, cs, t.start())
        if len(parts) < 2:
            continue
        # the first item carries the verb before the list (走访了华达): cut at a stop word
        a, b = parts[0]
        cuts = [m.end() for m in lexicon().stop_re.finditer(v, a, b)]
        parts[0] = (max(cuts) if cuts else a, b)
        for a, b in parts:
            _keep(zt, known, into, places, a, b, listed=True)


def _glossed(zt: ZhText, known: SpanIndex, out, places, s0: int, s1: int,
             bodies: list[tuple[int, int]]) -> None:
    """微软(Microsoft)、波音(Boeing): a body glossed by its Latin name, into `bodies` (an
    organization, no evidence of a party); a person's (马克(Mark Lee)) or a place's (Melbourne)
    gloss is none."""
    v = zt.v
    en = en_lexicon()
    for t in _GLOSS.finditer(v, s0, s1):
        words = t.group(2).split()
        if (words[0] in en.places or words[0] in en.not_org_acronyms or words[0].lower() in _EN_SMALL) \
                if len(words) == 1 else not any(w in en.org_heads for w in words):
            continue  # 墨尔本(Melbourne), 备忘录(MOU), 泰晤士高等教育(THE)
        if _DOCUMENT_END.search(v, t.start(1), t.end(1)):
            continue
        a, b = t.span(1)
        cuts = [m.end() for m in lexicon().stop_re.finditer(v, a, b)]
        a = max(cuts) if cuts else a
        firm = _FOREIGN_FIRM.match(v, a, b)
        _keep(zt, known, bodies, places, firm.end() if firm else a, b)


def _from_list(zt: ZhText, known: SpanIndex, out, places, s0: int, s1: int) -> None:
    """来自A、B和C的专家: the bodies the guests come from."""
    v = zt.v
    for t in _FROM_LIST.finditer(v, s0, s1):
        parts = _split(v, _LIST_CONJ, t.start(1), t.end(1))
        if len(parts) >= 2:
            for a, b in parts:
                _keep(zt, known, out, places, a, b, listed=True)


def _organizers(zt: ZhText, known: SpanIndex, out, places, s0: int, s1: int) -> None:
    """由海川科技主办、远景电气承办: the organizers of a meeting."""
    v = zt.v
    for t in _ORGANIZED.finditer(v, s0, s1):
        a = max(s0, t.start() - MAX_LIST)
        marks = [m.end() for m in _MARK.finditer(v, a, t.start())]
        cs = marks[-1] if marks else a
        k = v.rfind("由", cs, t.start())
        parts = _split(v, _LIST_CONJ, k + 1 if k >= 0 else cs, t.start())
        if len(parts) >= 2 or k >= 0:
            for a, b in parts:
                _keep(zt, known, out, places, a, b)


def _visited_hosts(zt: ZhText, known: SpanIndex, out, places, s0: int, s1: int) -> None:
    """走访了海川科技、远景电气和华达实业: hosts whose names end like a company's."""
    v = zt.v
    lex = lexicon()
    for t in _VISITED.finditer(v, s0, s1):
        end = _LIST_END.search(v, t.end(), min(s1, t.end() + MAX_LIST))
        stop = end.start() if end else min(s1, t.end() + MAX_LIST)
        parts = _split(v, _LIST_CONJ, t.end(), stop)
        marked = any(v[a:b].endswith(lex.party_only) or known.overlaps(a, b) for a, b in parts)
        for a, b in parts:
            # a host ending like a company's; in a list with one, any name of 3 or more
            # characters that is no place (走访了海川科技、比亚迪和宁德时代)
            if v[a:b].endswith(lex.party_only) or (
                    marked and len(parts) >= 2 and b - a >= 3 and v[a:b] not in lex.places
                    and v[b - 1] not in _VENUE_END):
                _keep(zt, known, out, places, a, b, listed=True)


def _employers(zt: ZhText, known: SpanIndex, places) -> list[tuple[int, int]]:
    """西部建设董事长王明, 民进中央主席李华: what names the body a post is held at."""
    v = zt.v
    lex = lexicon()
    employers: list[tuple[int, int]] = []
    for ls, le in zt.lines:
        for t in _BODY_POST.finditer(v, ls, le):
            nxt = v[t.end():t.end() + 1]
            if nxt in lex.surnames1 or nxt == "、":
                _body_before_post(zt, known, employers, places, ls, t.start())
    return employers


def _body_before_post(zt: ZhText, known: SpanIndex, out: list[tuple[int, int]],
                      places: list[tuple[int, int]], ls: int, ts: int) -> None:
    """The run of Chinese characters before a post at `ts`, as a body's name, when nothing
    stops it (a stop word, a mark, a date) and it is no department, place or person."""
    v = zt.v
    lex = lexicon()
    a = ts
    # a zone's name (…经济技术开发区) may run longer than another body's
    limit = max(ls, ts - (MAX_ZONE if v.endswith(lex.party_only, ls, ts) else MAX_BEFORE_POST))
    while a > limit and "\u4e00" <= v[a - 1] <= "\u9fff":
        a -= 1
    cuts = [m.end() for m in lex.stop_re.finditer(v, a, ts)]
    if cuts:
        a = max(cuts)
    elif a > ls and "\u4e00" <= v[a - 1] <= "\u9fff":
        return  # the run goes on: where the name opens is unknown
    if v[ts - 1:ts] == "总":
        return  # 习近平总书记: 总 opens the post (a general secretary), no body's name ends in it
    if ts - a < 2 or known.overlaps(a, ts) or v[ts - 1] in _DEPARTMENT_END \
            or _NOT_A_BODY.search(v, a, ts):
        return
    _keep(zt, known, out, places, a, ts)


def _split(v: str, conj: re.Pattern[str], start: int, end: int) -> list[tuple[int, int]]:
    pos, parts = start, []
    for c in conj.finditer(v, start, end):
        parts.append((pos, c.start()))
        pos = c.end()
    parts.append((pos, end))
    return parts


def _keep(zt: ZhText, known: SpanIndex, out: list[tuple[int, int]],
          places: list[tuple[int, int]], a: int, b: int, listed: bool = False) -> None:
    """Add [a, b) to `out` (or to `places`) when it can be a body's name; `listed` when a
    list says its items are bodies (华达、海川等企业), so a short name may open like a person's."""
    lex = lexicon()
    v = zt.v
    lead = _LEAD_TIME.match(v, a, b)
    if lead:
        a = lead.end()
    firm = _FOREIGN_FIRM.match(v, a, b) if listed else None
    if firm:
        a = firm.end()
    for d in dates_between(zt, a, b):
        a = max(a, d.end)
    while a < b and v[a] == " ":
        a += 1
    while b > a and v[b - 1] == " ":
        b -= 1
    paren = _TRAILING_NOTE.search(v, a, b)
    if paren is not None and paren.start() - a >= 4:
        b = paren.start()  # 临江经济技术开发区(临江新港区)与…: another name of the body
    name = v[a:b]
    latin = _LATIN_NAME.fullmatch(name)
    if latin and not known.overlaps(a, b) and not (out and out[-1][1] > a):
        out.append((a, b))  # 与Universiti Malaya签署: a body named in its own language
        return
    zone = not listed and name.endswith(lex.party_only) and len(name) <= MAX_ZONE
    if not (2 <= len(name) <= 10 or zone) or not NAME_RUN.fullmatch(name):
        return
    if known.overlaps(a, b) or (out and out[-1][1] > a) or is_generic(name) or name in lex.places:
        return
    if lex.title_re.search(name) or lex.stop_re.search(name):
        return
    if not listed and name.endswith(lex.party_only) and len(name) >= 4:
        out.append((a, b))  # 临江经济技术开发区与北岭大学签署: the zone's administration
        return
    if name[-1] in _PLACE_TAIL:
        if name[-1] in "省市区县" and len(name) >= 3:
            places.append((a, b))
        return
    if not listed and len(name) <= 3 and (name[0] in lex.surnames1 or name[:2] in lex.surnames2) \
            and (len(name) == 3 or _titled_anywhere(v, name)):
        return  # 王小明, or 王明 named with a post elsewhere (校长王明): a person
    if _PEOPLE_WORDS.search(name):
        return
    out.append((a, b))


def _titled_anywhere(v: str, name: str) -> bool:
    """True when `name` stands right after or right before a post somewhere in the text."""
    title_re = lexicon().title_re
    k = v.find(name)
    for _ in range(MAX_LOOKS):
        if k < 0:
            return False
        if title_re.match(v, k + len(name)) or any(
                title_re.fullmatch(v, j, k) for j in range(max(0, k - 6), k)):
            return True
        k = v.find(name, k + 1)
    return False
