"""`kgraph validate` through the real CLI: conforming files pass, broken ones fail with readable
lines, unreadable ones exit 2 naming the file. Also: the emitter's real output conforms."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kgraph.cli import app
from kgraph.validate import ValidationInputError, validate_file

PREFIXES = """\
@prefix ckg: <https://w3id.org/ckg/ontology#> .
@prefix id: <https://w3id.org/ckg/id/> .
@prefix schema: <https://schema.org/> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

DOC = ("date 2024-10-04 Астанада кеңес өтті\n"
       "4 қазанда Астанада ТМД кеңесі өтті. Ержан Саденов 374 қылмыскерді ұстады деді.")


def _expand(text: str) -> str:
    """``id:meeting/m`` → full IRI: Turtle prefixed names cannot contain a slash."""
    return re.sub(r"\bid:([\w/.-]+\w)", r"<https://w3id.org/ckg/id/\1>", text)


def _evidence(name: str, start: int, end: int, quote_selector: bool = True) -> str:
    quote = DOC[start:end]
    text = f"""
  id:evidence/d/{name} oa:hasSource id:doc/d ;
      oa:hasSelector id:evidence/d/{name}/pos{' , id:evidence/d/' + name + '/quote' if quote_selector else ''} .
  id:evidence/d/{name}/pos a oa:TextPositionSelector ;
      oa:start "{start}"^^xsd:nonNegativeInteger ; oa:end "{end}"^^xsd:nonNegativeInteger .
"""
    if quote_selector:
        text += f'  id:evidence/d/{name}/quote a oa:TextQuoteSelector ; oa:exact "{quote}" .\n'
    return text


def trig(*, meeting_evidence: bool = True, value: str = '"374"^^xsd:integer', quote_selector: bool = True) -> str:
    meeting_ev = "ckg:evidence id:evidence/d/m ;" if meeting_evidence else ""
    return PREFIXES + _expand(f"""
id:graph/d {{
  id:doc/d a ckg:Document ; schema:datePublished "2024-10-04"^^xsd:date ; schema:inLanguage "kk" .
  id:meeting/m a ckg:Meeting ; {meeting_ev}
      ckg:heldBy id:body/cis-council-of-security-agency-heads ;
      schema:startDate "2024-10-04"^^xsd:date ; schema:location id:place/astana ;
      ckg:participantState id:state/KZ ; ckg:topic id:topic/terrorism ;
      ckg:participantPerson id:person/yerzhan-sadenov ; ckg:delegation id:delegation/m/KZ ;
      ckg:adopted id:decision/d/40 .
  id:person/yerzhan-sadenov a ckg:Person ; schema:name "Ержан Саденов"@kk ; ckg:evidence id:evidence/d/p .
  id:delegation/m/KZ a ckg:Delegation ; ckg:ofState id:state/KZ ; ckg:headedBy id:person/yerzhan-sadenov .
  id:decision/d/40 a ckg:Decision ; rdfs:label "ТМД кеңесі өтті"@kk ; ckg:topic id:topic/other ;
      ckg:evidence id:evidence/d/m .
  id:statistic/d/90 a ckg:Statistic ; ckg:reportedAt id:meeting/m ; ckg:value {value} ;
      ckg:indicator id:indicator/kk/qylmyskerdi ; ckg:evidence id:evidence/d/s .
  {_evidence("m", 38, 71, quote_selector)}
  {_evidence("p", 72, 85)}
  {_evidence("s", 86, 109)}
}}
id:graph/reference {{
  id:state/KZ a ckg:State ; owl:sameAs wd:Q232 .
  id:place/astana a ckg:City ; owl:sameAs wd:Q1520 ; rdfs:label "Astana"@en .
}}
""")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_conforming_trig_passes(tmp_path, runner):
    result = runner.invoke(app, ["validate", str(_write(tmp_path, "ok.trig", trig()))])
    assert result.exit_code == 0, result.output
    assert "conforms" in result.stderr


def test_meeting_without_evidence_fails(tmp_path, runner):
    result = runner.invoke(app, ["validate", str(_write(tmp_path, "bad.trig", trig(meeting_evidence=False)))])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert any("id:meeting/m" in line and "ckg:evidence" in line and line.startswith("Violation") for line in lines)
    assert len(lines) == 1


def test_string_value_fails(tmp_path, runner):
    result = runner.invoke(app, ["validate", str(_write(tmp_path, "bad.trig", trig(value='"374"')))])
    assert result.exit_code == 1
    assert "id:statistic/d/90 ckg:value" in result.stdout
    assert "numeric value" in result.stdout


