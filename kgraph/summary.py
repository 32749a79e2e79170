"""Whole-corpus aggregates, materialised in one named graph so analysts' counts answer at once.

Counting pairs of states over every meeting, or meetings per topic per year, touches the whole
corpus: no engine answers that in 200 ms at 100k documents. ``refresh`` computes the counts once
per build with index scans (a meeting reported by several documents is counted once) and writes
them to ``id:graph/summary``, replacing the graph, so the library's aggregate queries read a few
hundred ready rows. The terms are documented in ``queries/README.md``:

* ``ckg:CoParticipation`` — ``ckg:stateA``, ``ckg:stateB`` (A's IRI sorts first), ``ckg:meetings``;
* ``ckg:MeetingCount`` — ``ckg:via`` (the property counted over: ``ckg:participantState``,
  ``ckg:heldBy`` or ``ckg:topic``), ``ckg:of`` (the state, body or topic), ``ckg:meetings``,
  ``ckg:year`` on per-year counts (absent on the all-time count, which also carries
  ``ckg:firstDate`` / ``ckg:lastDate``: the earliest and latest known session dates);
* ``ckg:firstReported`` on a meeting no report gives a session date for: its earliest report's
  publication date (the date the ``meetings`` list shows and sorts it by);
* the graph node itself, a ``ckg:Summary`` with ``ckg:documents`` and ``ckg:meetings``.

A meeting's year is the year of its session date or, when no report gives the day, of its
earliest report (as the ``meetings`` query dates it). Node IRIs are derived from what they count,
so refreshing an unchanged store writes the very same triples.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations
from urllib.parse import quote

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD

from kgraph.namespaces import CKG, ID
from kgraph.store import PREFIX_MAP, SUMMARY_GRAPH_IRI, GraphStore

SUMMARY_GRAPH = URIRef(SUMMARY_GRAPH_IRI)
_NODE = str(ID) + "summary/"
# the properties whose values get per-value meeting counts (all-time and per year)
COUNTED = {"state": CKG.participantState, "body": CKG.heldBy, "topic": CKG.topic}

Triple = tuple[URIRef, URIRef, URIRef | Literal]


# meetings per value of each counted property and per year; the year of a meeting is the year of
# its session date or else of its earliest report (unbound when neither is known)
_PER_YEAR = """
SELECT ?prop ?value ?year (COUNT(DISTINCT ?m) AS ?n) WHERE {
  { SELECT ?m (YEAR(COALESCE(MIN(?start), MIN(?published))) AS ?year) WHERE {
      ?m a ckg:Meeting .
      OPTIONAL { ?m schema:startDate ?start }
      OPTIONAL { ?m ckg:reportedIn ?doc . ?doc schema:datePublished ?published }
    } GROUP BY ?m }
  VALUES ?prop { %s }
  ?m ?prop ?value .
  FILTER(isIRI(?value))
} GROUP BY ?prop ?value ?year
"""
_DATES = """
SELECT ?prop ?value (MIN(?start) AS ?first) (MAX(?start) AS ?last) WHERE {
  VALUES ?prop { %s }
  ?m ?prop ?value ; a ckg:Meeting ; schema:startDate ?start .
} GROUP BY ?prop ?value
"""
# each distinct set of participating states with how many meetings had exactly that set: a few
# thousand rows at most, where the pairs themselves would be a self-join over every meeting
_STATE_SETS = """
SELECT ?states (COUNT(?m) AS ?n) WHERE {
  { SELECT ?m (GROUP_CONCAT(DISTINCT STR(?s); separator=" ") AS ?states) WHERE {
      ?m ckg:participantState ?s ; a ckg:Meeting . FILTER(isIRI(?s))
    } GROUP BY ?m }
} GROUP BY ?states
"""
# meetings no report gives a session date for, dated by their earliest report: with the session
# dates they give every meeting a date to page the ``meetings`` list by, in one scan each
_UNDATED = """
SELECT ?m (MIN(?published) AS ?date) WHERE {
  ?m a ckg:Meeting ; ckg:reportedIn ?doc .
  FILTER NOT EXISTS { ?m schema:startDate ?start }
  ?doc schema:datePublished ?published .
} GROUP BY ?m
"""
_TOTALS = """
SELECT (COUNT(DISTINCT ?d) AS ?documents) (COUNT(DISTINCT ?m) AS ?meetings) WHERE {
  { ?d a ckg:Document } UNION { ?m a ckg:Meeting }
}
"""


def _select(store: GraphStore, text: str) -> list[dict[str, object]]:
    """Rows of a SELECT over the union of all graphs, as Python values."""
    from kgraph.api import to_python

    solutions = store.oxigraph.query(text, use_default_graph_as_union=True, prefixes=PREFIX_MAP)
    names = [v.value for v in solutions.variables]
    return [{n: to_python(row[n]) for n in names} for row in solutions]


def _key(iri: str) -> str:
    """The part of an IRI that names it inside a summary node's IRI (``state/KZ``)."""
    local = iri[len(str(ID)):] if iri.startswith(str(ID)) else iri
    return quote(local, safe="/-_.~")


