"""`kgraph viz`: one self-contained, offline HTML view of the graph (pyvis + networkx)."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class ViewName(StrEnum):
    network = "network"
    co_participation = "co-participation"
    meeting = "meeting"
    state = "state"


def register(app: typer.Typer) -> None:
    app.command(name="viz")(viz_command)


def parse_date(value: str | None, option: str) -> dt.date | None:
    """An ISO date option, or a one-line error."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"{option} {value!r}: expected a date YYYY-MM-DD")
    return None


def fail(message: str) -> None:
    """One line on stderr, exit status 2."""
    typer.echo(f"kgraph: {message}", err=True)
    raise typer.Exit(2)


def viz_command(
    view: Annotated[ViewName, typer.Argument(help="network, co-participation, meeting or state.")],
    arg: Annotated[str | None,
                   typer.Argument(help="meeting: its IRI or id (body/date/place); state: ISO code.")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="The HTML file to write.")] = Path("view.html"),
    store: Annotated[Path | None, typer.Option("--store", help="Store folder built by kgraph build --store.")] = None,
    data: Annotated[list[Path] | None,
                    typer.Option("--data", help="RDF file(s) written by kgraph build (repeatable).")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Meetings starting on or after YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Meetings starting on or before YYYY-MM-DD.")] = None,
    body: Annotated[str | None, typer.Option("--body", help="Meetings of this body slug (and its sub-bodies).")] = None,
    topic: Annotated[str | None, typer.Option("--topic", help="Meetings that discussed this topic slug.")] = None,
    max_nodes: Annotated[int, typer.Option("--max-nodes", min=2, help="Above this, fold and filter nodes.")] = 1500,
    cluster: Annotated[str | None, typer.Option(
        "--cluster", help="network: open grouped by body or year (expand on click), or none; "
                          "default: by body past 60 nodes.")] = None,
    normalise: Annotated[bool, typer.Option(
        "--normalise", help="co-participation: edge width by the share of their meetings two states "
                            "attended together (Jaccard), not the raw count.")] = False,
) -> None:
    """Write an interactive network view as one HTML file that needs no network.

    Examples: kgraph viz co-participation --data build/seeds.trig -o coop.html;
    kgraph viz state KZ --store build/store --from 2024-01-01 -o kz.html
    """
    from kgraph.store import StoreError
    from kgraph.views import build as views
    from kgraph.views import render
    from kgraph.views.data import Selection, SelectionError, load_graph, meeting_iri, open_store, state_iri

    if (store is None) == (not data):
        fail("give either --store DIR or --data FILE (one or more)")
    if cluster is not None and cluster not in views.CLUSTER_MODES:
        fail(f"--cluster {cluster!r}: expected one of {', '.join(views.CLUSTER_MODES)}")
    if cluster is not None and view is not ViewName.network:
        fail("--cluster is for the network view")
    if normalise and view is not ViewName.co_participation:
        fail("--normalise is for the co-participation view")
    if view in (ViewName.meeting, ViewName.state) and not arg:
        fail(f"viz {view.value} needs an argument ({'meeting IRI or id' if view is ViewName.meeting else 'ISO code'})")
    if view in (ViewName.network, ViewName.co_participation) and arg:
        fail(f"viz {view.value} takes no argument (got {arg!r})")
    try:
        focus = None
        if view is ViewName.meeting:
            focus = meeting_iri(arg or "")
        elif view is ViewName.state:
            focus = state_iri(arg or "")
        selection = Selection(start=parse_date(date_from, "--from"), end=parse_date(date_to, "--to"),
                              body=body, topic=topic,
                              meeting=focus if view is ViewName.meeting else None,
                              state=focus if view is ViewName.state else None)
        source = open_store(store, data or [])
        graph = load_graph(source, selection)
        if view is ViewName.network:
            page = views.network(graph, max_nodes, cluster)
        elif view is ViewName.co_participation:
            page = views.co_participation(graph, max_nodes, normalise)
        elif view is ViewName.meeting:
            page = views.meeting(graph, focus or "", max_nodes)
        else:
            page = views.state(graph, focus or "", max_nodes)
    except (StoreError, SelectionError) as exc:
        fail(str(exc))
    filters = ", ".join(f"{name} {value}" for name, value in
                        (("from", date_from), ("to", date_to), ("body", body), ("topic", topic)) if value)
    if (date_from or date_to) and (undated := views.undated_notice(page)):
        page.notices.append(undated)
    for notice in page.notices:
        typer.echo(f"kgraph: {notice}", err=True)
    try:
        render.write(page, out, filters)
    except OSError as exc:
        fail(f"{out}: cannot write: {exc}")
    counts = views.summary(page)
    typer.echo(f"wrote {out}: {view.value} view, {counts['nodes']} nodes, {counts['edges']} edges", err=True)
