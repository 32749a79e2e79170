"""The build pipeline: documents → facts → one named graph per document → file and/or store.

Documents stream through: they are read lazily, extracted (in worker processes with ``jobs > 1``),
and each document's graph is written or loaded as soon as it is ready, so memory stays bounded
whatever the corpus size. A bad document is reported in one line and skipped; the others are
still built. Output files are written to a temporary file and renamed at the end, so a failed
run never leaves half a file.
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kgraph import rdfio
from kgraph.document import Document, DocumentError, load
from kgraph.namespaces import REFERENCE_GRAPH

if TYPE_CHECKING:
    from kgraph.distributed import DaskSettings


class NothingBuiltError(RuntimeError):
    """Every input failed: no output file is written."""


@dataclass
class BuiltDocument:
    source: str
    graph: str
    nquads: bytes
    triples: int
    meetings: int


@dataclass
class BuildReport:
    documents: int = 0
    triples: int = 0
    meetings: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    duplicates: int = 0  # documents whose text another input already had (one graph, counted once)


@cache
def _label_for() -> Callable[[str, str], str | None]:
    from kgraph.reference import load_reference

    ref = load_reference()
    tables = {"body": ref.bodies, "city": ref.cities, "state": ref.states, "agency": ref.agencies}

    def label(kind: str, key: str) -> str | None:
        item = tables.get(kind, {}).get(key)
        return item.label("en") if item is not None else None

    return label


def build_document(doc: Document) -> BuiltDocument:
    """Extract and emit one document; pure apart from the cached reference data."""
    from kgraph.emit import document_triples, graph_iri
    from kgraph.extract import extract

    facts = extract(doc)
    triples = document_triples(doc, facts, _label_for())
    graph = graph_iri(doc)
    return BuiltDocument(doc.source, graph.value, rdfio.nquads(triples, graph), len(triples),
                         len(facts.meetings))


# One document may take at most this long; past it the document is skipped with one line, so a
# pathological text can never hold a batch (and the documents after it) hostage.
DOCUMENT_SECONDS = 60.0


class _DocumentTimeout(Exception):
    pass


def _on_alarm(signum: int, frame: object) -> None:
    raise _DocumentTimeout


def _safe_build(item: Document | DocumentError) -> BuiltDocument | DocumentError:
    if isinstance(item, DocumentError):
        return item
    timed = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if timed:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, DOCUMENT_SECONDS)
    try:
        return build_document(item)
    except _DocumentTimeout:
        return DocumentError(item.source, f"extraction took over {DOCUMENT_SECONDS:g} s and was stopped "
                                          f"({len(item.text):,} characters)")
    except RecursionError:
        return DocumentError(item.source, "extraction failed (structure nested too deeply)")
    except Exception as exc:  # one bad document must not stop a batch
        return DocumentError(item.source, f"extraction failed ({type(exc).__name__}: {exc})")
    finally:
        if timed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


@cache
def reference_nquads() -> bytes:
    """The reference graph's N-Quads, made once per process (a build of one document spent 60% of
    its time re-serialising these ~6,000 unchanging triples)."""
    from kgraph.reference import load_reference, reference_graph

    return rdfio.nquads(reference_graph(load_reference()), REFERENCE_GRAPH)


def _results(items: Iterable[Document | DocumentError], jobs: int) -> Iterator[BuiltDocument | DocumentError]:
    if jobs <= 1:
        yield from map(_safe_build, items)
        return
    # fork shares the warmed-up gazetteers with the workers; imap keeps memory bounded
    context = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    _warm_up()
    with context.Pool(jobs) as pool:
        yield from pool.imap(_safe_build, items, chunksize=8)


def _warm_up() -> None:
    """Build the gazetteers once in the parent so forked workers inherit them."""
    from kgraph.extract import warm_up

    warm_up()


class _StoreBatch:
    """Loads document graphs into the store a few hundred at a time: one insertion per batch is
    much faster than one per document, and each graph still replaces its older version."""

    SIZE = 500

    def __init__(self, store) -> None:
        self.store = store
        self.graphs: list[str] = []
        self.data: list[bytes] = []

    def add(self, graph: str, nquads: bytes) -> None:
        self.graphs.append(graph)
        self.data.append(nquads)
        if len(self.graphs) >= self.SIZE:
            self.flush()

    def flush(self) -> None:
        if self.graphs:
            self.store.replace_graphs_nquads(self.graphs, b"".join(self.data))
            self.graphs.clear()
            self.data.clear()


class _FileSink:
    """Streams each document's graph into the output file in its format (TriG/Turtle chunks may
    repeat prefix directives, which both syntaxes allow); JSON-LD is assembled at the end."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.format = rdfio.format_for(path)
        self._cm = rdfio.atomic_writer(path)
        self._handle = None
        self._jsonld_parts: tempfile.SpooledTemporaryFile | None = None
        self._seen: set[bytes] = set()  # digests of the triples written (triple formats)

    def __enter__(self) -> _FileSink:
        self._handle = self._cm.__enter__()
        if self.format is ox.RdfFormat.JSON_LD:
            self._jsonld_parts = tempfile.SpooledTemporaryFile(max_size=64 << 20)
        return self

    def write(self, nquads: bytes) -> None:
        if self._jsonld_parts is not None:
            self._jsonld_parts.write(nquads)
        elif self.format is ox.RdfFormat.N_QUADS:
            self._handle.write(nquads)
        elif self.format in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.TURTLE):
            # triple formats drop the graphs: a triple several documents state is written once
            self._handle.write(rdfio.reserialise(nquads, self.format, self._seen))
        else:
            self._handle.write(rdfio.reserialise(nquads, self.format))

    def __exit__(self, *exc_info) -> bool | None:
        if exc_info[0] is None and self._jsonld_parts is not None:
            self._handle.write(_jsonld(self._jsonld_parts))
        return self._cm.__exit__(*exc_info)


