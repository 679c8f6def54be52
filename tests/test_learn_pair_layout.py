"""The pair features of a pair's place in its sentence (candidates._pair_layout): names listed
side by side, two lists on either side of the event words, where the event words stand, a
clause break between the two, the sentence's first name. Invented texts."""

from __future__ import annotations

import time

from partnergraph.documents.prepare import prepare
from partnergraph.extraction.rules import RuleBackend
from partnergraph.learn.candidates import _RUN_GAP, Context, pair_features


def _context(text: str, lang: str = "en") -> Context:
    doc = prepare(text, id="t", lang=lang) if lang == "zh" else prepare(text, id="t")
    return Context.build(doc, RuleBackend().extract(doc))


def _features(ctx: Context, a: str, b: str) -> dict[str, float]:
    ix = ctx.index
    x, y = sorted((ix[a], ix[b]))
    return pair_features(ctx, x, y)


LISTS = ("Carrow University, Tennford University and Belmar Institute signed a research agreement "
         "with Quinton Polytechnic and Halvard Labs on 2 May.")


def test_names_listed_side_by_side_are_one_list():
    ctx = _context(LISTS)
    f = _features(ctx, "Carrow University", "Belmar Institute")
    assert f.get("list=same<=3") == 1.0
    assert f.get("list=same<=3|sent_orgs=<=5") == 1.0
    assert _features(ctx, "Quinton Polytechnic", "Halvard Labs").get("list=same<=2") == 1.0


def test_two_lists_on_either_side_of_the_signing():
    ctx = _context(LISTS)
    f = _features(ctx, "Carrow University", "Halvard Labs")
    assert f.get("list=across") == 1.0
    # the list's commas are no clause break
    assert f.get("clause=one") == 1.0 and "clause=split" not in f


def test_where_the_event_words_stand_in_chinese():
    ctx = _context("北京星河大学与江南海川集团签署战略合作协议，清江市人民政府代表出席仪式。", "zh")
    assert _features(ctx, "北京星河大学", "江南海川集团").get("trig=after|agreement") == 1.0
    assert _features(ctx, "江南海川集团", "清江市人民政府").get("trig=between|agreement") == 1.0


def test_english_pairs_have_no_event_word_side():
    # out of fold on English train the side of the nearest event word made the pairs model worse
    ctx = _context(LISTS)
    assert not any(k.startswith("trig=") for k in _features(ctx, "Carrow University", "Halvard Labs"))


def test_a_name_after_a_clause_break_and_the_subject():
    ctx = _context("Carrow University signed an agreement with Tennford University on Monday, and Belmar "
                   "Institute announced new courses.")
    signed = _features(ctx, "Carrow University", "Tennford University")
    assert signed.get("clause=one") == 1.0 and signed.get("subject") == 1.0 and signed.get("list=none") == 1.0
    other = _features(ctx, "Tennford University", "Belmar Institute")
    assert other.get("clause=split") == 1.0 and "subject" not in other


def test_chinese_sides_of_a_signing():
    ctx = _context("北京星河大学与江南海川集团签署战略合作协议，清江市人民政府代表出席仪式。", "zh")
    signed = _features(ctx, "北京星河大学", "江南海川集团")
    assert signed.get("list=same<=2") == 1.0
    guest = _features(ctx, "江南海川集团", "清江市人民政府")
    assert guest.get("list=one") == 1.0 and guest.get("clause=split") == 1.0


def test_the_list_gaps_take_linear_time():
    def seconds(n: int) -> float:
        gap = " " * n + "(" + " " * n
        t0 = time.process_time()
        for rx in _RUN_GAP.values():
            rx.fullmatch(gap)
            rx.fullmatch(" " * n + ", " + " " * n + "x")
        return time.process_time() - t0
    assert seconds(40_000) < 8 * max(seconds(10_000), 0.002)
