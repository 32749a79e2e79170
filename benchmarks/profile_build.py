"""Where the build's time goes: each stage timed alone, in one process, on a generated corpus.

    python benchmarks/profile_build.py --size 1000 [--pyinstrument benchmarks/results/build-profile.txt]

The stages are those of ``kgraph.build.build_document`` and ``build``: load (read, parse JSON
Lines, language, header), extract, emit (facts → triples), serialise (N-Quads) and store (insert
into a fresh on-disk Oxigraph store). Run in one process (``--jobs 1``) so the sum is the CPU cost
per document that parallel jobs divide; a pyinstrument profile of the whole build names the
functions inside each stage.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from collections import defaultdict
from pathlib import Path


def stage_times(corpus: Path, store_dir: Path) -> tuple[dict[str, float], int, int]:
    from kgraph import rdfio
    from kgraph.build import _label_for, _StoreBatch, reference_nquads
    from kgraph.document import Document, load
    from kgraph.emit import document_triples, graph_iri
    from kgraph.extract import extract, warm_up
    from kgraph.namespaces import REFERENCE_GRAPH
    from kgraph.store import GraphStore

    times: dict[str, float] = defaultdict(float)
    start = time.perf_counter()
    warm_up()
    label = _label_for()
    times["warm-up (gazetteers, once)"] = time.perf_counter() - start
    store = GraphStore.open(store_dir)
    batch = _StoreBatch(store)  # the build's own batched loading
    batch.add(str(REFERENCE_GRAPH), reference_nquads())
    docs = triples = 0
    items = iter(load([corpus]))
    while True:
        t0 = time.perf_counter()
        doc = next(items, None)
        t1 = time.perf_counter()
        times["load"] += t1 - t0
        if doc is None:
            break
        if not isinstance(doc, Document):
            continue
        facts = extract(doc)
        t2 = time.perf_counter()
        graph_triples = document_triples(doc, facts, label)
        graph = graph_iri(doc)
        t3 = time.perf_counter()
        data = rdfio.nquads(graph_triples, graph)
        t4 = time.perf_counter()
        batch.add(graph.value, data)
        t5 = time.perf_counter()
        times["extract"] += t2 - t1
        times["emit"] += t3 - t2
        times["serialise"] += t4 - t3
        times["store"] += t5 - t4
        docs += 1
        triples += len(graph_triples)
    t0 = time.perf_counter()
    batch.flush()
    store.close()
    times["store"] += time.perf_counter() - t0
    return dict(times), docs, triples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--work", type=Path, default=Path("benchmarks/work"))
    parser.add_argument("--pyinstrument", type=Path, help="also profile kgraph.build.build (jobs=1) into this file")
    args = parser.parse_args()

    from kgraph.bench.generate import fingerprint, write_jsonl

    corpus = args.work / f"corpus-s{args.seed}-n{args.size}-{fingerprint()}.jsonl"
    if not corpus.exists():
        write_jsonl(corpus, args.size, args.seed)
    with tempfile.TemporaryDirectory(dir=args.work) as tmp:
        times, docs, triples = stage_times(corpus, Path(tmp) / "store")
    total = sum(v for k, v in times.items() if not k.startswith("warm-up"))
    print(f"{docs} documents, {triples} triples, {total:.2f}s in stages "
          f"({docs / total:.0f} docs/s on one core)")
    print("| stage | seconds | share | ms/doc |\n|---|---:|---:|---:|")
    for stage, seconds in times.items():
        share = "" if stage.startswith("warm-up") else f"{100 * seconds / total:.1f}%"
        print(f"| {stage} | {seconds:.2f} | {share} | {1000 * seconds / max(docs, 1):.2f} |")
    if args.pyinstrument:
        from pyinstrument import Profiler

        from kgraph.build import build

        store_dir = Path(tempfile.mkdtemp(dir=args.work))
        profiler = Profiler(interval=0.001)
        profiler.start()
        build([corpus], store=store_dir / "store", jobs=1)
        profiler.stop()
        shutil.rmtree(store_dir, ignore_errors=True)
        args.pyinstrument.parent.mkdir(parents=True, exist_ok=True)
        args.pyinstrument.write_text(profiler.output_text(unicode=True, color=False, show_all=False))
        print(f"pyinstrument profile written to {args.pyinstrument}")


if __name__ == "__main__":
    main()
