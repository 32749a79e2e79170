"""Read the slice of the knowledge graph that a view or a metric needs, as a networkx graph.

Everything comes through SPARQL (``kgraph/views/queries/*.rq``) on a ``GraphStore``, so the views
see exactly what the scorer and the query library see: the contract's terms over the union of
all named graphs. The result is one undirected ``networkx.Graph`` whose nodes are IRIs with a
``kind`` (meeting, body, state, agency, person, decision, proposal, statistic, delegation) and
the text the tooltips need; each view then cuts what it shows out of it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import networkx as nx

from kgraph.namespaces import CKG, ID, RDF, RDFS, SCHEMA, SKOS

QUERIES = Path(__file__).with_name("queries")
# preferred label languages, best first; "" is an untagged literal
LABEL_LANGUAGES = ("en", "ru", "kk", "")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_BATCH = 2000  # IRIs per VALUES block

REL = {str(CKG[name]): name for name in (
    "heldBy", "participantState", "participantOrganization", "participantPerson", "adopted",
    "delegation", "topic", "reportedAt", "proposedAt")}


class SelectionError(ValueError):
    """A filter value the views cannot use (bad date, slug, ISO code or meeting id)."""


@dataclass(frozen=True)
class Selection:
    """Which meetings a view or metric covers; ``None`` means no restriction."""

    start: dt.date | None = None
    end: dt.date | None = None
    body: str | None = None  # body slug; its sub-bodies count too (org:subOrganizationOf)
    topic: str | None = None  # topic slug
    meeting: str | None = None  # meeting IRI
    state: str | None = None  # state IRI: meetings it took part in (directly or by a delegation)

    def __post_init__(self) -> None:
        for name in ("body", "topic"):
            value = getattr(self, name)
            if value is not None and not _SLUG.match(value):
                raise SelectionError(f"--{name} {value!r}: expected a slug such as drug-trafficking")
        for name in ("meeting", "state"):
            value = getattr(self, name)
            if value is not None and not _iri_ok(value):
                raise SelectionError(f"{name} {value!r}: not a usable IRI")

    def sparql(self) -> str:
        """Graph patterns restricting ``?m`` (values were validated, so splicing is safe)."""
        parts = []
        if self.meeting:
            parts.append(f"FILTER(?m = <{self.meeting}>)")
        if self.state:
            parts.append(f"{{ ?m ckg:participantState <{self.state}> }} UNION "
                         f"{{ ?m ckg:delegation/ckg:ofState <{self.state}> }}")
        if self.start or self.end:
            # a meeting with no known date is kept, placed at its first report (the latest it can have
            # been held: kgraph.summary's ckg:firstReported, which every store keeps up to date)
            parts.append("OPTIONAL { ?m schema:startDate ?_known }")
            parts.append(f"OPTIONAL {{ GRAPH <{ID}graph/summary> {{ ?m ckg:firstReported ?_first }} }}")
            parts.append("BIND(COALESCE(?_known, ?_first) AS ?_start)")
            if self.start:
                parts.append(f'FILTER(?_start >= "{self.start.isoformat()}"^^xsd:date)')
            if self.end:
                parts.append(f'FILTER(?_start <= "{self.end.isoformat()}"^^xsd:date)')
        if self.body:
            parts.append(f"?m ckg:heldBy/org:subOrganizationOf* <{ID['body/' + self.body]}> .")
        if self.topic:
            parts.append(f"?m ckg:topic <{ID['topic/' + self.topic]}> .")
        return "\n  ".join(parts)


def _iri_ok(iri: str) -> bool:
    return bool(re.match(r"^[a-z][a-z0-9+.-]*:[^\s<>\"{}|\\^`]*$", iri))


def meeting_iri(ref: str) -> str:
    """A meeting IRI from a full IRI, ``id:meeting/…`` or the bare id ``body/date/place``."""
    ref = ref.strip()
    if ref.startswith("id:"):
        ref = str(ID) + ref[3:]
    elif not ref.startswith(("http://", "https://", "urn:")):
        ref = str(ID) + ("" if ref.startswith("meeting/") else "meeting/") + ref
    if not _iri_ok(ref):
        raise SelectionError(f"meeting {ref!r}: not a usable IRI")
    return ref


def state_iri(code: str) -> str:
    """``id:state/XX`` from an ISO 3166-1 alpha-2 code (any case)."""
    if not re.fullmatch(r"[A-Za-z]{2}", code.strip()):
        raise SelectionError(f"state {code!r}: expected an ISO 3166-1 alpha-2 code such as KZ")
    return str(ID["state/" + code.strip().upper()])


@cache
def query_text(name: str) -> str:
    return (QUERIES / f"{name}.rq").read_text(encoding="utf-8")


def _rows(store: Any, name: str, **splice: str) -> Iterator[dict[str, Any]]:
    text = query_text(name)
    for key, value in splice.items():
        text = text.replace("#{" + key + "}", value)
    results = store.query(text)
    names = [v.value for v in results.variables]
    for solution in results:
        yield {n: solution[n] for n in names}


def _values(iris: Iterable[str]) -> Iterator[str]:
    batch = sorted(iris)
    for i in range(0, len(batch), _BATCH):
        yield "VALUES ?x { " + " ".join(f"<{iri}>" for iri in batch[i : i + _BATCH]) + " }"


def _kind_of(iri: str, types: set[str]) -> str:
    """The node kind from the contract's IRI patterns, then from rdf:type."""
    for prefix, kind in (("state/", "state"), ("body/", "body"), ("agency/", "agency"),
                         ("person/", "person"), ("decision/", "decision"), ("meeting/", "meeting")):
        if iri.startswith(str(ID) + prefix):
            return kind
    for cls, kind in ((CKG.Agency, "agency"), (CKG.Person, "person"), (CKG.State, "state")):
        if str(cls) in types:
            return kind
    return "organization"


