"""Hard-wrapped articles (copied from a PDF or plain-text mail): a paragraph broken by single
newlines at a fixed width, which cuts names, posts and triggers (中国科学\\n技术大学).

`unwrap` finds such a document and gives a copy with the wrap breaks removed plus an offset
map, so the engine reads each paragraph joined and every span it emits is moved back into
`Document.text` (a span may then hold the newline inside a broken name). A document that is
not wrapped is left alone and read as before.
"""

from __future__ import annotations

from collections import Counter

# the widths a wrapped text is broken at, in characters
MIN_WIDTH, MAX_WIDTH = 20, 120
# a full line ends at most SHORT characters before the width or LONG after it: a wrapper
# keeps punctuation off a line start by moving a character down or the punctuation up
SHORT, LONG = 1, 2
# a wrapped document has at least this many full lines
MIN_FULL = 3
# a paragraph ends in a sentence end; a full line of a wrapped paragraph mostly does not
_FINAL = frozenset("。！？!?")
# a sentence end may be followed by a closing quote or bracket (…合作。” / …合作。）)
_CLOSE = frozenset("”’\"'」』）)")
_SPACE = " \t\r\u3000\u00a0"


def _width(lengths: list[int], kept: list[str]) -> int | None:
    """The wrap width: the commonest length of a long line, when at least MIN_FULL lines
    end near it, few lines are longer (one in five of those) and most of those lines do
    not end a sentence."""
    counts = Counter(lengths)
    widths = [n for n in counts if MIN_WIDTH <= n <= MAX_WIDTH]
    if not widths:
        return None
    # the width is the commonest length of a long line (the longer one on a tie)
    best = max(widths, key=lambda w: (counts[w], w))
    best_n = sum(counts[k] for k in range(best - SHORT, best + LONG + 1))
    if best_n < MIN_FULL:
        return None
    longer = sum(c for k, c in counts.items() if k > best + LONG)
    if longer * 5 > best_n:
        return None
    final = sum(1 for k in kept if best - SHORT <= len(k) <= best + LONG
                and _end(k) in _FINAL)
    if final * 2 > best_n:
        return None
    return best


def _end(line: str) -> str:
    """The line's last character, or the one before a closing quote or bracket."""
    return line[-2:-1] if line[-1:] in _CLOSE else line[-1:]


def unwrap(text: str) -> tuple[str, list[int]] | None:
    """The text with its wrap breaks removed and, for each of its characters, the offset in
    `text` it came from; None when `text` is not hard-wrapped."""
    if text.count("\n") < MIN_FULL:
        return None
    raw = text.split("\n")
    kept = [r.rstrip(_SPACE) for r in raw]
    lengths = list(map(len, kept))
    width = _width(lengths, kept)
    if width is None:
        return None
    ends = [_end(k) for k in kept]
    full = [width - SHORT <= n <= width + LONG for n in lengths]
    pieces: list[str] = []
    omap: list[int] = []
    pos = 0
    joined_any = joined = False
    last = len(raw) - 1
    for i, r in enumerate(raw):
        k = kept[i]
        nxt = raw[i + 1] if i < last else ""
        # a full line goes on into the next one unless it ends a sentence or the next line
        # is empty or indented (a new paragraph); a full line that does not go on from the
        # line before it (a headline's length by chance) only into a full line or a tail
        # that ends a sentence, not into a date or source line
        joined = (i < last and full[i] and ends[i] not in _FINAL and bool(nxt.strip())
                  and nxt[0] not in _SPACE
                  and (joined or full[i + 1] or ends[i + 1] in _FINAL))
        if joined:
            pieces.append(k)
            omap.extend(range(pos, pos + len(k)))
            joined_any = True
        else:
            piece = r if i == last else r + "\n"
            pieces.append(piece)
            omap.extend(range(pos, pos + len(piece)))
        pos += len(r) + 1
    if not joined_any:
        return None
    return "".join(pieces), omap
