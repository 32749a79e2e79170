"""`kgraph query`, `kgraph queries`, `kgraph info`: ask the graph from the command line."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

FORMATS = ("table", "csv", "tsv", "json", "md")


def register(app: typer.Typer) -> None:
    app.command(name="query")(query_command)
    app.command(name="queries")(queries_command)
    app.command(name="info")(info_command)
    app.command(name="doctor")(doctor_command)


def _fail(message: str) -> None:
    typer.echo(f"kgraph: {message}", err=True)
    raise typer.Exit(2)


def _open(store: Path | None, data: list[Path] | None) -> Any:
    from kgraph.api import KnowledgeGraph
    from kgraph.store import StoreError

    if (store is None) == (not data):
        _fail("give either --store DIR or --data FILE… (one of the two)")
    try:
        if store is not None:
            kg = KnowledgeGraph.open(store)
            if started := kg.store.interrupted_build():
                typer.echo(f"kgraph: warning: {store}: the build started {started} did not finish; counts may "
                           f"be wrong until `kgraph doctor --store {store}` and a new build", err=True)
            return kg
        for path in data or []:
            if not Path(path).is_file():
                _fail(f"{path}: no such file")
        return KnowledgeGraph.from_files(data or [])
    except StoreError as exc:
        _fail(str(exc))


def _params(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            _fail(f"--param {pair!r}: expected key=value")
        out[key.strip()] = value
    return out


def query_command(
    name: Annotated[str | None, typer.Argument(help="Library query name (see `kgraph queries`) or a FILE.rq.")] = None,
    sparql: Annotated[str | None, typer.Option("--sparql", help="SPARQL text to run instead of a named query.")] = None,
    param: Annotated[list[str] | None,
                     typer.Option("--param", "-p", help="Query parameter key=value (repeatable).")] = None,
    store: Annotated[Path | None, typer.Option("--store", help="Store folder built by `kgraph build --store`.")] = None,
    data: Annotated[list[Path] | None,
                    typer.Option("--data", help="RDF file(s) to load in memory instead (repeatable).")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table | csv | tsv | json | md")] = "table",
    print_only: Annotated[bool, typer.Option(
        "--print", help="Print the query with its parameters bound (standalone SPARQL 1.1) instead of running it.")]
        = False,
) -> None:
    """Run a library query, a .rq file or SPARQL text over a store or files.

    Example: kgraph query participants -p meeting=cis-council-of-interior-ministers/2023-05-10/minsk --store build/store

    json is SPARQL 1.1 Query Results JSON; CONSTRUCT/DESCRIBE print Turtle. Exit status 2 on an
    unknown query, a missing parameter or bad SPARQL.
    """
    from kgraph.sparql import QueryError, check_read_only

    if fmt not in FORMATS:
        _fail(f"--format {fmt!r}: expected one of {', '.join(FORMATS)}")
    if (name is None) == (sparql is None):
        _fail("give a query NAME (or FILE.rq), or --sparql TEXT (one of the two)")
    if print_only:
        if name is None:
            _fail("--print is for library queries (NAME or FILE.rq)")
        from kgraph.sparql import resolve

        try:
            text = resolve(name).bind(_params(param or []))
            check_read_only(text)
        except QueryError as exc:
            _fail(str(exc))
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    kg = _open(store, data)
    try:
        if sparql is not None:
            if param:
                _fail("--param is for library queries; write values into --sparql text")
            text = sparql
        else:
            text = kg.library_query(name).bind(_params(param or []))
        check_read_only(text)
        result = kg.run(text)
        _print(result, fmt)
    except QueryError as exc:
        _fail(str(exc))
    finally:
        kg.close()


def _print(result: Any, fmt: str) -> None:
    import pyoxigraph as ox

    out = sys.stdout.buffer
    if isinstance(result, ox.QueryBoolean):
        if fmt == "json":
            result.serialize(out, ox.QueryResultsFormat.JSON)
            out.write(b"\n")
        else:
            typer.echo("true" if result else "false")
        return
    if not isinstance(result, ox.QuerySolutions):
        from kgraph.store import PREFIX_MAP

        out.write(ox.serialize(result, format=ox.RdfFormat.TURTLE, prefixes=PREFIX_MAP) or b"")
        return
    if fmt in ("json", "csv", "tsv"):
        kind = {"json": ox.QueryResultsFormat.JSON, "csv": ox.QueryResultsFormat.CSV,
                "tsv": ox.QueryResultsFormat.TSV}[fmt]
        result.serialize(out, kind)
        if fmt == "json":
            out.write(b"\n")
        return
    names = [v.value for v in result.variables]
    rows = [[_short(solution[n]) for n in names] for solution in result]
    if fmt == "md":
        _markdown(names, rows)
    else:
        _table(names, rows)


def _short(term: Any) -> str:
    """A compact display form: prefixed names for IRIs, bare literal values."""
    import pyoxigraph as ox

    from kgraph.namespaces import PREFIXES

    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        iri = term.value
        best = ""
        for prefix, ns in PREFIXES.items():
            if iri.startswith(str(ns)) and len(str(ns)) > len(PREFIXES.get(best, "")):
                best = prefix
        return f"{best}:{iri[len(str(PREFIXES[best])):]}" if best else iri
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def _markdown(names: list[str], rows: list[list[str]]) -> None:
    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    typer.echo("| " + " | ".join(names) + " |")
    typer.echo("|" + "---|" * len(names))
    for row in rows:
        typer.echo("| " + " | ".join(cell(c) for c in row) + " |")


def _table(names: list[str], rows: list[list[str]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(*names, show_lines=False, caption=f"{len(rows)} row{'s' if len(rows) != 1 else ''}")
    for row in rows:
        table.add_row(*row)
    Console(width=max(200, Console().width)).print(table)


def queries_command() -> None:
    """List the query library: each name, its parameters and summary.

    Example: kgraph queries
    """
    from kgraph.sparql import library

    for q in library().values():
        params = " ".join(f"{p.name}={p.kind}" if p.required else f"[{p.name}={p.kind}]" for p in q.params)
        typer.echo(f"{q.name:<22} {q.summary}" + (f"\n{'':<22}   params: {params}" if params else ""))


def info_command(
    store: Annotated[Path, typer.Option("--store", help="Store folder built by `kgraph build --store`.")],
) -> None:
    """Print what a store holds: documents, named graphs, triples, meetings.

    Example: kgraph info --store build/store
    """
    from kgraph.store import GraphStore, StoreError

    try:
        with GraphStore.open(store, read_only=True) as graph_store:
            counts = graph_store.counts()
            interrupted = graph_store.interrupted_build()
    except StoreError as exc:
        _fail(str(exc))
    for key in ("documents", "graphs", "triples", "meetings", "summary"):
        typer.echo(f"{key:<10} {counts[key]}")
    if interrupted:
        typer.echo(f"state      NEEDS REPAIR: the build started {interrupted} did not finish, so counts from "
                   f"the summary may be wrong; run: kgraph doctor --store {store}, then build again")
        raise typer.Exit(1)
    typer.echo("state      consistent")


def doctor_command(
    store: Annotated[Path, typer.Option("--store", help="Store folder built by `kgraph build --store`.")],
) -> None:
    """Check a store after a crash and repair it: recompute the summary, clear the build journal.

    Example: kgraph doctor --store build/store

    A document whose batch was interrupted is either whole or absent (never half-replaced);
    running the same build again adds what is missing. Exit status 0 when the store is consistent.
    """
    from kgraph.store import GraphStore, StoreError

    try:
        with GraphStore.open(store) as graph_store:
            typer.echo(f"kgraph doctor: {store}: {graph_store.repair()}")
    except StoreError as exc:
        _fail(str(exc))
