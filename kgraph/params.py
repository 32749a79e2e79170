"""Query parameters checked against the reference data and the store before a query runs.

A wrong guess of a term (``state=Kazakhstan``, a misspelt body slug, a meeting IRI copied with a
typo) used to give an empty table and exit status 0, which reads as "nothing happened". Here an IRI
parameter whose ``iri_base`` names a kind of reference data (states, bodies, topics, places) must
be one of its keys; a name the analyst would type instead (Kazakhstan, Қазақстан, СНГ…) is read as
its key when exactly one entry has that name (said on stderr), else refused with the valid keys.
Any other IRI (a meeting, a fact, a person) must be a subject in the store.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kgraph.namespaces import ID
from kgraph.reference import Reference, load_reference
from kgraph.sparql import LibraryQuery, Param, QueryError


@dataclass(frozen=True)
class Kind:
    """One kind of reference data a parameter can name: its keys and the names of each key."""

    noun: str
    names: dict[str, set[str]]  # key → its names, casefolded


def _names(*groups: Iterable[object]) -> set[str]:
    out: set[str] = set()
    for group in groups:
        for item in group:
            if isinstance(item, dict):
                out |= _names(*item.values())
            elif isinstance(item, (list, tuple, set)):
                out |= _names(item)
            elif item:
                out.add(str(item).casefold())
    return out


def kinds(ref: Reference | None = None) -> dict[str, Kind]:
    """The reference kinds by the IRI base of their IDs (``…/id/state/`` → states)."""
    ref = ref or load_reference()
    return {
        f"{ID}state/": Kind("state", {c: _names([s.names]) for c, s in ref.states.items()}),
        f"{ID}body/": Kind("body", {b: _names([x.names, x.abbreviations]) for b, x in ref.bodies.items()}),
        f"{ID}topic/": Kind("topic", {t: _names([x.labels]) for t, x in ref.topics.items()}),
        f"{ID}place/": Kind("place", {c: _names([x.names]) for c, x in ref.cities.items()}),
    }


def resolve(param: Param, value: str, base: str | None, *,
            exists: Callable[[str], bool] | None = None, note: Callable[[str], None] | None = None) -> str:
    """The value to bind for ``param``: checked, a name resolved to its key; QueryError when invalid."""
    if param.kind != "iri":
        return value
    text = value.strip()
    kind = kinds().get(base or "")
    if kind is not None:
        key = _key_of(text, base or "")
        if key in kind.names:
            return key
        if key.upper() in kind.names:  # kz → KZ
            return key.upper()
        matches = sorted(k for k, names in kind.names.items() if text.casefold() in names)
        if len(matches) == 1:
            if note:
                note(f"{param.name} {text!r} read as {matches[0]} (the only {kind.noun} of that name)")
            return matches[0]
        valid = sorted(kind.names)
        close = difflib.get_close_matches(key, valid, n=3) or matches
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise QueryError(f"--param {param.name}={value}: not a known {kind.noun}{hint} "
                         f"(valid: {', '.join(valid)})")
    if exists is not None and base is not None and "://" not in text and ":" not in text:
        iri = base + text
    elif exists is not None:
        iri = _expand(text)
    else:
        return value
    if not exists(iri):
        raise QueryError(f"--param {param.name}={value}: no such resource in the store ({iri}); "
                         f"list them with a library query such as `kgraph query meetings`")
    return value


def _key_of(text: str, base: str) -> str:
    """The key part of a value given as a key, a printed ID (id:state/KZ) or a full IRI."""
    for form in (base, f"id:{base[len(str(ID)):]}", f"<{base}"):
        if text.startswith(form):
            return text[len(form):].rstrip(">")
    return text


def _expand(text: str) -> str:
    from kgraph.namespaces import PREFIXES

    text = text.strip().removeprefix("<").removesuffix(">")
    prefix, sep, local = text.partition(":")
    if sep and prefix in PREFIXES and not local.startswith("//"):
        return str(PREFIXES[prefix]) + local
    return text


def check(query: LibraryQuery, values: dict[str, str], *, exists: Callable[[str], bool] | None = None,
          note: Callable[[str], None] | None = None) -> dict[str, str]:
    """All given values of ``query`` checked and resolved (unknown names are left to bind())."""
    by_key = {key: p for p in query.params for key in (p.name, p.full, p.var)}
    out = {}
    for key, value in values.items():
        param = by_key.get(key)
        out[key] = value if param is None else resolve(param, value, query.iri_base.get(param.name),
                                                       exists=exists, note=note)
    return out
