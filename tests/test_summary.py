"""The summary graph (kgraph.summary) against direct GROUP BY queries, and paging of long lists."""

from __future__ import annotations

from pathlib import Path

from rdflib import URIRef

from kgraph.api import KnowledgeGraph, rows
from kgraph.sparql import library, parse_query_text
from kgraph.store import CONSOLIDATION_GRAPH_IRI, DIGEST, SUMMARY_GRAPH_IRI, GraphStore, to_ox
from kgraph.summary import refresh

FIXTURE = Path(__file__).parent / "data" / "sparql_fixture.trig"
SUMMARY = f"<{SUMMARY_GRAPH_IRI}>"


def _store() -> GraphStore:
    store = GraphStore.open(None)
    store.load_file(FIXTURE)
    refresh(store)
    return store


def _pairs(store: GraphStore, text: str) -> dict[tuple, int]:
    return {tuple(r[k] for k in sorted(r) if k != "n"): r["n"] for r in rows(store.query(text))}


def test_counts_match_a_direct_group_by() -> None:
    store = _store()
    for prop in ("participantState", "heldBy", "topic"):
        direct = _pairs(store, f"SELECT ?x (COUNT(DISTINCT ?m) AS ?n) WHERE {{ ?m a ckg:Meeting ; ckg:{prop} ?x }} GROUP BY ?x")
        stored = _pairs(store, f"SELECT ?x ?n WHERE {{ GRAPH {SUMMARY} {{ ?c ckg:via ckg:{prop} ; ckg:of ?x ; ckg:meetings ?n "
                               "FILTER NOT EXISTS { ?c ckg:year ?y } } }")
        assert stored == direct and direct, prop
    direct = _pairs(store, "SELECT ?a ?b (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m ckg:participantState ?a , ?b "
                           "FILTER(STR(?a) < STR(?b)) } GROUP BY ?a ?b")
    stored = _pairs(store, f"SELECT ?a ?b ?n WHERE {{ GRAPH {SUMMARY} {{ ?p a ckg:CoParticipation ; ckg:stateA ?a ; "
                           "ckg:stateB ?b ; ckg:meetings ?n } }")
    assert stored == direct and len(direct) == 28
    # per year: the session date's year, else the earliest report's (M1 is undated, reported 2025)
    direct = _pairs(store, "SELECT ?x ?year (COUNT(DISTINCT ?m) AS ?n) WHERE { { SELECT ?m (YEAR(COALESCE(MIN(?s), "
                           "MIN(?p))) AS ?year) WHERE { ?m a ckg:Meeting OPTIONAL { ?m schema:startDate ?s } OPTIONAL { "
                           "?m ckg:reportedIn/schema:datePublished ?p } } GROUP BY ?m } ?m ckg:topic ?x } GROUP BY ?x ?year")
    stored = _pairs(store, f"SELECT ?x ?year ?n WHERE {{ GRAPH {SUMMARY} {{ ?c ckg:via ckg:topic ; ckg:of ?x ; "
                           "ckg:year ?year ; ckg:meetings ?n } }")
    assert stored == direct and len(direct) == 5
    undated = rows(store.query(f"SELECT ?m ?d WHERE {{ GRAPH {SUMMARY} {{ ?m ckg:firstReported ?d }} }}"))
    assert [r["m"].rsplit("/", 2)[-2] for r in undated] == ["undated-2025-08-13"]
    totals = rows(store.query(f"SELECT ?d ?m WHERE {{ GRAPH {SUMMARY} {{ {SUMMARY} ckg:documents ?d ; ckg:meetings ?m }} }}"))
    assert totals == [{"d": 3, "m": 3}]


def _summary_quads(store: GraphStore, digests: bool = True) -> set[str]:
    graph = store.oxigraph
    return {str(q) for q in graph.quads_for_pattern(None, None, None, next(
        g for g in graph.named_graphs() if g.value == SUMMARY_GRAPH_IRI)) if digests or q.predicate != DIGEST}


def test_rebuilding_does_not_change_the_summary(tmp_path: Path) -> None:
    with GraphStore.open(tmp_path / "store") as store:
        store.load_file(FIXTURE)
        assert store.summary_stale
        store.refresh_derived()  # consolidation first (its press spellings are name keys), then the summary
        assert not store.summary_stale
        first = _summary_quads(store)
        store.load_file(FIXTURE)  # the same documents again: graphs replaced
        assert store.summary_stale
    with GraphStore.open(tmp_path / "store") as store:  # closing refreshed it
        # counts() gives the size of the derived graphs: the summary and the consolidation records
        consolidation = sum(1 for _ in store.oxigraph.quads_for_pattern(
            None, None, None, to_ox(URIRef(CONSOLIDATION_GRAPH_IRI))))
        assert _summary_quads(store) == first and store.counts()["summary"] == len(first) + consolidation


