"""One meeting, one node; one person, one node: consolidation of the reports in a store.

Each document's graph is emitted alone, with IRIs minted from what that report says: a report
without the day of a session gets ``…/undated-2025-08/…``, a report of a range gets the first day,
and a person's IRI comes from the name as written (Тоқаев, Токаев and Tokayev give three IRIs).
``consolidate(store)`` runs when a build closes the store (before the summary) and decides, from
every document graph at once, which report-level nodes are one session or one person:

* **meetings**: reports from different documents, of one body (or a body and its parent), with
  compatible dates (a day inside the other's range; an undated report's publication month, or the
  week before its publication), the same place or an unknown one, and no two different session
  numbers;
* **persons**: names that agree word by word across scripts (``kgraph.names.skeleton``) or by
  initials, in different documents, with no two different known states or roles; an initial or a
  bare surname must also share a known state or role with the full name.

A group must be a clique: a report compatible with two reports that are not compatible with each
other (an undated report of a month in which the council met twice) is left alone, so that no
transitive chain joins two sessions. The result is a function of the set of documents and of the
undone merges, so the order of documents and the number of runs do not change it.

How the merge is written, and why (``docs/design.md`` has the alternatives): every document graph
is rewritten so that its report-level IRI becomes the group's canonical IRI (the member with the
most specific date and place; ties by the smallest IRI), and the report IRI stays in that graph as
``<report> owl:sameAs <canonical>``. Every fact therefore stays in its document's graph with its
evidence, and every query, view, count and export sees one node without knowing of consolidation.
Where a report's date or body disagrees with the canonical one (a day inside a range, a parent
body), its value is kept under ``ckg:reportedStartDate`` / ``ckg:reportedHeldBy`` in that graph,
so that a session has one date and one body. The rewrite is reversible: the originals are
recovered from each graph (report IRI from ``owl:sameAs``, values from the ``reported`` terms).

The graph ``id:graph/consolidation`` (derived, replaced on every run) holds one ``ckg:Merge``
record per group (kind, canonical, members, documents, rule) and ``owl:sameAs`` links from every
member; for every person, ``schema:alternateName`` with the press spellings of Cyrillic names,
so that ``person name=Tokayev`` finds Токаев. ``kgraph merges --undo ID`` records the members of a
merge in ``id:graph/consolidation-undone`` (never touched by a build); those members are then kept
pairwise apart on every later run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import pyoxigraph as ox

from kgraph.names import name_parts, press_spellings
from kgraph.namespaces import CKG, ID, OWL, RDF, SCHEMA
from kgraph.store import CONSOLIDATION_GRAPH_IRI, PREFIX_MAP, GraphStore

UNDONE_GRAPH_IRI = str(ID) + "graph/consolidation-undone"
_CONSOLIDATION = ox.NamedNode(CONSOLIDATION_GRAPH_IRI)
_UNDONE = ox.NamedNode(UNDONE_GRAPH_IRI)
_ID = str(ID)
_MEETING = _ID + "meeting/"
_DELEGATION = _ID + "delegation/"
_DOC_GRAPH = _ID + "graph/"
# graphs that are not documents: never read as reports, never rewritten
_NOT_DOCUMENTS = {_ID + "graph/reference", _ID + "graph/summary", CONSOLIDATION_GRAPH_IRI,
                  UNDONE_GRAPH_IRI, _ID + "graph/journal"}

NEAR_PUBLICATION_DAYS = 7  # an undated report may be of a session this many days before publication


def _n(iri: object) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


SAME_AS, TYPE = _n(OWL.sameAs), _n(RDF.type)
START, REPORTED_START = _n(SCHEMA.startDate), _n(CKG.reportedStartDate)
HELD_BY, REPORTED_HELD_BY = _n(CKG.heldBy), _n(CKG.reportedHeldBy)
ALTERNATE_NAME = _n(SCHEMA.alternateName)
MERGE, MERGE_KIND, CANONICAL, MEMBER, RULE, DOCUMENT = (
    _n(CKG.Merge), _n(CKG.mergeKind), _n(CKG.canonical), _n(CKG.member), _n(CKG.mergeRule), _n(CKG.document))
UNDONE_MERGE = _n(CKG.UndoneMerge)
# a report's value that disagrees with the consolidated one is kept under its "reported" twin
_REPORTED = {START: REPORTED_START, HELD_BY: REPORTED_HELD_BY}
_ORIGINAL = {v: k for k, v in _REPORTED.items()}


# -- the reports, as each document graph gives them ------------------------------------------------
@dataclass
class MeetingReport:
    """One report-level meeting IRI with what the documents that use it say of it (two undated
    reports of one month and city share an IRI from the start)."""

    report: str  # the report-level IRI the emitter minted
    graphs: set[str] = field(default_factory=set)
    nodes: dict[str, str] = field(default_factory=dict)  # graph → IRI used there now
    body: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    place: str | None = None
    published: set[dt.date] = field(default_factory=set)
    session: str | None = None

    @property
    def window(self) -> tuple[dt.date, dt.date] | None:
        """The days the session can have been on, by these reports: the dates given, else the
        month of publication and the week before it."""
        if self.start:
            return self.start, self.end or self.start
        if self.published:
            first, last = min(self.published), max(self.published)
            month_start = first.replace(day=1)
            next_month = (last.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
            return (min(month_start, first - dt.timedelta(days=NEAR_PUBLICATION_DAYS)),
                    next_month - dt.timedelta(days=1))
        return None


@dataclass
class PersonReport:
    """One report-level person IRI with what every document that uses it says of it."""

    report: str
    graphs: set[str] = field(default_factory=set)
    nodes: dict[str, str] = field(default_factory=dict)  # graph → IRI used there now
    names: set[str] = field(default_factory=set)
    states: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)

    def best_name(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        return max((name_parts(n) for n in self.names), key=lambda p: (len(p[0]), len(p[1]), p))


_UNDONE_QUERY = """
SELECT ?merge ?member WHERE { GRAPH <UNDONE> { ?merge a ckg:UndoneMerge ; ckg:member ?member } }""".replace(
    "UNDONE", UNDONE_GRAPH_IRI)


def _rows(store: GraphStore, sparql: str) -> Iterable[dict[str, str | None]]:
    solutions = store.oxigraph.query(sparql, prefixes=PREFIX_MAP)
    names = [v.value for v in solutions.variables]
    for row in solutions:
        yield {n: (row[n].value if row[n] is not None else None) for n in names}


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _by_graph(store: ox.Store, predicate: ox.NamedNode, nodes: set[tuple[str, str]],
              by_object: bool = False) -> dict[tuple[str, str], list[ox.Term]]:
    """Values of ``predicate`` for the (graph, node) pairs in ``nodes``, by one index scan (faster
    than a SPARQL join over every graph: OPTIONALs inside ``GRAPH ?g`` are evaluated per row).
    ``by_object``: the node is the object (``?x owl:sameAs <node>``), the values its subjects."""
    out: dict[tuple[str, str], list[ox.Term]] = defaultdict(list)
    for quad in store.quads_for_pattern(None, predicate, None, None):
        node, value = (quad.object, quad.subject) if by_object else (quad.subject, quad.object)
        key = (quad.graph_name.value, getattr(node, "value", ""))
        if key in nodes:
            out[key].append(value)
    return out


def _typed(store: ox.Store, cls: ox.NamedNode) -> set[tuple[str, str]]:
    return {(q.graph_name.value, q.subject.value)
            for q in store.quads_for_pattern(None, TYPE, cls, None)
            if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value not in _NOT_DOCUMENTS}


def _first(values: list[ox.Term]) -> str | None:
    return min((v.value for v in values), default=None)


def meeting_reports(store: GraphStore, reported_now: set[str] | None = None) -> list[MeetingReport]:
    """The report-level meetings of every document graph; ``reported_now`` collects the graphs
    that hold "reported" twins (kept from an earlier merge)."""
    raw = store.oxigraph
    nodes = {(g, m) for g, m in _typed(raw, _n(CKG.Meeting)) if m.startswith(_MEETING)}
    values = {name: _by_graph(raw, predicate, nodes) for name, predicate in (
        ("body", HELD_BY), ("rbody", REPORTED_HELD_BY), ("start", START), ("rstart", REPORTED_START),
        ("end", _n(SCHEMA.endDate)), ("place", _n(SCHEMA.location)), ("num", _n(CKG.sessionNumber)),
        ("doc", _n(CKG.reportedIn)))}
    origins = _by_graph(raw, SAME_AS, nodes, by_object=True)
    documents = {(g, d.value) for key, docs in values["doc"].items() for g in [key[0]] for d in docs}
    published = _by_graph(raw, _n(SCHEMA.datePublished), documents)
    reports: dict[str, MeetingReport] = {}
    for graph, node in sorted(nodes):
        key = (graph, node)
        report = _first(origins.get(key, [])) or node
        rep = reports.setdefault(report, MeetingReport(report))
        rep.graphs.add(graph)
        rep.nodes[graph] = node
        rep.body = _first(values["rbody"].get(key, []) or values["body"].get(key, [])) or rep.body
        rep.start = _date(_first(values["rstart"].get(key, []) or values["start"].get(key, []))) or rep.start
        rep.end = _date(_first(values["end"].get(key, []))) or rep.end
        rep.place = _first(values["place"].get(key, [])) or rep.place
        rep.session = _first(values["num"].get(key, [])) or rep.session
        for doc in values["doc"].get(key, []):
            rep.published.update(d for p in published.get((graph, doc.value), []) if (d := _date(p.value)))
        if reported_now is not None and (key in values["rstart"] or key in values["rbody"]):
            reported_now.add(graph)
    return [rep for _, rep in sorted(reports.items())]


def person_reports(store: GraphStore) -> list[PersonReport]:
    raw = store.oxigraph
    nodes = _typed(raw, _n(CKG.Person))
    origins = _by_graph(raw, SAME_AS, nodes, by_object=True)
    names = _by_graph(raw, _n(SCHEMA.name), nodes)
    states = _by_graph(raw, _n(CKG.ofState), nodes)
    titles = _by_graph(raw, _n(SCHEMA.jobTitle), nodes)
    persons: dict[str, PersonReport] = {}
    for graph, node in sorted(nodes):
        key = (graph, node)
        report = _first(origins.get(key, [])) or node
        person = persons.setdefault(report, PersonReport(report))
        person.graphs.add(graph)
        person.nodes[graph] = node
        person.names.update(n.value for n in names.get(key, []))
        person.states.update(s.value for s in states.get(key, []))
        for title in titles.get(key, []):
            person.roles |= role_keys(title.value)
    return [p for _, p in sorted(persons.items()) if p.names]


# -- roles -----------------------------------------------------------------------------------------
# Role families by the words of a job title in kk/ru/en (lowercase stems). Only to tell two people
# of one surname apart; a title none of them matches is an unknown role, never a conflict.
_ROLE_STEMS: dict[str, tuple[str, ...]] = {
    "head-of-state": ("president", "президент"),
    "head-of-government": ("prime minister", "prime-minister", "premier", "премьер"),
    "defence": ("defence", "defense", "обороны", "қорғаныс"),
    "interior": ("interior", "internal affairs", "внутренних дел", "мвд", "ішкі істер"),
    "foreign": ("foreign", "иностранных дел", "мид", "сыртқы істер"),
    "security-council": ("security council", "совета безопасности", "совбез", "қауіпсіздік кеңес"),
    "security-service": ("security service", "national security", "state security", "фсб", "кнб",
                         "безопасности республики", "ұлттық қауіпсіздік", "госбезопасност"),
    "prosecutor": ("prosecutor", "прокурор"),
    "border": ("border", "погранич", "шекара"),
    "secretary-general": ("secretary general", "secretary-general", "генеральный секретарь",
                          "генсек", "бас хатшы"),
    "executive-committee": ("executive secretary", "executive committee", "исполнительный секретарь",
                            "исполнительного комитета", "исполком", "атқарушы"),
    "emergencies": ("emergenc", "чрезвычайн", "мчс", "төтенше"),
    "customs": ("customs", "таможен", "кеден"),
}


def role_keys(title: str) -> frozenset[str]:
    """The role families a job title names (a deputy's title names the deputy's family too)."""
    return _role_keys(title.lower())


@lru_cache(maxsize=50_000)
def _role_keys(low: str) -> frozenset[str]:
    return frozenset(role for role, stems in _ROLE_STEMS.items() if any(stem in low for stem in stems))


# -- compatibility -------------------------------------------------------------------------------
def _body_lineage(body: str | None, parents: dict[str, str | None]) -> list[str]:
    chain: list[str] = []
    while body and body not in chain:
        chain.append(body)
        body = parents.get(body)
    return chain


def meetings_compatible(a: MeetingReport, b: MeetingReport, parents: dict[str, str | None]) -> str | None:
    """Why two reports are of one session (a short rule text), or None when they cannot be."""
    if a.graphs & b.graphs or not a.body or not b.body:
        return None  # one document's meetings were told apart by the extractor
    reasons: list[str] = []
    if a.body == b.body:
        reasons.append("same body")
    elif a.body in _body_lineage(b.body, parents) or b.body in _body_lineage(a.body, parents):
        reasons.append("body and its parent")
    else:
        return None
    if a.session and b.session and a.session != b.session:
        return None
    wa, wb = a.window, b.window
    if wa is None or wb is None or wa[0] > wb[1] or wb[0] > wa[1]:
        return None
    if a.start and b.start:
        reasons.append("same day" if (a.start, a.end) == (b.start, b.end) else "day within the range")
    else:
        reasons.append("undated report: month or week of publication")
    if a.place and b.place:
        if a.place != b.place:
            return None
        reasons.append("same place")
    else:
        reasons.append("place unknown in a report")
    return ", ".join(reasons)


_VOWEL_LETTERS = set("aeiou")


def _words_match(x: str, y: str) -> bool:
    """Equal skeletons, or long words one vowel apart (Aleksandr / Alexander after folding,
    Тлеуберди / Тілеуберді). A changed letter is never forgiven: Karimova and Kasimova, Omarova and
    Umarova are other people."""
    if x == y:
        return True
    if min(len(x), len(y)) < 5 or abs(len(x) - len(y)) != 1:
        return False
    short, long_ = sorted((x, y), key=len)
    return any(long_[i] in _VOWEL_LETTERS and long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def name_match(a: tuple[tuple[str, ...], tuple[str, ...]],
               b: tuple[tuple[str, ...], tuple[str, ...]]) -> str | None:
    """How two names agree: "full" (two or more words, none left over on both sides), "initials"
    (the given names of one are the other's initials), "surname" (one is a bare surname), or None."""
    (words_a, init_a), (words_b, init_b) = a, b
    left_b = list(words_b)
    matched, exact = 0, 0
    left_a: list[str] = []
    for word in words_a:
        partner = next((w for w in left_b if w == word), None) or next(
            (w for w in left_b if _words_match(word, w)), None)
        if partner is None:
            left_a.append(word)
            continue
        left_b.remove(partner)
        matched += 1
        exact += partner == word
    if matched == 0 or (exact == 0 and matched < 2):
        return None
    if left_a and left_b:
        return None  # two different given names (or surnames)
    # initials must be the first letters of the other side's left-over words, or its own initials
    for initials, others, other_init in ((init_a, left_b, init_b), (init_b, left_a, init_a)):
        letters = [w[:1] for w in others] + list(other_init)
        for letter in initials:
            if letter in letters:
                letters.remove(letter)
            elif others or other_init:
                return None
    if matched >= 2:
        return "full"
    if init_a or init_b:
        return "initials"
    return "surname"


def persons_compatible(a: PersonReport, b: PersonReport) -> str | None:
    """Why two report-level persons are one person, or None (different states or roles, a name
    that disagrees, or a weak name match with nothing known in common)."""
    if a.graphs & b.graphs:
        return None  # named in one document as two people: the extractor told them apart
    if a.states and b.states and not a.states & b.states:
        return None
    if a.roles and b.roles and not a.roles & b.roles:
        return None
    level = None
    for x in a.names:
        for y in b.names:
            found = name_match(name_parts(x), name_parts(y))
            if found == "full" or (found and level is None):
                level = found
    if level is None:
        return None
    backing = []
    if a.states & b.states:
        backing.append("same state")
    if a.roles & b.roles:
        backing.append("same role")
    if level != "full" and not backing:
        return None  # an initial or a bare surname alone is not enough
    return ", ".join([{"full": "same name across scripts", "initials": "initials against full name",
                       "surname": "surname against full name"}[level], *backing])


# -- grouping --------------------------------------------------------------------------------------
def cliques(items: list[str], candidates: Iterable[tuple[str, str]],
            compatible: Callable[[str, str], str | None],
            weakness: Callable[[str], tuple[object, ...]] = lambda item: ()) -> list[list[str]]:
    """Groups of items in which every two are compatible, by an order-independent rule.

    Connected components of the compatibility graph; while a component is not a clique, its
    weakest ambiguous item (compatible with two items that are not compatible with each other:
    the report with no day or no place, the bare surname) is set apart alone, and the components
    are found again. Every step depends on the set of items only, never on their order."""
    edges: dict[str, set[str]] = defaultdict(set)
    for x, y in candidates:
        if x != y and y not in edges[x] and compatible(x, y):
            edges[x].add(y)
            edges[y].add(x)
    alone: set[str] = set()
    while True:
        components = _components(sorted(set(items) - alone), edges, alone)
        removed = False
        for comp in components:
            ambiguous = [item for item in comp if len(comp) > 2 and _is_ambiguous(item, edges, alone)]
            if ambiguous:
                alone.add(max(ambiguous, key=lambda item: (weakness(item), item)))
                removed = True
        if not removed:
            return components + [[item] for item in sorted(alone)]


def _components(items: list[str], edges: dict[str, set[str]], excluded: set[str]) -> list[list[str]]:
    seen: set[str] = set()
    out: list[list[str]] = []
    for start in items:
        if start in seen:
            continue
        comp, stack = [], [start]
        seen.add(start)
        while stack:
            item = stack.pop()
            comp.append(item)
            for other in edges.get(item, ()):
                if other not in seen and other not in excluded:
                    seen.add(other)
                    stack.append(other)
        out.append(sorted(comp))
    return out


def _is_ambiguous(item: str, edges: dict[str, set[str]], excluded: set[str]) -> bool:
    near = sorted(edges.get(item, set()) - excluded)
    return any(y not in edges[x] for i, x in enumerate(near) for y in near[i + 1:])


MAX_BLOCK = 400  # persons: a key shared by more (a common given name) proposes no pairs by itself


def _blocked_pairs(keys: dict[str, Iterable[Hashable]], limit: int | None = MAX_BLOCK) -> set[tuple[str, str]]:
    """Pairs of items sharing a blocking key, so comparisons stay near-linear at scale; a key held
    by more than ``limit`` items (a common given name: Aleksandr) is skipped, and those items meet
    through their other keys (the surname)."""
    by_key: dict[Hashable, list[str]] = defaultdict(list)
    for item, item_keys in keys.items():
        for key in set(item_keys):
            by_key[key].append(item)
    pairs: set[tuple[str, str]] = set()
    for members in by_key.values():
        if limit is not None and len(members) > limit:
            continue
        members.sort()
        for i, x in enumerate(members):
            pairs.update((x, y) for y in members[i + 1:])
    return pairs


# -- the plan ----------------------------------------------------------------------------------------
@dataclass
class Merge:
    kind: str  # "meeting" | "person"
    canonical: str
    members: list[str]
    documents: list[str]
    rule: str

    @property
    def merge_id(self) -> str:
        return merge_id(self.kind, self.members)


def merge_id(kind: str, members: Iterable[str]) -> str:
    digest = hashlib.sha256("\n".join(sorted(set(members))).encode()).hexdigest()[:12]
    return f"{kind}-{digest}"


def _kept_apart(store: GraphStore) -> set[frozenset[str]]:
    members: dict[str, set[str]] = defaultdict(set)
    for row in _rows(store, _UNDONE_QUERY):
        members[row["merge"] or ""].add(row["member"] or "")
    return {frozenset((x, y)) for group in members.values() for x in group for y in group if x != y}


def _meeting_rank(rep: MeetingReport, depth: dict[str, int]) -> tuple[object, ...]:
    # the most specific report names the node: a day, a place, the deepest body; then the smallest IRI
    return (rep.start is None, rep.place is None, -depth.get(rep.body or "", 0), rep.report)


def plan_meetings(reports: list[MeetingReport], parents: dict[str, str | None],
                  apart: set[frozenset[str]]) -> list[Merge]:
    by_iri = {r.report: r for r in reports}
    # candidates: reports of one body in one month, and a report against those of its ancestors
    # (a report that names only the CIS against each council's) in that month
    by_body_month: dict[tuple[str, tuple[int, int]], list[str]] = defaultdict(list)
    months_of: dict[str, set[tuple[int, int]]] = {}
    for iri, rep in by_iri.items():
        window = rep.window
        if not rep.body or window is None:
            continue
        first, last = window
        months_of[iri] = {(first.year, first.month), (last.year, last.month)}
        for month in months_of[iri]:
            by_body_month[(rep.body, month)].append(iri)
    keys = {iri: [(by_iri[iri].body, m) for m in months] for iri, months in months_of.items()}
    pairs = _blocked_pairs(keys, limit=None)
    for iri, months in months_of.items():
        for ancestor in _body_lineage(by_iri[iri].body, parents)[1:]:
            for month in months:
                pairs.update(tuple(sorted((iri, other))) for other in by_body_month.get((ancestor, month), ()))

    def compatible(x: str, y: str) -> str | None:
        if frozenset((x, y)) in apart:
            return None
        return meetings_compatible(by_iri[x], by_iri[y], parents)

    depth = {body: len(_body_lineage(body, parents)) for body in parents}
    merges = []
    def weakness(iri: str) -> tuple[object, ...]:
        rep = by_iri[iri]
        return (rep.start is None, rep.place is None)

    for group in cliques(sorted(keys), pairs, compatible, weakness):
        if len(group) < 2:
            continue
        reps = [by_iri[i] for i in group]
        best = min(reps, key=lambda r: _meeting_rank(r, depth))
        rules = sorted({rule for r in reps if r is not best and (rule := compatible(best.report, r.report))})
        merges.append(Merge("meeting", best.report, sorted(group),
                            sorted({g for r in reps for g in r.graphs}), "; ".join(rules)))
    return merges


def plan_persons(persons: list[PersonReport], apart: set[frozenset[str]]) -> list[Merge]:
    by_iri = {p.report: p for p in persons}
    keys: dict[str, list[Hashable]] = {}
    for iri, person in by_iri.items():
        words = {w for name in person.names for w in name_parts(name)[0]}
        keys[iri] = [w for w in words if len(w) >= 4] + [("~", w[:4]) for w in words if len(w) >= 6]

    def compatible(x: str, y: str) -> str | None:
        if frozenset((x, y)) in apart:
            return None
        return persons_compatible(by_iri[x], by_iri[y])

    def weakness(iri: str) -> tuple[object, ...]:
        words, initials = by_iri[iri].best_name()
        return (-len(words), -len(initials), not by_iri[iri].states)

    merges = []
    for group in cliques(sorted(by_iri), _blocked_pairs(keys), compatible, weakness):
        if len(group) < 2:
            continue
        people = [by_iri[i] for i in group]
        # the fullest name names the node: most words, then known state, then the smallest IRI
        best = min(people, key=lambda p: (-len(p.best_name()[0]), -len(p.best_name()[1]),
                                          not p.states, p.report))
        rules = sorted({rule for p in people if p is not best and (rule := compatible(best.report, p.report))})
        merges.append(Merge("person", best.report, sorted(group),
                            sorted({g for p in people for g in p.graphs}), "; ".join(rules)))
    return merges


# -- writing -------------------------------------------------------------------------------------
def _delegation_prefix(meeting_iri: str) -> str:
    return _DELEGATION + meeting_iri[len(_MEETING):] + "/"


def _rewrite_graph(store: ox.Store, graph: str, renames: dict[str, str], same_as: dict[str, str],
                   reported: dict[str, set[ox.NamedNode]]) -> bool:
    """Rewrite one document graph: IRIs by ``renames`` (delegations follow their meeting),
    ``<report> owl:sameAs <node>`` set from ``same_as`` (report → node, report itself: none), and the
    properties in ``reported[node]`` moved to their "reported" twins (the others moved back).
    Writes the new quads before removing the old ones, so a crash loses nothing."""
    name = ox.NamedNode(graph)
    prefixes = [(_delegation_prefix(old), _delegation_prefix(new)) for old, new in renames.items()
                if old.startswith(_MEETING)]

    def iri(term: object) -> object:
        if not isinstance(term, ox.NamedNode):
            return term
        value = term.value
        if value in renames:
            return ox.NamedNode(renames[value])
        if value.startswith(_DELEGATION):
            for old, new in prefixes:
                if value.startswith(old):
                    return ox.NamedNode(new + value[len(old):])
        return term

    old_quads = list(store.quads_for_pattern(None, None, None, name))
    new_quads: set[ox.Quad] = set()
    for quad in old_quads:
        if quad.predicate == SAME_AS:
            continue  # set afresh below
        subject, predicate, obj = iri(quad.subject), quad.predicate, iri(quad.object)
        predicate = _ORIGINAL.get(predicate, predicate)
        if predicate in reported.get(getattr(subject, "value", ""), ()):
            predicate = _REPORTED[predicate]
        new_quads.add(ox.Quad(subject, predicate, obj, name))
    for report, node in same_as.items():
        if report != node:
            new_quads.add(ox.Quad(ox.NamedNode(report), SAME_AS, ox.NamedNode(node), name))
    old = set(old_quads)
    if new_quads == old:
        return False
    store.extend([q for q in new_quads if q not in old])
    for quad in old - new_quads:
        store.remove(quad)
    return True


def consolidate(store: GraphStore) -> list[Merge]:
    """Recompute the merges from every document graph, rewrite the graphs whose nodes changed and
    replace the consolidation graph; returns the merges."""
    from kgraph.reference import load_reference

    parents = {slug: body.parent for slug, body in load_reference().bodies.items()}
    apart = _kept_apart(store)
    reported_now: set[str] = set()
    meetings = meeting_reports(store, reported_now)
    meeting_merges = plan_meetings(meetings, parents, apart)
    persons = person_reports(store)
    person_merges = plan_persons(persons, apart)

    canonical_meeting = {m: merge.canonical for merge in meeting_merges for m in merge.members}
    canonical_person = {m: merge.canonical for merge in person_merges for m in merge.members}
    # the consolidated date and body of each canonical meeting: those of its canonical report
    by_report = {rep.report: rep for rep in meetings}
    plans: dict[str, tuple[dict[str, str], dict[str, str], dict[str, set[ox.NamedNode]]]] = defaultdict(
        lambda: ({}, {}, defaultdict(set)))
    for rep in meetings:
        target = canonical_meeting.get(rep.report, rep.report)
        best = by_report[target]
        for graph, node in rep.nodes.items():
            renames, same_as, reported = plans[graph]
            if node != target:
                renames[node] = target
            same_as[rep.report] = target
            if rep.start and best.start and rep.start != best.start:
                reported[target].add(START)
            if rep.body and best.body and rep.body != best.body:
                reported[target].add(HELD_BY)
    for person in persons:
        target = canonical_person.get(person.report, person.report)
        for graph, node in person.nodes.items():
            renames, same_as, _ = plans[graph]
            if node != target:
                renames[node] = target
            same_as[person.report] = target
    raw = store.oxigraph
    for graph, (renames, same_as, reported) in sorted(plans.items()):
        # a graph with nothing to rename and no reported values, now or before, stays as it is
        if renames or any(reported.values()) or graph in reported_now:
            _rewrite_graph(raw, graph, renames, same_as, reported)
    store.replace_graph(CONSOLIDATION_GRAPH_IRI, _consolidation_triples(
        meeting_merges + person_merges, persons, canonical_person))
    return meeting_merges + person_merges


def _consolidation_triples(merges: list[Merge], persons: list[PersonReport],
                           canonical_person: dict[str, str]) -> list[tuple[ox.NamedNode, ox.NamedNode, ox.Node]]:
    triples: list[tuple[ox.NamedNode, ox.NamedNode, ox.Node]] = []
    for merge in merges:
        node = ox.NamedNode(f"{_ID}merge/{merge.merge_id}")
        canonical = ox.NamedNode(merge.canonical)
        triples += [(node, TYPE, MERGE), (node, MERGE_KIND, ox.Literal(merge.kind)),
                    (node, CANONICAL, canonical), (node, RULE, ox.Literal(merge.rule))]
        for member in merge.members:
            triples.append((node, MEMBER, ox.NamedNode(member)))
            if member != merge.canonical:
                triples.append((ox.NamedNode(member), SAME_AS, canonical))
        for graph in merge.documents:
            triples.append((node, DOCUMENT, ox.NamedNode(_ID + "doc/" + graph[len(_DOC_GRAPH):])))
    for person in persons:
        node = ox.NamedNode(canonical_person.get(person.report, person.report))
        for name in sorted(person.names):
            for spelling in sorted(press_spellings(name)):
                triples.append((node, ALTERNATE_NAME, ox.Literal(spelling)))
    return list(dict.fromkeys(triples))


def figures(store: GraphStore) -> dict[str, dict[str, int]]:
    """How much consolidation did: for meetings and persons, the reports (one per document that
    names it), the report-level IRIs the documents minted, and the nodes they became."""
    out = {}
    for kind, reports in (("meetings", meeting_reports(store)), ("persons", person_reports(store))):
        out[kind] = {"reports": sum(len(r.graphs) for r in reports), "report_iris": len(reports),
                     "nodes": len({node for r in reports for node in r.nodes.values()})}
    return out


# -- listing and undoing -----------------------------------------------------------------------------
_LIST_QUERY = """
SELECT ?merge ?kind ?canonical ?rule (GROUP_CONCAT(DISTINCT STR(?member); separator=" ") AS ?members)
       (COUNT(DISTINCT ?doc) AS ?documents) WHERE { GRAPH <CONSOLIDATION> {
  ?merge a ckg:Merge ; ckg:mergeKind ?kind ; ckg:canonical ?canonical ; ckg:mergeRule ?rule ; ckg:member ?member .
  OPTIONAL { ?merge ckg:document ?doc }
} } GROUP BY ?merge ?kind ?canonical ?rule ORDER BY ?kind ?canonical""".replace(
    "CONSOLIDATION", CONSOLIDATION_GRAPH_IRI)
_LIST_UNDONE = """
SELECT ?merge ?kind (GROUP_CONCAT(DISTINCT STR(?member); separator=" ") AS ?members) WHERE { GRAPH <UNDONE> {
  ?merge a ckg:UndoneMerge ; ckg:mergeKind ?kind ; ckg:member ?member .
} } GROUP BY ?merge ?kind ORDER BY ?merge""".replace("UNDONE", UNDONE_GRAPH_IRI)


def list_merges(store: GraphStore, *, undone: bool = False) -> list[dict[str, str]]:
    """The merges in the store (or the undone ones), one dict each: id, kind, canonical, members…"""
    out = []
    for row in _rows(store, _LIST_UNDONE if undone else _LIST_QUERY):
        row = {k: v or "" for k, v in row.items()}
        row["id"] = row.pop("merge").rsplit("/", 1)[-1]
        out.append(row)
    return out


def undo(store: GraphStore, merge: str) -> list[str]:
    """Keep the members of merge ``merge`` (its id) apart from now on, and consolidate again.
    Returns the members; raises KeyError for an unknown id."""
    found = [m for m in list_merges(store) if m["id"] == merge]
    if not found:
        raise KeyError(merge)
    members = found[0]["members"].split()
    node = ox.NamedNode(f"{_ID}merge/{merge}")
    quads = [ox.Quad(node, TYPE, UNDONE_MERGE, _UNDONE),
             ox.Quad(node, MERGE_KIND, ox.Literal(found[0]["kind"]), _UNDONE)]
    quads += [ox.Quad(node, MEMBER, ox.NamedNode(m), _UNDONE) for m in members]
    store.oxigraph.extend(quads)
    store.refresh_derived()
    return members


def redo(store: GraphStore, merge: str) -> bool:
    """Forget an undo (the members may merge again); False when ``merge`` was not undone."""
    node = ox.NamedNode(f"{_ID}merge/{merge}")
    quads = list(store.oxigraph.quads_for_pattern(node, None, None, _UNDONE))
    for quad in quads:
        store.oxigraph.remove(quad)
    if quads:
        store.refresh_derived()
    return bool(quads)


__all__ = ["CONSOLIDATION_GRAPH_IRI", "UNDONE_GRAPH_IRI", "Merge", "consolidate", "figures", "list_merges",
           "merge_id", "name_match", "redo", "role_keys", "undo"]
