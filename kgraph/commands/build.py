"""`kgraph build`: documents → RDF file and/or persistent store."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    app.command(name="build")(build_command)


def build_command(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or glob patterns (.txt, .md, .jsonl).")],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Output file: .trig .nq .ttl .nt .jsonld")] = None,
    store: Annotated[Path | None, typer.Option("--store", help="Persistent store folder to load into.")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Parallel extraction processes.")] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary line.")] = False,
    doc_timeout: Annotated[float, typer.Option(
        "--doc-timeout", min=0.0001, help="Seconds one document may take before it is skipped.")] = 60.0,
    dask: Annotated[bool, typer.Option(
        "--dask", help="Extract on Dask workers (a LocalCluster of --jobs processes unless --scheduler).")] = False,
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", help="Address of a running Dask scheduler (tcp://host:8786); implies --dask.")] = None,
    partitions: Annotated[Path | None, typer.Option(
        "--partitions", help="With --dask: each worker writes its partition as DIR/part-NNNNN.nq "
                             "(a folder every machine sees), for a store's bulk loader or kgraph load.")] = None,
) -> None:
    """Extract meetings, participants, decisions and figures into RDF, one named graph per document.

    Example: kgraph build seeds/ -o build/seeds.trig

    Exit status: 0 when every document was built, 1 when some were skipped (each named on
    stderr with its problem), 2 when nothing could be built or the call is wrong.
    """
    from kgraph.build import NothingBuiltError, build
    from kgraph.distributed import DaskUnavailableError
    from kgraph.rdfio import UnknownFormatError, format_for
    from kgraph.store import StoreError

    dask_settings = None
    if dask or scheduler or partitions is not None:
        from kgraph.distributed import DaskSettings

        dask_settings = DaskSettings(scheduler=scheduler, workers=jobs)
    if partitions is not None:
        if out is not None or store is not None:
            _fail("--partitions writes N-Quads files only: load them with kgraph load DIR --store S")
        _partitions(paths, partitions, dask_settings, quiet)
        return
    if out is None and store is None:
        _fail("give an output file (-o OUT.trig) and/or a store (--store DIR)")
    if out is not None:
        try:
            format_for(out)
        except UnknownFormatError as exc:
            _fail(str(exc))
        _check_writable(out)
    progress = _Progress()
    try:
        report = build(paths, out=out, store=store, jobs=jobs, doc_seconds=doc_timeout, dask=dask_settings,
                       on_error=lambda message: progress.error(f"kgraph: skipped {message}"),
                       on_document=lambda built: progress.advance())
    except NothingBuiltError as exc:
        progress.stop()
        _fail(f"{exc}; nothing written")
    except (StoreError, DaskUnavailableError) as exc:
        progress.stop()
        _fail(str(exc))
    except OSError as exc:
        progress.stop()
        _fail(f"{exc.filename or out}: cannot write ({exc.strerror or exc}); nothing written")
    finally:
        progress.stop()
    if not quiet:
        where = " and ".join(str(p) for p in (out, store) if p is not None)
        rate = report.documents / report.seconds if report.seconds else 0.0
        typer.echo(f"built {report.documents} documents, {report.meetings} meetings, {report.triples} triples "
                   f"into {where} in {report.seconds:.1f}s ({rate:.0f} docs/s)"
                   + (f"; {report.duplicates} duplicate{'s' * (report.duplicates > 1)} of another input left out"
                      if report.duplicates else "")
                   + (f"; {len(report.errors)} skipped" if report.errors else ""), err=True)
    raise typer.Exit(1 if report.errors else 0)


def _partitions(paths: list[str], folder: Path, settings, quiet: bool) -> None:
    """The Dask map writing N-Quads partitions; exit 1 when some documents were skipped."""
    from kgraph.distributed import DaskUnavailableError, write_partitions
    from kgraph.document import load

    started = time.perf_counter()
    files = documents = triples = skipped = 0
    try:
        for part in write_partitions(load(paths), folder, settings):
            files += 1
            documents += part.documents
            triples += part.triples
            skipped += len(part.errors)
            for message in part.errors:
                typer.echo(f"kgraph: skipped {message}", err=True)
    except DaskUnavailableError as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"{exc.filename or folder}: cannot write ({exc.strerror or exc})")
    if documents == 0:
        _fail("no document could be built")
    seconds = time.perf_counter() - started
    if not quiet:
        typer.echo(f"built {documents} documents, {triples} triples into {files} N-Quads partitions in {folder} "
                   f"in {seconds:.1f}s ({documents / seconds:.0f} docs/s)"
                   + (f"; {skipped} skipped" if skipped else ""), err=True)
    raise typer.Exit(1 if skipped else 0)


def _check_writable(out: Path) -> None:
    """Refuse before any work an output that cannot be written (a folder, an unwritable folder)."""
    import os

    if out.is_dir():
        _fail(f"{out}: is a folder; give a file name such as {out / 'graph.trig'}")
    parent = out.parent if str(out.parent) else Path(".")
    existing = next((p for p in (parent, *parent.parents) if p.exists()), Path("."))
    if not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK):
        _fail(f"{out}: cannot write into {existing} (permission denied or not a folder)")


def _fail(message: str) -> None:
    typer.echo(f"kgraph build: {message}", err=True)
    raise typer.Exit(2)


class _Progress:
    """A rich progress bar that appears only on a terminal and only after two seconds."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.count = 0
        self.bar = None
        self.task = None
        self.enabled = sys.stderr.isatty()

    def advance(self) -> None:
        self.count += 1
        if not self.enabled:
            return
        if self.bar is None and time.monotonic() - self.started > 2:
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self.bar = Progress(SpinnerColumn(), TextColumn("{task.completed} documents"),
                                TimeElapsedColumn(), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("build", total=None)
        if self.bar is not None:
            self.bar.update(self.task, completed=self.count)

    def error(self, message: str) -> None:
        if self.bar is not None:
            self.bar.console.print(message, markup=False, highlight=False)
        else:
            typer.echo(message, err=True)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None
