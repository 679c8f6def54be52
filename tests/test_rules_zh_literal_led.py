"""The literal-led rewriting of Chinese patterns (lexicon.literal_led): every rewrite matches
exactly what the pattern as written does, only faster (the engine skips positions where no
branch can start, and tries each opening character once)."""

from __future__ import annotations

import random
import re

import pytest

from partnergraph.extraction.rules.chinese import lexicon as lx


@pytest.mark.parametrize("pattern, branches", [
    ("与", ["与"]),
    (r"(?<!华)为(?!民)", ["为(?<!华为)(?!民)"]),  # a look-behind moves after the literal
    (r"(?<![数根])据", ["据(?<![数根]据)"]),
    (r"(?<=[0-9])[家个]+", ["家(?<=[0-9]家)[家个]*", "个(?<=[0-9]个)[家个]*"]),  # a set spread
    (r"(?:该|本)?联盟", ["该联盟", "本联盟", "联盟"]),  # present before absent, as ? tries
    (r"副?校长", ["副校长", "校长"]),
    (r"[一二]+家", ["一[一二]*家", "二[一二]*家"]),
    (r"(?:共同|联合)(?:主办|承办)", ["共同(?:主办|承办)", "联合(?:主办|承办)"]),
    (r".{0,4}签约", None),  # nothing literal to open with
    (r"^签约", None),
])
def test_literal_led_branches(pattern, branches):
    assert lx._literal_led(pattern) == branches


def test_branches_opening_alike_are_joined_in_order():
    assert lx._by_first(["签署", "签订", "访问", "签约"]) == "签(?:署|订|约)|访问"
    assert lx._by_first(["签", "签约"]) == "签(?:|约)"  # the shorter first stays first


def test_groups_and_unsupported_shapes_keep_the_pattern_as_written():
    assert lx._literal_led_pattern(["(签)约", "访问"]).pattern == "(签)约|访问"
    assert lx._literal_led_pattern([".{0,2}签约", "访问"]).pattern == ".{0,2}签约|访问"


def _same_matches(branches: list[str], texts: list[str], rng: random.Random) -> None:
    plain = re.compile("|".join(branches))
    fast = lx._literal_led_pattern(branches)
    for t in texts:
        a = rng.randrange(len(t) + 1)
        b = rng.randrange(a, len(t) + 1)
        for pos, end in ((0, len(t)), (a, b)):
            assert [m.span() for m in fast.finditer(t, pos, end)] == \
                [m.span() for m in plain.finditer(t, pos, end)], (t, pos, end)
            for op in ("match", "fullmatch", "search"):
                x, y = getattr(fast, op)(t, pos, end), getattr(plain, op)(t, pos, end)
                assert (x and x.span()) == (y and y.span()), (op, t, pos, end)


def _texts(branches: list[str], rng: random.Random, n: int) -> list[str]:
    # the patterns' own characters (so that branches match, overlap and nearly match), plus
    # digits and the punctuation the look-arounds test
    chars = sorted(set(re.findall(r"[\u3400-\u9fff]", "".join(branches)))) + list("0123456789,。、 ")
    words = [re.sub(r"[^\u3400-\u9fff]", "", b) for b in branches]
    out = []
    for _ in range(n):
        parts = [rng.choice(words) if rng.random() < 0.3 else rng.choice(chars)
                 for _ in range(rng.randrange(1, 16))]
        out.append("".join(parts))
    return out


def test_stop_words_match_as_written():
    rng = random.Random(1)
    stops = sorted(lx._lines("zh_stops.txt"), key=lx._literal_len, reverse=True)
    _same_matches(stops, _texts(stops, rng, 1500), rng)


def test_triggers_match_as_written():
    rng = random.Random(2)
    triggers: dict[str, list[str]] = {}
    for line in lx._lines("zh_triggers.tsv"):
        kind, pattern = line.split("\t")
        triggers.setdefault(kind, []).append(pattern)
    for branches in triggers.values():
        _same_matches(branches, _texts(branches, rng, 400), rng)


def test_module_patterns_match_as_written():
    rng = random.Random(3)
    for pattern in [r"(?:该|本|此|这一|这个)?联盟(?=由|于|是|经)",
                    r"(?:共同|联合)?(?:主办|承办|协办|联办)(?:单位)?",
                    r"(?:走访|参观|考察|(?:先后|一行|带队)(?:到|赴))了?",
                    r"(?<![数根依证])据|[一二三两几]+[家个所]|(?<!华)为(?!民)|第[一二三0-9]+[届次]"]:
        _same_matches([pattern], _texts([pattern], rng, 500), rng)
