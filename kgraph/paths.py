"""Where the ontology, reference data and query library live.

An installed wheel carries them under ``kgraph/_data``; a source checkout (editable install, tests)
has them at the repository root. One function answers for both so nothing else guesses paths.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """The folder ``name`` (``ontology`` or ``queries``), installed copy first."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"kgraph data folder {name!r} not found beside the package")


def ontology_dir() -> Path:
    return data_dir("ontology")


def reference_dir() -> Path:
    return ontology_dir() / "reference"


def cues_dir() -> Path:
    return ontology_dir() / "cues"


def queries_dir() -> Path:
    return data_dir("queries")


class _UniqueKeyLoader(yaml.SafeLoader):
    """PyYAML keeps the last of two equal keys silently; in data files (cues, lexicons, reference)
    a repeated key is always a mistake that shadows an entry, so it is an error naming the line."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {key!r} appears twice", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def read_yaml_mapping(path: Path, what: str) -> dict[str, Any]:
    """A YAML data file whose top level is a mapping; a bad file (unreadable, not a mapping, a key
    given twice) is one line naming it."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)  # a SafeLoader
    except yaml.MarkedYAMLError as exc:
        line = f" line {exc.problem_mark.line + 1}" if exc.problem_mark else ""
        raise ValueError(f"{path}:{line}: cannot read {what}: {exc.problem or exc.context}") from None
    except (OSError, yaml.YAMLError) as exc:
        raise ValueError(f"{path}: cannot read {what}: {exc}") from None
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping at the top level")
    return data