def _integer(n: int) -> Literal:
    return Literal(n, datatype=XSD.integer)


def compute(store: GraphStore) -> list[Triple]:
    """The summary graph's triples for the store as it is now (read before the old summary goes:
    its nodes use none of the properties counted here)."""
    props = " ".join(f"<{p}>" for p in COUNTED.values())
    per_year: dict[tuple[str, str], Counter[int | None]] = defaultdict(Counter)
    for row in _select(store, _PER_YEAR % props):
        per_year[(str(row["prop"]), str(row["value"]))][row["year"]] += int(row["n"])
    dates = {(str(r["prop"]), str(r["value"])): (r["first"], r["last"])
             for r in _select(store, _DATES % props)}
    triples: list[Triple] = []
    for (prop, value), years in sorted(per_year.items(), key=lambda kv: kv[0]):
        node = URIRef(f"{_NODE}meeting-count/{_key(value)}")
        subject = URIRef(value)
        # a meeting has one year (or none), so the all-time count is the sum over years
        triples += [(node, RDF.type, CKG.MeetingCount), (node, CKG.via, URIRef(prop)),
                    (node, CKG.of, subject), (node, CKG.meetings, _integer(sum(years.values())))]
        if (prop, value) in dates:
            first, last = dates[(prop, value)]
            triples += [(node, CKG.firstDate, Literal(first, datatype=XSD.date)),
                        (node, CKG.lastDate, Literal(last, datatype=XSD.date))]
        for year, n in sorted((y, n) for y, n in years.items() if y is not None):
            ynode = URIRef(f"{node}/{year}")
            triples += [(ynode, RDF.type, CKG.MeetingCount), (ynode, CKG.via, URIRef(prop)),
                        (ynode, CKG.of, subject), (ynode, CKG.year, _integer(year)),
                        (ynode, CKG.meetings, _integer(n))]
    pairs: Counter[tuple[str, str]] = Counter()
    for row in _select(store, _STATE_SETS):
        states = sorted(set(str(row["states"]).split()))
        for pair in combinations(states, 2):
            pairs[pair] += int(row["n"])
    for (a, b), n in sorted(pairs.items()):
        node = URIRef(f"{_NODE}co-participation/{_key(a)}/{_key(b)}")
        triples += [(node, RDF.type, CKG.CoParticipation), (node, CKG.stateA, URIRef(a)),
                    (node, CKG.stateB, URIRef(b)), (node, CKG.meetings, _integer(n))]
    for row in _select(store, _UNDATED):
        if row["date"] is not None:
            triples.append((URIRef(str(row["m"])), CKG.firstReported, Literal(row["date"], datatype=XSD.date)))
    totals = _select(store, _TOTALS)[0]
    triples += [(SUMMARY_GRAPH, RDF.type, CKG.Summary),
                (SUMMARY_GRAPH, CKG.documents, _integer(int(totals["documents"]))),
                (SUMMARY_GRAPH, CKG.meetings, _integer(int(totals["meetings"])))]
    return triples


def refresh(store: GraphStore) -> int:
    """Recompute the aggregates and replace the summary graph with them; returns its triple count."""
    triples = compute(store)
    written = store.replace_graph(SUMMARY_GRAPH, triples)
    store.summary_stale = False
    return written


__all__ = ["COUNTED", "SUMMARY_GRAPH", "compute", "refresh"]
