"""Figures reported at a meeting: counts written in digits or words, and percentages.

Years, dates, programme periods (2019–2023), ordinal session numbers, durations ("15 years",
"three-day") and phone numbers are not figures; the numbers module classifies most of them and the
language's ``not_counted`` cue catches the rest from the word that follows. What is counted is the
phrase right after the number; who reported it is the person or state named before it in the
sentence, else the last speaker.
"""

from __future__ import annotations

import re

from kgraph.extract.analysis import Analysis
from kgraph.extract.outcomes import _speaker_before, _state_before
from kgraph.extract.topics import topics_in
from kgraph.model import Person, Span, Statistic

WORD = re.compile(r"[\w-]+")
INDICATOR_WORDS = 3
YEARS = (1950, 2100)
ANAPHORA_MAX = 3  # "the two countries", "the three states": a small definite count retells named items
BREAK = re.compile(r"[.,;:!?()\"«»]")
CURRENCY_BEFORE = re.compile(r"(?:US|USD)?\s*[$€£₽₸¥]\s*$")  # a sign written before the amount


def _indicator(analysis: Analysis, end: int, limit: int) -> tuple[str, str | None, int]:
    """The counted phrase after a number, the unit if its first word is one, and where it ends."""
    tail = analysis.text[end:limit]
    stop = BREAK.search(tail)
    tail = tail[: stop.start()] if stop else tail
    words = list(WORD.finditer(tail))
    skip = 0
    while skip < len(words) and (words[skip].group().startswith("-")  # "10-нан астам": a case ending
                                 or analysis.cues.search("approx_after", " " + words[skip].group().lower())):
        skip += 1
    words = words[skip: skip + INDICATOR_WORDS]
    if not words:
        return "", None, end
    unit = analysis.cues.units.get(words[0].group().lower())
    return " ".join(w.group() for w in words), unit, end + words[-1].end()


QUOTE_MARKS = "\"«»“”„"
ATTRIBUTION_WINDOW = 80


def _quoted_until(analysis: Analysis, offset: int) -> int | None:
    """Where the quotation holding ``offset`` closes, if the paragraph has one open there."""
    text = analysis.text
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line_end = len(text) if line_end < 0 else line_end
    opened = sum(text[i] in QUOTE_MARKS for i in range(line_start, offset)) % 2 == 1
    if not opened:
        return None
    closes = [i for i in range(offset, line_end) if text[i] in QUOTE_MARKS]
    return closes[0] if closes else None


def _reporter(analysis: Analysis, sentence, offset: int):
    """Who reported a figure: the speaker of a sentence that says so ("X said", "по словам",
    "деді"), or of a quotation followed by its attribution ("…", – деді министр). A figure
    stated without attribution has no reporter: the last person named is not a reporter."""
    if analysis.has("statement", sentence.start, sentence.end):
        return _speaker_before(analysis, sentence.end)
    closing = _quoted_until(analysis, offset)
    if closing is not None and analysis.has("statement", closing, closing + ATTRIBUTION_WINDOW):
        return _speaker_before(analysis, closing + ATTRIBUTION_WINDOW)
    return None


def _designation_or_time(text: str, start: int, end: int) -> bool:
    """A model or strain name ("Су-24", "SU-24", "COVID-19") or a clock time ("21:31"): not a count."""
    if start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha():
        return True
    return (start >= 2 and text[start - 1] == ":" and text[start - 2].isdigit()) or \
        (end + 1 < len(text) and text[end] == ":" and text[end + 1].isdigit())


def _historical(analysis: Analysis, sentence) -> bool:
    """A sentence about a past event dated to the day, years before the report ("the system was set up
    on 10 February 1995 by an agreement of ten states"): its numbers are background, not figures of
    the session."""
    published = analysis.doc.published
    return published is not None and any(
        d.year_explicit and d.finish is None and d.begin.year < published.year - 1 for d in sentence.dates)


def _membership(analysis: Analysis, offset: int) -> bool:
    """A count of a body's members told as background: its clause says who belongs to the body or
    holds a standing role in it ("входят", "has ten members", "мүше еді", "are five observer states",
    "two states will chair the CIS next year") and nothing about taking part in the session (a count
    of the member states whose delegations came is a figure of the session)."""
    clause = analysis.clause(offset)
    return analysis.has("membership", clause.start, clause.end) and \
        not analysis.has("participation", clause.start, clause.end)


NAME_QUOTE_MAX = 40  # characters between the marks: a quoted name ("«three evils»"), not a quoted statement


