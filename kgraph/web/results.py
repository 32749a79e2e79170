"""Small readers of SPARQL JSON results: rows as plain values, and the one label to show for a
resource among the labels the graph gives it in several languages."""

from __future__ import annotations

import re
from typing import Any

LABEL_LANGUAGES = ("en", "ru", "kk", "")  # the order a label is preferred in when several exist


def rows(result: dict[str, Any]) -> list[dict[str, dict[str, str]]]:
    """The bindings of a SELECT result (cells with type, value and language)."""
    return list(result.get("results", {}).get("bindings", []))


def value(row: dict[str, dict[str, str]], name: str) -> str | None:
    cell = row.get(name)
    return cell["value"] if cell else None


def local_name(iri: str) -> str:
    """The last segment of an IRI: the fallback label of a resource with none."""
    return re.split(r"[/#]", iri.rstrip("/"))[-1] or iri


class Labels:
    """The best label seen for each resource: English first, then Russian, Kazakh, untagged."""

    def __init__(self) -> None:
        self._best: dict[str, tuple[int, str]] = {}

    def add(self, iri: str | None, cell: dict[str, str] | None) -> None:
        if not iri or not cell:
            return
        lang = cell.get("xml:lang", "")
        rank = LABEL_LANGUAGES.index(lang) if lang in LABEL_LANGUAGES else len(LABEL_LANGUAGES)
        current = self._best.get(iri)
        if current is None or rank < current[0]:
            self._best[iri] = (rank, cell["value"])

    def get(self, iri: str) -> str:
        best = self._best.get(iri)
        return best[1] if best else local_name(iri)

    def known(self) -> dict[str, str]:
        return {iri: label for iri, (_, label) in self._best.items()}


def words(name: str) -> str:
    """A property's local name in words (participantState → participant state), for headings."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", local_name(name)).lower()
