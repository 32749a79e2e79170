"""The rows of the ``state_profile`` list, precomputed per state and paged by kind and month.

``state_profile`` is a union of seven kinds of fact about one state (meetings it took part in, its
delegation heads, proposals it made or supported, figures it or its agencies reported, its
persons), sorted by kind, date (newest first), item and label. Sorting that union on every call
took seconds at 10k documents and minutes at 100k. The summary graph holds the list ready:

* ``ckg:ProfilePage`` — one per state, kind and month (``undated`` for the rows without a date,
  which the list puts last in their kind): ``ckg:profileOf`` (the state), ``ckg:kind``,
  ``ckg:rowsBefore`` (rows of the state's list on earlier pages) and ``ckg:rowCount``;
* its rows: ``ckg:onPage``, ``ckg:position`` (0: the page's first), and the columns:
  ``ckg:item`` (absent on a ``participated`` row, whose item is its meeting), ``ckg:text``
  (the label), ``ckg:meeting``, ``ckg:date``, each when the old query bound it.

A page of the list is then the pages whose ranges overlap it and their rows' positions (constant
bounds, as ``meetings_of_state``): no sort of the union. The rows are the ones the union query
gives (``tests/test_summary.py`` compares them): DISTINCT over the five columns, the same label
rules (a body's English labels, a person's names, a proposal's labels, a figure's value and its
indicator's label). One difference: a person's label is the smallest of its names where the query
took ``SAMPLE`` (an arbitrary one).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Any
from urllib.parse import quote

import pyoxigraph as ox

from kgraph.namespaces import CKG, ID

_C = str(CKG)
_NODE = str(ID) + "summary/"
_RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
_PREF_LABEL = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_XSD = "http://www.w3.org/2001/XMLSchema#"
_DATE = ox.NamedNode(_XSD + "date")
_INTEGER = ox.NamedNode(_XSD + "integer")
_intern = sys.intern

# the kinds, as the list sorts them
PARTICIPATED, HEAD, PROPOSED, SUPPORTED, FIGURE, PERSON = (
    "participated", "delegation head", "proposed", "supported proposal", "reported figure", "person")
KIND_SLUG = {PARTICIPATED: "participated", HEAD: "delegation-head", PROPOSED: "proposed",
             SUPPORTED: "supported", FIGURE: "figure", PERSON: "person"}

# (kind, date, item, label, meeting): date, label and meeting may be None (unbound)
Row = tuple[str, "dt.date | None", str, "str | None", "str | None"]
Triple = tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]
Pairs = Callable[[ox.NamedNode], Iterable[tuple[Any, Any]]]


def _ckg(local: str) -> ox.NamedNode:
    return ox.NamedNode(_C + local)


def _multi(pairs: Pairs, predicate: ox.NamedNode, keep: Callable[[str], bool] | None = None,
           objects: str = "iri") -> dict[str, set[str]]:
    """subject → its objects of ``predicate`` (IRIs, or literal lexical forms with ``objects='text'``)."""
    found: dict[str, set[str]] = defaultdict(set)
    for s, o in pairs(predicate):
        if keep is not None and not keep(s.value):
            continue
        if objects == "iri":
            if isinstance(o, ox.NamedNode):
                found[_intern(s.value)].add(_intern(o.value))
        elif isinstance(o, ox.Literal):
            found[_intern(s.value)].add(o.value)
    return found


def collect(pairs: Pairs, typed: Callable[[ox.NamedNode], Iterable[Any]], starts: dict[str, set[dt.date]],
            state_meetings: dict[str, set[str]], persons: set[str], held: dict[str, set[str]],
            names: dict[str, set[str]]) -> dict[str, Any]:
    """What the profile rows are computed from (index scans of the document graphs): ``pairs``
    gives (subject, object) of a predicate, ``typed`` the subjects of a class; ``starts``: every
    subject's session dates; ``state_meetings``: subject → states of ``ckg:participantState``;
    ``persons``: the subjects typed ``ckg:Person``; ``held``: subject → ``ckg:heldBy`` bodies;
    ``names``: subject → ``schema:name`` texts (the summary reads them anyway)."""
    bodies = {b for bs in held.values() for b in bs}
    of_state = _multi(pairs, _ckg("ofState"))
    delegations = _multi(pairs, _ckg("delegation"))  # meeting → delegations
    headed = _multi(pairs, _ckg("headedBy"))
    proposed_by = _multi(pairs, _ckg("proposedBy"))
    supported_by = _multi(pairs, _ckg("supportedBy"))
    proposed_at = _multi(pairs, _ckg("proposedAt"))
    proposals = proposed_by.keys() | supported_by.keys()
    body_en: dict[str, set[str]] = defaultdict(set)
    proposal_labels: dict[str, set[str]] = defaultdict(set)
    for s, o in pairs(_RDFS_LABEL):  # one pass for the bodies' English labels and the proposals' labels
        if not isinstance(o, ox.Literal):
            continue
        if s.value in proposals:
            proposal_labels[_intern(s.value)].add(o.value)
        if s.value in bodies and _en(o.language):
            body_en[_intern(s.value)].add(o.value)
    values: dict[str, set[str | None]] = defaultdict(set)
    for s, o in pairs(_ckg("value")):
        # STR() of a blank node is an error: the label is then unbound
        values[_intern(s.value)].add(o.value if isinstance(o, ox.Literal | ox.NamedNode) else None)
    reported_by = _multi(pairs, _ckg("reportedBy"), lambda s: s in values)
    reported_at = _multi(pairs, _ckg("reportedAt"), lambda s: s in values)  # the statistics list reads it too
    indicator = _multi(pairs, _ckg("indicator"), lambda s: s in reported_by)
    indicators = {i for inds in indicator.values() for i in inds}
    indicator_labels = _multi(pairs, _PREF_LABEL, lambda s: s in indicators, objects="text")
    agencies = {_intern(s.value) for s in typed(_ckg("Agency"))}
    return {"starts": starts, "state_meetings": state_meetings, "held": held, "body_en": body_en,
            "of_state": of_state, "delegations": delegations, "headed": headed, "proposed_by": proposed_by,
            "supported_by": supported_by, "proposed_at": proposed_at, "proposal_labels": proposal_labels,
            "values": values, "reported_by": reported_by, "reported_at": reported_at, "indicator": indicator,
            "indicator_labels": indicator_labels, "agencies": agencies, "persons": persons, "names": names}


def _en(language: str | None) -> bool:
    """LANGMATCHES(LANG(?x), "en")."""
    return bool(language) and (language.lower() == "en" or language.lower().startswith("en-"))


def states(data: dict[str, Any]) -> list[str]:
    """The states that have a list, sorted."""
    return sorted(_states(data))


def rows_by_state(data: dict[str, Any], only: str | None = None) -> dict[str, set[Row]]:
    """Every state's rows (a set: the query's DISTINCT), as the union query gives them; with
    ``only``, one state's (a state's rows at a time: at 100k documents all of them are 1.3M rows)."""
    starts = data["starts"]
    out: dict[str, set[Row]] = defaultdict(set)

    def dates(meeting: str | None) -> Iterable[dt.date | None]:
        return (starts.get(meeting) if meeting else None) or (None,)

    for meeting, states in data["state_meetings"].items():
        labels = {t for b in data["held"].get(meeting, ()) for t in data["body_en"].get(b, ())} or {None}
        for state in states:
            if only is not None and state != only:
                continue
            for d in dates(meeting):
                out[state].update((PARTICIPATED, d, meeting, label, meeting) for label in labels)
    for meeting, dels in data["delegations"].items():
        for delegation in dels:
            for state in data["of_state"].get(delegation, ()):
                if only is not None and state != only:
                    continue
                for head in data["headed"].get(delegation, ()):
                    names = data["names"].get(head) or {None}
                    for d in dates(meeting):
                        out[state].update((HEAD, d, head, name, meeting) for name in names)
    for kind, by in ((PROPOSED, data["proposed_by"]), (SUPPORTED, data["supported_by"])):
        for item, states in by.items():
            labels = data["proposal_labels"].get(item) or {None}
            for meeting in data["proposed_at"].get(item, ()):
                for state in states:
                    if only is not None and state != only:
                        continue
                    for d in dates(meeting):
                        out[state].update((kind, d, item, label, meeting) for label in labels)
    agencies, of_state = data["agencies"], data["of_state"]
    for item, values in data["values"].items():
        by = data["reported_by"].get(item)
        if not by:
            continue
        # reported by the state, or by one of its agencies (the query's two branches)
        states = (by & _states(data)) | {s for agent in by if agent in agencies for s in of_state.get(agent, ())}
        if not states:
            continue
        ilabels = {t for ind in data["indicator"].get(item, ()) for t in data["indicator_labels"].get(ind, ())} \
            or {None}
        labels = {None if v is None else f"{v} {il or ''}" for v in values for il in ilabels}
        meetings = data["reported_at"].get(item) or {None}
        for state in states:
            if only is not None and state != only:
                continue
            for meeting in meetings:
                for d in dates(meeting):
                    out[state].update((FIGURE, d, item, label, meeting) for label in labels)
    for person, states in of_state.items():
        if person in data["persons"] and data["names"].get(person):
            label = min(data["names"][person])
            for state in states:
                if only is not None and state != only:
                    continue
                out[state].add((PERSON, None, person, label, None))
    known = _states(data)
    out = {state: rows for state, rows in out.items() if state in known}
    if only is not None:
        out.setdefault(only, set())
    return out


def _states(data: dict[str, Any]) -> set[str]:
    """The states: objects of ``ckg:participantState`` and ``ckg:ofState`` (computed once)."""
    if "_state_iris" not in data:
        data["_state_iris"] = ({s for ss in data["state_meetings"].values() for s in ss}
                               | {s for ss in data["of_state"].values() for s in ss})
    return data["_state_iris"]


def sort_key(row: Row) -> tuple:
    """ORDER BY ?kind DESC(?date) ?item ?label (unbound: last for DESC, first for ASC), then ?meeting."""
    kind, d, item, label, meeting = row
    return (kind, d is None, -d.toordinal() if d else 0, item, label is not None, label or "",
            meeting is not None, meeting or "")


def _key(iri: str) -> str:
    """As ``kgraph.summary._key``: the part of an IRI that names it inside a node's IRI."""
    local = iri[len(str(ID)):] if iri.startswith(str(ID)) else iri
    return quote(local, safe="/-_.~")


