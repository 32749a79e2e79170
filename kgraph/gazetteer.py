"""Find states, bodies, cities and agencies of the reference data in a text, in any inflected form.

All surface forms are generated once (kgraph.morph) and compiled into two Aho–Corasick automata:
one over ``normalise(text)`` for names, one over ``unify(text)`` (case kept) for abbreviations,
which are matched case-sensitively ("СНГ", "ТМД-ға", never "снг" inside a word). Matching is then
one pass of each automaton plus a leftmost-longest selection on word boundaries.

Proper names of states and cities must start with a capital in the text when their reference
form does: this keeps the Kazakh month "қазанда" (in October) from being the city "Қазан".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import ahocorasick

from kgraph import morph
from kgraph.lang import detect_language
from kgraph.morph import en as morph_en
from kgraph.morph import kk as morph_kk
from kgraph.text import normalise, unify

KINDS = (
    "body",
    "body-core",
    "org-abbrev",
    "state",
    "city",
    "agency-national",
    "agency-head",
    "agency",
    "state-adj",
)
_KIND_RANK = {k: i for i, k in enumerate(KINDS)}
_CASE_RANK = {c: i for i, c in enumerate((*morph.CASES, None))}


@dataclass(frozen=True)
class Match:
    kind: str  # see KINDS
    key: str  # ISO code, body slug, city id, agency slug; "body-core": the normalised core phrase
    candidates: tuple[str, ...]  # "body-core": body slugs sharing that core; else (key,)
    start: int
    end: int
    case: str | None  # nom gen dat acc ins loc abl (kk and ru), None when unknown (en)


@dataclass(frozen=True)
class _Entry:
    kind: str
    key: str
    candidates: tuple[str, ...]
    case: str | None
    capital: bool  # the text must start with a capital letter here
    length: int

    def rank(self) -> tuple[int, int]:
        return _KIND_RANK[self.kind], _CASE_RANK[self.case]


def _field(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _by_lang(value: Any) -> Iterator[tuple[str, str]]:
    """``{lang: [phrase, …]}`` → (lang, phrase) pairs."""
    for lang, phrases in (value or {}).items():
        if isinstance(phrases, str):
            phrases = [phrases]
        for phrase in phrases or ():
            if phrase and str(phrase).strip():
                yield lang, str(phrase).strip()


def _values(collection: Any) -> Iterable[Any]:
    return collection.values() if isinstance(collection, dict) else collection or ()


def _is_abbreviation(phrase: str) -> bool:
    letters = [c for c in phrase if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) >= 2


def _case_forms(phrase: str, lang: str) -> Iterator[tuple[str, str | None]]:
    if lang not in morph.LANGS:
        yield phrase, None
        return
    for case, surfaces in morph.forms(phrase, lang).items():
        tag = None if case == morph.unmarked_case(lang) else case  # English "nom": no case mark at all
        for surface in surfaces:
            yield surface, tag


class Gazetteer:
    """Compiled automata over every generated surface form of the reference data."""

    def __init__(self, entries: Iterable[tuple[str, str, tuple[str, ...], str, str | None, bool, bool]]):
        """``entries``: (kind, key, candidates, surface, case, exact_case, capital) tuples."""
        folded: dict[str, _Entry] = {}
        exact: dict[str, _Entry] = {}
        for kind, key, candidates, surface, case, exact_case, capital in entries:
            table, pattern = (exact, unify(surface)) if exact_case else (folded, normalise(surface))
            entry = _Entry(kind, key, candidates, case, capital, len(pattern))
            old = table.get(pattern)
            if old is None or entry.rank() < old.rank():
                table[pattern] = entry
        self._folded = _automaton(folded)
        self._exact = _automaton(exact)
        self.size = len(folded) + len(exact)

    @classmethod
    def from_reference(cls, ref: Any) -> Gazetteer:
        return cls(_reference_entries(ref))

    @classmethod
    def default(cls) -> Gazetteer:
        return _default()

    def _scan(self, view: str, found: list[tuple[int, int, _Entry]],
              origin: list[int] | None = None, across: list[tuple[int, int]] = ()) -> None:
        """Matches in ``view``: the text itself, or (with ``origin``, each view offset's offset in the
        text) the text without the parentheticals ``across``, of which a match must span one."""
        for automaton, haystack in ((self._folded, normalise(view)), (self._exact, unify(view))):
            if automaton is None:
                continue
            for end_index, entry in automaton.iter(haystack):
                vstart, vend = end_index + 1 - entry.length, end_index + 1
                if not _on_boundaries(view, vstart, vend):
                    continue
                if entry.capital and not view[vstart].isupper():
                    continue
                if origin is None:
                    found.append((vstart, vend, entry))
                    continue
                start, end = origin[vstart], origin[vend - 1] + 1
                if any(start < a and b <= end for a, b in across):
                    found.append((start, end, entry))

    def find(self, text: str) -> list[Match]:
        """Leftmost-longest, non-overlapping matches on word boundaries, sorted by start.

        A name written with a parenthetical inside it ("the Secretaries of the CIS (Commonwealth of
        Independent States) Security Councils", "ШОС (Шанхайская организация сотрудничества)
        Советом министров") is found too, its span covering the parenthetical."""
        found: list[tuple[int, int, _Entry]] = []
        self._scan(text, found)
        gaps = [(m.start(), m.end()) for m in PARENTHETICAL.finditer(text)]
        if gaps:
            kept, origin, last = [], [], 0
            for start, end in gaps:
                kept.append(text[last:start])
                origin.extend(range(last, start))
                last = end
            kept.append(text[last:])
            origin.extend(range(last, len(text) + 1))
            self._scan("".join(kept), found, origin, gaps)
        found.sort(key=lambda f: (f[0], f[0] - f[1], f[2].rank()))
        result: list[Match] = []
        last_end = -1
        for start, end, entry in found:
            if start < last_end:
                continue
            result.append(Match(entry.kind, entry.key, entry.candidates, start, end, entry.case))
            last_end = end
        return result


