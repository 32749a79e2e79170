#!/usr/bin/env python3
"""Time the workbench's JSON API on a generated corpus: first call (lists and name index built
then) and warm calls (median, max), with the rows each answer holds.

    python benchmarks/workbench_api.py [--docs 2000] [--repeat 5] [--workers 2] [--store DIR]

Generates --docs documents with ``kgraph.bench.generate`` (seeded; cached in benchmarks/work/),
builds them into a temporary store with ``kgraph build`` (or takes the store given), starts ``kgraph serve`` on a free
loopback port, and requests each API path the pages use. Only loopback is ever contacted.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ID = "https://w3id.org/ckg/id/"


def get(base: str, path: str, params: dict[str, str] | None = None) -> tuple[float, object]:
    url = base + path + ("?" + urllib.parse.urlencode(params) if params else "")
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as response:
        data = json.loads(response.read())
    return time.perf_counter() - started, data


def size(data: object) -> int:
    """Rows in an answer: list items, meetings, places, or SPARQL bindings."""
    if isinstance(data, list):
        return len(data)
    if isinstance(data, dict):
        if "iri" in data:  # an entity page: its facts, links and meetings
            return len(data["facts"]) + len(data["incoming"]) + len(data["meetings"])
        for key in ("meetings", "places"):
            if key in data:
                return len(data[key])
        if "result" in data:
            return len(data["result"]["results"]["bindings"])
        return sum(len(v) for v in data.values() if isinstance(v, list))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--store", type=Path, help="an existing store (skips generating and building)")
    args = parser.parse_args()

    from kgraph.bench.generate import write_jsonl

    with tempfile.TemporaryDirectory() as tmp:
        store = args.store or Path(tmp) / "store"
        if args.store is None:
            corpus = ROOT / "benchmarks" / "work" / f"workbench-{args.docs}.jsonl"
            if not corpus.exists():
                write_jsonl(corpus, args.docs, seed=0)
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "kgraph", "build", str(corpus), "--store", str(store)],
                           check=True, capture_output=True, timeout=3600)
            print(f"built {args.docs} documents in {time.perf_counter() - started:.1f} s")
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        server = subprocess.Popen([sys.executable, "-m", "kgraph", "serve", "--store", str(store), "--port", str(port),
                                   "--workers", str(args.workers)], stderr=subprocess.PIPE, text=True)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    urllib.request.urlopen(base + "/about", timeout=2).read()
                    break
                except OSError:
                    time.sleep(0.2)
            cold_timeline, timeline = get(base, "/api/timeline")
            meetings = timeline["meetings"]
            busiest_state = max(timeline["labels"], key=lambda iri: sum(iri in m["states"] for m in meetings))
            cold_search, people = get(base, "/api/search", {"q": "a"})
            print(f"cold: first timeline (reads every meeting and label) {cold_timeline * 1000:.0f} ms, "
                  f"first search (builds the name index) {cold_search * 1000:.0f} ms")
            person = next((p["iri"] for p in people if p["kind"] == "person"), busiest_state)
            calls = [
                ("choices (form lists)", "/api/choices", None),
                ("timeline", "/api/timeline", None),
                ("places (map)", "/api/places", None),
                ("search a name", "/api/search", {"q": "Tokayev"}),
                ("meeting page", "/api/entity", {"iri": meetings[len(meetings) // 2]["iri"]}),
                ("busiest state's page", "/api/entity", {"iri": busiest_state}),
                ("person page", "/api/entity", {"iri": person}),
                ("library: meetings_of_state", "/api/library/meetings_of_state",
                 {"state": busiest_state.rsplit("/", 1)[-1]}),
            ]
            print(f"{len(meetings)} meetings; times in ms (first call after the timeline above, then "
                  f"{args.repeat} warm calls)")
            print(f"{'request':32} {'rows':>6} {'first':>8} {'median':>8} {'max':>8}")
            for name, path, params in calls:
                first, data = get(base, path, params)
                warm = [get(base, path, params)[0] for _ in range(args.repeat)]
                print(f"{name:32} {size(data):6d} {first * 1000:8.1f} {statistics.median(warm) * 1000:8.1f} "
                      f"{max(warm) * 1000:8.1f}")
        finally:
            server.terminate()
            server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
