"""A read-only SPARQL 1.1 Protocol endpoint over a kgraph store (Starlette on uvicorn).

Standard parts: the protocol's dataset parameters (default-graph-uri, named-graph-uri) honoured,
CORS for browser clients, a SPARQL 1.1 Service Description with VoID at the endpoint URL, 406 and
``Vary: Accept`` in content negotiation, and the graph's w3id IRIs described at ``/id/…`` and
``/ontology`` (``kgraph.describe``).

Why worker processes: pyoxigraph cannot be interrupted from Python, so each query runs in a
worker process that opens the store read-only; a query over the time limit gets its worker
killed and replaced, and the client an HTTP 503, instead of a hung server.

Why two walls against outside requests: every query is first scanned against an allow-list of
SPARQL query words (``kgraph.sparql.check_read_only``: bounded, no parser), so UPDATE, LOAD,
SERVICE and FROM are refused with HTTP 400 and a clear message; and each worker runs under a
kernel ban on sockets (``kgraph.sandbox``), so even a form the scan did not foresee cannot open a
connection. Request size is capped (413 for a body, 414 for a URL) before anything is parsed.
Results over the row cap are refused with HTTP 400 too (never silently truncated).

The default graph is the union of all graphs (one per document plus the reference graph) unless the
request names its dataset, and the project's prefixes (ckg:, id:, schema:, …) are predeclared.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import json
import multiprocessing as mp
import os
import re
import time
import urllib.parse
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

# -- content negotiation -----------------------------------------------------------------------
RESULT_TYPES = {  # media type → pyoxigraph QueryResultsFormat name
    "application/sparql-results+json": "JSON",
    "application/json": "JSON",
    "application/sparql-results+xml": "XML",
    "application/xml": "XML",
    "text/xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
}
GRAPH_TYPES = {  # media type → pyoxigraph RdfFormat name
    "text/turtle": "TURTLE",
    "application/turtle": "TURTLE",
    "application/x-turtle": "TURTLE",
    "application/n-triples": "N_TRIPLES",
    "text/plain": "N_TRIPLES",
    "application/ld+json": "JSON_LD",
    "application/rdf+xml": "RDF_XML",
}
MEDIA = {"JSON": "application/sparql-results+json", "XML": "application/sparql-results+xml",
         "CSV": "text/csv; charset=utf-8", "TSV": "text/tab-separated-values; charset=utf-8",
         "TURTLE": "text/turtle; charset=utf-8", "N_TRIPLES": "application/n-triples",
         "JSON_LD": "application/ld+json", "RDF_XML": "application/rdf+xml"}
SHORT_FORMATS = {"json": "JSON", "xml": "XML", "csv": "CSV", "tsv": "TSV",
                 "turtle": "TURTLE", "ttl": "TURTLE", "nt": "N_TRIPLES", "ntriples": "N_TRIPLES"}


def negotiate(accept: str | None, graph: bool, explicit: str | None = None) -> str | None:
    """The serialisation for an Accept header (q-values and wildcards honoured); JSON or Turtle when
    there is no header or it accepts anything; None when it accepts none of ours (HTTP 406)."""
    table = GRAPH_TYPES if graph else RESULT_TYPES
    default = "TURTLE" if graph else "JSON"
    if explicit:
        fmt = SHORT_FORMATS.get(explicit.lower()) or table.get(explicit.lower())
        if fmt and fmt in table.values():
            return fmt
    if not accept or not accept.strip():
        return default
    best, best_q = None, 0.0
    for i, part in enumerate(accept.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        media = media.lower()
        q = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        if q <= 0:
            continue
        q -= i * 1e-6  # earlier wins among equals
        if media in table:
            fmt = table[media]
        elif media == "*/*":
            fmt = default
        elif media.endswith("/*"):  # the first of ours whose answer has that type (application/*, text/*)
            fmt = next((f for f in table.values() if MEDIA[f].startswith(media[:-1])), None)
        else:
            fmt = None
        if fmt and q > best_q:
            best, best_q = fmt, q
    return best


# -- worker processes --------------------------------------------------------------------------
class QueryFailed(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _solutions_json(results: Any, cap: int) -> bytes:
    import pyoxigraph as ox

    names = [v.value for v in results.variables]
    bindings = []
    for solution in results:
        if len(bindings) >= cap:
            raise QueryFailed(400, f"the result has more than {cap} rows (the endpoint's cap); "
                                   "add LIMIT or narrow the query")
        row = {}
        for name in names:
            term = solution[name]
            if term is None:
                continue
            if isinstance(term, ox.NamedNode):
                row[name] = {"type": "uri", "value": term.value}
            elif isinstance(term, ox.BlankNode):
                row[name] = {"type": "bnode", "value": term.value}
            elif isinstance(term, ox.Literal):
                cell = {"type": "literal", "value": term.value}
                if term.language:
                    cell["xml:lang"] = term.language
                elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
                    cell["datatype"] = term.datatype.value
                row[name] = cell
            else:
                row[name] = {"type": "literal", "value": str(term)}
        bindings.append(row)
    return json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}},
                      ensure_ascii=False).encode("utf-8")


def execute(store: Any, text: str, fmt: str, cap: int,
            dataset: tuple[list[str] | None, list[str] | None] = (None, None)) -> bytes:
    """Run one query on a pyoxigraph store and serialise it, enforcing the row cap.

    ``dataset`` is the protocol's (default-graph-uri, named-graph-uri) lists: None for both is the
    union of all graphs as default graph and every named graph; once either is given, the dataset
    is exactly what they name (SPARQL 1.1 Protocol, 2.1.4).
    """
    import pyoxigraph as ox

    from kgraph.store import PREFIX_MAP

    defaults, names = dataset
    if defaults is None and names is None:
        scope: dict[str, Any] = {"use_default_graph_as_union": True}
    else:
        scope = {"default_graph": [ox.NamedNode(g) for g in defaults or []],
                 "named_graphs": [ox.NamedNode(g) for g in names or []]}
    try:
        result = store.query(text, prefixes=PREFIX_MAP, **scope)
    except SyntaxError as exc:
        raise QueryFailed(400, f"SPARQL syntax error: {exc}") from None
    if isinstance(result, ox.QueryBoolean):
        return result.serialize(format=getattr(ox.QueryResultsFormat, fmt))
    if isinstance(result, ox.QuerySolutions):
        data = _solutions_json(result, cap)
        if fmt == "JSON":
            return data
        parsed = ox.parse_query_results(data, ox.QueryResultsFormat.JSON)
        return parsed.serialize(format=getattr(ox.QueryResultsFormat, fmt))
    triples = []
    for triple in result:
        if len(triples) >= cap:
            raise QueryFailed(400, f"the result has more than {cap} triples (the endpoint's cap); "
                                   "add LIMIT or narrow the query")
        triples.append(triple)
    prefixes = PREFIX_MAP if fmt == "TURTLE" else None
    return ox.serialize(triples, format=getattr(ox.RdfFormat, fmt), prefixes=prefixes) or b""


def dataset_counts(store: Any) -> bytes:
    """The counts the service description gives (VoID), as JSON: quads, named graphs, and the
    documents and meetings the summary graph records."""
    import pyoxigraph as ox

    summary = ox.NamedNode("https://w3id.org/ckg/id/graph/summary")
    counts = {"triples": len(store), "graphs": sum(1 for _ in store.named_graphs())}
    for key in ("documents", "meetings"):
        for quad in store.quads_for_pattern(summary, ox.NamedNode(f"https://w3id.org/ckg/ontology#{key}"), None,
                                            summary):
            counts[key] = int(quad.object.value)
    return json.dumps(counts).encode()


MAX_BODY_BYTES = 1 << 20  # a POSTed query or form; the query itself is capped at MAX_QUERY_CHARS
MAX_URL_BYTES = 64 << 10  # longer queries go in a POST body
BODY_READ_SECONDS = 10.0  # between two chunks of a request body
MAX_CONNECTIONS = 200  # beyond this uvicorn answers 503 at once: slow clients cannot pile up without end
H11_MAX_EVENT_BYTES = 4 << 20  # so that a long request line gets our 414, not a reset connection


MALLOC_ARENAS = 2


def _limit_malloc_arenas() -> None:
    """Cap glibc's malloc arenas in this process.

    Why: glibc gives each new thread its own arena and reserves 64 MB of address space for it,
    up to eight per core; the store's threads alone reserved ~460 MB on a 2-core machine, more on
    a larger one, so an address-space cap that fits one machine failed cheap queries on another.
    With two arenas the reservation no longer grows with the machine. Elsewhere than glibc: no-op.
    """
    import ctypes
    import ctypes.util

    m_arena_max = -8  # from glibc's malloc.h
    with contextlib.suppress(OSError, AttributeError, TypeError):
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").mallopt(m_arena_max, MALLOC_ARENAS)


def _address_space() -> int:
    """This process's current address-space size in bytes (0 where /proc is not readable)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmSize:"):
                return int(line.split()[1]) << 10
    return 0