def _in_quoted_name(analysis: Analysis, offset: int) -> bool:
    """A number inside a short quotation is part of a name or a slogan (the «three evils», an
    operation «Канал-2»), not a count: a quoted statement that reports a figure is longer."""
    closing = _quoted_until(analysis, offset)
    if closing is None:
        return False
    opening = max(analysis.text.rfind(mark, 0, offset) for mark in QUOTE_MARKS)
    return closing - opening <= NAME_QUOTE_MAX


def _restated(found: list[Statistic], stat: Statistic) -> bool:
    """The same figure told twice ("six heads of state … the six states' ministers"): the same value
    counting a word of the same stem."""
    first = stat.indicator.split()[:1]
    for other in found:
        theirs = other.indicator.split()[:1]
        if other.value == stat.value and other.unit == stat.unit and first and theirs:
            a, b = first[0].lower(), theirs[0].lower()
            n = max(2, min(len(a), len(b)) - 2)  # "алты ел" / "алты елдің", not "преступлений" / "преступников"
            if a[:n] == b[:n]:
                return True
    return False


def statistics(analysis: Analysis, persons: list[Person], skip: set[int] = frozenset()) -> list[Statistic]:
    by_name = {p.name: p for p in persons}
    date_spans = [(d.start, d.end) for d in analysis.dates]
    found: list[Statistic] = []
    # the headline's figures too ("Главы МИД СНГ одобрили 15 документов"), after the text's: a value the
    # text gives again is the text's (the headline words it differently: "fifteen documents" / "15 texts")
    title = [analysis.title] if analysis.title is not None else []
    for sentence in analysis.body + title:
        told = {(s.value, s.unit) for s in found} if sentence is analysis.title else set()
        if sentence.index in skip or _historical(analysis, sentence) or \
                analysis.has("since_founding", sentence.start, sentence.end):
            continue  # the body's history ("since its creation the Council has adopted 200 documents")
        for number in sentence.numbers:
            if number.kind not in ("cardinal", "percent"):
                continue
            if any(a <= number.start < b for a, b in date_spans):
                continue
            written = analysis.text[number.start: number.end]
            if _designation_or_time(analysis.text, number.start, number.end) or \
                    _in_quoted_name(analysis, number.start):
                continue
            if analysis.cues.match_at("numeral_not", analysis.norm, number.start, number.end):
                continue  # a numeral that is a period word in this form ("тоқсанда": in the quarter)
            if number.value == 1 and not written[:1].isdigit():
                continue  # "one of", "бір" is an article more often than a count
            if written.isdigit() and len(written) == 4 and YEARS[0] <= number.value <= YEARS[1]:
                continue  # "the 2024 work plans", "for 2020": in this news a bare 4-digit number is a year
            percent = number.kind == "percent" or analysis.cues.match_at("percent_words", analysis.norm, number.end)
            if not percent and analysis.cues.match_at("not_counted", analysis.norm, number.end):
                continue
            before = analysis.norm[max(sentence.start, number.start - 30): number.start]
            if analysis.cues.search("not_counted_before", before):
                continue  # "call 102", "по телефону 102": a phone number; "consists of six states"
            if number.value <= ANAPHORA_MAX and analysis.cues.search("anaphora_before", before):
                continue  # "the two countries", "эти две страны", "A and B were two topics": retells named items
            if _membership(analysis, number.start):
                continue  # "в состав ОДКБ входят шесть государств": how many members, not what the session did
            indicator, unit, indicator_end = _indicator(analysis, number.end, sentence.end)
            if not indicator and not percent:
                sign = CURRENCY_BEFORE.search(analysis.text, max(sentence.start, number.start - 6), number.start)
                if sign is None:
                    continue
                indicator = sign.group().strip()  # "$3 million": the currency sign says what is counted
            if percent:  # what changed by so many per cent: the clause around the number
                clause = analysis.clause(number.start).quote(analysis.text).strip()
                indicator = clause if len(clause) <= 100 else clause[:100].rsplit(" ", 1)[0] + "…"
                unit = "percent"
            span = Span(number.start, max(number.end, indicator_end))
            stat = Statistic(float(number.value), indicator, [span], unit=unit)
            if (not percent and _restated(found, stat)) or (stat.value, stat.unit) in told:
                continue
            stat.topics = topics_in(analysis, analysis.quote_unit(number.start))
            speaker = _reporter(analysis, sentence, number.start)
            stat.reported_by_state = _state_before(sentence, number.start) or (speaker.state if speaker else None)
            if speaker and speaker.name in by_name:
                stat.reported_by_person = by_name[speaker.name]
            found.append(stat)
    return found
