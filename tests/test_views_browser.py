"""Each view opened in real headless Chromium with the network cut off.

The page's own script writes the counts vis-network drew into ``#kg-status`` once drawn; the
test reads them from ``--dump-dom`` and compares them with the graph the view was built from.
A screenshot of each view lands in the test's tmp folder. The views are of the graph that
``kgraph build`` makes of the project's ``seeds/``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kgraph import analytics
from kgraph.views import build as views
from kgraph.views import render
from kgraph.views.data import Selection, load_graph, open_store

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "data" / "views_fixture.trig"
OFFLINE = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--disable-quic", "--disable-extensions",
           "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>", "--host-resolver-rules=MAP * ~NOTFOUND",
           "--virtual-time-budget=20000", "--window-size=1400,900"]

if CHROMIUM is None:
    pytest.skip("chromium is not installed (Debian package 'chromium'; .ci/run installs it)",
                allow_module_level=True)


def chromium(page: Path, tmp: Path, screenshot: Path | None = None) -> str:
    """The DOM of ``page`` after Chromium ran its scripts (and a screenshot if asked)."""
    profile = tmp / f"profile-{page.stem}"
    args = [CHROMIUM, *OFFLINE, f"--user-data-dir={profile}", "--dump-dom"]
    if screenshot is not None:
        args.append(f"--screenshot={screenshot}")
    done = subprocess.run([*args, page.resolve().as_uri()], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


class Dom(HTMLParser):
    """The few things the tests read off a dumped DOM."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.status: dict[str, str] = {}
        self.texts: dict[str, str] = {}
        self.tags: list[str] = []
        self.body_attrs: dict[str, str] = {}
        self.legend_shapes: list[str] = []
        self._in: str | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        a = dict(attrs)
        if tag == "li" and a.get("data-shape"):
            self.legend_shapes.append(a["data-shape"])
        if tag == "body":
            self.body_attrs = {k: v or "" for k, v in attrs}
        if a.get("id") == "kg-status":
            self.status = {k: v or "" for k, v in attrs}
        self._in = a.get("id") if a.get("id") in ("kg-heading", "kg-details") else (tag if tag == "title" else None)

    def handle_data(self, data):
        if self._in:
            self.texts[self._in] = self.texts.get(self._in, "") + data

    def handle_endtag(self, tag):
        self._in = None


