"""Smoke tests of the benchmark generator and harness at tiny sizes (no timing assertions)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kgraph.bench import generate
from kgraph.document import Document, load


def test_generator_is_deterministic_and_seed_sensitive(tmp_path: Path) -> None:
    a = generate.write_jsonl(tmp_path / "a.jsonl", 12, seed=7).read_bytes()
    b = generate.write_jsonl(tmp_path / "b.jsonl", 12, seed=7).read_bytes()
    c = generate.write_jsonl(tmp_path / "c.jsonl", 12, seed=8).read_bytes()
    assert a == b
    assert a != c
    assert not list(tmp_path.glob(".*.tmp"))  # written through a temp file, renamed


def test_generated_documents_load_in_their_language(tmp_path: Path) -> None:
    path = generate.write_jsonl(tmp_path / "docs.jsonl", 12, seed=3)
    docs = list(load([path]))
    assert len(docs) == 12
    assert all(isinstance(d, Document) for d in docs)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert {r["lang"] for r in records} == {"kk", "ru", "en"}
    for doc, record in zip(docs, records, strict=True):
        assert doc.lang == record["lang"]
        assert doc.published is not None and doc.published.isoformat() == record["published"]
        assert doc.title  # the corpus header line was read
        assert "{" not in doc.text and "}" not in doc.text  # every slot filled


def test_folder_output_matches_jsonl_text(tmp_path: Path) -> None:
    folder = generate.write_folder(tmp_path / "docs", 6, seed=5)
    files = sorted(folder.glob("*.txt"))
    assert [f.name for f in files][:3] == ["0000000_kk.txt", "0000001_ru.txt", "0000002_en.txt"]
    texts = [r["text"] for r in generate.documents(6, seed=5)]
    assert [f.read_text(encoding="utf-8") for f in files] == texts
    assert all(not isinstance(d, Exception) and d.published for d in load([folder]))


def test_harness_end_to_end_tiny(tmp_path: Path) -> None:
    pytest.importorskip("pyoxigraph")
    from kgraph.bench.harness import Settings, run
    from kgraph.sparql import library

    out = tmp_path / "bench.json"
    report = run(Settings(sizes=[20], repeat=1, jobs=1, seed=1, work=tmp_path / "work", out=out,
                          baseline=True))
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["sizes"][0]["documents"] == 20 == report["sizes"][0]["documents"]
    size = saved["sizes"][0]
    build = size["build"]
    assert build["exit_code"] == 0
    for key in ("wall_s", "cpu_s", "peak_rss_mb", "peak_pss_mb", "docs_per_s", "triples_per_s"):
        assert build[key] > 0, key
    assert size["counts"]["documents"] == 20
    assert size["counts"]["triples"] > 0
    assert set(size["queries"]) == set(library())
    timed = [q for q in size["queries"].values() if "skipped" not in q]
    assert timed, "no library query could be run"
    for q in timed:
        assert q["median_ms"] > 0 and q["p95_ms"] >= q["median_ms"]
        assert q["rdflib"]["median_ms"] > 0 and q["rdflib"]["rows_agree"]
    assert size["baseline"]["total_ratio"] > 0
    assert saved["machine"]["cores_logical"] >= 1
    assert not (tmp_path / "work" / "store-n20").exists()  # stores are removed unless kept
