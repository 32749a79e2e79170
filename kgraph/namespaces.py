"""The RDF namespaces of ../shared/CONTRACT.md, defined once."""

from rdflib import Namespace
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

CKG = Namespace("https://w3id.org/ckg/ontology#")
ID = Namespace("https://w3id.org/ckg/id/")
SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
WD = Namespace("http://www.wikidata.org/entity/")
ORG = Namespace("http://www.w3.org/ns/org#")
QB = Namespace("http://purl.org/linked-data/cube#")

REFERENCE_GRAPH = ID["graph/reference"]

PREFIXES = {
    "ckg": CKG, "id": ID, "schema": SCHEMA, "oa": OA, "wd": WD, "org": ORG, "qb": QB,
    "owl": OWL, "rdf": RDF, "rdfs": RDFS, "skos": SKOS, "prov": PROV, "xsd": XSD,
}

SPARQL_PREFIXES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())

__all__ = ["CKG", "ID", "OA", "ORG", "OWL", "PREFIXES", "PROV", "QB", "RDF", "RDFS", "REFERENCE_GRAPH",
           "SCHEMA", "SKOS", "SPARQL_PREFIXES", "WD", "XSD"]
