"""networkx metrics of kgraph.analytics and `kgraph stats`, on the hand-written fixture."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from kgraph import analytics
from kgraph.cli import app
from kgraph.namespaces import ID
from kgraph.views.data import load_graph, open_store

FIXTURE = Path(__file__).parent / "data" / "views_fixture.trig"
KZ, RU, BY, KG, TJ = (str(ID["state/" + c]) for c in ("KZ", "RU", "BY", "KG", "TJ"))
CIS_MVD = str(ID["body/cis-council-of-interior-ministers"])
CSTO_DEF = str(ID["body/csto-council-of-defence-ministers"])


@pytest.fixture(scope="module")
def graph():
    return load_graph(open_store(None, [FIXTURE]))


def test_participations_count_delegations_too(graph):
    parts = analytics.participations(graph)
    assert sorted(len(s) for s in parts.values()) == [3, 4, 4]
    b = analytics.state_meeting_graph(graph)
    assert nx.is_bipartite(b) and b.number_of_edges() == 11


def test_actor_graph_weights_are_shared_meetings(graph):
    a = analytics.actor_graph(graph)
    assert a[KZ][RU]["weight"] == 3  # together at all three meetings
    assert not a.has_edge(KG, TJ)  # never at the same meeting
    assert a[KZ][CIS_MVD]["weight"] == 2 and a[BY][CSTO_DEF]["weight"] == 1
    assert a.nodes[CIS_MVD]["meetings"] == 2


def test_centrality_and_communities(graph):
    a = analytics.actor_graph(graph)
    cent = analytics.centrality(a)
    # KZ and RU link everyone, KG sits at one meeting only: no shortest path runs through it
    assert cent[KZ]["degree_centrality"] == 1.0 and cent[KG]["betweenness"] == 0.0
    assert cent[KZ]["betweenness"] > cent[BY]["betweenness"] > cent[TJ]["betweenness"]
    groups = analytics.communities(a)
    assert sorted(n for g in groups for n in g) == sorted(a)


def test_communities_split_disconnected_blocs():
    g = nx.Graph()
    for m, states in {"m1": ("A", "B"), "m2": ("A", "B"), "m3": ("C", "D")}.items():
        g.add_node(m, kind="meeting", start="2024-01-01")
        for s in states:
            g.add_node(s, kind="state", label=s)
            g.add_edge(m, s)
    assert analytics.communities(analytics.actor_graph(g)) == [["A", "B"], ["C", "D"]]


def test_meetings_per_year(graph):
    counts = analytics.meetings_per_year(graph)
    assert counts[(KZ, "2023")] == 1 and counts[(KZ, "2024")] == 1 and counts[(KZ, "2025")] == 1
    assert counts[(CIS_MVD, "2024")] == 1 and (CSTO_DEF, "2024") not in counts


def test_stats_cli_formats_agree():
    runner = CliRunner()
    as_json = runner.invoke(app, ["stats", "--data", str(FIXTURE), "--format", "json"])
    assert as_json.exit_code == 0, as_json.output
    data = json.loads(as_json.output)
    assert "projection" in data["graph"]["description"]
    by_label = {a["label"]: a for a in data["centrality"]}
    assert by_label["Kazakhstan"]["meetings"] == 3 and by_label["Kazakhstan"]["kind"] == "state"
    assert by_label["CSTO Council of Defence Ministers"]["kind"] == "body"
    as_csv = runner.invoke(app, ["stats", "--data", str(FIXTURE), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(as_csv.output)))
    kz_meetings = [r for r in rows if r["label"] == "Kazakhstan" and r["metric"] == "meetings"]
    assert kz_meetings[0]["value"] == "3"
    per_year = [r for r in rows if r["metric"] == "meetings_per_year"]
    assert len(per_year) == len(data["meetings_per_year"])
    table = runner.invoke(app, ["stats", "--data", str(FIXTURE), "--from", "2024-01-01"])
    assert table.exit_code == 0 and "Kazakhstan" in table.output and "2023" not in table.output
    bad = runner.invoke(app, ["stats", "--data", str(FIXTURE), "--body", "Not A Slug"])
    assert bad.exit_code == 2 and "--body" in bad.output
