"""Graph building, node caps, filters and the safety of the HTML pages (no browser needed).

Expected counts are computed from the fixture with rdflib, independently of the SPARQL the views
run on Oxigraph.
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from itertools import combinations
from pathlib import Path

import pytest
from rdflib import Dataset
from typer.testing import CliRunner

from kgraph.cli import app
from kgraph.namespaces import CKG, ID, RDF
from kgraph.views import build as views
from kgraph.views import render
from kgraph.views.data import Selection, SelectionError, load_graph, meeting_iri, open_store, state_iri

FIXTURE = Path(__file__).parent / "data" / "views_fixture.trig"
MEETING = "cis-council-of-interior-ministers/2024-10-04/astana"


@pytest.fixture(scope="module")
def rdf() -> Dataset:
    ds = Dataset(default_union=True)
    ds.parse(FIXTURE, format="trig")
    return ds


@pytest.fixture(scope="module")
def store():
    return open_store(None, [FIXTURE])


@pytest.fixture(scope="module")
def graph(store):
    return load_graph(store)


def objects(rdf: Dataset, prop) -> set:
    return {o for _, o in rdf.subject_objects(prop)}


def participations(rdf: Dataset) -> dict:
    out = {}
    for m in rdf.subjects(RDF.type, CKG.Meeting):
        states = set(rdf.objects(m, CKG.participantState))
        states |= {s for d in rdf.objects(m, CKG.delegation) for s in rdf.objects(d, CKG.ofState)}
        out[str(m)] = {str(s) for s in states}
    return out


def test_loaded_graph_holds_every_fact_of_the_fixture(graph, rdf):
    kinds = {}
    for _, k in graph.nodes(data="kind"):
        kinds[k] = kinds.get(k, 0) + 1
    assert kinds["meeting"] == len(set(rdf.subjects(RDF.type, CKG.Meeting)))
    assert kinds["decision"] == len(objects(rdf, CKG.adopted))
    assert kinds["person"] == len(objects(rdf, CKG.participantPerson) | objects(rdf, CKG.headedBy))
    delegation_states = {s for d in objects(rdf, CKG.delegation) for s in rdf.objects(d, CKG.ofState)}
    assert kinds["state"] == len(objects(rdf, CKG.participantState) | delegation_states)
    assert kinds["statistic"] == len(set(rdf.subjects(CKG.reportedAt, None)))
    expected_edges = sum(len(list(rdf.subject_objects(p))) for p in (
        CKG.heldBy, CKG.participantState, CKG.participantOrganization, CKG.participantPerson, CKG.adopted,
        CKG.delegation, CKG.reportedAt, CKG.proposedAt))
    expected_edges += sum(1 for d in objects(rdf, CKG.delegation) for p in (CKG.ofState, CKG.headedBy)
                          for _ in rdf.objects(d, p))
    assert graph.number_of_edges() == expected_edges


def test_tooltips_carry_label_type_date_quote_and_document(graph):
    m = meeting_iri(MEETING)
    text = views.tooltip(graph, m)
    assert "Meeting" in text and "Date: 2024-10-04" in text and "Place: Astana" in text
    assert "“The CIS Council of Interior Ministers met in Astana on 4 October.”" in text
    assert "— Interior ministers meet in Astana (2024-10-04)" in text
    person = views.tooltip(graph, str(ID["person/erzhan-sadenov"]))
    assert "Person · Interior Minister" in person and "State: Kazakhstan" in person


def test_network_view_counts(graph, rdf):
    view = views.network(graph)
    kinds = {k for _, k in view.graph.nodes(data="kind")}
    assert kinds == {"meeting", "body", "state", "agency", "person", "decision"}
    expected_nodes = (len(set(rdf.subjects(RDF.type, CKG.Meeting))) + len(objects(rdf, CKG.heldBy))
                      + len(objects(rdf, CKG.participantState)) + len(objects(rdf, CKG.participantOrganization))
                      + len(objects(rdf, CKG.participantPerson) | objects(rdf, CKG.headedBy))
                      + len(objects(rdf, CKG.adopted)))
    assert view.graph.number_of_nodes() == expected_nodes
    drawn_states = objects(rdf, CKG.participantState)
    of_state = sum(1 for s, st in rdf.subject_objects(CKG.ofState)
                   if st in drawn_states and ((s, RDF.type, CKG.Person) in rdf or (s, RDF.type, CKG.Agency) in rdf))
    expected_edges = sum(len(list(rdf.subject_objects(p))) for p in (
        CKG.heldBy, CKG.participantState, CKG.participantOrganization, CKG.participantPerson, CKG.adopted))
    assert view.graph.number_of_edges() == expected_edges + of_state
    assert view.notices == []


def test_co_participation_is_the_weighted_projection(graph, rdf):
    view = views.co_participation(graph)
    pairs: dict[frozenset, int] = {}
    for states in participations(rdf).values():
        for x, y in combinations(sorted(states), 2):
            pairs[frozenset((x, y))] = pairs.get(frozenset((x, y)), 0) + 1
    assert {k for _, k in view.graph.nodes(data="kind")} == {"state"}
    assert view.graph.number_of_edges() == len(pairs)
    for x, y, d in view.graph.edges(data=True):
        assert d["weight"] == pairs[frozenset((x, y))]
        assert f"{d['weight']} meeting(s) together" in d["title"]
    sizes = {n: a["size"] for n, a in view.graph.nodes(data=True)}
    # Kazakhstan and Russia were at every meeting: the most central, so the biggest
    assert sizes[state_iri("KZ")] == max(sizes.values()) > sizes[state_iri("KG")]


def test_meeting_view_holds_the_meeting_and_what_hangs_on_it(store, rdf):
    iri = meeting_iri(MEETING)
    view = views.meeting(load_graph(store, Selection(meeting=iri)), iri)
    m = ID["meeting/" + MEETING]
    direct = {o for p, o in rdf.predicate_objects(m) if p in (
        CKG.heldBy, CKG.participantState, CKG.participantOrganization, CKG.participantPerson, CKG.adopted,
        CKG.delegation)}
    reported = set(rdf.subjects(CKG.reportedAt, m)) | set(rdf.subjects(CKG.proposedAt, m))
    via_delegation = {o for d in rdf.objects(m, CKG.delegation) for p in (CKG.ofState, CKG.headedBy)
                      for o in rdf.objects(d, p)}
    assert set(view.graph) == {str(x) for x in {m} | direct | reported | via_delegation}
    assert view.focus == iri and view.heading.startswith("Meeting: CIS Council of Interior Ministers")


def test_state_view_shows_meetings_partners_people_decisions(store, rdf):
    kz = state_iri("kz")
    view = views.state(load_graph(store, Selection(state=kz)), kz)
    mine = {m for m, states in participations(rdf).items() if kz in states}
    kinds = {}
    for n, k in view.graph.nodes(data="kind"):
        kinds.setdefault(k, set()).add(n)
    assert kinds["meeting"] == mine
    assert kinds["state"] == set().union(*(participations(rdf)[m] for m in mine))
    assert all(view.graph.nodes[p]["state"] == kz for p in kinds["person"])
    assert kinds["decision"] == {str(d) for m in mine for d in rdf.objects(ID[m[len(str(ID)):]], CKG.adopted)}


def test_node_cap_folds_leaves_then_keeps_best_connected(graph):
    full = views.network(graph)
    folded = views.network(graph, max_nodes=full.graph.number_of_nodes() - 1)
    assert not {k for _, k in folded.graph.nodes(data="kind")} & {"person"}
    assert folded.notices and "not drawn but counted" in folded.notices[0]
    tips = [a["title"] for _, a in folded.graph.nodes(data=True) if a["kind"] == "meeting"]
    assert any("Not drawn: " in t and "persons" in t for t in tips)
    tiny = views.network(graph, max_nodes=4)
    assert tiny.graph.number_of_nodes() == 4
    assert any("Showing the 4 best connected" in n for n in tiny.notices)
    page = render.html(tiny)
    assert "Showing the 4 best connected" in page


@pytest.mark.parametrize(("selection", "expected"), [
    (Selection(start=dt.date(2024, 1, 1)), 2),
    (Selection(end=dt.date(2024, 1, 1)), 1),
    (Selection(body="cis"), 2),  # through org:subOrganizationOf
    (Selection(body="csto-council-of-defence-ministers"), 1),
    (Selection(topic="terrorism"), 1),
    (Selection(body="sco"), 0),
])
def test_filters_select_meetings(store, selection, expected):
    g = load_graph(store, selection)
    assert sum(1 for _, k in g.nodes(data="kind") if k == "meeting") == expected


@pytest.mark.parametrize("bad", ["cis> } DROP ALL", "CIS", "a b", "x\"y"])
def test_selection_rejects_values_that_could_change_the_query(bad):
    with pytest.raises(SelectionError):
        Selection(body=bad)
    with pytest.raises(SelectionError):
        meeting_iri(f"x> }} {bad}")


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.refs += [v or "" for k, v in attrs if k in ("src", "href", "srcset", "data", "action")]


def test_page_has_no_remote_reference_and_everything_inline(graph, tmp_path):
    out = render.write(views.network(graph), tmp_path / "page.html")
    page = out.read_text(encoding="utf-8")
    parser = _Refs()
    parser.feed(page)
    assert parser.refs == []  # no src/href at all: scripts and styles are inline
    assert "link" not in parser.tags and "iframe" not in parser.tags
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", page)  # CSS url() only data:
    assert not re.search(r"@import|@font-face", page)
    assert "default-src 'none'" in page  # CSP: the browser refuses any request
    assert [p.name for p in tmp_path.iterdir()] == ["page.html"]  # no temp file left behind


def test_document_text_is_escaped_in_markup_and_in_script_data(tmp_path):
    hostile = '<script>alert(1)</script><img src=x onerror=alert(2)></script>"\''
    trig = tmp_path / "hostile.trig"
    trig.write_text(FIXTURE.read_text(encoding="utf-8").replace(
        '"CIS Council of Interior Ministers, Astana, 2024-10-04"@en',
        '"' + hostile.replace('"', '\\"') + '"@en'), encoding="utf-8")
    iri = meeting_iri(MEETING)
    view = views.meeting(load_graph(open_store(None, [trig]), Selection(meeting=iri)), iri)
    page = render.html(view)
    assert hostile not in page and "<img src=x" not in page
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # heading and <title>, as text
    assert "\\u003cscript\\u003ealert(1)" in page  # the node data in the script block


def test_cli_writes_views_and_rejects_bad_calls(tmp_path):
    runner = CliRunner()
    out = tmp_path / "v.html"
    result = runner.invoke(app, ["viz", "meeting", MEETING, "--data", str(FIXTURE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "meeting view, 14 nodes" in result.output and out.stat().st_size > 100_000
    for args, message in [
        (["viz", "network", "-o", str(out)], "--store DIR or --data FILE"),
        (["viz", "state", "--data", str(FIXTURE)], "needs an argument"),
        (["viz", "state", "KAZ", "--data", str(FIXTURE)], "ISO 3166-1"),
        (["viz", "network", "--data", str(FIXTURE), "--from", "2024-02-30"], "expected a date"),
        (["viz", "network", "--data", str(tmp_path / "missing.trig")], "missing.trig"),
        (["viz", "meeting", "cis/2020-01-01/nowhere", "--data", str(FIXTURE)], "no meeting"),
    ]:
        result = runner.invoke(app, args)
        assert result.exit_code == 2 and message in result.output, (args, result.output)
    result = runner.invoke(app, ["viz", "network", "--data", str(FIXTURE), "--max-nodes", "4", "-o", str(out)])
    assert result.exit_code == 0 and "best connected" in result.output


def test_edges_read_in_words_not_property_names(graph):
    for view in (views.network(graph, clustering="none"), views.meeting(graph, meeting_iri(MEETING))):
        for _x, _y, d in view.graph.edges(data=True):
            assert d["title"] and not re.search(r"\b[a-z]+[A-Z][a-z]+\b", d["title"]), d["title"]  # no heldBy…
    net = views.network(graph, clustering="none")
    titles = {d["title"] for _, _, d in net.graph.edges(data=True)}
    kz, body = net.graph.nodes[state_iri("KZ")]["label"], "CIS Council of Interior Ministers"
    meeting = net.graph.nodes[meeting_iri(MEETING)]["label"]
    assert f"{kz} took part in {meeting}" in titles  # the state first, whatever order networkx keeps
    assert f"{meeting} was held by {body}" in titles


def test_co_participation_normalised_by_attendance(graph, rdf):
    raw, norm = views.co_participation(graph), views.co_participation(graph, normalise=True)
    attended: dict[str, int] = {}
    for states in participations(rdf).values():
        for s in states:
            attended[s] = attended.get(s, 0) + 1
    for x, y, d in norm.graph.edges(data=True):
        share = d["weight"] / (attended[x] + attended[y] - d["weight"])
        assert d["share"] == pytest.approx(share)
        assert d["width"] == pytest.approx(1 + 11 * share)
        assert raw.graph.edges[x, y]["width"] == 1 + min(d["weight"], 12)
    assert "normalised by attendance" in norm.caption


def test_network_clusters_by_body_or_year(graph):
    by_body = views.network(graph, clustering="body")
    for group in by_body.clusters:
        members = [n for n, k in by_body.graph.nodes(data="cluster") if k == group["key"]]
        assert len(members) == group["count"] >= 2
        for m in members:
            a = by_body.graph.nodes[m]
            if a["kind"] == "meeting":
                assert a["body"] == group["key"]  # each meeting in the group of its body
    by_year = views.network(graph, clustering="year")
    years = {k for n, k in by_year.graph.nodes(data="cluster") if by_year.graph.nodes[n]["kind"] == "meeting"}
    assert years <= {"2023", "2024", "2025"} and years
    assert views.network(graph, clustering="none").clusters == []


def test_date_filter_keeps_undated_meetings_and_says_so(tmp_path):
    """A meeting no report dates is placed at its first report, kept by a date filter, and named in
    the page's notices (the bug: `viz state KZ --from` dropped it silently)."""
    text = FIXTURE.read_text(encoding="utf-8").replace(  # undated, reported (as kgraph writes it) in doc3
        'schema:startDate "2025-03-14"^^xsd:date ;', "ckg:reportedIn id:doc\\/doc3 ;")
    undated = tmp_path / "undated.trig"
    undated.write_text(text, encoding="utf-8")
    g = load_graph(open_store(None, [undated]), Selection(start=dt.date(2025, 1, 1)))
    (m,) = [n for n, k in g.nodes(data="kind") if k == "meeting"]
    assert g.nodes[m].get("start") is None and g.nodes[m]["first_reported"] >= "2025-01-01"
    view = views.network(g)
    assert "1 meeting(s) without a known date are kept" in views.undated_notice(view)
    assert "Date: not known (first reported" in view.graph.nodes[m]["title"]


