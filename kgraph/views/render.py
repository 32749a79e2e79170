"""Turn a ``View`` into one self-contained, offline HTML page (pyvis data, kgraph's template).

pyvis builds the vis-network node and edge records; the page comes from ``templates/view.html``
rendered here with autoescaping, never from pyvis's own template, which loads Bootstrap from a
CDN and switches to ``innerHTML`` popups when a title contains "href". vis-network's script and
stylesheet are read from the pyvis package and inlined.
"""

from __future__ import annotations

import os
import secrets
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pyvis.network import Network

from kgraph.rdfio import atomic_writer
from kgraph.views.build import View

HERE = Path(__file__).parent
LABEL_LIMIT = 40
VIS_VERSION = "vis-9.1.2"


@cache
def styles() -> dict[str, dict[str, Any]]:
    """Shape, colour, size and legend name per node kind (``style.yaml``)."""
    return yaml.safe_load((HERE / "style.yaml").read_text(encoding="utf-8"))


@cache
def vis_assets() -> tuple[Markup, Markup]:
    """vis-network's JS and CSS from the pyvis package, checked safe to inline."""
    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / "lib" / VIS_VERSION
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    if "</script" in js.lower() or "</style" in css.lower():
        raise RuntimeError(f"{lib}: vis-network assets cannot be inlined safely")
    return Markup(js), Markup(css)  # package files, checked above


@cache
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(HERE / "templates"),
                       autoescape=select_autoescape(default=True, default_for_string=True))


def _options(n_nodes: int, visible: int | None = None) -> dict[str, Any]:
    """vis-network options: physics settles within a bounded number of iterations, then stops.
    ``visible``: the nodes drawn once groups are folded (the forces are tuned for those)."""
    improved = n_nodes <= 150  # vis-network's improved layout runs on every node, folded or not
    n_nodes = n_nodes if visible is None else visible
    big = n_nodes > 150
    return {
        "autoResize": True,
        "layout": {"improvedLayout": improved, "randomSeed": 7},
        "physics": {
            "enabled": n_nodes > 1,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -6000 if not big else -3000,
                          "springLength": 200 if n_nodes < 40 else 140, "avoidOverlap": 0.2},
            "stabilization": {"enabled": True, "iterations": 600 if n_nodes < 300 else 200,
                              "updateInterval": 50, "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big},
        "edges": {"smooth": False, "color": {"color": "#b8b8b8", "highlight": "#555555"}},
        "nodes": {"font": {"size": 13, "face": "system-ui, sans-serif"}, "borderWidth": 1},
    }


def network_data(view: View) -> Network:
    """The pyvis network of ``view`` (labels shortened, titles as plain text)."""
    # directed=True skips pyvis's quadratic duplicate-edge scan (networkx already has none);
    # the arrows it adds are removed below
    net = Network(directed=True, cdn_resources="in_line", notebook=False)
    style = styles()
    for n, a in view.graph.nodes(data=True):
        s = style.get(a["kind"], style["organization"])
        label = a["label"] if len(a["label"]) <= LABEL_LIMIT else a["label"][: LABEL_LIMIT - 1] + "…"
        extra = {"cluster": a["cluster"]} if a.get("cluster") else {}
        net.add_node(n, label=label, title=a.get("title", a["label"]), shape=s["shape"], color=s["color"],
                     size=round(a.get("size", s["size"]), 2), kind=a["kind"], **extra)
    for x, y, d in view.graph.edges(data=True):
        net.add_edge(x, y, title=d.get("title", ""), width=d.get("width", 1))
    for edge in net.edges:
        edge.pop("arrows", None)
    return net


def html(view: View, filters: str = "") -> str:
    """The page of ``view`` as a string."""
    net = network_data(view)
    js, css = vis_assets()
    style = styles()
    kinds = Counter(k for _, k in view.graph.nodes(data="kind"))
    legend = [{"name": s["legend"], "shape": s["shape"], "color": s["color"], "count": kinds[kind]}
              for kind, s in style.items() if kinds[kind]]
    clusters = [{"id": f"cluster:{c['key']}", "key": c["key"], "label": c["label"], "title": c["title"],
                 "shape": style.get(c["kind"], style["organization"])["shape"],
                 "color": style.get(c["kind"], style["organization"])["color"],
                 "size": round(14 + 4 * min(c["count"], 40) ** 0.5, 2)} for c in view.clusters]
    template = _environment().get_template("view.html")
    return template.render(
        heading=view.heading, caption=view.caption, view_name=view.name, notices=view.notices, filters=filters,
        node_count=len(net.nodes), edge_count=len(net.edges), legend=legend,
        nodes=net.nodes, edges=net.edges,
        options=_options(len(net.nodes), len(net.nodes) - sum(c["count"] for c in view.clusters) + len(view.clusters)),
        focus=view.focus if view.focus in view.graph else None, clusters=clusters,
        vis_js=js, vis_css=css, nonce=secrets.token_urlsafe(18))


def write(view: View, out: Path, filters: str = "") -> Path:
    """Write the page atomically (temp file, then rename)."""
    page = html(view, filters).encode("utf-8")
    with atomic_writer(Path(out)) as handle:
        handle.write(page)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(out, 0o666 & ~umask)  # the temp file was private; the page is meant to be shared
    return Path(out)


__all__ = ["html", "network_data", "styles", "vis_assets", "write"]
