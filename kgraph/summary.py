"""Whole-corpus aggregates, materialised in one named graph so analysts' counts answer at once.

Counting pairs of states over every meeting, or meetings per topic per year, touches the whole
corpus: no engine answers that in 200 ms at 100k documents. ``refresh`` computes the counts once
per build from index scans read in Python (a meeting reported by several documents is counted
once; the same counts as GROUP BY queries, which took minutes at 100k documents, where the scans
take seconds) and writes them to ``id:graph/summary`` by their difference
(``GraphStore.sync_graph_streaming``: each node carries a ``ckg:digest`` of its triples; only
changed nodes are written), so the library's aggregate queries read a few hundred ready rows and
its long lists read month pages. The terms are documented in ``queries/README.md``:

* ``ckg:CoParticipation`` — ``ckg:stateA``, ``ckg:stateB`` (A's IRI sorts first), ``ckg:meetings``;
* ``ckg:MeetingCount`` — ``ckg:via`` (the property counted over: ``ckg:participantState``,
  ``ckg:heldBy`` or ``ckg:topic``), ``ckg:of`` (the state, body or topic), ``ckg:meetings``,
  ``ckg:year`` on per-year counts (absent on the all-time count, which also carries
  ``ckg:firstDate`` / ``ckg:lastDate``: the earliest and latest known session dates);
* ``ckg:firstReported`` on a meeting no report gives a session date for: its earliest report's
  publication date (the date the ``meetings`` list shows and sorts it by);
* ``ckg:MeetingRow`` — one per row of the ``meetings`` list (a meeting and one of its session
  dates, or its ``ckg:firstReported`` date): ``ckg:rowOf`` (the meeting), ``ckg:date``,
  ``ckg:dateKnown``, paged by month like the lists below (``ckg:pageOf ckg:MeetingRow``): one
  global rank per row made every page scan every row's rank (Oxigraph filters a literal range on
  the scan, not in the index), and one newer meeting renumbered every row;
* ``ckg:StatisticRow`` — the rows of the ``statistics`` list likewise, paged by month
  (``statistic_rows``);
* ``ckg:Page`` — one month of a long list (``paged``): the ``meetings`` list (``ckg:pageOf
  ckg:MeetingRow``), the ``statistics`` list (``ckg:pageOf ckg:StatisticRow``), the ``documents``
  list (``ckg:pageOf ckg:Document``) and each state's ``meetings_of_state`` list (``ckg:pageOf``
  the state), with ``ckg:rowsBefore`` and ``ckg:rowCount``; its rows have ``ckg:onPage`` and ``ckg:position``, so a
  page is a handful of months and the positions inside them;
* ``ckg:ProfilePage`` — each state's ``state_profile`` list, by kind and month (``kgraph.profile``);
* ``ckg:nameKey`` on a person: each of its names and press spellings (``schema:name``,
  ``schema:alternateName``) in lower case, once, so ``person`` matches a few thousand keys
  instead of every name of every report (tens of seconds at 10k documents);
* the graph node itself, a ``ckg:Summary`` with ``ckg:documents``, ``ckg:meetings`` and
  ``ckg:meetingRows`` (how many rows the ``meetings`` list has).

A meeting's year is the year of its session date or, when no report gives the day, of its
earliest report (as the ``meetings`` query dates it). Node IRIs are derived from what they count,
so refreshing an unchanged store writes the very same triples.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from itertools import combinations
from typing import Any
from urllib.parse import quote

import pyoxigraph as ox

from kgraph import profile
from kgraph.namespaces import CKG, ID, SCHEMA
from kgraph.store import SUMMARY_GRAPH_IRI, GraphStore

SUMMARY_GRAPH = ox.NamedNode(SUMMARY_GRAPH_IRI)
_NODE = str(ID) + "summary/"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_DATE = ox.NamedNode(_XSD + "date")
_INTEGER = ox.NamedNode(_XSD + "integer")
_BOOLEAN = ox.NamedNode(_XSD + "boolean")


def _ckg(local: str) -> ox.NamedNode:
    return ox.NamedNode(str(CKG) + local)


# the properties whose values get per-value meeting counts (all-time and per year)
COUNTED = {"state": _ckg("participantState"), "body": _ckg("heldBy"), "topic": _ckg("topic")}
_MEETING, _DOCUMENT = _ckg("Meeting"), _ckg("Document")
_START, _PUBLISHED = ox.NamedNode(str(SCHEMA) + "startDate"), ox.NamedNode(str(SCHEMA) + "datePublished")
_REPORTED_IN = _ckg("reportedIn")

Triple = tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]


def _pairs(store: GraphStore, predicate: ox.NamedNode,
           of_type: ox.NamedNode | None = None) -> Iterator[tuple[ox.Term, ox.Term]]:
    """Each distinct (subject, object) of ``predicate`` in the document graphs (and the default
    graph), never the summary graph; with ``of_type``, only subjects of that class. Read through
    SPARQL: repeats across report graphs are dropped inside the engine, and only two terms a row
    are decoded (``quads_for_pattern`` decoded four, 2–4× slower, and every repeat)."""
    p = f"<{predicate.value}>"
    typed = f" {{ GRAPH ?h {{ ?s a <{of_type.value}> }} }} UNION {{ ?s a <{of_type.value}> }}" if of_type else ""
    text = (f"SELECT DISTINCT ?s ?o WHERE {{ {{ {{ GRAPH ?g {{ ?s {p} ?o }} FILTER(?g != <{SUMMARY_GRAPH_IRI}>) }}"
            f" UNION {{ ?s {p} ?o }} }}{typed} }}")
    for row in store.oxigraph.query(text):
        yield row[0], row[1]


def _subjects(store: GraphStore, cls: ox.NamedNode) -> set[str]:
    return {sys.intern(s.value) for s in _typed(store, cls)}


def _typed(store: GraphStore, cls: ox.NamedNode) -> Iterator[ox.Term]:
    """The distinct subjects of type ``cls`` in the document graphs."""
    text = (f"SELECT DISTINCT ?s WHERE {{ {{ GRAPH ?g {{ ?s a <{cls.value}> }} FILTER(?g != <{SUMMARY_GRAPH_IRI}>) }}"
            f" UNION {{ ?s a <{cls.value}> }} }}")
    for row in store.oxigraph.query(text):
        yield row[0]


def _dates(store: GraphStore, predicate: ox.NamedNode) -> dict[str, set[dt.date]]:
    """Each subject's xsd:date values of ``predicate`` (other literals are no dates and are left out)."""
    found: dict[str, set[dt.date]] = defaultdict(set)
    for subject, value in _pairs(store, predicate):
        if isinstance(value, ox.Literal) and value.datatype == _DATE:
            try:
                found[subject.value].add(dt.date.fromisoformat(value.value))
            except ValueError:
                continue
    return found