def _jsonld(parts) -> bytes:
    from rdflib import Dataset

    parts.seek(0)
    dataset = Dataset()
    dataset.parse(data=parts.read().decode("utf-8"), format="nquads")
    return dataset.serialize(format="json-ld", context=rdfio.jsonld_context(), auto_compact=True,
                             encoding="utf-8")


def build(paths: Iterable[str | Path], *, out: Path | None = None, store: Path | None = None, jobs: int = 1,
          on_error: Callable[[str], None] = lambda message: None,
          on_document: Callable[[BuiltDocument], None] = lambda built: None,
          doc_seconds: float | None = None, dask: DaskSettings | None = None) -> BuildReport:
    """Build every document under ``paths`` into ``out`` (a file) and/or ``store`` (a folder).

    ``doc_seconds`` bounds the time of one document (default DOCUMENT_SECONDS); it is set before
    the worker processes fork, so they inherit it. ``dask`` runs the extraction on Dask workers
    (``kgraph.distributed``) instead of ``jobs`` local processes; the output is the same.
    """
    global DOCUMENT_SECONDS
    if doc_seconds is not None:
        DOCUMENT_SECONDS = doc_seconds
    if out is not None:
        rdfio.format_for(out)  # an unknown extension is an error before any work
    started = time.perf_counter()
    report = BuildReport()
    sink = _FileSink(out) if out is not None else None
    graph_store = None
    if store is not None:
        from kgraph.store import GraphStore

        graph_store = GraphStore.open(store)
        graph_store.begin_build()
    try:
        if sink:
            sink.__enter__()
        reference = reference_nquads()
        if sink:
            sink.write(reference)
        batch = _StoreBatch(graph_store) if graph_store is not None else None
        if batch is not None:
            batch.add(str(REFERENCE_GRAPH), reference)
        seen: set[str] = set()
        if dask is not None:
            from kgraph.distributed import results as dask_results

            stream = dask_results(load(paths), dask)
        else:
            stream = _results(load(paths), jobs)
        for result in stream:
            if isinstance(result, DocumentError):
                report.errors.append(str(result))
                on_error(str(result))
                continue
            if result.graph in seen:  # the same text twice: one document, one graph
                report.duplicates += 1
                continue
            seen.add(result.graph)
            if sink:
                sink.write(result.nquads)
            if batch is not None:
                batch.add(result.graph, result.nquads)
            report.documents += 1
            report.triples += result.triples
            report.meetings += result.meetings
            on_document(result)
        if batch is not None:
            batch.flush()
        if graph_store is not None:
            graph_store.end_build()  # summary on disk, journal cleared: the store is whole again
        if report.documents == 0:
            raise NothingBuiltError("no document could be built")
    except BaseException:
        if sink:
            sink.__exit__(*sys.exc_info())
        raise
    else:
        if sink:
            sink.__exit__(None, None, None)
    finally:
        if graph_store is not None:
            graph_store.close()
    report.seconds = time.perf_counter() - started
    return report
