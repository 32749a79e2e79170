"""The workbench's parts without a browser: search by name across scripts, the city coordinates
(checked against the bundled country outlines), and its JSON API on the real app over a store
built from the seeds (worker pool and sandbox included). The pages themselves are driven in
Chromium by tests/test_workbench_browser.py."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from kgraph.paths import reference_dir
from kgraph.reference import load_reference
from kgraph.web import geo
from kgraph.web.api import STATIC, library_listing
from kgraph.web.search import make_index, search

ROOT = Path(__file__).resolve().parent.parent
ID = "https://w3id.org/ckg/id/"

NAMES = [  # as the graph holds them: one name per script seen
    (ID + "person/kasym-zhomart-tokaev", "person", "Қасым-Жомарт Тоқаев"),
    (ID + "person/kasym-zhomart-tokaev", "person", "Касым-Жомарт Токаев"),
    (ID + "person/yerzhan-sadenov", "person", "Ержан Саденов"),
    (ID + "person/sergey-lavrov", "person", "Sergey Lavrov"),
    (ID + "person/tokmakov", "person", "Пётр Токмаков"),
    (ID + "place/almaty", "place", "Almaty"),
    (ID + "place/almaty", "place", "Алматы"),
    (ID + "body/csto", "body", "Collective Security Treaty Organization"),
]


@pytest.mark.parametrize("query", ["Tokayev", "Tokaev", "Токаев", "Тоқаев", "Kassym-Jomart Tokayev",
                                   "Qasym-Jomart Toqaev", "tokay"])
def test_search_finds_a_name_in_any_script(query):
    hits = search(make_index(NAMES), query)
    assert [entry.iri for entry, _ in hits] == [ID + "person/kasym-zhomart-tokaev"]


def test_search_ranks_whole_words_first_and_needs_every_word():
    index = make_index(NAMES)
    assert {e.iri for e, _ in search(index, "Tok")} == {ID + "person/kasym-zhomart-tokaev", ID + "person/tokmakov"}
    whole, part = search(index, "Tokaev"), search(index, "Tokae")
    assert whole[0][1] < part[0][1]  # a whole word ranks before the start of one
    assert search(index, "Lavrov Sergei")[0][0].iri == ID + "person/sergey-lavrov"
    assert search(index, "Lavrov Tokayev") == []
    assert [e.iri for e, _ in search(index, "Алмата")] == []  # a different word, not a spelling
    assert [e.iri for e, _ in search(index, "Almaty")] == [ID + "place/almaty"]
    assert search(index, "") == [] and search(index, "  ,. ") == []


def _rings(world: dict, geometry: dict) -> list[list[tuple[float, float]]]:
    """Decode a TopoJSON geometry's rings (delta-encoded, quantised arcs) to lon/lat points."""
    scale, translate = world["transform"]["scale"], world["transform"]["translate"]

    def arc(index: int) -> list[tuple[float, float]]:
        x = y = 0
        points = []
        for dx, dy in world["arcs"][index if index >= 0 else ~index]:
            x, y = x + dx, y + dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        return points if index >= 0 else points[::-1]

    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    return [[p for i in ring for p in arc(i)] for polygon in polygons for ring in polygon]


def test_every_reference_city_has_coordinates_inside_its_state():
    """Hand-entered coordinates checked against an independent source: each city lies within its
    state's outline box (Natural Earth 1:110m, bundled for the map), give or take a degree."""
    coords = geo.coordinates()
    ref = load_reference()
    curated = yaml.safe_load((reference_dir() / "cities.yaml").read_text(encoding="utf-8"))
    assert {ID + "place/" + c["id"] for c in curated} <= set(coords)  # every curated city is placed
    assert set(coords) <= {ID + "place/" + c for c in ref.cities}  # and no entry names an unknown city
    world = json.loads((STATIC / "vendor" / "countries-110m.json").read_text(encoding="utf-8"))
    boxes = {}
    for geometry in world["objects"]["countries"]["geometries"]:
        points = [p for ring in _rings(world, geometry) for p in ring]
        if points:
            lons, lats = [p[0] for p in points], [p[1] for p in points]
            boxes[geometry["properties"]["name"]] = (min(lons), max(lons), min(lats), max(lats))
    checked = 0
    for city in ref.cities.values():
        if ID + "place/" + city.id not in coords:
            continue  # a town derived from a gazetteer without coordinates: listed under the map
        names = ref.states[city.state].names.get("en", [])
        box = next((boxes[n] for n in names if n in boxes), None)
        if box is None:
            continue  # a state the outlines name otherwise (e.g. "United States of America")
        lat, lon = coords[ID + "place/" + city.id]
        west, east, south, north = box
        if east - west > 180:  # a state across the antimeridian (Russia): any longitude east of its west
            east = 180
        assert west - 1 <= lon <= east + 1 and south - 1 <= lat <= north + 1, (city.id, city.state, lat, lon, box)
        checked += 1
    assert checked >= 0.9 * len(coords)


