"""Reference data (``ontology/reference/*.yaml``) as frozen dataclasses, and as the reference RDF graph.

One source of truth: the gazetteers match the names written here and the RDF carries them as labels,
so a name added to the YAML is both found in texts and shown in the graph. Loading checks the data
(unknown parents, duplicate keys, missing contract slugs…) and fails with a one-line error naming
the file and the entry, because a silent mistake here degrades every document's extraction.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from rdflib import Graph, Literal, URIRef

from kgraph.namespaces import CKG, ID, ORG, OWL, PREFIXES, PROV, RDF, RDFS, SCHEMA, SKOS, WD
from kgraph.paths import reference_dir

LANGS = ("en", "ru", "kk")

# The identifiers CONTRACT.md promises to the scorer; the reference data must define them all.
CONTRACT_BODIES = (
    "cis", "cis-council-of-heads-of-state", "cis-council-of-heads-of-government",
    "cis-council-of-foreign-ministers", "cis-council-of-defence-ministers", "cis-council-of-interior-ministers",
    "cis-council-of-security-agency-heads", "cis-council-of-border-troops-commanders", "cis-executive-committee",
    "cis-anti-terrorism-center", "cis-bkbop", "cis-interparliamentary-assembly", "cis-council-of-prosecutors-general",
    "cis-security-council-secretaries", "csto", "csto-collective-security-council",
    "csto-council-of-foreign-ministers", "csto-council-of-defence-ministers",
    "csto-committee-of-security-council-secretaries", "csto-secretariat", "sco", "sco-council-of-heads-of-state",
    "sco-rats", "sco-council-of-defence-ministers",
)
CONTRACT_TOPICS = (
    "organized-crime", "drug-trafficking", "illegal-migration", "terrorism", "extremism", "cybercrime",
    "human-trafficking", "road-safety", "forensics", "border-security", "training", "legal-framework",
    "military-cooperation", "information-exchange", "other",
)

TOPIC_SCHEME = ID["topic/scheme"]
AGENCY_TYPE_SCHEME = ID["agency-type/scheme"]
INDICATOR_SCHEME = ID["indicator/scheme"]  # indicators are minted per document (kgraph.emit)
EXTRACTION = ID["activity/kgraph-extraction"]  # what generated every document graph

# libyaml's loader where PyYAML was built with it: the reference files (towns.yaml above all) load
# several times faster, and every CLI call loads them
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_QID = re.compile(r"Q[1-9][0-9]*")
_ISO = re.compile(r"[A-Z]{2}")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

Names = dict[str, tuple[str, ...]]  # language → names, the preferred one first


class ReferenceDataError(ValueError):
    """Invalid reference data; the message is one line naming the file and the entry."""


def _first(names: Names, lang: str) -> str:
    for candidate in (lang, "en", *LANGS):
        if names.get(candidate):
            return names[candidate][0]
    return ""


@dataclass(frozen=True)
class State:
    code: str  # ISO 3166-1 alpha-2
    qid: str
    names: Names
    adjectives: Names = field(default_factory=dict)
    memberships: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return self.code

    @property
    def iri(self) -> URIRef:
        return ID[f"state/{self.code}"]

    def label(self, lang: str = "en") -> str:
        return _first(self.names, lang)


@dataclass(frozen=True)
class Body:
    slug: str
    names: Names
    core: Names = field(default_factory=dict)
    abbreviations: Names = field(default_factory=dict)
    parent: str | None = None
    qid: str | None = None
    agency: str | None = None  # agency type slug whose heads sit in the body
    permanent: bool = False  # a standing organ (executive committee, secretariat), not a council in session

    @property
    def key(self) -> str:
        return self.slug

    @property
    def iri(self) -> URIRef:
        return ID[f"body/{self.slug}"]

    def label(self, lang: str = "en") -> str:
        return _first(self.names, lang)


@dataclass(frozen=True)
class City:
    id: str
    state: str
    names: Names
    qid: str | None = None
    capital: bool = False  # the state's capital: what "the Kazakh capital", "белорусская столица" name

    @property
    def key(self) -> str:
        return self.id

    @property
    def iri(self) -> URIRef:
        return ID[f"place/{self.id}"]

    def label(self, lang: str = "en") -> str:
        return _first(self.names, lang)


@dataclass(frozen=True)
class AgencyType:
    slug: str
    names: Names
    heads: Names = field(default_factory=dict)
    national: dict[str, tuple[str, ...]] = field(default_factory=dict)  # ISO code → names of that state's agency

    @property
    def key(self) -> str:
        return self.slug

    @property
    def iri(self) -> URIRef:
        return ID[f"agency-type/{self.slug}"]

    def label(self, lang: str = "en") -> str:
        return _first(self.names, lang)


@dataclass(frozen=True)
class Topic:
    slug: str
    labels: dict[str, str]
    cues: Names = field(default_factory=dict)
    bodies: tuple[str, ...] = ()  # bodies whose field this topic is: their sessions are about it
    not_cues: Names = field(default_factory=dict)  # phrases in which a cue does not name the topic

    @property
    def key(self) -> str:
        return self.slug

    @property
    def iri(self) -> URIRef:
        return ID[f"topic/{self.slug}"]

    def label(self, lang: str = "en") -> str:
        return self.labels.get(lang) or self.labels.get("en", self.slug)


@dataclass(frozen=True)
class Reference:
    directory: Path
    states: dict[str, State]
    bodies: dict[str, Body]
    cities: dict[str, City]
    agencies: dict[str, AgencyType]
    topics: dict[str, Topic]

    def city_by_qid(self, qid: str) -> City | None:
        return next((c for c in self.cities.values() if c.qid == qid), None)


# ---------------------------------------------------------------- loading and checking


class _File:
    """One YAML file being read: every error names it and the entry at hand."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.entry = ""

    def fail(self, problem: str) -> ReferenceDataError:
        where = f"{self.path}: entry {self.entry!r}: " if self.entry else f"{self.path}: "
        return ReferenceDataError(where + problem)

    def entries(self) -> list[dict[str, Any]]:
        try:
            data = yaml.load(self.path.read_text(encoding="utf-8"), Loader=_LOADER)
        except FileNotFoundError:
            raise self.fail("file not found") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise self.fail(f"cannot read ({exc})") from None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f" at line {mark.line + 1}" if mark else ""
            raise self.fail(f"invalid YAML{line}: {getattr(exc, 'problem', exc)}") from None
        if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
            raise self.fail("expected a list of mappings")
        return data

    def key(self, item: dict[str, Any], name: str, pattern: re.Pattern[str], seen: set[str]) -> str:
        value = item.get(name)
        self.entry = str(value) if value is not None else f"#{len(seen) + 1}"
        if not isinstance(value, str) or not pattern.fullmatch(value):
            raise self.fail(f"{name} missing or malformed ({value!r})")
        if value in seen:
            raise self.fail(f"duplicate {name}")
        seen.add(value)
        return value

    def qid(self, item: dict[str, Any], required: bool) -> str | None:
        value = item.get("qid")
        if value is None and not required:
            return None
        if not isinstance(value, str) or not _QID.fullmatch(value):
            raise self.fail(f"qid missing or malformed ({value!r}); expected Q followed by digits")
        return value

    def names(self, item: dict[str, Any], name: str, required: bool = True) -> Names:
        raw = item.get(name)
        if raw is None and not required:
            return {}
        if not isinstance(raw, Mapping):
            raise self.fail(f"{name} must map languages ({', '.join(LANGS)}) to lists of names")
        out: Names = {}
        for lang, values in raw.items():
            if lang not in LANGS:
                raise self.fail(f"{name}: unknown language {lang!r}")
            if values is None:
                values = []
            if isinstance(values, str):
                values = [values]
            if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
                raise self.fail(f"{name}.{lang} must be a list of non-empty strings")
            if len({v.casefold() for v in values}) != len(values):
                raise self.fail(f"{name}.{lang} lists a name twice")
            out[lang] = tuple(v.strip() for v in values)
        if required:
            missing = [lang for lang in LANGS if not out.get(lang)]
            if missing:
                raise self.fail(f"{name} has no {'/'.join(missing)} name")
        return out