# a short parenthetical (an expansion or an abbreviation) and the space before it: "CIS (Commonwealth
# of Independent States)", "(SCO)"; no sentence end or nested bracket inside
PARENTHETICAL = re.compile(r"[ \t]*\([^()\n.;!?]{1,80}\)")


def _automaton(table: dict[str, _Entry]) -> ahocorasick.Automaton | None:
    if not table:
        return None
    automaton = ahocorasick.Automaton()
    for pattern, entry in table.items():
        automaton.add_word(pattern, entry)
    automaton.make_automaton()
    return automaton


def _is_word_char(c: str) -> bool:
    return c.isalnum() or unicodedata.category(c) == "Mn"


def _on_boundaries(text: str, start: int, end: int) -> bool:
    if start > 0 and _is_word_char(text[start - 1]) and _is_word_char(text[start]):
        return False
    return not (end < len(text) and _is_word_char(text[end]) and _is_word_char(text[end - 1]))


def core_phrase_key(phrase: str) -> str:
    """The key of a core name: normalised, "of the" read as "of", so that the variants of one core
    ("meeting of heads of border services", "meeting of the heads of …") are one core."""
    return re.sub(r"\bof the\b", "of", normalise(phrase))


def _named(kind: str, key: str, candidates: tuple[str, ...], names: Any, capital_kind: bool):
    """Entries of every form of every name; abbreviations go to the case-sensitive automaton."""
    for lang, phrase in _by_lang(names):
        if _is_abbreviation(phrase):
            yield from _abbreviation(kind, key, candidates, phrase)
            continue
        capital = capital_kind and phrase[:1].isupper()
        # a body's English name with or without "the" after "of" ("Council of Commanders of the Border Troops")
        phrases = morph.name_variants(phrase, lang) if kind in ("body", "body-core") else {phrase}
        for variant in sorted(phrases):
            for surface, case in _case_forms(variant, lang):
                yield kind, key, candidates, surface, case, False, capital
    return


