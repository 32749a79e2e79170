"""Benchmark harness: build throughput, peak memory and query latency, against rdflib's memory store.

The build runs as a child process (``kgraph build … --store DIR --jobs N``) so that its wall time,
CPU time (``RUSAGE_CHILDREN``, which includes its worker processes) and peak memory (the whole
process tree's RSS, sampled every 50 ms) are those a user would see. Queries then run in this
process on the store the build left, and on the same quads loaded into ``rdflib.Dataset`` (the
default in-memory store) where that is feasible, so the ratio compares engines on equal data.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import json
import logging
import math
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil
import yaml

from kgraph.bench import generate

PARAMS_FILE = generate.TEMPLATES_DIR / "params.yaml"
SAMPLE_SECONDS = 0.05
LIBRARIES = ("kgraph", "rdflib", "pyoxigraph", "oxrdflib", "psutil", "pymorphy3", "pyahocorasick")
BUILD_CODE = "from kgraph.cli import main; main()"


class BenchError(RuntimeError):
    """A benchmark step that failed; the message says which and why, in one line."""


@dataclass
class Settings:
    sizes: list[int]
    repeat: int = 5
    jobs: int = 2
    seed: int = 0
    work: Path = Path("benchmarks/work")
    out: Path | None = Path("benchmarks/results/bench.json")
    baseline: bool = True
    baseline_max: int = 10_000  # rdflib's memory store is only loaded up to this many documents
    baseline_timeout: float = 20.0  # one rdflib run longer than this stops that query's repeats
    keep_store: bool = False
    log: Callable[[str], None] = field(default=lambda message: None)


# -- measuring -----------------------------------------------------------------------------------
def _tree_memory(proc: psutil.Process) -> tuple[int, int]:
    """Summed RSS and PSS of a process and its descendants. Forked workers share pages with their
    parent, so summed RSS counts shared memory once per process; PSS splits it fairly."""
    rss = pss = 0
    for p in [proc, *_children(proc)]:
        with contextlib.suppress(psutil.Error):
            info = p.memory_full_info()
            rss += info.rss
            pss += getattr(info, "pss", info.rss)
    return rss, pss


def _children(proc: psutil.Process) -> list[psutil.Process]:
    try:
        return proc.children(recursive=True)
    except psutil.Error:
        return []


def run_measured(cmd: list[str]) -> dict[str, Any]:
    """Run ``cmd``; wall and CPU seconds of the child tree, peak summed RSS and PSS, exit code."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
        watched = psutil.Process(proc.pid)
        peak = [0, 0]
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                peak[:] = map(max, peak, _tree_memory(watched))
                done.wait(SAMPLE_SECONDS)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        code = proc.wait()
        done.set()
        sampler.join()
        wall = time.perf_counter() - start
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace").strip().splitlines()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"exit_code": code, "wall_s": round(wall, 3), "cpu_s": round(cpu, 3),
            "peak_rss_mb": round(peak[0] / 2**20, 1), "peak_pss_mb": round(peak[1] / 2**20, 1),
            "stderr_tail": stderr[-3:]}


def summarise(times: list[float]) -> dict[str, Any]:
    """Median and nearest-rank p95 of run times in milliseconds."""
    ordered = sorted(times)
    p95 = ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]
    return {"median_ms": round(statistics.median(ordered) * 1000, 3), "p95_ms": round(p95 * 1000, 3),
            "runs": len(ordered)}


def _consume(result: Any) -> int:
    """Pull every row (query engines are lazy); returns the row count, 1 for ASK."""
    if isinstance(result, bool) or (hasattr(result, "__bool__") and not hasattr(result, "__iter__")):
        return 1
    return sum(1 for _ in result)


def time_query(run: Callable[[], Any], repeat: int, timeout: float | None = None) -> dict[str, Any]:
    """One untimed warm-up, then ``repeat`` timed runs (fewer if one run exceeds ``timeout``)."""
    start = time.perf_counter()
    rows = _consume(run())
    first = time.perf_counter() - start
    if timeout is not None and first > timeout:  # too slow to repeat: the warm-up is the one sample
        return {**summarise([first]), "rows": rows, "timed_out": True}
    times: list[float] = []
    while len(times) < repeat:
        start = time.perf_counter()
        rows = _consume(run())
        times.append(time.perf_counter() - start)
        if timeout is not None and times[-1] > timeout:
            break
    return {**summarise(times), "rows": rows}