def test_tooltips_give_the_whole_sentence_and_the_documents_file_and_url(tmp_path):
    text = FIXTURE.read_text(encoding="utf-8")
    text = text.replace('oa:exact "Interior ministers of the CIS met in Minsk." .',
                        'oa:exact "met in Minsk" .\n  id:evidence\\/doc3\\/0-40 ckg:sentence '
                        '"Interior ministers of the CIS met in Minsk on Friday." .')
    text = text.replace('schema:datePublished "2025-03-15"^^xsd:date ; schema:inLanguage "en" .',
                        'schema:datePublished "2025-03-15"^^xsd:date ; schema:inLanguage "en" ; '
                        'ckg:fileName "news.jsonl#3" ; schema:url <https://example.org/a?b=1&c=2> .')
    path = tmp_path / "sentences.trig"
    path.write_text(text, encoding="utf-8")
    g = load_graph(open_store(None, [path]))
    tip = views.tooltip(g, meeting_iri("cis-council-of-interior-ministers/2025-03-14/minsk"))
    assert "“Interior ministers of the CIS met in Minsk on Friday.”" in tip and "Matched: met in Minsk" in tip
    assert "— CIS interior ministers met again (2025-03-15)" in tip
    assert "news.jsonl#3 · https://example.org/a?b=1&c=2" in tip