def test_evidence_without_quote_selector_fails(tmp_path):
    report = validate_file(_write(tmp_path, "bad.trig", trig(quote_selector=False)))
    assert not report.conforms
    assert [(f.focus, f.path) for f in report.violations] == [("id:evidence/d/m", "oa:hasSelector")]


def test_warnings_do_not_fail(tmp_path, runner):
    text = trig().replace("owl:sameAs wd:Q1520 ;", "")
    path = _write(tmp_path, "warn.trig", text)
    assert runner.invoke(app, ["validate", str(path)]).exit_code == 0
    result = runner.invoke(app, ["validate", "--warnings", str(path)])
    assert result.exit_code == 0 and "Warning: id:place/astana owl:sameAs" in result.stdout


def test_turtle_and_nquads_are_read(tmp_path, runner):
    turtle = PREFIXES + _expand("id:meeting/x a ckg:Meeting ; schema:startDate \"2024\" .\n")
    result = runner.invoke(app, ["validate", str(_write(tmp_path, "x.ttl", turtle))])
    assert result.exit_code == 1
    assert "schema:startDate" in result.stdout and "ckg:evidence" in result.stdout
    nq = ('<https://w3id.org/ckg/id/doc/d> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> '
          '<https://w3id.org/ckg/ontology#Document> <https://w3id.org/ckg/id/graph/d> .\n')
    result = runner.invoke(app, ["validate", str(_write(tmp_path, "x.nq", nq))])
    assert result.exit_code == 1 and "schema:inLanguage" in result.stdout


@pytest.mark.parametrize(("name", "content", "problem"), [
    ("missing.trig", None, "no such file"),
    ("broken.trig", "@prefix : <x> . this is not trig {", "not valid trig"),
    ("data.csv", "a,b\n", "unknown RDF format"),
])
def test_unreadable_file_exits_2_naming_it(tmp_path, runner, name, content, problem):
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert str(path) in result.stderr and problem in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    with pytest.raises(ValidationInputError):
        validate_file(path)


def test_help_has_an_example(runner):
    result = runner.invoke(app, ["validate", "--help"])
    assert result.exit_code == 0 and "kgraph validate build/seeds.trig" in result.stdout


def test_emitter_output_and_reference_graph_conform(tmp_path):
    """The real emitter's triples (every fact kind) and the reference graph satisfy the shapes."""
    from kgraph import rdfio
    from kgraph.document import from_text
    from kgraph.emit import document_triples, graph_iri
    from kgraph.model import Decision, Delegation, DocumentFacts, Meeting, Person, Proposal, Span, Statistic
    from kgraph.namespaces import REFERENCE_GRAPH
    from kgraph.reference import reference_graph

    doc = from_text(DOC, "doc.txt")
    person = Person("Ержан Саденов", "kk", [Span(72, 85)], role="Ішкі істер министрі", state="KZ")
    meeting = Meeting(
        spans=[Span(38, 71)], body="cis-council-of-interior-ministers", start=dt.date(2024, 10, 4), place="astana",
        session_number=55, states=["KZ", "RU"], organizations=["cis-executive-committee"], persons=[person],
        delegations=[Delegation("KZ", person, [Span(72, 85)])], chair=person,
        decisions=[Decision("ТМД кеңесі өтті", [Span(57, 71)], ["other"])],
        proposals=[Proposal("ұстады", [Span(100, 106)], by_person=person, supported_by=["participants"])],
        statistics=[Statistic(374.0, "қылмыскерді", [Span(86, 109)], reported_by_state="KZ")],
        topics=["organized-crime"])
    facts = DocumentFacts(meetings=[meeting])
    quads = rdfio.nquads(document_triples(doc, facts), graph_iri(doc))
    quads += rdfio.nquads(reference_graph().triples((None, None, None)), REFERENCE_GRAPH)
    path = tmp_path / "emitted.nq"
    path.write_bytes(quads)
    report = validate_file(path)
    assert report.conforms, "\n".join(report.lines())
    assert report.triples > 2000


def test_a_data_file_with_a_key_given_twice_is_refused_naming_its_line(tmp_path):
    """A repeated key in a cue/lexicon file silently shadowed the first entry; now it is an error."""
    from kgraph.paths import read_yaml_mapping

    path = tmp_path / "cues.yaml"
    path.write_text("a: '1'\nb: '2'\na: '3'\n", encoding="utf-8")
    with pytest.raises(ValueError) as caught:
        read_yaml_mapping(path, "cue patterns")
    message = str(caught.value)
    assert str(path) in message and "line 3" in message and "'a' appears twice" in message
    assert "\n" not in message
    path.write_text("a: '1'\nb: {c: 1, d: 2}\n", encoding="utf-8")
    assert read_yaml_mapping(path, "cue patterns") == {"a": "1", "b": {"c": 1, "d": 2}}