def _worker_main(conn: Connection, store_path: str, sandbox: bool, memory_mb: int) -> None:
    """A worker process: ban sockets, cap memory, open the store read-only, answer jobs until the
    pipe closes.

    The first message says whether the ban holds ("ready") or why not ("sandbox"), so that the
    endpoint never answers queries from a worker that could reach the network. The address-space
    cap makes a runaway query (a cross product being sorted) kill its own worker, not the machine;
    it is counted above what the opened store already takes, so that it means the same on a
    machine whose engine starts more threads.
    """
    import resource

    import pyoxigraph as ox

    from kgraph.sandbox import SandboxError, deny_network

    if sandbox:
        try:
            deny_network()
        except SandboxError as exc:
            conn.send(("sandbox", str(exc)))
            return
    _limit_malloc_arenas()
    store = ox.Store.read_only(store_path)
    if memory_mb:
        limit = _address_space() + (memory_mb << 20)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    conn.send(("ready", ""))
    while True:
        try:
            text, fmt, cap, dataset = conn.recv()
        except (EOFError, OSError):
            return
        cpu = time.process_time()
        try:
            data = dataset_counts(store) if fmt == "COUNTS" else execute(store, text, fmt, cap, dataset)
            conn.send(("ok", data, time.process_time() - cpu))
        except QueryFailed as exc:
            conn.send(("error", exc.status, str(exc)))
        except MemoryError:
            conn.send(("error", 503, f"the query needed more than the worker's {memory_mb} MB; narrow it"))
        except Exception as exc:  # any engine error is the client's answer
            conn.send(("error", 500, f"query failed: {exc}"))


