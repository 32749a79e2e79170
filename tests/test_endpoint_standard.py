"""The endpoint's standard features, spoken to by independent clients (SPARQLWrapper, rdflib's
SPARQLStore, httpx) over a real `kgraph serve` on a free loopback port:

* the protocol's dataset (default-graph-uri, named-graph-uri) honoured, a bad one refused with 400;
* CORS for browser clients (preflight answered), configurable;
* the SPARQL 1.1 Service Description with VoID at the endpoint URL;
* 406 for an Accept the endpoint cannot meet, ``Vary: Accept``;
* the w3id IRIs (``/id/…``, ``/ontology``) described as Turtle, JSON-LD or escaped HTML.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS
from SPARQLWrapper import JSON, SPARQLWrapper

from kgraph.store import GraphStore
from tests.test_server import FIXTURE, free_port, stop, wait_for

ROOT = Path(__file__).resolve().parents[1]
ID = "https://w3id.org/ckg/id/"
D1, D2, D3 = ID + "graph/d1", ID + "graph/d2", ID + "graph/d3"
M2 = ID + "meeting/csto-council-of-foreign-ministers/2024-11-19/astana"
SD = "http://www.w3.org/ns/sparql-service-description#"
VOID = "http://rdfs.org/ns/void#"
EVIL = ID + "person/evil"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("standard") / "store"
    with GraphStore.open(path) as store:
        store.load_file(FIXTURE)
        store.replace_graph(ID + "graph/evil", [
            (URIRef(EVIL), RDF.type, URIRef("https://w3id.org/ckg/ontology#Person")),
            (URIRef(EVIL), URIRef("https://schema.org/name"), Literal("<script>alert(1)</script> & Co", lang="en"))])
    return path


@pytest.fixture(scope="module")
def endpoint(store_dir: Path) -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "kgraph", "serve", "--store", str(store_dir), "--port", str(port), "--workers", "2",
         "--license", "https://creativecommons.org/licenses/by/4.0/"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        wait_for(f"http://127.0.0.1:{port}/", process)
        yield f"http://127.0.0.1:{port}/sparql"
    finally:
        stop(process)


def graph_size(store_dir: Path, graph: str) -> int:
    with GraphStore.open(store_dir, read_only=True) as store:
        return sum(1 for _ in store.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(graph)))


def count(sparql: SPARQLWrapper) -> int:
    sparql.setReturnFormat(JSON)
    return int(sparql.queryAndConvert()["results"]["bindings"][0]["n"]["value"])


# -- the protocol's dataset --------------------------------------------------------------------
def test_default_graph_uri_with_sparqlwrapper(endpoint: str, store_dir: Path) -> None:
    everything = SPARQLWrapper(endpoint)
    everything.setQuery("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    union = count(everything)
    one = SPARQLWrapper(endpoint)
    one.setQuery("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    one.addDefaultGraph(D1)
    assert count(one) == graph_size(store_dir, D1) < union
    two = SPARQLWrapper(endpoint)
    two.setQuery("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    two.addDefaultGraph(D1)
    two.addDefaultGraph(D2)  # the default graph is the merge of both
    assert count(two) == graph_size(store_dir, D1) + graph_size(store_dir, D2)
    meetings = SPARQLWrapper(endpoint)
    meetings.setQuery("SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a ckg:Meeting }")
    meetings.addDefaultGraph(D2)
    assert count(meetings) == 1


def test_named_graph_uri_limits_graph_patterns(endpoint: str, store_dir: Path) -> None:
    sparql = SPARQLWrapper(endpoint)
    sparql.setQuery("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    sparql.addNamedGraph(D2)
    sparql.addNamedGraph(D3)
    sparql.setReturnFormat(JSON)
    rows = {b["g"]["value"]: int(b["n"]["value"]) for b in sparql.queryAndConvert()["results"]["bindings"]}
    assert rows == {D2: graph_size(store_dir, D2), D3: graph_size(store_dir, D3)}
    # named graphs only: the default graph is empty (SPARQL 1.1 Protocol 2.1.4)
    sparql.setQuery("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert count(sparql) == 0


def test_rdflib_sparqlstore_contexts(endpoint: str, store_dir: Path) -> None:
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    store = SPARQLStore(endpoint, returnFormat="json")
    for graph in (D1, D2, ID + "graph/reference"):
        context = Graph(store=store, identifier=URIRef(graph))  # queries carry default-graph-uri
        assert len(context) == graph_size(store_dir, graph)
        assert len(list(context.triples((None, None, None)))) == graph_size(store_dir, graph)
    meetings = set(Graph(store=store, identifier=URIRef(D2)).subjects(
        RDF.type, URIRef("https://w3id.org/ckg/ontology#Meeting")))
    assert meetings == {URIRef(M2)}


def test_bad_dataset_refused(endpoint: str) -> None:
    response = httpx.get(endpoint, params={"query": "ASK {}", "default-graph-uri": "not an iri"}, trust_env=False)
    assert response.status_code == 400 and "default-graph-uri" in response.text
    response = httpx.post(endpoint, data={"query": "ASK {}", "named-graph-uri": "<x>"}, trust_env=False)
    assert response.status_code == 400 and "named-graph-uri" in response.text


# -- CORS, negotiation ---------------------------------------------------------------------------
def test_cors_preflight_and_headers(endpoint: str) -> None:
    origin = "http://yasgui.example"
    response = httpx.options(endpoint, headers={"Origin": origin, "Access-Control-Request-Method": "POST",
                                                "Access-Control-Request-Headers": "content-type"}, trust_env=False)
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] in ("*", origin)
    assert "POST" in response.headers["access-control-allow-methods"]
    assert "content-type" in response.headers["access-control-allow-headers"].lower()
    response = httpx.post(endpoint, content="ASK { ?m a ckg:Meeting }",
                          headers={"Origin": origin, "Content-Type": "application/sparql-query"}, trust_env=False)
    assert response.status_code == 200 and response.headers["access-control-allow-origin"] in ("*", origin)


def test_cors_can_be_turned_off(store_dir: Path) -> None:
    from starlette.testclient import TestClient

    from kgraph.server import create_app

    with TestClient(create_app(store_dir, workers=1, cors_origins=())) as client:
        response = client.get("/sparql", params={"query": "ASK {}"}, headers={"Origin": "http://other.example"})
        assert response.status_code == 200 and "access-control-allow-origin" not in response.headers
    with TestClient(create_app(store_dir, workers=1, cors_origins=("http://ok.example",))) as client:
        allowed = client.get("/sparql", params={"query": "ASK {}"}, headers={"Origin": "http://ok.example"})
        other = client.get("/sparql", params={"query": "ASK {}"}, headers={"Origin": "http://other.example"})
        assert allowed.headers.get("access-control-allow-origin") == "http://ok.example"
        assert "access-control-allow-origin" not in other.headers


def test_not_acceptable_and_vary(endpoint: str) -> None:
    query = {"query": "SELECT ?m WHERE { ?m a ckg:Meeting }"}
    response = httpx.get(endpoint, params=query, headers={"Accept": "image/png"}, trust_env=False)
    assert response.status_code == 406 and "application/sparql-results+json" in response.text
    assert "Accept" in response.headers["vary"].split(", ")
    response = httpx.get(endpoint, params=query, headers={"Accept": "text/*"}, trust_env=False)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert "Accept" in response.headers["vary"].split(", ")
    response = httpx.get(endpoint, params=query, headers={"Accept": "image/png, */*;q=0.1"}, trust_env=False)
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/sparql-results+json")
    response = httpx.get(endpoint, params={"query": "CONSTRUCT WHERE { ?m a ckg:Meeting }"},
                         headers={"Accept": "application/sparql-results+json"}, trust_env=False)
    assert response.status_code == 406


# -- service description -------------------------------------------------------------------------
def test_service_description_parses_with_void_counts(endpoint: str, store_dir: Path) -> None:
    response = httpx.get(endpoint, headers={"Accept": "text/turtle"}, trust_env=False)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/turtle")
    assert "Accept" in response.headers["vary"].split(", ")
    graph = Graph().parse(data=response.text, format="turtle")
    service = URIRef(endpoint)
    assert (service, RDF.type, URIRef(SD + "Service")) in graph
    assert (service, URIRef(SD + "endpoint"), service) in graph
    assert (service, URIRef(SD + "supportedLanguage"), URIRef(SD + "SPARQL11Query")) in graph
    dataset = graph.value(service, URIRef(SD + "defaultDataset"))
    with GraphStore.open(store_dir, read_only=True) as store:
        triples = len(store)
    assert int(graph.value(dataset, URIRef(VOID + "triples"))) == triples
    assert int(graph.value(dataset, URIRef("https://w3id.org/ckg/ontology#meetings"))) == 3
    assert URIRef("https://schema.org/") in set(graph.objects(dataset, URIRef(VOID + "vocabulary")))
    assert str(graph.value(dataset, URIRef("http://purl.org/dc/terms/license"))).startswith("https://creativecommons")
    jsonld = httpx.get(endpoint, headers={"Accept": "application/ld+json"}, trust_env=False)
    assert len(Graph().parse(data=jsonld.text, format="json-ld")) == len(graph)
    page = httpx.get(endpoint, headers={"Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"}, trust_env=False)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")


# -- dereferenceable IRIs ---------------------------------------------------------------------------
def test_id_iris_dereference_with_content_negotiation(endpoint: str) -> None:
    base = endpoint.removesuffix("/sparql")
    url = base + "/id/" + M2.removeprefix(ID)
    turtle = httpx.get(url, headers={"Accept": "text/turtle"}, trust_env=False)
    assert turtle.status_code == 200 and turtle.headers["content-type"].startswith("text/turtle")
    graph = Graph().parse(data=turtle.text, format="turtle")
    assert (URIRef(M2), URIRef("https://w3id.org/ckg/ontology#heldBy"),
            URIRef(ID + "body/csto-council-of-foreign-ministers")) in graph
    jsonld = httpx.get(url, headers={"Accept": "application/ld+json"}, trust_env=False)
    assert jsonld.headers["content-type"].startswith("application/ld+json")
    assert set(Graph().parse(data=jsonld.text, format="json-ld")) == set(graph)
    page = httpx.get(url, headers={"Accept": "text/html"}, trust_env=False)
    assert page.status_code == 200 and "/id/body/csto-council-of-foreign-ministers" in page.text
    assert httpx.get(base + "/id/meeting/no-such-thing", trust_env=False).status_code == 404
    assert httpx.get(url, headers={"Accept": "image/png"}, trust_env=False).status_code == 406


def test_html_escapes_the_graph_texts(endpoint: str) -> None:
    base = endpoint.removesuffix("/sparql")
    page = httpx.get(base + "/id/person/evil", headers={"Accept": "text/html"}, trust_env=False)
    assert page.status_code == 200
    assert "<script>" not in page.text and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in page.text
    assert "default-src 'none'" in page.text


def test_ontology_iri_dereferences(endpoint: str) -> None:
    base = endpoint.removesuffix("/sparql")
    turtle = httpx.get(base + "/ontology", headers={"Accept": "text/turtle"}, trust_env=False)
    graph = Graph().parse(data=turtle.text, format="turtle")
    assert (URIRef("https://w3id.org/ckg/ontology"), RDF.type, OWL.Ontology) in graph
    assert (URIRef("https://w3id.org/ckg/ontology#Meeting"), RDFS.subClassOf, URIRef("https://schema.org/Event")) in graph
    jsonld = httpx.get(base + "/ontology", headers={"Accept": "application/ld+json"}, trust_env=False)
    assert len(Graph().parse(data=json.dumps(jsonld.json()), format="json-ld")) == len(graph)
    page = httpx.get(base + "/ontology", headers={"Accept": "text/html"}, trust_env=False)
    assert page.status_code == 200 and 'id="Meeting"' in page.text


def test_library_queries_with_their_own_prefix_lines_run_here(endpoint: str) -> None:
    """The endpoint predeclares the prefixes; a query declaring them again (as every library query
    does, for other stores) still runs, and gives what `kgraph query` gives."""
    from kgraph.sparql import library

    text = library()["co_participation"].bind({})
    assert text.count("PREFIX ") >= 2
    response = httpx.post(endpoint, content=text, headers={"Content-Type": "application/sparql-query"},
                          trust_env=False)
    assert response.status_code == 200
    rows = response.json()["results"]["bindings"]
    by_pair = {(r["a"]["value"].rsplit("/", 1)[1], r["b"]["value"].rsplit("/", 1)[1]): int(r["meetings"]["value"])
               for r in rows}
    assert len(by_pair) == 28 and by_pair[("KZ", "RU")] == 3 and by_pair[("AM", "KZ")] == 2  # as tests/test_queries.py
