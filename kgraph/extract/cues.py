"""Cue patterns per language, read from ``ontology/cues/<lang>.yaml`` and compiled once."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from kgraph.morph import known
from kgraph.paths import cues_dir, read_yaml_mapping


@dataclass(frozen=True)
class Cues:
    lang: str
    patterns: dict[str, re.Pattern[str]]
    units: dict[str, str]

    def search(self, name: str, text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        pattern = self.patterns.get(name)
        if pattern is None:
            return None
        return pattern.search(text, start, len(text) if end is None else end)

    def finditer(self, name: str, text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
        pattern = self.patterns.get(name)
        if pattern is None:
            return
        for m in pattern.finditer(text, start, len(text) if end is None else end):
            yield m.start(), m.end()

    def match_at(self, name: str, text: str, start: int, end: int | None = None) -> re.Match[str] | None:
        pattern = self.patterns.get(name)
        return pattern.match(text, start, len(text) if end is None else end) if pattern else None

    def fullmatch(self, name: str, text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` is exactly what the cue describes (a gap between two names)."""
        pattern = self.patterns.get(name)
        return bool(pattern and pattern.fullmatch(text, start, end))


@cache
def cues_for(lang: str) -> Cues:
    path = cues_dir() / f"{known(lang)}.yaml"
    data = read_yaml_mapping(path, "cue patterns")
    patterns = {}
    for name, value in data.items():
        source = _pattern_source(path, name, value)
        if source is None:
            continue
        try:
            patterns[name] = re.compile(source)
        except re.error as exc:
            raise ValueError(f"{path}: pattern {name!r} does not compile ({exc})") from exc
    return Cues(lang, patterns, dict(data.get("units") or {}))


def _pattern_source(path: object, name: str, value: object) -> str | None:
    """A cue is a regex string, or, for the long ones, a list of alternatives written one per line
    (``any:``) inside an optional ``wrap`` ("\\b({})": the alternatives, joined by "|", replace the
    braces; without a wrap they stand at the top level). Lists keep the cue files readable and
    reviewable: an alternative given twice is an error, not a silent duplicate (several rounds of
    additions had left half of the decision and proposal alternatives repeated)."""
    if isinstance(value, str):
        return value
    if not isinstance(value, dict) or "any" not in value:
        return None  # other data in the cue file (units, …)
    alternatives = value["any"]
    wrap = value.get("wrap", "{}")
    if not isinstance(alternatives, list) or not alternatives or not all(isinstance(a, str) for a in alternatives):
        raise ValueError(f"{path}: pattern {name!r}: 'any' must be a non-empty list of strings")
    if not isinstance(wrap, str) or wrap.count("{}") != 1:
        raise ValueError(f"{path}: pattern {name!r}: 'wrap' must hold '{{}}' once")
    repeated = sorted({a for a in alternatives if alternatives.count(a) > 1})
    if repeated:
        raise ValueError(f"{path}: pattern {name!r}: alternative given twice: {repeated[0]!r}")
    return wrap.replace("{}", "|".join(alternatives))
