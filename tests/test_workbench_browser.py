"""The workbench (``kgraph serve``'s pages) driven in real headless Chromium with the network cut off.

``kgraph serve`` runs as a real subprocess over a store that ``kgraph build`` made of the
project's ``seeds/`` plus one hand-written document whose title carries markup (``<script>``,
``<img onerror>``). Playwright drives Debian's ``chromium`` (no browser download); every request
not to 127.0.0.1 is aborted and counted, and each test ends by asserting that count is 0.
What the pages show is compared with what the store answers to queries written here, not with
the workbench's own queries. A screenshot of each page lands in the test's tmp folder (its path
is printed; ``-s`` shows it). ``KGRAPH_WORKBENCH_SHOTS=DIR`` copies them to DIR and builds the
store of the seeds alone (the markup test then skips): how docs/img/workbench-*.png are made.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
if CHROMIUM is None:
    pytest.skip("chromium is not installed (Debian package 'chromium'; scripts/test.sh installs it)",
                allow_module_level=True)
playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install '.[test]')")

expect = playwright_api.expect  # waits without evaluating strings (the page's CSP forbids eval)
ROOT = Path(__file__).resolve().parent.parent
ID = "https://w3id.org/ckg/id/"
HOSTILE_TITLE = "<script>window.__xss = 1</script> CIS interior ministers met in Bishkek"
HOSTILE_DOC = f"""date 2025-03-14 {HOSTILE_TITLE}
The Council of Interior Ministers of the CIS held its meeting in Bishkek on 14 March 2025 <img src=x onerror="window.__xss = 2">.
The ministers of Kazakhstan, Kyrgyzstan and Russia discussed the fight against drug trafficking <b>and</b> illegal migration.
"""
HOSTILE_MEETING = ID + "meeting/cis-council-of-interior-ministers/2025-03-14/bishkek"
SHOTS = os.environ.get("KGRAPH_WORKBENCH_SHOTS")
PREFIXES = """PREFIX ckg: <https://w3id.org/ckg/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX oa: <http://www.w3.org/ns/oa#>
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds and the hostile document, built into a store by the real CLI."""
    folder = tmp_path_factory.mktemp("workbench")
    inputs = folder / "inputs"
    shutil.copytree(ROOT / "seeds", inputs)
    if not SHOTS:
        (inputs / "900_en.txt").write_text(HOSTILE_DOC, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "kgraph", "build", str(inputs), "--store", str(folder / "store"),
                           "-o", str(folder / "all.trig")], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return folder / "store"


@pytest.fixture(scope="module")
def server(store: Path) -> Iterator[str]:
    """``kgraph serve`` on a free loopback port (its real CLI, sandboxed workers)."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "kgraph", "serve", "--store", str(store), "--port", str(port),
                                "--workers", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"kgraph serve exited: {process.stderr.read() if process.stderr else ''}")
        try:
            urllib.request.urlopen(base + "/about", timeout=2).read()
            break
        except OSError:
            if time.monotonic() > deadline:
                process.kill()
                raise
            time.sleep(0.2)
    yield base
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def select(store: Path, query: str) -> list[dict[str, str]]:
    """The store's own answer (pyoxigraph, read-only, union of graphs), as plain strings."""
    import pyoxigraph as ox

    db = ox.Store.read_only(str(store))
    result = db.query(PREFIXES + query, use_default_graph_as_union=True)
    names = [v.value for v in result.variables]
    return [{n: row[n].value for n in names if row[n] is not None} for row in result]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server: str, tmp_path: Path) -> Iterator[object]:
    """A fresh page; every request leaving 127.0.0.1 is aborted and counted (asserted 0 at the end),
    as is every script error."""
    context = browser.new_context(viewport={"width": 1300, "height": 900}, accept_downloads=True,
                                  service_workers="block")
    outside: list[str] = []
    errors: list[str] = []

    def gate(route) -> None:
        url = route.request.url
        if url.startswith(("http://127.0.0.1:", "blob:", "data:")):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", gate)
    tab = context.new_page()
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.on("console", lambda msg: errors.append(msg.text) if "Content Security Policy" in msg.text else None)
    tab.base = server
    yield tab
    context.close()
    assert outside == [], f"requests left 127.0.0.1: {outside}"
    assert errors == [], f"script errors: {errors}"


def open_page(tab, fragment: str) -> None:
    tab.goto(f"{tab.base}/{fragment}")
    wait_ready(tab)


def wait_ready(tab) -> None:
    tab.wait_for_selector("main[data-state=ready], main[data-state=error]", timeout=30_000)
    state = tab.get_attribute("main", "data-state")
    assert state == "ready", tab.inner_text("main")[:500]