def _load_states(path: Path) -> dict[str, State]:
    f, seen, out = _File(path), set(), {}
    qids: dict[str, str] = {}
    for item in f.entries():
        code = f.key(item, "code", _ISO, seen)
        qid = f.qid(item, required=True)
        assert qid is not None
        if qid in qids:
            raise f.fail(f"qid {qid} already used by {qids[qid]}")
        qids[qid] = code
        memberships = item.get("memberships") or []
        if not isinstance(memberships, list) or not all(isinstance(m, str) for m in memberships):
            raise f.fail("memberships must be a list of body slugs")
        out[code] = State(code, qid, f.names(item, "names"), f.names(item, "adjectives", required=False),
                          tuple(memberships))
    return out


def _load_bodies(path: Path) -> dict[str, Body]:
    f, seen, out = _File(path), set(), {}
    for item in f.entries():
        slug = f.key(item, "slug", _SLUG, seen)
        parent, agency = item.get("parent"), item.get("agency")
        for name, value in (("parent", parent), ("agency", agency)):
            if value is not None and not (isinstance(value, str) and _SLUG.fullmatch(value)):
                raise f.fail(f"{name} must be a slug ({value!r})")
        out[slug] = Body(slug, f.names(item, "names"), f.names(item, "core", required=False),
                         f.names(item, "abbreviations", required=False), parent, f.qid(item, required=False),
                         agency, bool(item.get("permanent", False)))
    return out


