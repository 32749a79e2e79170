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
    sparql: Annotated[str | None, typer.Option(
        "--sparql", help="SPARQL text to run instead of a named query; printed IDs (id:state/KZ) and the "
                         "project's prefixes work without PREFIX lines.")] = None,
    param: Annotated[list[str] | None,
                     typer.Option("--param", "-p", help="Query parameter key=value (repeatable).")] = None,
    state: Annotated[str | None, typer.Option(
        "--state", help="Filter a list question by state (ISO code such as KZ, or its name).")] = None,
    body: Annotated[str | None, typer.Option(
        "--body", help="Filter a list question by body (slug such as cis-council-of-interior-ministers).")] = None,
    date_from: Annotated[str | None, typer.Option(
        "--from", help="From this date (YYYY-MM-DD); undated meetings count at their first report.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Up to this date (YYYY-MM-DD), inclusive.")] = None,
    store: Annotated[Path | None, typer.Option("--store", help="Store folder built by `kgraph build --store`.")] = None,
    data: Annotated[list[Path] | None,
                    typer.Option("--data", help="RDF file(s) to load in memory instead (repeatable).")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table | csv | tsv | json | md")] = "table",
    wide: Annotated[bool, typer.Option(
        "--wide", help="Table: one line per row, however wide (for a pager or a wide window).")] = False,
    print_only: Annotated[bool, typer.Option(
        "--print", help="Print the query with its parameters bound (standalone SPARQL 1.1) instead of running it.")]
        = False,
) -> None:
    """Run a library query, a .rq file or SPARQL text over a store or files.

    Example: kgraph query meetings --state KZ --from 2024-01-01 --store build/store

    The table fits the terminal (COLUMNS) and never cuts an ID: text wraps, and rows become
    records when the IDs alone are too wide; --wide for one line per row. json is SPARQL 1.1
    Query Results JSON; CONSTRUCT/DESCRIBE print Turtle. Exit status 2 on an unknown query, a
    missing or unknown parameter value (a state, body or topic not in the reference data, a
    meeting not in the store) or bad SPARQL.
    """
    from kgraph.sparql import QueryError, check_read_only

    if fmt not in FORMATS:
        _fail(f"--format {fmt!r}: expected one of {', '.join(FORMATS)}")
    if (name is None) == (sparql is None):
        _fail("give a query NAME (or FILE.rq), or --sparql TEXT (one of the two)")
    filters = {"state": state, "body": body, "from": date_from, "to": date_to}
    if sparql is not None and any(v is not None for v in filters.values()):
        _fail("--state, --body, --from and --to filter library queries; write them into --sparql text")
    if print_only:
        if name is None:
            _fail("--print is for library queries (NAME or FILE.rq)")
        from kgraph.params import check
        from kgraph.sparql import resolve

        try:
            query = resolve(name)
            values = check(query, _with_filters(query, _params(param or []), filters), note=_note)
            text = query.bind(values)
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
            from kgraph.curies import standalone

            text = standalone(sparql)
        else:
            from kgraph.params import check

            query = kg.library_query(name)
            given = _with_filters(query, _params(param or []), filters)
            values = check(query, given, exists=lambda iri: _exists(kg, iri), note=_note)
            text = query.bind(values)
        check_read_only(text)
        result = kg.run(text)
        _print(result, fmt, wide=wide, dated=date_from is not None or date_to is not None)
    except QueryError as exc:
        _fail(str(exc))
    finally:
        kg.close()


def _note(message: str) -> None:
    typer.echo(f"kgraph: {message}", err=True)


def _exists(kg: Any, iri: str) -> bool:
    """Whether the store says anything about ``iri`` (a meeting, fact or person parameter)."""
    from kgraph.sparql import QueryError

    if any(ch in iri for ch in "<>\"{}|^`\\ \n"):
        raise QueryError(f"not an IRI: {iri!r}")
    return bool(kg.run(f"ASK {{ <{iri}> ?p ?o }}"))


def _with_filters(query: Any, values: dict[str, str], filters: dict[str, str | None]) -> dict[str, str]:
    """--state/--body/--from/--to as the query's optional parameters of those names (for --state, the
    one whose IDs are states, e.g. proposals' ``by``); refused when the question has no such filter."""
    from kgraph.namespaces import ID

    bases = {"state": f"{ID}state/", "body": f"{ID}body/"}
    out = dict(values)
    for option, value in filters.items():
        if value is None:
            continue
        names = [p.name for p in query.params if p.name == option]
        if not names and option in bases:
            names = [p.name for p in query.params if query.iri_base.get(p.name) == bases[option]]
        if not names:
            takes = [f"--{o}" for o in filters if any(p.name == o for p in query.params)] or ["none"]
            _fail(f"query {query.name} has no --{option} filter (its filters: {', '.join(takes)}; "
                  f"parameters: {', '.join(p.name for p in query.params) or 'none'})")
        kind = next(p.kind for p in query.params if p.name == names[0])
        if kind in ("xsd:integer", "xsd:gYear") and not value.strip().isdigit():
            _fail(f"--{option} {value}: query {query.name} counts by year; give a year such as --{option} 2024")
        if names[0] in out and out[names[0]] != value:
            _fail(f"--{option} {value} and --param {names[0]}={out[names[0]]} disagree: give one")
        out[names[0]] = value
    return out


def _print(result: Any, fmt: str, *, wide: bool = False, dated: bool = False) -> None:
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
        _table(names, rows, wide=wide)
    if dated and "dateKnown" in names:
        undated = sum(1 for row in rows if row[names.index("dateKnown")] == "false")
        if undated:
            _note(f"{undated} meeting(s) without a known date kept (dateKnown false): each is placed, "
                  "and filtered, by the date of its first report, the latest it can have been held")


def _short(term: Any) -> str:
    """A compact display form: prefixed names for IRIs, bare literal values."""
    import pyoxigraph as ox

    from kgraph.curies import shorten

    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return shorten(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def _markdown(names: list[str], rows: list[list[str]]) -> None:
    from kgraph.commands.table import safe

    def cell(text: str) -> str:
        return safe(text).replace("|", "\\|").replace("\n", " ")

    typer.echo("| " + " | ".join(names) + " |")
    typer.echo("|" + "---|" * len(names))
    for row in rows:
        typer.echo("| " + " | ".join(cell(c) for c in row) + " |")


def _table(names: list[str], rows: list[list[str]], *, wide: bool = False) -> None:
    from rich.console import Console

    from kgraph.commands.table import render

    width = Console().width  # the terminal's, or $COLUMNS, or 80 when piped
    text, layout = render(names, rows, width=width, wide=wide)
    sys.stdout.write(text)
    if layout != "table":
        how = "text wrapped" if layout == "wrapped" else "rows shown as records"
        _note(f"{how} to fit {width} columns (IDs are whole); --wide for one line per row, "
              "-f csv or -f md for other tools")


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