def _key(iri: str) -> str:
    """The part of an IRI that names it inside a summary node's IRI (``state/KZ``)."""
    local = iri[len(str(ID)):] if iri.startswith(str(ID)) else iri
    return quote(local, safe="/-_.~")


def _integer(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=_INTEGER)


def _date(d: dt.date) -> ox.Literal:
    return ox.Literal(d.isoformat(), datatype=_DATE)


def meeting_rows(meetings: set[str], starts: dict[str, set[dt.date]],
                 first_reported: dict[str, dt.date]) -> list[tuple[dt.date, str, bool]]:
    """The rows of the ``meetings`` list, newest first (date descending, then meeting IRI): one per
    session date of a meeting, or its first report's date when no report gives one."""
    rows = [(d, m, True) for m in meetings for d in starts.get(m, ())]
    rows += [(d, m, False) for m, d in first_reported.items()]
    rows.sort(key=lambda row: (-row[0].toordinal(), row[1]))
    return rows


def statistic_rows(figures: Iterable[str], at: dict[str, set[str]],
                   starts: dict[str, set[dt.date]]) -> list[tuple[dt.date | None, str, str | None]]:
    """The rows of the ``statistics`` list, newest first as its query orders them (by the session
    date of the meeting the figure was reported at, undated last, then by IRI): (date, figure,
    meeting) (``statistic_triples`` writes them). ``figures``: the subjects with a ``ckg:value``;
    ``at``: a figure's ``ckg:reportedAt`` meetings."""
    rows: list[tuple[dt.date | None, str, str | None]] = []
    for figure in figures:
        for meeting in at.get(figure) or [None]:
            for d in (starts.get(meeting) if meeting else None) or [None]:
                rows.append((d, figure, meeting))
    rows.sort(key=lambda row: (row[0] is None, -row[0].toordinal() if row[0] else 0, row[1], row[2] or ""))
    return rows


