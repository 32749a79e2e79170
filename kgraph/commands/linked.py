"""`kgraph export` and `kgraph push`: the dataset for other linked-data stores."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    app.command(name="export")(export_command)
    app.command(name="push")(push_command)


def _fail(command: str, message: str) -> None:
    typer.echo(f"kgraph {command}: {message}", err=True)
    raise typer.Exit(2)


def _open(command: str, store: Path):
    from kgraph.store import GraphStore, StoreError

    try:
        graph_store = GraphStore.open(store, read_only=True)
    except StoreError as exc:
        _fail(command, str(exc))
    if graph_store.interrupted_build():
        graph_store.close()
        _fail(command, f"{store}: the last build did not finish; run `kgraph doctor --store {store}` first")
    return graph_store


def export_command(
    store: Annotated[Path, typer.Option("--store", help="Store folder built by `kgraph build --store`.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output file: .trig .nq .jsonld (named graphs) or "
                                                          ".ttl .nt (all triples, each once)")],
    ontology: Annotated[bool, typer.Option("--ontology/--no-ontology",
                                           help="Include the ontology (graph <https://w3id.org/ckg/ontology>).")]
        = True,
) -> None:
    """Write the whole dataset to one file: document graphs, reference, summary and ontology.

    Example: kgraph export --store build/store -o build/ckg.trig

    Loaded into any SPARQL 1.1 store whose default graph is the union of its graphs (Virtuoso;
    `oxigraph serve --union-default-graph`), a quad format answers every library query as
    `kgraph query` does.
    """
    from kgraph.linked import export
    from kgraph.rdfio import UnknownFormatError, format_for

    try:
        format_for(out)
    except UnknownFormatError as exc:
        _fail("export", str(exc))
    if out.is_dir():
        _fail("export", f"{out}: is a folder; give a file name such as {out / 'ckg.trig'}")
    graph_store = _open("export", store)
    try:
        report = export(graph_store, out, ontology=ontology)
    except OSError as exc:
        _fail("export", f"{exc.filename or out}: cannot write ({exc.strerror or exc}); nothing written")
    finally:
        graph_store.close()
    typer.echo(f"exported {report.graphs} graphs, {report.triples} triples into {out}"
               + (f" ({report.repeated} repeated in several graphs written once)" if report.repeated else ""),
               err=True)


def push_command(
    url: Annotated[str, typer.Argument(help="The store's Graph Store Protocol URL, e.g. http://localhost:7878/store "
                                            "(Oxigraph) or http://localhost:8890/sparql-graph-crud-auth (Virtuoso).")],
    store: Annotated[Path, typer.Option("--store", help="Store folder built by `kgraph build --store`.")],
    user: Annotated[str | None, typer.Option("--user", "-u", help="User name for HTTP authentication.")] = None,
    password: Annotated[str | None, typer.Option(
        "--password", envvar="KGRAPH_PUSH_PASSWORD", help="Password (or the KGRAPH_PUSH_PASSWORD variable).")] = None,
    auth: Annotated[str, typer.Option("--auth", help="basic | digest (Virtuoso's …-auth endpoints use digest).")]
        = "basic",
    graph_param: Annotated[str, typer.Option("--graph-param", help="Query parameter naming the graph.")] = "graph",
    ontology: Annotated[bool, typer.Option("--ontology/--no-ontology", help="Push the ontology graph too.")] = True,
    timeout: Annotated[float, typer.Option("--timeout", min=1.0, help="Seconds per graph request.")] = 120.0,
) -> None:
    """Send the dataset to a triplestore: one HTTP PUT per named graph (SPARQL 1.1 Graph Store Protocol).

    Example: kgraph push http://127.0.0.1:7878/store --store build/store

    A PUT replaces its graph, so pushing again leaves the same store (idempotent). The push stops
    at the first graph the store refuses, names it in one line and reports what was and was not
    pushed (exit status 1).
    """
    from kgraph.linked import dataset_graphs, push

    if auth not in ("basic", "digest"):
        _fail("push", f"--auth {auth!r}: expected basic or digest")
    if not url.startswith(("http://", "https://")):
        _fail("push", f"{url}: not an http(s) URL")
    graph_store = _open("push", store)
    try:
        graphs = dataset_graphs(graph_store, ontology)
        bar = None
        if sys.stderr.isatty():
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            bar = Progress(TextColumn("push"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                           transient=True)
            bar.start()
            task = bar.add_task("push", total=len(graphs))
        try:
            report = push(graph_store, url, user=user, password=password, auth_scheme=auth, graph_param=graph_param,
                          timeout=timeout, graphs=graphs,
                          on_graph=lambda graph, n: bar.advance(task) if bar is not None else None)
        finally:
            if bar is not None:
                bar.stop()
    finally:
        graph_store.close()
    if report.failed is not None:
        typer.echo(f"kgraph push: graph <{report.failed}> was not stored: {report.error}", err=True)
        typer.echo(f"kgraph push: {len(report.pushed)} of {len(graphs)} graphs pushed ({report.triples} triples); "
                   f"{len(report.not_pushed)} not pushed, from <{report.failed}> on; push again to finish",
                   err=True)
        raise typer.Exit(1)
    typer.echo(f"pushed {len(report.pushed)} graphs, {report.triples} triples to {url}", err=True)
