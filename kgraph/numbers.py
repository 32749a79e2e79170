"""Numbers in digits and words (kk/ru/en), classified so that statistics are not read from years,
session numbers, percentages or days of the month.

Kinds: ``cardinal``, ``ordinal`` ("35-е", "55-отырысы", "40th", "девятая"), ``year`` ("2024 жылы",
a lone 1900–2100), ``period`` ("2019–2023"; ``value`` is the first year, ``value_end`` the last),
``percent`` ("14 процентов", "12%"), ``date`` (a day of the month inside a date, see kgraph.dates).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from kgraph.dates import find_dates
from kgraph.morph import lexicon, number_by_lemma, number_words
from kgraph.text import normalise


@dataclass(frozen=True)
class NumberMention:
    start: int
    end: int
    value: float
    kind: str  # cardinal | ordinal | year | period | percent | date
    approx: bool = False  # "более 100", "over 100", "100-ден астам"
    value_end: float | None = None  # last year of a period


_DIGITS_TEMPLATE = (
    r"(?<![\w.,])(?P<num>\d{{1,3}}(?:{sep}\d{{3}})+(?![\d])|\d+)(?:[.,](?P<frac>\d+)(?!\d))?"
    r"(?:-(?P<suffix>[^\W\d_]+)|(?P<en>st|nd|rd|th)(?!\w))?"
)
_PERIOD = re.compile(r"(?<![\w.,])(?P<a>(?:19|20)\d\d)\s*-\s*(?P<b>(?:19|20)\d\d)(?!\d)")
_WORD = re.compile(r"[^\W\d_]+")


def _alt(words) -> str:
    return "|".join(re.escape(normalise(w)) for w in sorted(words, key=len, reverse=True))


@cache
def _tables(lang: str) -> dict:
    lex = lexicon(lang)
    words = number_words(lang, lex)  # surface → (value, kind), where the language lists its forms
    separators = re.escape(lex.get("thousands_separators", " "))
    return {
        "words": words,
        # group numerals ("десяток", "dozen"): a count alone in the singular ("около десятка вопросов"),
        # a multiplier after a number ("двух десятков", "two dozen"); the plural alone ("десятки",
        # "dozens") is indefinite
        "groups": {normalise(k): float(v) for k, v in (lex.get("group_numbers") or {}).items()},
        "groups_plural": {normalise(k): float(v) for k, v in (lex.get("group_numbers_plural") or {}).items()},
        "numbers": {normalise(k): v for k, v in lex["numbers"].items()},
        "ordinals": {normalise(k): v for k, v in (lex.get("ordinals") or {}).items()},
        "ordinal_suffixes": set(lex["ordinal_suffixes"]),
        "approx_before": re.compile(rf"(?:^|\W)(?:{_alt(lex['approx_before'])})\W*$") if lex["approx_before"] else None,
        "approx_after": re.compile(rf"^[-\w]*\s*(?:{_alt(lex['approx_after'])})(?!\w)")
        if lex["approx_after"]
        else None,
        "multipliers": {normalise(k): float(v) for k, v in (lex.get("multipliers") or {}).items()},
        "percent": re.compile(rf"^(?:-\w+)?\s*(?:%|(?:{_alt(lex['percent_words'])})\w*)"),
        "connectors": frozenset(lex.get("connectors", ())),
        "year_after": re.compile(rf"^(?:-\w+)?\s*(?:{_alt(lex['year_words'])})(?!\w)"),
        "digits": re.compile(_DIGITS_TEMPLATE.format(sep=f"[{separators}]")),
        # "a hundred": an article standing for "one" before a round number word
        "article": normalise(lex["number_article"]) + " " if lex.get("number_article") else None,
        # "two hundred and five": a word that joins the parts of one number
        "joiners": frozenset(lex.get("number_joiners", ())),
        # "55-отырысы": a hyphenated noun after the digits makes them an ordinal where the language does so
        "ordinal_noun": re.compile(lex["ordinal_hyphen_noun"]) if lex.get("ordinal_hyphen_noun") else None,
    }


@cache
def _word_value(token: str, lang: str) -> tuple[float, str] | None:
    """A word's value as a number word, if it is one; cached per word because a language's tables
    are fixed and most words of a text recur (reading through the morphology costs ≈ 25 µs a word)."""
    tables = _tables(lang)
    if token in tables["groups"]:
        return tables["groups"][token], "group"
    if token in tables["groups_plural"]:
        return tables["groups_plural"][token], "group_plural"
    return tables["words"].get(token) or number_by_lemma(token, lang, tables["numbers"], tables["ordinals"])


def _joins(previous: float, value: float) -> bool:
    """Whether ``value`` continues a number ending in ``previous``: "twenty five", "two hundred"."""
    if value >= 100:
        return True
    magnitude = 1
    while previous and previous % (magnitude * 10) == 0:
        magnitude *= 10
    return value < magnitude


def _combine(values: list[float], kinds: list[str] | None = None) -> float:
    total, current = 0.0, 0.0
    for i, v in enumerate(values):
        if kinds and kinds[i].startswith("group"):
            current = (current or 1) * v
        elif v == 100:
            current = (current or 1) * 100
        elif v >= 1000:
            total += (current or 1) * v
            current = 0
        else:
            current += v
    return total + current


def _word_numbers(norm: str, lang: str) -> list[tuple[int, int, float, str]]:
    """Runs of number words ("жиырма бес", "twenty-five", "a hundred") → (start, end, value, kind)."""
    out: list[tuple[int, int, float, str]] = []
    run: list[tuple[int, int, float, str]] = []
    tables = _tables(lang)

    def flush() -> None:
        if run:
            kind = "ordinal" if run[-1][3] == "ordinal" else "cardinal"  # a group numeral counts too
            start = run[0][0]
            article = tables["article"]
            if article and norm[max(0, start - len(article)) : start] == article and run[0][2] >= 100:
                start -= len(article)  # "a hundred"
            out.append((start, run[-1][1], _combine([r[2] for r in run], [r[3] for r in run]), kind))
            run.clear()

    for m in _WORD.finditer(norm):
        hit = _word_value(m.group(), lang)
        if hit is None:
            if not (run and m.group() in tables["joiners"] and run[-1][2] >= 100):
                flush()
            continue
        if hit[1] == "group_plural" and not run:
            continue  # "десятки документов", "dozens of": no count
        gap = norm[run[-1][1] : m.start()] if run else ""
        if run and hit[1].startswith("group") and not gap.strip(" -") and run[-1][3] == "cardinal":
            run.append((m.start(), m.end(), hit[0], hit[1]))  # "двух десятков": two times ten
            continue
        if run and (
            (gap.strip(" -") and gap.strip() != "and") or run[-1][3] == "ordinal" or not _joins(run[-1][2], hit[0])
        ):
            flush()
        run.append((m.start(), m.end(), hit[0], hit[1]))
    flush()
    return out


def _approx(norm: str, start: int, end: int, tables: dict) -> bool:
    before, after = tables["approx_before"], tables["approx_after"]
    if before and before.search(norm[max(0, start - 20) : start]):
        return True
    return bool(after and after.match(norm[end : end + 30]))


def find_numbers(text: str, lang: str, date_spans: list[tuple[int, int]] | None = None) -> list[NumberMention]:
    """Every number in ``text``, sorted by start, classified (see the module docstring).

    ``date_spans``: where the caller already found every date (with a publication date, so that
    day-month dates count too); otherwise the dates are looked for here."""
    norm = normalise(text)
    tables = _tables(lang)
    if date_spans is None:
        date_spans = [(d.start, d.end) for d in find_dates(text, lang, None)] + [
            (d.start, d.end) for d in _undated(text, lang)
        ]
    found: list[NumberMention] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, value: float, kind: str, value_end: float | None = None) -> None:
        taken.append((start, end))
        found.append(NumberMention(start, end, value, kind, _approx(norm, start, end, tables), value_end))

    for m in _PERIOD.finditer(norm):
        a, b = int(m.group("a")), int(m.group("b"))
        if a < b:
            add(m.start(), m.end(), a, "period", b)
    for m in tables["digits"].finditer(norm):
        start, end = m.span()
        if any(s <= start < e for s, e in taken):
            continue
        raw = m.group("num").replace(" ", "").replace(",", "")
        value = float(raw + ("." + m.group("frac") if m.group("frac") else ""))
        suffix = m.group("suffix") or m.group("en")
        rest = norm[end:]
        if m.group("suffix") and not _ordinal_suffix(suffix, tables):
            end = m.start("suffix") - 1  # "100-ден астам": a case ending, not part of the number
            rest = norm[m.start("suffix") - 1 :]
        if any(s <= start < e for s, e in date_spans):
            kind = "year" if len(raw) == 4 else "date"
        elif suffix and _ordinal_suffix(suffix, tables):
            kind = "ordinal"
        elif tables["percent"].match(rest):
            kind = "percent"
        elif len(raw) == 4 and not m.group("frac") and 1900 <= value <= 2100 and " " not in m.group("num"):
            kind = "year" if _yearish(norm, start, end, tables) else "cardinal"
        else:
            kind = "cardinal"
        if kind == "cardinal":
            value, end = _scaled(norm, end, value, tables)
        add(start, end, value, kind)
    for start, end, value, kind in _word_numbers(norm, lang):
        if any(s < end and start < e for s, e in taken):
            continue
        if kind == "cardinal" and tables["percent"].match(norm[end:]):
            kind = "percent"
        add(start, end, value, kind)
    return sorted(found, key=lambda n: n.start)


_SCALE = re.compile(r"\s+([^\W\d_]+)\.?")


def _scaled(norm: str, end: int, value: float, tables: dict) -> tuple[float, int]:
    """"1,5 тыс.", "2 млн", "3 мың", "2.5 million": the number times its scale word."""
    m = _SCALE.match(norm, end)
    if m and m.group(1) in tables["multipliers"]:
        return value * tables["multipliers"][m.group(1)], m.end()
    return value, end


def _ordinal_suffix(suffix: str, tables: dict) -> bool:
    if suffix in tables["ordinal_suffixes"]:
        return True
    # Kazakh writes "55-отырысы" (the 55th session): a hyphenated noun, not a case ending
    return bool(tables["ordinal_noun"] and tables["ordinal_noun"].fullmatch(suffix))


def _yearish(norm: str, start: int, end: int, tables: dict) -> bool:
    """A lone 1900–2100 is a year unless a counted noun follows ("2000 военнослужащих")."""
    if tables["year_after"].match(norm[end:]):
        return True
    nxt = re.match(r"\s+([^\W\d_]+)", norm[end:])
    return not nxt or not norm[end:].startswith(" ") or nxt.group(1) in tables["connectors"]


def _undated(text: str, lang: str):
    """Day-month dates whose year is unknown here: resolved against a fixed year, spans only."""
    return [d for d in find_dates(text, lang, dt.date(2000, 12, 31)) if not d.year_explicit]