def test_a_malformed_coordinates_file_is_named_in_the_error(tmp_path):
    path = tmp_path / "coordinates.yaml"
    path.write_text("moscow: [55.76]\n", encoding="utf-8")
    with pytest.raises(geo.CoordinatesError, match=r"coordinates\.yaml: moscow: expected \[latitude, longitude\]"):
        geo.coordinates(path)
    path.write_text("moscow: [37.62, 255.76]\n", encoding="utf-8")
    with pytest.raises(geo.CoordinatesError, match="moscow"):
        geo.coordinates(path)


def test_the_library_forms_offer_choices_from_the_store_lists():
    forms = {q["name"]: {p["name"]: p for p in q["params"]} for q in library_listing()}
    assert forms["meetings_of_state"]["state"]["list"] == "state" and forms["meetings_of_state"]["state"]["required"]
    assert forms["meetings"]["body"]["list"] == "body" and not forms["meetings"]["body"]["required"]
    assert forms["topics_over_time"]["from"]["list"] == "year"
    assert forms["participants"]["meeting"]["list"] == "meeting"
    assert forms["documents"]["language"]["values"] == ["kk", "ru", "en"]
    assert forms["meetings"]["limit"]["default"] == "100"


def test_an_entity_page_labels_everything_it_names_and_orders_evidence():
    from kgraph.web.entity import assemble

    def uri(v):
        return {"type": "uri", "value": v}

    def lit(v, lang=None):
        return {"type": "literal", "value": v, **({"xml:lang": lang} if lang else {})}

    m, kz, dec, doc1, doc2 = (ID + "meeting/x", ID + "state/KZ", ID + "decision/d", ID + "doc/1", ID + "doc/2")
    page = assemble(
        m,
        out_rows=[{"p": uri("https://w3id.org/ckg/ontology#participantState"), "o": uri(kz), "label": lit("Казахстан", "ru")},
                  {"p": uri("https://w3id.org/ckg/ontology#participantState"), "o": uri(kz), "label": lit("Kazakhstan", "en")},
                  {"p": uri("http://www.w3.org/2000/01/rdf-schema#label"), "o": lit("A session", "en")}],
        in_rows=[],
        fact_rows=[{"fact": uri(dec), "kind": lit("decision"), "p": uri("https://w3id.org/ckg/ontology#topic"),
                    "o": uri(ID + "topic/terrorism")}],
        evidence_rows=[{"fact": uri(dec), "quote": lit("b"), "doc": uri(doc2), "published": lit("2024-02-01"),
                        "start": lit("5")},
                       {"fact": uri(dec), "quote": lit("a"), "doc": uri(doc1), "published": lit("2024-01-01"),
                        "start": lit("9"), "sentence": lit("<script>x</script> a.")}])
    assert page["label"] == "A session"
    assert [f["label"] for f in page["facts"] if f["property"] == "participant state"] == ["Kazakhstan"]
    assert page["linked"][0]["props"]["topic"][0]["label"] == "terrorism"  # no label known: the IRI's last segment
    assert [e["quote"] for e in page["evidence"][dec]] == ["a", "b"]  # oldest report first
    assert page["evidence"][dec][0]["sentence"] == "<script>x</script> a."  # kept as text; the page escapes it


