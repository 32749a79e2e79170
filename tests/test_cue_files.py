"""Cue files: long cues are lists of alternatives; a repeated alternative or a bad wrap is refused."""

from __future__ import annotations

import re

import pytest

from kgraph.extract import cues as cue_module
from kgraph.extract.cues import _pattern_source, cues_for


def test_a_list_cue_compiles_to_its_alternatives_inside_the_wrap():
    source = _pattern_source("x.yaml", "decision", {"wrap": r"\b({})\b", "any": ["signed", "adopted"]})
    assert source == r"\b(signed|adopted)\b"
    pattern = re.compile(source)
    assert pattern.search("the ministers adopted a plan").group(0) == "adopted"
    assert pattern.search("unsigned") is None  # the wrap's word boundaries hold for every alternative


def test_a_list_cue_without_wrap_stands_at_the_top_level():
    assert _pattern_source("x.yaml", "c", {"any": ["a", "b"]}) == "a|b"


@pytest.mark.parametrize("value, problem", [
    ({"any": ["signed", "adopted", "signed"]}, "alternative given twice: 'signed'"),
    ({"any": []}, "non-empty list"),
    ({"any": ["a"], "wrap": r"\b(x)"}, "'wrap' must hold"),
])
def test_a_bad_list_cue_is_refused_naming_file_and_cue(value, problem):
    with pytest.raises(ValueError, match=re.escape(problem)) as err:
        _pattern_source("ontology/cues/xx.yaml", "decision", value)
    assert "ontology/cues/xx.yaml: pattern 'decision'" in str(err.value)


def test_every_language_file_loads_with_its_list_cues(tmp_path, monkeypatch):
    for lang in ("kk", "ru", "en"):
        patterns = cues_for(lang).patterns
        assert {"decision", "proposal", "side_event"} <= set(patterns)
    # a repeated alternative in a shipped-like file stops the load with the file's name
    (tmp_path / "en.yaml").write_text("decision:\n  any:\n    - inked\n    - inked\n", encoding="utf-8")
    monkeypatch.setattr(cue_module, "cues_dir", lambda: tmp_path)
    cues_for.cache_clear()
    try:
        with pytest.raises(ValueError, match=re.escape("en.yaml: pattern 'decision': alternative given twice")):
            cues_for("en")
    finally:
        cues_for.cache_clear()
