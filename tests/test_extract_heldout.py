"""Regression guard on the held-out corpus (tests/corpus): documents nobody tuned the rules on.

Runs the shared quality scorer (../shared/eval/score.py, which calls ``kgraph build`` per document)
and checks that every evidence span quotes the file exactly, that no document fails, and that overall
F1 stays above a floor a little below the figure measured when the corpus was written (0.909), so that
a rule change that helps the dev corpus but hurts unseen phrasing is noticed.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"
CORPUS = REPO / "tests" / "corpus"
OVERALL_FLOOR = 0.88

pytestmark = pytest.mark.skipif(not SCORER.exists(), reason=f"shared scorer not found at {SCORER}")


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, str]:
    out = tmp_path_factory.mktemp("heldout") / "scores.json"
    cmd = f"{sys.executable} -m kgraph build {{doc}} -o {{out}}"
    proc = subprocess.run([sys.executable, str(SCORER), "--corpus", str(CORPUS), "--json", str(out), "--cmd", cmd],
                          capture_output=True, text=True, timeout=600, cwd=REPO)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(out.read_text(encoding="utf-8")), proc.stdout


def test_corpus_is_complete():
    docs = {p.stem for p in (CORPUS / "docs").glob("*.txt")}
    gold = {p.stem for p in (CORPUS / "gold").glob("*.yaml")}
    assert docs == gold and len(docs) >= 18
    assert {d.rsplit("_", 1)[1] for d in docs} == {"kk", "ru", "en"}


def test_no_document_fails(scored):
    figures, _ = scored
    assert figures["figures"]["errors"] == 0, [d for d in figures["documents"] if d["error"]]


def test_every_evidence_span_matches_its_quote(scored):
    figures, stdout = scored
    assert figures["figures"]["evidence"] == 1.0
    missing = re.search(r"(\d+) facts without evidence", stdout)
    assert missing and missing.group(1) == "0", stdout[-500:]


def test_no_gold_anchor_is_lost(scored):
    """A gold anchor that is not in its document would silently make a decision unscorable."""
    figures, _ = scored
    lost = [d for doc in figures["documents"] for d in doc["diffs"] if "gold anchor not in text" in d]
    assert lost == []


def test_overall_f1_above_floor(scored):
    figures, _ = scored
    overall = figures["figures"]["overall"]
    assert overall >= OVERALL_FLOOR, json.dumps(figures["figures"], indent=1)