def statistic_triples(rows: list[tuple[dt.date | None, str, str | None]]) -> Iterator[Triple]:
    """``ckg:StatisticRow`` nodes with ``ckg:rowOf``, ``ckg:meeting`` and ``ckg:date`` when known,
    paged by month (``ckg:pageOf ckg:StatisticRow``; the undated rows on the last page)."""

    def node(d: dt.date | None, figure: str, meeting: str | None) -> ox.NamedNode:
        return ox.NamedNode(f"{_NODE}statistic-row/{_key(figure)}/{_key(meeting) if meeting else '-'}/"
                            f"{d.isoformat() if d else '-'}")

    def facts(row: ox.NamedNode, d: dt.date | None, figure: str, meeting: str | None) -> Iterator[Triple]:
        yield from ((row, _RDF_TYPE, _ckg("StatisticRow")), (row, _ckg("rowOf"), ox.NamedNode(figure)))
        if meeting:
            yield (row, _ckg("meeting"), ox.NamedNode(meeting))
        if d:
            yield (row, _ckg("date"), _date(d))

    return paged("statistics", _ckg("StatisticRow"), rows, node, facts)


def _month(d: dt.date | None) -> str:
    return f"{d.year:04d}-{d.month:02d}" if d else "undated"


def paged(list_key: str, of: ox.NamedNode, rows: list[tuple[Any, ...]],
          row_node: Callable[..., ox.NamedNode],
          row_triples: Callable[..., Iterator[Triple]]) -> Iterator[Triple]:
    """A long list (``rows``: (date, IRI, …), already sorted newest first, undated rows (date
    None) last) cut into one ``ckg:Page`` per month (``undated`` for the undated rows):
    ``ckg:pageOf`` (what the list is of), ``ckg:rowsBefore`` (rows on newer pages) and
    ``ckg:rowCount``; each row ``ckg:onPage`` its page at ``ckg:position`` (0: the page's newest).
    A page of the list is then the months whose ranges overlap it (a scan of a few hundred page
    nodes) and their rows' positions: no call sorts the whole list, and a new row renumbers only
    its own month's positions and moves the ``ckg:rowsBefore`` of older months. ``row_node`` and
    ``row_triples`` get the row's elements (after the node, for ``row_triples``)."""
    before = 0
    start = 0
    while start < len(rows):
        month = _month(rows[start][0])
        end = start
        while end < len(rows) and _month(rows[end][0]) == month:
            end += 1
        page = ox.NamedNode(f"{_NODE}page/{list_key}/{month}")
        yield from ((page, _RDF_TYPE, _ckg("Page")), (page, _ckg("pageOf"), of),
                    (page, _ckg("rowsBefore"), _integer(before)), (page, _ckg("rowCount"), _integer(end - start)))
        for position, row in enumerate(rows[start:end]):
            node = row_node(*row)
            yield (node, _ckg("onPage"), page)
            yield (node, _ckg("position"), _integer(position))
            yield from row_triples(node, *row)
        before += end - start
        start = end


def _newest_first(row: tuple[dt.date, str]) -> tuple[int, str]:
    return -row[0].toordinal(), row[1]


def _meeting_row_node(m: str, d: dt.date) -> ox.NamedNode:
    return ox.NamedNode(f"{_NODE}meeting-row/{_key(m)}/{d.isoformat()}")


def compute(store: GraphStore) -> list[Triple]:
    """The summary graph's triples for the store as it is now (read before the old summary goes;
    quads of the summary graph itself are never read)."""
    return list(triples(collect(store)))