def _load_cities(path: Path) -> dict[str, City]:
    f, seen, out = _File(path), set(), {}
    qids: dict[str, str] = {}
    for item in f.entries():
        city_id = f.key(item, "id", _SLUG, seen)
        qid = f.qid(item, required=False)
        if qid is not None:
            if qid in qids:
                raise f.fail(f"qid {qid} already used by {qids[qid]}")
            qids[qid] = city_id
        state = item.get("state")
        if not isinstance(state, str) or not _ISO.fullmatch(state):
            raise f.fail(f"state missing or malformed ({state!r})")
        out[city_id] = City(city_id, state, f.names(item, "names"), qid, bool(item.get("capital", False)))
    return out


def _load_agencies(path: Path) -> dict[str, AgencyType]:
    f, seen, out = _File(path), set(), {}
    for item in f.entries():
        slug = f.key(item, "slug", _SLUG, seen)
        national_raw = item.get("national") or {}
        if not isinstance(national_raw, Mapping):
            raise f.fail("national must map ISO codes to lists of names")
        national: dict[str, tuple[str, ...]] = {}
        for code, values in national_raw.items():
            if not (isinstance(code, str) and _ISO.fullmatch(code)) or not isinstance(values, list):
                raise f.fail(f"national: {code!r} must be an ISO code with a list of names")
            national[code] = tuple(str(v) for v in values)
        out[slug] = AgencyType(slug, f.names(item, "names"), f.names(item, "heads", required=False), national)
    return out


def _load_topics(path: Path) -> dict[str, Topic]:
    f, seen, out = _File(path), set(), {}
    for item in f.entries():
        slug = f.key(item, "slug", _SLUG, seen)
        labels = item.get("labels")
        if not isinstance(labels, Mapping) or not all(isinstance(labels.get(lang), str) for lang in LANGS):
            raise f.fail(f"labels must give one string per language ({', '.join(LANGS)})")
        bodies = item.get("bodies") or []
        if not isinstance(bodies, list) or not all(isinstance(b, str) for b in bodies):
            raise f.fail("bodies must be a list of body slugs")
        out[slug] = Topic(slug, {lang: labels[lang] for lang in LANGS}, f.names(item, "cues", required=False),
                          tuple(bodies), f.names(item, "not_cues", required=False))
    return out


