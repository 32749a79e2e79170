"""Plain facts that extractors produce and the emitter turns into RDF.

Extractors know nothing of RDF and the emitter knows nothing of languages: these dataclasses are
the whole contract between them. Every fact keeps the spans of ``Document.text`` it was read from,
so provenance is never reconstructed after the fact.

Entities from the reference data are referred to by their keys: a state by its ISO 3166-1 alpha-2
code (``"KZ"``), an international body by its slug (``"cis-executive-committee"``), a city by its
reference id (``"astana"``), a topic by its slug (``"drug-trafficking"``), an agency type by its slug
(``"interior-ministry"``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Span:
    """Half-open code-point interval ``[start, end)`` of ``Document.text``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def quote(self, text: str) -> str:
        return text[self.start : self.end]

    def covers(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True)
class Agency:
    """A state's agency (its interior ministry, border service…), or a body's organ."""

    kind: str  # agency type slug from ontology/reference/agencies.yaml
    state: str | None  # ISO code of the state it belongs to
    spans: tuple[Span, ...] = ()


@dataclass
class Person:
    """A person named in the document, with the name normalised to the nominative."""

    name: str
    lang: str  # BCP 47 tag of the script the name is written in: kk, ru, en
    spans: list[Span] = field(default_factory=list)
    role: str | None = None  # job title as written, normalised to the nominative where possible
    state: str | None = None  # ISO code of the state the person represents
    organization: str | None = None  # body slug when the person speaks for an international body


@dataclass
class Delegation:
    state: str
    head: Person
    spans: list[Span] = field(default_factory=list)


@dataclass
class Decision:
    text: str  # the clause that states the decision, as written
    spans: list[Span]
    topics: list[str] = field(default_factory=list)


@dataclass
class Proposal:
    text: str
    spans: list[Span]
    by_state: str | None = None  # ISO code of the proposing state
    by_person: Person | None = None
    by_organization: str | None = None  # body slug
    supported_by: list[str] = field(default_factory=list)  # ISO codes or body slugs; "participants"
    topics: list[str] = field(default_factory=list)


@dataclass
class Statistic:
    value: float
    indicator: str  # what is counted, as written (the counted noun phrase)
    spans: list[Span]
    reported_by_state: str | None = None
    reported_by_person: Person | None = None
    reported_by_agency: Agency | None = None
    period: str | None = None  # as written: "биыл", "2024", "за прошлый год"
    unit: str | None = None  # "percent", "tonne"…; None for a plain count
    topics: list[str] = field(default_factory=list)


@dataclass
class Meeting:
    """One session of one body; a document may report several, or none."""

    spans: list[Span]
    body: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    place: str | None = None  # city id
    session_number: int | None = None
    states: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)  # body slugs other than the holding body
    agencies: list[Agency] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    delegations: list[Delegation] = field(default_factory=list)
    chair: Person | None = None
    decisions: list[Decision] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    statistics: list[Statistic] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)


@dataclass
class AnnouncedSession:
    """A future session a report announces ("the next meeting will take place in Kazan"): not a
    meeting of the document (nothing about it has happened), kept as its own, marked fact."""

    spans: list[Span]
    body: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    place: str | None = None  # city id


@dataclass
class DocumentFacts:
    """Everything extracted from one document."""

    meetings: list[Meeting] = field(default_factory=list)
    # future sessions announced by the report, each tied to the document's first meeting
    announced: list[AnnouncedSession] = field(default_factory=list)
    # facts found outside any meeting (a statement on an operation) still carry their evidence
    statistics: list[Statistic] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    mentioned_states: list[str] = field(default_factory=list)
    # the sentence spans of the document's one analysis (title first when it has one), in text
    # order: each evidence names the whole sentence it lies in (ckg:sentence), read without re-splitting
    sentences: list[Span] = field(default_factory=list)
