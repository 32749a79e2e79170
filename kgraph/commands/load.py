"""`kgraph load`: bulk-load N-Quads files (the Dask path's partitions, a build's .nq output) into a store."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    app.command(name="load")(load_command)


def _files(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.suffix == ".nq" and not p.name.startswith("."))
        elif path.is_file():
            found.append(path)
        else:
            _fail(f"{path}: no such file or folder")
    return found


def load_command(
    paths: Annotated[list[Path], typer.Argument(help="N-Quads files or folders of them (part-*.nq).")],
    store: Annotated[Path, typer.Option("--store", help="Persistent store folder to load into.")],
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary line.")] = False,
) -> None:
    """Load N-Quads into the store with Oxigraph's bulk loader; each named graph replaces its older
    version, then reports are consolidated and the summary recomputed, as after a build.

    Example: kgraph build corpus.jsonl --dask --partitions parts/ && kgraph load parts/ --store st
    """
    from kgraph.store import GraphStore, StoreError, _graph_of_line

    files = _files(paths)
    if not files:
        _fail("no .nq file to load")
    started = time.perf_counter()
    quads = 0
    try:
        with GraphStore.open(store) as graph_store:
            graph_store.begin_build()
            for path in files:
                if path.suffix != ".nq":
                    _fail(f"{path}: not an N-Quads file (.nq)")
                try:
                    data = path.read_bytes()
                except OSError as exc:
                    _fail(f"{path}: cannot read ({exc.strerror or exc})")
                graphs = {g for line in data.splitlines() if (g := _graph_of_line(line))}
                try:
                    graph_store.replace_graphs_nquads(graphs, data)
                except (SyntaxError, ValueError) as exc:
                    _fail(f"{path}: not valid N-Quads: {exc}")
                quads += data.count(b"\n")
            graph_store.end_build()
    except StoreError as exc:
        _fail(str(exc))
    if not quiet:
        seconds = time.perf_counter() - started
        typer.echo(f"loaded {quads} quads from {len(files)} files into {store} in {seconds:.1f}s", err=True)


def _fail(message: str) -> None:
    typer.echo(f"kgraph load: {message}", err=True)
    raise typer.Exit(2)
