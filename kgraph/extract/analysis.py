"""One pass of the language tools over a document, shared by every extractor.

Gazetteer matches, dates, numbers, persons and sentence spans are computed once and looked up by
sentence, so the extractors stay small rules over an annotated text instead of each re-reading it.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from kgraph.dates import DateMention, find_dates
from kgraph.document import Document
from kgraph.extract.cues import Cues, cues_for
from kgraph.gazetteer import Gazetteer, Match
from kgraph.model import Span
from kgraph.numbers import NumberMention, find_numbers
from kgraph.persons import PersonMention, find_persons
from kgraph.text import normalise, sentences

CLAUSE_BREAKS = ",;:()\"—"
QUOTE_CHARS = 500  # the scorer and readers take a quote of a few lines, not a page


def within(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start:end`` lies inside one of ``spans`` (a cue's matches, a list's lines)."""
    return any(a <= start and end <= b for a, b in spans)


@dataclass
class Sentence:
    index: int
    span: Span
    is_title: bool = False
    matches: list[Match] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    numbers: list[NumberMention] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.span.start

    @property
    def end(self) -> int:
        return self.span.end

    def of_kind(self, *kinds: str) -> list[Match]:
        return [m for m in self.matches if m.kind in kinds]


@dataclass
class Analysis:
    doc: Document
    norm: str
    cues: Cues
    sentences: list[Sentence]
    matches: list[Match]
    dates: list[DateMention]
    numbers: list[NumberMention]
    persons: list[PersonMention]
    cache: dict = field(default_factory=dict)  # per-document results shared by the rule modules

    @property
    def lang(self) -> str:
        return self.doc.lang

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def title(self) -> Sentence | None:
        return self.sentences[0] if self.sentences and self.sentences[0].is_title else None

    @property
    def body(self) -> list[Sentence]:
        return [s for s in self.sentences if not s.is_title]

    @cached_property
    def cut_off(self) -> Sentence | None:
        """The excerpt's last sentence when the text is cut off inside it (no closing punctuation):
        its verb may be missing, so nothing in it says what was done, or when."""
        if not self.body:
            return None
        last = self.body[-1]
        tail = self.text[last.start: last.end].rstrip()
        return last if tail and tail[-1] not in ".!?…\"»”)'" else None

    @cached_property
    def _starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def has(self, cue: str, start: int, end: int) -> bool:
        return self.cues.search(cue, self.norm, start, end) is not None

    def find(self, cue: str, start: int, end: int) -> Iterator[tuple[int, int]]:
        yield from self.cues.finditer(cue, self.norm, start, end)

    def clause(self, offset: int) -> Span:
        """The clause around ``offset``: bounded by punctuation inside its sentence."""
        sentence = self.sentence_at(offset)
        lo, hi = (sentence.start, sentence.end) if sentence else (0, len(self.text))
        left = max([self.text.rfind(ch, lo, offset) for ch in CLAUSE_BREAKS] + [lo - 1]) + 1
        rights = [i for i in (self.text.find(ch, offset, hi) for ch in CLAUSE_BREAKS) if i >= 0]
        right = min(rights) if rights else hi
        return Span(left, max(right, left + 1))

    def quote_unit(self, offset: int) -> Span:
        """The sentence around ``offset`` as the one analysis split it (razdel: abbreviations and
        "2025 г." end no sentence), the unit a reader quotes for a decision or a proposal. A run-on
        sentence over QUOTE_CHARS is narrowed to the semicolon/colon-bounded stretch around the
        offset, so that evidence stays a readable quote."""
        sentence = self.sentence_at(offset)
        if sentence is None:
            return self.clause(offset)
        lo, hi = sentence.start, sentence.end
        if hi - lo > QUOTE_CHARS:
            left = max([self.text.rfind(ch, lo, offset) for ch in ";:\n"] + [lo - 1]) + 1
            rights = [i for i in (self.text.find(ch, offset, hi) for ch in ";:\n") if i >= 0]
            lo, hi = left, min(rights) if rights else hi
        while lo < hi and self.text[lo].isspace():
            lo += 1
        while hi > lo + 1 and self.text[hi - 1].isspace():
            hi -= 1
        return Span(lo, max(hi, lo + 1))


def _title_span(doc: Document) -> Span | None:
    if doc.body_start == 0:
        return None
    header = doc.text[: doc.body_start].rstrip("\n")
    start = header.find(" ", header.find("date") + 5) + 1  # after "date YYYY-MM-DD "
    while start < len(header) and header[start].isspace():
        start += 1
    return Span(start, len(header)) if 0 < start < len(header) else None


def _distribute(sentences: list[Sentence], items: Iterable, attr: str) -> None:
    starts = [s.start for s in sentences]
    for item in items:
        i = bisect.bisect_right(starts, item.start) - 1
        if i >= 0 and item.start < sentences[i].end:
            getattr(sentences[i], attr).append(item)


def analyse(doc: Document) -> Analysis:
    norm = normalise(doc.text)
    spans = [span for span in sentences(doc.text) if span.start >= doc.body_start]
    title = _title_span(doc)
    sents = ([Sentence(0, title, is_title=True)] if title else [])
    sents += [Sentence(len(sents) + i, span) for i, span in enumerate(spans)]
    matches = Gazetteer.default().find(doc.text)
    dates = find_dates(doc.text, doc.lang, doc.published)
    numbers = find_numbers(doc.text, doc.lang, [(d.start, d.end) for d in dates] if doc.published else None)
    _distribute(sents, matches, "matches")
    _distribute(sents, dates, "dates")
    _distribute(sents, numbers, "numbers")
    persons = find_persons(doc, matches)
    return Analysis(doc, norm, cues_for(doc.lang), sents, matches, dates, numbers, persons)
