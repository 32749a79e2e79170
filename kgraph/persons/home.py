"""The state of a person named with a national title and no state: the press's home state
("Мемлекет басшысы" in the Kazakh press), or the state an acronym in the title names."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgraph.persons.acronyms import acronym_state

if TYPE_CHECKING:
    from kgraph.persons import _Finder


def assign_home_states(f: _Finder) -> None:
    """Give a state to each person with a title but no state and no organisation."""
    for p in f.persons:
        if p.state is None and p.role and p.organization is None:
            home = f.cues.home_state_roles.get(p.lang, {})
            p.state = home.get(p.role.casefold()) or home_title_state(f, p.role)
            p.state_source = "home" if p.state else None
        if p.state is None and p.role and p.organization is None:
            p.state = acronym_state(f, p)
            p.state_source = "acronym" if p.state else None


def home_title_state(f: _Finder, role: str) -> str | None:
    """A national office named without its state, in a press whose home state that is."""
    entry = f.cues.home_state_titles.get(f.lang)
    words = role.casefold().replace("ё", "е").split()
    if entry is None or not words:
        return None
    state, stems = entry
    head = words[-1] if f.cues.profile(f.lang).head_final else words[0]
    tail = " ".join(words[-2:])
    if any(head.startswith(s) if " " not in s else tail.startswith(s) for s in stems):
        return state
    return None
