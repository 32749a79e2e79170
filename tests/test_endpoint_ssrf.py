"""No request leaves the endpoint, whatever the query (issue: SSRF through SERVICE in any position).

A local listener counts every connection it is offered. The queries that put SERVICE inside IN,
NOT IN, COALESCE, CONCAT, EXISTS, subqueries, BIND and VALUES are sent to a real `kgraph serve`:
each is refused, and the listener counts zero connections. The second wall is tested on its own:
a sandboxed query worker is handed a SERVICE query directly (the word check bypassed) and still
cannot connect, because the kernel refuses it a socket.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from kgraph.sandbox import SandboxError
from kgraph.server import WorkerPool
from tests.test_server import fixture_store, serving


class Listener:
    """A TCP listener on loopback that counts the connections it accepts."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self.sock.close()


def variants(port: int) -> list[str]:
    svc = f"SERVICE <http://127.0.0.1:{port}/x> {{ ?a ?b ?c }}"
    return [
        f"SELECT * WHERE {{ ?s ?p ?o FILTER(?s IN (EXISTS {{ {svc} }})) }} LIMIT 1",
        f"SELECT * WHERE {{ ?s ?p ?o FILTER(?s NOT IN (1, EXISTS {{ {svc} }})) }} LIMIT 1",
        f"SELECT * WHERE {{ ?s ?p ?o FILTER(COALESCE(EXISTS {{ {svc} }}, 1)) }} LIMIT 1",
        f"SELECT * WHERE {{ ?s ?p ?o BIND(CONCAT(STR(EXISTS {{ {svc} }}), 'x') AS ?z) }} LIMIT 1",
        f"SELECT * WHERE {{ {{ SELECT * WHERE {{ {svc} }} }} }}",
        f"SELECT * WHERE {{ OPTIONAL {{ {svc} }} }}",
        f"SELECT * WHERE {{ VALUES ?e {{ <http://127.0.0.1:{port}/x> }} SERVICE ?e {{ ?a ?b ?c }} }}",
        f"ASK {{ FILTER NOT EXISTS {{ SERVICE SILENT <http://127.0.0.1:{port}/x> {{ ?a ?b ?c }} }} }}",
        f"CONSTRUCT {{ ?a ?b ?c }} WHERE {{ {svc.lower()} }}",
        f"SELECT * WHERE {{ ?s ?p ?o FILTER(?o > (EXISTS {{ {svc} }})) }}",
        f"SELECT * FROM <http://127.0.0.1:{port}/data.ttl> WHERE {{ ?s ?p ?o }}",
        f"SELECT * WHERE {{ \\u0053ERVICE <http://127.0.0.1:{port}/x> {{ ?a ?b ?c }} }}",
        f"LOAD <http://127.0.0.1:{port}/data.ttl>",
    ]


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    listening = Listener()
    yield listening
    listening.close()


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return fixture_store(tmp_path_factory.mktemp("ssrf"))


@pytest.fixture(scope="module")
def endpoint(store_dir: Path) -> Iterator[str]:
    with serving(store_dir, "--timeout", "2", "--workers", "2") as url:
        yield url