def shot(tab, tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"workbench-{name}.png"
    tab.screenshot(path=str(path), full_page=False)
    assert path.stat().st_size > 10_000  # a real picture, not a blank page
    print(f"screenshot: {path}")
    if SHOTS:
        shutil.copy(path, Path(SHOTS) / path.name)
    return path


def table(tab, selector: str = "table.results", shown: bool = False) -> tuple[list[str], list[list[str]]]:
    """The headings and cell values of the results table on the page (the texts shown, if asked)."""
    heads = tab.eval_on_selector_all(f"{selector} thead th", "ths => ths.map(t => t.dataset.var)")
    read = "td.innerText.trim()" if shown else "td.dataset.value"
    cells = tab.eval_on_selector_all(f"{selector} tbody tr", f"trs => trs.map(tr => [...tr.cells].map(td => {read}))")
    return heads, cells


def test_ad_hoc_query_gives_a_sortable_table_and_csv(page, store, tmp_path):
    open_page(page, "")
    assert page.locator(".CodeMirror .cm-keyword").count() > 0  # Yasqe loaded and highlights SPARQL
    query = ('SELECT ?state ?name WHERE {\n  ?state a ckg:State ;\n         rdfs:label ?name .\n'
             '  FILTER(LANG(?name) = "en")\n}\nORDER BY ?name')
    page.evaluate("text => editor.setValue(text)", query)
    page.wait_for_selector(".CodeMirror .parseErrorIcon", timeout=10_000)  # the editor checks: ckg: undeclared
    page.click("#add-prefixes")  # the prefixes the query uses, written out by the editor
    text = page.evaluate("editor.getValue()")
    assert "PREFIX ckg: <https://w3id.org/ckg/ontology#>" in text and "PREFIX rdfs:" in text and "PREFIX oa:" not in text
    page.wait_for_selector(".CodeMirror .parseErrorIcon", state="detached", timeout=10_000)
    page.click("#run-query")
    wait_ready(page)
    expected = select(store, query)
    heads, rows = table(page)
    assert heads == ["state", "name"]
    assert [r[1] for r in rows] == [e["name"] for e in expected]
    assert rows[0][0] == expected[0]["state"]
    assert table(page, shown=True)[1][0][0] == "id:" + expected[0]["state"][len(ID):]  # an IRI of ours, prefixed
    href = page.get_attribute("table.results tbody tr:first-child td:first-child a", "href")
    assert href == "#/entity?iri=" + quote(expected[0]["state"], safe="")
    page.click("table.results th[data-var=name]")
    page.click("table.results th[data-var=name]")  # second click: descending
    assert [r[1] for r in table(page)[1]] == sorted((e["name"] for e in expected), key=str.lower, reverse=True)
    with page.expect_download() as info:
        page.click("button[data-download=CSV]")
    rows_csv = list(csv.reader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8"))))
    assert rows_csv[0] == ["state", "name"] and len(rows_csv) == len(expected) + 1
    shot(page, tmp_path, "query")


def test_library_question_from_its_form(page, store, tmp_path):
    open_page(page, "#/library")
    page.click("a[data-query=meetings_of_state]")
    wait_ready(page)
    options = page.eval_on_selector_all("#param-state option", "os => os.map(o => o.value)")
    assert "KZ" in options and "RU" in options  # the choices come from the store's states
    page.select_option("#param-state", "KZ")
    page.click("#library-form button[type=submit]")
    page.wait_for_selector("#library-results table.results", timeout=30_000)
    wait_ready(page)
    heads, rows = table(page, "#library-results table.results")
    expected = {r["m"] for r in select(store, "SELECT DISTINCT ?m WHERE { ?m a ckg:Meeting ; "
                                              "ckg:participantState <https://w3id.org/ckg/id/state/KZ> }")}
    assert "meeting" in heads
    column = heads.index("meeting")
    assert {cell[column] for cell in rows} == expected and expected
    shot(page, tmp_path, "library")


def test_search_tokayev_reaches_the_persons_page(page, store, tmp_path):
    open_page(page, "")
    page.fill("#search-input", "Tokayev")
    page.press("#search-input", "Enter")
    page.wait_for_selector("main[data-page=search][data-state=ready]", timeout=30_000)
    names = select(store, "SELECT ?p ?n WHERE { ?p a ckg:Person ; schema:name ?n }")
    person = next(r["p"] for r in names if "Тоқаев" in r["n"] or "Токаев" in r["n"])
    link = page.locator(f"#search-results a[href='#/entity?iri={quote(person, safe='')}']")
    assert link.count() == 1
    shot(page, tmp_path, "search")
    link.click()
    page.wait_for_selector("main[data-page=entity][data-state=ready]", timeout=30_000)
    title = page.inner_text("#entity-title")
    assert title in {r["n"] for r in names if r["p"] == person}
    meetings = {r["m"] for r in select(store, f"SELECT ?m WHERE {{ ?m ckg:participantPerson <{person}> }}")}
    linked = set(page.eval_on_selector_all("main details a[href^='#/entity']", "as => as.map(a => a.title)"))
    assert meetings and meetings <= linked  # the meetings the person took part in are linked from the page
    for script in ("Токаев", "Тоқаев"):  # the same person from the other scripts
        page.goto(f"{page.base}/#/search?q={quote(script)}")
        expect(page.locator("main[data-page=search][data-state=ready] h1")).to_contain_text(script, timeout=30_000)
        assert page.locator(f"#search-results a[href='#/entity?iri={quote(person, safe='')}']").count() == 1


def test_meeting_page_shows_evidence_with_its_document(page, store, tmp_path):
    meeting = ID + "meeting/cis-council-of-security-agency-heads/2024-10-04/astana"
    open_page(page, f"#/entity?iri={quote(meeting, safe='')}")
    quotes = select(store, f"""SELECT ?quote ?title WHERE {{
        {{ <{meeting}> ckg:evidence ?ev }} UNION {{ <{meeting}> ckg:adopted ?d . ?d ckg:evidence ?ev }}
        ?ev oa:hasSelector/oa:exact ?quote ; oa:hasSource ?doc . ?doc schema:name ?title }}""")
    shown = page.inner_text("main")
    assert quotes and all(q["quote"] in shown for q in quotes)
    assert any(q["title"] in shown for q in quotes)  # the document named by its title
    assert page.locator(".evidence .sentence").count() >= len({q["quote"] for q in quotes})
    states = {r["s"] for r in select(store, f"SELECT ?s WHERE {{ <{meeting}> ckg:participantState ?s }}")}
    hrefs = set(page.eval_on_selector_all("#entity-facts a", "as => as.map(a => a.title)"))
    assert states <= hrefs  # every participating state is linked
    assert page.locator("[data-kind=decision]").count() == len(
        select(store, f"SELECT DISTINCT ?d WHERE {{ <{meeting}> ckg:adopted ?d }}"))
    assert "kgraph viz meeting" in page.inner_text("code.command")
    page.locator("h2", has_text="Delegations").scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -380)")  # the facts' end, the delegations and the first evidence
    shot(page, tmp_path, "meeting")


def test_timeline_and_map_draw_every_meeting_and_place(page, store, tmp_path):
    open_page(page, "#/timeline")
    meetings = select(store, """SELECT DISTINCT ?m WHERE { ?m a ckg:Meeting .
        { ?m schema:startDate ?d } UNION { GRAPH <https://w3id.org/ckg/id/graph/summary> { ?m ckg:firstReported ?d } } }""")
    assert page.locator("#timeline-chart circle").count() == len(meetings) > 0
    shot(page, tmp_path, "timeline")
    kz = {r["m"] for r in select(store, "SELECT DISTINCT ?m WHERE { ?m a ckg:Meeting ; "
                                        "ckg:participantState <https://w3id.org/ckg/id/state/KZ> }")}
    page.select_option("#filter-state", ID + "state/KZ")
    expect(page.locator("#timeline-chart circle")).to_have_count(len(kz), timeout=30_000)
    wait_ready(page)
    open_page(page, "#/map")
    places = {r["p"] for r in select(store, "SELECT DISTINCT ?p WHERE { ?m a ckg:Meeting ; schema:location ?p }")}
    assert page.locator("#map-chart circle.place").count() == len(places) > 0
    assert page.locator("#map-chart path.country").count() > 100  # the bundled outlines, drawn offline
    assert "Moscow (" in page.text_content("#map-chart")  # places labelled with their meeting counts
    shot(page, tmp_path, "map")


@pytest.mark.skipif(bool(SHOTS), reason="KGRAPH_WORKBENCH_SHOTS: the store holds the seeds alone")
def test_markup_in_a_document_stays_text(page, store, tmp_path):
    open_page(page, f"#/entity?iri={quote(HOSTILE_MEETING, safe='')}")
    assert HOSTILE_TITLE in page.inner_text("main")  # shown as written
    assert page.evaluate("window.__xss") is None  # and never run
    assert page.locator("main script, main img").count() == 0
    open_page(page, "#/timeline")
    assert page.evaluate("window.__xss") is None
    page.evaluate("location.hash = '#/'")
    wait_ready(page)
    page.evaluate("text => editor.setValue(text)",
                  "SELECT ?t WHERE { ?d a ckg:Document ; schema:name ?t FILTER(CONTAINS(?t, 'script')) }")
    page.click("#run-query")
    wait_ready(page)
    assert table(page)[1] == [[HOSTILE_TITLE]]
    assert page.evaluate("window.__xss") is None