# -- the JSON API on the real app -------------------------------------------------------------------
@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("workbench-api")
    done = subprocess.run([sys.executable, "-m", "kgraph", "build", str(ROOT / "seeds"), "--store",
                           str(folder / "store"), "-o", str(folder / "seeds.trig")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return folder / "store"


def _client(store: Path, **options):
    from starlette.testclient import TestClient

    from kgraph.server import create_app

    return TestClient(create_app(store, workers=1, **options))


@pytest.fixture(scope="module")
def client(store):
    with _client(store) as test_client:
        yield test_client


def test_lists_are_read_page_by_page_under_a_small_row_cap(store, client):
    """An endpoint capped at 100 rows a result (the seeds have over 1,000 names) still gives the
    workbench every name and label; pages of 4 still give every meeting."""
    import asyncio

    import pyoxigraph as ox

    from kgraph.server import execute
    from kgraph.web.api import Workbench

    db = ox.Store.read_only(str(store))

    async def run(text: str) -> dict:
        return json.loads(execute(db, text, "JSON", 4))  # the endpoint's own execution, its cap at 4

    whole = client.get("/api/timeline").json()["meetings"]
    assert len(whole) > 4 and asyncio.run(Workbench(run, page=4)._meeting_rows()) == whole
    with _client(store, max_results=100) as small:
        for path in ("/api/timeline", "/api/places", "/api/choices"):
            assert small.get(path).json() == client.get(path).json(), path
        assert small.get("/api/search", params={"q": "Tokayev"}).json() == \
            client.get("/api/search", params={"q": "Tokayev"}).json()
        kz = small.get("/api/entity", params={"iri": ID + "state/KZ"}).json()
        assert kz["truncated"] and not client.get("/api/entity", params={"iri": ID + "state/KZ"}).json()["truncated"]


def test_api_search_entity_timeline_and_places(client):
    hits = client.get("/api/search", params={"q": "Тоқаев"}).json()
    assert hits and hits[0]["kind"] == "person" and "tokaev" in hits[0]["iri"]
    person = client.get("/api/entity", params={"iri": hits[0]["iri"]}).json()
    meetings = [i for i in person["incoming"] if i["property"] == "participant person"]
    assert meetings and all(i["s"].startswith(ID + "meeting/") for i in meetings)
    assert person["evidence"][hits[0]["iri"]]  # the person's own evidence, with its document
    first = person["evidence"][hits[0]["iri"]][0]
    assert first["quote"] and first["doc"].startswith(ID + "doc/") and first["title"]
    timeline = client.get("/api/timeline").json()
    assert timeline["meetings"] and all(m["date"] for m in timeline["meetings"])
    places = client.get("/api/places").json()
    drawn = {p["iri"] for p in places["places"]} | {p["iri"] for p in places["unplaced"]}
    assert drawn == {m["place"] for m in timeline["meetings"] if m["place"]}
    assert sum(len(p["meetings"]) for p in places["places"] + places["unplaced"]) == sum(
        1 for m in timeline["meetings"] if m["place"])


@pytest.mark.parametrize(("query", "iri"), [
    ("Тоқаев", "person/kasym-zhomart-tokaev"),
    ("СРОБ", "body/cis-council-of-security-agency-heads"),  # an abbreviation
    ("Бішкек", "place/bishkek"), ("Bishkek", "place/bishkek"),
    ("Қазақстан", "state/KZ"),
])
def test_api_search_over_persons_bodies_places_and_states(client, query, iri):
    hits = client.get("/api/search", params={"q": query}).json()
    assert ID + iri in [h["iri"] for h in hits[:3]], hits[:5]


def test_api_state_and_body_pages_list_all_their_meetings(store, client):
    import pyoxigraph as ox

    db = ox.Store.read_only(str(store))
    for iri, pattern in ((ID + "state/KZ", "?m ckg:participantState <{}>"),
                         (ID + "body/cis-council-of-interior-ministers", "?m ckg:heldBy <{}>")):
        query = "SELECT DISTINCT ?m WHERE { ?m a ckg:Meeting . " + pattern.format(iri) + " }"
        expected = {r["m"].value for r in db.query(query, use_default_graph_as_union=True,
                                                    prefixes={"ckg": "https://w3id.org/ckg/ontology#"})}
        page = client.get("/api/entity", params={"iri": iri}).json()
        assert expected and {m["iri"] for m in page["meetings"]} == expected, iri
        dates = [m["date"] for m in page["meetings"]]
        assert dates == sorted(dates, reverse=True)  # newest first
        assert page["timeline"] in ("state", "body")
    kz = client.get("/api/entity", params={"iri": ID + "state/KZ"}).json()
    assert kz["mentions"] > 0  # documents mentioning a state: counted, not listed
    assert not any(i["property"] == "mentions" for i in kz["incoming"])


def test_views_made_by_kgraph_viz_are_linked_and_served(store, tmp_path):
    """`kgraph serve --views DIR`: a view drawn under the file name the page suggests is linked."""
    views = tmp_path / "views"
    views.mkdir()
    with _client(store, views_dir=views) as bench:
        kz = bench.get("/api/entity", params={"iri": ID + "state/KZ"}).json()["views"]
        assert kz and not any("href" in v for v in kz)  # nothing drawn yet: commands only
        command = kz[0]["command"].replace("STORE", str(store)).replace("VIEWS", str(views))
        done = subprocess.run([sys.executable, "-m", "kgraph", *command.split()[1:]], capture_output=True,
                              text=True, timeout=300)
        assert done.returncode == 0, done.stderr[-2000:]
        kz = bench.get("/api/entity", params={"iri": ID + "state/KZ"}).json()["views"]
        assert kz[0]["href"] == "/views/state-KZ.html" and "href" not in kz[1]
        page = bench.get(kz[0]["href"])
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    code = subprocess.run([sys.executable, "-m", "kgraph", "serve", "--store", str(store), "--views",
                           str(tmp_path / "none")], capture_output=True, text=True, timeout=60)
    assert code.returncode == 2 and "--views" in code.stderr and "not a folder" in code.stderr


def test_api_runs_a_library_question_and_refuses_bad_input(client):
    answer = client.get("/api/library/meetings_of_state", params={"state": "KZ"}).json()
    assert "state/KZ" in answer["query"] and answer["result"]["results"]["bindings"]
    bad = client.get("/api/library/meetings_of_state", params={"state": "not an iri"})
    assert bad.status_code == 400 and "state" in bad.json()["error"]
    assert client.get("/api/library/meetings_of_state").status_code == 400  # a required parameter missing
    assert client.get("/api/library/no_such_query").status_code == 404
    assert client.get("/api/entity", params={"iri": "javascript:alert(1)"}).status_code == 400
    assert client.get("/api/entity", params={"iri": ID + "state/XX-none"}).status_code == 404
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    policy = page.headers["content-security-policy"]  # nothing but this server, even if a text slipped through
    assert "script-src 'self'" in policy and "connect-src 'self'" in policy and "unsafe-eval" not in policy
