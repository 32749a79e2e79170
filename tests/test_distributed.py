"""The Dask path (``kgraph.distributed``) on a real LocalCluster of two worker processes: the same
quads as the single-process build, streamed back or written as N-Quads partitions by the workers."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

pytest.importorskip("distributed", reason="the Dask path needs dask[distributed] (pip install 'kgraph[dask]')")

from distributed import LocalCluster

from kgraph.bench import generate
from kgraph.build import build
from kgraph.distributed import DaskSettings

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds plus a few generated documents in kk/ru/en (one JSON Lines file)."""
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    generate.write_jsonl(folder / "generated.jsonl", 24, seed=3)
    return folder


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A LocalCluster of two worker processes, reached by its address as a real cluster would be."""
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def single(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> set[ox.Quad]:
    out = tmp_path_factory.mktemp("single") / "all.nq"
    build([corpus], out=out, jobs=1)
    return _quads(out)


def _quads(*paths: Path) -> set[ox.Quad]:
    return {q for path in paths for q in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS)}


def test_dask_build_gives_the_same_quads(corpus: Path, scheduler: str, single: set[ox.Quad], tmp_path: Path) -> None:
    out = tmp_path / "dask.nq"
    report = build([corpus], out=out, dask=DaskSettings(scheduler=scheduler, partition_size=5))
    assert report.documents > 30 and not report.errors
    assert _quads(out) == single


def test_partitions_written_by_the_workers_hold_the_same_quads(corpus: Path, scheduler: str,
                                                               single: set[ox.Quad], tmp_path: Path) -> None:
    parts = tmp_path / "parts"
    result = subprocess.run([sys.executable, "-m", "kgraph", "build", str(corpus), "--scheduler", scheduler,
                             "--partitions", str(parts)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    files = sorted(parts.glob("part-*.nq"))
    assert len(files) >= 2  # the reference graph and at least one partition of documents
    assert _quads(*files) == single


def test_partitions_load_into_the_same_store_as_a_build(corpus: Path, scheduler: str, tmp_path: Path) -> None:
    parts, loaded, built = tmp_path / "parts", tmp_path / "loaded", tmp_path / "built"
    for args in (["build", str(corpus), "--scheduler", scheduler, "--partitions", str(parts)],
                 ["load", str(parts), "--store", str(loaded)],
                 ["build", str(corpus), "--store", str(built)]):
        result = subprocess.run([sys.executable, "-m", "kgraph", *args], capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
    dumps = []
    for folder in (loaded, built):
        store = ox.Store.read_only(str(folder))
        dumps.append(set(store.quads_for_pattern(None, None, None, None)))
        del store
    assert dumps[0] == dumps[1]


def test_load_names_a_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.nq"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "kgraph", "load", str(bad), "--store", str(tmp_path / "s")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert str(bad) in result.stderr and len(result.stderr.strip().splitlines()) == 1
