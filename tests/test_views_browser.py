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
        self._in: str | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        a = dict(attrs)
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
