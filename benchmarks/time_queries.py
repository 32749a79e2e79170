"""Time every library query on an existing store (median and p95 of repeated runs, rows consumed).

    python benchmarks/time_queries.py STORE_DIR [--repeat 3] [--out results.json]

For stores too big to rebuild inside one benchmark run: the harness (`kgraph bench`) builds and
times in one go; this times a store built earlier with `kgraph build … --store`.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from kgraph.bench.harness import bound_queries, query_params
from kgraph.store import GraphStore


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("store", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--only", default="", help="comma-separated query names (default: all)")
    args = parser.parse_args()
    results = {}
    with GraphStore.open(args.store, read_only=True) as store:
        started = time.perf_counter()
        counts = store.counts()
        params = query_params(store)
        wanted = set(filter(None, args.only.split(",")))
        for name, (sparql, why) in sorted(bound_queries(params).items()):
            if wanted and name not in wanted:
                continue
            if sparql is None:
                results[name] = {"skipped": why}
                continue
            runs, rows = [], 0
            for _ in range(args.repeat + 1):  # the first run warms the caches and is not counted
                t = time.perf_counter()
                rows = sum(1 for _ in store.query(sparql))
                runs.append((time.perf_counter() - t) * 1000)
            timed = sorted(runs[1:])
            results[name] = {"median_ms": round(statistics.median(timed), 1), "p95_ms": round(timed[-1], 1),
                             "rows": rows}
            print(f"{name:22} {results[name]['median_ms']:>10.1f} ms  {rows:>6} rows", flush=True)
    report = {"store": str(args.store), "counts": counts, "queries": results,
              "seconds": round(time.perf_counter() - started, 1)}
    if args.out:
        args.out.write_text(json.dumps(report, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
