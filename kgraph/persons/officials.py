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
    from kgraph.persons import _Finder


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


@cache
def terms_by_name() -> dict[str, tuple[Term, ...]]:
    """Every spelling of every office-holder's name (casefolded) → the terms held under it."""
    path = reference_dir() / "officials.yaml"
    data = read_yaml_mapping(path, "office-holders")
    index: dict[str, list[Term]] = {}
    for k, entry in enumerate(data.get("officials") or []):
        try:
            term = Term(entry["state"], entry["office"], entry["from"], entry.get("to"))
            names = [n for spellings in entry["names"].values() for n in spellings]
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"{path}: office-holder {k + 1}: missing or bad field ({exc})") from None
        if not isinstance(term.start, dt.date) or not (term.end is None or isinstance(term.end, dt.date)):
            raise ValueError(f"{path}: office-holder {k + 1}: 'from'/'to' must be dates (YYYY-MM-DD)")
        for name in names:
            index.setdefault(_key(name), []).append(term)
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


def assign_office_states(f: _Finder) -> None:
    """Give each person found with a full name and no state the state of the office he held."""
    for p in f.persons:
        if p.state is None and p.organization is None and " " in p.name:
            state = office_state(p.name, f.doc.published)
            if state is not None:
                p.state, p.state_source = state, "office"