# -- machine and inputs --------------------------------------------------------------------------
def machine_info() -> dict[str, Any]:
    model = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    versions = {}
    for name in LIBRARIES:
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            versions[name] = importlib.metadata.version(name)
    return {"cpu": model, "cores_logical": os.cpu_count(), "cores_physical": psutil.cpu_count(logical=False),
            "ram_gb": round(psutil.virtual_memory().total / 2**30, 1), "python": platform.python_version(),
            "platform": platform.platform(), "versions": versions}


def corpus(settings: Settings, size: int) -> tuple[Path, float]:
    """The generated corpus for ``size`` (cached by seed, size and generator fingerprint)."""
    path = settings.work / f"corpus-s{settings.seed}-n{size}-{generate.fingerprint()}.jsonl"
    if path.exists():
        return path, 0.0
    start = time.perf_counter()
    generate.write_jsonl(path, size, settings.seed)
    return path, time.perf_counter() - start


def query_params(store: Any) -> dict[str, Any]:
    """Parameter values for library queries: fixed ones, and ones found by a query on the store."""
    try:
        spec = yaml.safe_load(PARAMS_FILE.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise BenchError(f"{PARAMS_FILE}: cannot read parameters ({exc})") from None
    values: dict[str, Any] = {}
    for name, value in spec.items():
        if isinstance(value, dict) and "find" in value:
            rows = list(store.query(value["find"]))
            if rows:
                term = rows[0][0]
                values[name] = getattr(term, "value", str(term))
        else:
            values[name] = value
    return values


def bound_queries(params: dict[str, Any]) -> dict[str, tuple[str | None, str]]:
    """Every library query's text with its required parameters bound (None and why, if it can't be)."""
    from kgraph.sparql import QueryError, library

    result: dict[str, tuple[str | None, str]] = {}
    for name, query in library().items():
        values = {p.name: params[p.name] for p in query.params if p.name in params and p.required}
        try:
            result[name] = (query.bind(values), "")
        except QueryError as exc:
            result[name] = (None, str(exc))
    return result


# -- one size ------------------------------------------------------------------------------------
def build_into_store(settings: Settings, docs: Path, store_dir: Path) -> dict[str, Any]:
    if store_dir.exists():
        shutil.rmtree(store_dir)
    cmd = [sys.executable, "-c", BUILD_CODE, "build", str(docs), "--store", str(store_dir),
           "--jobs", str(settings.jobs), "--quiet"]
    measured = run_measured(cmd)
    if measured["exit_code"] not in (0, 1):
        raise BenchError(f"kgraph build {docs} failed (exit {measured['exit_code']}): "
                         + " | ".join(measured["stderr_tail"]))
    return measured


def rdflib_dataset(store: Any, work: Path) -> tuple[Any, float]:
    """The store's quads in an ``rdflib.Dataset`` (memory store, union default graph) and load seconds."""
    import rdflib

    # rdflib warns once per odd IRI pattern it meets while parsing queries: noise in a benchmark log
    logging.getLogger("rdflib.term").setLevel(logging.ERROR)
    warnings.filterwarnings("ignore", category=DeprecationWarning, module="rdflib")
    dump = work / "baseline.nq"
    store.export(dump)
    start = time.perf_counter()
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(dump, format="nquads")
    seconds = time.perf_counter() - start
    dump.unlink()
    return dataset, seconds


def bench_size(settings: Settings, size: int) -> dict[str, Any]:
    from kgraph.namespaces import SPARQL_PREFIXES
    from kgraph.store import GraphStore

    log = settings.log
    settings.work.mkdir(parents=True, exist_ok=True)
    docs, gen_seconds = corpus(settings, size)
    log(f"[{size}] corpus {docs} ({docs.stat().st_size / 2**20:.1f} MB, generated in {gen_seconds:.1f}s)")
    store_dir = settings.work / f"store-n{size}"
    build = build_into_store(settings, docs, store_dir)
    store = GraphStore.open(store_dir, read_only=True)
    counts = store.counts()
    wall = build["wall_s"] or 1e-9
    build.update(docs_per_s=round(counts["documents"] / wall, 1), triples_per_s=round(counts["triples"] / wall, 1))
    log(f"[{size}] built in {build['wall_s']:.1f}s: {build['docs_per_s']:.0f} docs/s, "
        f"peak RSS {build['peak_rss_mb']:.0f} MB")
    params = query_params(store)
    queries = bound_queries(params)
    baseline = None
    if settings.baseline and size <= settings.baseline_max:
        dataset, load_s = rdflib_dataset(store, settings.work)
        baseline = {"store": "rdflib.Dataset (memory)", "load_s": round(load_s, 3)}
        log(f"[{size}] rdflib baseline loaded in {load_s:.1f}s")
    results: dict[str, Any] = {}
    for name, (text, problem) in queries.items():
        if text is None:
            results[name] = {"skipped": problem}
            continue
        entry = time_query(lambda t=text: store.query(t), settings.repeat)
        if baseline is not None:
            full = SPARQL_PREFIXES + text
            ref = time_query(lambda q=full: dataset.query(q), settings.repeat, settings.baseline_timeout)
            ref["ratio"] = round(ref["median_ms"] / max(entry["median_ms"], 1e-3), 1)
            ref["rows_agree"] = ref["rows"] == entry["rows"]
            entry["rdflib"] = ref
        results[name] = entry
        log(f"[{size}] {name}: {entry['median_ms']:.1f} ms median, {entry['p95_ms']:.1f} ms p95" +
            (f" (rdflib ×{entry['rdflib']['ratio']})" if "rdflib" in entry else ""))
    timed = [r for r in results.values() if "rdflib" in r]
    if baseline is not None and timed:
        ours = sum(r["median_ms"] for r in timed)
        theirs = sum(r["rdflib"]["median_ms"] for r in timed)
        baseline.update(total_store_ms=round(ours, 3), total_rdflib_ms=round(theirs, 3),
                        total_ratio=round(theirs / max(ours, 1e-3), 1))
    store.close()
    if not settings.keep_store:
        shutil.rmtree(store_dir, ignore_errors=True)
    return {"documents": size, "corpus": docs.name, "corpus_mb": round(docs.stat().st_size / 2**20, 2),
            "generate_s": round(gen_seconds, 3), "build": build, "counts": counts, "params": params,
            "queries": results,
            "baseline": baseline or {"skipped": "disabled" if not settings.baseline
                                     else f"more than --baseline-max {settings.baseline_max} documents"}}


def check_targets(sizes: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The issue's targets, judged at the largest size measured (labelled with that size)."""
    runs = list(sizes)
    if not runs:
        return []
    top = max(runs, key=lambda r: r["documents"])
    timed = [q for q in top["queries"].values() if "median_ms" in q]
    slowest = max((q["median_ms"] for q in timed), default=0.0)
    ratio = next((r["baseline"].get("total_ratio") for r in sorted(runs, key=lambda r: -r["documents"])
                  if "total_ratio" in r["baseline"]), None)
    size = top["documents"]
    return [
        {"target": "≥ 1000 documents/s into the store", "at": size, "value": top["build"]["docs_per_s"],
         "met": top["build"]["docs_per_s"] >= 1000},
        {"target": "every library query ≤ 200 ms median", "at": size, "value": slowest, "met": slowest <= 200},
        {"target": "store ≥ 20× rdflib memory on the query set", "value": ratio,
         "met": None if ratio is None else ratio >= 20},
        {"target": "peak RSS ≤ 2048 MB building (PSS of the process tree)", "at": size,
         "value": top["build"]["peak_pss_mb"], "met": top["build"]["peak_pss_mb"] <= 2048},
    ]


def run(settings: Settings) -> dict[str, Any]:
    """Benchmark every size; write the JSON report (atomically) if ``settings.out`` is set."""
    report: dict[str, Any] = {
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "machine": machine_info(),
        "settings": {"sizes": settings.sizes, "repeat": settings.repeat, "jobs": settings.jobs,
                     "seed": settings.seed, "baseline": settings.baseline, "baseline_max": settings.baseline_max},
        "sizes": [],
    }
    for size in settings.sizes:
        report["sizes"].append(bench_size(settings, size))
        report["targets"] = check_targets(report["sizes"])
        if settings.out is not None:
            write_json(settings.out, report)
    return report


def write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, indent=2)
            out.write("\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
