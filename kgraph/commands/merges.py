"""`kgraph merges`: the reports consolidated into one meeting or person node, and undoing one.

Merges are recomputed by every build (``kgraph.consolidate``); this command shows them as the
store records them and lets an analyst overrule one: ``--undo ID`` keeps its members apart on
every later build, ``--redo ID`` forgets that.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class Format(StrEnum):
    table = "table"
    json = "json"


def register(app: typer.Typer) -> None:
    app.command(name="merges")(merges_command)


def _fail(message: str) -> None:
    typer.echo(f"kgraph merges: {message}", err=True)
    raise typer.Exit(2)


def merges_command(
    store: Annotated[Path, typer.Option("--store", help="Store folder built by `kgraph build --store`.")],
    undo: Annotated[str | None,
                    typer.Option("--undo", help="Undo the merge with this ID (kept apart on later builds).")] = None,
    redo: Annotated[str | None, typer.Option("--redo", help="Forget the undo of this merge ID.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="Only merges of this kind: meeting or person.")] = None,
    undone: Annotated[bool, typer.Option("--undone", help="List the undone merges instead.")] = False,
    summary: Annotated[bool, typer.Option(
        "--summary", help="Only the figures: reports, report-level IRIs, nodes.")] = False,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table or json.")] = Format.table,
) -> None:
    """List the merges of report-level meetings and persons (ID, kind, canonical node, members, rule).

    Examples: kgraph merges --store build/store; kgraph merges --store build/store --undo meeting-1a2b3c4d5e6f
    """
    from kgraph.consolidate import figures, list_merges
    from kgraph.consolidate import redo as redo_merge
    from kgraph.consolidate import undo as undo_merge
    from kgraph.store import GraphStore, StoreError

    if not store.is_dir():
        _fail(f"{store}: no store there (build one with kgraph build --store)")
    try:
        if undo or redo:
            with GraphStore.open(store) as graph_store:
                if undo:
                    try:
                        members = undo_merge(graph_store, undo)
                    except KeyError:
                        _fail(f"no merge {undo!r} in {store} (kgraph merges --store {store} lists them)")
                    typer.echo(f"undone {undo}: {len(members)} nodes kept apart from now on")
                if redo:
                    if not redo_merge(graph_store, redo):
                        _fail(f"{redo!r} was not undone")
                    typer.echo(f"redone {redo}: its members may merge again")
            return
        with GraphStore.open(store, read_only=True) as graph_store:
            if summary:
                found = figures(graph_store)
                if fmt is Format.json:
                    typer.echo(json.dumps(found))
                for kind, n in found.items() if fmt is Format.table else ():
                    typer.echo(f"{kind}: {n['reports']} reports, {n['report_iris']} report-level IRIs, "
                               f"{n['nodes']} nodes")
                return
            rows = list_merges(graph_store, undone=undone)
    except StoreError as exc:
        _fail(str(exc))
    rows = [r for r in rows if kind is None or r["kind"] == kind]
    if fmt is Format.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    short = "https://w3id.org/ckg/id/"
    for row in rows:
        members = " ".join("id:" + m[len(short):] if m.startswith(short) else m for m in row["members"].split())
        if undone:
            typer.echo(f"{row['id']}\t{row['kind']}\tundone\t{members}")
            continue
        canonical = row["canonical"].replace(short, "id:")
        typer.echo(f"{row['id']}\t{row['kind']}\t{canonical}\t{row['documents']} documents\t{row['rule']}\t{members}")
    if not rows:
        typer.echo("no merges", err=True)
