"""`kgraph build` end to end through the real CLI: formats, independent parsers, bad inputs, atomic output."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = next((ROOT / "seeds").glob("000_*.txt"))


def kgraph(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kgraph", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=300)


@pytest.fixture(scope="module")
def good_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("docs")
    shutil.copy(SEED, folder / "seed.txt")
    (folder / "ru.txt").write_text(
        "date 2024-05-17 Совет министров обороны СНГ собрался в Минске\n"
        "17 мая в Минске состоялось заседание Совета министров обороны государств – участников СНГ. "
        "В нем приняли участие министры обороны Беларуси, Казахстана и России.\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("suffix", [".trig", ".nq", ".ttl", ".nt", ".jsonld"])
def test_every_output_format_parses_with_oxigraph(good_dir: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"out{suffix}"
    result = kgraph("build", str(good_dir), "-o", str(out))
    assert result.returncode == 0, result.stderr
    fmt = {".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS, ".ttl": ox.RdfFormat.TURTLE,
           ".nt": ox.RdfFormat.N_TRIPLES, ".jsonld": ox.RdfFormat.JSON_LD}[suffix]
    quads = list(ox.parse(path=str(out), format=fmt))
    meetings = {q.subject for q in quads if q.predicate.value.endswith("#type")
                and q.object.value == "https://w3id.org/ckg/ontology#Meeting"}
    assert len(meetings) == 2
    if suffix in (".trig", ".nq", ".jsonld"):
        graphs = {q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)}
        assert "https://w3id.org/ckg/id/graph/reference" in graphs
        assert sum(g.startswith("https://w3id.org/ckg/id/graph/") for g in graphs) == 3


@pytest.mark.skipif(shutil.which("rapper") is None, reason="Debian's rapper (raptor2-utils) is not installed")
@pytest.mark.parametrize(("suffix", "syntax"), [(".nt", "ntriples"), (".ttl", "turtle")])
def test_rapper_reads_triple_outputs(good_dir: Path, tmp_path: Path, suffix: str, syntax: str) -> None:
    out = tmp_path / f"out{suffix}"
    assert kgraph("build", str(good_dir), "-o", str(out)).returncode == 0
    parsed = subprocess.run(["rapper", "-i", syntax, "-c", str(out)], capture_output=True, text=True)
    assert parsed.returncode == 0, parsed.stderr
    assert "returned" in parsed.stderr and " 0 triples" not in parsed.stderr


def test_a_bad_document_among_good_ones_is_named_and_the_good_ones_are_built(good_dir: Path,
                                                                            tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    shutil.copytree(good_dir, folder)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PK")
    (folder / "latin1.txt").write_bytes("date 2024-01-01 Caf\xe9\nSome text".encode("latin-1"))
    (folder / "baddate.txt").write_text("date 2024-02-31 x\nSome text about CIS.", encoding="utf-8")
    out = tmp_path / "mixed.nq"
    result = kgraph("build", str(folder), "-o", str(out))
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("kgraph: skipped")]
    assert len(errors) == 4
    for name, problem in [("empty.txt", "empty"), ("binary.txt", "binary"), ("latin1.txt", "UTF-8"),
                          ("baddate.txt", "impossible")]:
        assert any(name in line and problem in line for line in errors), (name, errors)
    graphs = {q.graph_name.value for q in ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS)}
    assert len(graphs) == 3  # two documents and the reference graph


def test_unknown_output_extension_fails_before_work_and_writes_nothing(good_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    result = kgraph("build", str(good_dir), "-o", str(out))
    assert result.returncode == 2
    assert "out.xlsx" in result.stderr and "unknown RDF format" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_nothing_buildable_leaves_no_file_and_no_temporary(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "o" / "out.trig"
    result = kgraph("build", str(tmp_path / "in"), "-o", str(out))
    assert result.returncode == 2
    assert not out.exists()
    assert not list(out.parent.glob("*")) if out.parent.exists() else True


def test_an_existing_output_is_kept_when_the_build_fails(tmp_path: Path) -> None:
    out = tmp_path / "keep.trig"
    out.write_text("old content", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    assert kgraph("build", str(tmp_path / "empty.txt"), "-o", str(out)).returncode == 2
    assert out.read_text(encoding="utf-8") == "old content"


def test_rebuilding_gives_identical_output(good_dir: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a.nq", tmp_path / "b.nq"
    assert kgraph("build", str(good_dir), "-o", str(a)).returncode == 0
    assert kgraph("build", str(good_dir), "-o", str(b), "--jobs", "2").returncode == 0
    assert sorted(a.read_text(encoding="utf-8").splitlines()) == sorted(b.read_text(encoding="utf-8").splitlines())


def test_parallel_build_skips_bad_documents_like_a_serial_one(good_dir: Path, tmp_path: Path) -> None:
    """`--jobs 2` with impossible header dates among good documents: named, skipped, no hang."""
    folder = tmp_path / "mixed"
    shutil.copytree(good_dir, folder)
    for i in range(3):
        (folder / f"bad{i}.txt").write_text("date 2023-02-31 Bad\nСовет министров.\n", encoding="utf-8")
    outputs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs{jobs}.nq"
        result = kgraph("build", str(folder), "--jobs", jobs, "-o", str(out))  # timeout: 300 s
        assert result.returncode == 1, result.stderr
        skipped = [line for line in result.stderr.splitlines() if line.startswith("kgraph: skipped")]
        assert len(skipped) == 3 and all("impossible" in line for line in skipped), result.stderr
        assert "Traceback" not in result.stderr
        outputs[jobs] = sorted(out.read_text(encoding="utf-8").splitlines())
    assert outputs["1"] == outputs["2"] and outputs["1"]


def test_a_document_over_the_time_limit_is_skipped_with_one_line(good_dir: Path, tmp_path: Path) -> None:
    result = kgraph("build", str(good_dir), "--doc-timeout", "0.0001", "-o", str(tmp_path / "out.nq"))
    assert result.returncode == 2  # every document ran over: nothing built, nothing written
    lines = [line for line in result.stderr.splitlines() if line.startswith("kgraph: skipped")]
    assert len(lines) == 2 and all("was stopped" in line for line in lines), result.stderr
    assert not (tmp_path / "out.nq").exists()


def test_jsonl_bad_lines_cost_only_themselves(tmp_path: Path) -> None:
    good = '{"id": "a", "text": "date 2024-05-17 x\\nСовет министров обороны СНГ собрался в Минске 17 мая."}\n'
    data = (good.encode() + b'{"text": "\\xff broken"}\n' + b"[" * 100_000 + b"\n"
            + b'{"text": "x", "lang": "xx"}\n' + good.replace('"a"', '"b"').replace("17 мая", "18 мая").encode())
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(data.replace(b'"\\xff', b'"\xff'))
    result = kgraph("build", str(path), "-o", str(tmp_path / "out.nq"))
    assert result.returncode == 1, result.stderr
    skipped = [line for line in result.stderr.splitlines() if line.startswith("kgraph: skipped")]
    assert [line.removeprefix("kgraph: skipped ").split(": ")[0] for line in skipped] == [f"{path}#{n}" for n in (2, 3, 4)], result.stderr
    assert "invalid UTF-8" in skipped[0] and "nested too deeply" in skipped[1] and "unknown language" in skipped[2]
    assert "Traceback" not in result.stderr and "built 2 documents" in result.stderr
