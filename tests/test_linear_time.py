"""The adversarial shapes that were quadratic (issue 12) stay linear: the time for 4x the text
must grow under 8x (a quadratic stage grows 16x: "March 3, 2024, " x 2,700 took 14 s). A ratio
of two sizes in one process, not a time limit, so a slow or busy machine does not fail it;
bench/bench_adversarial.py measures every shape up to 4 MB."""

from __future__ import annotations

import time

import pytest

from partnergraph.documents import prepare_raw
from partnergraph.models import RawDocument
from partnergraph.pipeline import process_document

SHAPES = {
    "dates": ("text", "March 3, 2024, "),
    "weekday_dates": ("text", "Monday, March 3, 2024, "),
    "zh_dates": ("text", "2024年3月3日"),
    "honorifics": ("text", "Mr. "),
    "honorific_pairs": ("text", "Dr. Prof. "),
    # honours of several words and apostrophes (en_honorifics.txt): "Tan Sri", "Dato’ Sri"
    "honours_of_several_words": ("text", "Tan Sri Dato’ Sri Her Excellency "),
    "one_line_article": ("text", "On March 3, 2024, Orvel University and Brantic Group signed a strategic "
                                 "cooperation agreement. President Mira Tolland of Orvel University attended. "),
    "html_paragraphs": ("html", "<p>Orvel signed.</p>"),
    # one run of posts, persons and conjunctions before a department (副总经理李玲与青川县委)
    "zh_posts_and_conjunctions": ("text", "副总经理李玲与青川县委和文化局"),
}
SMALL = 24_000  # characters; 4x this is where the quadratic shapes took tens of seconds


def _seconds(kind: str, unit: str, size: int, backend) -> float:
    body = unit * (size // len(unit))
    raw = RawDocument(id="t", **({"html": f"<html><body>{body}</body></html>"} if kind == "html" else {"text": body}))
    best = float("inf")
    for _ in range(2):
        t0 = time.process_time()
        process_document(prepare_raw(raw), backend)
        best = min(best, time.process_time() - t0)
    return max(best, 0.002)


@pytest.mark.parametrize("name", list(SHAPES))
def test_four_times_the_text_takes_under_eight_times_as_long(name, rule_backend):
    kind, unit = SHAPES[name]
    _seconds(kind, unit, 2_000, rule_backend)  # warm caches
    small = _seconds(kind, unit, SMALL, rule_backend)
    # a quadratic regression already shows here (the dates took 14 s at 40 KB): fail now
    # rather than spend minutes on the larger size
    assert small < 5, f"{name}: {small:.1f} s of CPU for {SMALL:,} characters"
    # on a crowded machine one measurement can be off by 2x (the caches are shared), so a
    # shape fails only when three measurements in a row all grow 8x; a quadratic one grows 16x
    ratios = []
    for _ in range(3):
        large = _seconds(kind, unit, 4 * SMALL, rule_backend)
        ratios.append(f"{small:.3f} s -> {large:.3f} s")
        if large / small < 8:
            return
        small = _seconds(kind, unit, SMALL, rule_backend)
    pytest.fail(f"{name}: 4x the text took 8x as long three times: {'; '.join(ratios)}")
