"""The Python API for analysts: open a store (or load files) and ask library questions.

    from kgraph import KnowledgeGraph
    kg = KnowledgeGraph.open("build/store")
    kg.query("participants", meeting="cis-council-of-interior-ministers/2023-05-10/minsk")

Rows come back as dicts of plain Python values (str, int, float, bool, date), so they go straight
into pandas or json; ``sparql()`` takes any read-only query text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kgraph.sparql import LibraryQuery, QueryError, check_read_only, library, resolve
from kgraph.store import GraphStore

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {f"{_XSD}{t}" for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                                     "positiveInteger", "negativeInteger", "nonPositiveInteger",
                                     "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}
_FLOATS = {f"{_XSD}{t}" for t in ("double", "float")}


def to_python(term: Any) -> Any:
    """A pyoxigraph term as a plain Python value (IRIs as str, typed literals as numbers/dates)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        datatype, value = term.datatype.value, term.value
        try:
            if datatype in _INTEGERS:
                return int(value)
            if datatype == f"{_XSD}decimal":
                return Decimal(value)
            if datatype in _FLOATS:
                return float(value)
            if datatype == f"{_XSD}boolean":
                return value in ("true", "1")
            if datatype == f"{_XSD}date":
                return dt.date.fromisoformat(value)
            if datatype == f"{_XSD}dateTime":
                return dt.datetime.fromisoformat(value)
        except ValueError:
            return value
        return value
    return str(term)


def rows(results: Any) -> list[dict[str, Any]]:
    """pyoxigraph SELECT solutions as a list of dicts (unbound variables are left out)."""
    names = [v.value for v in results.variables]
    out = []
    for solution in results:
        out.append({name: to_python(solution[name]) for name in names if solution[name] is not None})
    return out


class KnowledgeGraph:
    """A read-only view of a kgraph store, with the query library at hand."""

    def __init__(self, store: GraphStore, queries_folder: Path | None = None) -> None:
        self.store = store
        self._folder = queries_folder

    @classmethod
    def open(cls, path: Path | str, *, queries_folder: Path | None = None) -> KnowledgeGraph:
        """Open a store built by ``kgraph build --store`` (read-only: a build may run meanwhile)."""
        return cls(GraphStore.open(Path(path), read_only=True), queries_folder)

    @classmethod
    def from_files(cls, paths: Iterable[Path | str], *, queries_folder: Path | None = None) -> KnowledgeGraph:
        """Load kgraph output files (.trig, .nq, .ttl, .nt, .jsonld) into an in-memory store."""
        store = GraphStore.open(None)
        for path in paths:
            store.load_file(path)
        return cls(store, queries_folder)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def queries(self) -> list[dict[str, Any]]:
        """The library: name, summary, tags and parameters of each query."""
        return [{"name": q.name, "summary": q.summary, "tags": q.tags,
                 "params": [{"name": p.name, "type": p.kind, "required": p.required} for p in q.params]}
                for q in library(self._folder).values()]

    def library_query(self, name_or_path: str) -> LibraryQuery:
        return resolve(name_or_path, self._folder)

    def query(self, name_or_sparql: str, /, **params: Any) -> Any:
        """Run a library query by name (or an .rq file) with its parameters, or SPARQL text.

        SELECT gives a list of dicts, ASK a bool, CONSTRUCT/DESCRIBE an rdflib Graph.
        """
        if _looks_like_sparql(name_or_sparql):
            if params:
                raise QueryError("parameters are for library queries; put values in the SPARQL text")
            return self.sparql(name_or_sparql)
        text = self.library_query(name_or_sparql).bind(params)
        return _plain(self.run(text))

    def sparql(self, text: str) -> Any:
        """Run read-only SPARQL text (UPDATE, SERVICE, LOAD and FROM are refused)."""
        check_read_only(text)
        return _plain(self.run(text))

    def run(self, text: str) -> Any:
        """The raw pyoxigraph result of ``text`` (a QueryError on bad SPARQL)."""
        try:
            return self.store.query(text)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from None


def _looks_like_sparql(text: str) -> bool:
    return "{" in text or "\n" in text


def _plain(result: Any) -> Any:
    if isinstance(result, ox.QuerySolutions):
        return rows(result)
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    from rdflib import Graph

    graph = Graph()
    data = result.serialize(format=ox.RdfFormat.N_TRIPLES)
    if data:
        graph.parse(data=data.decode("utf-8"), format="nt")
    return graph


__all__ = ["KnowledgeGraph", "rows", "to_python"]