def _check_links(directory: Path, ref: Reference) -> None:
    """Cross-file references: every slug and code used points at something defined."""

    def fail(file: str, entry: str, problem: str) -> ReferenceDataError:
        return ReferenceDataError(f"{directory / file}: entry {entry!r}: {problem}")

    for state in ref.states.values():
        for body in state.memberships:
            if body not in ref.bodies:
                raise fail("states.yaml", state.code, f"membership in unknown body {body!r}")
    for body in ref.bodies.values():
        if body.parent is not None and body.parent not in ref.bodies:
            raise fail("bodies.yaml", body.slug, f"unknown parent {body.parent!r}")
        if body.agency is not None and body.agency not in ref.agencies:
            raise fail("bodies.yaml", body.slug, f"unknown agency type {body.agency!r}")
        ancestor, steps = body.parent, 0
        while ancestor is not None:
            steps += 1
            if ancestor == body.slug or steps > len(ref.bodies):
                raise fail("bodies.yaml", body.slug, "parent chain loops")
            ancestor = ref.bodies[ancestor].parent
    for topic in ref.topics.values():
        for body in topic.bodies:
            if body not in ref.bodies:
                raise fail("topics.yaml", topic.slug, f"unknown body {body!r}")
    for city in ref.cities.values():
        if city.state not in ref.states:
            raise fail("cities.yaml", city.id, f"unknown state {city.state!r}")
    for agency in ref.agencies.values():
        for code in agency.national:
            if code not in ref.states:
                raise fail("agencies.yaml", agency.slug, f"national names for unknown state {code!r}")
    for file, table, required in (("bodies.yaml", ref.bodies, CONTRACT_BODIES),
                                  ("topics.yaml", ref.topics, CONTRACT_TOPICS)):
        missing = [slug for slug in required if slug not in table]
        if missing:
            raise ReferenceDataError(f"{directory / file}: contract slug(s) missing: {', '.join(missing)}")


def _with_towns(cities: dict[str, City], path: Path) -> dict[str, City]:
    """The curated cities plus the towns derived from a gazetteer (``towns.yaml``, written by
    ``scripts/towns_from_csc.py``): sessions are held in towns and resorts no report has shown yet.
    A curated city wins over a derived town of the same id or Wikidata item."""
    if not path.exists():
        return cities
    qids = {city.qid for city in cities.values() if city.qid}
    towns = _load_cities(path)
    return cities | {key: town for key, town in towns.items() if key not in cities and town.qid not in qids}


@cache
def _load(directory: Path) -> Reference:
    ref = Reference(
        directory=directory,
        states=_load_states(directory / "states.yaml"),
        bodies=_load_bodies(directory / "bodies.yaml"),
        cities=_with_towns(_load_cities(directory / "cities.yaml"), directory / "towns.yaml"),
        agencies=_load_agencies(directory / "agencies.yaml"),
        topics=_load_topics(directory / "topics.yaml"),
    )
    _check_links(directory, ref)
    return ref


@cache
def _default_directory() -> Path:
    """The project's reference folder, resolved once: extractors ask for the reference thousands of
    times a build, and resolving a path walks the file system each time."""
    return reference_dir().resolve()


def load_reference(directory: Path | str | None = None) -> Reference:
    """The reference data of ``directory`` (default: the project's), loaded once and checked."""
    return _load(Path(directory).resolve() if directory is not None else _default_directory())


# ---------------------------------------------------------------- RDF


def _labels(iri: URIRef, names: Names, rdfs_langs: Iterable[str] = LANGS) -> list[tuple]:
    """skos:prefLabel/altLabel per language, and rdfs:label for the languages asked."""
    triples: list[tuple] = []
    rdfs_langs = set(rdfs_langs)
    for lang, values in names.items():
        if not values:
            continue
        triples.append((iri, SKOS.prefLabel, Literal(values[0], lang=lang)))
        if lang in rdfs_langs:
            triples.append((iri, RDFS.label, Literal(values[0], lang=lang)))
        triples.extend((iri, SKOS.altLabel, Literal(v, lang=lang)) for v in values[1:])
    return triples