def test_a_changed_document_changes_the_summary() -> None:
    store = _store()
    store.replace_graph("https://w3id.org/ckg/id/graph/d2", [])  # drop the Astana meeting
    states = {r["stateLabel"]: r["meetings"] for r in KnowledgeGraph(store).query("states")}
    assert states["Kazakhstan"] == 2 and "Armenia" in states  # recomputed before the query


def test_pages_and_optional_lines() -> None:
    kg = KnowledgeGraph(_store())
    everything = [r["meeting"] for r in kg.query("meetings")]
    assert len(everything) == 3
    pages = [r["meeting"] for off in (0, 1, 2) for r in kg.query("meetings", limit=1, offset=off)]
    assert pages == everything
    assert kg.query("meetings", limit=0) == []
    # unfiltered, the page is a window of precomputed ranks (the default limit inside it); filtered,
    # the matching rows sorted and cut by LIMIT/OFFSET: both give the same pages
    assert "?pos_ < 0 + 100" in library()["meetings"].bind({}) and "OFFSET" not in library()["meetings"].bind({})
    assert "OFFSET 0" in library()["meetings"].bind({"from": "1900-01-01"})
    for off in (0, 1, 2):
        fast = kg.query("meetings", limit=2, offset=off)
        assert fast == kg.query("meetings", limit=2, offset=off, **{"from": "1900-01-01"})
    for name in ("heads_of_delegation", "decisions_by_topic", "proposals"):
        assert [r for r in kg.query(name) if r] == kg.query(name, limit=100) and "OFFSET" not in library()[name].bind({})
    q = parse_query_text("SELECT * WHERE { ?s ?p ?o .  # unless: body, to\n  FILTER(?x < ?__limit)\n"
                         "  ?s ckg:to ?__to .  # if: body, to\n} LIMIT ?__limit")
    assert "?s ?p ?o" not in q.bind({"to": "x"}) and 'ckg:to "x"' in q.bind({"to": "x"}) and "?s ?p ?o" in q.bind({}) and "?x < 7" in q.bind({"limit": 7})
    q = parse_query_text("SELECT * WHERE { ?s ?p ?o .\n  ?s ckg:heldBy ?__body_iri .  # if: body\n} LIMIT ?__limit")
    assert "heldBy" not in q.bind({}) and "LIMIT" not in q.bind({})
    assert "ckg:heldBy <http://x/b>" in q.bind({"body": "http://x/b", "limit": 5}) and "LIMIT 5" in q.bind({"limit": 5})


def test_month_pages_give_the_sorted_pages() -> None:
    """documents and meetings_of_state: the unfiltered page (months of the summary and positions in
    them) is the page the sorted path gives (an always-true filter takes the sorted path)."""
    kg = KnowledgeGraph(_store())
    assert "ckg:pageOf" in library()["documents"].bind({}) and "OFFSET" not in library()["documents"].bind({})
    assert "ckg:pageOf" not in library()["documents"].bind({"from": "1900-01-01"})
    for limit in (1, 2, 100):
        for offset in (0, 1, 2, 3):
            fast = kg.query("documents", limit=limit, offset=offset)
            assert fast == kg.query("documents", limit=limit, offset=offset, **{"from": "1900-01-01"})
            for state in ("KZ", "AM", "RU"):
                fast = kg.query("meetings_of_state", state=state, limit=limit, offset=offset)
                assert fast == kg.query("meetings_of_state", state=state, limit=limit, offset=offset,
                                        **{"from": "1900-01-01"}), (state, limit, offset)
    assert [r["document"].rsplit("/", 1)[-1] for r in kg.query("documents")] == ["d1", "d2", "d3"]


def test_pages_cut_by_month() -> None:
    import datetime as dt

    import pyoxigraph as ox

    from kgraph.summary import paged

    rows = [(dt.date(2024, 3, 9), "c"), (dt.date(2024, 3, 1), "a"), (dt.date(2024, 1, 5), "b")]
    triples = list(paged("x", ox.NamedNode("http://x/of"), rows, lambda d, iri: ox.NamedNode(f"http://x/row/{iri}"),
                         lambda node, d, iri: iter(())))
    facts = {(s.value.rsplit("/", 1)[-1], p.value.rsplit("#", 1)[-1], getattr(o, "value", o)) for s, p, o in triples}
    assert {("2024-03", "rowsBefore", "0"), ("2024-03", "rowCount", "2"), ("2024-01", "rowsBefore", "2"),
            ("2024-01", "rowCount", "1"), ("c", "position", "0"), ("a", "position", "1"), ("b", "position", "0")} <= facts


def test_streamed_summary_equals_the_computed_one() -> None:
    from kgraph.summary import compute

    store = _store()
    expected = {(s.value, p.value, str(o)) for s, p, o in compute(store)}
    assert _summary_quads(store, digests=False) == {str(ox_quad) for ox_quad in _as_quads(expected)} and len(expected) > 100


