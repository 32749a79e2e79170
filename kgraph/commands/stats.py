"""`kgraph stats`: who is central, who clusters with whom, how often each state and body meets."""

from __future__ import annotations

import csv
import io
import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class Format(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


def register(app: typer.Typer) -> None:
    app.command(name="stats")(stats_command)


def stats_command(
    store: Annotated[Path | None, typer.Option("--store", help="Store folder built by kgraph build --store.")] = None,
    data: Annotated[list[Path] | None,
                    typer.Option("--data", help="RDF file(s) written by kgraph build (repeatable).")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table, csv or json.")] = Format.table,
    date_from: Annotated[str | None, typer.Option("--from", help="Meetings starting on or after YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Meetings starting on or before YYYY-MM-DD.")] = None,
    body: Annotated[str | None, typer.Option("--body", help="Meetings of this body slug (and its sub-bodies).")] = None,
    topic: Annotated[str | None, typer.Option("--topic", help="Meetings that discussed this topic slug.")] = None,
) -> None:
    """Degree and betweenness centrality, communities, and meetings per year of states and bodies.

    Metrics are computed on the projection of the state-meeting-body graph onto states and
    bodies (edge weight = meetings shared). Example: kgraph stats --data build/seeds.trig -f json
    """
    from kgraph.analytics import compute
    from kgraph.commands.viz import fail, parse_date
    from kgraph.store import StoreError
    from kgraph.views.data import Selection, SelectionError, load_graph, open_store

    if (store is None) == (not data):
        fail("give either --store DIR or --data FILE (one or more)")
    try:
        selection = Selection(start=parse_date(date_from, "--from"), end=parse_date(date_to, "--to"),
                              body=body, topic=topic)
        stats = compute(load_graph(open_store(store, data or []), selection))
    except (StoreError, SelectionError) as exc:
        fail(str(exc))
    if fmt is Format.json:
        typer.echo(json.dumps(stats.as_json(), ensure_ascii=False, indent=2))
    elif fmt is Format.csv:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=["metric", "kind", "node", "label", "year", "value"],
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(stats.rows())
        typer.echo(buffer.getvalue(), nl=False)
    else:
        _tables(stats)


def _tables(stats) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print(f"Graph: {stats.graph} ({stats.nodes} nodes, {stats.edges} edges)")
    table = Table(title="Centrality of states and bodies")
    for col in ("kind", "label", "meetings", "degree", "degree centrality", "betweenness", "community"):
        table.add_column(col, justify="right" if col not in ("kind", "label") else "left")
    for a in stats.actors:
        table.add_row(a["kind"], a["label"], str(a["meetings"]), str(a["degree"]),
                      f"{a['degree_centrality']:.3f}", f"{a['betweenness']:.3f}", str(a["community"]))
    console.print(table)
    groups = Table(title="Communities (greedy modularity)")
    groups.add_column("#", justify="right")
    groups.add_column("members")
    for i, members in enumerate(stats.communities):
        groups.add_row(str(i), ", ".join(members))
    console.print(groups)
    years = sorted({r["year"] for r in stats.per_year})
    per_year = Table(title="Meetings per year")
    per_year.add_column("kind")
    per_year.add_column("label")
    for y in years:
        per_year.add_column(y, justify="right")
    rows: dict[tuple[str, str], dict[str, int]] = {}
    for r in stats.per_year:
        rows.setdefault((r["kind"], r["label"]), {})[r["year"]] = r["meetings"]
    for (kind, label), counts in rows.items():
        per_year.add_row(kind, label, *(str(counts.get(y, "")) for y in years))
    console.print(per_year)
