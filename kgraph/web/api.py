"""The workbench's routes: its page and assets, and JSON handlers that each run fixed queries
(``kgraph/web/queries/*.rq`` or the library's) through the endpoint's worker pool.

Why JSON handlers rather than letting the page write its own SPARQL for each view: the queries
live in .rq files (reviewable, testable, the same read-only check as any query), the page only
draws; and the search by name needs ``kgraph.names``, which is Python.

The store a server reads does not change while it runs (the workers open it read-only), so the
name index, the labels and the meeting list are built once, on first use.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Awaitable, Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from kgraph.sparql import LibraryQuery, QueryError, library, parse_query_file
from kgraph.web import entity, geo
from kgraph.web.results import Labels, local_name, rows, value
from kgraph.web.search import Entry, make_index, search

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
ID_BASE = "https://w3id.org/ckg/id/"
Runner = Callable[[str], Awaitable[dict[str, Any]]]  # SELECT text → SPARQL JSON results


class WebError(Exception):
    """A request the workbench cannot answer; ``status`` is its HTTP status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@lru_cache(maxsize=1)
def _queries() -> dict[str, LibraryQuery]:
    return {p.stem: parse_query_file(p) for p in sorted((HERE / "queries").glob("*.rq"))}


@lru_cache(maxsize=1)
def _forms() -> dict[str, Any]:
    path = HERE / "forms.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping")
    return data


INCOMING_LIMIT = 300  # links into a resource listed on its page (a big state has thousands; its timeline: all)


def _entity_query(name: str, iri: str, limit: int) -> str:
    query = _queries()[name]
    values: dict[str, Any] = {"entity": iri}
    if any(p.name == "limit" for p in query.params):
        values["limit"] = min(limit, INCOMING_LIMIT)
    return f"{query.bind(values)}\nLIMIT {limit}"


def choice_list(query: LibraryQuery, param_name: str, kind: str) -> dict[str, Any]:
    """What the form offers for one parameter: ``{"list": "state"}``, ``{"values": [...]}`` or {}."""
    forms = _forms()
    if kind == "iri":
        base = query.iri_base.get(param_name, "")
        segment = base.rstrip("/").rsplit("/", 1)[-1] if base else ""
        if segment in forms["iri_lists"]:
            return {"list": forms["iri_lists"][segment]}
        return {}
    for rule in forms["named"]:
        if rule["name"] == param_name and rule.get("kind", kind) == kind:
            return {"list": rule["list"]} if "list" in rule else {"values": list(rule["values"])}
    return {}


def library_listing() -> list[dict[str, Any]]:
    """The library's queries with their parameters, for the forms."""
    out = []
    for query in library().values():
        params = []
        for p in query.params:
            params.append({"name": p.name, "kind": p.kind, "required": p.required,
                           "default": query.defaults.get(p.name, ""), **choice_list(query, p.name, p.kind)})
        out.append({"name": query.name, "summary": query.summary, "description": query.description,
                    "tags": query.tags, "params": params, "text": query.text})
    return out


