"""GraphStore over a real pyoxigraph store: replacement, bulk loads, files, export, persistence."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from kgraph.namespaces import CKG, ID, REFERENCE_GRAPH, SCHEMA
from kgraph.store import BULK_THRESHOLD, GraphStore, StoreError, to_ox

FIXTURE = Path(__file__).parent / "data" / "sparql_fixture.trig"


def doc_graph(n: int, extra: int = 0) -> tuple[URIRef, Graph]:
    g = Graph()
    doc = ID[f"doc/{n}"]
    g.add((doc, RDF.type, CKG.Document))
    g.add((doc, SCHEMA.datePublished, Literal("2024-01-0" + str(n % 9 + 1), datatype=XSD.date)))
    g.add((doc, SCHEMA.inLanguage, Literal("kk")))
    for i in range(extra):
        g.add((doc, SCHEMA.name, Literal(f"title {i}", lang="ru")))
    return ID[f"graph/{n}"], g


def test_replacing_a_graph_never_duplicates(tmp_path: Path) -> None:
    with GraphStore.open(tmp_path / "store") as store:
        iri, g = doc_graph(1, extra=3)
        store.replace_graph(iri, g)
        store.replace_graph(iri, g)
        assert store.counts() == {"documents": 1, "graphs": 1, "triples": 6, "meetings": 0, "summary": 0}
        _, smaller = doc_graph(1, extra=0)
        store.replace_graph(iri, smaller)
        assert len(store) == 3, "the old version's extra triples must be gone"


def test_bulk_replace_is_idempotent_on_disk(tmp_path: Path) -> None:
    graphs = [doc_graph(n, extra=20) for n in range(BULK_THRESHOLD // 20 + 50)]
    expected = sum(len(g) for _, g in graphs)
    assert expected > BULK_THRESHOLD  # exercises the bulk_extend path
    with GraphStore.open(tmp_path / "store") as store:
        assert store.replace_graphs(graphs) == expected
        assert store.replace_graphs(graphs) == expected
        counts = store.counts()
    assert counts["triples"] == expected
    assert counts["graphs"] == counts["documents"] == len(graphs)


def test_store_persists_and_opens_read_only(tmp_path: Path) -> None:
    with GraphStore.open(tmp_path / "store") as store:
        store.load_file(FIXTURE)
        before = store.counts()
        store.flush()
        # a reader opened while the writer is still open sees the data (the server's case)
        with GraphStore.open(tmp_path / "store", read_only=True) as reader:
            assert reader.counts() == before
    with GraphStore.open(tmp_path / "store") as store:
        after = store.counts()
    # closing the writer computed the summary graph, counted apart from the documents' triples
    assert before["summary"] == 0 and after.pop("summary") > 0
    before.pop("summary")
    assert after == before


def test_fixture_counts() -> None:
    with GraphStore.open(None) as store:
        assert store.load_file(FIXTURE) == store.load_file(FIXTURE)
        counts = store.counts()
    assert counts["documents"] == 3 and counts["meetings"] == 3
    assert counts["graphs"] == 4  # three documents and the reference graph


def test_triple_files_go_to_a_graph_named_by_the_file(tmp_path: Path) -> None:
    ttl = tmp_path / "one.ttl"
    ttl.write_text("<https://w3id.org/ckg/id/doc/x> a <https://w3id.org/ckg/ontology#Document> .\n")
    with GraphStore.open(None) as store:
        store.load_file(ttl)
        store.load_file(ttl)
        assert len(store) == 1
        graphs = [g.value for g in store.oxigraph.named_graphs()]
    assert graphs == [ttl.resolve().as_uri()]


def test_reference_graph_replaced_like_any_other() -> None:
    with GraphStore.open(None) as store:
        g = Graph()
        g.add((ID["state/KZ"], RDF.type, CKG.State))
        store.replace_graph(REFERENCE_GRAPH, g)
        store.replace_graph(REFERENCE_GRAPH, g)
        counts = store.counts()
        assert counts["graphs"] == 1 and counts["triples"] == 1


def test_bad_files_give_one_line_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.trig"
    bad.write_text("<a> <b> .\n")
    with GraphStore.open(None) as store:
        with pytest.raises(StoreError, match=r"bad\.trig: not valid trig"):
            store.load_file(bad)
        with pytest.raises(StoreError, match="unknown RDF format"):
            store.load_file(tmp_path / "x.docx")
        with pytest.raises(StoreError, match="cannot read"):
            store.load_file(tmp_path / "missing.nq")
    with pytest.raises(StoreError, match="no store there"):
        GraphStore.open(tmp_path / "nothing", read_only=True)


@pytest.mark.parametrize("suffix", [".nq", ".trig", ".ttl", ".nt", ".jsonld"])
def test_export_round_trip(tmp_path: Path, suffix: str) -> None:
    with GraphStore.open(None) as store:
        store.load_file(FIXTURE)
        store.refresh_summary()  # an in-memory store computes it before the export's own query
        total = len(store)
        out = store.export(tmp_path / f"all{suffix}")
    assert not list(tmp_path.glob(".*.tmp")), "the temp file must be renamed away"
    with GraphStore.open(None) as again:
        again.load_file(out)
        if suffix in (".ttl", ".nt"):  # the union: one graph, triples shared by graphs merge
            assert 0 < len(again) <= total
        else:
            assert len(again) == total
            assert again.counts()["meetings"] == 3


def test_term_conversion_keeps_types() -> None:
    lit = to_ox(Literal("12", datatype=XSD.integer))
    assert lit.value == "12" and lit.datatype.value == str(XSD.integer)
    tagged = to_ox(Literal("Астана", lang="kk"))
    assert tagged.language == "kk" and tagged.value == "Астана"
    assert to_ox(Literal("plain")).datatype.value == str(XSD.string)
    assert to_ox(URIRef("https://w3id.org/ckg/id/state/KZ")).value == "https://w3id.org/ckg/id/state/KZ"
    assert to_ox(BNode("b1")).value == "b1"
