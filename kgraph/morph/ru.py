"""Russian surface forms of multi-word names with pymorphy3.

A name is "agreeing adjectives + head noun + tail": only the head and the adjectives before it
inflect, the tail is a genitive or apposition that never changes ("Совет министров обороны" →
"Советом министров обороны", "Республика Беларусь" → "Республики Беларусь"). A phrase with no
noun (a demonym adjective such as "казахстанский") yields every gender, number and case.
Indeclinable words (Fixd, Latin script, abbreviations) stay as written.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pymorphy3

_CASES = {
    "nomn": "nom",
    "gent": "gen",
    "gen2": "gen",
    "datv": "dat",
    "accs": "acc",
    "ablt": "ins",
    "loct": "loc",
    "loc2": "loc",
}
_ADJ_POS = {"ADJF", "PRTF"}


@cache
def analyzer() -> pymorphy3.MorphAnalyzer:
    """The one pymorphy3 analyser of the process (its dictionaries take ~15 MB and 0.5 s to load)."""
    return pymorphy3.MorphAnalyzer()


@cache
def parses(word: str) -> tuple[Any, ...]:
    """pymorphy3's parses of ``word``; none for a word it cannot analyse (it names each character's
    shape and fails on code points Python cannot name): document text is never trusted."""
    try:
        return tuple(analyzer().parse(word))
    except ValueError:
        return ()


def is_genitive_noun(word: str) -> bool:
    """The word's likeliest reading is a noun in the genitive ("юбилея", "Дня", "заседания")."""
    found = parses(word)
    return bool(found) and found[0].tag.POS == "NOUN" and found[0].tag.case in ("gent", "gen2")


def _restore_case(model: str, word: str) -> str:
    """Give the generated ``word`` the capitalisation of ``model``."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        # "санкт-петербурге" → "Санкт-Петербурге": capitalise each hyphenated part the model did
        parts, model_parts = word.split("-"), model.split("-")
        if len(parts) == len(model_parts):
            pairs = zip(parts, model_parts, strict=True)
            return "-".join(p.capitalize() if m[:1].isupper() else p for p, m in pairs)
        return word.capitalize()
    return word


def _fixed(word: str) -> bool:
    return not any("а" <= c.lower() <= "я" or c in "ёЁ" for c in word) or (word.isupper() and len(word) > 1)


def _nominative_parse(word: str, pos: set[str]):
    for p in parses(word):
        if p.tag.POS in pos and p.tag.case == "nomn":
            return p
    return None


def _inflect(parse, grammemes: set[str]):
    try:
        return parse.inflect(frozenset(grammemes))
    except ValueError:
        return None


def _adjective_forms(word: str) -> dict[str, set[str]]:
    parse = _nominative_parse(word, _ADJ_POS)
    result: dict[str, set[str]] = {"nom": {word}}
    if parse is None:
        return result
    lexeme = parse.lexeme
    for form in lexeme:
        tag = form.tag
        if tag.POS in _ADJ_POS and tag.case in _CASES:
            result.setdefault(_CASES[tag.case], set()).add(_restore_case(word, form.word))
    return result


@cache
def _forms(phrase: str) -> dict[str, frozenset[str]]:
    words = phrase.split()
    if not words:
        return {}
    head_index = None
    adjectives: list[int] = []
    parses = {}
    for i, word in enumerate(words):
        if _fixed(word):
            break
        noun = _nominative_parse(word, {"NOUN"})
        if noun is not None and "Fixd" not in noun.tag:
            head_index = i
            parses[i] = noun
            break
        adj = _nominative_parse(word, _ADJ_POS)
        if adj is None:
            break
        adjectives.append(i)
        parses[i] = adj
    if head_index is None:
        if len(words) == 1 and adjectives:
            return {c: frozenset(v) for c, v in _adjective_forms(words[0]).items()}
        return {"nom": frozenset({phrase})}  # indeclinable: "Душанбе", "СНГ"
    head = parses[head_index]
    tail = words[head_index + 1 :]
    # plurals only for common nouns ("министры обороны"); a proper name's plural reading would
    # shadow its singular ("Республики Беларусь" is a genitive, not "republics")
    numbers = ["sing", "plur"] if phrase[:1].islower() else ["sing"]
    if "Sgtm" in head.tag or "Geox" in head.tag:
        numbers = ["sing"]
    if "Pltm" in head.tag or head.tag.number == "plur":
        numbers = ["plur"]
    result: dict[str, set[str]] = {"nom": {phrase}}
    for case in _CASES:
        for number in numbers:
            head_form = _inflect(head, {case, number})
            if head_form is None:
                continue
            out = []
            ok = True
            for i in range(head_index):
                grammemes = {case, number}
                if number == "sing":
                    grammemes.add(head.tag.gender or "masc")
                if case == "accs" and head.tag.animacy:
                    grammemes.add(head.tag.animacy)
                form = _inflect(parses[i], grammemes) or _inflect(parses[i], {case, number})
                if form is None:
                    ok = False
                    break
                out.append(_restore_case(words[i], form.word))
            if not ok:
                continue
            out.append(_restore_case(words[head_index], head_form.word))
            out.extend(tail)
            result.setdefault(_CASES[case], set()).add(" ".join(out))
    return {c: frozenset(v) for c, v in result.items()}


def forms(phrase: str) -> dict[str, set[str]]:
    """Case tag → surface forms of ``phrase`` (head noun and its adjectives inflected)."""
    phrase = phrase.strip()
    result = {case: set(values) for case, values in _forms(phrase).items()}
    for case, values in _last_element_forms(phrase).items():
        result.setdefault(case, set()).update(values)
    return result


def _last_element_forms(phrase: str) -> dict[str, frozenset[str]]:
    """A hyphenated place name is often declined on its last element only ("в Чолпон-Ате", "в
    Нур-Султане", "в Усть-Каменогорске"), where pymorphy3 declines every element ("Чолпоне-Ате"):
    both usages are read, the element before the hyphen kept as written in the second."""
    words = phrase.split()
    if len(words) != 1 or "-" not in phrase.strip("-"):
        return {}
    first, _, last = phrase.rpartition("-")
    return {case: frozenset(f"{first}-{form}" for form in values)
            for case, values in _forms(last).items() if case != "nom"}


@cache
def _number_parse(token: str, numbers: tuple[tuple[str, float], ...],
                  ordinals: tuple[tuple[str, float], ...]) -> tuple[float, str] | None:
    cardinal, ordinal = dict(numbers), dict(ordinals)
    for parse in parses(token):
        lemma = parse.normal_form.replace("ё", "е")
        if parse.tag.POS in ("NUMR", "NOUN") and lemma in cardinal:
            return cardinal[lemma], "cardinal"
        if parse.tag.POS == "ADJF" and lemma in ordinal:
            return ordinal[lemma], "ordinal"
    return None


def number_by_lemma(token: str, numbers: dict[str, float], ordinals: dict[str, float]) -> tuple[float, str] | None:
    """Russian numerals decline in many forms ("двадцати", "девятая"): read by pymorphy3's lemma."""
    return _number_parse(token, tuple(numbers.items()), tuple(ordinals.items()))
