"""Extraction on Dask: a pure map over documents, on a local cluster or on many machines.

Why Dask: extraction is embarrassingly parallel (each document's graph depends on that document
and the reference data only), so it needs a map, not a scheduler of our own. ``dask.bag`` holds
the documents of one partition, ``distributed`` runs the partitions on worker processes: a
``LocalCluster`` on this machine by default, or any running scheduler (``dask scheduler`` +
``dask worker`` on other machines, Dask on Kubernetes/YARN/SLURM…) given by its address.

Two ways out of the map:

* ``results(...)`` streams every document's ``BuiltDocument`` back to this process, in input
  order, so ``kgraph build --dask`` writes the very file and store the single-process build does;
* ``write_partitions(...)`` has each worker write its partition as an N-Quads file
  (``part-00000.nq``…; the folder must be shared by the machines on a real cluster) and send back
  only counts: the client never touches the quads. Any store bulk-loads those files
  (``kgraph load DIR --store S`` for Oxigraph; Virtuoso, Jena, GraphDB bulk loaders read N-Quads).

Identical texts give identical graphs (the graph IRI is the text's hash), so partitions never
disagree; a repeated document is simply the same quads twice, which a store keeps once.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from kgraph.build import BuiltDocument, _safe_build, reference_nquads
from kgraph.document import Document, DocumentError

PARTITION_SIZE = 250  # documents per task: ~0.5 MB of text in, ~50k quads out; big enough to hide task overhead


class DaskUnavailableError(RuntimeError):
    """Dask is not installed (``pip install 'kgraph[dask]'``) or the scheduler cannot be reached."""


@dataclass
class DaskSettings:
    """Where and how wide the map runs: ``scheduler`` is an address (``tcp://host:8786``) or None
    for a ``LocalCluster`` of ``workers`` processes with one thread each."""

    scheduler: str | None = None
    workers: int = 2
    partition_size: int = PARTITION_SIZE
    in_flight: int = 0  # partitions submitted ahead of the one being consumed (0: 2 per worker)


@dataclass
class PartitionReport:
    """What one partition's worker wrote: the file, its documents, quads and errors."""

    path: str
    documents: int = 0
    triples: int = 0
    meetings: int = 0
    graphs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _client(settings: DaskSettings) -> Any:
    """A ``distributed.Client`` on the scheduler, or on a fresh LocalCluster (closed with it)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise DaskUnavailableError("the Dask path needs dask[distributed]: pip install 'kgraph[dask]'") from None
    if settings.scheduler:
        try:
            return Client(settings.scheduler, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise DaskUnavailableError(f"{settings.scheduler}: cannot reach the Dask scheduler ({exc})") from None
    cluster = LocalCluster(n_workers=settings.workers, threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=logging.ERROR)
    client = Client(cluster)
    client._kgraph_cluster = cluster  # closed together in _close
    return client


def _close(client: Any) -> None:
    cluster = getattr(client, "_kgraph_cluster", None)
    client.close()
    if cluster is not None:
        cluster.close()


def _warm_up() -> None:
    """Build the gazetteers once per worker before the first partition arrives."""
    from kgraph.extract import warm_up

    warm_up()


def _chunks(items: Iterable[Document | DocumentError], size: int) -> Iterator[list[Document | DocumentError]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _build_partition(docs: list[Document | DocumentError]) -> list[BuiltDocument | DocumentError]:
    return [_safe_build(doc) for doc in docs]


def _write_partition(docs: list[Document | DocumentError], path: str) -> PartitionReport:
    """Build one partition and write its N-Quads where the worker runs (temporary name, then renamed)."""
    from kgraph.rdfio import atomic_writer

    report = PartitionReport(path)
    with atomic_writer(Path(path)) as out:
        for result in _build_partition(docs):
            if isinstance(result, DocumentError):
                report.errors.append(str(result))
                continue
            out.write(result.nquads)
            report.documents += 1
            report.triples += result.triples
            report.meetings += result.meetings
            report.graphs.append(result.graph)
    return report


def _mapped(items: Iterable[Document | DocumentError], settings: DaskSettings, task: Any,
            *extra: Any) -> Iterator[Any]:
    """Run ``task(partition, *extra(index))`` over partitions of ``items`` with a bounded number
    in flight (memory stays flat whatever the corpus), yielding results in input order."""
    import dask.bag as db

    client = _client(settings)
    try:
        client.run(_warm_up)
        window = settings.in_flight or 2 * max(1, len(client.scheduler_info().get("workers", {})) or settings.workers)
        pending: deque[Any] = deque()
        for index, chunk in enumerate(_chunks(items, settings.partition_size)):
            bag = db.from_sequence([chunk], npartitions=1)  # one partition: the chunk, as one list
            args = [e(index) for e in extra]
            pending.append(client.compute(bag.map(task, *args).to_delayed()[0]))
            while len(pending) > window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        _close(client)


def results(items: Iterable[Document | DocumentError],
            settings: DaskSettings) -> Iterator[BuiltDocument | DocumentError]:
    """Every document built on the Dask workers, streamed back in input order."""
    for built in _mapped(items, settings, _build_partition):
        yield from built


def write_partitions(items: Iterable[Document | DocumentError], folder: Path,
                     settings: DaskSettings) -> Iterator[PartitionReport]:
    """Build on the workers, each partition written by its worker as ``folder/part-NNNNN.nq``;
    the reference graph goes to ``folder/part-reference.nq`` (written here)."""
    from kgraph.rdfio import atomic_writer

    folder.mkdir(parents=True, exist_ok=True)
    reference = folder / "part-reference.nq"
    with atomic_writer(reference) as out:
        out.write(reference_nquads())
    yield PartitionReport(str(reference))
    target = str(folder.resolve())
    yield from _mapped(items, settings, _write_partition, lambda index: f"{target}/part-{index:05d}.nq")


__all__ = ["PARTITION_SIZE", "DaskSettings", "DaskUnavailableError", "PartitionReport", "results",
           "write_partitions"]
