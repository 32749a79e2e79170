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

import hashlib
import json
import os
import re
import subprocess
import sys
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
    # floors a little below the figures measured when the work was submitted (3 Dec 2026, round 5: real
    # 0.936, tune 0.975, tune2 0.935, tune3 0.932, tune4 0.903, tune5 0.953, tune6 0.781; blind 0.790,
    # blind2 0.744, blind3 0.740, blind4 0.535)
    "real-dev": (REAL_ROOT / "kgraph-real", SHARED / "corpus" / "real" / "gold", 0.91),
    "real-tune": (REAL_ROOT / "kgraph-real2" / "tune", REPO / "tests" / "corpus_real" / "tune" / "gold", 0.94),
    "real-blind": (REAL_ROOT / "kgraph-real2" / "blind", REPO / "tests" / "corpus_real" / "blind" / "gold", 0.75),
    "real-tune2": (REAL_ROOT / "kgraph-real3" / "tune2", REPO / "tests" / "corpus_real" / "tune2" / "gold", 0.89),
    "real-tune3": (REAL_ROOT / "kgraph-real3" / "tune3", REPO / "tests" / "corpus_real" / "tune3" / "gold", 0.89),
    "real-blind2": (REAL_ROOT / "kgraph-real3" / "blind2", REPO / "tests" / "corpus_real" / "blind2" / "gold", 0.70),
    "real-blind3": (REAL_ROOT / "kgraph-real4" / "blind3", REPO / "tests" / "corpus_real" / "blind3" / "gold", 0.70),
    "real-tune4": (REAL_ROOT / "kgraph-real5" / "tune4", REPO / "tests" / "corpus_real" / "tune4" / "gold", 0.87),
    "real-tune5": (REAL_ROOT / "kgraph-real5" / "tune5", REPO / "tests" / "corpus_real" / "tune5" / "gold", 0.92),
    "real-tune6": (REAL_ROOT / "kgraph-real5" / "tune6", REPO / "tests" / "corpus_real" / "tune6" / "gold", 0.75),
    "real-blind4": (REAL_ROOT / "kgraph-real5" / "blind4", REPO / "tests" / "corpus_real" / "blind4" / "gold", 0.50),
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


@pytest.fixture(scope="module", params=sorted(CORPORA) + sorted(REAL_CORPORA))
def scored(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict, str]:
    if request.param in REAL_CORPORA:
        corpus, gold_dir, _ = REAL_CORPORA[request.param]
        if reason := _real_texts_missing(corpus, gold_dir):
            pytest.skip(reason)
        link = corpus / "gold"
        if link.is_symlink() and link.resolve() != gold_dir.resolve():
            link.unlink()  # a link left to another checkout (dangling once it is gone): point it at this one
        if not link.exists():
            link.symlink_to(gold_dir)
    else:
        corpus, _ = CORPORA[request.param]
    out = tmp_path_factory.mktemp(request.param) / "scores.json"
    cmd = f"{sys.executable} -m kgraph build {{doc}} -o {{out}}"
    proc = subprocess.run([sys.executable, str(SCORER), "--corpus", str(corpus), "--json", str(out), "--cmd", cmd],
                          capture_output=True, text=True, timeout=900, cwd=REPO)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return request.param, json.loads(out.read_text(encoding="utf-8")), proc.stdout


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