def post(endpoint: str, query: str) -> tuple[int, str]:
    request = urllib.request.Request(endpoint, data=query.encode("utf-8"),
                                     headers={"Content-Type": "application/sparql-query"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


def test_every_service_variant_refused_without_a_connection(endpoint: str, listener: Listener) -> None:
    for query in variants(listener.port):
        status, body = post(endpoint, query)
        assert status == 400, (query, status, body)
    time.sleep(0.5)
    assert listener.connections == 0
    # the listener itself works: a direct connection is counted
    socket.create_connection(("127.0.0.1", listener.port)).close()
    time.sleep(0.5)
    assert listener.connections == 1
    listener.connections = 0


def test_a_sandboxed_worker_cannot_connect_even_when_the_check_is_bypassed(
        store_dir: Path, listener: Listener) -> None:
    import asyncio

    from kgraph.server import QueryFailed

    async def run() -> list[str]:
        pool = WorkerPool(store_dir, size=1, sandbox=True)
        try:
            await pool.start()
        except SandboxError as exc:
            pytest.skip(f"seccomp unavailable here: {exc}")
        outcomes = []
        svc = f"SERVICE <http://127.0.0.1:{listener.port}/x> {{ ?a ?b ?c }}"
        for query in (f"SELECT * WHERE {{ {svc} }}",
                      f"SELECT * WHERE {{ ?s ?p ?o FILTER(?s IN (EXISTS {{ {svc} }})) }} LIMIT 1"):
            try:
                await pool.run(query, "JSON", 10, 5.0)  # straight to the engine: no word check
                outcomes.append("answered")
            except QueryFailed as exc:
                outcomes.append(f"{exc.status}")
        await pool.stop()
        return outcomes

    outcomes = asyncio.run(run())
    time.sleep(0.5)
    assert listener.connections == 0, outcomes
    assert all(o != "answered" for o in outcomes[:1]), outcomes


def test_unsandboxed_engine_would_connect(store_dir: Path, listener: Listener) -> None:
    """The control: without the ban the same engine does open a connection (so the test above
    measures the ban, not a listener that nobody could reach)."""
    code = (f"import pyoxigraph as ox\ns = ox.Store.read_only({str(store_dir)!r})\n"
            f"try:\n    list(s.query('SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/x> "
            "{ ?a ?b ?c } }'))\nexcept Exception:\n    pass\n")
    listener.connections = 0
    subprocess.run([sys.executable, "-c", code], timeout=60, check=True)
    time.sleep(0.5)
    assert listener.connections >= 1
    listener.connections = 0


def test_oversized_query_refused_fast_while_cheap_one_answers(endpoint: str) -> None:
    big = "SELECT * WHERE { ?s ?p ?o FILTER(" + " || ".join("?o = 0" for _ in range(150_000)) + ") }"
    assert len(big) > 1_000_000
    started = time.monotonic()
    status, body = post(endpoint, big)
    assert status == 413, body
    assert time.monotonic() - started < 1.0
    status, body = post(endpoint, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert status == 200 and '"n"' in body
    long_get = endpoint + "?query=" + urllib.parse.quote("SELECT * WHERE { ?s ?p ?o } #" + "x" * 200_000)
    try:
        urllib.request.urlopen(long_get, timeout=10)
        status = 200
    except urllib.error.HTTPError as exc:
        status = exc.code
    assert status == 414


SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


@pytest.fixture(scope="module")
def tight_endpoint(store_dir: Path) -> Iterator[str]:
    """Two workers, a 4 s time limit and a small memory cap per worker."""
    with serving(store_dir, "--timeout", "4", "--workers", "2", "--worker-memory", "900") as url:
        yield url


def test_cheap_queries_are_answered_while_slow_ones_hold_every_worker(tight_endpoint: str) -> None:
    finished: list[tuple[str, int]] = []

    def slow() -> None:
        finished.append(("slow", post(tight_endpoint, SLOW)[0]))

    threads = [threading.Thread(target=slow) for _ in range(2)]
    for thread in threads:
        thread.start()
    time.sleep(1.0)  # both pooled workers are now busy with slow queries
    status, cheap_body = post(tight_endpoint, "SELECT (COUNT(*) AS ?n) WHERE { ?s a ckg:Meeting }")
    finished.append(("cheap", status))
    for thread in threads:
        thread.join()
    assert finished[0] == ("cheap", 200), (finished, cheap_body)  # answered before either slow query ended
    assert sorted(finished[1:]) == [("slow", 503), ("slow", 503)]


def test_a_query_over_the_memory_cap_stops_its_worker_only(tight_endpoint: str) -> None:
    greedy = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?d ?g LIMIT 1"
    status, body = post(tight_endpoint, greedy)
    assert status == 503 and ("memory" in body or "time limit" in body), body
    status, body = post(tight_endpoint, "ASK { ?s ?p ?o }")
    assert status == 200 and "true" in body


def test_a_client_that_trickles_its_body_is_cut_off(endpoint: str) -> None:
    from urllib.parse import urlparse

    from kgraph.server import BODY_READ_SECONDS

    where = urlparse(endpoint)
    with socket.create_connection((where.hostname, where.port), timeout=BODY_READ_SECONDS + 10) as sock:
        sock.sendall(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                     b"Content-Length: 100\r\n\r\nSELECT")
        started = time.monotonic()
        answer = sock.recv(200)
    assert answer.startswith(b"HTTP/1.1 408"), answer
    assert time.monotonic() - started < BODY_READ_SECONDS + 5


def test_the_memory_cap_counts_above_the_opened_store(store_dir: Path) -> None:
    """A small cap still answers cheap queries: the cap is what a query may add, not the engine's
    own start-up reservation (which grows with the machine's cores), so it means the same anywhere."""
    with serving(store_dir, "--workers", "1", "--worker-memory", "64") as url:
        status, body = post(url, "SELECT (COUNT(*) AS ?n) WHERE { ?s a ckg:Meeting }")
    assert status == 200 and '"n"' in body, body