@dataclass
class _Worker:
    process: Any
    conn: Connection


class WorkerPool:
    """Worker processes; a job over the time limit has its worker killed and replaced.

    Fairness, so that cheap queries keep flowing while slow ones run out their time limit:
    * a query text that ran slow before (over ``SLOW_SECONDS``, remembered by hash for the last
      ``REMEMBERED`` texts) may hold at most ``size - 1`` workers at once: a client repeating a
      heavy query cannot take every worker;
    * when every worker has been busy for over ``SLOW_SECONDS``, the pool grows by a worker (up to
      ``size + overflow``) instead of queueing a new query behind them.
    """

    SLOW_SECONDS = 0.5
    REMEMBERED = 4096

    def __init__(self, store_path: Path, size: int = 2, sandbox: bool = True, memory_mb: int = 2048,
                 overflow: int | None = None) -> None:
        self.store_path = str(store_path)
        self.size = size
        self.sandbox = sandbox
        self.memory_mb = memory_mb
        self.capacity = size + (size if overflow is None else overflow)
        self._ctx = mp.get_context("spawn")
        self._idle: asyncio.Queue[_Worker] | None = None
        self._workers = 0  # started and not discarded (idle, busy or being started)
        self._busy_since: dict[int, float] = {}
        self._slow_running = 0
        self._slow_texts: dict[int, None] = {}  # insertion-ordered: the oldest is forgotten first
        self._tasks: set[asyncio.Task[None]] = set()

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(target=_worker_main,
                                    args=(child, self.store_path, self.sandbox, self.memory_mb), daemon=True)
        process.start()
        child.close()
        if not parent.poll(60):
            process.kill()
            raise RuntimeError("a query worker did not start within 60 s")
        status, message = parent.recv()
        if status != "ready":
            process.join(timeout=2)
            from kgraph.sandbox import SandboxError

            raise SandboxError(message)
        return _Worker(process, parent)

    async def start(self) -> None:
        self._idle = asyncio.Queue()
        for _ in range(self.size):
            self._idle.put_nowait(self._spawn())
            self._workers += 1

    async def stop(self) -> None:
        if self._idle is None:
            return
        while not self._idle.empty():
            self._discard(self._idle.get_nowait())

    def _discard(self, worker: _Worker) -> None:
        self._workers -= 1
        worker.conn.close()
        worker.process.kill()
        worker.process.join(timeout=2)

    def _remember_slow(self, key: int) -> None:
        self._slow_texts.pop(key, None)
        self._slow_texts[key] = None
        while len(self._slow_texts) > self.REMEMBERED:
            del self._slow_texts[next(iter(self._slow_texts))]

    async def _acquire(self, known_slow: bool, patience: float) -> _Worker:
        """A worker for one query; a query known to be slow waits at most ``patience`` seconds for
        its lane, then is refused (503) rather than queueing without end."""
        assert self._idle is not None, "pool not started"
        loop = asyncio.get_running_loop()
        deadline = time.monotonic() + patience
        while True:
            if known_slow and self._slow_running >= max(1, self.size - 1):
                if time.monotonic() > deadline:
                    raise QueryFailed(503, "the endpoint is busy with this query already (it ran slow "
                                           "before); try again later, or narrow it")
                await asyncio.sleep(self.SLOW_SECONDS / 5)
                continue
            if not self._idle.empty():
                return self._idle.get_nowait()
            now = time.monotonic()
            all_slow = bool(self._busy_since) and all(now - t > self.SLOW_SECONDS for t in self._busy_since.values())
            if all_slow and self._workers < self.capacity:
                self._workers += 1
                try:
                    return await loop.run_in_executor(None, self._spawn)
                except BaseException:
                    self._workers -= 1
                    raise
            with contextlib.suppress(TimeoutError):
                return await asyncio.wait_for(self._idle.get(), self.SLOW_SECONDS / 5)

    async def run(self, text: str, fmt: str, cap: int, timeout: float,
                  dataset: tuple[list[str] | None, list[str] | None] = (None, None)) -> bytes:
        key = hash(text)
        known_slow = key in self._slow_texts
        worker = await self._acquire(known_slow, timeout)
        loop = asyncio.get_running_loop()
        healthy, spent = False, 0.0
        self._busy_since[id(worker)] = time.monotonic()
        self._slow_running += known_slow
        try:
            worker.conn.send((text, fmt, cap, dataset))
            ready = await loop.run_in_executor(None, worker.conn.poll, timeout)
            if not ready:
                raise QueryFailed(503, f"the query ran over the time limit of {timeout:g} s and was "
                                       "stopped; narrow it or add LIMIT")
            reply = worker.conn.recv()
            healthy = True
            # CPU seconds the worker spent (not wall time, which CPU contention inflates)
            spent = reply[2] if reply[0] == "ok" else 0.0
        except (EOFError, OSError, BrokenPipeError):
            raise QueryFailed(503, f"the query worker stopped (a query over its memory cap of "
                                   f"{self.memory_mb} MB ends that way); narrow the query") from None
        finally:
            self._busy_since.pop(id(worker), None)
            self._slow_running -= known_slow
            if not healthy or spent > self.SLOW_SECONDS:
                self._remember_slow(key)
            if healthy:
                self._idle.put_nowait(worker)
            else:
                self._discard(worker)
                self._workers += 1
                task = loop.create_task(self._replace())
                self._tasks.add(task)
                task.add_done_callback(self._tasks.discard)
        if reply[0] == "ok":
            return reply[1]
        raise QueryFailed(reply[1], reply[2])

    async def _replace(self) -> None:
        """Start a worker in place of a killed one, off the event loop."""
        try:
            worker = await asyncio.get_running_loop().run_in_executor(None, self._spawn)
        except BaseException:
            self._workers -= 1
            raise
        assert self._idle is not None
        self._idle.put_nowait(worker)


