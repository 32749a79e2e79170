"""The graph in other linked-data stores: self-sufficient exports, `kgraph push`, standalone queries.

Real stores only: the `oxigraph` server from PyPI and Debian's Virtuoso 7 (installed by
scripts/test.sh when apt-get is usable; skipped with the reason otherwise), each started on a
free loopback port in a temporary folder, loaded by `kgraph push` of the seeds' graph, and asked
every library query: the rows must be those `kgraph query` gives.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from kgraph.linked import ONTOLOGY_GRAPH, SUMMARY_GRAPH
from kgraph.sparql import library
from kgraph.store import GraphStore
from tests.test_server import free_port, stop, wait_for

ROOT = Path(__file__).resolve().parents[1]
ID = "https://w3id.org/ckg/id/"
PARAMS = {  # the required parameters of the library queries, facts the seeds state
    "participants": {"meeting": "cis-council-of-interior-ministers/2017-06-28/dushanbe"},
    "meetings_of_state": {"state": "KZ"},
    "state_profile": {"state": "KZ"},
    "person": {"name": "Саденов"},
}


def kgraph(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "kgraph", *args], capture_output=True, text=True,
                          timeout=timeout, env=env)


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("seeds") / "store"
    done = kgraph("build", str(ROOT / "seeds"), "--store", str(store), "-q")
    assert done.returncode == 0, done.stderr
    return store


@functools.cache
def library_texts(store: Path) -> dict[str, str]:
    """Every library query, bound with the seeds' parameters, as `kgraph query --print` gives it."""
    with GraphStore.open(store, read_only=True) as graph_store:
        fact = next(iter(graph_store.query("SELECT ?d WHERE { ?d a ckg:Decision } ORDER BY ?d LIMIT 1")))["d"]
    params = {**PARAMS, "evidence": {"fact": fact.value}}
    texts = {}
    for name in library():
        args = [f"{k}={v}" for k, v in params.get(name, {}).items()]
        done = kgraph("query", name, "--print", *[a for arg in args for a in ("--param", arg)])
        assert done.returncode == 0, done.stderr
        texts[name] = done.stdout
    return texts


def cell(term: dict | None) -> str | None:
    """A result cell compared across stores: the lexical value, numbers as numbers, joined names
    in any order."""
    if term is None or (term["value"] == "" and "xml:lang" not in term):
        return None  # GROUP_CONCAT over nothing: unbound in Oxigraph, "" in Virtuoso (both: no value)
    value = term["value"]
    datatype = term.get("datatype", "")
    if datatype.endswith(("#integer", "#int", "#long", "#decimal", "#double", "#float", "#nonNegativeInteger")):
        try:
            return str(Decimal(value).normalize())
        except InvalidOperation:
            return value
    if datatype.endswith("#boolean"):
        return {"1": "true", "0": "false"}.get(value, value)
    # GROUP_CONCAT's order is left to each engine by SPARQL 1.1: compare the joined parts as a set
    return " / ".join(sorted(value.split(" / "))) if " / " in value else value


def rows_of(result: dict, booleans: frozenset[str] = frozenset()) -> Counter:
    """The rows as a multiset; ``booleans`` names columns read as booleans where a store has no
    boolean type (Virtuoso answers ``true`` as the integer 1)."""
    names = result["head"]["vars"]

    def value(binding: dict, name: str) -> str | None:
        text = cell(binding.get(name))
        return {"1": "true", "0": "false"}.get(text, text) if name in booleans else text

    return Counter(tuple(value(b, n) for n in names) for b in result["results"]["bindings"])


def boolean_columns(result: dict) -> frozenset[str]:
    return frozenset(n for b in result["results"]["bindings"] for n, term in b.items()
                     if term.get("datatype", "").endswith("#boolean"))


def local_result(store: Path, text: str) -> dict:
    """What `kgraph query` answers (its own engine, the union default graph), as SPARQL JSON."""
    import json

    with GraphStore.open(store, read_only=True) as graph_store:
        data = graph_store.query(text, prefixes=False).serialize(format=ox.QueryResultsFormat.JSON)
    return json.loads(data)


def local_rows(store: Path, text: str) -> Counter:
    return rows_of(local_result(store, text))


