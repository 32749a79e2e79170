"""Cut each view out of the loaded graph: which nodes, which edges, what each tooltip says.

A view is plain data (a networkx graph whose nodes carry ``kind``, ``label``, ``title`` and
``size``), so the counts the browser draws can be checked against it. Tooltip titles are plain
text: the page hands them to vis-network as strings, which it shows with ``innerText``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from kgraph import analytics
from kgraph.views.data import SelectionError

NETWORK_KINDS = {"meeting", "body", "state", "agency", "organization", "person", "decision"}
# kinds folded into counts on their meetings when a view is over the node cap
FOLDABLE = ("person", "decision", "agency", "organization", "statistic", "proposal", "delegation")
KIND_NAMES = {"meeting": "Meeting", "body": "International body", "state": "State", "agency": "Agency",
              "organization": "Organisation", "person": "Person", "decision": "Decision",
              "proposal": "Proposal", "statistic": "Figure", "delegation": "Delegation"}
PLURALS = {"person": "persons", "decision": "decisions", "agency": "agencies", "organization": "organisations",
           "statistic": "figures", "proposal": "proposals", "delegation": "delegations"}
QUOTE_LIMIT = 400
DEFAULT_MAX_NODES = 1500
NO_MEETING = "No meeting matches the selection."


@dataclass
class View:
    """What one HTML page shows."""

    name: str
    heading: str
    graph: nx.Graph
    notices: list[str] = field(default_factory=list)
    focus: str | None = None  # the node whose details the page shows first
    caption: str = ""  # how to read the picture


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def tooltip(g: nx.Graph, n: str, extra: list[str] | None = None) -> str:
    """The plain-text tooltip of node ``n``: label, type, dates, source quote and document."""
    a = g.nodes[n]
    lines = [a["label"], KIND_NAMES.get(a["kind"], a["kind"])]
    if a.get("job"):
        lines[1] += f" · {a['job']}"
    if a.get("start"):
        lines.append("Date: " + a["start"] + (f" – {a['end']}" if a.get("end") else ""))
    if a.get("body") and a["body"] in g:
        lines.append("Held by: " + g.nodes[a["body"]]["label"])
    if a.get("place_label"):
        lines.append("Place: " + a["place_label"])
    if a.get("state") and a["state"] in g and a["kind"] != "state":
        lines.append("State: " + g.nodes[a["state"]]["label"])
    if a.get("value") is not None and a["kind"] == "statistic":
        lines.append(f"Value: {a['value']} {a.get('indicator_label', '')}".rstrip())
    lines.extend(extra or [])
    if a.get("quote"):
        lines.append("“" + _short(a["quote"], QUOTE_LIMIT) + "”")
        source = a.get("doc_title") or a.get("doc", "")
        lines.append("— " + source + (f" ({a['doc_date']})" if a.get("doc_date") else ""))
    return "\n".join(lines)


def _finish(g: nx.Graph, sub: nx.Graph, extra: dict[str, list[str]] | None = None) -> nx.Graph:
    """Copy the attributes views need and write every tooltip."""
    for n in sub:
        lines = list((extra or {}).get(n, []))
        folded = sub.nodes[n].get("folded")
        if folded:
            lines.append("Not drawn: " + ", ".join(f"{c} {k}" for k, c in sorted(folded.items())))
        sub.nodes[n]["title"] = tooltip(g, n, lines) if n in g else sub.nodes[n].get("title", "")
    return sub


def cap(view: nx.Graph, max_nodes: int, notices: list[str], keep: set[str] = frozenset()) -> nx.Graph:
    """At most ``max_nodes`` nodes: fold leaf kinds into counts, then keep the best connected.

    Every reduction is reported in ``notices`` (the page and stderr show them).
    """
    total = view.number_of_nodes()
    if total <= max_nodes:
        return view
    h = view.copy()
    folded: Counter[str] = Counter()
    for kind in FOLDABLE:
        if h.number_of_nodes() <= max_nodes:
            break
        leaves = [n for n, k in h.nodes(data="kind") if k == kind and n not in keep]
        for n in leaves:
            for m in h[n]:
                if h.nodes[m]["kind"] == "meeting":
                    h.nodes[m].setdefault("folded", Counter())[PLURALS[kind]] += 1
        h.remove_nodes_from(leaves)
        if leaves:
            folded[PLURALS[kind]] += len(leaves)
    if folded:
        what = ", ".join(f"{c} {k}" for k, c in folded.items())
        notices.append(f"{total} nodes exceed the cap of {max_nodes}: {what} are not drawn but "
                       f"counted in their meetings' tooltips.")
    if h.number_of_nodes() > max_nodes:
        before = h.number_of_nodes()
        ranked = sorted(h, key=lambda n: (n not in keep, -h.degree(n), h.nodes[n]["label"], n))
        h = h.subgraph(ranked[:max_nodes]).copy()
        notices.append(f"Showing the {max_nodes} best connected of {before} nodes "
                       f"(narrow the view with --from/--to/--body/--topic).")
    return h


def network(g: nx.Graph, max_nodes: int = DEFAULT_MAX_NODES) -> View:
    """Meetings with their bodies, states, agencies, persons and decisions."""
    sub = nx.Graph(g.subgraph(n for n, k in g.nodes(data="kind") if k in NETWORK_KINDS))
    for n, attrs in g.nodes(data=True):
        # persons and agencies hang on their state when both are drawn
        if attrs["kind"] in ("person", "agency") and attrs.get("state") in sub and n in sub:
            sub.add_edge(n, attrs["state"], rel="ofState")
    notices = [] if any(k == "meeting" for _, k in g.nodes(data="kind")) else [NO_MEETING]
    sub = cap(sub, max_nodes, notices)
    meetings = sum(1 for _, k in sub.nodes(data="kind") if k == "meeting")
    return View("network", f"Network of {meetings} meetings", _finish(g, sub), notices)


def co_participation(g: nx.Graph, max_nodes: int = DEFAULT_MAX_NODES) -> View:
    """States linked by the meetings they attended together, sized by centrality."""
    p = analytics.co_participation(g)
    cent = analytics.centrality(p)
    top = max((c["betweenness"] for c in cent.values()), default=0.0) or 1.0
    extra = {}
    for s in p:
        c = cent[s]
        p.nodes[s].update(g.nodes[s])
        p.nodes[s]["size"] = 12 + 18 * c["degree_centrality"] + 30 * c["betweenness"] / top
        extra[s] = [f"Meetings: {p.nodes[s]['meetings']}", f"Partners: {c['degree']}",
                    f"Degree centrality: {c['degree_centrality']:.3f}",
                    f"Betweenness centrality: {c['betweenness']:.3f}"]
    for x, y, d in p.edges(data=True):
        d["title"] = f"{g.nodes[x]['label']} – {g.nodes[y]['label']}: {d['weight']} meeting(s) together"
        d["width"] = 1 + min(d["weight"], 12)
    notices = [] if any(k == "meeting" for _, k in g.nodes(data="kind")) else [NO_MEETING]
    p = cap(p, max_nodes, notices)
    heading = f"Co-participation of {p.number_of_nodes()} states in {len(analytics.participations(g))} meetings"
    caption = ("An edge joins two states that took part in the same meeting; its width grows with the number of "
               "such meetings. Node size: degree and betweenness centrality.")
    return View("co-participation", heading, _finish(g, p, extra), notices, caption=caption)


def meeting(g: nx.Graph, iri: str, max_nodes: int = DEFAULT_MAX_NODES) -> View:
    """One meeting with everything linked to it (``g`` loaded with ``Selection(meeting=iri)``)."""
    if iri not in g or g.nodes[iri]["kind"] != "meeting":
        raise SelectionError(f"no meeting {iri} in the graph")
    keep = {iri, *g[iri]}
    for n in g[iri]:
        if g.nodes[n]["kind"] == "delegation":
            keep.update(g[n])  # the delegation's state and head
    sub = nx.Graph(g.subgraph(keep))
    notices: list[str] = []
    sub = cap(sub, max_nodes, notices, keep={iri})
    label = g.nodes[iri]["label"]
    return View("meeting", f"Meeting: {label}", _finish(g, sub), notices, focus=iri)


def state(g: nx.Graph, iri: str, max_nodes: int = DEFAULT_MAX_NODES) -> View:
    """One state's meetings, partner states, people and decisions (``Selection(state=iri)``)."""
    if iri not in g:
        raise SelectionError(f"no meeting with state {iri.rsplit('/', 1)[-1]} in the selection")
    sub = nx.Graph()
    meetings = [m for m, states in analytics.participations(g).items() if iri in states]
    sub.add_node(iri, **g.nodes[iri])
    for m in meetings:
        sub.add_node(m, **g.nodes[m])
        sub.add_edge(iri, m, rel="participantState")
        for n in g[m]:
            a = g.nodes[n]
            if a["kind"] in ("body", "state", "decision") or (a["kind"] == "person" and a.get("state") == iri):
                sub.add_node(n, **a)
                sub.add_edge(m, n, rel=g.edges[m, n]["rel"])
            elif a["kind"] == "delegation" and a.get("state") == iri:
                for head in g[n]:
                    if g.nodes[head]["kind"] == "person":
                        sub.add_node(head, **g.nodes[head])
                        sub.add_edge(m, head, rel="delegation")
    notices: list[str] = []
    sub = cap(sub, max_nodes, notices, keep={iri})
    return View("state", f"{g.nodes[iri]['label']}: {len(meetings)} meetings", _finish(g, sub), notices,
                focus=iri)


def summary(view: View) -> dict[str, Any]:
    """Counts for messages and tests."""
    return {"nodes": view.graph.number_of_nodes(), "edges": view.graph.number_of_edges(),
            "kinds": dict(Counter(k for _, k in view.graph.nodes(data="kind")))}