def collect(store: GraphStore) -> dict[str, Any]:
    """What the summary is computed from, read from the store's index scans into Python sets and
    dicts of strings (the document graphs only; never the summary graph itself)."""
    meetings = _subjects(store, _MEETING)
    all_starts = _dates(store, _START)
    starts = {m: ds for m, ds in all_starts.items() if m in meetings}
    published = _dates(store, _PUBLISHED)
    reports: dict[str, set[str]] = defaultdict(set)
    for m, doc in _pairs(store, _REPORTED_IN):
        if m.value in meetings:
            reports[sys.intern(m.value)].add(sys.intern(doc.value))
    values: dict[str, dict[str, set[str]]] = {}
    state_meetings: dict[str, set[str]] = defaultdict(set)  # any subject → its participant states
    held: dict[str, set[str]] = defaultdict(set)  # any subject → its bodies
    for name, prop in COUNTED.items():
        found: dict[str, set[str]] = defaultdict(set)
        # topics: decisions and proposals have them too (10 a meeting): only meetings' are read
        for m, value in _pairs(store, prop, _MEETING if name == "topic" else None):
            if isinstance(value, ox.NamedNode):
                if name == "state":
                    state_meetings[sys.intern(m.value)].add(sys.intern(value.value))
                elif name == "body":
                    held[sys.intern(m.value)].add(sys.intern(value.value))
                if m.value in meetings:
                    found[sys.intern(value.value)].add(sys.intern(m.value))
        values[name] = found
    persons = _subjects(store, _ckg("Person"))
    names: dict[str, set[str]] = defaultdict(set)  # any subject → its schema:name texts
    for subject, name in _pairs(store, ox.NamedNode(str(SCHEMA) + "name")):
        if isinstance(name, ox.Literal):
            names[sys.intern(subject.value)].add(name.value)
    keys = {(person, name.lower()) for person, texts in names.items() if person in persons for name in texts}
    for person, name in _pairs(store, ox.NamedNode(str(SCHEMA) + "alternateName")):
        if person.value in persons and isinstance(name, ox.Literal):
            keys.add((sys.intern(person.value), name.value.lower()))
    documents = _subjects(store, _DOCUMENT)
    # the state_profile lists: the facts now, each state's rows only as it is written
    profiles = profile.collect(lambda p: _pairs(store, p), lambda c: _typed(store, c),
                               all_starts, state_meetings, persons, held, names)
    return {"meetings": meetings, "starts": starts, "all_starts": all_starts, "published": published,
            "reports": reports, "values": values, "keys": keys, "documents": documents,
            "statistics": statistic_rows(profiles["values"].keys(), profiles["reported_at"], all_starts),
            "profiles": profiles}


