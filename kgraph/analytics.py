"""Graph metrics of who meets whom (networkx), shared by ``kgraph stats`` and the views.

Metrics are computed on the *actor graph*: the projection of the tripartite state–meeting–body
graph onto states and bodies. Two states are linked when they took part in the same meeting; a
state and a body when the state took part in a meeting the body held; the edge weight is the
number of such meetings. Betweenness uses ``1 / weight`` as the length of an edge, so that actors
who meet often are close. The co-participation view uses the states-only projection.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import networkx as nx
from networkx.algorithms import bipartite
from networkx.algorithms.community import greedy_modularity_communities

ACTOR_GRAPH = ("projection of the state-meeting-body graph onto states and bodies; "
               "edge weight = meetings shared; betweenness with edge length 1/weight")


def participations(g: nx.Graph) -> dict[str, set[str]]:
    """Meeting → the states that took part in it (directly, or by a delegation of theirs)."""
    out: dict[str, set[str]] = {}
    for m, kind in g.nodes(data="kind"):
        if kind != "meeting":
            continue
        states = out.setdefault(m, set())
        for n in g[m]:
            k = g.nodes[n]["kind"]
            if k == "state":
                states.add(n)
            elif k == "delegation" and g.nodes[n].get("state"):
                states.add(g.nodes[n]["state"])
    return out


def state_meeting_graph(g: nx.Graph) -> nx.Graph:
    """The bipartite graph of meetings (``bipartite=0``) and the states at them (``bipartite=1``)."""
    b = nx.Graph()
    for m, states in participations(g).items():
        b.add_node(m, bipartite=0)
        for s in states:
            b.add_node(s, bipartite=1)
            b.add_edge(m, s)
    return b


def co_participation(g: nx.Graph) -> nx.Graph:
    """States linked by the number of meetings they attended together (``weight``).

    Node attribute ``meetings``: how many meetings the state took part in.
    """
    b = state_meeting_graph(g)
    states = [n for n, side in b.nodes(data="bipartite") if side == 1]
    p = bipartite.weighted_projected_graph(b, states)
    for s in p:
        p.nodes[s]["meetings"] = b.degree(s)
    return p


def actor_graph(g: nx.Graph) -> nx.Graph:
    """States and bodies linked by shared meetings (see the module docstring)."""
    a = nx.Graph()
    for m, states in participations(g).items():
        actors = set(states)
        body = g.nodes[m].get("body")
        if body:
            actors.add(body)
        for n in actors:
            a.add_node(n)
            a.nodes[n]["meetings"] = a.nodes[n].get("meetings", 0) + 1
        for x, y in combinations(sorted(actors), 2):
            w = a.get_edge_data(x, y, {"weight": 0})["weight"]
            a.add_edge(x, y, weight=w + 1)
    return a


def centrality(p: nx.Graph) -> dict[str, dict[str, float]]:
    """Degree, degree centrality and weighted betweenness of every node of ``p``."""
    for _, _, d in p.edges(data=True):
        d["length"] = 1.0 / d.get("weight", 1)
    degree_c = nx.degree_centrality(p) if len(p) > 1 else dict.fromkeys(p, 0.0)
    between = nx.betweenness_centrality(p, weight="length") if len(p) > 2 else dict.fromkeys(p, 0.0)
    return {n: {"degree": p.degree(n), "degree_centrality": degree_c[n], "betweenness": between[n]}
            for n in p}


def communities(p: nx.Graph) -> list[list[str]]:
    """Groups of actors that meet among themselves more than with others (greedy modularity)."""
    if p.number_of_edges() == 0:
        return [[n] for n in sorted(p)]
    found = greedy_modularity_communities(p, weight="weight")
    return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c))


def meetings_per_year(g: nx.Graph) -> Counter[tuple[str, str]]:
    """(state or body IRI, year) → meetings; undated meetings count under year ``"undated"``."""
    counts: Counter[tuple[str, str]] = Counter()
    for m, states in participations(g).items():
        start = g.nodes[m].get("start")
        year = start[:4] if start else "undated"
        body = g.nodes[m].get("body")
        for actor in states | ({body} if body else set()):
            counts[(actor, year)] += 1
    return counts


@dataclass
class Stats:
    """Everything ``kgraph stats`` reports, with labels and kinds for display."""

    graph: str = ACTOR_GRAPH
    nodes: int = 0
    edges: int = 0
    actors: list[dict[str, Any]] = field(default_factory=list)
    communities: list[list[str]] = field(default_factory=list)
    per_year: list[dict[str, Any]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"graph": {"description": self.graph, "nodes": self.nodes, "edges": self.edges},
                "centrality": self.actors, "communities": self.communities,
                "meetings_per_year": self.per_year}

    def rows(self) -> list[dict[str, Any]]:
        """One long table (metric, kind, node, label, year, value) for CSV."""
        out = []
        for a in self.actors:
            for metric in ("meetings", "degree", "degree_centrality", "betweenness", "community"):
                out.append({"metric": metric, "kind": a["kind"], "node": a["node"], "label": a["label"],
                            "year": "", "value": a[metric]})
        for r in self.per_year:
            out.append({"metric": "meetings_per_year", "kind": r["kind"], "node": r["node"],
                        "label": r["label"], "year": r["year"], "value": r["meetings"]})
        return out


def compute(g: nx.Graph) -> Stats:
    """All metrics of the meetings in ``g`` (as loaded by ``kgraph.views.data.load_graph``)."""
    a = actor_graph(g)
    cent = centrality(a)
    groups = communities(a)
    community_of = {n: i for i, c in enumerate(groups) for n in c}

    def info(n: str) -> tuple[str, str]:
        attrs = g.nodes[n] if n in g else {}
        return attrs.get("kind", "body"), attrs.get("label", n)

    actors = []
    for n in sorted(a, key=lambda n: (-cent[n]["betweenness"], -cent[n]["degree"], n)):
        kind, label = info(n)
        actors.append({"node": n, "kind": kind, "label": label, "meetings": a.nodes[n]["meetings"],
                       "degree": cent[n]["degree"],
                       "degree_centrality": round(cent[n]["degree_centrality"], 6),
                       "betweenness": round(cent[n]["betweenness"], 6), "community": community_of[n]})
    per_year = []
    for (n, year), count in sorted(meetings_per_year(g).items(), key=lambda kv: (info(kv[0][0]), kv[0][1])):
        kind, label = info(n)
        per_year.append({"node": n, "kind": kind, "label": label, "year": year, "meetings": count})
    return Stats(nodes=a.number_of_nodes(), edges=a.number_of_edges(), actors=actors,
                 communities=[[info(n)[1] for n in c] for c in groups], per_year=per_year)


__all__ = ["ACTOR_GRAPH", "Stats", "actor_graph", "centrality", "co_participation", "communities",
           "compute", "meetings_per_year", "participations", "state_meeting_graph"]