def remote_rows(endpoint: str, text: str, booleans: frozenset[str] = frozenset()) -> Counter:
    response = httpx.post(endpoint, data={"query": text}, headers={"Accept": "application/sparql-results+json"},
                          timeout=120, trust_env=False)
    assert response.status_code == 200, f"{response.status_code}: {response.text[:300]}"
    return rows_of(response.json(), booleans)


def assert_same_answers(seeds: Path, endpoint: str) -> None:
    texts = library_texts(seeds)
    assert len(texts) == 15
    for name, text in texts.items():
        result = local_result(seeds, text)
        ours = rows_of(result)
        assert ours, f"{name}: no rows on the seeds (the comparison would prove nothing)"
        theirs = remote_rows(endpoint, text, boolean_columns(result))
        assert theirs == ours, f"{name}: {sum(theirs.values())} rows there, {sum(ours.values())} here; " \
                               f"missing {list((ours - theirs).elements())[:3]}, extra {list((theirs - ours).elements())[:3]}"


# -- exports -------------------------------------------------------------------------------------
def test_export_holds_every_graph_and_triple_formats_write_each_triple_once(seeds: Path, tmp_path: Path) -> None:
    trig, nt = tmp_path / "all.trig", tmp_path / "all.nt"
    assert kgraph("export", "--store", str(seeds), "-o", str(trig)).returncode == 0
    done = kgraph("export", "--store", str(seeds), "-o", str(nt))
    assert done.returncode == 0 and "repeated in several graphs written once" in done.stderr
    dataset = ox.Dataset(ox.parse(path=str(trig), format=ox.RdfFormat.TRIG))
    graphs = {q.graph_name.value for q in dataset}
    assert {SUMMARY_GRAPH, ONTOLOGY_GRAPH, ID + "graph/reference"} <= graphs
    with GraphStore.open(seeds, read_only=True) as graph_store:
        counts = graph_store.counts()
    assert len(graphs) == counts["graphs"] + 3  # + summary + consolidation + ontology
    lines = nt.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(set(lines)) and len(lines) < len(dataset)
    assert {(q.subject, q.predicate, q.object) for q in dataset} == \
           {(t.subject, t.predicate, t.object) for t in ox.parse(path=str(nt), format=ox.RdfFormat.N_TRIPLES)}
    assert oct(trig.stat().st_mode & 0o777) != "0o600"


def test_exported_file_answers_every_library_query_in_another_engine(seeds: Path, tmp_path: Path) -> None:
    """rdflib (not Oxigraph) loaded with the TriG export, no prefixes predeclared: the same rows."""
    from rdflib import Dataset

    out = tmp_path / "all.nq"
    assert kgraph("export", "--store", str(seeds), "-o", str(out)).returncode == 0
    dataset = Dataset(default_union=True)
    dataset.parse(out, format="nquads")
    texts = library_texts(seeds)
    for name in ("co_participation", "meetings", "states", "participants"):
        result = dataset.query(texts[name])
        import json

        # rdflib's union default graph repeats a triple that several graphs hold (consolidated
        # meetings and persons are described in each report's graph) instead of merging: compare
        # the distinct rows
        theirs = rows_of(json.loads(result.serialize(format="json")))
        assert set(theirs) == set(local_rows(seeds, texts[name])), name


def test_printed_queries_are_standalone(seeds: Path) -> None:
    done = kgraph("query", "participants", "--print", "--param", "meeting=id:meeting/x/2020-01-01/y")
    assert done.returncode == 0
    assert "PREFIX ckg: <https://w3id.org/ckg/ontology#>" in done.stdout
    assert "<https://w3id.org/ckg/id/meeting/x/2020-01-01/y>" in done.stdout and "?_meeting" not in done.stdout
    ox.Store().query(done.stdout)  # parses with no predeclared prefix
    done = kgraph("query", "participants", "--print")
    assert done.returncode == 2 and "missing required parameter" in done.stderr


