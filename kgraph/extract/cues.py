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


@cache
def cues_for(lang: str) -> Cues:
    path = cues_dir() / f"{known(lang)}.yaml"
    data = read_yaml_mapping(path, "cue patterns")
    patterns = {}
    for name, value in data.items():
        if isinstance(value, str):
            try:
                patterns[name] = re.compile(value)
            except re.error as exc:
                raise ValueError(f"{path}: pattern {name!r} does not compile ({exc})") from exc
    return Cues(lang, patterns, dict(data.get("units") or {}))
