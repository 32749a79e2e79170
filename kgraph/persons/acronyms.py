"""The state of a title whose agency is an abbreviation the text spells out elsewhere.

"NSS Director Artur Vanetsyan" after "the National Security Service of Armenia said": the
abbreviation is not in the gazetteer (many states have an NSS), but its letters are the initials
of an agency name the same text gives with its state. Only an expansion with exactly one state
counts.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from kgraph.persons.roles import match_state

if TYPE_CHECKING:
    from kgraph.persons import PersonMention, _Finder

_LINK = r"(?:\s+(?:of|and|for|the|и|по|\w{1,2}))*\s+"  # small words that take no letter
_STATE_GAP = re.compile(r"\s*(?:of\s+(?:the\s+)?)?")


@lru_cache(maxsize=1024)
def _expansion(abbreviation: str) -> re.Pattern[str]:
    letters = [c for c in abbreviation.casefold() if c.isalpha()]
    return re.compile(r"\b" + _LINK.join(f"{re.escape(c)}\\w+" for c in letters) + r"\b")


def acronym_state(f: _Finder, person: PersonMention) -> str | None:
    """The one state the text names with the spelled-out abbreviation of the person's title."""
    if person.role_span is None:
        return None
    toks = f.tt.tokens
    abbreviations = [t.text for t in toks if person.role_span.start <= t.start < person.role_span.end
                     and t.is_abbreviation and not t.matches and 2 <= len(t.text) <= 6]
    states: set[str] = set()
    norm = f.tt.norm
    for abbreviation in abbreviations:
        for m in _expansion(abbreviation).finditer(norm):
            if m.start() <= person.role_span.start < m.end():
                continue
            gap = _STATE_GAP.match(norm, m.end())
            after = gap.end() if gap else m.end()
            for g in f.tt.anchored:
                code = match_state(g)
                if code and (g.start == after or _before(norm, g.end, m.start())
                             or g.start <= m.start() < m.end() <= g.end):  # a national agency's name
                    states.add(code)
    return states.pop() if len(states) == 1 else None


def _before(norm: str, end: int, start: int) -> bool:
    """A state (or its adjective) written right before the expansion: "Armenia's NSS"."""
    return 0 <= start - end <= 3 and norm[end:start].strip(" '’s") == ""
