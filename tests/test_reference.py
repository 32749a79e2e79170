"""The reference data: contract slugs present, identifiers well-formed, names in all three languages,
bad data rejected with a one-line error naming the file and the entry, and the reference graph."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from rdflib import Literal

from kgraph.namespaces import CKG, ID, ORG, OWL, RDF, RDFS, REFERENCE_GRAPH, SCHEMA, SKOS, WD
from kgraph.paths import reference_dir
from kgraph.reference import (
    CONTRACT_BODIES,
    CONTRACT_TOPICS,
    LANGS,
    ReferenceDataError,
    load_reference,
    reference_graph,
)

POST_SOVIET = ["AM", "AZ", "BY", "EE", "GE", "KZ", "KG", "LV", "LT", "MD", "RU", "TJ", "TM", "UA", "UZ"]


@pytest.fixture(scope="module")
def ref():
    return load_reference()


@pytest.fixture(scope="module")
def graph(ref):
    return reference_graph(ref)


def test_contract_slugs_present(ref):
    assert set(CONTRACT_BODIES) <= set(ref.bodies)
    assert set(ref.topics) == set(CONTRACT_TOPICS)


def test_load_is_cached(ref):
    assert load_reference() is ref
    assert load_reference(reference_dir()) is ref


def test_states_cover_post_soviet_and_sco(ref):
    assert set(POST_SOVIET) <= set(ref.states)
    assert {"CN", "IN", "PK", "IR", "MN", "AF", "TR"} <= set(ref.states)
    assert ref.states["KZ"].qid == "Q232" and ref.states["RU"].qid == "Q159"
    assert "sco" in ref.states["IN"].memberships and "csto" in ref.states["KZ"].memberships


def test_qids_well_formed_and_unique(ref):
    for table in (ref.states, ref.cities):
        qids = [item.qid for item in table.values() if item.qid]
        assert all(re.fullmatch(r"Q[1-9]\d*", q) for q in qids)
        assert len(qids) == len(set(qids))
    assert sum(1 for c in ref.cities.values() if c.qid) >= 30


def test_every_state_and_city_named_in_each_language(ref):
    for item in [*ref.states.values(), *ref.cities.values(), *ref.bodies.values(), *ref.agencies.values()]:
        for lang in LANGS:
            assert item.names.get(lang), f"{item.key} has no {lang} name"


def test_kazakh_names_use_kazakh_letters(ref):
    assert ref.states["KZ"].label("kk") == "Қазақстан"
    assert ref.states["UZ"].label("kk") == "Өзбекстан"
    assert ref.states["AZ"].label("kk") == "Әзербайжан"
    assert "ТМД" in ref.bodies["cis"].abbreviations["kk"]


def test_bodies_have_parents_and_shared_cores(ref):
    assert ref.bodies["csto-council-of-defence-ministers"].parent == "csto"
    assert ref.bodies["sco-rats-executive-committee"].parent == "sco-rats"
    cis_core = set(ref.bodies["cis-council-of-defence-ministers"].core["ru"])
    csto_core = set(ref.bodies["csto-council-of-defence-ministers"].core["ru"])
    assert "Совет министров обороны" in cis_core & csto_core
    assert ref.bodies["cis-council-of-interior-ministers"].agency == "interior-ministry"


def test_cities_include_the_usual_hosts(ref):
    assert len(ref.cities) >= 45
    assert ref.cities["saint-petersburg"].qid == "Q656"
    assert ref.cities["astana"].label("en") == "Astana"
    assert "Нур-Султан" in ref.cities["astana"].names["ru"]
    assert ref.city_by_qid("Q9365").id == "dushanbe"


def test_graph_links_states_and_cities_to_wikidata(ref, graph):
    assert graph.identifier == REFERENCE_GRAPH
    for state in ref.states.values():
        node = ID[f"state/{state.code}"]
        assert (node, RDF.type, CKG.State) in graph
        assert (node, OWL.sameAs, WD[state.qid]) in graph
        assert (node, RDFS.label, Literal(state.label("en"), lang="en")) in graph
    for city in ref.cities.values():
        node = ID[f"place/{city.id}"]
        assert (node, RDF.type, CKG.City) in graph and (node, RDF.type, SCHEMA.City) in graph
        labels = list(graph.objects(node, RDFS.label))
        assert [lbl.language for lbl in labels] == ["en"]
        if city.qid:
            assert (node, OWL.sameAs, WD[city.qid]) in graph


def test_graph_bodies_topics_agency_types(graph):
    body = ID["body/cis-council-of-interior-ministers"]
    assert (body, ORG.subOrganizationOf, ID["body/cis"]) in graph
    assert (ID["body/cis"], CKG.abbreviation, Literal("СНГ", lang="ru")) in graph
    assert (ID["state/KZ"], ORG.memberOf, ID["body/csto"]) in graph
    topic = ID["topic/drug-trafficking"]
    assert (topic, RDF.type, SKOS.Concept) in graph
    assert (topic, SKOS.inScheme, ID["topic/scheme"]) in graph
    assert {lbl.language for lbl in graph.objects(topic, SKOS.prefLabel)} == set(LANGS)
    assert (ID["agency-type/border-service"], SKOS.inScheme, ID["agency-type/scheme"]) in graph


# ---------------------------------------------------------------- bad data


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "reference"
    shutil.copytree(reference_dir(), target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(("file", "old", "new", "expected"), [
    ("cities.yaml", "state: RU", "state: XX", r"cities\.yaml: entry 'moscow': unknown state 'XX'"),
    ("bodies.yaml", "parent: cis\n", "parent: nowhere\n", r"bodies\.yaml: entry '[a-z-]+': unknown parent 'nowhere'"),
    ("states.yaml", "code: AZ", "code: AM", r"states\.yaml: entry 'AM': duplicate code"),
    ("states.yaml", "qid: Q227", "qid: 227", r"states\.yaml: entry 'AZ': qid missing or malformed"),
    ("topics.yaml", "slug: road-safety", "slug: roads", r"topics\.yaml: contract slug\(s\) missing: road-safety"),
    ("cities.yaml", "kk: [Мәскеу]", "kk: []", r"cities\.yaml: entry 'moscow': names has no kk name"),
    ("bodies.yaml", "- slug: cis\n", "- slug: cis\n  : [", r"bodies\.yaml: invalid YAML"),
])
def test_bad_data_fails_with_one_line_naming_file_and_entry(tmp_path, file, old, new, expected):
    directory = _copy(tmp_path)
    _edit(directory / file, old, new)
    with pytest.raises(ReferenceDataError) as info:
        load_reference(directory)
    message = str(info.value)
    assert "\n" not in message
    assert re.search(expected, message), message