def triples(data: dict[str, Any]) -> Iterator[Triple]:
    """The summary graph's triples from ``collect``'s data, generated as they are written (the
    graph has millions of triples at 100k documents: held in a list they would take gigabytes)."""
    meetings, starts, published, reports = data["meetings"], data["starts"], data["published"], data["reports"]
    first_reported = {}
    for m in meetings:
        if m not in starts:
            dates = [d for doc in reports.get(m, ()) for d in published.get(doc, ())]
            if dates:
                first_reported[m] = min(dates)
    # a meeting's year: its session date's, else its earliest report's (None when neither is known)
    year: dict[str, int | None] = {}
    for m in meetings:
        if m in starts:
            year[m] = min(starts[m]).year
        else:
            year[m] = first_reported[m].year if m in first_reported else None

    states_of: dict[str, set[str]] = defaultdict(set)
    for name, prop in COUNTED.items():
        values = data["values"][name]
        for value in sorted(values):
            if name == "state":
                for m in values[value]:
                    states_of[m].add(value)
            node = ox.NamedNode(f"{_NODE}meeting-count/{_key(value)}")
            subject = ox.NamedNode(value)
            years = Counter(year[m] for m in values[value])
            yield from ((node, _RDF_TYPE, _ckg("MeetingCount")), (node, _ckg("via"), prop),
                        (node, _ckg("of"), subject), (node, _ckg("meetings"), _integer(len(values[value]))))
            dated = [d for m in values[value] for d in starts.get(m, ())]
            if dated:
                yield from ((node, _ckg("firstDate"), _date(min(dated))), (node, _ckg("lastDate"), _date(max(dated))))
            for y, n in sorted((y, n) for y, n in years.items() if y is not None):
                ynode = ox.NamedNode(f"{node.value}/{y}")
                yield from ((ynode, _RDF_TYPE, _ckg("MeetingCount")), (ynode, _ckg("via"), prop),
                            (ynode, _ckg("of"), subject), (ynode, _ckg("year"), _integer(y)),
                            (ynode, _ckg("meetings"), _integer(n)))
    pairs: Counter[tuple[str, str]] = Counter()
    for states in states_of.values():
        pairs.update(combinations(sorted(states), 2))
    for (a, b), n in sorted(pairs.items()):
        node = ox.NamedNode(f"{_NODE}co-participation/{_key(a)}/{_key(b)}")
        yield from ((node, _RDF_TYPE, _ckg("CoParticipation")), (node, _ckg("stateA"), ox.NamedNode(a)),
                    (node, _ckg("stateB"), ox.NamedNode(b)), (node, _ckg("meetings"), _integer(n)))
    del pairs
    for m, d in sorted(first_reported.items()):
        yield (ox.NamedNode(m), _ckg("firstReported"), _date(d))
    rows = meeting_rows(meetings, starts, first_reported)
    total = len(rows)
    # the meetings list by month (a row is dated by its first report only when no session date is known)
    yield from paged("meetings", _ckg("MeetingRow"), [(d, m) for d, m, _known in rows],
                     lambda d, m: _meeting_row_node(m, d),
                     lambda node, d, m: iter([
                         (node, _RDF_TYPE, _ckg("MeetingRow")), (node, _ckg("rowOf"), ox.NamedNode(m)),
                         (node, _ckg("date"), _date(d)),
                         (node, _ckg("dateKnown"), ox.Literal("true" if m in starts else "false", datatype=_BOOLEAN))]))
    # the meetings each state took part in, by month (the meetings_of_state list): a row points to
    # the meeting's row of the meetings list, which holds the meeting and the date
    by_state: dict[str, list[tuple[dt.date, str]]] = defaultdict(list)
    for d, m, _known in rows:
        for state in states_of.get(m, ()):
            by_state[state].append((d, m))
    del rows
    for state in sorted(by_state):
        key = _key(state)
        yield from paged(f"meetings-of/{key}", ox.NamedNode(state), by_state[state],
                         lambda d, m, key=key: ox.NamedNode(f"{_NODE}state-row/{key}/{_key(m)}/{d.isoformat()}"),
                         lambda node, d, m: iter([(node, _ckg("row"), _meeting_row_node(m, d))]))
    del by_state
    for state in profile.states(data["profiles"]):
        yield from profile.triples(state, profile.rows_by_state(data["profiles"], state)[state])
    yield from statistic_triples(data["statistics"])
    # the documents list: publication date (newest first), then IRI
    doc_rows = sorted(((d, doc) for doc in data["documents"] for d in published.get(doc, ())), key=_newest_first)
    yield from paged("documents", _DOCUMENT, doc_rows,
                     lambda d, doc: ox.NamedNode(f"{_NODE}document-row/{_key(doc)}/{d.isoformat()}"),
                     lambda node, d, doc: iter([(node, _ckg("rowOf"), ox.NamedNode(doc)),
                                                (node, _ckg("date"), _date(d))]))
    yield from ((ox.NamedNode(person), _ckg("nameKey"), ox.Literal(key)) for person, key in sorted(data["keys"]))
    yield from ((SUMMARY_GRAPH, _RDF_TYPE, _ckg("Summary")),
                (SUMMARY_GRAPH, _ckg("documents"), _integer(len(data["documents"]))),
                (SUMMARY_GRAPH, _ckg("meetings"), _integer(len(meetings))),
                (SUMMARY_GRAPH, _ckg("meetingRows"), _integer(total)))


def refresh(store: GraphStore) -> int:
    """Recompute the aggregates and bring the summary graph up to date with them; returns its
    triple count. Everything is read first; then only what changed is written
    (``GraphStore.sync_graph_streaming``: the nodes' IRIs derive from what they count, so after a
    build that added or replaced a few documents most of the graph stays as it is)."""
    data = collect(store)
    return store.sync_graph_streaming(SUMMARY_GRAPH_IRI, triples(data))["triples"]


__all__ = ["COUNTED", "SUMMARY_GRAPH", "collect", "compute", "meeting_rows", "paged", "refresh", "triples"]
