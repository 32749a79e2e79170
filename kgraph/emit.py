"""Facts → RDF triples of one document's named graph.

IRIs are minted deterministically from the facts (a meeting's from its body, date and place; a
person's from the transliterated name; evidence from the document hash and offsets), so that two
reports of one meeting converge on one node and rebuilding a document yields the very same triples.
No blank nodes: a store that reloads a document graph must end up with the same triple count.
The emitter knows nothing of languages; labels come from the reference data.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from kgraph import namespaces as ns
from kgraph.document import Document
from kgraph.model import (
    Agency,
    AnnouncedSession,
    Decision,
    DocumentFacts,
    Meeting,
    Person,
    Proposal,
    Span,
    Statistic,
)
from kgraph.translit import to_latin


class _Vocabulary:
    """Oxigraph IRIs of one namespace, made once: the emitter builds Oxigraph terms directly,
    since converting rdflib terms cost as much as the extraction itself."""

    def __init__(self, base: object) -> None:
        self._base = str(base)
        self._nodes: dict[str, ox.NamedNode] = {}

    def __getattr__(self, name: str) -> ox.NamedNode:
        return self[name]

    def __getitem__(self, local: str) -> ox.NamedNode:
        node = self._nodes.get(local)
        if node is None:
            node = self._nodes[local] = ox.NamedNode(self._base + local)
        return node


CKG, OA, PROV, RDF, RDFS, SCHEMA, SKOS, XSD = (
    _Vocabulary(n) for n in (ns.CKG, ns.OA, ns.PROV, ns.RDF, ns.RDFS, ns.SCHEMA, ns.SKOS, ns.XSD))
ID_BASE = str(ns.ID)
URIRef = ox.NamedNode
Node = ox.NamedNode | ox.Literal
Triple = tuple[ox.NamedNode, ox.NamedNode, Node]


INDICATOR_SCHEME = ox.NamedNode(f"{ns.ID}indicator/scheme")


def ID(local: str) -> ox.NamedNode:
    return ox.NamedNode(ID_BASE + local)


def Literal(value: object, *, lang: str | None = None, datatype: ox.NamedNode | None = None) -> ox.Literal:
    if lang:
        return ox.Literal(str(value), language=lang)
    if datatype is not None:
        text = value.isoformat() if hasattr(value, "isoformat") else str(value)
        return ox.Literal(text, datatype=datatype)
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=XSD.boolean)
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=XSD.integer)
    return ox.Literal(str(value))
LabelFor = Callable[[str, str], str | None]  # (kind, key) → English label from the reference data


def _no_label(kind: str, key: str) -> str | None:
    return None


def slug(text: str, limit: int = 60) -> str:
    """A lowercase ASCII slug, transliterating Cyrillic, so IRIs stay readable and portable."""
    latin = unicodedata.normalize("NFKD", to_latin(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", latin.lower()).strip("-")[:limit].strip("-") or "x"


def state_iri(code: str) -> URIRef:
    return ID(f"state/{code}")


def body_iri(body: str) -> URIRef:
    return ID(f"body/{body}")


def place_iri(city: str) -> URIRef:
    return ID(f"place/{city}")


def topic_iri(topic: str) -> URIRef:
    return ID(f"topic/{topic}")


def document_iri(doc: Document) -> URIRef:
    return ID(f"doc/{doc.id}")


def graph_iri(doc: Document) -> URIRef:
    return ID(f"graph/{doc.id}")


def agency_iri(agency: Agency) -> URIRef:
    return ID(f"agency/{agency.state or 'international'}/{agency.kind}")


def person_iri(person: Person) -> URIRef:
    return ID(f"person/{slug(person.name)}")


def meeting_key(meeting: Meeting, doc: Document, index: int) -> str:
    """Body, date and place: the same session reported twice gets the same key.

    An undated report is keyed by the month of publication, so that two undated reports of one
    body's session in one city a month apart converge, while sessions years apart do not."""
    if not meeting.body:
        return f"doc-{doc.id[:16]}-{index}"
    if meeting.start:
        when = meeting.start.isoformat()
    elif doc.published:
        when = f"undated-{doc.published:%Y-%m}"
    else:
        when = f"undated-{doc.id[:12]}"
    return f"{meeting.body}/{when}/{meeting.place or 'unknown-place'}"


