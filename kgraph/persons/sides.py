"""The side a sentence speaks for: "От Казахстана в заседании принял участие министр X".

Reports list a delegation by opening a sentence with its state ("От Казахстана …", "From Iran, X
and Y are accompanying the minister Z", "Қазақстаннан отырысқа X қатысты", "Қазақстан тарапынан
…"): the persons named in that sentence without a state of their own are that state's people.
What may open such a sentence is per-language data (persons.yaml, ``source``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgraph.document import HEADER

if TYPE_CHECKING:
    from kgraph.persons import _Finder


def _side_of_sentence(f: _Finder, sentence: int) -> str | None:
    """The one state that opens the sentence as the side it speaks for, else None."""
    start, end = f.tt.sentence_spans[sentence]
    norm, lang = f.tt.norm, f.lang
    header = HEADER.match(f.tt.text, start) if start < f.doc.body_start else None
    if header is not None:
        start = header.start("title")  # the headline opens after the header's date
    opening, lead, after = f.cues.side_opening.get(lang), f.cues.side_lead.get(lang), f.cues.side_after.get(lang)
    sides = set()
    for m in f.tt.anchored:
        if m.kind != "state" or not (start <= m.start < end):
            continue
        if opening is not None and opening.fullmatch(norm, start, m.start):
            sides.add(m.key)  # "От Казахстана …", "From Iran, …"
        elif lead is not None and lead.fullmatch(norm, start, m.start) and (
                m.case in f.cues.source_cases or (after is not None and after.match(norm, m.end))):
            sides.add(m.key)  # "Қазақстаннан …", "Қазақстан тарапынан …"
    return sides.pop() if len(sides) == 1 else None


def assign_side_states(f: _Finder) -> None:
    """Give each stateless person named in a sentence opened by its side that side's state."""
    sides: dict[int, str | None] = {}
    for person in f.persons:
        if person.state is not None or person.organization is not None:
            continue
        for first, _last in person.mentions:
            sentence = f.tt.tokens[first].sentence
            if sentence not in sides:
                sides[sentence] = _side_of_sentence(f, sentence)
            if sides[sentence] is not None:
                person.state, person.state_source = sides[sentence], "side"
                break