def reference_triples(ref: Reference) -> list[tuple]:
    """All triples of the reference graph, in a stable order."""
    t: list[tuple] = []
    for state in ref.states.values():
        s = state.iri
        t += [(s, RDF.type, CKG.State), (s, RDF.type, SCHEMA.Country), (s, OWL.sameAs, WD[state.qid]),
              (s, CKG.isoCode, Literal(state.code))]
        t += _labels(s, state.names)
        for body in state.memberships:
            t += [(s, CKG.memberOf, ID[f"body/{body}"]), (s, ORG.memberOf, ID[f"body/{body}"])]
    for body in ref.bodies.values():
        b = body.iri
        t += [(b, RDF.type, CKG.Body), (b, RDF.type, ORG.FormalOrganization)]
        if body.qid:
            t.append((b, OWL.sameAs, WD[body.qid]))
        if body.parent:
            t.append((b, ORG.subOrganizationOf, ID[f"body/{body.parent}"]))
        if body.agency:
            t.append((b, CKG.agencyType, ID[f"agency-type/{body.agency}"]))
        t += _labels(b, body.names)
        for lang, values in body.abbreviations.items():
            for abbreviation in values:
                t += [(b, CKG.abbreviation, Literal(abbreviation, lang=lang)),
                      (b, SKOS.altLabel, Literal(abbreviation, lang=lang))]
    for city in ref.cities.values():
        c = city.iri
        t += [(c, RDF.type, CKG.City), (c, RDF.type, SCHEMA.City),
              (c, SCHEMA.containedInPlace, ID[f"state/{city.state}"])]
        if city.qid:
            t.append((c, OWL.sameAs, WD[city.qid]))
        # rdfs:label in English only: the scorer compares a place's English label
        t += _labels(c, city.names, rdfs_langs=("en",))
    t += [(TOPIC_SCHEME, RDF.type, SKOS.ConceptScheme), (TOPIC_SCHEME, RDFS.label, Literal("Topics", lang="en"))]
    for topic in ref.topics.values():
        c = topic.iri
        t += [(c, RDF.type, SKOS.Concept), (c, RDF.type, CKG.Topic), (c, SKOS.inScheme, TOPIC_SCHEME),
              (TOPIC_SCHEME, SKOS.hasTopConcept, c), (c, SKOS.notation, Literal(topic.slug))]
        for lang, text in topic.labels.items():
            t += [(c, SKOS.prefLabel, Literal(text, lang=lang)), (c, RDFS.label, Literal(text, lang=lang))]
    t += [(INDICATOR_SCHEME, RDF.type, SKOS.ConceptScheme),
          (INDICATOR_SCHEME, RDFS.label, Literal("Indicators of reported figures", lang="en")),
          (EXTRACTION, RDF.type, PROV.Activity),
          (EXTRACTION, RDFS.label, Literal("kgraph extraction from news text", lang="en"))]
    t += [(AGENCY_TYPE_SCHEME, RDF.type, SKOS.ConceptScheme),
          (AGENCY_TYPE_SCHEME, RDFS.label, Literal("Agency types", lang="en"))]
    for agency in ref.agencies.values():
        a = agency.iri
        t += [(a, RDF.type, SKOS.Concept), (a, RDF.type, CKG.AgencyType), (a, SKOS.inScheme, AGENCY_TYPE_SCHEME),
              (AGENCY_TYPE_SCHEME, SKOS.hasTopConcept, a), (a, SKOS.notation, Literal(agency.slug))]
        t += _labels(a, agency.names)
        for lang, titles in agency.heads.items():
            t += [(a, CKG.headTitle, Literal(title, lang=lang)) for title in titles]
    return t


def reference_graph(ref: Reference | None = None) -> Graph:
    """The reference graph (states, bodies, places, topics, agency types) as an rdflib Graph.

    Its identifier is ``REFERENCE_GRAPH``; callers put it in that named graph of a dataset.
    """
    from kgraph.namespaces import REFERENCE_GRAPH

    graph = Graph(identifier=REFERENCE_GRAPH)
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    for triple in reference_triples(ref or load_reference()):
        graph.add(triple)
    return graph


__all__ = ["AGENCY_TYPE_SCHEME", "CONTRACT_BODIES", "CONTRACT_TOPICS", "LANGS", "TOPIC_SCHEME", "AgencyType", "Body",
           "City", "Reference", "ReferenceDataError", "State", "Topic", "load_reference", "reference_graph",
           "reference_triples"]
