"""Decisions adopted and proposals made at a meeting.

A decision is a clause with an adoption verb (approved, signed, decided; утвердили, подписали;
бекітілді, қол қойылды) whose own clause does not say it is only planned, discussed, to be
continued or bilateral. A proposal is a clause with a proposing verb; its author is the person or
state written before the verb, else the last person who spoke; it is supported when this or the
next sentence says the others backed it.
"""

from __future__ import annotations

from kgraph.extract.analysis import Analysis, Sentence
from kgraph.extract.topics import topics_in
from kgraph.model import Decision, Person, Proposal
from kgraph.persons import PersonMention


def _vetoed(analysis: Analysis, cue_start: int) -> bool:
    clause = analysis.clause(cue_start)
    return analysis.has("not_decision", clause.start, clause.end)


def decisions(analysis: Analysis, skip: set[int] = frozenset()) -> list[Decision]:
    found: list[Decision] = []
    for sentence in analysis.body:
        if sentence.index in skip:
            continue
        for start, _end in analysis.find("decision", sentence.start, sentence.end):
            if _vetoed(analysis, start):
                continue
            span = analysis.scorer_sentence(start)
            if any(d.spans[0] == span for d in found):
                continue
            text = span.quote(analysis.text).strip()
            found.append(Decision(text, [span], topics_in(analysis, span) or ["other"]))
    return found


def _speaker_before(analysis: Analysis, offset: int) -> PersonMention | None:
    """The person mentioned last before ``offset`` (the subject of "he proposed", "министр ұсынды")."""
    best, best_start = None, -1
    for mention in analysis.persons:
        for span in mention.spans:
            if best_start < span.start < offset:
                best, best_start = mention, span.start
    return best


def _state_before(sentence: Sentence, offset: int) -> str | None:
    states = [m for m in sentence.of_kind("state", "state-adj") if m.end <= offset]
    return states[-1].key.split("/")[0] if states else None


def _supported(analysis: Analysis, sentence: Sentence, cue_end: int) -> bool:
    if analysis.has("support", cue_end, sentence.end):
        return True
    following = [s for s in analysis.body if s.index == sentence.index + 1]
    return bool(following) and analysis.has("support", following[0].start, following[0].end)


def _represents(analysis: Analysis, sentence: Sentence, cue: int) -> bool:
    """Kazakh "ұсынды" with a state in the accusative is "represented", not "proposed"."""
    if not analysis.cues.match_at("represented_by", analysis.norm, cue):
        return False
    clause = analysis.clause(cue)
    return any(m.case == "acc" and clause.start <= m.start < cue for m in sentence.of_kind("state"))


def proposals(analysis: Analysis, holder: str | None, persons: list[Person],
              skip: set[int] = frozenset()) -> list[Proposal]:
    by_name = {p.name: p for p in persons}
    found: list[Proposal] = []
    for sentence in analysis.body:
        if sentence.index in skip:
            continue
        for start, end in analysis.find("proposal", sentence.start, sentence.end):
            if _represents(analysis, sentence, start):
                continue
            span = analysis.scorer_sentence(start)
            if any(p.spans[0] == span for p in found):
                continue
            text = span.quote(analysis.text).strip()
            proposal = Proposal(text, [span], topics=topics_in(analysis, span) or ["other"])
            in_sentence = [m for m in analysis.persons if any(sentence.start <= s.start < start for s in m.spans)]
            state = _state_before(sentence, start)
            author = in_sentence[-1] if in_sentence else (None if state else _speaker_before(analysis, start))
            if author is not None:
                proposal.by_person = by_name.get(author.name)
                proposal.by_state = author.state
            else:
                proposal.by_state = state
            if _supported(analysis, sentence, end) and holder:
                proposal.supported_by.append(holder)
            found.append(proposal)
    return found