@dataclass
class _Emitter:
    doc: Document
    label_for: LabelFor
    sentences: list[Span] = field(default_factory=list)
    triples: list[Triple] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._starts = [s.start for s in self.sentences]

    def sentence(self, span: Span) -> str | None:
        """The whole sentence(s) of the document's analysis that ``span`` lies in: a reader wants
        the sentence, not only the matched words; None when the analysis gave no sentence there."""
        first = bisect.bisect_right(self._starts, span.start) - 1
        if first < 0 or span.start >= self.sentences[first].end:
            return None
        last = max(first, bisect.bisect_left(self._starts, span.end) - 1)
        return self.doc.text[self.sentences[first].start : max(self.sentences[last].end, span.end)].strip()

    def add(self, s: Node, p: Node, o: Node) -> None:
        self.triples.append((s, p, o))

    def evidence(self, subject: URIRef, spans: Iterable[Span]) -> None:
        text = self.doc.text
        for span in spans:
            ev = ID(f"evidence/{self.doc.id}/{span.start}-{span.end}")
            position, quote = ox.NamedNode(f"{ev.value}/position"), ox.NamedNode(f"{ev.value}/quote")
            self.add(subject, CKG.evidence, ev)
            self.add(ev, RDF.type, OA.SpecificResource)
            self.add(ev, OA.hasSource, document_iri(self.doc))
            self.add(ev, OA.hasSelector, position)
            self.add(ev, OA.hasSelector, quote)
            self.add(position, RDF.type, OA.TextPositionSelector)
            self.add(position, OA.start, Literal(span.start, datatype=XSD.nonNegativeInteger))
            self.add(position, OA.end, Literal(span.end, datatype=XSD.nonNegativeInteger))
            self.add(quote, RDF.type, OA.TextQuoteSelector)
            self.add(quote, OA.exact, Literal(span.quote(text)))
            if (sentence := self.sentence(span)) is not None:
                self.add(ev, CKG.sentence, Literal(sentence))
            # the Web Annotation that ties the fact (its body) to the span (its target)
            annotation = ox.NamedNode(f"{ev.value}/annotation")
            self.add(annotation, RDF.type, OA.Annotation)
            self.add(annotation, OA.hasTarget, ev)
            self.add(annotation, OA.motivatedBy, OA.describing)
            self.add(annotation, OA.hasBody, subject)

    def document(self) -> URIRef:
        doc = self.doc
        node = document_iri(doc)
        self.add(node, RDF.type, CKG.Document)
        self.add(node, SCHEMA.inLanguage, Literal(doc.lang))
        self.add(node, CKG.sha256, Literal(doc.sha256))
        if doc.published:
            self.add(node, SCHEMA.datePublished, Literal(doc.published, datatype=XSD.date))
        if doc.title:
            self.add(node, SCHEMA.name, Literal(doc.title, lang=doc.lang))
        if doc.url:
            self.add(node, SCHEMA.url, URIRef(doc.url) if _is_iri(doc.url) else Literal(doc.url))
        if doc.external_id:
            self.add(node, SCHEMA.identifier, Literal(doc.external_id))
        if doc.file_name:
            self.add(node, CKG.fileName, Literal(doc.file_name))
        return node

    def person(self, person: Person) -> URIRef:
        node = person_iri(person)
        self.add(node, RDF.type, CKG.Person)
        self.add(node, SCHEMA.name, Literal(person.name, lang=person.lang))
        if person.role:
            self.add(node, SCHEMA.jobTitle, Literal(person.role, lang=person.lang))
        if person.state:
            self.add(node, CKG.ofState, state_iri(person.state))
        if person.organization:
            self.add(node, SCHEMA.affiliation, body_iri(person.organization))
        self.evidence(node, person.spans)
        return node

    def agency(self, agency: Agency) -> URIRef:
        node = agency_iri(agency)
        self.add(node, RDF.type, CKG.Agency)
        self.add(node, CKG.agencyType, ID(f"agency-type/{agency.kind}"))
        if agency.state:
            self.add(node, CKG.ofState, state_iri(agency.state))
            kind_label = self.label_for("agency", agency.kind)
            state_label = self.label_for("state", agency.state)
            if kind_label and state_label:
                self.add(node, RDFS.label, Literal(f"{kind_label} ({state_label})", lang="en"))
        return node

    def meeting(self, meeting: Meeting, index: int, doc_node: URIRef) -> URIRef:
        key = meeting_key(meeting, self.doc, index)
        node = ID(f"meeting/{key}")
        self.add(node, RDF.type, CKG.Meeting)
        self.add(node, CKG.reportedIn, doc_node)
        self.add(node, RDFS.label, Literal(self._meeting_label(meeting), lang="en"))
        self.evidence(node, meeting.spans)
        if meeting.body:
            self.add(node, CKG.heldBy, body_iri(meeting.body))
        if meeting.start:
            self.add(node, SCHEMA.startDate, Literal(meeting.start, datatype=XSD.date))
        if meeting.end and meeting.end != meeting.start:
            self.add(node, SCHEMA.endDate, Literal(meeting.end, datatype=XSD.date))
        if meeting.place:
            self.add(node, SCHEMA.location, place_iri(meeting.place))
        if meeting.session_number:
            self.add(node, CKG.sessionNumber, Literal(meeting.session_number))
        for state in meeting.states:
            self.add(node, CKG.participantState, state_iri(state))
        for body in meeting.organizations:
            self.add(node, CKG.participantOrganization, body_iri(body))
        for agency in meeting.agencies:
            self.add(node, CKG.participantOrganization, self.agency(agency))
        for person in meeting.persons:
            self.add(node, CKG.participantPerson, self.person(person))
        if meeting.chair:
            self.add(node, CKG.chairedBy, self.person(meeting.chair))
        for delegation in meeting.delegations:
            deleg = ID(f"delegation/{key}/{delegation.state}")
            self.add(node, CKG.delegation, deleg)
            self.add(deleg, RDF.type, CKG.Delegation)
            self.add(deleg, CKG.ofState, state_iri(delegation.state))
            self.add(deleg, CKG.headedBy, self.person(delegation.head))
            self.evidence(deleg, delegation.spans)
        for topic in meeting.topics:
            self.add(node, CKG.topic, topic_iri(topic))
        for decision in meeting.decisions:
            self.add(node, CKG.adopted, self.decision(decision))
        for proposal in meeting.proposals:
            self.add(self.proposal(proposal), CKG.proposedAt, node)
        for statistic in meeting.statistics:
            self.add(self.statistic(statistic), CKG.reportedAt, node)
        return node

    def announced(self, session: AnnouncedSession, at: URIRef | None) -> URIRef:
        """A future session the report announces: a schema:Event of its own class, never a
        ckg:Meeting (it has not taken place), linked to the meeting whose report announced it."""
        when = session.start.isoformat() if session.start else "undated"
        node = ID(f"announced/{session.body or 'unknown-body'}/{when}/{session.place or 'unknown-place'}")
        self.add(node, RDF.type, CKG.AnnouncedSession)
        self.add(node, RDFS.label, Literal("Announced: " + self._meeting_label(session), lang="en"))
        self.evidence(node, session.spans)
        if session.body:
            self.add(node, CKG.sessionOf, body_iri(session.body))
        if session.start:
            self.add(node, SCHEMA.startDate, Literal(session.start, datatype=XSD.date))
        if session.end and session.end != session.start:
            self.add(node, SCHEMA.endDate, Literal(session.end, datatype=XSD.date))
        if session.place:
            self.add(node, SCHEMA.location, place_iri(session.place))
        if at is not None:
            self.add(node, CKG.announcedAt, at)
        self.add(node, CKG.announcedIn, document_iri(self.doc))
        return node

    def _meeting_label(self, meeting: Meeting | AnnouncedSession) -> str:
        parts = [self.label_for("body", meeting.body) or meeting.body if meeting.body else "Meeting"]
        if meeting.start:
            parts.append(meeting.start.isoformat())
        if meeting.place:
            parts.append(self.label_for("city", meeting.place) or meeting.place)
        return ", ".join(parts)

    def _fact(self, kind: str, cls: URIRef, text: str, spans: list[Span], topics: list[str]) -> URIRef:
        node = ID(f"{kind}/{self.doc.id}/{spans[0].start}")
        self.add(node, RDF.type, cls)
        self.add(node, RDFS.label, Literal(text, lang=self.doc.lang))
        for topic in topics:
            self.add(node, CKG.topic, topic_iri(topic))
        self.evidence(node, spans)
        return node

    def decision(self, decision: Decision) -> URIRef:
        return self._fact("decision", CKG.Decision, decision.text, decision.spans, decision.topics)

    def proposal(self, proposal: Proposal) -> URIRef:
        node = self._fact("proposal", CKG.Proposal, proposal.text, proposal.spans, proposal.topics)
        if proposal.by_person:
            self.add(node, CKG.proposedBy, self.person(proposal.by_person))
        if proposal.by_state:
            self.add(node, CKG.proposedBy, state_iri(proposal.by_state))
        if proposal.by_organization:
            self.add(node, CKG.proposedBy, body_iri(proposal.by_organization))
        for supporter in proposal.supported_by:
            self.add(node, CKG.supportedBy, self._agent(supporter))
        return node

    def statistic(self, statistic: Statistic) -> URIRef:
        node = ID(f"statistic/{self.doc.id}/{statistic.spans[0].start}")
        self.add(node, RDF.type, CKG.Statistic)
        value = statistic.value
        literal = (Literal(int(value), datatype=XSD.integer) if float(value).is_integer()
                   else Literal(str(value), datatype=XSD.decimal))
        self.add(node, CKG.value, literal)
        indicator = ID(f"indicator/{self.doc.lang}/{slug(statistic.indicator)}")
        self.add(node, CKG.indicator, indicator)
        self.add(indicator, RDF.type, CKG.Indicator)
        self.add(indicator, RDF.type, SKOS.Concept)
        self.add(indicator, SKOS.prefLabel, Literal(statistic.indicator, lang=self.doc.lang))
        self.add(indicator, SKOS.inScheme, INDICATOR_SCHEME)
        self.add(node, RDFS.label, Literal(f"{_number(value)} {statistic.indicator}", lang=self.doc.lang))
        if statistic.unit:
            self.add(node, CKG.unit, Literal(statistic.unit))
        if statistic.period:
            self.add(node, CKG.period, Literal(statistic.period, lang=self.doc.lang))
        if statistic.reported_by_person:
            self.add(node, CKG.reportedBy, self.person(statistic.reported_by_person))
        if statistic.reported_by_agency:
            self.add(node, CKG.reportedBy, self.agency(statistic.reported_by_agency))
        if statistic.reported_by_state:
            self.add(node, CKG.reportedBy, state_iri(statistic.reported_by_state))
        for topic in statistic.topics:
            self.add(node, CKG.topic, topic_iri(topic))
        self.evidence(node, statistic.spans)
        return node

    def _agent(self, key: str) -> URIRef:
        """A supporter: a state (ISO code), a body (slug) or the meeting's participants at large."""
        if re.fullmatch(r"[A-Z]{2}", key):
            return state_iri(key)
        if key == "participants":
            return CKG.MeetingParticipants
        return body_iri(key)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _is_iri(text: str) -> bool:
    return bool(re.fullmatch(r"[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>\"{}|\\^`]+", text))


def document_triples(doc: Document, facts: DocumentFacts, label_for: LabelFor = _no_label) -> list[Triple]:
    """All triples of a document's named graph (call ``graph_iri(doc)`` for its name)."""
    emitter = _Emitter(doc, label_for, facts.sentences)
    doc_node = emitter.document()
    nodes = [emitter.meeting(meeting, index, doc_node) for index, meeting in enumerate(facts.meetings)]
    for session in facts.announced:
        emitter.announced(session, nodes[0] if nodes else None)
    for statistic in facts.statistics:
        emitter.statistic(statistic)
    for topic in facts.topics:
        emitter.add(doc_node, CKG.topic, topic_iri(topic))
    for state in facts.mentioned_states:
        emitter.add(doc_node, SCHEMA.mentions, state_iri(state))
    graph = graph_iri(doc)  # provenance belongs to the graph of facts, not to the news article
    emitter.add(graph, RDF.type, CKG.DocumentGraph)
    emitter.add(graph, PROV.wasDerivedFrom, doc_node)
    emitter.add(graph, PROV.wasGeneratedBy, ID("activity/kgraph-extraction"))
    return list(dict.fromkeys(emitter.triples))  # a person or evidence met twice is one set of triples
