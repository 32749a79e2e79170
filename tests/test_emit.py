"""The emitter: facts → triples, with deterministic IRIs, no blank nodes, and evidence that quotes."""

from __future__ import annotations

import datetime as dt

import pyoxigraph as ox

from kgraph.document import from_text
from kgraph.emit import document_triples, graph_iri, meeting_key, slug
from kgraph.model import Decision, Delegation, DocumentFacts, Meeting, Person, Proposal, Span, Statistic

CKG = "https://w3id.org/ckg/ontology#"
TEXT = "date 2024-05-17 Minsk\nThe CIS defence ministers met in Minsk. Viktor Khrenin led Belarus. 12 plans were approved."


def facts_for(text: str = TEXT) -> tuple:
    doc = from_text(text, "t.txt")
    person = Person("Viktor Khrenin", "en", [Span(text.index("Viktor"), text.index("Viktor") + 14)],
                    role="Defence Minister", state="BY")
    sentence = Span(text.index("12 plans"), text.index("approved") + 8)
    meeting = Meeting(spans=[Span(text.index("CIS"), text.index("ministers") + 9)],
                      body="cis-council-of-defence-ministers", start=dt.date(2024, 5, 17), place="minsk",
                      states=["BY", "RU"], persons=[person], delegations=[Delegation("BY", person, person.spans)],
                      decisions=[Decision("12 plans were approved", [sentence], ["military-cooperation"])],
                      proposals=[Proposal("Khrenin proposed", [person.spans[0]], by_state="BY", by_person=person,
                                          supported_by=["cis-council-of-defence-ministers"])],
                      statistics=[Statistic(12, "plans", [Span(sentence.start, sentence.start + 8)], reported_by_state="BY")],
                      topics=["military-cooperation"])
    return doc, DocumentFacts(meetings=[meeting])


def as_strings(triples) -> set[tuple[str, str, str]]:
    return {(s.value, p.value, str(o)) for s, p, o in triples}


def test_rebuilding_gives_the_same_triples_and_no_blank_nodes():
    doc, facts = facts_for()
    first, second = document_triples(doc, facts), document_triples(doc, *[facts_for()[1]])
    assert as_strings(first) == as_strings(second)
    assert len(first) == len(set(first))  # no repeated triple
    assert not any(isinstance(term, ox.BlankNode) for triple in first for term in triple)


def test_meeting_iri_from_body_date_place_so_two_reports_converge():
    doc_a, facts = facts_for()
    doc_b = from_text(TEXT.replace("met in Minsk", "gathered in Minsk"), "u.txt")
    assert doc_a.id != doc_b.id
    key = meeting_key(facts.meetings[0], doc_a, 0)
    assert key == "cis-council-of-defence-ministers/2024-05-17/minsk" == meeting_key(facts.meetings[0], doc_b, 0)
    undated = Meeting(spans=[Span(0, 4)], body="csto", place="moscow")
    assert meeting_key(undated, doc_a, 0) == "csto/undated-2024-05/moscow"


def test_every_fact_carries_evidence_that_quotes_the_text():
    doc, facts = facts_for()
    triples = document_triples(doc, facts)
    by_subject: dict[str, dict[str, list[str]]] = {}
    for s, p, o in triples:
        by_subject.setdefault(s.value, {}).setdefault(p.value, []).append(o.value)
    typed = [s for s, props in by_subject.items() if props.get("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", [None])[0]
             in {CKG + "Meeting", CKG + "Decision", CKG + "Proposal", CKG + "Statistic", CKG + "Person"}]
    assert len(typed) == 5
    for subject in typed:
        for evidence in by_subject[subject][CKG + "evidence"]:
            start = int(by_subject[evidence + "/position"]["http://www.w3.org/ns/oa#start"][0])
            end = int(by_subject[evidence + "/position"]["http://www.w3.org/ns/oa#end"][0])
            assert doc.text[start:end] == by_subject[evidence + "/quote"]["http://www.w3.org/ns/oa#exact"][0]


def test_typed_literals_and_language_tags():
    doc, facts = facts_for()
    literals = {p.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1]: o for s, p, o in document_triples(doc, facts)
                if isinstance(o, ox.Literal)}
    assert literals["startDate"].datatype.value.endswith("#date") and literals["startDate"].value == "2024-05-17"
    assert literals["value"].datatype.value.endswith("#integer") and literals["value"].value == "12"
    assert literals["name"].language == "en" and literals["inLanguage"].value == "en"
    assert graph_iri(doc).value == f"https://w3id.org/ckg/id/graph/{doc.id}"


def test_slugs_are_ascii_and_stable_for_cyrillic_names():
    assert slug("Ержан Саденов") == "erzhan-sadenov"
    assert slug("Қасым-Жомарт Тоқаев") == "kasym-zhomart-tokaev"
    assert slug("!!!") == "x"


def test_evidence_names_the_whole_sentence_of_the_analysis_and_documents_their_file():
    """ckg:sentence is the sentence (as the one analysis split the text) that holds each span."""
    from pathlib import Path

    from kgraph.document import read_file
    from kgraph.extract import extract
    from kgraph.extract.analysis import analyse

    seed = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*_ru.txt"))[0]
    doc = read_file(seed)
    triples = document_triples(doc, extract(doc))
    spans = [s.span for s in analyse(doc).sentences]
    quotes = {s.value.rsplit("/", 1)[0]: o.value for s, p, o in triples if p.value.endswith("#exact")}
    sentences = {s.value: o.value for s, p, o in triples if p.value == CKG + "sentence"}
    assert sentences and set(sentences) == set(quotes)  # every piece of evidence has its sentence
    for ev, sentence in sentences.items():
        start, end = (int(x) for x in ev.rsplit("/", 1)[1].split("-"))
        assert quotes[ev] in sentence
        holding = [s for s in spans if s.start < end and start < s.end]  # the sentences the span touches
        assert holding and sentence == doc.text[holding[0].start:max(holding[-1].end, end)].strip()
    names = {o.value for s, p, o in triples if p.value == CKG + "fileName"}
    assert names == {seed.name}


def test_hand_made_facts_without_sentences_emit_no_sentence():
    doc, facts = facts_for()
    assert not any(p.value == CKG + "sentence" for _, p, _ in document_triples(doc, facts))
