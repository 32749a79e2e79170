"""What `kgraph serve` says about itself and about the graph's IRIs.

* the SPARQL 1.1 Service Description of the endpoint, with a VoID description of its dataset
  (counts, vocabularies, licence when one is given);
* descriptions of the w3id IRIs (``https://w3id.org/ckg/id/…`` served at ``/id/…``, the ontology
  at ``/ontology``) as RDF (Turtle, JSON-LD, N-Triples, RDF/XML) or an HTML page whose every text
  is escaped (the texts come from news articles).
"""

from __future__ import annotations

import html
from functools import lru_cache

import pyoxigraph as ox

from kgraph.namespaces import PREFIXES

SD = "http://www.w3.org/ns/sparql-service-description#"
VOID = "http://rdfs.org/ns/void#"
FORMATS = "http://www.w3.org/ns/formats/"
DCTERMS = "http://purl.org/dc/terms/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ID_BASE = "https://w3id.org/ckg/id/"
ONTOLOGY_IRI = "https://w3id.org/ckg/ontology"
RESULT_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                  "Turtle", "N-Triples", "JSON-LD", "RDF_XML")
VOCABULARIES = ("ckg", "schema", "oa", "org", "skos", "prov", "qb", "rdfs", "owl")
DOC_PREFIXES = {**{p: str(ns) for p, ns in PREFIXES.items() if p != "id"},
                "sd": SD, "void": VOID, "formats": FORMATS, "dcterms": DCTERMS}


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _int(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=_n("http://www.w3.org/2001/XMLSchema#integer"))


def service_description(endpoint: str, counts: dict[str, int], license_iri: str | None = None) -> list[ox.Triple]:
    """The endpoint's SPARQL 1.1 Service Description and the VoID description of its dataset."""
    service, dataset, default = _n(endpoint), _n(endpoint + "#dataset"), _n(endpoint + "#default-graph")
    t = [
        ox.Triple(service, RDF_TYPE, _n(SD + "Service")),
        ox.Triple(service, _n(SD + "endpoint"), service),
        ox.Triple(service, _n(SD + "supportedLanguage"), _n(SD + "SPARQL11Query")),
        ox.Triple(service, _n(SD + "feature"), _n(SD + "UnionDefaultGraph")),
        ox.Triple(service, _n(SD + "defaultEntailmentRegime"), _n("http://www.w3.org/ns/entailment/Simple")),
        ox.Triple(service, _n(SD + "defaultDataset"), dataset),
        *(ox.Triple(service, _n(SD + "resultFormat"), _n(FORMATS + f)) for f in RESULT_FORMATS),
        ox.Triple(dataset, RDF_TYPE, _n(SD + "Dataset")),
        ox.Triple(dataset, RDF_TYPE, _n(VOID + "Dataset")),
        ox.Triple(dataset, _n(DCTERMS + "title"),
                  ox.Literal("Security cooperation among the CIS states: meetings from kk/ru/en news", language="en")),
        ox.Triple(dataset, _n(DCTERMS + "description"), ox.Literal(
            "One named graph per news document, the reference graph (states, bodies, places, topics) and the summary "
            "graph (whole-corpus counts); the default graph is the union of all graphs.", language="en")),
        ox.Triple(dataset, _n(VOID + "sparqlEndpoint"), service),
        ox.Triple(dataset, _n(VOID + "uriSpace"), ox.Literal(ID_BASE)),
        *(ox.Triple(dataset, _n(VOID + "vocabulary"), _n(str(PREFIXES[p]))) for p in VOCABULARIES),
        ox.Triple(dataset, _n(SD + "defaultGraph"), default),
        ox.Triple(default, RDF_TYPE, _n(SD + "Graph")),
    ]
    if license_iri:
        t.append(ox.Triple(dataset, _n(DCTERMS + "license"), _n(license_iri)))
    if "triples" in counts:
        t.append(ox.Triple(dataset, _n(VOID + "triples"), _int(counts["triples"])))
        t.append(ox.Triple(default, _n(VOID + "triples"), _int(counts["triples"])))
    if "documents" in counts:
        t.append(ox.Triple(dataset, _n(VOID + "documents"), _int(counts["documents"])))
    for key in ("documents", "meetings"):
        if key in counts:
            t.append(ox.Triple(dataset, _n(str(PREFIXES["ckg"]) + key), _int(counts[key])))
    for name in ("reference", "summary"):
        node = _n(endpoint + f"#graph-{name}")
        t += [ox.Triple(dataset, _n(SD + "namedGraph"), node), ox.Triple(node, RDF_TYPE, _n(SD + "NamedGraph")),
              ox.Triple(node, _n(SD + "name"), _n(ID_BASE + f"graph/{name}"))]
    return t


