"""The dataset for other linked-data stores: self-sufficient exports and a Graph Store push.

A store holds one named graph per document, the reference graph and the derived summary graph;
the export adds the ontology (in the named graph ``https://w3id.org/ckg/ontology``), so that a store
loaded with it answers every library query as ``kgraph query`` does. The build journal (a
bookkeeping graph of an interrupted build) is never exported.

Quad formats (.trig, .nq, .jsonld) keep the named graphs. Triple formats (.nt, .ttl) hold the set
of triples of all graphs, each triple once; the summary graph's queries name their graph, so the
library needs a quad format (or a push) to answer on another store exactly.

``push`` sends each named graph to a store with the SPARQL 1.1 Graph Store HTTP Protocol:
``PUT <gsp>?graph=<iri>`` with the graph as N-Triples replaces that graph, so pushing again
converges on the same store (idempotent).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kgraph import rdfio
from kgraph.namespaces import REFERENCE_GRAPH
from kgraph.paths import ontology_dir

ONTOLOGY_GRAPH = "https://w3id.org/ckg/ontology"
SUMMARY_GRAPH = "https://w3id.org/ckg/id/graph/summary"
JOURNAL_GRAPH = "https://w3id.org/ckg/id/graph/journal"


class PushError(Exception):
    """A push problem worth one line (the graph, the store's answer)."""


def ontology_triples() -> list[ox.Triple]:
    """The ontology (``ontology/kgraph.ttl``) as triples."""
    path = ontology_dir() / "kgraph.ttl"
    return [ox.Triple(q.subject, q.predicate, q.object)
            for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]


def dataset_graphs(store: Any, ontology: bool = True) -> list[str]:
    """The graphs to export or push: reference, summary, ontology, then the documents (sorted)."""
    ox_store = store.oxigraph
    names = sorted(g.value for g in ox_store.named_graphs() if isinstance(g, ox.NamedNode))
    first = [g for g in (str(REFERENCE_GRAPH), SUMMARY_GRAPH) if g in names]
    if ontology:
        first.append(ONTOLOGY_GRAPH)
    rest = [g for g in names if g not in first and g != JOURNAL_GRAPH]
    return first + rest


def graph_triples(store: Any, graph: str) -> list[ox.Triple]:
    """The triples of one graph of the dataset (the ontology graph from the ontology file)."""
    if graph == ONTOLOGY_GRAPH and not store.oxigraph.contains_named_graph(ox.NamedNode(graph)):
        return ontology_triples()
    name = ox.NamedNode(graph)
    return [ox.Triple(q.subject, q.predicate, q.object)
            for q in store.oxigraph.quads_for_pattern(None, None, None, name)]


@dataclass
class ExportReport:
    graphs: int = 0
    triples: int = 0  # written: quads for quad formats, distinct triples for triple formats
    repeated: int = 0  # triple formats: triples left out because another graph had them


def _quads(triples: list[ox.Triple], graph: str) -> Iterator[ox.Quad]:
    name = ox.NamedNode(graph)
    for t in triples:
        yield ox.Quad(t.subject, t.predicate, t.object, name)


def export(store: Any, path: Path, *, ontology: bool = True,
           on_graph: Callable[[str], None] = lambda graph: None) -> ExportReport:
    """Write the dataset to ``path`` (format by extension), atomically; see the module doc."""
    fmt = rdfio.format_for(path)
    report = ExportReport()
    graphs = dataset_graphs(store, ontology)
    with rdfio.atomic_writer(path) as out:
        if fmt is ox.RdfFormat.JSON_LD:
            quads = [q for g in graphs for q in _quads(graph_triples(store, g), g)]
            report.graphs, report.triples = len(graphs), len(quads)
            out.write(rdfio.jsonld_quads(quads))
            return report
        seen: set[bytes] = set()
        for graph in graphs:
            triples = graph_triples(store, graph)
            report.graphs += 1
            if fmt in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.TURTLE):
                fresh = [t for t in triples if rdfio.first_time(t, seen)]
                report.repeated += len(triples) - len(fresh)
                report.triples += len(fresh)
                prefixes = rdfio.OX_PREFIXES if fmt is ox.RdfFormat.TURTLE else None
                out.write(ox.serialize(fresh, format=fmt, prefixes=prefixes) or b"")
            else:
                report.triples += len(triples)
                prefixes = rdfio.OX_PREFIXES if fmt is ox.RdfFormat.TRIG else None
                out.write(ox.serialize(_quads(triples, graph), format=fmt, prefixes=prefixes) or b"")
            on_graph(graph)
    return report


# -- push ----------------------------------------------------------------------------------------
@dataclass
class PushReport:
    pushed: list[str] = field(default_factory=list)
    failed: str | None = None  # the graph that failed (the push stops there)
    error: str = ""
    not_pushed: list[str] = field(default_factory=list)  # the failed graph and those after it
    triples: int = 0


def push(store: Any, gsp_url: str, *, user: str | None = None, password: str | None = None,
         auth_scheme: str = "basic", graph_param: str = "graph", ontology: bool = True,
         timeout: float = 120.0, graphs: list[str] | None = None,
         on_graph: Callable[[str, int], None] = lambda graph, triples: None) -> PushReport:
    """PUT every graph of the dataset to the Graph Store endpoint ``gsp_url``.

    Stops at the first graph the store refuses (or cannot be reached for): the report names it,
    and lists what was pushed and what was not.
    """
    import httpx

    auth: Any = None
    if user is not None:
        auth = (httpx.DigestAuth(user, password or "") if auth_scheme == "digest"
                else httpx.BasicAuth(user, password or ""))
    todo = graphs if graphs is not None else dataset_graphs(store, ontology)
    report = PushReport()
    with httpx.Client(auth=auth, timeout=timeout, trust_env=False) as client:
        for i, graph in enumerate(todo):
            triples = graph_triples(store, graph)
            body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
            try:
                response = client.put(gsp_url, params={graph_param: graph}, content=body,
                                      headers={"Content-Type": "application/n-triples"})
                if response.status_code >= 300:
                    answer = " ".join(response.text.split())[:200] or response.reason_phrase
                    raise PushError(f"HTTP {response.status_code}: {answer}")
            except (httpx.HTTPError, PushError) as exc:
                report.failed = graph
                report.error = str(exc) or type(exc).__name__
                report.not_pushed = todo[i:]
                return report
            report.pushed.append(graph)
            report.triples += len(triples)
            on_graph(graph, len(triples))
    return report


__all__ = ["JOURNAL_GRAPH", "ONTOLOGY_GRAPH", "SUMMARY_GRAPH", "ExportReport", "PushError", "PushReport",
           "dataset_graphs", "export", "graph_triples", "ontology_triples", "push"]
