"""SHACL validation of kgraph output files against ``ontology/shapes.ttl``.

The union of all graphs of the file is validated (facts of a document may point at reference
resources kept in the reference graph), without inference: the shapes target explicit
``rdf:type``s, so validation needs no ontology and stays fast. Warnings (expected but optional
data, such as a city without a Wikidata link) are reported but do not make a file fail.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from kgraph.namespaces import PREFIXES
from kgraph.paths import ontology_dir

# extension → (fast oxrdflib parser, rdflib's own parser as fallback)
_PARSERS = {
    ".trig": ("ox-trig", "trig"),
    ".nq": ("ox-nquads", "nquads"),
    ".ttl": ("ox-turtle", "turtle"),
    ".nt": ("ox-ntriples", "nt"),
    ".jsonld": (None, "json-ld"),
}


class ValidationInputError(ValueError):
    """The file cannot be validated (missing, unknown format, not parseable); one line naming it."""


@dataclass(frozen=True)
class Finding:
    severity: str  # "Violation", "Warning" or "Info"
    focus: str
    path: str
    message: str
    value: str = ""

    def line(self) -> str:
        value = f" (value {self.value})" if self.value else ""
        return f"{self.severity}: {self.focus} {self.path}: {self.message}{value}"


@dataclass
class ValidationReport:
    path: Path
    triples: int
    findings: list[Finding] = field(default_factory=list)

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "Violation"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity != "Violation"]

    @property
    def conforms(self) -> bool:
        return not self.violations

    def lines(self, warnings: bool = False) -> list[str]:
        """One readable line per finding (violations first), for the CLI and logs."""
        chosen = self.violations + (self.warnings if warnings else [])
        return [f.line() for f in chosen]

    def summary(self) -> str:
        verdict = "conforms" if self.conforms else f"{len(self.violations)} violation(s)"
        return f"{self.path}: {verdict}, {len(self.warnings)} warning(s), {self.triples} triples"


@cache
def shapes_graph() -> Graph:
    """The project's SHACL shapes, parsed once."""
    return Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")


def load_union(path: Path) -> Graph:
    """All triples of all graphs of an RDF file, as one rdflib Graph."""
    path = Path(path)
    parsers = _PARSERS.get(path.suffix.lower())
    if parsers is None:
        raise ValidationInputError(f"{path}: unknown RDF format {path.suffix or '(no extension)'!r}; "
                                   f"use one of {', '.join(_PARSERS)}")
    if not path.is_file():
        raise ValidationInputError(f"{path}: no such file" if not path.exists() else f"{path}: not a file")
    dataset = _parse(path, parsers)
    union = Graph()
    for prefix, namespace in PREFIXES.items():
        union.bind(prefix, namespace)
    for s, p, o, _graph in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def _parse(path: Path, parsers: tuple[str | None, str]) -> Dataset:
    fast, fallback = parsers
    last_error: Exception | None = None  # the first parser's error
    for fmt in (fast, fallback):
        if fmt is None:
            continue
        dataset = Dataset()
        try:
            dataset.parse(path, format=fmt)
            return dataset
        except PermissionError as exc:
            raise ValidationInputError(f"{path}: cannot read ({exc.strerror})") from None
        except Exception as exc:  # parsers raise many types; a plugin may also be missing
            last_error = last_error or exc  # the fast parser's message is the more precise
    detail = " ".join(str(last_error).split())[:200] if last_error else "unknown error"
    raise ValidationInputError(f"{path}: not valid {path.suffix[1:]} ({detail})")


def validate_graph(graph: Graph, path: Path | str = "<graph>") -> ValidationReport:
    """Validate an in-memory graph against the shapes."""
    from pyshacl import validate

    _conforms, results, _text = validate(graph, shacl_graph=shapes_graph(), inference="none",
                                         allow_warnings=True, advanced=True)
    report = ValidationReport(Path(path), len(graph))
    names = _Names(results)
    for result in results.subjects(SH.resultSeverity, None):
        severity = results.value(result, SH.resultSeverity)
        report.findings.append(Finding(
            severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
            focus=names(results.value(result, SH.focusNode)),
            path=names(results.value(result, SH.resultPath)),
            message=str(results.value(result, SH.resultMessage) or _component(results.value(
                result, SH.sourceConstraintComponent))),
            value=names(results.value(result, SH.value)),
        ))
    report.findings.sort(key=lambda f: (f.severity != "Violation", f.focus, f.path, f.message))
    return report


def validate_file(path: Path | str) -> ValidationReport:
    """Validate an output file (.trig .nq .ttl .nt .jsonld); raises ValidationInputError if unreadable."""
    path = Path(path)
    return validate_graph(load_union(path), path)


def _component(node: Node | None) -> str:
    return str(node).rsplit("#", 1)[-1].replace("ConstraintComponent", " constraint") if node else "constraint"


class _Names:
    """Short names (``id:meeting/…``, ``ckg:heldBy``, ``^ckg:adopted``) for readable report lines."""

    def __init__(self, results: Graph) -> None:
        self.results = results
        self.namespaces = Graph().namespace_manager
        for prefix, namespace in PREFIXES.items():
            self.namespaces.bind(prefix, namespace, override=True)
        self.prefixes = sorted(((str(ns), p) for p, ns in PREFIXES.items()), key=lambda pair: -len(pair[0]))

    def __call__(self, node: Node | None) -> str:
        if node is None:
            return ""
        if isinstance(node, URIRef):
            text = str(node)
            for namespace, prefix in self.prefixes:
                if text.startswith(namespace):
                    return f"{prefix}:{text[len(namespace):]}"
            return f"<{text}>"
        inverse = self.results.value(node, SH.inversePath)
        if inverse is not None:
            return "^" + self(inverse)
        if isinstance(node, Literal):
            rendered = node.n3(self.namespaces)
            return rendered if len(rendered) <= 80 else rendered[:77] + "…"
        return "[]"  # a blank node: its identifier means nothing to a reader


__all__ = ["Finding", "ValidationInputError", "ValidationReport", "load_union", "shapes_graph", "validate_file",
           "validate_graph"]