def serialise(triples: list[ox.Triple], fmt: str) -> bytes:
    """Triples as TURTLE, N_TRIPLES, JSON_LD or RDF_XML (pyoxigraph's writers)."""
    rdf_format = getattr(ox.RdfFormat, fmt)
    prefixes = DOC_PREFIXES if fmt in ("TURTLE", "RDF_XML") else None
    return ox.serialize(triples, format=rdf_format, prefixes=prefixes) or b""


def describe_query(iri: str) -> str:
    """The triples about ``iri`` (checked by the caller: an absolute IRI, no <>) and the labels of
    the things they name."""
    return (f"CONSTRUCT {{ <{iri}> ?p ?o . ?o <{RDFS_LABEL}> ?label }} "
            f"WHERE {{ <{iri}> ?p ?o OPTIONAL {{ ?o <{RDFS_LABEL}> ?label }} }}")


def parse_ntriples(data: bytes) -> list[ox.Triple]:
    """N-Triples as a list of triples, each once, in their order."""
    return list(dict.fromkeys(ox.parse(data, format=ox.RdfFormat.N_TRIPLES)))


@lru_cache(maxsize=1)
def _ontology() -> tuple[ox.Triple, ...]:
    from kgraph.paths import ontology_dir

    return tuple(ox.parse(path=str(ontology_dir() / "kgraph.ttl"), format=ox.RdfFormat.TURTLE))


def ontology_triples() -> list[ox.Triple]:
    return list(_ontology())


# -- HTML ----------------------------------------------------------------------------------------
def _short(iri: str) -> str:
    best = ""
    for prefix, ns in DOC_PREFIXES.items():
        if iri.startswith(ns) and len(ns) > len(DOC_PREFIXES.get(best, "")):
            best = prefix
    if iri.startswith(ID_BASE) and len(ID_BASE) > len(DOC_PREFIXES.get(best, "")):
        return "id:" + iri[len(ID_BASE):]
    return f"{best}:{iri[len(DOC_PREFIXES[best]):]}" if best else iri


def _href(iri: str) -> str:
    """A link that stays on this server for the graph's own IRIs."""
    if iri.startswith(ID_BASE):
        return "/id/" + iri[len(ID_BASE):]
    if iri == ONTOLOGY_IRI or iri.startswith(ONTOLOGY_IRI + "#"):
        return "/ontology" + iri[len(ONTOLOGY_IRI):]
    return iri


def _term(term: object, labels: dict[str, str] | None = None) -> str:
    if isinstance(term, ox.NamedNode):
        href = _href(term.value)
        safe = href.startswith(("/", "http://", "https://"))
        label = (labels or {}).get(term.value)
        text = html.escape(f"{label} ({_short(term.value)})" if label else _short(term.value))
        return f'<a href="{html.escape(href, quote=True)}">{text}</a>' if safe else text
    if isinstance(term, ox.Literal):
        text = html.escape(term.value)
        if term.language:
            return f'{text} <small>@{html.escape(term.language)}</small>'
        return text
    return html.escape(str(term))


def html_page(iri: str, triples: list[ox.Triple], ontology: bool = False) -> str:
    """A page listing the triples of ``iri`` (for the ontology: of each term), every text escaped."""
    subjects: dict[str, list[ox.Triple]] = {}
    for t in triples:
        subjects.setdefault(t.subject.value if isinstance(t.subject, ox.NamedNode) else str(t.subject), []).append(t)
    order = [iri, *sorted(s for s in subjects if s != iri)] if ontology else [iri]
    labels = {t.subject.value: t.object.value for t in reversed(triples)
              if t.predicate.value == RDFS_LABEL and isinstance(t.object, ox.Literal)
              and t.object.language in (None, "", "en")}
    sections = []
    for subject in order:
        rows = "".join(f"<tr><td>{_term(t.predicate)}</td><td>{_term(t.object, labels)}</td></tr>"
                       for t in subjects.get(subject, []))
        anchor = subject.split("#", 1)[1] if ontology and "#" in subject else ""
        sections.append(f'<section id="{html.escape(anchor, quote=True)}"><h2>{html.escape(_short(subject))}</h2>'
                        f"<table>{rows}</table></section>")
    title = html.escape(_short(iri))
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{title}</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.4}}
td{{vertical-align:top;padding:.2em .6em}}</style></head>
<body><h1>{title}</h1><p><code>{html.escape(iri)}</code>; also as Turtle, JSON-LD, N-Triples
and RDF/XML (ask with <code>Accept</code>).</p>
{"".join(sections)}</body></html>"""


__all__ = ["describe_query", "html_page", "ontology_triples", "parse_ntriples", "serialise", "service_description"]
