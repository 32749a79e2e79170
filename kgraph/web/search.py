"""Search by name in any script over persons, bodies, agencies, places and states.

Why no transliterator here: ``kgraph.names`` already folds a name in Kazakh, Russian or Latin
letters, in any of the romanisations the press uses, to one comparison key per word (Токаев,
Тоқаев and Tokayev give the same key). A name matches when every word of the search is the
start of a word of the name, compared key to key, so "Tokay" and "Касым-Жомарт Токаев" both find
the President.
"""

from __future__ import annotations

from dataclasses import dataclass

from kgraph.names import name_parts


@dataclass(frozen=True)
class Entry:
    iri: str
    kind: str  # person, body, agency, place, state
    name: str
    keys: tuple[str, ...]  # the comparison key of each word of the name


def make_index(names: list[tuple[str, str, str]]) -> list[Entry]:
    """Index (iri, kind, name) triples: every name of a resource is an entry of its own."""
    index = []
    for iri, kind, name in names:
        words, initials = name_parts(name)
        index.append(Entry(iri, kind, name, words + initials))
    return index


def search(index: list[Entry], query: str, limit: int = 50) -> list[tuple[Entry, int]]:
    """The best-matching name of each resource whose name matches, best first, with its score
    (lower is better: 0 when every word matched whole)."""
    words, initials = name_parts(query)
    wanted = words or initials
    if not wanted:
        return []
    best: dict[str, tuple[int, Entry]] = {}
    for entry in index:
        score = 0
        for key in wanted:
            if key in entry.keys:
                continue
            # a word being typed: its last "y"/"i" may start "ya", "ye", "yu" (Tokay… of Tokayev)
            stem = key[:-1] if key.endswith("i") and len(key) > 2 else key
            if any(k.startswith(key) or k.startswith(stem) for k in entry.keys):
                score += 1
            else:
                break
        else:
            score += len(entry.keys) - len(wanted)  # fewer extra words first
            if entry.iri not in best or score < best[entry.iri][0]:
                best[entry.iri] = (score, entry)
    ranked = sorted(best.values(), key=lambda item: (item[0], item[1].kind, item[1].name))
    return [(entry, score) for score, entry in ranked[:limit]]
