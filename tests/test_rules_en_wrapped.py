"""Hard-wrapped articles (typed or e-mailed releases, copies from PDFs) break lines at a
fixed width, even inside a name or a headline: a full line goes on into the next one."""

from __future__ import annotations

import textwrap

import partnergraph

PARAGRAPHS = [
    "Harbourton Shipping Group and Norvane Marine Instruments Sign Strategic Cooperation Agreement in Portville",
    "Portville (PNS) - Harbourton Shipping Group (HSG) and Norvane Marine Instruments Co., Ltd. (NMI) signed a strategic "
    "cooperation agreement on June 3 in Portville. Chen Dawei, chairman of HSG, and Lisa Grant, chief executive officer of "
    "Norvane Marine Instruments Co., Ltd., attended the ceremony together with officials of the Portville Port Authority.",
    "Under the agreement, the two companies will cooperate in sensor design, autonomous navigation, port logistics and the "
    "training of engineers, and will open a joint testing centre in the harbour district of Portville next year.",
    "Before the signing, Lisa Grant and her delegation visited the Westbrook Polytechnic University Laboratory of Marine "
    "Robotics, where the university showed its work on underwater vehicles and hull inspection drones.",
]


def wrapped(width: int) -> str:
    return "\n\n".join("\n".join(textwrap.wrap(p, width)) for p in PARAGRAPHS) + "\n"


def summary(text: str):
    r = partnergraph.extract(text, published="2023-06-05", lang="en")
    return (sorted(o.name for o in r.organizations),
            sorted((p.name, p.title, p.org) for p in r.people),
            sorted((e.type, e.date, tuple(sorted(e.parties))) for e in r.events))


def test_the_wrapped_article_reads_as_the_unwrapped_one():
    plain = summary("\n\n".join(PARAGRAPHS))
    assert ("agreement", "2023-06-03", ("Harbourton Shipping Group", "Norvane Marine Instruments Co., Ltd.")) in plain[2]
    for width in (64, 72, 80):
        assert summary(wrapped(width)) == plain, width


# wrapped by hand at 72: line 1 of the story is mostly capitalized words (a headline's look)
# and breaks inside a name; line 2 ends with an acronym in parentheses
HAND_WRAPPED = """Harbourton Shipping Group and Norvane Marine Instruments Sign Agreement

Portville (PNS) - Harbourton Shipping Group (HSG) and Norvane Marine
Instruments Co., Ltd. (NMI) signed a strategic cooperation agreement
on June 3 in Portville, said Chen Dawei, chairman of the HSG board,
and Lisa Grant, chief executive officer of Norvane Marine Instruments.

Under the agreement, the two companies will cooperate in sensor design,
autonomous navigation, port logistics and the training of engineers,
and will open a joint testing centre in the harbour district next year.

Before the signing, Lisa Grant and her delegation visited the Westbrook
Polytechnic University Laboratory of Marine Robotics, where the hosts
showed their work on underwater vehicles and hull inspection drones.
"""


def test_a_name_broken_after_a_line_of_capitalized_words():
    names, _, events = summary(HAND_WRAPPED)
    assert "Norvane Marine Instruments Co., Ltd." in names
    assert "Instruments Co., Ltd." not in names
    assert ("agreement", "2023-06-03", ("Harbourton Shipping Group", "Norvane Marine Instruments Co., Ltd.")) in events


def test_an_unwrapped_article_keeps_its_lines_apart():
    # lines of every length (no wrap width): a headline-like line is not joined to the next
    text = ("Norvane Marine Instruments Signs Agreement With Harbourton Shipping Group\n"
            "Harbourton Shipping Group and Norvane Marine Instruments Co., Ltd. signed a strategic cooperation "
            "agreement on June 3 in Portville, the two companies said in a joint statement issued on Monday.\n"
            "Next: Westbrook Polytechnic University Opens Campus\n"
            "Short line.\n")
    r = partnergraph.extract(text, published="2023-06-05", lang="en")
    assert [e.type for e in r.events] == ["agreement"]
