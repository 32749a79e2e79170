"""`kgraph serve`: a read-only SPARQL 1.1 endpoint over a store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    app.command(name="serve")(serve_command)


def serve_command(
    store: Annotated[Path, typer.Option("--store", help="Store folder built by `kgraph build --store`.")],
    host: Annotated[str, typer.Option("--host", help="Interface to bind (default: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 7878,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, help="Per-query time limit, seconds.")] = 10.0,
    max_results: Annotated[int, typer.Option("--max-results", min=1, help="Row (or triple) cap per result.")] = 10_000,
    workers: Annotated[int | None, typer.Option("--workers", min=1, help="Query worker processes.")] = None,
    memory: Annotated[int, typer.Option(
        "--worker-memory", min=0,
        help="Address space a query may add to its worker beyond the opened store, MB (0: no cap).")] = 2048,
    sandbox: Annotated[bool, typer.Option(
        "--sandbox/--no-sandbox",
        help="Ban sockets in the query workers (seccomp). --no-sandbox only where seccomp is unavailable.")] = True,
    cors_origin: Annotated[list[str] | None, typer.Option(
        "--cors-origin", help="Origin allowed to query from a browser (repeatable; default any: *).")] = None,
    cors: Annotated[bool, typer.Option("--cors/--no-cors", help="CORS headers for GET/POST (browser clients).")]
        = True,
    license_iri: Annotated[str | None, typer.Option(
        "--license", help="Licence IRI of the data, given in the service description (dcterms:license).")] = None,
    views: Annotated[Path | None, typer.Option(
        "--views", help="Folder of `kgraph viz` views (HTML): served at /views/ and linked from the "
                        "workbench's pages, under the file names its pages suggest.")] = None,
) -> None:
    """Serve the store at http://HOST:PORT/sparql (SPARQL 1.1 Protocol, read-only).

    Example: kgraph serve --store build/store --port 7878

    UPDATE, LOAD, SERVICE and FROM are refused with HTTP 400; a query over the time limit is
    stopped (HTTP 503); a result over the cap is refused (HTTP 400: add LIMIT). The query workers
    cannot open network connections (a seccomp ban on sockets); the endpoint refuses to start
    where that ban cannot be installed, unless --no-sandbox is given.

    The analyst's workbench is at http://HOST:PORT/ (query editor, the library as forms, entity
    pages with evidence, search by name, timeline, map; every asset shipped, nothing fetched from
    elsewhere). Also served: the SPARQL service description (GET /sparql with no query), the graph's IRIs
    (https://w3id.org/ckg/id/… at /id/…, the ontology at /ontology) as Turtle, JSON-LD or HTML.
    """
    import subprocess
    import sys

    from kgraph.server import serve

    if not (store.is_dir() and any(store.iterdir())):
        typer.echo(f"kgraph: {store}: no store there (build one with kgraph build --store)", err=True)
        raise typer.Exit(2)
    if views is not None and not views.is_dir():
        typer.echo(f"kgraph: --views {views}: not a folder", err=True)
        raise typer.Exit(2)
    if sandbox:
        probe = subprocess.run([sys.executable, "-c", "from kgraph.sandbox import deny_network; deny_network()"],
                               capture_output=True, text=True)
        if probe.returncode != 0:
            reason = (probe.stderr.strip().splitlines() or ["unknown"])[-1]
            typer.echo(f"kgraph: cannot ban network access in query workers ({reason}); "
                       "install libseccomp, or run with --no-sandbox at your own risk", err=True)
            raise typer.Exit(2)
    typer.echo(f"kgraph: serving {store} at http://{host}:{port}/sparql (read-only)", err=True)
    serve(store, host=host, port=port, timeout=timeout, max_results=max_results, workers=workers,
          sandbox=sandbox, memory_mb=memory, cors_origins=tuple(cors_origin or ["*"]) if cors else (),
          license_iri=license_iri, views_dir=views.resolve() if views else None)