def kgraph_build(inputs: Path, out: Path) -> Path:
    """Run the real ``kgraph build`` CLI; the test fails with its stderr if it does."""
    cli = [sys.executable, "-c", "from kgraph.cli import app; app()"]
    done = subprocess.run([*cli, "build", str(inputs), "-o", str(out)],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0 and out.exists(), done.stderr[-2000:]
    return out


@pytest.fixture(scope="module")
def seeds_graph(tmp_path_factory) -> Path:
    """The seeds built by the real pipeline."""
    return kgraph_build(ROOT / "seeds", tmp_path_factory.mktemp("seeds") / "seeds.trig")


def _views(source: Path):
    store = open_store(None, [source])
    g = load_graph(store)
    yield views.network(g)
    yield views.co_participation(g)
    busiest = max(analytics.participations(g).items(), key=lambda kv: (len(kv[1]), kv[0]))[0]
    yield views.meeting(load_graph(store, Selection(meeting=busiest)), busiest)
    central = max(views.co_participation(g).graph.nodes(data="size"), key=lambda ns: (ns[1], ns[0]))[0]
    yield views.state(load_graph(store, Selection(state=central)), central)


def test_each_view_draws_exactly_its_graph(seeds_graph, tmp_path):
    for view in _views(seeds_graph):
        assert view.graph.number_of_nodes() > 1, view.name
        page = render.write(view, tmp_path / f"{view.name}.html")
        shot = tmp_path / f"{view.name}.png"
        dom = Dom(chromium(page, tmp_path, screenshot=shot))
        assert dom.status.get("data-state") == "drawn", (view.name, dom.status)
        assert int(dom.status["data-nodes"]) == view.graph.number_of_nodes(), view.name
        assert int(dom.status["data-edges"]) == view.graph.number_of_edges(), view.name
        assert dom.status["data-physics"] == "off", view.name  # physics stopped after stabilising
        assert shot.stat().st_size > 10_000  # a real picture, not a blank page
        assert dom.texts["title"] == view.heading
        # groups folded as the page opens: what is visible is the overview, not every node
        assert int(dom.status.get("data-clusters", "0")) == len(view.clusters), view.name
        folded = sum(c["count"] for c in view.clusters) - len(view.clusters)
        assert int(dom.status["data-visible"]) == view.graph.number_of_nodes() - folded, view.name
        # the legend names each kind drawn, with the shape its nodes have
        shapes = {render.styles()[k]["shape"] for _, k in view.graph.nodes(data="kind")}
        assert set(dom.legend_shapes) == shapes and len(dom.legend_shapes) == len(
            {k for _, k in view.graph.nodes(data="kind")}), view.name


HOSTILE_TITLE = "<script>document.title='PWNED'</script><b>bold</b>"
HOSTILE_QUOTE = ("</script><script>document.body.setAttribute('data-pwned','1')</script>"
                 "<img src=x onerror=\"document.body.setAttribute('data-pwned','2')\"> "
                 "<a href='javascript:alert(1)'>x</a>")


def test_hostile_fields_stay_text(tmp_path):
    """Markup in every text field the views show (label, title, quote, name), hand-written."""
    def lit(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    trig = tmp_path / "hostile.trig"
    trig.write_text(FIXTURE.read_text(encoding="utf-8")
                    .replace('"CIS Council of Interior Ministers, Astana, 2024-10-04"@en', lit(HOSTILE_TITLE) + "@en")
                    .replace('"Interior ministers meet in Astana"', lit(HOSTILE_TITLE))
                    .replace('"The CIS Council of Interior Ministers met in Astana on 4 October."', lit(HOSTILE_QUOTE))
                    .replace('"Erzhan Sadenov"@en', lit(HOSTILE_QUOTE) + "@en"), encoding="utf-8")
    store = open_store(None, [trig])
    iri = "https://w3id.org/ckg/id/meeting/cis-council-of-interior-ministers/2024-10-04/astana"
    for view in (views.meeting(load_graph(store, Selection(meeting=iri)), iri), views.network(load_graph(store))):
        page = render.write(view, tmp_path / f"hostile-{view.name}.html")
        dom = Dom(chromium(page, tmp_path))
        assert dom.status.get("data-state") == "drawn"  # the page still works
        assert "data-pwned" not in dom.body_attrs  # no injected script or handler ran
        assert "img" not in dom.tags and "b" not in dom.tags and "a" not in dom.tags  # no markup parsed
        assert dom.texts["title"] == view.heading  # document.title untouched
        if view.name == "meeting":
            assert dom.texts["kg-heading"] == "Meeting: " + HOSTILE_TITLE  # shown as text
            assert HOSTILE_QUOTE in dom.texts["kg-details"] and HOSTILE_TITLE in dom.texts["kg-details"]


def test_hostile_document_built_by_kgraph_stays_text(tmp_path):
    """A real article with markup in its title and body, through kgraph build and kgraph viz."""
    seed = (ROOT / "seeds" / "011_en.txt").read_text(encoding="utf-8").split("\n")
    seed[0] = seed[0][:len("date 2023-09-09 ")] + HOSTILE_TITLE + " SCO council meets"
    seed = [line.replace("It also decided that", "It also decided that " + HOSTILE_QUOTE) for line in seed]
    doc = tmp_path / "hostile.txt"
    doc.write_text("\n".join(seed), encoding="utf-8")
    store = open_store(None, [kgraph_build(doc, tmp_path / "hostile.trig")])
    g = load_graph(store)
    (iri,) = [n for n, k in g.nodes(data="kind") if k == "meeting"]
    for view in (views.meeting(load_graph(store, Selection(meeting=iri)), iri), views.network(g)):
        page = render.write(view, tmp_path / f"built-{view.name}.html")
        dom = Dom(chromium(page, tmp_path))
        assert dom.status.get("data-state") == "drawn"
        assert "data-pwned" not in dom.body_attrs
        assert "img" not in dom.tags and "b" not in dom.tags and "a" not in dom.tags
        assert dom.texts["title"] == view.heading
        if view.name == "meeting":
            assert HOSTILE_TITLE in dom.texts["kg-details"]  # the source document's title, as text


# -- interactions, driven by Playwright on the same Debian chromium (no browser download) -----------
def _page(pw, url: str):
    browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    page.goto(url)
    page.wait_for_selector('#kg-status[data-physics="off"]', state="attached", timeout=30_000)
    return browser, page


def _status(page) -> dict[str, str]:
    return page.eval_on_selector("#kg-status", "e => ({...e.dataset})")


def _click_at(page, js_point: str) -> None:
    """Click the canvas where ``js_point`` (a vis-network canvas position) is drawn."""
    box = page.eval_on_selector("#mynetwork", "e => { const r = e.getBoundingClientRect(); return [r.x, r.y]; }")
    point = page.evaluate(f"() => {{ const p = {js_point}; return kgNetwork.canvasToDOM(p); }}")
    page.mouse.click(box[0] + point["x"], box[1] + point["y"])


# a point on the edge between two nodes where vis-network finds that edge and no node (another
# edge may cross it; the fractions along the edge are tried in turn)
EDGE_POINT = """([a, b]) => {
  const net = kgNetwork, p = net.getPositions([a, b]);
  const id = net.getConnectedEdges(a).filter(e => net.getConnectedEdges(b).includes(e))[0];
  for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.35, 0.65, 0.25, 0.75, 0.45, 0.55]) {
    const c = {x: p[a].x + t * (p[b].x - p[a].x), y: p[a].y + t * (p[b].y - p[a].y)};
    const d = net.canvasToDOM(c);
    if (net.getNodeAt(d) === undefined && net.getEdgeAt(d) === id) { return d; }
  }
  return null;
}"""


def _click_edge(page, a: str, b: str) -> None:
    box = page.eval_on_selector("#mynetwork", "e => { const r = e.getBoundingClientRect(); return [r.x, r.y]; }")
    point = page.evaluate(EDGE_POINT, [a, b])
    assert point is not None, "no clear point on the edge"
    page.mouse.click(box[0] + point["x"], box[1] + point["y"])


def test_network_opens_as_an_overview_that_expands_on_click(seeds_graph, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    view = views.network(load_graph(open_store(None, [seeds_graph])))
    assert view.clusters, "the seeds' network (over 60 nodes) opens grouped"
    page_file = render.write(view, tmp_path / "overview.html")
    with sync_api.sync_playwright() as pw:
        browser, page = _page(pw, page_file.as_uri())
        status = _status(page)
        total = view.graph.number_of_nodes()
        assert int(status["nodes"]) == total and int(status["clusters"]) == len(view.clusters)
        overview = int(status["visible"])
        assert overview == total - sum(c["count"] for c in view.clusters) + len(view.clusters)
        assert overview < total / 3  # readable: a few dozen shapes, not every node
        page.screenshot(path=str(tmp_path / "overview.png"))
        clear = set(page.evaluate("() => kgNetwork.body.nodeIndices.filter(id => "
                                  "kgNetwork.getNodeAt(kgNetwork.canvasToDOM(kgNetwork.getPositions([id])[id])) === id)"))
        biggest = max((c for c in view.clusters if f"cluster:{c['key']}" in clear), key=lambda c: (c["count"], c["key"]))
        _click_at(page, f"kgNetwork.getPositions(['cluster:' + {biggest['key']!r}])['cluster:' + {biggest['key']!r}]")
        page.wait_for_function("n => +document.getElementById('kg-status').dataset.clusters === n",
                               arg=len(view.clusters) - 1, timeout=5_000)
        assert int(_status(page)["visible"]) == overview + biggest["count"] - 1  # its members, drawn
        assert "Expanded." in page.inner_text("#kg-details")
        page.click("#kg-expand")
        page.wait_for_function("() => document.getElementById('kg-status').dataset.clusters === '0'", timeout=5_000)
        page.wait_for_function(f"() => document.getElementById('kg-status').dataset.visible === '{total}'",
                               timeout=5_000)
        page.screenshot(path=str(tmp_path / "expanded.png"))
        browser.close()


def test_legend_shapes_are_the_graphs_and_tooltips_wrap(seeds_graph, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    view = views.network(load_graph(open_store(None, [seeds_graph])), clustering="none")
    page_file = render.write(view, tmp_path / "legend.html")
    with sync_api.sync_playwright() as pw:
        browser, page = _page(pw, page_file.as_uri())
        drawn = page.evaluate("() => kgNetwork.body.data.nodes.get().map(n => [n.kind, n.shape])")
        legend = page.eval_on_selector_all(
            "ul.legend li", "items => items.map(li => [li.textContent.trim(), li.dataset.shape, "
                            "li.querySelector('svg').dataset.shape])")
        names = {s["legend"]: kind for kind, s in render.styles().items()}
        shapes_by_kind = {kind: shape for kind, shape in drawn}
        assert len(legend) == len(shapes_by_kind)  # one entry per kind drawn
        for text, shape, svg_shape in legend:
            kind = names[text.rsplit(" (", 1)[0]]
            assert shape == svg_shape == shapes_by_kind[kind], text  # the swatch is drawn in the node's shape
        # a tooltip with a long source quote wraps inside the window instead of running off it
        box = page.eval_on_selector("#mynetwork", "e => { const r = e.getBoundingClientRect(); return [r.x, r.y]; }")
        # the node with the longest tooltip that is not under another node where it is drawn
        clear = page.evaluate("() => kgNetwork.body.nodeIndices.filter(id => "
                              "kgNetwork.getNodeAt(kgNetwork.canvasToDOM(kgNetwork.getPositions([id])[id])) === id)")
        longest = max(clear, key=lambda n: (len(view.graph.nodes[n].get("title", "")), n))
        assert len(view.graph.nodes[longest]["title"]) > 200
        point = page.evaluate("id => kgNetwork.canvasToDOM(kgNetwork.getPositions([id])[id])", longest)
        page.mouse.move(box[0] + point["x"], box[1] + point["y"])
        tip = page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
        width = tip.evaluate("e => e.getBoundingClientRect().width")
        assert width <= 420 and tip.evaluate("e => getComputedStyle(e).whiteSpace") == "pre-wrap"
        assert tip.inner_text().startswith(view.graph.nodes[longest]["label"])
        page.screenshot(path=str(tmp_path / "tooltip.png"))
        browser.close()


def test_co_participation_edge_click_lists_the_shared_meetings(seeds_graph, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    g = load_graph(open_store(None, [seeds_graph]))
    view = views.co_participation(g, normalise=True)
    x, y, d = max(view.graph.edges(data=True), key=lambda e: (e[2]["weight"], e[0], e[1]))
    shared = [m for m, states in analytics.participations(g).items() if {x, y} <= states]
    assert len(shared) == d["weight"]
    page_file = render.write(view, tmp_path / "co.html")
    with sync_api.sync_playwright() as pw:
        browser, page = _page(pw, page_file.as_uri())
        _click_edge(page, x, y)
        details = page.inner_text("#kg-details")
        assert f"took part in {d['weight']} meeting(s) together" in details
        listed = [line for line in details.splitlines() if line.startswith("• ")]
        assert sorted(listed) == sorted(f"• {g.nodes[m]['label']}" for m in shared)
        page.screenshot(path=str(tmp_path / "co-edge.png"))
        browser.close()
