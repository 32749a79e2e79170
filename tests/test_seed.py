"""The seed document (issue 2): every fact the foundation promises, read back from the built RDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset

from kgraph.build import build
from kgraph.namespaces import SPARQL_PREFIXES

SEED = next((Path(__file__).resolve().parents[1] / "seeds").glob("000_*.txt"))


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    out = tmp_path_factory.mktemp("seed") / "seed.trig"
    report = build([SEED], out=out)
    assert report.documents == 1 and not report.errors
    ds = Dataset(default_union=True)
    ds.parse(out, format="trig")
    return ds


def select(ds: Dataset, query: str) -> list:
    return list(ds.query(SPARQL_PREFIXES + query))


def test_one_session_of_the_interior_ministers_council_in_saint_petersburg(graph: Dataset) -> None:
    rows = select(graph, """SELECT ?m ?q WHERE { ?m a ckg:Meeting ; ckg:heldBy <https://w3id.org/ckg/id/body/cis-council-of-interior-ministers> ;
                             schema:location ?p . ?p owl:sameAs ?q }""")
    assert [str(r.q) for r in rows] == ["http://www.wikidata.org/entity/Q656"]
    assert not select(graph, "SELECT ?d WHERE { ?m a ckg:Meeting ; schema:startDate ?d }")  # the text gives no day


def test_eight_states_each_with_its_interior_ministry(graph: Dataset) -> None:
    states = {str(r.s).rsplit("/", 1)[1] for r in select(graph, "SELECT ?s WHERE { ?m ckg:participantState ?s }")}
    assert states == {"AM", "BY", "KZ", "KG", "RU", "TJ", "TM", "UZ"}
    agencies = select(graph, """SELECT ?s WHERE { ?m ckg:participantOrganization ?a . ?a a ckg:Agency ;
                               ckg:agencyType <https://w3id.org/ckg/id/agency-type/interior-ministry> ; ckg:ofState ?s }""")
    assert {str(r.s).rsplit("/", 1)[1] for r in agencies} == states
    bodies = select(graph, "SELECT ?b WHERE { ?m ckg:participantOrganization ?b . ?b a ckg:Body }")
    assert {str(r.b).rsplit("/", 1)[1] for r in bodies} == {
        "cis-executive-committee", "cis-bkbop", "cis-anti-terrorism-center"}


def test_sadenov_heads_kazakhstans_delegation_with_his_title(graph: Dataset) -> None:
    rows = select(graph, """SELECT ?n ?t WHERE { ?m ckg:delegation ?d . ?d ckg:ofState <https://w3id.org/ckg/id/state/KZ> ;
                            ckg:headedBy ?p . ?p schema:name ?n ; schema:jobTitle ?t }""")
    assert [(str(r.n), str(r.t)) for r in rows] == [("Ержан Саденов", "Ішкі істер министрі")]


def test_two_decisions_and_two_proposals_one_supported_by_the_council(graph: Dataset) -> None:
    assert len(select(graph, "SELECT ?d WHERE { ?m ckg:adopted ?d . ?d a ckg:Decision ; ckg:topic ?t }")) >= 2
    decisions = select(graph, "SELECT DISTINCT ?d WHERE { ?m ckg:adopted ?d }")
    assert len(decisions) == 2
    proposals = select(graph, """SELECT ?p ?s WHERE { ?p a ckg:Proposal ; ckg:proposedAt ?m ;
                                 ckg:proposedBy <https://w3id.org/ckg/id/state/KZ> OPTIONAL { ?p ckg:supportedBy ?s } }""")
    assert len(proposals) == 2
    assert [str(r.s).rsplit("/", 1)[1] for r in proposals if r.s] == ["cis-council-of-interior-ministers"]


def test_four_figures_reported_by_kazakhstan_one_written_as_a_word(graph: Dataset) -> None:
    rows = select(graph, """SELECT ?v ?i WHERE { ?s a ckg:Statistic ; ckg:reportedAt ?m ; ckg:value ?v ;
                            ckg:indicator ?i ; ckg:reportedBy <https://w3id.org/ckg/id/state/KZ> }""")
    assert sorted(int(r.v) for r in rows) == [3, 13, 119, 374]


def test_topics_and_evidence_on_every_fact(graph: Dataset) -> None:
    topics = {str(r.t).rsplit("/", 1)[1] for r in select(graph, "SELECT ?t WHERE { ?m a ckg:Meeting ; ckg:topic ?t }")}
    assert {"drug-trafficking", "illegal-migration", "road-safety", "forensics"} <= topics
    text = SEED.read_text(encoding="utf-8")
    spans = select(graph, """SELECT ?s ?e ?q WHERE { ?x ckg:evidence ?ev . ?ev oa:hasSelector ?a, ?b .
                             ?a oa:start ?s ; oa:end ?e . ?b oa:exact ?q }""")
    assert spans and all(text[int(r.s):int(r.e)] == str(r.q) for r in spans)
    bare = select(graph, """SELECT ?x WHERE { { ?x a ckg:Meeting } UNION { ?x a ckg:Decision } UNION
                            { ?x a ckg:Proposal } UNION { ?x a ckg:Statistic } UNION { ?m ckg:participantPerson ?x }
                            FILTER NOT EXISTS { ?x ckg:evidence ?ev } }""")
    assert bare == []
