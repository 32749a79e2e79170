"""Who took part in a meeting: states, their agencies, international bodies, persons, delegations.

Participation is read from sentences that say so (took part, attended, delegations of, were
represented, spoke), clause by clause, so that "X took part, while Y did not send a delegation"
counts X and not Y. A state only mentioned (a member list, a threat from a neighbouring country)
is not a participant. One agency noun shared by a coordinated list of states ("the interior
ministries of A, B and C", "А, Б және В ішкі істер министрліктері") gives each state that agency.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from kgraph.extract.analysis import Analysis, Sentence
from kgraph.extract.bodies import ORGANISATIONS, ancestors, body_mentions
from kgraph.gazetteer import Match
from kgraph.model import Agency, Delegation, Person, Span
from kgraph.persons import PersonMention
from kgraph.persons.cues import load_cues
from kgraph.persons.roles import is_title_word
from kgraph.reference import CONTRACT_BODIES
from kgraph.text import normalise

CLAUSE_SPLIT = re.compile(
    r";|,\s*(?=(while|but|whereas|although|а|но|однако|тогда как|ал|алайда|бірақ)\b)|\s\((?=[^)]*\))"
    r"|,\s*(?=(who|which|whose|где|котор\w+)\b)")
CONTRAST = re.compile(r"[;]|\b(while|but|whereas|а|но|однако|ал|алайда|бірақ)\b")
RELATIVE = re.compile(r",\s*(who|which|whose|где|котор\w+)\b")
STATE_KINDS = ("state", "state-adj")
TITLE_SEGMENTS = re.compile(r"\s*,\s*|\s+[-–—]\s+")
TITLE_WORDS_AFTER_COORD = 3  # "and Foreign Minister", "и министр иностранных дел": the title word comes soon
HEAD_WORD_CHARS = 20  # "руководители прокуратур", "прокуратура басшылары": the heads' word right by the agency noun
PERMANENT_ORGANS = {"cis": "cis-executive-committee", "csto": "csto-secretariat", "sco": "sco-secretariat"}


@dataclass
class Participation:
    states: list[str] = field(default_factory=list)
    absent: set[str] = field(default_factory=set)
    organizations: list[str] = field(default_factory=list)
    agencies: list[Agency] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    delegations: list[Delegation] = field(default_factory=list)
    chair: Person | None = None


def _clauses(analysis: Analysis, sentence: Sentence) -> list[Span]:
    text = analysis.norm[sentence.start: sentence.end]
    cuts = [0] + [m.start() for m in CLAUSE_SPLIT.finditer(text)] + [len(text)]
    return [Span(sentence.start + a, sentence.start + b) for a, b in itertools.pairwise(cuts) if b > a]


def _add(items: list, item) -> None:
    if item not in items:
        items.append(item)


def _title_parts(analysis: Analysis, title: str) -> list[tuple[int, int]]:
    """The offices a stack of titles names, as offsets into ``title``: titles are stacked with commas
    and dashes ("Deputy Prime Minister of X, Chairman of the Committee", "вице-премьер – министр") or
    coordinated where a title word follows the coordinator ("Deputy Prime Minister and Foreign
    Minister", "заместитель премьер-министра и министр иностранных дел"); a coordinator inside one
    office's complement ("Minister of Foreign Affairs and International Cooperation") cuts nothing."""
    cuts = [m.end() for m in TITLE_SEGMENTS.finditer(title)]
    low = normalise(title)
    cues = load_cues()
    for _, end in analysis.cues.finditer("coord", low):
        words = low[end:].split()[:TITLE_WORDS_AFTER_COORD]
        if any(is_title_word(w, analysis.lang, cues) for w in words):
            cuts.append(end)
    bounds = [0, *sorted(cuts), len(title)]
    return [(a, b) for a, b in itertools.pairwise(bounds) if title[a:b].strip(" ,–—-")]


def _state_of(match: Match) -> str:
    return match.key.split("/")[0]


def _coordinated_states(analysis: Analysis, states: list[Match], anchor: Match) -> list[Match]:
    """The list of states written right before or right after ``anchor`` (an agency noun)."""
    text = analysis.text
    before = [m for m in states if m.end <= anchor.start]
    after = [m for m in states if m.start >= anchor.end]
    chain: list[Match] = []
    if before and re.fullmatch(r"\s*", text[before[-1].end: anchor.start]):
        chain = [before[-1]]
        for m in reversed(before[:-1]):
            if not analysis.cues.fullmatch("state_list_gap", analysis.norm, m.end, chain[0].start):
                break
            chain.insert(0, m)
    if not chain and after and analysis.cues.fullmatch("agency_state_gap", analysis.norm, anchor.end, after[0].start):
        chain = [after[0]]
        for m in after[1:]:
            if not analysis.cues.fullmatch("state_list_gap", analysis.norm, chain[-1].end, m.start):
                break
            chain.append(m)
    return chain


MEETING_OF = re.compile(r"\s*(of\s+(the\s+)?)?$")


def holds_a_session(analysis: Analysis, start: int, end: int) -> bool:
    """A body named as the holder of a session ("a meeting of the Council of Defence Ministers was
    held", "заседание Совета министров обороны", "Қорғаныс министрлері кеңесінің отырысы") holds
    its own session; it is not a participant of the one reported. So does a body named by its session
    ("подготовка к саммиту ШОС", "ahead of the SCO summit", "ШЫҰ саммитіне")."""
    norm = analysis.norm
    window = norm[max(0, start - 40): start]
    gap = MEETING_OF.search(window)
    head = window[: gap.start()] if gap else window
    pattern = analysis.cues.patterns.get("meeting_nouns")
    if pattern is None:
        return False
    if pattern.search(norm, start, end):
        return True  # the name is a session's ("к саммиту ШОС", "the SCO summit"): a session, not a participant
    if any(m.end() == len(head) for m in pattern.finditer(head)):
        return True
    after = re.match(r"\s*", norm[end: end + 3])
    return pattern.match(norm, end + (after.end() if after else 0)) is not None


def _organisation_slug(slug: str, holder: str | None, named_as_participant: bool = False) -> str | None:
    """A participating body as the contract names it. The holding body and the organisations above
    it are not participants of their own session. An organ below the holder counts only where it
    is itself named among the participants ("delegations of A, B and of the Executive Committee of
    RATS" at a session of the RATS Council); one known only from its head's title (the chairman of
    the council's coordination service reporting) is part of the holder's own work. An organ
    outside the contract's list counts as its nearest listed ancestor, never as a whole
    organisation, except an organisation's permanent organ (its secretariat, led by the Secretary
    General), which stands for the organisation when the list has no slug for it."""
    chain = [slug, *ancestors(slug)]
    if holder is not None and (slug == holder or slug in ancestors(holder)):
        return None
    # the holder as the contract names it (a format outside the list is its listed parent)
    listed_holder = next((s for s in [holder, *ancestors(holder)] if s in CONTRACT_BODIES), None) if holder else None
    if holder in chain and not named_as_participant:
        return None
    if slug in CONTRACT_BODIES:
        return slug
    listed = next((s for s in chain if s in CONTRACT_BODIES and s not in ORGANISATIONS), None)
    if listed is None and slug in PERMANENT_ORGANS.values():
        organisation = next((s for s in chain if s in ORGANISATIONS), None)
        return organisation if organisation != listed_holder else None
    if listed is not None and holder is not None and listed in ancestors(holder):
        return None
    return listed


SG_BEFORE_GAP = re.compile(r"\s*(of\s+(the\s+)?)?$")
SG_AFTER_GAP = re.compile(r"(['’]s)?\s*")


def _organ_by_title(analysis: Analysis, slug: str, start: int, end: int) -> str:
    """An organisation named with its Secretary General's title ("ШЫҰ Бас хатшысы", "Secretary
    General of the CSTO", "Генеральный секретарь ОДКБ"), with or without his name: its permanent
    organ takes part, not the organisation as a whole. So does its leadership ("руководство СНГ",
    "the CIS leadership", "ТМД басшылығы": the organ_leadership cue), and a title shared by
    coordinated organisations ("руководство СНГ и ОДКБ", "the CIS and CSTO Secretaries General")
    covers each of them."""
    if slug not in PERMANENT_ORGANS:
        return slug
    norm = analysis.norm
    start, end = _organisation_list(analysis, start, end)
    after = SG_AFTER_GAP.match(norm, end)
    for cue in ("secretary_general", "organ_leadership"):
        if cue not in analysis.cues.patterns:
            continue
        if analysis.cues.match_at(cue, norm, after.end() if after else end) is not None:
            return PERMANENT_ORGANS[slug]
        window = norm[max(0, start - 40): start]
        gap = SG_BEFORE_GAP.search(window)
        if gap and any(m.end() == gap.start() for m in analysis.cues.patterns[cue].finditer(window[: gap.start()])):
            return PERMANENT_ORGANS[slug]
    return slug


def _organisation_list(analysis: Analysis, start: int, end: int) -> tuple[int, int]:
    """The span of the coordinated list of organisations the one at ``start``–``end`` stands in
    ("СНГ и ОДКБ", "CIS, CSTO and SCO"): a title before or after the list applies to each."""
    names = sorted((m.start, m.end) for m in body_mentions(analysis) if m.slug in PERMANENT_ORGANS)
    moved = True
    while moved:
        moved = False
        for a, b in names:
            if b <= start and analysis.cues.fullmatch("list_gap", analysis.norm, b, start):
                start, moved = a, True
            elif a >= end and analysis.cues.fullmatch("list_gap", analysis.norm, end, a):
                end, moved = b, True
    return start, end


def _subject_of_later_negation(analysis: Analysis, sentence: Sentence, state: Match) -> bool:
    """"India and Pakistan, which were still completing their accession, were not represented":
    the negated verb comes after the coordinated subject and an inserted clause, with nothing
    in between that says the state took part."""
    states = sentence.of_kind(*STATE_KINDS)
    end = state.end
    for other in states:  # the end of the coordinated list the state stands in
        if other.start >= end and analysis.cues.fullmatch("state_list_gap", analysis.norm, end, other.start):
            end = other.end
    negation = analysis.cues.search("negation", analysis.norm, end, sentence.end)
    if negation is None:
        return False
    between = analysis.norm[end: negation.start()]
    if CONTRAST.search(between) or analysis.cues.search("participation", between):
        return False
    return not any(end <= m.start < negation.start() for m in states)


def _report_source(analysis: Analysis, agency: Match) -> bool:
    """A national agency named as the source of the report ("Kazakhstan's National Security
    Committee said", "according to the Tajik Interior Ministry", "сообщили в КНБ Казахстана",
    "ҰҚК хабарлады"): it speaks of the session, it is not said to take part in it."""
    norm = analysis.norm
    return bool(analysis.cues.search("report_source_before", norm[max(0, agency.start - 60): agency.start])
                or analysis.cues.match_at("report_source_after", norm, agency.end))


def _person(mention: PersonMention) -> Person:
    return Person(name=mention.name, lang=mention.lang, spans=list(mention.spans), role=mention.role,
                  state=mention.state, organization=mention.organization)


def _excepted(analysis: Analysis, state: Match) -> bool:
    """A state named as the exception of a list: "all member states except Armenia", "все, кроме
    Армении", "Армениядан басқа барлық елдер"."""
    norm = analysis.norm
    return bool(analysis.cues.search("except_before", norm[max(0, state.start - 40): state.start])
                or analysis.cues.match_at("except_after", norm, state.start))


CITY_COMMA = re.compile(r"\s*,\s*")


def _venue_only(analysis: Analysis, state: Match) -> bool:
    """A state named as the place of the session, not as a participant: in the locative case ("в
    Узбекистане", "Өзбекстанда"), after a locative preposition ("in Uzbekistan", "в столице
    Таджикистана"), after the venue city ("Tashkent, Uzbekistan") or before a word for its
    capital ("Тәжікстан астанасында"). A state's adjective names the venue only before a place word
    ("in the Kyrgyz city of", "в киргизском городе"); elsewhere it qualifies a delegation ("in the
    Russian delegation", "в казахстанской делегации")."""
    norm = analysis.norm
    if state.kind != "state":
        # "in the Kyrgyz city of Cholpon-Ata", "в киргизском городе": the adjective qualifies the place
        return analysis.cues.match_at("venue_adj_after", norm, state.end) is not None
    if state.case and analysis.cues.search("venue_cases", state.case):
        return True
    if analysis.cues.search("venue_before", norm[max(0, state.start - 40): state.start]):
        return True
    if analysis.cues.match_at("venue_after", norm, state.start):
        return True
    sentence = analysis.sentence_at(state.start)
    cities = sentence.of_kind("city") if sentence else []
    return any(c.end <= state.start and CITY_COMMA.fullmatch(analysis.text[c.end: state.start]) for c in cities)


def _received_only(analysis: Analysis, span: Span) -> bool:
    """A person who only received or hosted the delegates: "the heads of delegations were received
    by the President X", "met in the capital with the President X", "X received the delegations"."""
    sentence = analysis.sentence_at(span.start)
    lo = max(sentence.start if sentence else 0, span.start - 160)
    norm = analysis.norm
    if analysis.cues.search("received_before", norm[lo: span.start]):
        return True
    last_word = norm.rfind(" ", span.start, span.end) + 1 or span.start
    hi = sentence.end if sentence else len(norm)
    return analysis.cues.match_at("received_after", norm, last_word, hi) is not None


PRINCIPAL_GAP = re.compile(r"(['’]s)?\s*")


def _principal_only(analysis: Analysis, mention: PersonMention, span: Span, others: list[PersonMention]) -> bool:
    """A person named as another's principal, inside or right before that person's title ("Putin's
    aide Yuri Ushakov", "Путиннің көмекшісі Юрий Ушаков", "помощник президента Владимира Путина
    Юрий Ушаков"), is not said to take part by that mention."""
    for other in others:
        role = other.role_span
        if other is mention or role is None:
            continue
        if role.start <= span.start and span.end <= role.end:
            return True
        if span.end <= role.start and PRINCIPAL_GAP.fullmatch(analysis.text[span.end: role.start]) and (
                analysis.cues.search("possessive_name", analysis.norm, span.start, role.start)):
            return True  # the name in the possessive right before the title: "Putin's aide", "Путиннің көмекшісі"
    return False


def _in_cut_sentence(analysis: Analysis, span: Span, cut: Sentence | None) -> bool:
    """A name in a sentence cut off before its verb: nothing says what the person did."""
    if cut is None or not (cut.start <= span.start < cut.end):
        return False
    return not any(analysis.has(cue, cut.start, cut.end) for cue in ("participation", "speech", "chair"))


def _absent_person(analysis: Analysis, mention: PersonMention, others: list[PersonMention] = ()) -> bool:
    """A person named only as the one on whose behalf or initiative something was done, who sent
    greetings, who is only quoted as the source of the report ("according to X", "по словам X",
    "X-тың сөзінше"), who is honoured or commemorated ("paid tribute to X"), who did not come,
    who only received the delegates, as another person's principal, as the subject of a decision,
    under a press title (spokesman, journalist), or in a sentence cut off before its verb, did not
    take part (by CONVENTIONS: participants only)."""
    if _decision_subject_only(analysis, mention) or _earlier_event_only(analysis, mention):
        return True
    if mention.role and analysis.cues.search("press_title", normalise(mention.role)):
        return True  # a spokesman or a journalist reports the session
    cut = analysis.cut_off
    for span in mention.spans:
        window = analysis.norm[max(0, span.start - 40): span.start]
        clause = analysis.clause(span.start)
        last_word = analysis.norm.rfind(" ", span.start, span.end) + 1 or span.start
        role = mention.role_span
        titled = role is not None and role.end <= span.start and span.start - role.end <= 2
        opening = role.start if titled else span.start  # the title right before the name opens it
        quoted = analysis.norm[max(0, opening - 50): opening]
        if not (analysis.cues.search("on_behalf", window)
                or analysis.cues.search("quoted_source_before", quoted)  # "according to the Secretary General X"
                or analysis.cues.search("commemorated_before", analysis.norm[max(0, span.start - 140): span.start])
                or analysis.cues.match_at("commemorated_after", analysis.norm, last_word)  # "paid tribute to X"
                or analysis.cues.match_at("quoted_source_after", analysis.norm, last_word)
                or analysis.cues.match_at("on_behalf_after", analysis.norm, last_word)
                or analysis.cues.match_at("greeting_sent", analysis.norm, span.end)
                or analysis.cues.search("negation", analysis.norm, span.end, clause.end)  # "X did not come"
                or _received_only(analysis, span)
                or _principal_only(analysis, mention, span, list(others))
                or _in_cut_sentence(analysis, span, cut)):
            return False
    return bool(mention.spans)


def _earlier_event_only(analysis: Analysis, mention: PersonMention) -> bool:
    """A person named only in sentences about an earlier event, background to the report ("Earlier
    the President had met the secretaries", "Ранее президент встретился…", "Президент … кездескен
    еді"), is not a participant of the session."""
    sentences = [analysis.sentence_at(span.start) for span in mention.spans]
    return bool(sentences) and all(s is not None and analysis.has("earlier_event", s.start, s.end) for s in sentences)


def _decision_subject_only(analysis: Analysis, mention: PersonMention) -> bool:
    """A person named only as the subject of a decision ("X was appointed director", "кандидатура
    X одобрена", "X марапатталды"): every sentence naming him speaks of an appointment and none
    says he took part, spoke or chaired."""
    if not mention.spans:
        return False
    for span in mention.spans:
        sentence = analysis.sentence_at(span.start)
        if sentence is None or not analysis.has("appointed", sentence.start, sentence.end):
            return False
        role = mention.role_span
        for cue in ("participation", "speech", "chair", "statement", "proposal"):
            # a cue inside his own title ("the representative of China X") says nothing of his acts
            if any(role is None or not (role.start <= a < role.end)
                   for a, _ in analysis.find(cue, sentence.start, sentence.end)):
                return False
    return True


def _officials_states(analysis: Analysis, sentence: Sentence) -> list[str]:
    """The states whose officials act at the session in a sentence that names no attendance: "На
    сегодняшнем заседании министры обороны Беларуси, России, Армении … рассмотрят …", "the foreign
    ministers of China, India and Kazakhstan signed 14 documents", "ministers of Russia, Belarus and
    Armenia discuss …". The list must stand right by the title of the council's members (or the bare
    title of officials), and the sentence must speak of the session (its noun, an act or
    a discussion of it)."""
    if not any(analysis.has(cue, sentence.start, sentence.end)
               for cue in ("meeting_nouns", "session_acts", "session_discussion")):
        return []
    if analysis.has("negation", sentence.start, sentence.end) or analysis.has("member_list", sentence.start,
                                                                              sentence.end):
        return []
    states = sentence.of_kind(*STATE_KINDS)
    found: list[str] = []
    # an agency noun with its heads' word beside it ("руководители прокуратур Азербайджана, Армении …",
    # "heads of the prosecutor's offices of …") names the officials as an agency head's title does
    headed = [m for m in sentence.of_kind("agency")
              if analysis.has("top_officials", max(sentence.start, m.start - HEAD_WORD_CHARS),
                              min(sentence.end, m.end + HEAD_WORD_CHARS))]
    # the members' bare title by the list ("ministers of Russia, Belarus and Armenia discuss …",
    # "министры России, Белоруссии и Армении", "Ресей, Беларусь және Армения министрлері")
    titled = [Match("officials", "", (), a, b, None)
              for a, b in analysis.find("top_officials", sentence.start, sentence.end)]
    for head in sentence.of_kind("agency-head") + headed + titled:
        chain = _coordinated_states(analysis, states, head)
        if len(chain) >= 2:  # a list of member states' officials, not one state's minister named in passing
            found += [_state_of(m) for m in chain if not _venue_only(analysis, m)]
    return found


def _states_said_to_take_part(analysis: Analysis, sentence: Sentence) -> bool:
    """A sentence that reports attendance; one that reports an adoption speaks of documents
    ("approved a plan of consultations of representatives of the member states")."""
    if not (analysis.has("participation", sentence.start, sentence.end)
            or analysis.has("chair", sentence.start, sentence.end)
            or (analysis.has("represented_by", sentence.start, sentence.end)
                and any(m.case == "acc" for m in sentence.of_kind(*STATE_KINDS)))):
        return False
    for start, _ in analysis.find("decision", sentence.start, sentence.end):
        clause = analysis.clause(start)
        if not analysis.has("not_decision", clause.start, clause.end):
            return False
    return True


def participation(analysis: Analysis, holder: str | None, sentences: set[int] | None = None,
                  elsewhere: frozenset[int] = frozenset()) -> Participation:
    """Participants of the meeting held by ``holder`` from the body sentences (or ``sentences``). A person
    named only in ``elsewhere``, the sentences of another session the report also covers ("a meeting of
    the defence ministers was held on 27 April, attended by the head of Kyrgyzstan's defence
    department"), took part in that session, not in this one."""
    result = Participation()
    mentions = body_mentions(analysis)
    # a headline (or a first sentence standing as one) says who took part as the body does: "Tajikistan
    # chaired a meeting of the SCO defence ministers"
    title = [analysis.title] if analysis.title is not None and sentences is None else []
    for sentence in title + analysis.body:
        if sentences is not None and sentence.index not in sentences:
            continue
        if not _states_said_to_take_part(analysis, sentence):
            for state in _officials_states(analysis, sentence):
                _add(result.states, state)
            continue
        states = sentence.of_kind(*STATE_KINDS)
        if analysis.has("member_list", sentence.start, sentence.end):
            states = []  # "the Council's members include representatives of A, B": background, not the session
        # "Kazakhstan's National Security Committee said …", "according to the Tajik Interior
        # Ministry": the state of an agency that only reports is not counted by that mention
        sources = {id(m) for agency in sentence.of_kind("agency") if _report_source(analysis, agency)
                   for m in _coordinated_states(analysis, states, agency)}
        states = [m for m in states if id(m) not in sources]
        for clause in _clauses(analysis, sentence):
            in_clause = [m for m in states if clause.start <= m.start < clause.end]
            negation = analysis.cues.search("negation", analysis.norm, clause.start, clause.end)
            if RELATIVE.match(analysis.norm, clause.start) and not analysis.has(
                    "participation", clause.start, clause.end):
                continue  # "…led by Shoigu, who criticised aid to Ukraine": Ukraine only mentioned
            represented = analysis.cues.search("represented_by", analysis.norm, clause.start, clause.end)
            for m in in_clause:
                if _excepted(analysis, m) or _venue_only(analysis, m) or _received_only(analysis, Span(m.start, m.end)):
                    # "all member states except Armenia" (the exception: its head may still send a
                    # deputy, so the state is only not counted here), "held in the capital of
                    # Tajikistan", "received by the President of Tajikistan"
                    continue
                if represented is not None and m.case == "acc" and m.start < represented.start():
                    _add(result.states, _state_of(m))  # "Түрікменстанды оның елшісі ұсынды"
                    continue
                # "Armenia declined to send a delegation to the Azerbaijani capital": the state
                # before the negated verb is its subject; one after it is only mentioned
                if negation is not None and m.start > negation.start():
                    continue
                if negation is not None or _subject_of_later_negation(analysis, sentence, m):
                    result.absent.add(_state_of(m))
                else:
                    _add(result.states, _state_of(m))
        for agency in sentence.of_kind("agency", "agency-national"):
            if agency.kind == "agency-national":  # "ФСБ России", "МВД России": the state takes part
                state, kind = agency.key.split("/", 1)
                _add(result.agencies, Agency(kind, state, (Span(agency.start, agency.end),)))
                clause = analysis.clause(agency.start)
                if not analysis.has("negation", clause.start, clause.end) and not _report_source(analysis, agency):
                    _add(result.states, state)
                continue
            for state in _coordinated_states(analysis, states, agency):
                _add(result.agencies, Agency(agency.key, _state_of(state), (Span(agency.start, agency.end),)))
        for body in mentions:
            if body.sentence == sentence.index and not holds_a_session(analysis, body.start, body.end):
                slug = _organisation_slug(_organ_by_title(analysis, body.slug, body.start, body.end), holder,
                                          named_as_participant=True)
                if slug:
                    _add(result.organizations, slug)
    _persons(analysis, holder, result, sentences, elsewhere)
    result.states = [s for s in result.states if s not in result.absent]
    result.agencies = [a for a in result.agencies if a.state not in result.absent]
    return result


def _persons(analysis: Analysis, holder: str | None, result: Participation, sentences: set[int] | None,
             elsewhere: frozenset[int] = frozenset()) -> None:
    heads: dict[str, Person] = {}
    chosen: list[tuple[PersonMention, Person]] = []
    for mention in analysis.persons:
        indexes = {s.index for span in mention.spans if (s := analysis.sentence_at(span.start))}
        if sentences is not None and not indexes & sentences:
            continue
        if elsewhere and indexes and indexes <= elsewhere:
            continue
        if _absent_person(analysis, mention, analysis.persons) or _account_source_only(analysis, mention, holder):
            continue
        person = _person(mention)
        chosen.append((mention, person))
        result.persons.append(person)
        if mention.state and mention.state not in result.absent:
            _add(result.states, mention.state)
        if mention.organization:
            slug = _organisation_slug(_organ_of(analysis, mention), holder)
            if slug:
                _add(result.organizations, slug)
        if mention.heads_organization_delegation:
            slug = _organisation_slug(mention.heads_organization_delegation, holder)
            if slug:
                _add(result.organizations, slug)
        if mention.heads_delegation_of and mention.heads_delegation_of not in heads:
            heads[mention.heads_delegation_of] = person
            _add(result.states, mention.heads_delegation_of)
        if mention.chair and result.chair is None:
            result.chair = person
    # a state whose only named person took part is represented by that person
    by_state: dict[str, list[Person]] = {}
    for _mention, person in chosen:
        if person.state:
            by_state.setdefault(person.state, []).append(person)
    mention_of = {id(person): mention for mention, person in chosen}
    for state, people in by_state.items():
        if state not in heads and len(people) == 1 and not _deputy(analysis, people[0]) \
                and not _guest(analysis, people[0]) and not _other_office(analysis, mention_of[id(people[0])], holder):
            heads[state] = people[0]
    for state, person in heads.items():
        result.delegations.append(Delegation(state, person, list(person.spans[:1])))


def _account_sentence(analysis: Analysis, sentence: Sentence) -> bool:
    """A sentence that gives an account of the session without placing the speaker at it: said to the
    press ("told reporters", "сообщил журналистам", "журналистерге мәлімдеді"), or a statement that
    names no session ("X said the ministers agreed …") or speaks after it ("по итогам заседания
    заявил"). One that says he attended, chaired or spoke at the session is no such sentence."""
    start, end = sentence.start, sentence.end
    if analysis.has("participation", start, end) or analysis.has("chair", start, end):
        return False
    if analysis.has("press_briefing", start, end):
        return True
    if not analysis.has("statement", start, end):
        return False
    return analysis.has("after_session", start, end) or not analysis.has("meeting_nouns", start, end)


def _offices(analysis: Analysis, mention: PersonMention) -> set[str]:
    """The kinds of office the person's title names: by its holder's title ("министр обороны") or by
    the agency he heads ("Директор ФСБ России")."""
    role = mention.role_span
    if role is None:
        return set()
    parts = _title_parts(analysis, analysis.text[role.start:role.end])
    return set().union(*(_offices_in(analysis, role.start + a, role.start + b) for a, b in parts))


def _offices_in(analysis: Analysis, start: int, end: int) -> set[str]:
    """The offices a stretch of title names. A holder's title names his office; an agency named
    after it is the complement of that title ("Chief of the General Staff of the Armed Forces",
    "начальник Генштаба Вооружённых сил"), not a second office: agencies count only where no
    holder's title is written."""
    found = [m for m in analysis.matches
             if m.kind in ("agency-head", "agency", "agency-national") and start <= m.start < end]
    heads = [m for m in found if m.kind == "agency-head"]
    return {m.key.split("/")[-1] for m in (heads or found)}


def _member_of_holder(analysis: Analysis, mention: PersonMention, holder: str | None) -> bool:
    """The person holds the office whose holders make up the holding body (a defence minister at the
    council of defence ministers, a president at a summit of heads of state)."""
    from kgraph.reference import load_reference

    body = load_reference().bodies.get(holder) if holder else None
    return body is not None and body.agency is not None and body.agency in _offices(analysis, mention)


def _account_source_only(analysis: Analysis, mention: PersonMention, holder: str | None) -> bool:
    """A person named only as the source of the account ("the Secretary General told journalists the
    session was productive", "Report informs, X said", "X журналистерге мәлімдеді"), in sentences
    that never place him at the session, is not said to take part (CONVENTIONS: participants; his
    attendance is not stated). A head of delegation, a chair and a member of the holding body (a
    minister at his council) sit in it, whatever they are quoted saying. An aide or adviser is staff:
    named in any sentence that does not say he attended or chaired, he briefs on the session."""
    if mention.heads_delegation_of or mention.heads_organization_delegation or mention.chair:
        return False
    sentences = [s for span in mention.spans if (s := analysis.sentence_at(span.start)) is not None and not s.is_title]
    if mention.role and analysis.cues.search("staff_title", normalise(mention.role)):
        # an aide briefing on the session ("the President's aide X said the leaders discussed …")
        # (a sentence of attendance, not of absence: "the aide said Armenia's representatives were absent")
        return bool(sentences) and not any(
            analysis.has(cue, s.start, s.end) and not analysis.has("negation", s.start, s.end)
            for s in sentences for cue in ("participation", "chair"))
    if _member_of_holder(analysis, mention, holder):  # the staff title checked first: "the President's aide"
        return False
    return bool(sentences) and all(_account_sentence(analysis, s) for s in sentences)


# a state's leader at a summit of heads of state may be its head of government (Armenia's, India's and
# Pakistan's prime ministers at CSTO and SCO summits): both offices make the state's member there
LEADERS = {"presidency": ("government",)}


def _other_office(analysis: Analysis, mention: PersonMention, holder: str | None) -> bool:
    """The person's title names an office of another kind than the holding body's members ("the
    Director of the FSB" at the council of border troops commanders, a foreign minister at a summit
    of heads of state): being the only person named for his state does not make him its member, so
    not the head of its delegation (CONVENTIONS: head is the state's member of that body)."""
    from kgraph.reference import load_reference

    body = load_reference().bodies.get(holder) if holder else None
    role = mention.role_span
    if body is None or body.agency is None or role is None:
        return False
    members = {body.agency, *LEADERS.get(body.agency, ())}
    if members & _offices(analysis, mention):
        return False
    # stacked titles ("Deputy Prime Minister of X, Chairman of the State Committee for National
    # Security"): the office written last, nearest the name, is the one he attends in; it must name
    # another kind of office (a rank or an office the reference data do not know says nothing)
    segments = [Span(role.start + a, role.start + b)
                for a, b in _title_parts(analysis, analysis.text[role.start:role.end])]
    offices: set[str] = set()
    for segment in reversed(segments):
        if analysis.cues.search("rank_only", normalise(analysis.text[segment.start:segment.end])):
            continue
        offices = _offices_in(analysis, segment.start, segment.end)
        break
    return bool(offices) and not (members & offices)


def _guest(analysis: Analysis, person: Person) -> bool:
    """A guest or an observer ("X, a guest of honour invited by the presiding country", "X,
    почетный гость", "X (наблюдатель)", "X, құрметті қонақ") is not his state's member of the body:
    being the only person named for his state does not make him its head."""
    return any(analysis.cues.match_at("guest_after", analysis.norm, span.end) for span in person.spans)


def _deputy(analysis: Analysis, person: Person) -> bool:
    """A deputy (deputy minister, deputy secretary) is not his state's member of the council, so
    being the only person named for his state does not make him its head. Stacked titles name
    several offices: one who is also a full office holder ("Deputy Prime Minister of X, Chairman of
    the State Committee for National Security", "вице-премьер, председатель комитета", "Deputy Prime Minister
    and Foreign Minister") is no deputy there; a rank alone ("Deputy Minister, Colonel General") is no office."""
    if not person.role:
        return False
    role = normalise(person.role)
    segments = [role[a:b] for a, b in _title_parts(analysis, role)]
    offices = [s for s in segments if not analysis.cues.search("rank_only", s)] or segments
    return all(analysis.cues.search("deputy", s) for s in offices)


def _organ_of(analysis: Analysis, mention: PersonMention) -> str:
    """The Secretary General of an organisation heads its permanent organ (the CSTO Secretariat,
    the CIS Executive Committee): with him, that organ takes part. Other officials of the
    organisation as a whole stay with the organisation."""
    organisation = mention.organization
    if organisation not in ORGANISATIONS or not mention.role:
        return organisation
    if not analysis.cues.search("secretary_general", normalise(mention.role)):
        return organisation
    return PERMANENT_ORGANS.get(organisation, organisation)