def _abbreviation(kind: str, key: str, candidates: tuple[str, ...], phrase: str):
    """As written, possessive ("CSTO's") and with Kazakh case suffixes after a hyphen ("ТМД-ға")."""
    yield kind, key, candidates, phrase, None, True, False
    if phrase.isascii():
        for surface in morph_en.forms(phrase)["gen"]:
            yield kind, key, candidates, surface, "gen", True, False
    for case, surfaces in morph_kk.forms(phrase).items():
        for surface in surfaces:
            if surface != phrase:
                yield kind, key, candidates, surface, case, True, False


def _names_with_organisation(body: Any, parent: Any) -> dict[str, list[str]]:
    """The body's core names with its organisation's abbreviation written inside them, per language
    (``morph.names_with_organisation``)."""
    if parent is None:
        return {}
    abbreviations: dict[str, str] = {}
    for lang, abbreviation in _by_lang(_field(parent, "abbreviations")):
        abbreviations.setdefault(lang, abbreviation)  # the first of each language
    names: dict[str, list[str]] = {}
    for lang, core in _by_lang(_field(body, "core")):
        if lang in abbreviations:
            names.setdefault(lang, []).extend(sorted(morph.names_with_organisation(core, abbreviations[lang], lang)))
    return names


def _reference_entries(ref: Any):
    for state in _values(_field(ref, "states")):
        code = _field(state, "code")
        yield from _named("state", code, (code,), _field(state, "names"), True)
        adjectives = _field(state, "adjectives") or {}
        yield from _named("state-adj", code, (code,), adjectives, True)
        for phrase in (adjectives.get("kk") or []) if isinstance(adjectives, dict) else []:
            # "қазақстандықтар": the Kazakh demonym takes suffixes like a noun
            for surface, case in _case_forms(phrase, "kk"):
                yield "state-adj", code, (code,), surface, case, False, False
    cores: dict[str, list[str]] = {}
    core_phrases: dict[str, list[tuple[str, str]]] = {}
    bodies = {_field(body, "slug"): body for body in _values(_field(ref, "bodies"))}
    for body in bodies.values():
        slug = _field(body, "slug")
        yield from _named("body", slug, (slug,), _field(body, "names"), False)
        inside = _names_with_organisation(body, bodies.get(_field(body, "parent")))
        yield from _named("body", slug, (slug,), inside, False)
        for _lang, phrase in _by_lang(_field(body, "abbreviations")):
            yield from _abbreviation("org-abbrev", slug, (slug,), phrase)
        for lang, phrase in _by_lang(_field(body, "core")):
            core_key = core_phrase_key(phrase)
            cores.setdefault(core_key, [])
            if slug not in cores[core_key]:
                cores[core_key].append(slug)
            core_phrases.setdefault(core_key, []).append((lang, phrase))
    for core_key, slugs in cores.items():
        for lang, phrase in dict.fromkeys(core_phrases[core_key]):
            yield from _named("body-core", core_key, tuple(slugs), {lang: [phrase]}, False)
    for city in _values(_field(ref, "cities")):
        city_id = _field(city, "id")
        yield from _named("city", city_id, (city_id,), _field(city, "names"), True)
    for agency in _values(_field(ref, "agencies")):
        slug = _field(agency, "slug")
        yield from _named("agency", slug, (slug,), _field(agency, "names"), False)
        yield from _named("agency-head", slug, (slug,), _field(agency, "heads"), False)
        for code, phrases in (_field(agency, "national") or {}).items():
            key = f"{code}/{slug}"
            for phrase in phrases or ():
                lang = detect_language(phrase)
                yield from _named("agency-national", key, (key,), {lang: [phrase]}, False)


@cache
def _default() -> Gazetteer:
    from kgraph.reference import load_reference

    return Gazetteer.from_reference(load_reference())
