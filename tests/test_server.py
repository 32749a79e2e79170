"""`kgraph serve` as a real subprocess on a free port, queried by an independent client.

SPARQLWrapper speaks the protocol; the interop test pushes the same data into the `oxigraph`
server from PyPI (package ``oxigraph``) and compares what both stores answer.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, POST, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kgraph.store import DERIVED_GRAPH_IRIS, GraphStore

FIXTURE = Path(__file__).parent / "data" / "sparql_fixture.trig"
TIMEOUT_S = 1.5
MAX_RESULTS = 100
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited: {process.stderr.read() if process.stderr else ''}")
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer within {seconds}s")


def stop(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def fixture_store(folder: Path) -> Path:
    """A store holding the hand-written SPARQL fixture."""
    path = folder / "store"
    with GraphStore.open(path) as store:
        store.load_file(FIXTURE)
    return path


@contextlib.contextmanager
def serving(store_dir: Path, *options: str) -> Iterator[str]:
    """`kgraph serve` over ``store_dir`` on a free loopback port; yields the endpoint URL."""
    port = free_port()
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "kgraph"), "serve", "--store", str(store_dir), "--port", str(port),
         *options], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(f"http://127.0.0.1:{port}/", process)
        yield f"http://127.0.0.1:{port}/sparql"
    finally:
        stop(process)


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return fixture_store(tmp_path_factory.mktemp("served"))


@pytest.fixture(scope="module")
def endpoint(store_dir: Path) -> Iterator[str]:
    with serving(store_dir, "--timeout", str(TIMEOUT_S), "--max-results", str(MAX_RESULTS), "--workers", "2") as url:
        yield url

def client(url: str, query: str, fmt: str = JSON) -> SPARQLWrapper:
    sparql = SPARQLWrapper(url)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    return sparql


def http(url: str, data: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, str, str]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get("content-type", ""), response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("content-type", ""), exc.read().decode()


def test_select_json(endpoint: str) -> None:
    result = client(endpoint, "SELECT ?m WHERE { ?m a ckg:Meeting } ORDER BY ?m").queryAndConvert()
    meetings = [b["m"]["value"] for b in result["results"]["bindings"]]
    assert len(meetings) == 3 and all(m.startswith("https://w3id.org/ckg/id/meeting/") for m in meetings)


def test_select_csv_by_post(endpoint: str) -> None:
    sparql = client(endpoint, "SELECT ?state (COUNT(?m) AS ?n) WHERE { ?m ckg:participantState ?state } "
                              "GROUP BY ?state ORDER BY DESC(?n) ?state", CSV)
    sparql.setMethod(POST)
    lines = sparql.queryAndConvert().decode().splitlines()
    assert lines[0] == "state,n"
    assert lines[1:4] == ["https://w3id.org/ckg/id/state/BY,3", "https://w3id.org/ckg/id/state/KZ,3",
                          "https://w3id.org/ckg/id/state/RU,3"]


def test_construct_turtle(endpoint: str) -> None:
    data = client(endpoint, "CONSTRUCT WHERE { ?d a ckg:Decision ; ckg:topic ?t }", TURTLE).queryAndConvert()
    graph = Graph().parse(data=data.decode() if isinstance(data, bytes) else data, format="turtle")
    assert len(graph) == 7  # three decisions typed, four topic links


def test_direct_post_and_negotiation(endpoint: str) -> None:
    status, ctype, body = http(endpoint, b"ASK { ?m a ckg:Meeting }",
                               {"Content-Type": "application/sparql-query",
                                "Accept": "application/sparql-results+xml"})
    assert status == 200 and ctype.startswith("application/sparql-results+xml") and "<boolean>true" in body
    status, ctype, body = http(endpoint, b"SELECT ?d WHERE { ?d a ckg:Document } ORDER BY ?d",
                               {"Content-Type": "application/sparql-query",
                                "Accept": "text/tab-separated-values"})
    assert status == 200 and ctype.startswith("text/tab-separated-values")
    assert body.splitlines()[0] == "?d" and len(body.splitlines()) == 4
    status, ctype, body = http(endpoint, b"CONSTRUCT WHERE { ?d a ckg:Document }",
                               {"Content-Type": "application/sparql-query",
                                "Accept": "text/turtle;q=0.5, application/n-triples"})
    assert status == 200 and ctype.startswith("application/n-triples") and body.count(" .\n") == 3


def test_update_refused(endpoint: str) -> None:
    sparql = client(endpoint, "DELETE WHERE { ?s ?p ?o }")
    sparql.setMethod(POST)
    with pytest.raises(QueryBadFormed, match="read-only"):
        sparql.query()
    status, _, body = http(endpoint, b"INSERT DATA { <http://a.org/x> <http://a.org/y> 1 }",
                           {"Content-Type": "application/sparql-update"})
    assert status == 400 and "read-only" in body
    status, _, body = http(endpoint, b"LOAD <http://example.org/x.ttl>", {"Content-Type": "application/sparql-query"})
    assert status == 400 and "LOAD is not allowed" in body
    # and nothing changed
    result = client(endpoint, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").queryAndConvert()
    assert int(result["results"]["bindings"][0]["n"]["value"]) > 200


def test_service_and_from_refused(endpoint: str) -> None:
    with pytest.raises(QueryBadFormed, match="SERVICE"):
        client(endpoint, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }").query()
    with pytest.raises(QueryBadFormed, match="FROM"):
        client(endpoint, "SELECT * FROM <http://127.0.0.1:9/x.ttl> WHERE { ?s ?p ?o }").query()


def test_slow_query_stopped_and_server_still_answers(endpoint: str) -> None:
    start = time.monotonic()
    status, _, body = http(endpoint + "?" + urllib.parse.urlencode({"query": SLOW}))
    elapsed = time.monotonic() - start
    assert status == 503 and "time limit" in body
    assert elapsed < TIMEOUT_S + 5
    # the killed worker was replaced: both workers answer again
    for _ in range(3):
        result = client(endpoint, "ASK { ?m a ckg:Meeting }").queryAndConvert()
        assert result["boolean"] is True


def test_result_cap(endpoint: str) -> None:
    status, _, body = http(endpoint + "?" + urllib.parse.urlencode({"query": "SELECT * WHERE { ?s ?p ?o }"}))
    assert status == 400 and f"more than {MAX_RESULTS} rows" in body
    status, _, _ = http(endpoint + "?" + urllib.parse.urlencode({"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 5"}))
    assert status == 200


def test_bad_requests(endpoint: str) -> None:
    # a GET with no parameter at all is the service description (tests/test_endpoint_standard.py)
    assert http(endpoint + "?default-graph-uri=https%3A%2F%2Fw3id.org%2Fckg%2Fid%2Fgraph%2Freference")[0] == 400
    assert http(endpoint, b"format=json", {"Content-Type": "application/x-www-form-urlencoded"})[0] == 400
    status, _, body = http(endpoint + "?query=SELECT%20WHERE%20%7B")
    assert status == 400 and "syntax error" in body


def test_home_page_has_no_external_scripts(endpoint: str) -> None:
    status, ctype, body = http(endpoint.removesuffix("sparql") + "about")
    assert status == 200 and ctype.startswith("text/html")
    assert "<script" not in body and "/sparql" in body and "participants" in body
    # the workbench at / loads only what the package ships (tests/test_workbench_browser.py drives it)
    status, ctype, body = http(endpoint.removesuffix("sparql"))
    assert status == 200 and ctype.startswith("text/html")
    sources = re.findall(r"""<(?:script|link)\b[^>]*(?:src|href)=["']([^"']+)""", body)
    assert sources and all(s.startswith("/static/") for s in sources), sources
    for source in sources:
        assert http(endpoint.removesuffix("/sparql") + source)[0] == 200, source


# -- interop with an external triplestore ----------------------------------------------------
def test_oxigraph_server_agrees(store_dir: Path, tmp_path: Path) -> None:
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not os.access(binary, os.X_OK):
        pytest.skip("the `oxigraph` server is not installed (pip install oxigraph)")
    dump = tmp_path / "all.nq"
    with GraphStore.open(store_dir, read_only=True) as ours:
        ours.export(dump)
        counts = ours.counts()
        derived_graphs = sum(1 for g in ours.oxigraph.named_graphs() if g.value in DERIVED_GRAPH_IRIS)
        meetings_by_body = sorted(
            (str(row["b"].value), int(row["n"].value)) for row in
            ours.query("SELECT ?b (COUNT(?m) AS ?n) WHERE { ?m ckg:heldBy ?b } GROUP BY ?b"))
    port = free_port()
    process = subprocess.Popen([binary, "serve", "-l", str(tmp_path / "ox"), "-b", f"127.0.0.1:{port}",
                                "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/", process)
        status, _, _ = http(base + "/store", dump.read_bytes(), {"Content-Type": "application/n-quads"})
        assert status in (200, 201, 204)
        query = ("PREFIX ckg: <https://w3id.org/ckg/ontology#> SELECT (COUNT(*) AS ?triples) "
                 "(COUNT(DISTINCT ?g) AS ?graphs) WHERE { GRAPH ?g { ?s ?p ?o } }")
        result = client(base + "/query", query).queryAndConvert()["results"]["bindings"][0]
        # the export holds the derived graphs too (the summary, the consolidation records)
        assert int(result["triples"]["value"]) == counts["triples"] + counts["summary"]
        assert int(result["graphs"]["value"]) == counts["graphs"] + derived_graphs
        query = ("PREFIX ckg: <https://w3id.org/ckg/ontology#> SELECT ?b (COUNT(?m) AS ?n) "
                 "WHERE { ?m ckg:heldBy ?b } GROUP BY ?b")
        csv_rows = client(base + "/query", query, CSV).queryAndConvert().decode().splitlines()[1:]
        theirs = sorted((line.split(",")[0], int(line.split(",")[1])) for line in csv_rows)
        assert theirs == meetings_by_body and theirs
    finally:
        stop(process)


