"""Decisions adopted and proposals made at a meeting.

A decision is a clause with an adoption verb (approved, signed, decided, elected; утвердили,
подписали, принята, избран; бекітілді, қол қойылды, тағайындады), or a statement that fixes the
next session ("следующее заседание проведут в Ереване"), whose own clause does not say it is only
planned, discussed, to be continued, bilateral, past ("approved last year") or the work of an
expert group. Several items adopted in one sentence are several decisions: the object of the verb
is split at commas and conjunctions into conjuncts that each name an adopted item (a programme, a
declaration, an exercise…), and a list announced by a colon gives one decision per list line.
Vague umbrellas ("подписан ряд документов", "a package of documents") are dropped when the text
names the documents themselves; a headline decision counts when the body does not retell it.
A count or general object followed by "including" ("в том числе", "оның ішінде") keeps its decision and
each document named after it is one more; decisions told by their aims ("the decisions adopted are
aimed at A, B, C") give one per area. An act told as history is none: dated long before the report, to
an earlier year ("в 1992 году подписано", "1992 жылы"), "N years ago", or framed as a reminder
("напомним", "recalled that", "айта кетейік").

A proposal is a clause with a proposing verb (proposed, предлагаем, ұсыныс жасады, "по предложению
X"); its author is the person or state written before the verb (or after "по предложению"), else
the last person who spoke; it is supported when this or the next sentence says the others backed
it. A list of proposed actions ("предлагаем возобновить…, пересмотреть…, разработать…") gives one
proposal per action ("called for A, as well as for B" too); a proposal retold later (a lead and the
quote it summarises) is one proposal. Proposals considered, ordered to be prepared, or submitted for
consideration are none; an invitation to take part is one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kgraph.extract.analysis import Analysis, Sentence, within
from kgraph.extract.topics import topics_in
from kgraph.model import Decision, Person, Proposal, Span
from kgraph.persons import PersonMention

LIST_MARKER = re.compile(r"\s*(\d{1,2}[.)]|[-—–•*])\s*")
STEM_WORD = re.compile(r"[^\W_]{4,}|\d+")
NAME_KINDS = ("body", "body-core", "org-abbrev", "state", "state-adj", "city")


@dataclass
class _Item:
    span: Span  # the evidence: the item's words, or its whole sentence when it is the only item
    kind: str = "adopt"  # adopt | personnel | next
    core: Span | None = None  # the item's own words (what retold facts are compared on)
    vague: bool = False
    title: bool = False
    persons: set[str] = field(default_factory=set)
    listed: bool = False  # a line of a list: its own item, however like its neighbours it reads


# --- shared helpers ---------------------------------------------------------------------------------


def _vetoed(analysis: Analysis, cue_start: int, cue_end: int | None = None) -> bool:
    """Planned, only discussed, bilateral, an expert group's, or past ("approved last year"), said in
    the cue's clause before it, or after it in the same conjunct: "approved the plan and discussed
    the border" is a decision, "discussed and approved" or "будет доработан и подписан" is not."""
    clause = analysis.clause(cue_start)
    cue_end = cue_start if cue_end is None else cue_end
    if _dated_earlier(analysis, cue_start, cue_end, clause.end):
        return True  # "the format was initiated by the heads of state on 15 March 2018": an earlier event
    if analysis.cues.search("decision_occasion", analysis.norm, max(clause.start, cue_start - 40), cue_end):
        return True  # a signing named as the occasion of something else: "после подписания протокола"
    if analysis.cues.search("decision_relative", analysis.norm, max(clause.start, cue_start - 30), cue_start):
        return True  # a relative clause describing a noun: "decisions that were adopted", "которые были приняты"
    for name in ("not_decision", "past"):
        for a, b in analysis.find(name, clause.start, clause.end):
            if cue_start <= a < cue_end:
                continue  # part of the cue itself: "the next session will be held in X" fixes the venue
            if a < cue_start and _own_conjunct(analysis, b, cue_start):
                continue  # "обсудили вопросы X и согласовали план", "discussed X and approved Y": each verb its object
            if _discussed_then_adopted(analysis, name, a, b, cue_start):
                continue  # "discussed and approved the plan", "обсудили и утвердили": the adoption ends the discussion
            if a < cue_start or not analysis.has("coord", cue_end, a):
                return True
    return False


def _discussed_then_adopted(analysis: Analysis, name: str, veto_start: int, veto_end: int, cue_start: int) -> bool:
    """A verb of discussion coordinated right before the adoption verb, the two sharing one object
    ("discussed and approved the plan", "has been considered and agreed upon", "обсудили и утвердили"): the
    object was discussed, then adopted. Other vetoes so placed stay ("будет доработан и подписан", an expert
    group that "доработала и согласовала")."""
    return (name == "not_decision" and veto_start < cue_start
            and analysis.has("session_discussion", veto_start, veto_end)
            and analysis.cues.fullmatch("coord", analysis.norm, veto_end, cue_start))


