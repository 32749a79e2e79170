"""Cut each view out of the loaded graph: which nodes, which edges, what each tooltip says.

A view is plain data (a networkx graph whose nodes carry ``kind``, ``label``, ``title`` and
``size``), so the counts the browser draws can be checked against it. Tooltip titles are plain
text: the page hands them to vis-network as strings, which it shows with ``innerText``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import networkx as nx
import yaml

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
    # groups the page opens folded (vis-network clusters, expanded on click): key, label, kind, size
    clusters: list[dict[str, Any]] = field(default_factory=list)


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
    elif a.get("first_reported"):
        lines.append(f"Date: not known (first reported {a['first_reported']})")
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
        # the whole sentence reads better than the matched words alone; the span is kept when shorter
        sentence = a.get("sentence") or ""
        shown = sentence if a["quote"] in sentence else a["quote"]
        if shown.strip() != a["label"].strip():  # a decision's label is often its sentence already
            lines.append("“" + _short(shown, QUOTE_LIMIT) + "”")
        if sentence and a["quote"] != sentence and a["quote"] in sentence:
            lines.append("Matched: " + _short(a["quote"], 120))
        source = a.get("doc_title") or a.get("doc_file") or a.get("doc", "")
        lines.append("— " + source + (f" ({a['doc_date']})" if a.get("doc_date") else ""))
        where = [x for x in (a.get("doc_file"), a.get("doc_url")) if x and x != source]
        if where:
            lines.append("   " + " · ".join(where))
    return "\n".join(lines)


@cache
def relations() -> dict[str, dict[str, str]]:
    """How each edge reads in words (``relations.yaml``), so no tooltip shows a property name."""
    return yaml.safe_load(Path(__file__).with_name("relations.yaml").read_text(encoding="utf-8"))


def edge_words(sub: nx.Graph, x: str, y: str, rel: str) -> str:
    """"Kazakhstan took part in CIS Council of Interior Ministers, 2017-06-28": an edge in words."""
    rule = relations().get(rel)
    label = {n: sub.nodes[n].get("label", n) for n in (x, y)}
    if rule is None:
        return f"{label[x]} – {label[y]}"
    first = rule["first"]
    if first == "other":  # the end that is not the meeting / the state
        x, y = (y, x) if sub.nodes[x].get("kind") in ("meeting", "state") else (x, y)
    elif sub.nodes[y].get("kind") == first and sub.nodes[x].get("kind") != first:
        x, y = y, x
    return f"{label[x]} {rule['words']} {label[y]}"


def _finish(g: nx.Graph, sub: nx.Graph, extra: dict[str, list[str]] | None = None) -> nx.Graph:
    """Copy the attributes views need, write every tooltip and put every edge in words."""
    for x, y, d in sub.edges(data=True):
        if "title" not in d and d.get("rel"):
            d["title"] = edge_words(sub, x, y, d["rel"])
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


CLUSTER_MODES = ("body", "year", "none")
KINDS_ORDER = ("meeting", "body", "state", "person", "agency", "organization", "decision", "proposal", "statistic",
               "delegation")
CLUSTER_FROM = 60  # a network of more nodes than this opens clustered unless told otherwise


def _year(a: dict[str, Any]) -> str:
    when = a.get("start") or a.get("first_reported")
    return when[:4] if when else "undated"


def cluster(sub: nx.Graph, mode: str) -> list[dict[str, Any]]:
    """Fold the network into groups an analyst can read at a glance: each meeting with its body
    (``body``) or its year (``year``); decisions go with their meeting, persons and agencies with
    their state (by body) or the year they first appear (by year). Sets each member's ``cluster``
    and returns the groups of two or more members, largest first; states (and, by year, bodies)
    stay outside as the hubs the groups hang on."""
    if mode == "none":
        return []
    key: dict[str, str] = {}
    meetings = sorted((n for n, k in sub.nodes(data="kind") if k == "meeting"),
                      key=lambda n: (sub.nodes[n].get("start") or sub.nodes[n].get("first_reported") or "", n))
    for m in meetings:
        a = sub.nodes[m]
        key[m] = (a.get("body") if a.get("body") in sub else "none") if mode == "body" else _year(a)
        if mode == "body" and a.get("body") in sub:
            key.setdefault(a["body"], key[m])
    for m in meetings:
        for n in sub[m]:
            kind = sub.nodes[n]["kind"]
            if kind in ("decision", "proposal", "statistic"):
                key.setdefault(n, key[m])
            elif kind in ("person", "agency", "organization"):
                state = sub.nodes[n].get("state")
                key.setdefault(n, state if mode == "body" and state in sub else key[m])
    if mode == "body":
        for k in list(key.values()):
            if k in sub and sub.nodes[k]["kind"] == "state":
                key.setdefault(k, k)  # a state heads the group of its people and agencies
    members = Counter(key.values())
    groups = []
    for k, count in members.most_common():
        if count < 2:
            continue
        kinds = Counter(sub.nodes[n]["kind"] for n, v in key.items() if v == k)
        if k in sub:
            head, kind = sub.nodes[k]["label"], sub.nodes[k]["kind"]
        else:
            head, kind = ("No known body" if k == "none" else f"Meetings of {k}"), "meeting"
        parts = [f"{c} {KIND_NAMES[x].lower() if c == 1 else PLURALS.get(x, KIND_NAMES[x].lower() + 's')}"
                 for x, c in sorted(kinds.items(), key=lambda kc: KINDS_ORDER.index(kc[0]))
                 if x not in ("body", "state")]
        short = head if len(head) <= 32 else head[:31].rstrip() + "…"
        groups.append({"key": k, "label": f"{short}\n{parts[0] if parts else ''}".strip(), "kind": kind,
                       "count": count,
                       "title": f"{head}\n{', '.join(parts)}\nClick to expand."})
    for n, k in key.items():
        if members[k] >= 2:
            sub.nodes[n]["cluster"] = k
    return groups


def network(g: nx.Graph, max_nodes: int = DEFAULT_MAX_NODES, clustering: str | None = None) -> View:
    """Meetings with their bodies, states, agencies, persons and decisions; past CLUSTER_FROM
    nodes it opens as an overview of groups (by body unless ``clustering`` says otherwise)."""
    sub = nx.Graph(g.subgraph(n for n, k in g.nodes(data="kind") if k in NETWORK_KINDS))
    for n, attrs in g.nodes(data=True):
        # persons and agencies hang on their state when both are drawn
        if attrs["kind"] in ("person", "agency") and attrs.get("state") in sub and n in sub:
            sub.add_edge(n, attrs["state"], rel="ofState")
    notices = [] if any(k == "meeting" for _, k in g.nodes(data="kind")) else [NO_MEETING]
    sub = cap(sub, max_nodes, notices)
    meetings = sum(1 for _, k in sub.nodes(data="kind") if k == "meeting")
    sub = _finish(g, sub)
    mode = clustering or ("body" if sub.number_of_nodes() > CLUSTER_FROM else "none")
    groups = cluster(sub, mode)
    caption = (f"Opened as an overview: grouped by {mode}; click a group to expand it, or “Expand all”."
               if groups else "")
    return View("network", f"Network of {meetings} meetings", sub, notices, caption=caption, clusters=groups)


SHARED_LISTED = 40  # meetings an edge's details list by name; the rest are counted


def co_participation(g: nx.Graph, max_nodes: int = DEFAULT_MAX_NODES, normalise: bool = False) -> View:
    """States linked by the meetings they attended together, sized by centrality.

    ``normalise``: an edge's width follows the share of the two states' meetings they attended
    together (Jaccard: shared / (a + b − shared)) rather than the raw count, so that two states
    that meet rarely but always together are not drowned by the states present everywhere.
    Each edge's details list the shared meetings, by date.
    """
    p = analytics.co_participation(g)
    cent = analytics.centrality(p)
    top = max((c["betweenness"] for c in cent.values()), default=0.0) or 1.0
    shared: dict[frozenset[str], list[str]] = {}
    for m, states in analytics.participations(g).items():
        for x in states:
            for y in states:
                if x < y:
                    shared.setdefault(frozenset((x, y)), []).append(m)
    extra = {}
    for s in p:
        c = cent[s]
        p.nodes[s].update(g.nodes[s])
        p.nodes[s]["size"] = 12 + 18 * c["degree_centrality"] + 30 * c["betweenness"] / top
        extra[s] = [f"Meetings: {p.nodes[s]['meetings']}", f"Partners: {c['degree']}",
                    f"Degree centrality: {c['degree_centrality']:.3f}",
                    f"Betweenness centrality: {c['betweenness']:.3f}"]
    for x, y, d in p.edges(data=True):
        a, b, w = p.nodes[x]["meetings"], p.nodes[y]["meetings"], d["weight"]
        d["share"] = w / (a + b - w) if a + b - w else 0.0
        lines = [f"{g.nodes[x]['label']} and {g.nodes[y]['label']} took part in {w} meeting(s) together"
                 f" ({d['share']:.0%} of the meetings either attended)"]
        meetings = sorted(shared.get(frozenset((x, y)), []),
                          key=lambda m: (g.nodes[m].get("start") or g.nodes[m].get("first_reported") or "", m))
        lines += [f"• {g.nodes[m]['label']}" for m in meetings[:SHARED_LISTED]]
        if len(meetings) > SHARED_LISTED:
            lines.append(f"… and {len(meetings) - SHARED_LISTED} more")
        d["title"] = "\n".join(lines)
        d["width"] = 1 + 11 * d["share"] if normalise else 1 + min(w, 12)
    notices = [] if any(k == "meeting" for _, k in g.nodes(data="kind")) else [NO_MEETING]
    p = cap(p, max_nodes, notices)
    heading = f"Co-participation of {p.number_of_nodes()} states in {len(analytics.participations(g))} meetings"
    width = ("the share of the two states' meetings they attended together (normalised by attendance)"
             if normalise else "the number of such meetings")
    caption = (f"An edge joins two states that took part in the same meeting; its width grows with {width}. "
               "Click an edge for the shared meetings. Node size: degree and betweenness centrality.")
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


def undated_notice(view: View) -> str | None:
    """What a date filter did with meetings of no known date (kept, placed at their first report)."""
    undated = sorted(a["first_reported"] for _, a in view.graph.nodes(data=True)
                     if a.get("kind") == "meeting" and a.get("first_reported"))
    if not undated:
        return None
    return (f"{len(undated)} meeting(s) without a known date are kept: each is placed, and filtered, by the "
            f"date of its first report ({', '.join(undated)}), the latest it can have been held.")


def summary(view: View) -> dict[str, Any]:
    """Counts for messages and tests."""
    return {"nodes": view.graph.number_of_nodes(), "edges": view.graph.number_of_edges(),
            "kinds": dict(Counter(k for _, k in view.graph.nodes(data="kind")))}
