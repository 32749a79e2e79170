"""Extraction quality guards, measured by the shared scorer (../shared/eval/score.py runs ``kgraph build``
per document): the dev corpus against issue 3's targets, and the held-out corpora against floors set a
little below their measured figures, so that a rule that helps one corpus but hurts unseen phrasing
is noticed.

- ``tests/corpus``: 18 documents written for this project; 0.909 overall when first scored.
- ``tests/corpus_blind``: 15 documents written without reading the extractor; 0.859 when first scored.
- ``tests/corpus_blind2``: 15 more, written the same way later; 0.864 when first scored.
Both have since guided general fixes, so their current figures are no longer blind estimates.
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import json
import os
import re
import subprocess
import sys
import threading
import warnings
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
SCORER = SHARED / "eval" / "score.py"
# body 0.93, not 0.95: the dev gold counts two announced next sessions (004_kk, 006_ru) as meetings,
# which CONVENTIONS.md (and the real-article gold) says they are not; kgraph follows the conventions
DEV_TARGETS = {"overall": 0.90, "states": 0.95, "body": 0.93, "date": 0.90, "city": 0.90, "persons": 0.85,
               "delegations": 0.80, "decisions": 0.80, "statistics": 0.80}
CORPORA = {  # corpus → overall floor
    "dev": (SHARED / "corpus" / "dev", 0.97),
    "held-out": (REPO / "tests" / "corpus", 0.95),
    "blind": (REPO / "tests" / "corpus_blind", 0.93),
    "blind2": (REPO / "tests" / "corpus_blind2", 0.91),
}

# Real articles: the texts are third-party and never committed, so these run only where they were
# rebuilt (../shared/corpus/real/README.md, tests/corpus_real/*/README.md), and skip otherwise.
# The blind set is scored, never tuned from.
REAL_ROOT = Path(os.environ.get("KGRAPH_REAL_DIR", "/tmp"))
REAL_CORPORA = {  # corpus → (folder with docs/ and gold/, gold folder, overall floor)
    # floors a little below the figures measured when the work was submitted (4 Dec 2026, round 10: real
    # 0.927, tune 0.973, tune2 0.933, tune3 0.946, tune4 0.903 (round 7; one text of it no longer rebuilds
    # byte for byte, so the set skips; its other 15 score 0.919), tune5 0.953, tune6 0.931, tune7 0.755,
    # tune8 0.846, tune9 0.896, tune10 0.920, tune11 0.767, tune12 0.823, tune13 0.817, tune14 0.789,
    # tune15 0.849; blind 0.798, blind2 0.693, blind3 0.681, blind4 0.710, blind5 0.736, blind6 0.781,
    # blind7 0.649, blind8 0.693, blind9 0.882, blind10 0.740, blind11 0.812, blind12 0.760, blind13 0.753)
    "real-dev": (REAL_ROOT / "kgraph-real", SHARED / "corpus" / "real" / "gold", 0.91),
    "real-tune": (REAL_ROOT / "kgraph-real2" / "tune", REPO / "tests" / "corpus_real" / "tune" / "gold", 0.94),
    "real-blind": (REAL_ROOT / "kgraph-real2" / "blind", REPO / "tests" / "corpus_real" / "blind" / "gold", 0.76),
    "real-tune2": (REAL_ROOT / "kgraph-real3" / "tune2", REPO / "tests" / "corpus_real" / "tune2" / "gold", 0.89),
    "real-tune3": (REAL_ROOT / "kgraph-real3" / "tune3", REPO / "tests" / "corpus_real" / "tune3" / "gold", 0.92),
    "real-blind2": (REAL_ROOT / "kgraph-real3" / "blind2", REPO / "tests" / "corpus_real" / "blind2" / "gold", 0.66),
    "real-blind3": (REAL_ROOT / "kgraph-real4" / "blind3", REPO / "tests" / "corpus_real" / "blind3" / "gold", 0.65),
    "real-tune4": (REAL_ROOT / "kgraph-real5" / "tune4", REPO / "tests" / "corpus_real" / "tune4" / "gold", 0.87),
    "real-tune5": (REAL_ROOT / "kgraph-real5" / "tune5", REPO / "tests" / "corpus_real" / "tune5" / "gold", 0.92),
    "real-tune6": (REAL_ROOT / "kgraph-real5" / "tune6", REPO / "tests" / "corpus_real" / "tune6" / "gold", 0.91),
    "real-blind4": (REAL_ROOT / "kgraph-real5" / "blind4", REPO / "tests" / "corpus_real" / "blind4" / "gold", 0.69),
    "real-tune7": (REAL_ROOT / "kgraph-real6" / "tune7", REPO / "tests" / "corpus_real" / "tune7" / "gold", 0.72),
    "real-blind5": (REAL_ROOT / "kgraph-real6" / "blind5", REPO / "tests" / "corpus_real" / "blind5" / "gold", 0.71),
    "real-tune8": (REAL_ROOT / "kgraph-real7" / "tune8", REPO / "tests" / "corpus_real" / "tune8" / "gold", 0.81),
    "real-blind6": (REAL_ROOT / "kgraph-real7" / "blind6", REPO / "tests" / "corpus_real" / "blind6" / "gold", 0.75),
    "real-tune9": (REAL_ROOT / "kgraph-real8" / "tune9", REPO / "tests" / "corpus_real" / "tune9" / "gold", 0.86),
    "real-blind7": (REAL_ROOT / "kgraph-real8" / "blind7", REPO / "tests" / "corpus_real" / "blind7" / "gold", 0.60),
    "real-tune10": (REAL_ROOT / "kgraph-real9" / "tune10", REPO / "tests" / "corpus_real" / "tune10" / "gold", 0.88),
    "real-blind8": (REAL_ROOT / "kgraph-real9" / "blind8", REPO / "tests" / "corpus_real" / "blind8" / "gold", 0.66),
    "real-tune11": (REAL_ROOT / "kgraph-real10" / "tune11", REPO / "tests" / "corpus_real" / "tune11" / "gold", 0.74),
    "real-blind9": (REAL_ROOT / "kgraph-real10" / "blind9", REPO / "tests" / "corpus_real" / "blind9" / "gold", 0.85),
    "real-tune12": (REAL_ROOT / "kgraph-real11" / "tune12", REPO / "tests" / "corpus_real" / "tune12" / "gold", 0.79),
    "real-blind10": (REAL_ROOT / "kgraph-real11" / "blind10", REPO / "tests" / "corpus_real" / "blind10" / "gold", 0.71),
    "real-tune13": (REAL_ROOT / "kgraph-real12" / "tune13", REPO / "tests" / "corpus_real" / "tune13" / "gold", 0.79),
    "real-blind11": (REAL_ROOT / "kgraph-real12" / "blind11", REPO / "tests" / "corpus_real" / "blind11" / "gold", 0.78),
    "real-tune14": (REAL_ROOT / "kgraph-real13" / "tune14", REPO / "tests" / "corpus_real" / "tune14" / "gold", 0.76),
    "real-blind12": (REAL_ROOT / "kgraph-real13" / "blind12", REPO / "tests" / "corpus_real" / "blind12" / "gold", 0.73),
    "real-tune15": (REAL_ROOT / "kgraph-real14" / "tune15", REPO / "tests" / "corpus_real" / "tune15" / "gold", 0.82),
    "real-blind13": (REAL_ROOT / "kgraph-real14" / "blind13", REPO / "tests" / "corpus_real" / "blind13" / "gold", 0.72),
}


def _real_texts_missing(corpus: Path, gold_dir: Path) -> str | None:
    """Why a real corpus cannot be scored here, or None when every text is as annotated."""
    import yaml

    for gold_path in sorted(gold_dir.glob("*.yaml")):
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        doc = corpus / "docs" / f"{gold['id']}.txt"
        if not doc.exists() or hashlib.sha256(doc.read_bytes()).hexdigest() != gold["text_sha256"]:
            return f"real texts not rebuilt at {corpus}/docs ({doc.name} missing or different)"
    return None


pytestmark = pytest.mark.skipif(not SCORER.exists(), reason=f"shared scorer not found at {SCORER}")


def _floor(name: str) -> float:
    return CORPORA[name][1] if name in CORPORA else REAL_CORPORA[name][2]


INPROCESS = REPO / "scripts" / "score_inprocess.py"
_SPAWN = threading.Lock()
CLI_CHECKED = "dev"  # scored both ways: through the contract's CLI call and in-process


def _prepare(name: str) -> Path:
    """The corpus folder to score, its gold linked in for a real set; skips when its texts are absent."""
    if name not in REAL_CORPORA:
        return CORPORA[name][0]
    corpus, gold_dir, _ = REAL_CORPORA[name]
    if reason := _real_texts_missing(corpus, gold_dir):
        pytest.skip(reason)
    link = corpus / "gold"
    if link.is_symlink() and link.resolve() != gold_dir.resolve():
        link.unlink()  # a link left to another checkout (dangling once it is gone): point it at this one
    if not link.exists():
        link.symlink_to(gold_dir)
    return corpus


def _score(corpus: Path, out: Path, cli: bool) -> tuple[dict, str]:
    """The shared scorer's figures for ``corpus``: with the contract's CLI call per document, or
    with the same command run in one process (scripts/score_inprocess.py, ~7x faster)."""
    command = [sys.executable, str(SCORER), "--cmd", f"{sys.executable} -m kgraph build {{doc}} -o {{out}}"] \
        if cli else [sys.executable, str(INPROCESS)]
    failures: list[str] = []
    for _attempt in range(2):
        with _SPAWN:  # one start at a time: concurrent starts from threads failed once with EFAULT in exec
            proc = subprocess.Popen([*command, "--corpus", str(corpus), "--json", str(out)], stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True, cwd=REPO)
        stdout, stderr = proc.communicate(timeout=1200)
        if proc.returncode == 0:
            if failures:  # a scorer process that died once (seen once, cause not reproduced): say so, keep the figures
                warnings.warn(f"scoring {corpus.name} failed once, then ran: {failures[0]}", stacklevel=1)
            return json.loads(out.read_text(encoding="utf-8")), stdout
        failures.append(stderr[-2000:])
    raise AssertionError("\n---\n".join(failures))


@pytest.fixture(scope="module")
def all_scored(tmp_path_factory: pytest.TempPathFactory) -> dict[str, concurrent.futures.Future]:
    """Every corpus whose texts are here, scored concurrently (one process per core)."""
    runs: dict[str, concurrent.futures.Future] = {}
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=max(1, min(4, os.cpu_count() or 1)))
    folder = tmp_path_factory.mktemp("scores")
    jobs = [(CLI_CHECKED + "/cli", True)] + [(name, False) for name in sorted(CORPORA) + sorted(REAL_CORPORA)]
    for key, cli in jobs:
        try:
            corpus = _prepare(key.split("/")[0])
        except pytest.skip.Exception as skipped:
            runs[key] = concurrent.futures.Future()
            runs[key].set_exception(skipped)
            continue
        runs[key] = pool.submit(_score, corpus, folder / f"{key.replace('/', '-')}.json", cli)
    yield runs
    pool.shutdown(wait=True, cancel_futures=True)


@pytest.fixture(scope="module", params=sorted(CORPORA) + sorted(REAL_CORPORA))
def scored(request: pytest.FixtureRequest, all_scored: dict) -> tuple[str, dict, str]:
    figures, stdout = all_scored[request.param].result()
    return request.param, figures, stdout


def test_in_process_scoring_gives_the_cli_figures(all_scored: dict) -> None:
    """The in-process run is only a faster way to make the same calls: every figure and every
    per-document difference equals the contract's CLI call's."""
    def comparable(figures: dict) -> list[dict]:
        return [{key: value for key, value in doc.items() if key != "seconds"} for doc in figures["documents"]]

    via_cli, _ = all_scored[CLI_CHECKED + "/cli"].result()
    in_process, _ = all_scored[CLI_CHECKED].result()
    assert via_cli["figures"] == in_process["figures"]
    assert comparable(via_cli) == comparable(in_process)


def test_corpora_are_complete():
    for name, (corpus, _) in CORPORA.items():
        docs = {p.stem for p in (corpus / "docs").glob("*.txt")}
        gold = {p.stem for p in (corpus / "gold").glob("*.yaml")}
        assert docs == gold and len(docs) >= 15, name
        assert {d.rsplit("_", 1)[1] for d in docs} == {"kk", "ru", "en"}, name


def test_no_document_fails(scored):
    _, figures, _ = scored
    assert figures["figures"]["errors"] == 0, [d for d in figures["documents"] if d["error"]]


def test_every_evidence_span_matches_its_quote(scored):
    _, figures, stdout = scored
    assert figures["figures"]["evidence"] == 1.0
    missing = re.search(r"(\d+) facts without evidence", stdout)
    assert missing and missing.group(1) == "0", stdout[-500:]


def test_no_gold_anchor_is_lost(scored):
    """A gold anchor that is not in its document would silently make a decision unscorable."""
    _, figures, _ = scored
    lost = [d for doc in figures["documents"] for d in doc["diffs"] if "gold anchor not in text" in d]
    assert lost == []


def test_overall_f1_above_floor(scored):
    name, figures, _ = scored
    assert figures["figures"]["overall"] >= _floor(name), json.dumps(figures["figures"], indent=1)


def test_dev_meets_issue_targets(scored):
    name, figures, _ = scored
    if name != "dev":
        pytest.skip("the issue's per-slot targets are set on the dev corpus")
    low = {slot: figures["figures"][slot] for slot, target in DEV_TARGETS.items() if figures["figures"][slot] < target}
    assert low == {}
