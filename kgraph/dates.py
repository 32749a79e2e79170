"""Dates in Kazakh, Russian and English news text, resolved against the publication date.

Patterns run over ``normalise(text)`` (dashes unified, lowercase), so offsets hold for the original.
Month, weekday and relative-day words come from ``ontology/lexicon/<lang>.yaml``. Every date found
is returned; choosing the date of a meeting is the extractor's job.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import cache

from kgraph import morph
from kgraph.morph import lexicon
from kgraph.text import normalise

# a day-month date more than this far after publication is last year's ("28 December" in January)
_FUTURE_SLACK = dt.timedelta(days=62)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    begin: dt.date
    finish: dt.date | None  # last day of a range; None for a single day
    year_explicit: bool
    # "today", "вчера", "кеше": a day named relative to the report (deixis), not a calendar date
    deictic: bool = False
    # "on Monday", "в среду": the weekday (0 = Monday) when the day is named by it alone; resolved to the
    # latest such day on or before publication (past narration), ``ahead`` gives the one in a preview
    weekday: int | None = None

    def ahead(self, published: dt.date) -> dt.date:
        """The day meant when the text speaks of the future ("will be held on Monday"): a weekday
        resolves to the first such day on or after publication, any other date stays as it is."""
        if self.weekday is None:
            return self.begin
        return published + dt.timedelta(days=(self.weekday - published.weekday()) % 7)


@dataclass(frozen=True)
class _Patterns:
    months: dict[str, int]  # word or stem → month number
    month_re: str
    weekdays: dict[str, int]
    weekday_re: str
    relative: dict[str, int]
    relative_re: str
    year_re: str
    link_re: str
    start_re: str
    words_before_weekday: bool
    pair_re: re.Pattern[str] | None  # a link that joins two days ("8 and 9 October"), not a range
    stems: bool
    month_first: bool  # the language also writes the month before the day ("June 3, 2024")
    month_capitalised: bool  # a month name alone is one only when capitalised (English "may")


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns(lang: str) -> _Patterns:
    lex = lexicon(lang)
    stems = lex.get("month_pattern") == "stem"
    months: dict[str, int] = {}
    for number, entry in enumerate(lex["months"], 1):
        for word in [entry] if isinstance(entry, str) else entry:
            months[normalise(word)] = number
    weekdays: dict[str, int] = {}
    for number, entry in enumerate(lex["weekdays"]):
        for word in [entry] if isinstance(entry, str) else entry:
            weekdays[normalise(word)] = number
    tail = r"\w*" if stems else r"\.?"
    month_re = rf"(?:{_alternation(months)}){tail}"
    after = lex.get("weekday_after")
    weekday_re = rf"(?:{_alternation(weekdays)})" + (rf"(?:{_alternation(after)})" if after else r"\b")
    before = lex.get("weekday_before")
    if before:
        weekday_re = rf"(?<!\w)(?:{_alternation(before)})\s+" + weekday_re
    relative = {normalise(k): int(v) for k, v in lex["relative_days"].items()}
    links = [re.escape(w) if w == "-" else rf"\s{re.escape(w)}\s" for w in lex.get("range_links", ["-"])]
    return _Patterns(
        months=months,
        month_re=month_re,
        weekdays=weekdays,
        weekday_re=weekday_re,
        relative=relative,
        relative_re=_alternation(relative),
        year_re=_alternation(lex["year_words"]),
        link_re="|".join(links),
        start_re=_alternation(lex.get("range_starts", [])) or "(?!)",
        words_before_weekday=bool(lex.get("weekday_before")),
        month_first=bool(lex.get("month_before_day")),
        month_capitalised=bool(lex.get("month_capitalised")),
        pair_re=re.compile(rf"\s(?:{_alternation(lex['pair_links'])})\s") if lex.get("pair_links") else None,
        stems=stems,
    )


def _month_number(p: _Patterns, word: str) -> int:
    word = word.rstrip(".")
    if word in p.months:
        return p.months[word]
    for key, number in sorted(p.months.items(), key=lambda kv: -len(kv[0])):
        if word.startswith(key):
            return number
    raise KeyError(word)


@cache
def _regexes(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    p = _patterns(lang)
    m, y = p.month_re, p.year_re
    day = r"(?P<{}>[0-3]?\d)(?:-?(?:го|е|ші|шы|st|nd|rd|th))?"
    year_after = rf"(?:,?\s+(?P<year>(?:19|20)\d\d)(?:\s*(?:{y})\b\.?)?)?"
    year_before = rf"(?:(?P<year0>(?:19|20)\d\d)\s*(?:{y})\b\.?\s+)?"
    link = rf"\s*(?:{p.link_re})\s*" + (r"|\s+" if p.stems else "")
    b = r"(?<![\w.,])"  # a day number starts a token (not "3,5" nor "1.12")
    e = r"(?!\w)"
    start = rf"(?:(?:{p.start_re})\s+)?"
    out = [
        # "с 30 мая по 1 июня", "30 мамырдан 1 маусымға дейін", "from 30 May to 1 June"
        (
            "span",
            rf"{b}{start}{year_before}{day.format('d1')}\s+(?P<m1>{m}){e}(?:{link})"
            rf"{day.format('d2')}\s+(?P<m2>{m}){e}{year_after}",
        ),
        # "11–14 августа", "4-6 қыркүйекте"
        (
            "range",
            rf"{b}{start}{year_before}{day.format('d1')}(?:{link}){day.format('d2')}\s+(?P<m2>{m}){e}{year_after}",
        ),
        # "12 августа", "2024 жылғы 5 қазанда", "3 June 2024"
        ("day", rf"{b}{year_before}{day.format('d1')}\s+(?P<m1>{m}){e}{year_after}"),
        ("numeric", r"(?<![\w.])(?P<d1>[0-3]?\d)\.(?P<m1n>[01]?\d)\.(?P<year>(?:19|20)\d\d)(?!\w)"),
    ]
    if p.month_first:
        out += [
            # "June 3-5, 2024", "June 3, 2024"
            ("en-range", rf"\b(?P<m2>{m})\s+{day.format('d1')}(?:{link}){day.format('d2')}\b{year_after}"),
            ("en-day", rf"\b(?P<m1>{m})\s+{day.format('d1')}\b{year_after}"),
        ]
    out += [
        ("weekday", rf"(?<!\w)(?P<wd>{p.weekday_re})(?!\w)"),
        ("relative", rf"(?<!\w)(?P<rel>{p.relative_re})(?!\w)"),
    ]
    return [(name, re.compile(rx)) for name, rx in out]


def _resolve_year(month: int, day: int, published: dt.date | None) -> dt.date | None:
    if published is None:
        return None
    try:
        candidate = dt.date(published.year, month, day)
    except ValueError:
        return None
    if candidate - published > _FUTURE_SLACK:
        try:
            candidate = dt.date(published.year - 1, month, day)
        except ValueError:
            return None
    return candidate


def _make(day: int, month: int, year: int | None, published: dt.date | None) -> tuple[dt.date | None, bool]:
    if year is not None:
        try:
            return dt.date(year, month, day), True
        except ValueError:
            return None, True
    return _resolve_year(month, day, published), False


def _from_match(name: str, m: re.Match[str], lang: str, published: dt.date | None):
    p = _patterns(lang)
    g = m.groupdict()
    year_text = g.get("year") or g.get("year0")
    year = int(year_text) if year_text else None
    if name in ("weekday", "relative"):
        if published is None:
            return None
        if name == "relative":
            return published + dt.timedelta(days=p.relative[g["rel"]]), None, False, "deictic"
        # "в минувшую среду": words written before the weekday ("weekday_before") are not the day
        word = g["wd"].split()[-1] if p.words_before_weekday else g["wd"]
        number = next(n for w, n in sorted(p.weekdays.items(), key=lambda kv: -len(kv[0])) if word.startswith(w))
        # past narration: the latest such weekday on or before publication
        return published - dt.timedelta(days=(published.weekday() - number) % 7), None, False, number
    if name == "numeric":
        try:
            return dt.date(year, int(g["m1n"]), int(g["d1"])), None, True
        except ValueError:
            return None
    d1 = int(g["d1"])
    resolved = _dated(name, m, p, d1, year, published)
    if resolved and resolved[1] is not None and p.pair_re is not None and p.pair_re.search(m.group(0)) \
            and (resolved[1] - resolved[0]).days != 1:
        return None  # "5 and 12 October" are two days, not a range; "8 and 9 October" is a two-day session
    return resolved


def _dated(name: str, m: re.Match[str], p: _Patterns, d1: int, year: int | None, published: dt.date | None):
    g = m.groupdict()
    if name in ("range", "en-range"):
        month2 = _month_number(p, g["m2"])
        d2 = int(g["d2"])
        if not d1 < d2:
            return None
        finish, explicit = _make(d2, month2, year, published)
        if finish is None:
            return None
        try:
            return finish.replace(day=d1), finish, explicit
        except ValueError:
            return None
    month1 = _month_number(p, g["m1"])
    if name == "span":
        month2 = _month_number(p, g["m2"])
        finish, explicit = _make(int(g["d2"]), month2, year, published)
        if finish is None:
            return None
        begin_year = finish.year - (1 if month1 > month2 else 0)
        try:
            begin = dt.date(begin_year, month1, d1)
        except ValueError:
            return None
        return (begin, finish, explicit) if begin < finish else None
    begin, explicit = _make(d1, month1, year, published)
    return (begin, None, explicit) if begin else None


def _inside_name(text: str, start: int) -> bool:
    """A capitalised relative-day word after a capitalised word on its line is part of a name
    ("Russia Today", "«Қазақстан Бүгін»"), not a day."""
    if not text[start:start + 1].isupper():
        return False
    words = text[text.rfind("\n", 0, start) + 1:start].split()
    return bool(words) and words[-1].strip("«\"'“„")[:1].isupper() and words[-1][-1].isalpha()


def _eve_of(norm: str, m: re.Match[str], lang: str) -> bool:
    """"накануне юбилея" (on the eve of the anniversary) names no day: an eve word (lexicon
    ``eve_words``) followed by a noun in the genitive is "on the eve of", not "the day before"."""
    if m.group("rel") not in lexicon(lang).get("eve_words", ()):
        return False
    following = re.match(r"\s+(\w+)", norm[m.end():])
    return following is not None and morph.is_genitive_noun(following.group(1), lang)


def find_dates(text: str, lang: str, published: dt.date | None = None) -> list[DateMention]:
    """Every date, date range and relative day in ``text``; sorted by start, never overlapping.

    A date without a year takes the publication year (the previous one if that would put it more
    than two months after publication); without a publication date such dates are skipped.
    """
    norm = normalise(text)
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for name, regex in _regexes(lang):
        for m in regex.finditer(norm):
            start, end = m.span()
            if any(start < b and a < end for a, b in taken):
                continue
            if name == "relative" and (_inside_name(text, start) or _eve_of(norm, m, lang)):
                continue
            resolved = _from_match(name, m, lang, published)
            if resolved is None:
                continue
            begin, finish, explicit, *how = resolved
            while end > start and norm[end - 1] in " ,":
                end -= 1
            if norm[end - 1] == ".":
                rest = text[end:].lstrip()
                if not rest or rest[0].isupper():  # the sentence's full stop, not "авг."
                    end -= 1
            taken.append((start, end))
            found.append(DateMention(start, end, begin, finish, explicit, deictic=how == ["deictic"],
                                     weekday=how[0] if how and isinstance(how[0], int) else None))
    found.sort(key=lambda d: d.start)
    # "on Tuesday, November 30", "во вторник, 30 ноября": a weekday in apposition to a calendar date names
    # the same day, which the calendar date gives exactly (a weekday alone resolves against publication):
    # one mention of both
    out: list[DateMention] = []
    for d in found:
        weekday = out[-1] if out else None
        if (weekday is not None and weekday.weekday is not None and d.weekday is None and not d.deictic
                and not norm[weekday.end:d.start].strip(" ,")):
            out[-1] = replace(d, start=weekday.start)
        else:
            out.append(d)
    return out


@dataclass(frozen=True)
class MonthMention:
    """A month named without a day ("в апреле", "in April", "сәуірде"): too vague for a date, but
    enough to tell that an event lies months before the publication."""

    start: int
    end: int
    month: int


def find_month_mentions(text: str, lang: str) -> list[MonthMention]:
    """Months written without a day; a month inside a full date is left to ``find_dates``."""
    patterns = _patterns(lang)
    norm = normalise(text)
    taken = [(d.start, d.end) for d in find_dates(text, lang, dt.date(2000, 12, 31))]
    found = []
    for m in re.finditer(rf"(?<!\w)({patterns.month_re})(?!\w)" if not patterns.stems
                         else rf"(?<!\w)({patterns.month_re})", norm):
        if any(a <= m.start() < b for a, b in taken) or (
                patterns.month_capitalised and not text[m.start()].isupper()):
            continue  # English "may" is a month only when capitalised
        word = m.group(1).rstrip(".")
        month = patterns.months.get(word) or next(
            (n for stem, n in patterns.months.items() if word.startswith(stem)), None)
        if month:
            found.append(MonthMention(m.start(), m.end(), month))
    return found
