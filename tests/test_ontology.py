"""The ontology, the SHACL shapes and the JSON-LD context agree with CONTRACT.md and with the code."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import SH

from kgraph.namespaces import CKG, OWL, RDF, RDFS
from kgraph.paths import ontology_dir

CONTRACT_CLASSES = ["Meeting", "Decision", "Proposal", "Statistic", "Document"]
CONTRACT_PROPERTIES = [
    "heldBy", "participantState", "participantOrganization", "delegation", "ofState", "headedBy",
    "participantPerson", "adopted", "topic", "proposedAt", "proposedBy", "supportedBy", "reportedAt", "value",
    "indicator", "reportedBy", "period", "evidence",
]
ARCHITECTURE_TERMS = ["Body", "State", "Agency", "Person", "Delegation", "Topic", "City", "Indicator",
                      "sessionNumber", "chairedBy", "reportedIn", "agencyType", "isoCode", "abbreviation", "memberOf"]
PACKAGE = Path(__file__).resolve().parent.parent / "kgraph"


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_dir() / "kgraph.ttl", format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")


def _declared(graph: Graph) -> set[str]:
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual}
    return {str(s)[len(str(CKG)):] for kind in kinds for s in graph.subjects(RDF.type, kind)
            if str(s).startswith(str(CKG))}


def test_declares_contract_and_architecture_terms(ontology):
    declared = _declared(ontology)
    missing = [t for t in CONTRACT_CLASSES + CONTRACT_PROPERTIES + ARCHITECTURE_TERMS if t not in declared]
    assert not missing


def test_every_term_has_an_english_label_and_comment(ontology):
    for term in _declared(ontology):
        node = CKG[term]
        assert any(lbl.language == "en" for lbl in ontology.objects(node, RDFS.label)), term
        assert any(c.language == "en" for c in ontology.objects(node, RDFS.comment)), term


def test_classes_reuse_standard_vocabularies(ontology):
    supers = {str(o) for o in ontology.objects(CKG.Meeting, RDFS.subClassOf)}
    assert {"https://schema.org/Event", "http://www.w3.org/ns/prov#Activity"} <= supers
    assert (CKG.heldBy, RDFS.domain, CKG.Meeting) in ontology and (CKG.heldBy, RDFS.range, CKG.Body) in ontology


def test_every_ckg_term_the_code_uses_is_declared(ontology):
    used = set()
    for source in PACKAGE.rglob("*.py"):
        used |= set(re.findall(r"\bCKG\.([A-Za-z]\w*)", source.read_text(encoding="utf-8")))
    assert used, "the code uses no ckg: term?"
    assert not sorted(used - _declared(ontology))


def test_shapes_parse_and_use_declared_terms(ontology, shapes):
    targets = {str(t) for t in shapes.objects(None, SH.targetClass)}
    for cls in ["Meeting", "Decision", "Proposal", "Statistic", "Person", "Delegation", "Document", "State", "City"]:
        assert str(CKG[cls]) in targets
    declared = _declared(ontology)
    used = {str(o)[len(str(CKG)):] for o in shapes.objects(None, SH.path) if str(o).startswith(str(CKG))}
    used |= {t[len(str(CKG)):] for t in targets if t.startswith(str(CKG))}
    assert not sorted(used - declared)


def test_jsonld_context_terms_point_at_declared_terms(ontology):
    context = json.loads((ontology_dir() / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    assert context["ckg"] == str(CKG)
    declared = _declared(ontology)
    for term, definition in context.items():
        target = definition["@id"] if isinstance(definition, dict) else definition
        if target.startswith("ckg:"):
            assert target[4:] in declared, term
    assert context["heldBy"] == {"@id": "ckg:heldBy", "@type": "@id"}