def _own_conjunct(analysis: Analysis, veto_end: int, cue_start: int) -> bool:
    """A verb that is no decision ("discussed", "обсудили") with an object of its own, then a coordinator
    and the decision verb: the two verbs are coordinated predicates, and the veto stays in its conjunct."""
    coords = list(analysis.find("coord", veto_end, cue_start))
    if not coords:
        return False
    c_start, c_end = coords[-1]
    return bool(analysis.norm[veto_end:c_start].strip(" ,")) and not analysis.norm[c_end:cue_start].strip(" ,")


EARLIER_DAYS = 90  # a day this long before the report is not the session's (reports come within days)
YEAR_WORDS_AFTER = 1  # "signed in 2001", "подписано в Ташкенте в 1992 году": the year dates the act only this close


def _dated_earlier(analysis: Analysis, offset: int, cue_end: int, clause_end: int) -> bool:
    """The act is told as history: dated to a day long before the report (in the cue's sentence before
    the cue or in its clause after it), to an earlier year opening the clause or right after the cue
    ("В 1992 году … подписано", "signed in 2001"; elsewhere it dates the object: "поддержали
    председательство X в Содружестве в 2019 году", "the report on work in 2011 was approved") or
    by an adverbial that only dates acts (Kazakh "1992 жылы"), or framed as a reminder ("напомним",
    "recalled that", "айта кетейік") earlier in its sentence or later in its clause ("… was recalled",
    "… қабылданғанын еске салды")."""
    sentence = analysis.sentence_at(offset)
    if sentence is None:
        return False
    if analysis.has("background_frame", sentence.start, offset):
        return True
    if analysis.has("background_frame", cue_end, clause_end):
        return True  # after the act in its clause: "the resolution adopted in 2006 was recalled", "…ғанын еске салды"
    published = analysis.doc.published
    if published is None:
        return False
    if any(d.year_explicit and (published - (d.finish or d.begin)).days > EARLIER_DAYS
           and sentence.start <= d.start < clause_end and not _dates_a_document(analysis, d)
           for d in sentence.dates):
        return True
    years = [int(y) for y in re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", analysis.norm[sentence.start:sentence.end])]
    for name in ("year_point", "year_adverbial"):
        pattern = analysis.cues.patterns.get(name)
        for m in pattern.finditer(analysis.norm, sentence.start, clause_end) if pattern else ():
            year = int(m.group("year"))
            if offset <= m.start():
                if (len(analysis.norm[cue_end:m.start()].split()) > YEAR_WORDS_AFTER
                        and not _closes_clause(analysis, m, cue_end, clause_end, published.year - year)):
                    continue  # further on it dates the object
            elif name == "year_point" and analysis.norm[analysis.clause(m.start()).start:m.start()].strip():
                continue  # inside a phrase ("the report on work in 2011 was approved"): dates the object
            if year == published.year - 1 and any(y >= published.year for y in years):
                continue  # a period beside the next one: "heard the report for 2018 and approved the plan for 2019"
            in_date = any(d.start <= m.start("year") < d.end for d in sentence.dates)  # "2024 жылы 20 желтоқсанда"
            if not in_date and year < published.year:
                return True
    return False


DOCUMENT_DATE_WINDOW = 12  # characters before a date where its preposition stands ("Договора от ")


def _dates_a_document(analysis: Analysis, date) -> bool:
    """A date that names a document ("Договора о зоне свободной торговли от 18 октября 2011 года",
    "the Treaty of 15 May 1992", "2011 жылғы 18 қазандағы Шарт") is part of its title: it says when the
    document was signed, not when this act was done."""
    before = analysis.norm[max(0, date.start - DOCUMENT_DATE_WINDOW):date.start]
    return analysis.cues.search("document_date_before", before) is not None or \
        analysis.cues.search("document_date_form", analysis.norm[date.start:date.end]) is not None


HISTORY_YEARS = 2  # a year this far back closing the act's clause dates the act: a report's period is the last year


def _closes_clause(analysis: Analysis, m: re.Match[str], cue_end: int, clause_end: int, years_back: int) -> bool:
    """A year of history closing the act's clause, with no other act between ("were granted observer
    status in the Assembly in 2013", "получили статус наблюдателя при Ассамблее в 2013 году"): it dates
    the act, not its object; a report's period is at most last year ("approved the report on the work in
    2023"), and a year after a second verb dates that one ("adopted a statement on the treaty signed in 1992")."""
    if years_back < HISTORY_YEARS or analysis.norm[m.end():clause_end].strip(" .;:!?»\")”\n"):
        return False
    return not analysis.has("decision", cue_end, m.start())


def _protected(norm: str, start: int, end: int) -> list[bool]:
    """Positions inside quotation marks or brackets: a title in quotes is never split."""
    inside, depth, quoted = [], 0, False
    for ch in norm[start:end]:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch in "\"«»“”„":
            quoted = not quoted
        inside.append(depth > 0 or quoted)
    return inside


def _segments(analysis: Analysis, start: int, end: int) -> list[tuple[int, int]]:
    """Conjuncts of a coordinated object: split at commas, semicolons and the language's
    coordinating conjunctions outside quotes and brackets, never after a relative or inclusive
    word ("which", "в том числе", "оның ішінде") whose clause belongs to the item before it."""
    norm = analysis.norm
    limit = _stop(analysis, start, end)
    inside = _protected(norm, start, end)
    cuts: list[tuple[int, int]] = []
    for m in re.finditer(r"[,;]\s*", norm[start:limit]):
        # the comma that opens a participle or relative clause ("протокол, предусматривающий …",
        # "a plan, which …") is no cut: that clause belongs to the item before it
        if not inside[m.start()] and start + m.end() < limit:
            cuts.append((start + m.start(), start + m.end()))
    for a, b in analysis.cues.finditer("coord", norm, start, limit):
        if not inside[a - start]:
            cuts.append((a, b))
    states = [m for m in analysis.matches if m.kind in ("state", "state-adj") and start <= m.start and m.end <= limit]
    ends, starts = {m.end for m in states}, {m.start for m in states}
    # a list of states ("Катару, Египту и Саудовской Аравии", "to Qatar, Egypt and Saudi Arabia") is one
    # conjunct's words, not a list of items
    cuts = [(a, b) for a, b in cuts if not (a in ends and b in starts)]
    cuts.sort()
    out, pos = [], start
    for a, b in cuts:
        if a < pos:  # ", а также": one cut
            pos = max(pos, b)
            continue
        out.append((pos, a))
        pos = b
    out.append((pos, end))
    return [(a, b) for a, b in out if analysis.text[a:b].strip()]


def _stop(analysis: Analysis, start: int, end: int) -> int:
    """Where a relative or inclusive word ends the list ("which", "в том числе"); at the very start of
    the region ("Атап айтқанда, …", "В частности, …") it announces the list and stops nothing."""
    norm = analysis.norm
    for a, _b in analysis.cues.finditer("item_stop", norm, start, end):
        if norm[start:a].strip(" ,;:—–-\n"):
            return a
    return end


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.—–-"):
        end -= 1
    return Span(start, max(end, start + 1))


def _stems(analysis: Analysis, span: Span) -> set[str]:
    """Content stems of a span outside names of states, bodies and cities (for retold facts)."""
    names = [(m.start, m.end) for m in analysis.matches if m.kind in NAME_KINDS
             and m.start < span.end and m.end > span.start]
    out = set()
    for m in STEM_WORD.finditer(analysis.norm, span.start, span.end):
        if not any(a <= m.start() < b for a, b in names):
            out.add(m.group()[:5])
    return out


def _persons_in(analysis: Analysis, span: Span) -> set[str]:
    return {p.name for p in analysis.persons if any(span.start <= s.start < span.end for s in p.spans)}


# --- decisions --------------------------------------------------------------------------------------


def _cue_groups(analysis: Analysis, start: int, end: int) -> list[tuple[int, int]]:
    """Decision cues of a sentence; cues joined only by a conjunction ("подписали и приняли",
    "signed and adopted") are one group."""
    hits = sorted(set(analysis.find("decision", start, end)) | set(analysis.find("decision_next", start, end)))
    head_final = _head_final(analysis)
    groups: list[list[int]] = []
    for a, b in hits:
        if groups and a <= groups[-1][1]:
            groups[-1][1] = max(groups[-1][1], b)
            continue
        coord = analysis.cues.patterns.get("coord")
        if groups:
            gap = analysis.norm[groups[-1][1]:a]
            if (not gap.strip() or (coord is not None and coord.fullmatch(gap))
                    or not (re.search(r"[,;:]", gap) or _has_item(analysis, groups[-1][1], a)
                            or _own_object_coordinated(coord, gap, head_final))):
                groups[-1][1] = b  # one clause, one decision: "тағайындалғаны туралы шешім қабылданды"
                continue
        groups.append([a, b])
    return [(a, b) for a, b in groups]


def _head_final(analysis: Analysis) -> bool:
    """Whether the language puts heads last and objects before their verb (Kazakh): its cue data says
    where an item's head noun stands (``decision_item_after``)."""
    return "decision_item_after" in analysis.cues.patterns


def _own_object_coordinated(coord: re.Pattern[str] | None, gap: str, head_final: bool) -> bool:
    """Two verbs coordinated, each with its own object between them: after the first verb's object
    where objects follow their verb ("утвердил X председателем комитета и продлил полномочия Y",
    "elected X chairman and extended the term of Y"), right after the first verb where they precede it
    ("X-ті төраға етіп бекітті және Y-тің өкілеттігін ұзартты"): two acts."""
    if coord is None:
        return False
    if head_final:
        first = coord.match(gap)
        return first is not None and bool(gap[first.end():].strip())
    matches = list(coord.finditer(gap))
    return bool(matches) and matches[-1].end() == len(gap) and bool(gap[:matches[-1].start()].strip())


def _has_item(analysis: Analysis, start: int, end: int) -> bool:
    return start < end and analysis.has("decision_item", start, end)


def _heads(analysis: Analysis, start: int, end: int) -> bool:
    """Whether an item noun heads the conjunct: near its start where heads come first (ru, en:
    "итоги работы органов"), near its end where they come last (kk: "…ынтымақтастық конвенциясы");
    an item noun deep inside ("органов и комитета по реализации программы") heads nothing."""
    cues, norm = analysis.cues, analysis.norm
    before, after = cues.patterns.get("decision_item_before"), cues.patterns.get("decision_item_after")
    nots = list(cues.finditer("decision_item_not", norm, start, end))
    for a, b in cues.finditer("decision_item", norm, start, end):
        if any(x <= a < y for x, y in nots):
            continue
        if before is not None and before.fullmatch(norm, start, a):
            return True
        if after is not None and after.fullmatch(norm, b, end):
            return True
    return False


def _split_items(analysis: Analysis, start: int, end: int, object_first: bool = False,
                 next_subject: bool = False) -> list[tuple[int, int]]:
    """The conjuncts of a region that each name an adopted item; a conjunct without an item noun
    ("сепаратизмом и экстремизмом") belongs to the item before it. After the verb, the first
    conjunct is its object whatever its words; before it, leading conjuncts without an item noun
    ("At the session, the report was approved") belong to the first item."""
    items: list[list[int]] = []
    lead = None  # conjuncts before the first item ("At the session, the report was approved")
    segments = _segments(analysis, start, end)
    since = 0  # the first segment not yet taken by an item of its own
    for k, (a, b) in enumerate(segments):
        if object_first and not items and lead is None and _shares_object(analysis, segments, k):
            lead = a  # "decided to organise and conduct an operation": two verbs, one object, one decision
            continue
        if items and _repeats_modifier(analysis, items[-1], (a, b)):
            items.append([a, b])  # "документы о плане мер, о совершенствовании механизмов": one more document
            since = k + 1
            continue
        if _heads(analysis, a, b) or analysis.has("decision", a, b) or (object_first and not items):
            # "A жөніндегі ынтымақтастық және B жөніндегі ынтымақтастық конвенциясы": an earlier conjunct
            # without an item noun ends with the word written before this one's item noun
            j = next((j for j in range(k - 1, since - 1, -1) if _shared_head(analysis, segments[j], (a, b))), None)
            if j is not None:
                if items and since > 0 and lead is None:
                    items[-1][1] = segments[j][1]
                else:
                    items.append([lead if lead is not None else segments[since][0], segments[j][1]])
                items.append([segments[j + 1][0], b])
            else:
                items.append([lead if lead is not None else a, b])
            lead = None
            since = k + 1
        elif items and next_subject and k == len(segments) - 1:
            break  # "принял Заявление, а главы МИД подписали…": the subject of the next verb
        elif items:
            items[-1][1] = b
        elif lead is None:
            lead = a
    if lead is not None and not items:
        items.append([lead, end])
    return [(a, b) for a, b in items] or [(start, end)]


def _repeats_modifier(analysis: Analysis, item: list[int], segment: tuple[int, int]) -> bool:
    """A conjunct that is only a modifier of the shape the item before has ("документы о плане мер, о
    совершенствовании механизмов", "statements on Syria, on Afghanistan", "… туралы, … туралы"): the item
    noun is left out and the conjunct names one more item of that noun."""
    pattern = analysis.cues.patterns.get("elliptic_item")
    words = analysis.norm[segment[0]:segment[1]].strip()
    found = pattern.search(words) if pattern else None
    if found is None:
        return False
    word = found.group(0).strip()
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", analysis.norm[item[0]:item[1]]) is not None


SHORT_CONJUNCT = 2  # words: "организовать", "to organise", "бірлесіп әзірлеу"


def _shares_object(analysis: Analysis, segments: list[tuple[int, int]], k: int) -> bool:
    """A short first conjunct without an item noun right before one with it: coordinated verbs or
    modifiers sharing one object ("организовать и провести учения", "to organise and conduct an
    operation", "develop and adopt a plan"), not an item of its own."""
    if k + 1 >= len(segments) or k != 0:
        return False
    a, b = segments[k]
    words = re.findall(r"[^\W\d_]+", analysis.norm[a:b])
    return (0 < len(words) <= SHORT_CONJUNCT + 1 and not _heads(analysis, a, b)
            and not analysis.has("decision_item", a, b) and not analysis.has("decision", a, b)
            and _heads(analysis, *segments[k + 1]) and analysis.norm[b:segments[k + 1][0]].strip() not in ",;")


def _area_items(analysis: Analysis, start: int, end: int) -> list[tuple[int, int]]:
    """The areas listed after "decisions on", "agreed on", "договорились о" ("on air defence,
    communications, training of personnel as well as sports events"): the list is cut at commas and
    at the list's closing conjunction ("as well as", "а также") only, since "and" also joins words
    inside one area ("command and combat training")."""
    norm = analysis.norm
    limit = _stop(analysis, start, end)
    inside = _protected(norm, start, end)
    cuts = [(start + m.start(), start + m.end()) for m in re.finditer(r"[,;]\s*", norm[start:limit])
            if not inside[m.start()] and start + m.end() < limit]
    cuts += [(a, b) for a, b in analysis.cues.finditer("list_last", norm, start, limit) if not inside[a - start]]
    out, pos = [], start
    for a, b in sorted(cuts):
        if a >= pos:
            out.append((pos, a))
            pos = b
    out.append((pos, end))
    return [(a, b) for a, b in out if analysis.text[a:b].strip()]


def _shared_head(analysis: Analysis, previous: tuple[int, int], current: tuple[int, int]) -> bool:
    """Two conjuncts sharing the item noun written once at the end (head-final coordination):
    "A жөніндегі ынтымақтастық және B жөніндегі ынтымақтастық конвенциясы" — the conjunct before
    ends with the very word that stands before the item noun in this one, and has no item noun."""
    norm, cues = analysis.norm, analysis.cues
    if "decision_item_after" not in cues.patterns or cues.search("decision_item", norm, *previous):
        return False
    noun = cues.search("decision_item", norm, *current)
    before = re.findall(r"[^\W\d_]+", norm[current[0]:noun.start()]) if noun else []
    last = re.findall(r"[^\W\d_]+", norm[previous[0]:previous[1]])
    return bool(before and last) and before[-1] == last[-1] and len(before[-1]) >= 4


def _before_next_subject(analysis: Analysis, start: int, end: int) -> int:
    """Where the object of a verb ends when another verb follows with its own subject after a comma
    ("принял Заявление о мерах доверия, а главы МИД подписали…")."""
    segments = _segments(analysis, start, end)
    if len(segments) > 1 and not _heads(analysis, *segments[-1]):
        return segments[-1][0]
    return end


def _list_lines(analysis: Analysis, line_end: int) -> list[Span]:
    """The lines of a list announced by a colon at ``line_end``: numbered or dashed lines, or
    lines that follow one ending in a colon or semicolon. A last line of the document without
    closing punctuation is cut off and left out."""
    text, out, pos, previous = analysis.text, [], line_end + 1, ":"
    while pos < len(text):
        nxt = text.find("\n", pos)
        nxt = len(text) if nxt < 0 else nxt
        line = text[pos:nxt]
        if not line.strip():
            if out:
                break
            pos = nxt + 1
            continue
        marker = LIST_MARKER.match(line)
        if not (marker or previous in ":;"):
            break
        start = pos + (marker.end() if marker else 0)
        stripped = line.rstrip()
        if not text[nxt:].strip() and stripped[-1:] not in ".;:!?»\")":
            break
        out.append(_trim(text, start, nxt))
        previous = stripped[-1:]
        pos = nxt + 1
    return out


def _with_included(analysis: Analysis, spans: list[tuple[int, int]], verb_end: int,
                   end: int) -> list[tuple[int, int]]:
    """"Signed 15 documents, including an agreement on …" ("в том числе", "оның ішінде"): the count or
    general object stays one decision and each document named after the inclusive word is one more."""
    if not spans:
        return spans
    for a, b in analysis.find("inclusive", verb_end, end):
        if a < spans[-1][0] or not analysis.norm[spans[-1][0]:a].strip(" ,;:—–-"):
            continue  # "В частности, …" opening the region announces, it does not include
        named_items = _has_item(analysis, b, end)
        if not named_items and not _has_item(analysis, spans[-1][0], a):
            return spans
        included = _split_items(analysis, b, end, object_first=True) if named_items \
            else _elliptic_items(analysis, b, end)
        if not included:
            return spans
        return [*spans[:-1], (spans[-1][0], a), *included]
    return spans


def _elliptic_items(analysis: Analysis, start: int, end: int) -> list[tuple[int, int]]:
    """Items named after an inclusive word with their noun left out, given once before it ("приняли
    ряд заявлений, в том числе по случаю годовщины, а также о солидарности", "statements including on
    X and on Y"): each conjunct that is itself a prepositional (postpositional) phrase is one item;
    a conjunct that is not ("о солидарности и взаимопомощи") continues the one before it."""
    items: list[list[int]] = []
    for a, b in _segments(analysis, start, end):
        if analysis.cues.search("elliptic_item", analysis.norm[a:b].strip()):
            items.append([a, b])
        elif items:
            items[-1][1] = b
        else:
            return []
    return [(a, b) for a, b in items] if len(items) >= 2 else []


def _infinitive_items(analysis: Analysis, cue_start: int, cue_end: int, end: int) -> list[tuple[int, int]] | None:
    """A verb of deciding followed by coordinated actions ("решили принять меры …, расширить
    сотрудничество … и обеспечить условия …"): each action is its own decision (CONVENTIONS: several
    decisions coordinated in one sentence). The language's data says which verbs take the actions
    (``decision_to_verb``) and how an action's verb starts its conjunct (``infinitive_start``)."""
    if not analysis.cues.search("decision_to_verb", analysis.norm, cue_start, cue_end):
        return None
    segments = _segments(analysis, cue_end, end)
    starts = [a for a, _ in segments if analysis.cues.match_at("infinitive_start", analysis.norm, a)]
    if len(starts) < 2 or starts[0] != segments[0][0]:
        return None
    items: list[tuple[int, int]] = []
    lone = False  # the action before is its verb alone: "организовать и провести учения" share one object
    for a, b in segments:  # a conjunct without a verb of its own belongs to the action before it
        if a in starts and not lone:
            items.append((a, b))
        else:
            items[-1] = (items[-1][0], b)
        lone = len(analysis.norm[a:b].split()) == 1
    if len(items) < 2:
        return None
    items[0] = (cue_start, items[0][1])
    return items


def _kind(analysis: Analysis, a: int, b: int) -> str:
    if analysis.has("decision_next", a, b):
        return "next"
    return "personnel" if analysis.has("decision_personnel", a, b) else "adopt"


def _sentence_items(analysis: Analysis, sentence: Sentence, covered: list[Span]) -> list[_Item]:
    groups = [(a, b) for a, b in _cue_groups(analysis, sentence.start, sentence.end)
              if not _vetoed(analysis, a, b) and not any(s.start <= a < s.end for s in covered)]
    if not groups:
        return []
    unit = sentence.span if sentence.is_title else analysis.quote_unit(groups[0][0])
    head_final = _head_final(analysis)
    text, raw = analysis.text, []
    took_after = False  # the group before took the words after its verb, up to this cue, as its object
    for i, (a, b) in enumerate(groups):
        kind = _kind(analysis, a, b)
        after_end = groups[i + 1][0] if i + 1 < len(groups) else max(unit.end, b)
        before_start = groups[i - 1][1] if i else min(unit.start, a)
        line_end = text.find("\n", b)
        line_end = len(text) if line_end < 0 else line_end
        if text[b:line_end].rstrip().endswith(":"):  # "подписали следующие документы:" and a list
            lines = _list_lines(analysis, line_end)
            if lines:
                covered.extend(lines)
                raw += [(s.start, s.end, kind) for s in lines]
                continue
        if kind == "adopt" and analysis.cues.search("decision_areas", analysis.norm, a, min(len(text), b + 12)):
            areas = _area_items(analysis, b, after_end)
            if len(areas) >= 3:  # "made decisions on A, B, C as well as D": one decision per area
                areas[0] = (a, areas[0][1])
                raw += [(s, e, kind) for s, e in areas]
                continue
        infinitives = _infinitive_items(analysis, a, b, after_end) if kind == "adopt" else None
        if infinitives:  # "решили усилить X, расширить Y и обеспечить Z": one decision per action
            raw += [(s, e, kind) for s, e in infinitives]
            took_after = True
            continue
        colon = text.find(":", b, after_end)
        if analysis.has("decision_next_object", b, after_end):
            kind = "next"  # "решено провести следующее, 36-е заседание в Минске": one fact
        object_after = kind == "adopt" and _has_item(analysis, b, after_end)
        object_before = kind == "adopt" and _has_item(analysis, before_start, a)
        if object_before and not head_final and took_after:
            # coordinated verbs with objects after each ("согласовали заявление … и договорились
            # проводить игры", "approved the plan and agreed to hold …"): the words before this verb
            # are the object of the verb before it, so this one's object follows it
            object_before = False
        if head_final and object_before:
            object_after = False  # Kazakh: the object stands before its verb
        took_after = not object_before
        if colon >= 0 and _has_item(analysis, colon, after_end):  # "приняли документы: А, Б и В"
            spans = _split_items(analysis, colon + 1, after_end, object_first=True)
        elif object_after:
            spans = _split_items(analysis, b, after_end, object_first=True, next_subject=i + 1 < len(groups))
            spans[0] = (a, spans[0][1])
        elif object_before:  # verb-final: "А и Б утверждены"
            spans = _split_items(analysis, before_start, a)
            spans[-1] = (spans[-1][0], b)
        else:
            spans = [(a, _before_next_subject(analysis, b, after_end) if i + 1 < len(groups) else after_end)]
        if kind == "adopt":
            spans = _with_included(analysis, spans, b, after_end)
        raw += [(s, e, kind) for s, e in spans]
    items = []
    for s, e, kind in raw:
        span = _trim(text, s, e)
        if len(raw) > 1 and (analysis.has("not_decision", span.start, span.end) or _attribution(analysis, span)):
            continue
        items.append(_Item(span, kind, core=span))
    if len(items) == 1 and not _covered_by_list(items[0], covered):
        items[0].span = unit
    for item in items:
        item.title = sentence.is_title
        item.listed = _covered_by_list(item, covered)
        item.persons = _persons_in(analysis, item.span)
        item.vague = _vague(analysis, item.span)
    return items


def _attribution(analysis: Analysis, span: Span) -> bool:
    """The report's attribution split off as a conjunct ("…, RIA Novosti news agency reported", "…, деп
    хабарлады"): a verb of saying with no adopted item and no verb of adopting is the source, not a decision."""
    said = list(analysis.find("statement", span.start, span.end))
    if not said or any(analysis.has(cue, span.start, span.end) for cue in ("decision", "decision_next")):
        return False
    # an item noun that is the verb of saying itself ("reported", "report") names no item
    return all(within(said, a, b) for a, b in analysis.find("decision_item", span.start, span.end))


def _vague(analysis: Analysis, span: Span) -> bool:
    """An umbrella ("подписан ряд документов", "a package of documents", "бірқатар құжаттарға"):
    every item noun of the span stands inside a vague phrase. A count ("15 құжатқа") is not vague."""
    cues, norm = analysis.cues, analysis.norm
    vague = list(cues.finditer("decision_vague", norm, span.start, span.end))
    if not vague or cues.search("decision_spec", norm, vague[-1][1], span.end):
        return False  # "a package of measures to strengthen the forces" says what was adopted
    skip = vague + list(cues.finditer("decision_item_not", norm, span.start, span.end)) \
        + list(cues.finditer("meeting_nouns", norm, span.start, span.end))
    return all(any(x <= a < y for x, y in skip) for a, _ in cues.finditer("decision_item", norm, span.start, span.end))


def _generic(analysis: Analysis, span: Span) -> bool:
    """Every item noun of the span is the bare "documents" ("документы", "құжаттар")."""
    cues, norm = analysis.cues, analysis.norm
    generic = list(cues.finditer("decision_generic", norm, span.start, span.end))
    nouns = list(cues.finditer("decision_item", norm, span.start, span.end))
    return bool(generic and nouns) and all(any(x <= a < y for x, y in generic) for a, _ in nouns)


def _covered_by_list(item: _Item, covered: list[Span]) -> bool:
    """A list line keeps its own words as evidence (the scorer reads it within its line)."""
    return any(s == item.span for s in covered)


def _retold(analysis: Analysis, item: _Item, earlier: list[_Item]) -> bool:
    """The same decision told again: the same person elected or appointed, the same words, or bare
    "documents" signed again after documents were already reported signed (a quote retelling the
    signing: "25 documents were signed" … "documents were signed on the results of talks")."""
    if item.kind == "adopt" and _generic(analysis, item.span) and any(
            other.kind == "adopt" and analysis.has("decision_generic", other.span.start, other.span.end)
            for other in earlier):
        return True
    for other in earlier:
        if item.kind != other.kind or (item.listed and other.listed):
            continue
        if item.kind == "personnel":
            if item.persons & other.persons or (not item.persons and item.title):
                return True
            if item.persons and other.persons:
                continue
        if item.kind == "next" and item.title:
            return True
        mine, theirs = _stems(analysis, item.core or item.span), _stems(analysis, other.core or other.span)
        if item.title and len(mine & theirs) >= max(2, len(mine) / 2):
            # a headline retells a decision of the text when it shares half its words with it ("принял
            # заявление о …"), not when two words recur in another one (a "совместное заявление о
            # Конвенции" in the headline, a "совместная декларация" in the text)
            return True
        if len(mine) >= 3 and len(mine & theirs) >= 0.8 * len(mine):
            return True
    return False


def _summarised(analysis: Analysis, item: _Item, earlier: list[_Item]) -> int | None:
    """The index of an earlier adoption whose words this one repeats and extends (a lead "одобрил
    программу по борьбе с терроризмом" and the detailed sentence after it)."""
    if item.kind != "adopt":
        return None
    mine = _stems(analysis, item.core or item.span)
    for i, other in enumerate(earlier):
        theirs = _stems(analysis, other.core or other.span)
        if other.kind == "adopt" and len(theirs) >= 3 and len(mine) > len(theirs) \
                and len(mine & theirs) >= 0.8 * len(theirs):
            return i
    return None


def _continued_list(analysis: Analysis, sentence: Sentence, before: list[_Item], covered: list[Span]) -> list[_Item]:
    """A list announced by a lead of its own with no verb of adopting ("These are:", "В их числе:",
    "Олар:") right after a sentence (or the headline) that reports documents adopted ("Several documents
    signed at the summit", "подписано 12 документов"): each list line is one of those documents."""
    text = analysis.text
    if not any(i.kind == "adopt" for i in before) or not text[sentence.start:sentence.end].rstrip().endswith(":"):
        return []
    if any(analysis.has(cue, sentence.start, sentence.end) for cue in ("not_decision", "future", "proposal")) \
            or _cue_groups(analysis, sentence.start, sentence.end):
        return []
    line_end = text.find("\n", sentence.end - 1)
    lines = _list_lines(analysis, len(text) if line_end < 0 else line_end)
    covered.extend(lines)
    return [_Item(span, core=span, persons=_persons_in(analysis, span), listed=True) for span in lines]


def decisions(analysis: Analysis, skip: set[int] = frozenset()) -> list[Decision]:
    body: list[_Item] = []
    covered: list[Span] = []
    title = analysis.title
    title_items = _sentence_items(analysis, title, []) if title is not None else []
    before = title_items
    for sentence in analysis.body:
        if sentence.index in skip:
            continue
        found = _sentence_items(analysis, sentence, covered) or _continued_list(analysis, sentence, before, covered)
        before = found
        for item in found:
            if any(o.span.start < item.span.end and item.span.start < o.span.end for o in body):
                continue
            if _retold(analysis, item, body):
                continue
            fuller = _summarised(analysis, item, body)
            if fuller is not None:  # the lead summed up what this sentence tells in full
                body[fuller] = item
                continue
            body.append(item)
    titled = [i for i in title_items if not i.vague and not _retold(analysis, i, body)]
    items = titled + body
    if any(not i.vague and i.kind == "adopt" for i in items):
        # an umbrella ("a number of documents") when the items adopted are named; the next session's venue
        # or an election names none of them
        items = [i for i in items if not i.vague]
    out = []
    for item in items:
        text = item.span.quote(analysis.text).strip()
        out.append(Decision(text, [item.span], topics_in(analysis, item.span) or ["other"]))
    return out


# --- proposals --------------------------------------------------------------------------------------


def _clause(analysis: Analysis, offset: int) -> tuple[int, int]:
    clause = analysis.clause(offset)
    return clause.start, clause.end


def _speaker_before(analysis: Analysis, offset: int) -> PersonMention | None:
    """The person mentioned last before ``offset`` (the subject of "he proposed", "министр ұсынды")."""
    best, best_start = None, -1
    for mention in analysis.persons:
        for span in mention.spans:
            if best_start < span.start < offset:
                best, best_start = mention, span.start
    return best


def _state_before(sentence: Sentence, offset: int, since: int = 0) -> str | None:
    states = [m for m in sentence.of_kind("state", "state-adj") if since <= m.start and m.end <= offset]
    return states[-1].key.split("/")[0] if states else None


def _state_after(analysis: Analysis, sentence: Sentence, offset: int) -> str | None:
    """ "по предложению Туркменистана", "at the proposal of India": the state right after the cue."""
    clause = analysis.clause(offset)
    states = [m for m in sentence.of_kind("state", "state-adj") if offset <= m.start < min(clause.end, offset + 60)]
    return states[0].key.split("/")[0] if states else None


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


def _speaker_states(analysis: Analysis, sentence: Sentence) -> bool:
    """The sentence reports what a named speaker said at the session ("…, the minister said", "X атап өтті"),
    not to the press afterwards ("told a closing news conference": no call made at the session)."""
    if analysis.has("press_briefing", sentence.start, sentence.end):
        return False
    return analysis.has("statement", sentence.start, sentence.end) and any(
        sentence.start <= span.start < sentence.end for m in analysis.persons for span in m.spans)


def _proposal_items(analysis: Analysis, start: int, end: int, unit: Span) -> list[Span]:
    """A list of proposed actions after the verb ("предлагаем возобновить …, пересмотреть …,
    разработать …", "called for A, as well as for B", "призвал к A, а также к B"): one span per
    action when at least two conjuncts start with a verb, or a later one repeats the verb's
    preposition or starts with a verb (the first conjunct is the verb's own object)."""
    segments = _segments(analysis, end, unit.end)
    actions = [seg for seg in segments if analysis.cues.match_at("proposal_item", analysis.norm, seg[0])]
    if len(actions) < 2 and not (actions and actions[0] != segments[0]):
        return [unit]
    spans: list[list[int]] = []
    for a, b in segments:
        if analysis.cues.match_at("proposal_item", analysis.norm, a) or not spans:
            spans.append([a, b])
        else:
            spans[-1][1] = b
    spans[0][0] = start
    return [_trim(analysis.text, a, b) for a, b in spans]


def proposals(analysis: Analysis, holder: str | None, persons: list[Person],
              skip: set[int] = frozenset()) -> list[Proposal]:
    by_name = {p.name: p for p in persons}
    found: list[Proposal] = []
    for sentence in analysis.body:
        if sentence.index in skip:
            continue
        cues = list(analysis.find("proposal", sentence.start, sentence.end))
        call = not cues and _speaker_states(analysis, sentence)
        if call:  # "all parties should …, the minister said": the speaker, wherever named, made the call
            cues = list(analysis.find("proposal_call", sentence.start, sentence.end))[:1]
        for k, (start, end) in enumerate(cues):
            if _represents(analysis, sentence, start) or analysis.has("past", *_clause(analysis, start)):
                continue
            if _dated_earlier(analysis, start, end, analysis.clause(start).end):
                continue  # an initiative of years ago told as background
            if analysis.has("proposal_not", *_clause(analysis, start)):
                continue  # thanks or a presentation, not a proposal: "считаю необходимым выразить благодарность"
            unit = analysis.quote_unit(start)
            if k + 1 < len(cues) and cues[k + 1][0] < unit.end:  # "Russia proposed X, and Kazakhstan suggested Y"
                nxt = analysis.clause(cues[k + 1][0]).start
                if nxt > end:
                    unit = _trim(analysis.text, unit.start, nxt)
            if k and cues[k - 1][1] > unit.start:
                unit = _trim(analysis.text, max(unit.start, analysis.clause(start).start), unit.end)
            for span in _proposal_items(analysis, start, end, unit):
                if any(p.spans[0].start < span.end and span.start < p.spans[0].end for p in found):
                    continue
                mine = _stems(analysis, span)
                if len(mine) >= 3 and any(len(mine & _stems(analysis, p.spans[0])) >= 0.8 * len(mine) for p in found):
                    continue  # the lead retells the quote (or the quote the lead)
                text = span.quote(analysis.text).strip()
                proposal = Proposal(text, [span], topics=topics_in(analysis, span) or ["other"])
                before = sentence.end if call else start
                in_sentence = [m for m in analysis.persons if any(unit.start <= s.start < before for s in m.spans)]
                state = None if call else (_state_before(sentence, start, unit.start)
                                           or _state_after(analysis, sentence, start))
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