def _pick(labels: dict[str, str]) -> str | None:
    for lang in LABEL_LANGUAGES:
        if lang in labels:
            return labels[lang]
    return next(iter(labels.values()), None)


def _date(term: Any) -> str | None:
    return None if term is None else term.value


def load_graph(store: Any, selection: Selection | None = None) -> nx.Graph:
    """The selected meetings and everything they link to, as one undirected graph.

    Node attributes: ``kind``, ``label``, and where known ``start``/``end`` (ISO dates),
    ``body``/``place``/``state`` (IRIs), ``job``, ``topics`` (IRIs), ``value``, ``quote``, ``sentence``,
    ``doc_title``, ``doc_date``, ``doc_file``, ``doc_url``. Edge attribute ``rel``: the contract's property local name.
    """
    sel = (selection or Selection()).sparql()
    g = nx.Graph()

    def node(iri: str, kind: str | None = None) -> dict[str, Any]:
        if iri not in g:
            g.add_node(iri, kind=kind)
        elif kind and not g.nodes[iri].get("kind"):
            g.nodes[iri]["kind"] = kind
        return g.nodes[iri]

    for row in _rows(store, "meetings", selection=sel):
        m = node(row["m"].value, "meeting")
        m.update(start=_date(row["start"]), end=_date(row["end"]), topics=[])
        if row["start"] is None and row.get("first") is not None:
            m["first_reported"] = _date(row["first"])  # undated: kept in date filters, said so
        if row["place"] is not None:
            m["place"] = row["place"].value
        if row["body"] is not None:
            m["body"] = row["body"].value
            node(row["body"].value, "body")
            g.add_edge(row["m"].value, row["body"].value, rel="heldBy")
    for row in _rows(store, "links", selection=sel):
        m, rel, o = row["m"].value, REL[row["rel"].value], row["o"].value
        if rel == "topic":
            g.nodes[m]["topics"].append(o)
            continue
        kind = {"participantState": "state", "participantPerson": "person", "adopted": "decision",
                "delegation": "delegation", "participantOrganization": None}[rel]
        node(o, kind)
        g.add_edge(m, o, rel=rel)
    for row in _rows(store, "reported", selection=sel):
        rel, x = REL[row["rel"].value], row["x"].value
        attrs = node(x, "statistic" if rel == "reportedAt" else "proposal")
        if row["value"] is not None:
            attrs["value"] = row["value"].value
        for key in ("indicator", "by"):
            if row[key] is not None:
                attrs[key] = row[key].value
        g.add_edge(row["m"].value, x, rel=rel)
    for row in _rows(store, "delegations", selection=sel):
        d = row["del"].value
        if row["state"] is not None:
            g.nodes[d]["state"] = row["state"].value
            node(row["state"].value, "state")
            g.add_edge(d, row["state"].value, rel="ofState")
        if row["head"] is not None:
            node(row["head"].value, "person")
            g.add_edge(d, row["head"].value, rel="headedBy")
    _add_details(store, g)
    return g