class Workbench:
    """The data behind the pages, read from the store through ``run`` and kept for the server's
    life (the store it serves is read-only)."""

    MAX_PAGES = 200  # a list read page by page stops here (the names of 200 pages of the row cap)

    def __init__(self, run: Runner, page: int = 5000, views_dir: Path | None = None) -> None:
        self.run = run
        self.views_dir = views_dir  # views made by kgraph viz, linked when there
        self.page = page  # rows per query: at most the endpoint's row cap
        self._lock = asyncio.Lock()
        self._index: list[Entry] | None = None
        self._choices: dict[str, Any] | None = None
        self._meetings: list[dict[str, Any]] | None = None
        self._labels = Labels()

    async def _select(self, name: str) -> list[dict[str, dict[str, str]]]:
        """All rows of one of the workbench's list queries, read a page (the row cap) at a time:
        the endpoint refuses a result over its cap rather than cut it, and a big store has more
        names than that. No ORDER BY (Oxigraph took 4 s to sort 5,000 names of a 2,000-document
        store, 0.8 s without): the store is read-only while served and the engine evaluates the
        same query in the same order, so LIMIT/OFFSET pages neither overlap nor skip
        (tests/test_workbench.py compares paged and unpaged answers)."""
        out: list[dict[str, dict[str, str]]] = []
        for number in range(self.MAX_PAGES):
            text = f"{_queries()[name].text}\nLIMIT {self.page} OFFSET {number * self.page}"
            batch = rows(await self.run(text))
            out.extend(batch)
            if len(batch) < self.page:
                break
        return out

    async def choices(self) -> dict[str, Any]:
        """States, bodies, topics and places with labels, meetings and years: the form choices."""
        async with self._lock:
            if self._choices is None:
                lists: dict[str, list[dict[str, str]]] = {"state": [], "body": [], "topic": [], "place": []}
                labels = Labels()
                seen: dict[str, str] = {}
                for row in await self._select("labels"):
                    iri, kind = value(row, "x"), value(row, "kind")
                    if iri and kind:
                        seen[iri] = kind
                        labels.add(iri, row.get("label"))
                for iri, kind in seen.items():
                    lists[kind].append({"iri": iri, "key": local_name(iri), "label": labels.get(iri)})
                    self._labels.add(iri, {"value": labels.get(iri)})
                for items in lists.values():
                    items.sort(key=lambda item: item["label"].lower())
                meetings = await self._meeting_rows()
                lists["meeting"] = [{"iri": m["iri"], "key": m["iri"][len(ID_BASE) + len("meeting/"):],
                                     "label": f"{m['date'] or '?'} {m['label']}"}
                                    for m in sorted(meetings, key=lambda m: m["date"] or "", reverse=True)]
                years = sorted({m["date"][:4] for m in meetings if m["date"]}, reverse=True)
                lists["year"] = [{"iri": y, "key": y, "label": y} for y in years]
                self._choices = lists
            return self._choices

    async def _meeting_rows(self) -> list[dict[str, Any]]:
        if self._meetings is None:
            meetings = []
            for row in await self._select("timeline"):
                start, first = value(row, "startDate"), value(row, "firstReported")
                iri = value(row, "meeting") or ""
                meetings.append({
                    "iri": iri, "label": value(row, "name") or local_name(iri),
                    "date": start or first, "dateKnown": start is not None,
                    "body": value(row, "heldBy"), "place": value(row, "location"),
                    "states": (value(row, "states") or "").split(), "topics": (value(row, "topics") or "").split()})
            self._meetings = meetings
        return self._meetings

    async def timeline(self) -> dict[str, Any]:
        """Every meeting with date, body, place, states and topics, and the labels of those."""
        choices = await self.choices()
        labels = {item["iri"]: item["label"] for kind in ("state", "body", "topic", "place") for item in choices[kind]}
        return {"meetings": await self._meeting_rows(), "labels": labels}

    async def places(self) -> dict[str, Any]:
        """The places meetings were held in, with coordinates and the meetings there."""
        coords = geo.coordinates()
        choices = await self.choices()
        names = {item["iri"]: item["label"] for item in choices["place"]}
        by_place: dict[str, list[dict[str, Any]]] = {}
        for meeting in await self._meeting_rows():
            if meeting["place"]:
                by_place.setdefault(meeting["place"], []).append(
                    {"iri": meeting["iri"], "label": meeting["label"], "date": meeting["date"]})
        placed, unplaced = [], []
        for iri, meetings in sorted(by_place.items()):
            item = {"iri": iri, "label": names.get(iri, local_name(iri)), "meetings": meetings}
            if iri in coords:
                item["lat"], item["lon"] = coords[iri]
                placed.append(item)
            else:
                unplaced.append(item)
        return {"places": placed, "unplaced": unplaced}

    async def search(self, text: str) -> list[dict[str, Any]]:
        async with self._lock:
            if self._index is None:
                triples = []
                for row in await self._select("names"):
                    iri, kind, name = value(row, "x"), value(row, "kind"), value(row, "name")
                    if iri and kind and name:
                        triples.append((iri, kind, name))
                        self._labels.add(iri, row.get("name"))
                self._index = make_index(triples)
        return [{"iri": e.iri, "kind": e.kind, "matched": e.name, "label": self._labels.get(e.iri),
                 "exact": score == 0} for e, score in search(self._index, text)]

    async def entity(self, iri: str) -> dict[str, Any]:
        """A resource's own facts, what points at it, its decisions, proposals and figures, and the
        evidence of each (quote, sentence, document)."""
        out_rows, in_rows, fact_rows, evidence_rows, mention_rows = await asyncio.gather(
            *(self.run(_entity_query(name, iri, self.page)) for name in (
                "entity_out", "entity_in", "entity_facts", "entity_evidence", "entity_mentions")))
        # a resource with more than a page of rows in one part shows the first page, and says so
        truncated = any(len(rows(r)) >= self.page for r in (out_rows, in_rows, fact_rows, evidence_rows))
        linking = {(value(row, "s"), value(row, "p")) for row in rows(in_rows)}
        truncated = truncated or len(linking) >= min(self.page, INCOMING_LIMIT)
        mentions = int(value(rows(mention_rows)[0], "documents") or 0) if rows(mention_rows) else 0
        async with self._lock:
            meetings = [m for m in await self._meeting_rows()
                        if iri in m["states"] or iri == m["body"] or iri in m["topics"] or iri == m["place"]]
        meetings.sort(key=lambda m: m["date"] or "", reverse=True)
        page = entity.assemble(iri, rows(out_rows), rows(in_rows), rows(fact_rows), rows(evidence_rows))
        if not page["facts"] and not page["incoming"] and not mentions and not meetings:
            raise WebError(404, f"the graph says nothing about <{iri}>")
        return {**page, "views": views_for(iri, self.views_dir), "truncated": truncated, "mentions": mentions,
                "timeline": timeline_filter(iri, page["type_iris"]), "meetings": meetings}

    async def run_library(self, name: str, params: dict[str, str]) -> dict[str, Any]:
        queries = library()
        if name not in queries:
            raise WebError(404, f"no library query {name!r}")
        values = {k: v for k, v in params.items() if v.strip()}
        try:
            text = queries[name].bind(values)
        except QueryError as exc:
            raise WebError(400, str(exc)) from None
        return {"query": text, "result": await self.run(text)}


