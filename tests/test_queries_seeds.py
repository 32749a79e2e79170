"""Every library query over the graph of the project's own seeds/, built for real with `kgraph build`.

The expected rows are facts the seed documents state (who met where, who led which delegation,
what was decided), so a change in extraction, emission or a query that loses them fails here.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kgraph.api import KnowledgeGraph
from kgraph.sparql import library

ROOT = Path(__file__).resolve().parents[1]
ID = "https://w3id.org/ckg/id/"
INTERIOR_2017 = ID + "meeting/cis-council-of-interior-ministers/2017-06-28/dushanbe"
TESTED = set()


def _covers(name: str) -> str:
    TESTED.add(name)
    return name


@pytest.fixture(scope="module")
def kg(tmp_path_factory: pytest.TempPathFactory):
    store = tmp_path_factory.mktemp("seeds") / "store"
    done = subprocess.run([sys.executable, "-m", "kgraph", "build", str(ROOT / "seeds"), "--store", str(store), "-q"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    with KnowledgeGraph.open(store) as graph:
        yield graph


def tail(value: object) -> str:
    return str(value).rstrip("/").rsplit("/", 1)[-1]


def test_meetings_of_a_body_with_place_and_date(kg):
    rows = kg.query(_covers("meetings"), body="cis-council-of-interior-ministers")
    found = {(r.get("placeLabel"), str(r["date"])[:10] if r.get("dateKnown") else None) for r in rows}
    assert {("Dushanbe", "2017-06-28"), ("Tashkent", "2019-05-30"), ("Saint Petersburg", None)} <= found
    assert all(tail(r["body"]) == "cis-council-of-interior-ministers" for r in rows)


def test_participants_and_their_heads(kg):
    rows = kg.query(_covers("participants"), meeting=INTERIOR_2017)
    heads = {tail(r["state"]): r.get("headName") for r in rows}
    assert set(heads) == {"AZ", "BY", "KZ", "KG", "RU", "TJ", "UZ", "MD", "AM"}
    assert heads["MD"] == "Олег Бабин" and heads["KZ"] == "Калмуханбет Касымов"


def test_heads_of_delegation_of_kazakhstan(kg):
    rows = kg.query(_covers("heads_of_delegation"), state="KZ")
    names = {r["headName"] for r in rows}
    assert {"Ержан Саденов", "Ермек Сағымбаев", "Ғизат Нұрдәулетов", "Мұрат Нұртілеу"} <= names


def test_decisions_by_topic(kg):
    rows = kg.query(_covers("decisions_by_topic"), topic="border-security")
    texts = " ".join(r["text"] for r in rows)
    assert "утвержден план проведения совместных специальных пограничных операций" in texts
    assert all(tail(r["topic"]) == "border-security" for r in rows)


def test_proposals_and_their_fate(kg):
    rows = kg.query(_covers("proposals"), limit=100)
    def fate(start: str) -> set[str]:
        return {r["fate"] for r in rows if r["text"].startswith(start)}

    assert fate("Константин Молостов предложил") == {"supported"}
    assert fate("Kazakhstan proposed holding") == {"supported"}
    assert fate("Гуцан предложил") == {"no support reported"}


def test_statistics_reported_by_a_state(kg):
    rows = kg.query(_covers("statistics"), state="KZ", limit=100)
    assert {374, 13, 3, 119, 12, 27} <= {int(float(r["value"])) for r in rows}


def test_co_participation_counts_are_symmetric_pairs(kg):
    rows = kg.query(_covers("co_participation"), min=3)
    pairs = {(tail(r["a"]), tail(r["b"])): int(r["meetings"]) for r in rows}
    assert pairs[("KG", "KZ")] >= 10 and all(a < b for a, b in pairs)
    assert all(n >= 3 for n in pairs.values())


def test_state_profile_of_belarus(kg):
    rows = kg.query(_covers("state_profile"), state="BY")
    assert rows and any("Хренин" in str(r) for r in rows)


def test_person_appearances(kg):
    rows = kg.query(_covers("person"), name="Саденов")
    assert rows and any("Ішкі істер министрі" in str(r) for r in rows)


def test_topics_over_time(kg):
    rows = kg.query(_covers("topics_over_time"), topic="drug-trafficking")
    years = {int(r["year"]) for r in rows}
    assert {2017, 2024} <= years


def test_evidence_of_a_decision_quotes_its_document(kg):
    decision = kg.query("decisions_by_topic", topic="forensics")[0]["decision"]
    rows = kg.query(_covers("evidence"), fact=decision)
    assert rows and any("шешім қабылданды" in r.get("quote", "") for r in rows)
    text = next((ROOT / "seeds").glob("000_*.txt")).read_text(encoding="utf-8")
    assert all(text[int(r["start"]):int(r["end"])] == r["quote"] for r in rows if "start" in r)


def test_documents_listed_by_language(kg):
    rows = kg.query(_covers("documents"), language="kk", limit=100)
    assert len(rows) == 6 and all(r["language"] == "kk" for r in rows)


def test_bodies_states_and_meetings_of_a_state(kg):
    bodies = {tail(r["body"]): int(r["meetings"]) for r in kg.query(_covers("bodies"))}
    assert bodies["cis-council-of-interior-ministers"] == 3
    states = {tail(r["state"]): int(r["meetings"]) for r in kg.query(_covers("states"))}
    assert states["KZ"] >= 12 and "US" not in states
    rows = kg.query(_covers("meetings_of_state"), state="MD")
    assert [tail(r["meeting"]) for r in rows] == ["dushanbe"]


def test_every_library_query_is_covered_here():
    assert set(library()) <= TESTED, sorted(set(library()) - TESTED)