def _add_details(store: Any, g: nx.Graph) -> None:
    """Labels, kinds, states, job titles, quotes and source documents of every node."""
    wanted = set(g.nodes)
    wanted |= {v for _, v in g.nodes(data="indicator") if v}
    wanted |= {v for _, v in g.nodes(data="place") if v}
    labels: dict[str, dict[str, str]] = {}
    jobs: dict[str, dict[str, str]] = {}
    types: dict[str, set[str]] = {}
    for values in _values(wanted):
        for row in _rows(store, "details", values=values):
            x, p, v = row["x"].value, row["p"].value, row["v"]
            if p in (str(RDFS.label), str(SKOS.prefLabel), str(SCHEMA.name)):
                # rdfs:label / prefLabel win over schema:name only by language order, not by property
                labels.setdefault(x, {}).setdefault(getattr(v, "language", None) or "", v.value)
            elif p == str(SCHEMA.jobTitle):
                jobs.setdefault(x, {}).setdefault(v.language or "", v.value)
            elif p == str(RDF.type):
                types.setdefault(x, set()).add(v.value)
            elif p == str(CKG.ofState) and x in g:
                g.nodes[x].setdefault("state", v.value)
            elif p == str(CKG.topic) and x in g and g.nodes[x].get("kind") == "decision":
                g.nodes[x].setdefault("topics", []).append(v.value)
    for values in _values(wanted & {n for n, k in g.nodes(data="kind") if k != "state" and k != "body"}):
        for row in _rows(store, "evidence", values=values):
            attrs = g.nodes[row["x"].value]
            if "quote" in attrs:
                continue
            attrs["quote"] = row["quote"].value
            attrs["doc"] = row["doc"].value
            attrs["doc_title"] = row["title"].value if row["title"] is not None else None
            attrs["doc_date"] = _date(row["published"])
            for key, var in (("sentence", "sentence"), ("doc_file", "file"), ("doc_url", "url")):
                if row[var] is not None:
                    attrs[key] = row[var].value
    for iri, attrs in g.nodes(data=True):
        if not attrs.get("kind"):
            attrs["kind"] = _kind_of(iri, types.get(iri, set()))
        attrs["label"] = _pick(labels.get(iri, {})) or _fallback_label(iri, attrs, labels)
        if iri in jobs:
            attrs["job"] = _pick(jobs[iri])
        for key in ("place", "indicator"):
            if attrs.get(key):
                attrs[key + "_label"] = _pick(labels.get(attrs[key], {})) or _tail(attrs[key])


def _tail(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1].replace("-", " ")


def _fallback_label(iri: str, attrs: dict[str, Any], labels: dict[str, dict[str, str]]) -> str:
    """A readable label for resources the data leaves unlabelled (meetings, figures)."""
    kind = attrs.get("kind")
    if kind == "meeting":
        body = _pick(labels.get(attrs.get("body") or "", {})) or _tail(attrs.get("body") or "meeting")
        return ", ".join(x for x in (body, attrs.get("start")) if x)
    if kind == "statistic" and "value" in attrs:
        what = _pick(labels.get(attrs.get("indicator") or "", {})) or _tail(attrs.get("indicator") or "")
        return f"{attrs['value']} {what}".strip()
    if kind == "state":
        return _tail(iri).upper()
    if kind == "delegation":
        state = attrs.get("state") or ""
        return "Delegation of " + (_pick(labels.get(state, {})) or _tail(state).upper())
    return _tail(iri)


def open_store(store_dir: Path | None, data: Sequence[Path]) -> Any:
    """A ``GraphStore``: the one on disk in ``store_dir`` (read-only), or files loaded in memory."""
    from kgraph.store import GraphStore

    if store_dir is not None:
        return GraphStore.open(store_dir, read_only=True)
    store = GraphStore.open(None)
    for path in data:
        store.load_file(path)
    return store


__all__ = ["Selection", "SelectionError", "load_graph", "meeting_iri", "open_store", "state_iri"]