def _as_quads(triples: set[tuple[str, str, str]]) -> list[str]:
    import pyoxigraph as ox

    graph = ox.NamedNode(SUMMARY_GRAPH_IRI)
    out = []
    for s, p, o in triples:
        obj = next(iter(ox.parse(f"<http://x> <http://x> {o} .".encode(), format=ox.RdfFormat.N_TRIPLES))).object
        out.append(ox.Quad(ox.NamedNode(s), ox.NamedNode(p), obj, graph))
    return out


def test_state_profile_pages_are_the_union_query() -> None:
    """state_profile reads its rows from the summary (kgraph.profile): the same rows as the union
    of the seven kinds of fact sorted whole (its former text, tests/data/state_profile_union.rq),
    in its order, and every page is the slice of the whole list."""
    kg = KnowledgeGraph(_store())
    union = parse_query_text((FIXTURE.parent / "state_profile_union.rq").read_text(encoding="utf-8"), "union")
    assert "ckg:profileOf" in library()["state_profile"].bind({"state": "KZ"})
    for state in ("KZ", "RU", "AM", "BY", "XX"):
        old = rows(kg.store.query(union.bind({"state": f"https://w3id.org/ckg/id/state/{state}", "limit": 1000})))
        new = kg.query("state_profile", state=state, limit=1000)
        key = [(r["kind"], r["item"], r.get("label"), r.get("meeting"), r.get("date")) for r in new]
        assert sorted(map(str, key)) == sorted(str((r["kind"], r["item"], r.get("label"), r.get("meeting"),
                                                    r.get("date"))) for r in old), state
        order = [(r["kind"], -r["date"].toordinal() if r.get("date") else 1, r["item"], r.get("label") or "") for r in new]
        assert order == sorted(order), state
        for limit in (1, 2, 5):
            for offset in range(0, len(new) + 1):
                assert kg.query("state_profile", state=state, limit=limit, offset=offset) == new[offset:offset + limit]
    assert len(kg.query("state_profile", state="KZ")) == 11


def test_summary_kept_current_by_its_difference(tmp_path: Path) -> None:
    """Documents added and replaced after a build: the refreshed summary writes only what changed
    and is the very summary (same quads) a store holding the same documents computes from scratch."""
    from kgraph.summary import collect, triples

    with GraphStore.open(tmp_path / "a") as store:
        store.load_file(FIXTURE)
        store.replace_graph("https://w3id.org/ckg/id/graph/d3", [])  # build A: without the third report
        store.refresh_derived()
        before = _summary_quads(store)
        store.load_file(FIXTURE)  # add d3 back, replace d1 and d2 with the same texts
        store.refresh_derived()
        grown = _summary_quads(store)
        assert grown != before
        # nothing changed since: nothing written
        assert store.sync_graph_streaming(SUMMARY_GRAPH_IRI, triples(collect(store)))["changed"] == 0
        store.replace_graph("https://w3id.org/ckg/id/graph/d2", [])  # a report withdrawn
        counts = store.sync_graph_streaming(SUMMARY_GRAPH_IRI, triples(collect(store)))
        assert 0 < counts["added"] < counts["triples"] and counts["removed"] > 0
        shrunk = _summary_quads(store)
    with GraphStore.open(tmp_path / "b") as fresh:
        fresh.load_file(FIXTURE)
        fresh.refresh_derived()
        assert _summary_quads(fresh) == grown
        fresh.replace_graph("https://w3id.org/ckg/id/graph/d2", [])
        fresh.oxigraph.remove_graph(ox_summary())
        fresh.refresh_summary()
        assert _summary_quads(fresh) == shrunk


def ox_summary():  # the summary graph's name as pyoxigraph has it
    import pyoxigraph as ox

    return ox.NamedNode(SUMMARY_GRAPH_IRI)


def test_sync_writes_only_what_changed() -> None:
    import pyoxigraph as ox
    import pytest

    store = GraphStore.open(None)
    a, b, p = ox.NamedNode("http://x/a"), ox.NamedNode("http://x/b"), ox.NamedNode("http://x/p")
    graph = "http://x/derived"
    first = store.sync_graph_streaming(graph, [(a, p, ox.Literal("1")), (a, p, ox.Literal("2")), (b, p, a)])
    assert first == {"triples": 3, "added": 5, "removed": 0, "changed": 2}  # two digests
    again = store.sync_graph_streaming(graph, [(a, p, ox.Literal("1")), (a, p, ox.Literal("3"))])
    assert again == {"triples": 2, "added": 2, "removed": 4, "changed": 1}  # a's "2", a's old digest, b (2)
    held = {(q.subject.value, q.object.value) for q in store.oxigraph.quads_for_pattern(None, p, None, None)}
    assert held == {("http://x/a", "1"), ("http://x/a", "3")}
    with pytest.raises(ValueError, match="not given together"):
        store.sync_graph_streaming(graph, [(a, p, ox.Literal("1")), (b, p, a), (a, p, ox.Literal("3"))])