# -- push into the oxigraph server ---------------------------------------------------------------
@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not os.access(binary, os.X_OK):
        pytest.skip("the `oxigraph` server is not installed (pip install oxigraph)")
    port = free_port()
    folder = tmp_path_factory.mktemp("oxigraph")
    process = subprocess.Popen([binary, "serve", "-l", str(folder), "-b", f"127.0.0.1:{port}",
                                "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for(f"http://127.0.0.1:{port}/", process)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)


def quad_count(endpoint: str) -> int:
    response = httpx.post(endpoint, data={"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"},
                          headers={"Accept": "application/sparql-results+json"}, trust_env=False)
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def test_push_into_oxigraph_answers_every_library_query_alike(seeds: Path, oxigraph_server: str) -> None:
    done = kgraph("push", oxigraph_server + "/store", "--store", str(seeds))
    assert done.returncode == 0, done.stderr
    assert done.stderr.startswith("pushed 20 graphs")
    first = quad_count(oxigraph_server + "/query")
    # idempotent: pushing again leaves the same store
    assert kgraph("push", oxigraph_server + "/store", "--store", str(seeds)).returncode == 0
    assert quad_count(oxigraph_server + "/query") == first
    assert_same_answers(seeds, oxigraph_server + "/query")


def test_push_failure_names_the_graph_and_what_was_not_pushed(seeds: Path, oxigraph_server: str) -> None:
    done = kgraph("push", oxigraph_server + "/no-such-service", "--store", str(seeds))
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 2 and "Traceback" not in done.stderr
    assert lines[0].startswith(f"kgraph push: graph <{ID}graph/reference> was not stored: HTTP 404")
    assert "0 of 20 graphs pushed" in lines[1] and "20 not pushed" in lines[1]
    done = kgraph("push", f"http://127.0.0.1:{free_port()}/store", "--store", str(seeds), "--timeout", "5")
    assert done.returncode == 1 and "was not stored" in done.stderr and "Traceback" not in done.stderr


# -- push into Virtuoso --------------------------------------------------------------------------
VIRTUOSO_INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
CaseMode = 2
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = ., {d}
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
ServerThreads = 10
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 120
"""


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    binary = shutil.which("virtuoso-t")
    if binary is None:
        pytest.skip("Debian's virtuoso-opensource is not installed (scripts/test.sh installs it as root)")
    folder = tmp_path_factory.mktemp("virtuoso")
    http_port = free_port()
    (folder / "virtuoso.ini").write_text(VIRTUOSO_INI.format(d=folder, sql=free_port(), http=http_port))
    process = subprocess.Popen([binary, "-c", str(folder / "virtuoso.ini"), "-f"], cwd=folder,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{http_port}"
    try:
        wait_for(base + "/sparql?query=ASK%7B%7D", process, seconds=120)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_push_into_virtuoso_answers_every_library_query_alike(seeds: Path, virtuoso: str) -> None:
    started = time.monotonic()
    done = kgraph("push", virtuoso + "/sparql-graph-crud-auth", "--store", str(seeds),
                  "--user", "dba", "--password", "dba", "--auth", "digest")
    assert done.returncode == 0, done.stderr
    first = quad_count(virtuoso + "/sparql")
    assert kgraph("push", virtuoso + "/sparql-graph-crud-auth", "--store", str(seeds),
                  "--user", "dba", "--password", "dba", "--auth", "digest").returncode == 0
    assert quad_count(virtuoso + "/sparql") == first
    assert_same_answers(seeds, virtuoso + "/sparql")
    assert time.monotonic() - started < 300


def test_build_into_triple_formats_writes_each_triple_once(tmp_path: Path) -> None:
    outputs = {ext: tmp_path / f"seeds.{ext}" for ext in ("nq", "nt", "ttl")}
    for out in outputs.values():
        assert kgraph("build", str(ROOT / "seeds"), "-o", str(out), "-q").returncode == 0
    quads = list(ox.parse(path=str(outputs["nq"]), format=ox.RdfFormat.N_QUADS))
    triples = {(q.subject, q.predicate, q.object) for q in quads}
    assert len(triples) < len(quads)  # the seeds do state some triples in several documents
    lines = outputs["nt"].read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(set(lines)) == len(triples)
    turtle = list(ox.parse(path=str(outputs["ttl"]), format=ox.RdfFormat.TURTLE))
    assert len(turtle) == len(triples) == len({(t.subject, t.predicate, t.object) for t in turtle})


# -- vocabulary: what the standards' own axioms infer ----------------------------------------------
AXIOMS = Path(__file__).parent / "data" / "borrowed_axioms.ttl"
CKG_NS = "https://w3id.org/ckg/ontology#"


def rdfs_closure(*sources: tuple[str | Path, str]):
    import owlrl
    from rdflib import Graph

    graph = Graph()
    for source, fmt in sources:
        graph.parse(source, format=fmt)
    owlrl.DeductiveClosure(owlrl.RDFS_Semantics).expand(graph)
    return graph


def test_axioms_catch_the_old_misuse() -> None:
    """The check below can fail: with ckg:value under qb:measure (the old ontology), the closure
    types a statistic as a Data Cube component specification."""
    from rdflib import RDF, URIRef

    old = ("@prefix ckg: <https://w3id.org/ckg/ontology#> . @prefix qb: <http://purl.org/linked-data/cube#> . "
           "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . ckg:value rdfs:subPropertyOf qb:measure . "
           "<https://w3id.org/ckg/id/statistic/x/1> a ckg:Statistic ; ckg:value 3 .")
    import owlrl
    from rdflib import Graph

    graph = Graph().parse(AXIOMS).parse(data=old, format="turtle")
    owlrl.DeductiveClosure(owlrl.RDFS_Semantics).expand(graph)
    assert (URIRef(ID + "statistic/x/1"), RDF.type, URIRef("http://purl.org/linked-data/cube#ComponentSpecification")) \
        in graph


def test_rdfs_closure_of_ontology_and_export_has_no_absurd_types(seeds: Path, tmp_path: Path) -> None:
    from rdflib import RDF, URIRef
    from rdflib.namespace import PROV, SKOS

    QB = "http://purl.org/linked-data/cube#"
    OA = "http://www.w3.org/ns/oa#"
    out = tmp_path / "all.nt"  # the export holds the ontology
    assert kgraph("export", "--store", str(seeds), "-o", str(out)).returncode == 0
    graph = rdfs_closure((out, "nt"), (AXIOMS, "turtle"))

    def instances(cls: str) -> set:
        return set(graph.subjects(RDF.type, URIRef(cls)))

    statistics = instances(CKG_NS + "Statistic")
    assert statistics
    for absurd in ("ComponentSpecification", "ComponentSet", "ComponentProperty", "Observation", "DataSet"):
        assert not statistics & instances(QB + absurd), absurd
    # nothing of the data is both a PROV entity and an activity (disjoint in PROV-O)
    assert not instances(str(PROV.Entity)) & instances(str(PROV.Activity))
    # provenance on the graph of facts, derived from the article; the article is no generated thing
    documents = instances(CKG_NS + "Document")
    assert documents and not any(graph.value(d, PROV.wasGeneratedBy) for d in documents)
    graphs = instances(CKG_NS + "DocumentGraph")
    assert len(graphs) == len(documents)
    for g in graphs:
        assert graph.value(g, PROV.wasDerivedFrom) in documents
        assert (graph.value(g, PROV.wasGeneratedBy), RDF.type, PROV.Activity) in graph
    # every indicator in a concept scheme the graph declares
    indicators = instances(CKG_NS + "Indicator")
    assert indicators and all((i, SKOS.inScheme, None) in graph for i in indicators)
    schemes = {graph.value(i, SKOS.inScheme) for i in indicators}
    assert schemes <= instances(str(SKOS.ConceptScheme)) and len(schemes) == 1
    # evidence: each span the target of an annotation whose bodies are the facts it supports
    evidence = set(graph.objects(None, URIRef(CKG_NS + "evidence")))
    annotations = instances(OA + "Annotation")
    assert evidence and evidence == {graph.value(a, URIRef(OA + "hasTarget")) for a in annotations}
    for fact, span in graph.subject_objects(URIRef(CKG_NS + "evidence")):
        assert any((a, URIRef(OA + "hasBody"), fact) in graph for a in graph.subjects(URIRef(OA + "hasTarget"), span))
    # the annotations, selectors and spans are only what they are
    assert not annotations & (instances(OA + "SpecificResource") | instances(OA + "Selector"))
    assert not evidence & (instances(str(PROV.Entity)) | instances(str(PROV.Agent)))
