"""Document → facts: the meetings a document reports, with their participants and outcomes.

The pipeline is one analysis pass (gazetteer, dates, numbers, persons, sentences) followed by
small rule modules, each reading that analysis: meetings, participants, outcomes (decisions and
proposals), figures and topics. Rules are language-neutral; the language lives in the YAML cue
files and the reference data.
"""

from __future__ import annotations

from kgraph.document import Document
from kgraph.extract.analysis import analyse
from kgraph.extract.figures import statistics
from kgraph.extract.meetings import filed_from_home, find_meetings
from kgraph.extract.outcomes import decisions, proposals
from kgraph.extract.participants import participation
from kgraph.extract.topics import meeting_topics, topics_in
from kgraph.model import AnnouncedSession, DocumentFacts, Meeting, Span


def warm_up() -> None:
    """Build the gazetteers and compile the cues once (before forking worker processes)."""
    from kgraph.gazetteer import Gazetteer

    Gazetteer.default()
    extract(Document(text="date 2000-01-01 warm-up\nСНГ ТМД CIS", source="<warm-up>", lang="ru"))


def extract(doc: Document) -> DocumentFacts:
    analysis = analyse(doc)
    body_span = Span(doc.body_start, len(doc.text)) if doc.body_start < len(doc.text) else None
    doc_topics = topics_in(analysis, body_span) if body_span else []
    facts = DocumentFacts(topics=doc_topics,
                          mentioned_states=sorted({m.key.split("/")[0] for m in analysis.matches
                                                   if m.kind in ("state", "state-adj")}),
                          sentences=[s.span for s in analysis.sentences])
    candidates = find_meetings(analysis)
    if not candidates or candidates[0].announced:  # no session reported (at most a preview of one)
        facts.statistics = statistics(analysis, [])
        facts.announced = [_announced(c) for c in candidates]
        return facts
    primary, announced = candidates[0], candidates[1:]
    announced_only = set().union(*(c.sentences for c in announced)) if announced else set()
    filed_from_home(analysis, primary.place)
    # the sentences of a second session the report covers (held, not announced) tell its participants
    elsewhere = frozenset().union(*(c.sentences for c in announced if not c.announced))
    who = participation(analysis, primary.body, elsewhere=elsewhere)
    meeting = Meeting(spans=primary.evidence, body=primary.body, start=primary.start, end=primary.end,
                      place=primary.place, session_number=primary.session_number)
    meeting.states = who.states
    meeting.organizations = who.organizations
    meeting.agencies = who.agencies
    meeting.persons = who.persons
    meeting.delegations = who.delegations
    meeting.chair = who.chair
    # the host state is a participant only where the text says it took part (a venue alone is not)
    meeting.decisions = decisions(analysis)
    meeting.proposals = proposals(analysis, primary.body, who.persons)
    for state in _proposing_states(analysis, meeting.proposals, who.absent):
        if state not in meeting.states:
            meeting.states.append(state)
    meeting.statistics = statistics(analysis, who.persons, skip=announced_only)
    meeting.topics = meeting_topics(analysis, primary.body, doc_topics)
    facts.meetings.append(meeting)
    for candidate in announced:
        if candidate.announced:  # a future session is not a meeting of the report: a marked fact of its own
            facts.announced.append(_announced(candidate))
        else:  # a second session the report also covers
            second = Meeting(spans=candidate.evidence, body=candidate.body, start=candidate.start,
                             end=candidate.end, place=candidate.place)
            # the states said to take part in it, read from the sentences that belong to it only ("a meeting
            # of the defence ministers was held …, attended by the head of Kyrgyzstan's defence department")
            if candidate.sentences:
                second.states = participation(analysis, candidate.body, candidate.sentences).states
            facts.meetings.append(second)
    return facts


def _proposing_states(analysis, found: list, absent: set[str]) -> list[str]:
    """A state that made a proposal at the session took part in it ("the participants accepted Russia's
    proposal", "по предложению Туркменистана", "Түрікменстанның ұсынысы бойынша"): the state named in
    the clause of the proposal's cue, or the state of a participant who proposed; not one named as
    absent, nor one only mentioned elsewhere in the sentence ("because of Moscow's stance on Armenia,
    Baku ... proposed")."""
    out: list[str] = []
    for proposal in found:
        state = proposal.by_state
        if not state or state in absent or state in out:
            continue
        sentence = analysis.sentence_at(proposal.spans[0].start)
        clauses = [analysis.clause(start) for start, _ in analysis.find("proposal", sentence.start, sentence.end)] \
            if sentence is not None else []
        named = any(m.key.split("/")[0] == state and any(c.start <= m.start < c.end for c in clauses)
                    for m in sentence.of_kind("state", "state-adj")) if sentence is not None else False
        if named or proposal.by_person is not None:
            out.append(state)
    return out


def _announced(candidate) -> AnnouncedSession:
    return AnnouncedSession(spans=candidate.evidence, body=candidate.body, start=candidate.start,
                            end=candidate.end, place=candidate.place)
