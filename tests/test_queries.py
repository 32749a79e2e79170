"""The query library, parameter binding, the read-only check, `kgraph query` and the Python API.

Expected rows come from tests/data/sparql_fixture.trig (three hand-written documents), and from
building the project's seeds/ into a temporary store.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kgraph.api import KnowledgeGraph
from kgraph.cli import app
from kgraph.sparql import QueryError, ReadOnlyError, check_read_only, library, parse_query_text

FIXTURE = Path(__file__).parent / "data" / "sparql_fixture.trig"
ROOT = Path(__file__).resolve().parent.parent
M1 = "https://w3id.org/ckg/id/meeting/cis-council-of-interior-ministers/undated-2025-08-13/saint-petersburg"
M2 = "https://w3id.org/ckg/id/meeting/csto-council-of-foreign-ministers/2024-11-19/astana"
M3 = "https://w3id.org/ckg/id/meeting/cis-council-of-interior-ministers/2023-05-10/minsk"
STATE = "https://w3id.org/ckg/id/state/"
TESTED: set[str] = set()


@pytest.fixture(scope="module")
def kg() -> KnowledgeGraph:
    return KnowledgeGraph.from_files([FIXTURE])


def run(kg: KnowledgeGraph, query_name: str, /, **params: object) -> list[dict]:
    TESTED.add(query_name)
    return kg.query(query_name, **params)


def test_library_headers() -> None:
    lib = library()
    assert len(lib) >= 12
    for q in lib.values():
        assert q.summary and q.description, f"{q.name}: summary and description required"
        assert q.tags, f"{q.name}: tags required"
        for p in q.params:
            if p.kind == "iri" and p.name not in q.iri_base:
                assert p.name in ("fact",), f"{q.name}: short values for {p.name} need an iri_base"


def test_meetings(kg: KnowledgeGraph) -> None:
    rows = run(kg, "meetings")
    assert [r["meeting"] for r in rows] == [M1, M2, M3]
    first = rows[0]
    assert first["bodyLabel"] == "CIS Council of Interior Ministers"
    assert first["placeLabel"] == "Saint Petersburg"
    assert first["date"] == dt.date(2025, 8, 13) and first["dateKnown"] is False
    assert rows[1]["date"] == dt.date(2024, 11, 19) and rows[1]["dateKnown"] is True
    assert [r["meeting"] for r in run(kg, "meetings", body="cis-council-of-interior-ministers")] == [M1, M3]
    assert [r["meeting"] for r in run(kg, "meetings", **{"from": "2024-01-01", "to": "2024-12-31"})] == [M2]
    assert [r["meeting"] for r in run(kg, "meetings", to=dt.date(2023, 12, 31))] == [M3]


def test_participants(kg: KnowledgeGraph) -> None:
    rows = run(kg, "participants", meeting="cis-council-of-interior-ministers/undated-2025-08-13/saint-petersburg")
    assert len(rows) == 8
    kz = [r for r in rows if r["state"] == STATE + "KZ"]
    assert kz[0]["stateLabel"] == "Kazakhstan" and kz[0]["headName"] == "Ержан Саденов"
    assert sum(1 for r in rows if "head" in r) == 1
    # the full IRI works as well as the short key
    assert len(run(kg, "participants", meeting=M2)) == 4


def test_heads_of_delegation(kg: KnowledgeGraph) -> None:
    rows = run(kg, "heads_of_delegation", state="KZ")
    assert {(r["meeting"], r["headName"]) for r in rows} == {
        (M1, "Ержан Саденов"), (M2, "Murat Nurtleu"), (M3, "Ержан Саденов")}
    minsk = next(r for r in rows if r["meeting"] == M3)
    # the title as the Minsk meeting's own report gives it, not every title the person has elsewhere
    assert minsk["jobTitle"] == "министр внутренних дел"
    everyone = run(kg, "heads_of_delegation")
    assert len(everyone) == 4 and {r["stateLabel"] for r in everyone} == {"Kazakhstan", "Russia"}


def test_decisions_by_topic(kg: KnowledgeGraph) -> None:
    rows = run(kg, "decisions_by_topic", topic="drug-trafficking")
    assert [(r["text"], r["meeting"]) for r in rows] == [("утверждена программа борьбы с наркотиками", M3)]
    assert rows[0]["topicLabel"] == "Drug trafficking"
    assert len(run(kg, "decisions_by_topic")) == 4  # the d1 decision carries two topics


def test_proposals_and_fate(kg: KnowledgeGraph) -> None:
    rows = {r["proposal"].rsplit("/", 2)[-2] + "/" + r["proposal"].rsplit("/", 1)[-1]: r
            for r in run(kg, "proposals")}
    assert rows["d1/200"]["fate"] == "supported"
    assert set(rows["d1/200"]["supportedBy"].split(", ")) == {"Belarus", "Russia"}
    assert rows["d1/150"]["fate"] == "no support reported"
    assert rows["d1/150"]["byLabel"] == "Kazakhstan"
    assert rows["d2/600"]["byLabel"] == "Sergey Lavrov"
    assert len(run(kg, "proposals", by="KZ")) == 2


def test_statistics(kg: KnowledgeGraph) -> None:
    rows = run(kg, "statistics")
    by_value = {r["value"]: r for r in rows}
    assert set(by_value) == {374, 12}
    assert by_value[374]["indicator"] == "іздестірілген адам" and by_value[374]["period"] == "биыл"
    assert by_value[12]["state"] == STATE + "RU"  # through the agency's state
    assert by_value[12]["reportedByLabel"] == "Security service of Russia"
    assert [r["value"] for r in run(kg, "statistics", state="KZ")] == [374]


def test_co_participation(kg: KnowledgeGraph) -> None:
    rows = run(kg, "co_participation")
    pairs = {(r["aLabel"], r["bLabel"]): r["meetings"] for r in rows}
    assert len(pairs) == 28  # 8 states of M1, all pairs; M2 and M3 add none new
    assert pairs[("Kazakhstan", "Russia")] == 3 and pairs[("Armenia", "Kazakhstan")] == 2
    assert pairs[("Tajikistan", "Turkmenistan")] == 1
    assert {r["meetings"] for r in run(kg, "co_participation", min=3)} == {3}


def test_state_profile(kg: KnowledgeGraph) -> None:
    rows = run(kg, "state_profile", state="KZ")
    kinds: dict[str, int] = {}
    for r in rows:
        kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
    assert kinds == {"participated": 3, "delegation head": 3, "proposed": 2,
                     "reported figure": 1, "person": 2}
    ru = {r["kind"] for r in run(kg, "state_profile", state="RU")}
    assert {"supported proposal", "reported figure", "delegation head"} <= ru


def test_person(kg: KnowledgeGraph) -> None:
    rows = run(kg, "person", name="САДЕНОВ")
    assert {r["meeting"] for r in rows} == {M1, M3}
    assert {r["role"] for r in rows} == {"head of delegation"} and rows[0]["state"] == "KZ"
    assert run(kg, "person", name="nurtleu")[0]["role"] == "chair"


def test_topics_over_time(kg: KnowledgeGraph) -> None:
    rows = {(r["year"], r["topicLabel"]): r["meetings"] for r in run(kg, "topics_over_time")}
    assert rows == {(2023, "Drug trafficking"): 1, (2024, "Terrorism"): 1, (2025, "Drug trafficking"): 1,
                    (2025, "Road safety"): 1, (2025, "Training"): 1}


def test_evidence(kg: KnowledgeGraph) -> None:
    rows = run(kg, "evidence", fact="id:statistic/d1/300")
    assert rows == [{"evidence": "https://w3id.org/ckg/id/evidence/d1/300-330",
                     "quote": "374 іздестірілген адам ұсталды", "sentence": "Биыл 374 іздестірілген адам ұсталды.",
                     "start": 300, "end": 330, "document": "https://w3id.org/ckg/id/doc/d1",
                     "title": "ТМД ІІМ кеңесі Санкт-Петербургте өтті", "file": "d1.txt",
                     "url": "https://example.org/news/d1",
                     "published": dt.date(2025, 8, 13), "language": "kk"}]


def test_documents(kg: KnowledgeGraph) -> None:
    rows = run(kg, "documents")
    assert [r["language"] for r in rows] == ["kk", "en", "ru"]
    assert all(r["meetings"] == 1 for r in rows)
    assert (rows[0]["file"], rows[0]["url"]) == ("d1.txt", "https://example.org/news/d1")
    assert [r["language"] for r in run(kg, "documents", language="ru")] == ["ru"]
    assert len(run(kg, "documents", **{"from": "2024-01-01"})) == 2


def test_bodies_states_meetings_of_state(kg: KnowledgeGraph) -> None:
    bodies = run(kg, "bodies")
    assert [(r["bodyLabel"], r["meetings"]) for r in bodies] == [
        ("CIS Council of Interior Ministers", 2), ("CSTO Council of Foreign Ministers", 1)]
    assert bodies[0]["parent"] == "https://w3id.org/ckg/id/body/cis"
    states = {r["stateLabel"]: r["meetings"] for r in run(kg, "states")}
    assert states["Kazakhstan"] == 3 and states["Uzbekistan"] == 1 and len(states) == 8
    am = run(kg, "meetings_of_state", state="AM")
    # the undated M1 is dated by its first report (2025-08-13), like in the meetings list
    assert [(r["meeting"], r["date"]) for r in am] == [(M1, dt.date(2025, 8, 13)), (M2, dt.date(2024, 11, 19))]


def test_every_library_query_is_tested() -> None:
    untested = set(library()) - TESTED
    assert not untested, f"library queries without a test: {sorted(untested)}"


# -- binding and the read-only check -------------------------------------------------------------
def test_values_are_escaped_not_pasted(kg: KnowledgeGraph) -> None:
    hostile = 'x")) } UNION { ?person ?p ?o } #'
    assert run(kg, "person", name=hostile) == []
    q = parse_query_text('SELECT * WHERE { ?s ?p ?_text }')
    assert q.bind({"text": 'a"b\\c\nd'}).endswith('?p "a\\"b\\\\c\\nd" }')
    with pytest.raises(QueryError, match="not an IRI"):
        library()["participants"].bind({"meeting": "x> <y"})
    with pytest.raises(QueryError, match="not an xsd:date"):
        library()["meetings"].bind({"from": "13/08/2025"})
    with pytest.raises(QueryError, match="not an xsd:integer"):
        library()["co_participation"].bind({"min": "three"})
    with pytest.raises(QueryError, match="missing required parameter"):
        library()["participants"].bind({})
    with pytest.raises(QueryError, match="unknown parameter 'colour'"):
        library()["participants"].bind({"meeting": M1, "colour": "red"})


def test_placeholders_inside_strings_and_comments_are_left_alone() -> None:
    q = parse_query_text('SELECT * WHERE { ?s ?p "?_no" . # ?_nope\n ?s ?p <http://x/?_neither> . ?s ?p ?_yes }')
    assert [p.name for p in q.params] == ["yes"]


@pytest.mark.parametrize(("text", "message"), [
    ("DELETE WHERE { ?s ?p ?o }", "UPDATE is not allowed"),
    ("INSERT DATA { <http://a> <http://b> <http://c> }", "UPDATE is not allowed"),
    ("LOAD <http://example.org/x.ttl>", "LOAD is not allowed"),
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * WHERE { { SELECT * WHERE { SERVICE SILENT <http://e.org/q> { ?s ?p ?o } } } }", "SERVICE"),
    ("SELECT * FROM <http://example.org/data.ttl> WHERE { ?s ?p ?o }", "FROM"),
    ("SELECT * FROM NAMED <http://example.org/g> WHERE { GRAPH ?g { ?s ?p ?o } }", "FROM"),
])
def test_read_only_check_refuses(text: str, message: str) -> None:
    with pytest.raises(ReadOnlyError, match=message):
        check_read_only(text)


def test_read_only_check_accepts_reads() -> None:
    assert check_read_only("SELECT ?m WHERE { ?m a ckg:Meeting }") == "SelectQuery"
    assert check_read_only("CONSTRUCT WHERE { ?s a ckg:Decision }") == "ConstructQuery"
    assert check_read_only("ASK { GRAPH ?g { ?s ?p ?o } }") == "AskQuery"
    assert check_read_only("SELECT ?s WHERE { ?s rdfs:label \"SERVICE, FROM\" } # LOAD") == "SelectQuery"
    with pytest.raises(QueryError, match="not a SPARQL query keyword"):
        check_read_only("SELECT * WHERE { ?s ?p ?o } HELLO")
    with pytest.raises(QueryError, match="backslash"):
        check_read_only("SELECT * WHERE { \\u0053ERVICE <http://x> { ?s ?p ?o } }")


def test_syntax_errors_reach_the_user_as_query_errors(kg: KnowledgeGraph) -> None:
    with pytest.raises(QueryError, match="syntax error"):
        kg.sparql("SELECT WHERE {")


# -- the Python API ------------------------------------------------------------------------------
def test_api_forms(kg: KnowledgeGraph) -> None:
    assert kg.sparql("ASK { ?m a ckg:Meeting }") is True
    graph = kg.query("CONSTRUCT WHERE { ?d a ckg:Decision }")
    assert len(graph) == 3
    listing = {q["name"]: q for q in kg.queries()}
    assert listing["participants"]["params"] == [{"name": "meeting", "type": "iri", "required": True}]
    with pytest.raises(ReadOnlyError):
        kg.sparql("SELECT * WHERE { SERVICE <http://x.org/s> { ?s ?p ?o } }")


def test_api_opens_a_store_folder(tmp_path: Path) -> None:
    from kgraph.store import GraphStore

    with GraphStore.open(tmp_path / "store") as store:
        store.load_file(FIXTURE)
    with KnowledgeGraph.open(tmp_path / "store") as opened:
        assert len(opened.query("meetings")) == 3


# -- the CLI -------------------------------------------------------------------------------------
runner = CliRunner()


def cli(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_cli_query_formats() -> None:
    code, out, _ = cli("query", "participants", "--param", f"meeting={M3}", "--data", str(FIXTURE), "-f", "json")
    assert code == 0
    data = json.loads(out)
    assert data["head"]["vars"] == ["state", "stateLabel", "head", "headName"]
    assert len(data["results"]["bindings"]) == 4
    code, out, _ = cli("query", "co_participation", "-p", "min=3", "--data", str(FIXTURE), "-f", "csv")
    assert code == 0 and out.splitlines()[0] == "a,aLabel,b,bLabel,meetings" and len(out.splitlines()) == 4
    code, out, _ = cli("query", "states", "--data", str(FIXTURE), "-f", "tsv")
    assert code == 0 and out.splitlines()[0].split("\t")[0] == "?state"
    code, out, _ = cli("query", "states", "--data", str(FIXTURE), "-f", "md")
    assert code == 0 and "| id:state/KZ | Kazakhstan |" in out
    code, out, _ = cli("query", "states", "--data", str(FIXTURE))
    assert code == 0 and "Kazakhstan" in out and "8 rows" in out
    code, out, _ = cli("query", "--sparql", "CONSTRUCT WHERE { ?d a ckg:Decision }", "--data", str(FIXTURE))
    assert code == 0 and "ckg:Decision" in out and "@prefix ckg:" in out
    code, out, _ = cli("query", str(ROOT / "queries" / "bodies.rq"), "--data", str(FIXTURE), "-f", "csv")
    assert code == 0 and "CSTO Council of Foreign Ministers" in out


@pytest.mark.parametrize(("args", "message"), [
    (["query", "no_such_query"], "unknown query 'no_such_query'"),
    (["query", "participants"], "missing required parameter(s): meeting"),
    (["query", "--sparql", "SELECT WHERE {"], "SPARQL syntax error"),
    (["query", "--sparql", "DELETE WHERE { ?s ?p ?o }"], "UPDATE is not allowed"),
    (["query", "meetings", "-p", "from=yesterday"], "not an xsd:date"),
    (["query", "meetings", "-f", "xlsx"], "--format"),
])
def test_cli_errors_exit_2(args: list[str], message: str) -> None:
    code, _out, err = cli(*args, "--data", str(FIXTURE))
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1


def test_cli_queries_and_info(tmp_path: Path) -> None:
    code, out, _ = cli("queries")
    assert code == 0 and all(name in out for name in library())
    from kgraph.store import GraphStore

    with GraphStore.open(tmp_path / "store") as store:
        store.load_file(FIXTURE)
    code, out, _ = cli("info", "--store", str(tmp_path / "store"))
    assert code == 0
    info = dict(line.split(None, 1) for line in out.splitlines())
    assert info.pop("state") == "consistent"
    assert int(info.pop("summary")) > 0  # loading marked the summary stale; closing recomputed it
    assert info == {"documents": "3", "graphs": "4", "triples": "235", "meetings": "3"}
    code, _, err = cli("info", "--store", str(tmp_path / "none"))
    assert code == 2 and "no store there" in err


# -- the seeds, built for real -------------------------------------------------------------------
def _build(store: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kgraph", "build", str(ROOT / "seeds"), "--store", str(store), "-q"],
                          capture_output=True, text=True)


def test_seeds_build_twice_gives_the_same_store(tmp_path: Path) -> None:
    from kgraph.store import GraphStore

    first = _build(tmp_path / "store")
    assert first.returncode in (0, 1), first.stderr
    with GraphStore.open(tmp_path / "store", read_only=True) as store:
        once = store.counts()
    assert _build(tmp_path / "store").returncode == first.returncode
    with GraphStore.open(tmp_path / "store", read_only=True) as store:
        twice = store.counts()
    assert once == twice and once["documents"] >= 15 and once["meetings"] > 0


def test_seed_meeting_in_saint_petersburg(tmp_path: Path) -> None:
    assert _build(tmp_path / "store").returncode in (0, 1)
    with KnowledgeGraph.open(tmp_path / "store") as kg:
        meetings = [r for r in kg.query("meetings", body="cis-council-of-interior-ministers")
                    if r.get("placeLabel") == "Saint Petersburg"]
        assert meetings, "the seed's CIS interior ministers' meeting in Saint Petersburg"
        states = {r["state"].rsplit("/", 1)[1] for r in kg.query("participants", meeting=meetings[0]["meeting"])}
        assert states == {"AM", "BY", "KZ", "KG", "RU", "TJ", "TM", "UZ"}
        heads = kg.query("heads_of_delegation", state="KZ", meeting=meetings[0]["meeting"])
        assert any("Саденов" in r["headName"] for r in heads)
        assert any(r["state"] == STATE + "KZ" for r in kg.query("statistics", state="KZ"))
