#!/usr/bin/env python3
"""Load the read-only endpoint on loopback: cheap-query latency alone and under slow queries.

    python benchmarks/load_endpoint.py [STORE_DIR] [--requests 300] [--slow-clients 3]

Starts `kgraph serve` on 127.0.0.1 (a free port) over STORE_DIR (default: builds the seeds into a
temporary store), then
1. sends --requests cheap queries one after another and prints p50/p99/max;
2. starts --slow-clients threads that keep sending a query that runs out the time limit, and sends
   the same cheap queries meanwhile: p50/p99/max again, and the slow queries' outcomes.
Bounded: a fixed number of requests, every request with a timeout, the whole run under --seconds.
Only loopback is ever contacted.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

CHEAP = "SELECT (COUNT(*) AS ?n) WHERE { ?m a ckg:Meeting }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
ROOT = Path(__file__).resolve().parents[1]


def post(url: str, query: str, timeout: float) -> tuple[int, float]:
    started = time.perf_counter()
    request = urllib.request.Request(url, data=query.encode(), headers={"Content-Type": "application/sparql-query"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    return status, time.perf_counter() - started


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return (f"p50 {statistics.median(ordered) * 1000:7.1f} ms   p99 {p99 * 1000:7.1f} ms   "
            f"max {ordered[-1] * 1000:7.1f} ms   (n={len(ordered)})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", nargs="?", type=Path)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--slow-clients", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=3.0, help="the endpoint's per-query limit")
    parser.add_argument("--seconds", type=float, default=300.0, help="bound on the whole run")
    args = parser.parse_args()
    deadline = time.monotonic() + args.seconds
    kgraph = [sys.executable, "-m", "kgraph"]
    with tempfile.TemporaryDirectory() as tmp:
        store = args.store
        if store is None:
            store = Path(tmp) / "store"
            subprocess.run([*kgraph, "build", str(ROOT / "seeds"), "--store", str(store), "-q"], check=False)
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        url = f"http://127.0.0.1:{port}/sparql"
        server = subprocess.Popen([*kgraph, "serve", "--store", str(store), "--port", str(port),
                                   "--workers", str(args.workers), "--timeout", str(args.timeout)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(200):
                try:
                    post(url, "ASK {}", 1)
                    break
                except OSError:
                    time.sleep(0.1)
            print(f"endpoint: {args.workers} workers, time limit {args.timeout:g} s, store {store}")
            alone = [post(url, CHEAP, 10)[1] for _ in range(args.requests)]
            print(f"cheap alone:              {percentiles(alone)}")
            stop = threading.Event()
            slow_outcomes: list[int] = []

            def slow_client() -> None:
                while not stop.is_set() and time.monotonic() < deadline:
                    try:
                        slow_outcomes.append(post(url, SLOW, 2 * args.timeout + 10)[0])
                    except OSError:
                        slow_outcomes.append(0)

            clients = [threading.Thread(target=slow_client) for _ in range(args.slow_clients)]
            for client in clients:
                client.start()
            time.sleep(1.0)
            loaded, refused = [], []
            for _ in range(args.requests):
                if time.monotonic() > deadline:
                    break
                status, seconds = post(url, CHEAP, args.timeout + 10)
                (loaded if status == 200 else refused).append(seconds)
            stop.set()
            for client in clients:
                client.join()
            print(f"cheap under {args.slow_clients} slow clients: {percentiles(loaded)}; {len(refused)} not answered")
            print(f"slow queries: {len(slow_outcomes)} sent, {sum(s == 503 for s in slow_outcomes)} answered 503 "
                  f"(time limit, or refused while the same query held its lane), "
                  f"{sum(s == 0 for s in slow_outcomes)} client time-outs")
            print(f"ratio p50 loaded/alone: {statistics.median(loaded) / statistics.median(alone):.1f}")
        finally:
            server.terminate()
            server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