def _integer(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=_INTEGER)


def triples(state: str, rows: Iterable[Row]) -> Iterator[Triple]:
    """One state's list as ``ckg:ProfilePage`` nodes and their rows."""
    ordered = sorted(rows, key=sort_key)
    of = ox.NamedNode(state)
    prefix = f"{_NODE}profile/{_key(state)}/"
    start = 0
    while start < len(ordered):
        kind, d = ordered[start][0], ordered[start][1]
        month = f"{d.year:04d}-{d.month:02d}" if d else "undated"
        end = start
        while end < len(ordered) and ordered[end][0] == kind and (
                (f"{ordered[end][1].year:04d}-{ordered[end][1].month:02d}" if ordered[end][1] else "undated") == month):
            end += 1
        page = ox.NamedNode(f"{prefix}{KIND_SLUG[kind]}/{month}")
        yield from ((page, _RDF_TYPE, _ckg("ProfilePage")), (page, _ckg("profileOf"), of),
                    (page, _ckg("kind"), ox.Literal(kind)), (page, _ckg("rowsBefore"), _integer(start)),
                    (page, _ckg("rowCount"), _integer(end - start)))
        for position in range(end - start):
            _kind, day, item, label, meeting = ordered[start + position]
            node = ox.NamedNode(f"{page.value}/{position}")
            yield (node, _ckg("onPage"), page)
            yield (node, _ckg("position"), _integer(position))
            if kind != PARTICIPATED:
                yield (node, _ckg("item"), ox.NamedNode(item))
            if label is not None:
                yield (node, _ckg("text"), ox.Literal(label))
            if meeting is not None:
                yield (node, _ckg("meeting"), ox.NamedNode(meeting))
            if day is not None:
                yield (node, _ckg("date"), ox.Literal(day.isoformat(), datatype=_DATE))
        start = end


__all__ = ["KIND_SLUG", "collect", "rows_by_state", "sort_key", "states", "triples"]
