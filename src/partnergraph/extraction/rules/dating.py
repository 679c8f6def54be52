"""The date the rules give an event told in a span of a document, for stages that find events
the rules did not (the learned layer's new events).

Such an event is dated as the rule engine of its language dates its own: the sentence's date
(a weekday, "昨天", a day without its month resolved against the publication date or the
dateline), else the article's lead date, so that an event told in a sentence with no date takes
the news event's day as the rules' events do. Learned backend, train dates (out-of-fold models,
bench/date_misses.py): en .657 -> .716, zh .846 -> .868 with the rules' date choice as it was.
"""

from __future__ import annotations

from partnergraph.dates import DateMention
from partnergraph.extraction.rules.chinese import event_dates, view
from partnergraph.extraction.rules.english import text, when
from partnergraph.models import Document


class EventDater:
    """Dates events told in one document; the language's reading of it is made at the first
    question and kept, so many events cost one reading."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self._en: when.EventDates | None = None
        self._zh: tuple[view.ZhText, DateMention | None] | None = None

    def date_at(self, start: int, end: int, trigger: int | None = None,
                kind: str | None = None) -> tuple[str | None, tuple[int, int] | None]:
        """(partial ISO 8601 date or None, the span it was read from) of an event of type `kind`
        told in `document.text[start:end]`, whose trigger (when the stage knows it) starts at `trigger`."""
        if self.document.lang == "zh":
            if self._zh is None:
                zt = view.build(self.document)
                self._zh = zt, event_dates.lead_date(zt)
            zt, lead = self._zh
            d = event_dates.date_at(zt, start, end, lead, trigger)
            return (d.resolve(zt.published), (d.start, d.end)) if d is not None else (None, None)
        if self._en is None:
            self._en = when.EventDates(text.read(self.document))
        return self._en.date_at(start, end, kind, trigger)