# -- the web app -------------------------------------------------------------------------------
ID_BASE = "https://w3id.org/ckg/id/"
ONTOLOGY_IRI = "https://w3id.org/ckg/ontology"
DESCRIBE_TYPES = {"text/turtle": "TURTLE", "application/ld+json": "JSON_LD", "application/n-triples": "N_TRIPLES",
                  "application/rdf+xml": "RDF_XML", "text/html": "HTML", "application/xhtml+xml": "HTML"}


def _negotiate_document(accept: str | None) -> str | None:
    """Turtle, JSON-LD, N-Triples, RDF/XML or HTML for a described resource (Turtle by default)."""
    if not accept or not accept.strip():
        return "TURTLE"
    best, best_q = None, 0.0
    for i, part in enumerate(accept.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        q = next((float(p[2:]) for p in params if p.startswith("q=") and p[2:].replace(".", "", 1).isdigit()), 1.0)
        if q <= 0:
            continue
        media = media.lower()
        fmt = DESCRIBE_TYPES.get(media) or ("TURTLE" if media in ("*/*", "text/*") else
                                            "JSON_LD" if media == "application/*" else None)
        if fmt and q - i * 1e-6 > best_q:
            best, best_q = fmt, q - i * 1e-6
    return best


def _graph_list(values: list[str], name: str) -> list[str]:
    """Graph IRIs of default-graph-uri / named-graph-uri, checked (QueryError on a bad one)."""
    from kgraph.sparql import QueryError

    out = []
    for value in values:
        if not _ABSOLUTE_IRI.match(value):
            raise QueryError(f"{name}: not an absolute IRI: {value[:200]!r}")
        out.append(value)
    return out


_ABSOLUTE_IRI = re.compile(r'^[A-Za-z][A-Za-z0-9+.-]*:[^<>"{}|^`\\\s]*$')


def create_app(store_path: Path, *, timeout: float = 10.0, max_results: int = 10_000,
               workers: int = 2, sandbox: bool = True, memory_mb: int = 2048,
               cors_origins: tuple[str, ...] = ("*",), license_iri: str | None = None,
               views_dir: Path | None = None) -> Any:
    """The Starlette app: ``/`` (the analyst's workbench, ``kgraph.web``), ``/about`` (a page about the
    endpoint), ``/sparql`` (the protocol, and its
    service description on a GET without a query), ``/id/…`` and ``/ontology`` (the w3id IRIs,
    described with content negotiation). ``cors_origins`` empty turns CORS off."""
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.middleware.cors import CORSMiddleware
    from starlette.requests import Request
    from starlette.responses import HTMLResponse, PlainTextResponse, Response
    from starlette.routing import Route

    from kgraph import describe
    from kgraph.sparql import QueryError, QueryTooLarge, check_read_only

    pool = WorkerPool(store_path, workers, sandbox, memory_mb)
    counts: dict[str, int] = {}  # the workers see the store as of their start: counted once
    vary = {"Vary": "Accept"}

    def error(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
        return PlainTextResponse(message + "\n", status_code=status, headers=headers)

    def not_acceptable(offered: str) -> Response:
        return error(406, f"cannot answer in any type the Accept header names; offered: {offered}", vary)

    async def read_body(request: Request) -> bytes | None:
        """The request body, or None once it passes MAX_BODY_BYTES (read no further)."""
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
            return None
        chunks, size = [], 0
        stream = request.stream().__aiter__()
        while True:
            try:  # a client that trickles its body is cut off, not waited for
                chunk = await asyncio.wait_for(stream.__anext__(), BODY_READ_SECONDS)
            except StopAsyncIteration:
                return b"".join(chunks)
            size += len(chunk)
            if size > MAX_BODY_BYTES:
                return None
            chunks.append(chunk)

    counted: list[bool] = []  # tried once: a store too big to count in the time limit is not retried

    async def dataset_counts_once() -> dict[str, int]:
        if not counted:
            counted.append(True)
            with contextlib.suppress(QueryFailed):  # counts left out rather than no description
                counts.update(json.loads(await pool.run("", "COUNTS", 0, timeout)))
        return counts

    async def service_description(request: Request) -> Response:
        fmt = _negotiate_document(request.headers.get("accept"))
        if fmt is None:
            return not_acceptable("text/turtle, application/ld+json, application/n-triples, application/rdf+xml, "
                                  "text/html")
        if fmt == "HTML":
            return HTMLResponse(_page(timeout, max_results), headers=vary)
        endpoint = str(request.url.replace(query="", fragment=""))
        triples = describe.service_description(endpoint, await dataset_counts_once(), license_iri)
        return Response(describe.serialise(triples, fmt), media_type=MEDIA[fmt], headers=vary)

    async def sparql(request: Request) -> Response:
        if request.method == "OPTIONS":  # a preflight is answered by the CORS middleware
            return Response(status_code=204, headers={"Allow": "GET, POST, OPTIONS"})
        if len(request.scope.get("query_string", b"")) > MAX_URL_BYTES:
            return error(414, f"the URL is over {MAX_URL_BYTES // 1024} KiB: POST long queries "
                              "(application/sparql-query)")
        params: dict[str, list[str]] = {}
        for key, value in request.query_params.multi_items():
            params.setdefault(key, []).append(value)
        query = (params.get("query") or [None])[0]
        if "update" in params:
            return error(400, "SPARQL UPDATE is not allowed: this endpoint is read-only")
        if request.method == "GET" and not params:
            return await service_description(request)
        if request.method == "POST":
            ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
            try:
                raw = await read_body(request) if ctype in (
                    "application/x-www-form-urlencoded", "application/sparql-query") else b""
            except TimeoutError:
                return error(408, f"the request body did not arrive within {BODY_READ_SECONDS:g} s")
            if raw is None:
                return error(413, f"the request body is over {MAX_BODY_BYTES // 1024} KiB")
            if ctype == "application/x-www-form-urlencoded":
                # parsed here rather than with request.form(), which needs python-multipart
                body = raw.decode("utf-8", errors="replace")
                form = urllib.parse.parse_qs(body, keep_blank_values=True)
                if "update" in form:
                    return error(400, "SPARQL UPDATE is not allowed: this endpoint is read-only")
                query = form.get("query", [query])[0]
                for key in ("default-graph-uri", "named-graph-uri"):
                    if key in form:
                        params.setdefault(key, []).extend(form[key])
            elif ctype == "application/sparql-query":
                query = raw.decode("utf-8", errors="replace")
            elif ctype == "application/sparql-update":
                return error(400, "SPARQL UPDATE is not allowed: this endpoint is read-only")
            else:
                return error(415, f"unsupported content type {ctype!r}: use application/sparql-query "
                                  "or application/x-www-form-urlencoded")
        if not query or not str(query).strip():
            return error(400, "missing the query parameter (GET /sparql?query=…, or POST)")
        query = str(query)
        try:  # a linear scan with a size cap: cheap enough for the event loop
            form_name = check_read_only(query)
            defaults = _graph_list(params["default-graph-uri"], "default-graph-uri") \
                if "default-graph-uri" in params else None
            names = _graph_list(params["named-graph-uri"], "named-graph-uri") if "named-graph-uri" in params else None
        except QueryTooLarge as exc:
            return error(413, str(exc))
        except QueryError as exc:
            return error(400, str(exc))
        graph = form_name in ("ConstructQuery", "DescribeQuery")
        fmt = negotiate(request.headers.get("accept"), graph, (params.get("format") or [None])[0])
        if fmt is None:
            return not_acceptable(", ".join(GRAPH_TYPES if graph else RESULT_TYPES))
        try:
            body = await pool.run(query, fmt, max_results, timeout, (defaults, names))
        except QueryFailed as exc:
            return error(exc.status, str(exc), vary)
        return Response(body, media_type=MEDIA[fmt], headers=vary)

    async def resource(request: Request) -> Response:
        """A w3id IRI of the graph (``/id/…``), described from the store: its own triples and the
        labels of what they point to; 404 when the store says nothing about it."""
        path = request.path_params["path"]
        iri = ID_BASE + path
        if not _ABSOLUTE_IRI.match(iri) or len(iri) > 2000:
            return error(404, "no such resource")
        fmt = _negotiate_document(request.headers.get("accept"))
        if fmt is None:
            return not_acceptable("text/turtle, application/ld+json, application/n-triples, application/rdf+xml, "
                                  "text/html")
        try:
            data = await pool.run(describe.describe_query(iri), "N_TRIPLES", max_results, timeout)
        except QueryFailed as exc:
            return error(exc.status, str(exc), vary)
        triples = describe.parse_ntriples(data)
        if not triples:
            return error(404, f"the graph says nothing about <{iri}>", vary)
        if fmt == "HTML":
            return HTMLResponse(describe.html_page(iri, triples), headers=vary)
        return Response(describe.serialise(triples, fmt), media_type=MEDIA[fmt], headers=vary)

    async def ontology(request: Request) -> Response:
        fmt = _negotiate_document(request.headers.get("accept"))
        if fmt is None:
            return not_acceptable("text/turtle, application/ld+json, application/n-triples, application/rdf+xml, "
                                  "text/html")
        triples = describe.ontology_triples()
        if fmt == "HTML":
            return HTMLResponse(describe.html_page(ONTOLOGY_IRI, triples, ontology=True), headers=vary)
        return Response(describe.serialise(triples, fmt), media_type=MEDIA[fmt], headers=vary)

    async def home(request: Request) -> Response:
        return HTMLResponse(_page(timeout, max_results))

    @contextlib.asynccontextmanager
    async def lifespan(app: Any) -> Any:
        await pool.start()
        try:
            yield
        finally:
            await pool.stop()

    middleware = []
    if cors_origins:
        middleware.append(Middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET", "POST"],
                                     allow_headers=["Accept", "Content-Type", "Authorization"], max_age=600))
    async def run_select(text: str) -> dict[str, Any]:
        """The workbench's way in: the same read-only check, worker pool, time limit and row cap
        as /sparql, answered as SPARQL JSON."""
        check_read_only(text)
        return json.loads(await pool.run(text, "JSON", max_results, timeout))

    from kgraph.web import routes as workbench_routes

    return Starlette(routes=[*workbench_routes(run_select, min(5000, max_results), views_dir), Route("/about", home),
                             Route("/sparql", sparql, methods=["GET", "POST", "OPTIONS"]),
                             Route("/ontology", ontology), Route("/id/{path:path}", resource)],
                     middleware=middleware, lifespan=lifespan)


def _page(timeout: float, max_results: int) -> str:
    from kgraph.sparql import library

    items = "".join(f"<li><b>{html.escape(q.name)}</b>: {html.escape(q.summary)}</li>"
                    for q in library().values())
    example = html.escape("SELECT ?m ?date WHERE { ?m a ckg:Meeting ; schema:startDate ?date } LIMIT 10")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>kgraph SPARQL endpoint</title>
<style>body{{font-family:sans-serif;max-width:52em;margin:2em auto;line-height:1.4}}
code,textarea{{font-family:monospace}}textarea{{width:100%;height:8em}}</style></head>
<body><h1>kgraph SPARQL endpoint</h1>
<p>A read-only <a href="https://www.w3.org/TR/sparql11-protocol/">SPARQL 1.1 Protocol</a> endpoint
at <code>/sparql</code> over a knowledge graph of CIS/CSTO/SCO security-cooperation meetings.</p>
<ul><li>GET <code>/sparql?query=…</code>; POST a form (<code>query=…</code>) or a body of type
<code>application/sparql-query</code>.</li>
<li>Results by the <code>Accept</code> header: SPARQL JSON (default), XML, CSV, TSV; CONSTRUCT and
DESCRIBE give Turtle (default) or N-Triples.</li>
<li>The default graph is the union of all graphs, unless the request names its dataset with
<code>default-graph-uri</code> / <code>named-graph-uri</code>; the prefixes ckg:, id:, schema:, oa:,
skos:, rdfs:, owl:, xsd:, wd: are predeclared (a query may declare its own).</li>
<li>GET <code>/sparql</code> without a query: the SPARQL 1.1 Service Description (Turtle, JSON-LD)
with VoID counts. CORS is on for GET and POST (browser clients such as YASGUI).</li>
<li>The graph's IRIs resolve here: <code>/id/…</code> for <code>https://w3id.org/ckg/id/…</code> and
<code>/ontology</code>, as Turtle, JSON-LD or HTML by the <code>Accept</code> header.</li>
<li>Read-only: UPDATE, LOAD, SERVICE and FROM are refused (HTTP 400). Time limit {timeout:g} s
(HTTP 503 beyond it); at most {max_results} rows (HTTP 400 beyond: add LIMIT).</li></ul>
<form action="/sparql" method="get"><textarea name="query">{example}</textarea>
<p><button type="submit">Run</button></p></form>
<h2>Library queries</h2><p>Run them with <code>kgraph query NAME</code>:</p><ul>{items}</ul>
</body></html>"""


def serve(store_path: Path, host: str = "127.0.0.1", port: int = 7878, timeout: float = 10.0,
          max_results: int = 10_000, workers: int | None = None, sandbox: bool = True,
          memory_mb: int = 2048, cors_origins: tuple[str, ...] = ("*",), license_iri: str | None = None,
          views_dir: Path | None = None) -> None:
    """Run the endpoint until interrupted."""
    import uvicorn

    size = workers or max(1, min(4, os.cpu_count() or 1))
    app = create_app(store_path, timeout=timeout, max_results=max_results, workers=size, sandbox=sandbox,
                     memory_mb=memory_mb, cors_origins=cors_origins, license_iri=license_iri, views_dir=views_dir)
    uvicorn.run(app, host=host, port=port, log_level="warning", timeout_keep_alive=5,
                h11_max_incomplete_event_size=H11_MAX_EVENT_BYTES, limit_concurrency=MAX_CONNECTIONS)


__all__ = ["WorkerPool", "create_app", "execute", "negotiate", "serve"]
