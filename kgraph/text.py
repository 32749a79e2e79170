"""Offset-preserving normalisation and sentence spans.

Every matcher (gazetteer, dates, numbers, cues) works on ``normalise(text)`` and reports offsets
that are valid in the original text, so normalisation must never change the length: each character
maps to exactly one character.
"""

from __future__ import annotations

import itertools
import re
from functools import cache

from razdel import sentenize

from kgraph.model import Span

# one character in, one character out
_SAME_LENGTH_MAP = {
    "ё": "е",
    "İ": "i",
    "Ё": "е",
    "\u2010": "-",  # hyphen
    "\u2011": "-",  # non-breaking hyphen
    "\u2012": "-",  # figure dash
    "\u2013": "-",  # en dash
    "\u2014": "-",  # em dash
    "\u2015": "-",  # horizontal bar
    "\u2212": "-",  # minus sign
    "\u00a0": " ",  # no-break space
    "\u202f": " ",  # narrow no-break space
    "\u2007": " ",  # figure space
    "\u2009": " ",  # thin space
    "\u200a": " ",  # hair space
    "\t": " ",
    "«": '"',
    "»": '"',
    "“": '"',
    "”": '"',
    "„": '"',
    "‟": '"',
    "″": '"',
    "’": "'",
    "‘": "'",
    "ʼ": "'",
    "`": "'",
    "´": "'",
    # Kazakh text typed with the Latin schwa for the Cyrillic "ә" ("Тəжікстан", "жəне"), common on older sites
    "ə": "ә",
    "Ə": "ә",
}
_TABLE = str.maketrans(_SAME_LENGTH_MAP)
_TABLE_KEEP_CASE = str.maketrans({**_SAME_LENGTH_MAP, "Ё": "Е", "İ": "I", "Ə": "Ә"})


def _lower_char(c: str) -> str:
    low = c.lower()
    return low if len(low) == 1 else c


def unify(text: str) -> str:
    """Unify typography only (dashes, spaces, quotes, ё), keeping case: for case-sensitive matching."""
    return text.translate(_TABLE_KEEP_CASE)


def normalise(text: str) -> str:
    """Casefold and unify typography, keeping ``len(result) == len(text)`` and every offset."""
    low = text.lower()
    if len(low) != len(text):  # "İ" and a few others grow when lowercased: go char by char
        low = "".join(_lower_char(c) for c in text)
    return low.translate(_TABLE)


@cache
def _abbreviations() -> frozenset[str]:
    """Abbreviations (lowercase, without the final dot) after which a sentence goes on."""
    from kgraph.morph import LANGS, lexicon

    return frozenset(a.lower() for lang in LANGS for a in lexicon(lang).get("abbreviations", ()))


_TAIL_WORD = re.compile(r"([\w.-]+)\.\s*$")
_INITIALS_TAIL = re.compile(r"(?:^|[\s(\"'])(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.){1,3}\s*$")
_NEXT_LOWER = re.compile(r"^[\s\"'(]*[a-zа-яәғқңөұүһіё]")


def _continues(prev: str, nxt: str) -> bool:
    """Whether razdel split after an abbreviation or an initial that does not end the sentence."""
    m = _TAIL_WORD.search(prev)
    if m and m.group(1).lower() in _abbreviations():
        return True
    if _INITIALS_TAIL.search(prev):  # "А.Ш. Иванов", "Қ. Қасымов": a capital letter and a dot
        return True
    return bool(_NEXT_LOWER.match(nxt))


# a sentence end with its space lost ("…in 2019.In addition, …"): a dot after two lowercase letters or
# digits, right before a capitalised word (not "ASTANA.KAZINFORM", "В.В.Путин", "kazinform.kz", "г.Минск")
_JOINED_END = re.compile(r"(?<=[a-zа-яёәғқңөұүһі\d]{2}[.!?])(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі])")


def _split_joined(line: str, start: int, stop: int) -> list[tuple[int, int]]:
    """razdel's piece cut again where a sentence end lost its space, unless the word is an abbreviation."""
    cuts = [m.start() for m in _JOINED_END.finditer(line, start, stop)
            if (tail := _TAIL_WORD.search(line, start, m.start())) is None
            or tail.group(1).lower() not in _abbreviations()]
    return list(itertools.pairwise([start, *cuts, stop]))


@cache
def _line_spans(line: str) -> tuple[tuple[int, int], ...]:
    pieces = [piece for s in sentenize(line) for piece in _split_joined(line, s.start, s.stop)]
    merged: list[list[int]] = []
    for start, stop in pieces:
        if merged and _continues(line[merged[-1][0] : merged[-1][1]], line[start:stop]):
            merged[-1][1] = stop
        else:
            merged.append([start, stop])
    return tuple((a, b) for a, b in merged)


_WRAP_END = re.compile(r"[,;(\-–—]\s*$")  # a line that stops mid-clause
_SENTENCE_END = ".!?…:;\"»”)'"


def _wrapped(prev: str, nxt: str) -> bool:
    """A hard line wrap inside a sentence (pages re-flowed from print or PDF): the line before ends
    with no sentence punctuation, and the next goes on in lowercase or the line before stopped on a
    comma ("Іс-шараға, сондай-ақ Ресей,\nБеларусь … Президенттері\nқатысты.")."""
    prev, nxt = prev.rstrip(), nxt.lstrip()
    if not prev or not nxt or prev[-1] in _SENTENCE_END or not nxt[0].isalpha():
        return False
    return nxt[0].islower() or bool(_WRAP_END.search(prev))


def _paragraphs(text: str) -> list[tuple[int, str]]:
    """Lines, with hard-wrapped lines of one paragraph joined (their newlines kept); the first line
    (a header or a headline) never joins the next."""
    out: list[tuple[int, str]] = []
    pos = 0
    for index, line in enumerate(text.split("\n")):
        if index > 1 and out and out[-1][1].strip() and _wrapped(out[-1][1].split("\n")[-1], line):
            out[-1] = (out[-1][0], out[-1][1] + "\n" + line)
        else:
            out.append((pos, line))
        pos += len(line) + 1
    return out


def sentences(text: str) -> list[Span]:
    """Sentence spans of ``text``: paragraphs first (headlines and paragraphs never merge; a hard
    wrap inside a sentence is no paragraph break), then razdel."""
    spans: list[Span] = []
    for pos, line in _paragraphs(text):
        if line.strip():
            for a, b in _line_spans(line):
                # trim surrounding blanks so spans quote clean sentences
                while a < b and line[a].isspace():
                    a += 1
                while b > a and line[b - 1].isspace():
                    b -= 1
                if a < b:
                    spans.append(Span(pos + a, pos + b))
    return spans
