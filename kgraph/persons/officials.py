"""Heads of state named without a title: their state from the reference of office-holders.

Reports name a president without his title when the outlet is his country's ("наряду с Касым-Жомартом
Токаевым", "Қасым-Жомарт Тоқаев ... қатысты") or after the first mention; the office he held on the
report's date says whose delegation he led. ``ontology/reference/officials.yaml`` lists the terms.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from kgraph.paths import read_yaml_mapping, reference_dir

if TYPE_CHECKING:
    from kgraph.persons import _Finder, _Unit


@dataclass(frozen=True)
class Term:
    state: str
    office: str
    start: dt.date
    end: dt.date | None

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


def _key(name: str) -> str:
    return " ".join(name.casefold().replace("ё", "е").split())


@dataclass(frozen=True)
class Holder:
    names: tuple[tuple[str, tuple[str, ...]], ...]  # language → spellings, preferred first
    term: Term

    def name_in(self, lang: str) -> str:
        spellings = dict(self.names)
        return (spellings.get(lang) or spellings.get("en") or next(iter(spellings.values())))[0]

    def spellings(self) -> list[str]:
        return [name for _lang, names in self.names for name in names]


@cache
def holders() -> tuple[Holder, ...]:
    """Every office-holder of the reference (``officials.yaml``), read and checked once."""
    path = reference_dir() / "officials.yaml"
    data = read_yaml_mapping(path, "office-holders")
    out = []
    for k, entry in enumerate(data.get("officials") or []):
        try:
            term = Term(entry["state"], entry["office"], entry["from"], entry.get("to"))
            names = tuple((lang, tuple(spellings)) for lang, spellings in entry["names"].items())
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"{path}: office-holder {k + 1}: missing or bad field ({exc})") from None
        if not isinstance(term.start, dt.date) or not (term.end is None or isinstance(term.end, dt.date)):
            raise ValueError(f"{path}: office-holder {k + 1}: 'from'/'to' must be dates (YYYY-MM-DD)")
        out.append(Holder(names, term))
    return tuple(out)


@cache
def terms_by_name() -> dict[str, tuple[Term, ...]]:
    """Every spelling of every office-holder's name (casefolded) → the terms held under it."""
    index: dict[str, list[Term]] = {}
    for holder in holders():
        for name in holder.spellings():
            index.setdefault(_key(name), []).append(holder.term)
    return {name: tuple(terms) for name, terms in index.items()}


def is_office_holder(name: str) -> bool:
    """Whether the words are a listed office-holder's name: a name, with or without a title."""
    return _key(name) in terms_by_name()


def office_state(name: str, day: dt.date | None) -> str | None:
    """The state whose office the named person held on ``day`` (any term when the day is unknown and
    every term is the same state's)."""
    terms = terms_by_name().get(_key(name), ())
    states = {t.state for t in terms if day is None or t.covers(day)}
    return states.pop() if len(states) == 1 else None


@cache
def holders_by_surname() -> dict[str, tuple[Holder, ...]]:
    """Every spelling's last word (casefolded) → the office-holders who bear it, with their terms."""
    index: dict[str, list[Holder]] = {}
    for holder in holders():
        for spelling in holder.spellings():
            index.setdefault(_key(spelling.split()[-1]), []).append(holder)
    return {surname: tuple(dict.fromkeys(found)) for surname, found in index.items()}


def surname_only_holders(f: _Finder, leftovers: list[list[_Unit]]) -> None:
    """A head of state named by his surname alone ("Тоқаев пен Лукашенко", "Putin said"), with no
    full-name mention to join: the office-holder who bore that surname on the report's date. Only a
    capitalised word standing alone is read so, and only when exactly one holder in office then
    bears the surname (a surname shared by two holders of the day, or a date outside every term, is
    left alone)."""
    from kgraph.persons import PersonMention
    from kgraph.persons.coref import mention, surname_forms

    day = f.doc.published
    index = holders_by_surname()
    for run in leftovers:
        if len(run) != 1 or run[0].initial or run[0].particle or run[0].first in f.taken:
            continue
        unit = run[0]
        lang = f.lang_of(unit.word)
        forms = surname_forms(f, unit.word, lang)
        found = {h for form in forms for h in index.get(form, ()) if day is not None and h.term.covers(day)}
        if len(found) != 1:
            continue
        holder = found.pop()
        name = holder.name_in(f.lang)
        words = name.split()
        person = next((p for p in f.persons if _key(p.name) == _key(name)), None)
        if person is None:
            person = PersonMention(name=name, lang=lang, surname=words[-1], first=words[0] if len(words) > 1 else "")
            f.persons.append(person)
        mention(f, person, unit.first, unit.last)


def assign_office_states(f: _Finder) -> None:
    """Give each person found with a full name and no state the state of the office he held."""
    for p in f.persons:
        if p.state is None and p.organization is None and " " in p.name:
            state = office_state(p.name, f.doc.published)
            if state is not None:
                p.state, p.state_source = state, "office"
