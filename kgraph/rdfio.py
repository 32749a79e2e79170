"""RDF serialisation helpers: formats by file extension, rdflib → Oxigraph terms, atomic writes.

Oxigraph's Rust serialisers do the heavy lifting (N-Quads, TriG, Turtle, N-Triples); rdflib is
used only for JSON-LD, where our context file (``ontology/context.jsonld``) makes the output
readable.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kgraph.namespaces import PREFIXES
from kgraph.paths import ontology_dir

FORMATS: dict[str, ox.RdfFormat] = {
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".jsonld": ox.RdfFormat.JSON_LD,
}
QUAD_FORMATS = {".trig", ".nq", ".jsonld"}
# no "id:" prefix in Turtle/TriG: our local names hold "/", which a prefixed name must escape
# ("id:state\\/KZ"), and some stores keep those escapes; full IRIs are read everywhere alike
OX_PREFIXES = {prefix: str(ns) for prefix, ns in PREFIXES.items() if prefix != "id"}


class UnknownFormatError(ValueError):
    pass


def format_for(path: Path) -> ox.RdfFormat:
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(FORMATS)
        raise UnknownFormatError(f"{path}: unknown RDF format {path.suffix or '(no extension)'!r}; "
                                 f"use one of {known}") from None


OX_TERMS = (ox.NamedNode, ox.Literal, ox.BlankNode)
_IRI_CACHE: dict[str, ox.NamedNode] = {}
_IRI_CACHE_MAX = 1 << 18  # documents share most IRIs (states, bodies, properties): make each once


def named(iri: str) -> ox.NamedNode:
    node = _IRI_CACHE.get(iri)
    if node is None:
        if len(_IRI_CACHE) >= _IRI_CACHE_MAX:
            _IRI_CACHE.clear()
        node = _IRI_CACHE[iri] = ox.NamedNode(iri)
    return node


def to_ox(term: Node) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    """An rdflib term as a pyoxigraph term; Oxigraph terms pass through."""
    if isinstance(term, OX_TERMS):
        return term
    if isinstance(term, URIRef):
        return named(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=named(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"cannot convert {term!r} to an Oxigraph term")


def to_quads(triples: Iterable[tuple[Node, Node, Node]], graph: URIRef | ox.NamedNode | None) -> Iterator[ox.Quad]:
    if graph is None:
        name = ox.DefaultGraph()
    else:
        name = graph if isinstance(graph, ox.NamedNode) else ox.NamedNode(str(graph))
    for s, p, o in triples:
        yield ox.Quad(to_ox(s), to_ox(p), to_ox(o), name)


def nquads(triples: Iterable[tuple[Node, Node, Node]], graph: URIRef) -> bytes:
    return ox.serialize(to_quads(triples, graph), format=ox.RdfFormat.N_QUADS)


def reserialise(quads_nq: bytes, fmt: ox.RdfFormat, seen: set[bytes] | None = None) -> bytes:
    """One document's N-Quads in the output format (triple formats drop the graph name; with
    ``seen``, the digests of triples written before, each triple is written once)."""
    quads = ox.parse(quads_nq, format=ox.RdfFormat.N_QUADS)
    if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES):
        triples = (ox.Triple(q.subject, q.predicate, q.object) for q in quads)
        if seen is not None:
            triples = (t for t in triples if first_time(t, seen))
        return ox.serialize(triples, format=fmt, prefixes=OX_PREFIXES if fmt is ox.RdfFormat.TURTLE else None)
    return ox.serialize(quads, format=fmt, prefixes=OX_PREFIXES if fmt is ox.RdfFormat.TRIG else None)


def first_time(triple: ox.Triple, seen: set[bytes]) -> bool:
    """Whether ``triple`` is new to ``seen`` (a set of 16-byte digests), recording it."""
    key = hashlib.blake2b(str(triple).encode("utf-8"), digest_size=16).digest()
    if key in seen:
        return False
    seen.add(key)
    return True


def jsonld_context() -> dict:
    path = ontology_dir() / "context.jsonld"
    if path.is_file():
        return json.loads(path.read_text(encoding="utf-8")).get("@context", {})
    return {prefix: str(ns) for prefix, ns in PREFIXES.items()}


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[object]:
    """A binary file handle whose content replaces ``path`` only if the block completes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
        # mkstemp makes the file 0600; an output is an ordinary file, readable as the umask allows
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def jsonld_quads(quads: Iterable[ox.Quad]) -> bytes:
    """Quads as compacted JSON-LD with the project's context (rdflib does the compaction)."""
    from rdflib import Dataset

    dataset = Dataset()
    dataset.parse(data=ox.serialize(quads, format=ox.RdfFormat.N_QUADS).decode("utf-8"), format="nquads")
    return dataset.serialize(format="json-ld", context=jsonld_context(), auto_compact=True, encoding="utf-8")