def views_for(iri: str, views_dir: Path | None = None) -> list[dict[str, str]]:
    """The ``kgraph viz`` views of the network around this resource: the command that draws each
    (to a file name of its own) and, when that file is in the folder ``kgraph serve --views``
    names, a link to it (served at ``/views/``)."""
    key = iri[len(ID_BASE):] if iri.startswith(ID_BASE) else ""
    if key.startswith("meeting/"):
        views = [("this meeting's network", f"meeting id:{key}", "meeting-" + key[len("meeting/"):].replace("/", "_"))]
    elif key.startswith("state/"):
        code = key.split("/", 1)[1]
        views = [("this state's meetings and partners", f"state {code}", f"state-{code}"),
                 ("states linked by shared meetings", "co-participation", "co-participation")]
    elif key:
        views = [("the whole network", "network", "network")]
    else:
        views = []
    out = []
    for title, what, stem in views:
        item = {"title": title, "command": f"kgraph viz {what} --store STORE -o VIEWS/{stem}.html"}
        if views_dir is not None and (views_dir / f"{stem}.html").is_file():
            item["href"] = f"/views/{stem}.html"
        out.append(item)
    return out


# The page may load and ask nothing but this server (a second wall behind escaping every text):
# no inline script, no other origin for scripts, data, images or frames.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
       "connect-src 'self'; frame-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'")

def timeline_filter(iri: str, types: list[str]) -> str | None:
    """The timeline filter that shows this resource's meetings (state, body or topic), if any."""
    kinds = {"State": "state", "Body": "body", "Topic": "topic"}
    return next((kinds[local_name(t)] for t in types if local_name(t) in kinds), None)


_IRI_OK = re.compile(r'^https?://[^<>"{}|^`\\\s]+$')


def routes(run: Runner, page: int = 5000, views_dir: Path | None = None) -> list[Any]:
    """Starlette routes of the workbench: ``/`` (the page), ``/static/…``, ``/api/…`` and, given a
    folder of ``kgraph viz`` views, ``/views/…``. ``page``: rows per query, at most the endpoint's
    row cap."""
    from starlette.requests import Request
    from starlette.responses import FileResponse, JSONResponse, Response
    from starlette.routing import Mount, Route
    from starlette.staticfiles import StaticFiles

    bench = Workbench(run, page, views_dir)

    def answer(data: Any) -> Response:
        return Response(json.dumps(data, ensure_ascii=False), media_type="application/json; charset=utf-8")

    def guarded(handler: Callable[[Request], Awaitable[Any]]) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            from kgraph.server import QueryFailed

            try:
                return answer(await handler(request))
            except WebError as exc:
                return JSONResponse({"error": str(exc)}, status_code=exc.status)
            except QueryFailed as exc:
                return JSONResponse({"error": str(exc)}, status_code=exc.status)
            except QueryError as exc:
                return JSONResponse({"error": str(exc)}, status_code=400)
            except geo.CoordinatesError as exc:  # the package's own data is broken: say which file
                return JSONResponse({"error": str(exc)}, status_code=500)
        return endpoint

    async def page(request: Request) -> Response:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8",
                            headers={"Content-Security-Policy": CSP})

    async def api_library(request: Request) -> Any:
        return library_listing()

    async def api_run(request: Request) -> Any:
        return await bench.run_library(request.path_params["name"], dict(request.query_params))

    async def api_choices(request: Request) -> Any:
        return await bench.choices()

    async def api_search(request: Request) -> Any:
        text = request.query_params.get("q", "")[:200]
        return await bench.search(text)

    async def api_entity(request: Request) -> Any:
        iri = request.query_params.get("iri", "")
        if iri.startswith("id:"):
            iri = ID_BASE + iri[3:]
        if not _IRI_OK.match(iri) or len(iri) > 2000:
            raise WebError(400, f"not an IRI: {iri[:200]!r}")
        return await bench.entity(iri)

    async def api_timeline(request: Request) -> Any:
        return await bench.timeline()

    async def api_places(request: Request) -> Any:
        return await bench.places()

    return [Route("/", page), Route("/workbench", page),
            Mount("/static", app=StaticFiles(directory=STATIC), name="static"),
            Route("/api/library", guarded(api_library)), Route("/api/library/{name}", guarded(api_run)),
            Route("/api/choices", guarded(api_choices)), Route("/api/search", guarded(api_search)),
            Route("/api/entity", guarded(api_entity)), Route("/api/timeline", guarded(api_timeline)),
            Route("/api/places", guarded(api_places)),
            *([Mount("/views", app=StaticFiles(directory=views_dir), name="views")] if views_dir else [])]
