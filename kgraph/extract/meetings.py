"""Which meetings a document reports: the session it is about, and sessions it announces.

A meeting needs a body and a meeting word (or a meeting verb) in one sentence; a document with
neither (a statement on an operation) reports no meeting, and none is invented. The session's
date and city are read from the sentence that reports it, then from the title; a city written
as a news dateline ("DUSHANBE, August 13") is not where the meeting was.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache

from kgraph.dates import MonthMention, find_month_mentions
from kgraph.extract.analysis import Analysis, Sentence, within
from kgraph.extract.bodies import (
    BodyMention,
    body_for_agency,
    body_mentions,
    is_organisation,
    named_organisations,
    organisation_in_context,
    organisation_of,
    tied_to_state,
)
from kgraph.extract.participants import holds_a_session
from kgraph.model import Span

# how far before and after a city name the language's venue marks are looked for (city_venue_before/_after cues)
VENUE_BEFORE = 50
VENUE_AFTER = 40
DATELINE = re.compile(r"^\s*[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ\- ]{3,}\s*[,(—-]")
# "SAMARKAND, ", "BAKU, Azerbaijan, ": the filing city, maybe with its country
DATELINE_PREFIX = re.compile(r"\s*[^\W\d_][\w.\-' ]{1,30},\s*([^\W\d_][\w.\-' ]{1,30},\s*)?")
DATELINE_CITY_AFTER = re.compile(r",\s*")
DATELINE_AGENCY_AFTER = re.compile(r"\s*([/(—–-]|\.\s*/)")  # "Минск /Корр. БЕЛТА/", "Astana (Kazinform)"
FAR_FUTURE = dt.timedelta(days=3)
PASSING = dt.timedelta(days=45)
PREVIOUS_PLACE = 25  # characters after "the previous meeting" within which a city is that meeting's place
LEAD_SENTENCES = 3  # where a report names the session's date and place when its first sentence does not


@dataclass
class MeetingCandidate:
    body: str | None
    sentence: Sentence
    evidence: list[Span]
    start: dt.date | None = None
    end: dt.date | None = None
    place: str | None = None
    announced: bool = False
    session_number: int | None = None
    sentences: set[int] = field(default_factory=set)  # sentences that belong to this meeting only


def _cited(analysis: Analysis, sentence: Sentence) -> list[tuple[int, int]]:
    """Where the sentence cites a session as the source of decisions being carried out ("the
    implementation of the decisions of the Ufa summit", "реализация решений Душанбинского саммита"): an
    earlier session, named in passing; neither its noun nor its body names the report's session."""
    return list(analysis.find("cited_session", sentence.start, sentence.end))


def _is_meeting_sentence(analysis: Analysis, sentence: Sentence,
                         cited: list[tuple[int, int]] | None = None) -> bool:
    """The sentence names a session: a meeting noun (not one of a cited session) or a verb of holding.
    ``cited``: the sentence's cited sessions, where the caller has them already."""
    cited = _cited(analysis, sentence) if cited is None else cited
    return any(not within(cited, start, end)
               for start, end in analysis.find("meeting_nouns", sentence.start, sentence.end)) or analysis.has(
        "meeting_events", sentence.start, sentence.end)


def _in_passing(analysis: Analysis, sentence: Sentence, body: str | None) -> bool:
    """A session the text dates well before its publication ("at the summit held in Ashgabat in
    2019", "на заседании 12 марта" in a June report) is mentioned in passing, not reported. The
    date that counts is the one nearest the session's words: "the council, founded in 1992, met
    today" reports today's session."""
    published = analysis.doc.published
    if published is None or sentence.is_title:
        return False
    days = [d for d in sentence.dates if not _in_dateline(analysis, d.start)]
    if days:  # a day of the session decides: "the council, founded in 1992, met on Tuesday"
        return _by_nearness(analysis, sentence, days, body)[0].begin < published - PASSING
    months = [m for m in _months(analysis) if sentence.start <= m.start < sentence.end]
    if months:  # "утвержден на заседании в Минске в апреле" in a July report
        month = _by_nearness(analysis, sentence, months, body)[0].month
        year = published.year if month <= published.month else published.year - 1
        return dt.date(year, month, 28) < published - PASSING
    return any(n.kind == "year" and n.value < published.year for n in sentence.numbers)


def _months(analysis: Analysis) -> list[MonthMention]:
    if "months" not in analysis.cache:
        analysis.cache["months"] = find_month_mentions(analysis.text, analysis.lang)
    return analysis.cache["months"]


def _anchors(analysis: Analysis, sentence: Sentence, body: str | None) -> list[int]:
    """Where the sentence speaks of the session: its meeting words and the holding body's name."""
    points = [a for a, _ in analysis.find("meeting_nouns", sentence.start, sentence.end)]
    points += [a for a, _ in analysis.find("meeting_events", sentence.start, sentence.end)]
    points += [m.start for m in body_mentions(analysis) if m.sentence == sentence.index and m.slug == body]
    return points or [sentence.start]


def _by_nearness(analysis: Analysis, sentence: Sentence, items: list, body: str | None) -> list:
    """``items`` (with ``start``) ordered by distance to the session's words in the sentence:
    "the two-day meeting, which opened on Wednesday … Japan declined on Thursday"."""
    anchors = _anchors(analysis, sentence, body)
    return sorted(items, key=lambda item: min(abs(item.start - a) for a in anchors))


def _holding_bodies(analysis: Analysis, sentence: Sentence, mentions: list[BodyMention]) -> list[BodyMention]:
    """Bodies in a meeting sentence that can hold a session (not a bare organisation name)."""
    return [m for m in mentions if m.sentence == sentence.index and not is_organisation(m.slug)]


def _attendee(analysis: Analysis, sentence: Sentence, body: BodyMention) -> bool:
    """A body named after the verb of attendance in its clause, not as a session's holder ("the meeting was
    attended by representatives of Kazakhstan, China, the SCO Secretariat and the RATS Executive Committee"):
    a participant of the session, which it does not hold ("took part in the meeting of the Council" names
    the holder after "meeting of")."""
    if holds_a_session(analysis, body.start, body.end):
        return False
    # the body stands in the list of attendees: after the verb of attendance with states listed between
    # ("attended by representatives of Kazakhstan, China, the SCO Secretariat"); "with the participation of
    # the heads of delegations, the Council adopted …" still names the holder
    cues = [a for a, _ in analysis.find("participation", sentence.start, body.start)]
    return bool(cues) and any(cues[0] < m.start < body.start for m in sentence.of_kind("state", "state-adj"))


def _exercise_lead(analysis: Analysis) -> bool:
    """The headline or the first sentence reports an exercise, and neither names a session, members
    gathering, or a council's act or discussion: the inverted pyramid puts what the article reports first,
    so the article is about the exercise. "Defence ministers met in Bishkek and approved a plan of joint
    exercises" reports their session."""
    lead = analysis.sentences[:2]
    return any(analysis.has("exercise", s.start, s.end) for s in lead) and not any(
        analysis.has(cue, s.start, s.end) for s in lead
        for cue in ("meeting_nouns", "gathered", "session_acts", "session_discussion"))


def _discussing_subject(analysis: Analysis, sentence: Sentence, holders: list[BodyMention]) -> bool:
    """Members who discussed ("CIS foreign ministers discussed security"), or a council named before the
    verb of discussing, as its subject ("the CSTO Committee of Secretaries is discussing information
    security"); a council named after the verb is what was discussed ("discussed holding the Committee's
    meeting")."""
    cues = [start for start, _ in analysis.find("session_discussion", sentence.start, sentence.end)]
    return bool(cues) and (not holders or any(h.end <= cues[0] for h in holders))


def _agency_body(analysis: Analysis, sentence: Sentence) -> str | None:
    """No body name but "ministers of defence of the CSTO met": the body from agency + organisation
    (the one the sentence names, or the one the report opens with)."""
    org = organisation_in_context(analysis, sentence, LEAD_SENTENCES)
    if not org:
        return None
    # with no meeting word, a title tied to the one state the sentence names ("деді ... Қазақстан
    # Республикасының Президенті белгілеген мерзімде ... өткен брифингіде") names a national office-holder,
    # not the council's members meeting (a title over a list of states, "министры обороны Кыргызстана X,
    # России — Y", still names them; so does one at a named session: "took part in the meeting")
    alone = len({m.key for m in sentence.of_kind("state", "state-adj")}) == 1 and not analysis.has(
        "meeting_nouns", sentence.start, sentence.end)
    heads = [h for h in sentence.of_kind("agency-head") if not (alone and tied_to_state(analysis, h, sentence))]
    named = [*heads, *_coordinated_agencies(analysis, sentence, heads)]
    bodies = [b for b in (body_for_agency(org, m.key) for m in named) if b]
    if len(set(bodies)) >= 2:
        # "Главы МИД, Совбезов и Министерств обороны стран ОДКБ встретились": the members of several of
        # the organisation's councils together hold its joint session (the organisation's, CONVENTIONS)
        return org
    if bodies:
        return bodies[0]
    if analysis.has("heads_of_state", sentence.start, sentence.end):
        # "ҰҚШҰ-ға мүше елдердің басшылары жиын өткізді", "лидеры стран СНГ по итогам саммита": the
        # organisation's council of heads of state
        return body_for_agency(org, "presidency")
    if org in named_organisations(sentence) and all(analysis.has(cue, sentence.start, sentence.end)
                                                    for cue in ("member_states", "top_officials", "meeting_events")) \
            and not any(organisation_of(m.slug) == org and m.slug != org for m in body_mentions(analysis)):
        # "the 9th Meeting of Chief Justices of the SCO member states was held in Astana": a format the
        # reference does not list, held by the heads of offices of the organisation's members, is the organisation's
        # session (CONVENTIONS: a format with no slug of its own counts as its parent body); in a report
        # that names one of the organisation's listed bodies, the session is that body's or in passing
        return org
    return None


@dataclass(frozen=True)
class _Periphrasis:
    """A capital named by periphrasis, standing for the capital's own name."""

    key: str
    start: int
    end: int
    case: str | None  # "loc" when the capital word is itself in the locative ("елордада")
    kind: str = "capital"


@cache
def _capitals() -> dict[str, str]:
    from kgraph.reference import load_reference

    return {city.state: city.id for city in load_reference().cities.values() if city.capital}


STATE_BEFORE_CAPITAL = re.compile(r"\s+")  # "белорусской столице", "the Kazakh capital", "Тәжікстан елордасында"
# "столице Таджикистана", "capital of the Republic of Tajikistan"
STATE_AFTER_CAPITAL = re.compile(r"\s+(of\s+(the\s+)?)?")


def _capital_periphrases(analysis: Analysis, sentence: Sentence) -> list[_Periphrasis]:
    """"the Kazakh capital", "в белорусской столице", "the capital of Tajikistan", "Елордадағы": the
    capital of the state written next to the capital word (in Kazakh news a bare "елордада" is the
    home state's capital; "астанасында" needs its state). The phrase counts as a place where the capital word would."""
    from kgraph.morph import lexicon

    text, out = analysis.text, []
    states = sentence.of_kind("state", "state-adj")
    home = lexicon(analysis.lang).get("home_state")
    words = [(a, b, "loc", None) for a, b in analysis.find("capital_place", sentence.start, sentence.end)]
    words += [(a, b, "loc", home) for a, b in analysis.find("home_capital_place", sentence.start, sentence.end)]
    words += [(a, b, None, None) for a, b in analysis.find("capital_word", sentence.start, sentence.end)]
    for start, end, case, default in words:
        state, phrase_start = None, start
        for m in states:
            if m.end <= start and STATE_BEFORE_CAPITAL.fullmatch(text[m.end:start]):
                state, phrase_start = m.key.split("/")[0], m.start
            elif m.start >= end and STATE_AFTER_CAPITAL.fullmatch(text[end:m.start].lower()) and state is None:
                state = m.key.split("/")[0]
        state = state or default
        city = _capitals().get(state) if state else None
        if city:
            out.append(_Periphrasis(city, phrase_start, end, case))
    return out


def _city(analysis: Analysis, sentence: Sentence, body: str | None) -> tuple[str, Span] | None:
    text = analysis.text
    places = sentence.of_kind("city") + _capital_periphrases(analysis, sentence)
    previous = analysis.find("previous_session", sentence.start, sentence.end)
    for m in _by_nearness(analysis, sentence, places, body):
        if any(a <= m.start <= b + PREVIOUS_PLACE for a, b in previous):
            continue  # "the previous meeting in Astana", "Астанадағы өткен отырыс": a past session's place
        line_start = text.rfind("\n", 0, m.start) + 1
        if m.start - line_start < 3 and DATELINE.match(text, m.start):
            continue  # a dateline names where the news was filed
        # where something happened: a case that marks it (kk/ru locative), a preposition or town word
        # before the name ("в городе", "in the city of"), or a word after it ("Циндао қаласында",
        # "Bishkek hosted"): each language's marks are its cue data (city_venue_cases/_before/_after)
        before = analysis.norm[max(sentence.start, m.start - VENUE_BEFORE): m.start]
        after = analysis.norm[m.end: m.end + VENUE_AFTER]
        if (analysis.cues.search("city_venue_cases", m.case or "") or analysis.cues.search("city_venue_before", before)
                or analysis.cues.search("city_venue_after", after)):
            return m.key, Span(m.start, m.end)
    return None


def _travel_city(analysis: Analysis, sentence: Sentence) -> tuple[str, Span] | None:
    """The city participants are said to travel to ("Санкт-Петербургке келді", "прибыл в Минск",
    "arrived in Bishkek"): the destination, by its case or the preposition before it."""
    norm = analysis.norm
    for m in sentence.of_kind("city"):
        if _in_dateline(analysis, m.start) or (m.start - (analysis.text.rfind("\n", 0, m.start) + 1) < 3
                                               and DATELINE.match(analysis.text, m.start)):
            continue
        before = norm[max(sentence.start, m.start - 40): m.start]
        if analysis.cues.search("travel_cases", m.case or "") or analysis.cues.search("travel_before", before):
            return m.key, Span(m.start, m.end)
    return None


def _date_follows(analysis: Analysis, offset: int) -> bool:
    """"New Delhi, August 24": a date right after the comma that follows a city opening a line."""
    gap = DATELINE_CITY_AFTER.match(analysis.text, offset)
    return gap is not None and any(d.start == gap.end() for d in analysis.dates)


def filed_from_home(analysis: Analysis, venue: str | None) -> None:
    """A report filed from a capital other than the venue ("New Delhi, August 24: Defence Minister
    Rajnath Singh today attended the SCO meeting in Tashkent") is that state's press covering its own
    delegation: a national title named without a state ("Defence Minister") is that state's. A dateline
    at the venue says nothing of the press (the correspondent travelled there)."""
    city = _dateline_city(analysis)
    if city is None or city.key == venue:
        return
    state = next((s for s, capital in _capitals().items() if capital == city.key), None)
    if state is None:
        return
    for person in analysis.persons:
        if person.state is None and person.role and person.organization is None:
            person.state, person.state_source = state, "dateline"


def _coordinated_agencies(analysis: Analysis, sentence: Sentence, heads: list) -> list:
    """Agencies coordinated after a head's title share it ("Главы МИД, Совбезов и Министерств обороны",
    "heads of the foreign ministries, security councils and defence ministries"): their heads too."""
    agencies = sorted(sentence.of_kind("agency"), key=lambda m: m.start)
    out = []
    for head in heads:
        end = head.end
        for m in agencies:
            if m.start < end:
                continue
            if not analysis.cues.fullmatch("list_gap", analysis.norm, end, m.start):
                break
            out.append(m)
            end = m.end
    return out


def _two_sides(analysis: Analysis, sentence: Sentence) -> bool:
    """Two states named beside the ministers who discussed ("the foreign ministers of Russia and Kazakhstan
    discussed"), or named persons who met and discussed ("the Secretary General X and the secretary of
    Tajikistan's Security Council Y met and discussed"): talks of two sides, not a council's session
    (a council's members who discuss are named by their office, in the plural)."""
    if len({m.key.split("/")[0] for m in sentence.of_kind("state", "state-adj")}) == 2:
        return True
    return any(sentence.start <= s.start < sentence.end for p in analysis.persons for s in p.spans)


def _dateline_city(analysis: Analysis):
    """The city of the report's dateline ("BEIJING, April 24 (APP):", "МОСКВА, 8 қазан."): a city at the
    start of the headline or of one of the first lines, in the dateline's shape (found once per
    document: the venue and the press's state both read it)."""
    if "dateline-city" not in analysis.cache:
        analysis.cache["dateline-city"] = _find_dateline_city(analysis)
    return analysis.cache["dateline-city"]


def _find_dateline_city(analysis: Analysis):
    starts = [analysis.title.start] if analysis.title is not None else []
    starts += [s.start for s in analysis.body[:LEAD_SENTENCES]
               if analysis.text.rfind("\n", 0, s.start) + 1 == s.start]
    for m in analysis.matches:
        if m.kind == "city" and any(0 <= m.start - start < 3 for start in starts) \
                and (DATELINE.match(analysis.text[m.start:m.start + 80]) or _date_follows(analysis, m.end)):
            return m
    return None


def _in_dateline(analysis: Analysis, offset: int) -> bool:
    """"SAMARKAND, September 16 (UzA).", "Бишкек, 13 сент. /Кабар/.": the date the news was filed."""
    line_start = analysis.text.rfind("\n", 0, offset) + 1
    prefix = analysis.text[line_start:offset]
    if not prefix.strip():  # "11 июля, Минск /Корр. БЕЛТА/.": the date first, then the filing city
        date = next((d for d in analysis.dates if d.start == offset), None)
        return date is not None and any(
            m.kind == "city" and DATELINE_CITY_AFTER.fullmatch(analysis.text[date.end:m.start])
            and DATELINE_AGENCY_AFTER.match(analysis.text, m.end) for m in analysis.matches)
    if not DATELINE_PREFIX.fullmatch(prefix):
        return False  # "В четверг, 23 ноября" is a weekday, not a place
    names_place = any(m.kind == "city" and line_start <= m.start < offset for m in analysis.matches)
    return names_place or prefix.strip(" ,").isupper()


def _report_date(analysis: Analysis, sentence: Sentence, offset: int) -> bool:
    """"сообщает в четверг, 20 сентября, пресс-служба": the date of the report, after its verb."""
    norm, start = analysis.norm, offset
    moved = True
    while moved:  # "в четверг, 20 сентября": step back over the dates and prepositions before this one
        moved = False
        for d in sentence.dates:
            if d.end <= start and not norm[d.end:start].strip(" ,"):
                start, moved = d.start, True
        words = norm[sentence.start:start].rstrip().rsplit(" ", 1)
        if len(words) == 2 and words[1] in ("в", "во", "on"):
            start, moved = sentence.start + len(words[0]) + 1, True
    if analysis.has("report_date_before", max(sentence.start, start - 40), start):
        return True
    # ", 4 октября передает пресс-служба", "4 қазанда хабарлады": the date right before the reporting verb
    date = next((d for d in sentence.dates if d.start == offset), None)
    return date is not None and analysis.cues.match_at(
        "report_date_after", analysis.norm, date.end, sentence.end) is not None


def _date(analysis: Analysis, sentence: Sentence, announced: bool, body: str | None):
    published = analysis.doc.published
    for d in _by_nearness(analysis, sentence, sentence.dates, body):
        if _in_dateline(analysis, d.start) or _report_date(analysis, sentence, d.start):
            continue
        if published and not announced and d.begin > published + FAR_FUTURE:
            continue
        if published and announced:
            # "will be held in Moscow on Monday": a weekday in a preview is the coming one
            d = dataclasses.replace(d, begin=d.ahead(published))
            if d.begin < published:
                continue
        return d
    return None


def _held_today(analysis: Analysis, sentence: Sentence) -> bool:
    """The sentence puts the session on the publication day by a word of deixis ("today", "бүгін",
    "сегодня"): a report written on the day of the session, even in the future tense ("Today Dushanbe
    will host the meeting"). A calendar date that happens to be the publication day ("состоится 3 июня"
    in a report of 3 June) is the date of an announcement: a preview in the future tense stays one."""
    published = analysis.doc.published
    return published is not None and any(
        d.deictic and d.begin == published and d.finish is None and not _in_dateline(analysis, d.start)
        for d in sentence.dates)


def _ongoing(analysis: Analysis, sentence: Sentence) -> Span | None:
    """A session going on as the report is written ("Душанбеде өтіп жатқан отырыс", "в Самарканде
    проходит заседание", "the summit is under way"): progressive aspect or present tense of the
    holding verb dates it to the publication day, when the text gives no day of its own."""
    if analysis.doc.published is None or sentence.is_title:
        return None
    for start, end in analysis.find("ongoing", sentence.start, sentence.end):
        return Span(start, end)
    return None


def _session_number(analysis: Analysis, sentence: Sentence) -> int | None:
    for n in sentence.numbers:
        if n.kind == "ordinal" and 0 < n.value < 1000:
            return int(n.value)
    return None


def find_meetings(analysis: Analysis, without_title: bool = False) -> list[MeetingCandidate]:
    mentions = body_mentions(analysis)
    primary: MeetingCandidate | None = None
    announced: list[MeetingCandidate] = []
    title = analysis.title
    after_side_event = False
    standing: MeetingCandidate | None = None  # a session found only under a standing organ's name
    lead = {s.index for s in analysis.sentences[:LEAD_SENTENCES]}
    headline = _Headline()
    for sentence in analysis.sentences:
        if without_title and sentence.is_title:
            continue
        cited = _cited(analysis, sentence)
        holders = [h for h in _holding_bodies(analysis, sentence, mentions) if not _attendee(analysis, sentence, h)
                   and not within(cited, h.start, h.end)]
        if primary is None and not sentence.is_title and analysis.has("side_event", sentence.start, sentence.end):
            # "Тоқаев ШЫҰ министрлерімен кездесті", "the President received the delegates": a side event,
            # with or without a meeting word; what follows speaks of it until a session is named with a verb
            # (a headline's "Гродно принял глав МВД" is a city hosting the session, and the text tells which)
            after_side_event = True
            continue
        if not _is_meeting_sentence(analysis, sentence, cited) and not (
                primary is None and sentence.index in lead and not cited
                and (any(_member_agency(h.slug) and not _permanent(h.slug) for h in holders)
                     or (not holders and _agency_body(analysis, sentence)))
                and (analysis.has("session_acts", sentence.start, sentence.end)
                     or (_discussing_subject(analysis, sentence, holders) and not _two_sides(analysis, sentence)))):
            # a council (of heads of states or agencies) that appointed, approved, signed or discussed in the
            # lead met: "the Council of Heads of State appointed X", "the defence ministers of the SCO states
            # signed a communiqué", "CIS foreign ministers discussed security in Minsk" report its session
            # without a meeting word; a permanent organ's act (an executive committee's) is no session, nor is
            # a named council that was only discussed ("discussed holding the Committee's meeting")
            continue
        if analysis.has("side_event", sentence.start, sentence.end) or analysis.has(
                "working_level", sentence.start, sentence.end):
            # a reception of the delegates by a president, talks "with" someone, bilateral talks on the
            # sidelines, a visit on the eve of the session, an expert group's meeting: not the session itself
            after_side_event = True
            continue
        if sentence is analysis.cut_off and not _reports_held(analysis, sentence):
            # "…at the session a declaration being adopted, with the priorities to be impl" cut off before
            # its finite verb: neither held nor previewed is said, so it reports no session
            continue
        if analysis.has("arrival", sentence.start, sentence.end):
            continue  # "ministers arrived in Dushanbe to attend the meeting": the session is still ahead
        if analysis.has("not_held", sentence.start, sentence.end):
            continue  # "the summit was postponed", "заседание перенесено", "отырыс шегерілді": not held
        if (analysis.has("background_frame", sentence.start, sentence.end)
                or analysis.has("past", sentence.start, sentence.end)
                or analysis.has("previous_session", sentence.start, sentence.end)) and not (
                _held_today(analysis, sentence) or _ongoing(analysis, sentence)):
            # "напомним, заседание Совета прошло в апреле", "еске сала кетейік, ... отырысында", "as reported
            # earlier, the council met": a reminder tells known history, a session mentioned in passing; so does
            # a session placed in the past ("ранее", "last year", "былтыр", "at the previous session") or
            # named as the previous one ("Предыдущее заседание прошло в Алма-Ате", "the previous meeting was
            # held in Almaty"); "еске салсақ, бүгін саммит өтіп жатыр" (today, going on) is still the report's session
            continue
        if all(_permanent(h.slug) for h in holders) and analysis.has("exercise", sentence.start, sentence.end) \
                and not analysis.has(
                "meeting_nouns", sentence.start, sentence.end):
            # "the Joint Staff held the exercise", "учения прошли": exercises are not sessions; a council
            # (not a standing organ) named as meeting ("the RATS Council met and agreed a plan of
            # exercises") still is
            continue
        if _ceremony(analysis, sentence):
            continue  # "прошло торжество, посвященное годовщине РАТС", "a ceremony marking the anniversary"
        if not holders and analysis.has("national_session", sentence.start, sentence.end):
            continue  # "the interior ministry's board discussed CIS cooperation": a national session
        if after_side_event and not (holders and (analysis.has("meeting_events", sentence.start, sentence.end)
                                                  or analysis.has("future", sentence.start, sentence.end))):
            # "the meeting took place in his residence", "also present at the meeting were the director
            # of …": the side event again; a session after it is named with its body and a verb of its own
            # (of holding, or of a preview: "the session will be held on Monday")
            continue
        holders = sorted(holders, key=lambda h: _permanent(h.slug))  # a council before a standing organ
        body = holders[0].slug if holders else _agency_body(analysis, sentence)
        if holders and _permanent(body):  # "heads of the interior ministries and the Executive Committee"
            body = _agency_body(analysis, sentence) or body
        body = _joint_session(analysis, sentence, holders) or body
        next_session = analysis.has("next_meeting", sentence.start, sentence.end)
        future = _future(analysis, sentence)
        if not future and _dated_ahead(analysis, sentence, body):
            future = True  # "the 13th meeting … in Beijing on 21-22 May" in a report of 16 May: a preview
        if primary is not None and primary.sentence.is_title and not sentence.is_title:
            if not future and body in (primary.body, None) and _reports_held(analysis, sentence):
                headline.confirmed = True
            elif future and not next_session and body == primary.body and not any(
                    analysis.has(cue, sentence.start, sentence.end) for cue in ("session_acts", "session_discussion")):
                # a sentence that reports the session's own acts in the past previews another event, the
                # one its future words are about ("discussed preparing the summit, which will be held …",
                # "reached consensus for the upcoming summit"), not this session
                headline.previewed = True
        if not future and body is not None and not analysis.has("meeting_events", sentence.start, sentence.end) \
                and any(a.body == body and a.start is not None and analysis.doc.published is not None
                        and a.start > analysis.doc.published for a in announced):
            # "at the session the Council is to adopt …" after the report announced that session for a
            # later day: the same preview, not a held session (no verb of holding of its own)
            continue
        if future:
            # a preview ("will be held", "состоится", "өтеді") or the next session is not a meeting
            # of the report: at most an announced session, which names its session (a meeting word
            # with a body, or "the next session")
            if not (next_session or holders or analysis.has("meeting_nouns", sentence.start, sentence.end)):
                continue
            fallback = primary.body if next_session and primary is not None else None
            candidate = _announced(analysis, sentence, body or fallback)
            known = {(m.body, m.place, m.start) for m in [primary, *announced] if m is not None}
            if candidate and (candidate.body, candidate.place, candidate.start) not in known:
                announced.append(candidate)
            continue
        if body is None or _in_passing(analysis, sentence, body):
            continue
        if primary is not None:
            if not holders:  # a second session must be named, not guessed from a title ("president's")
                continue
            other = _another_session(analysis, sentence, body, primary)
            if other is not None:
                announced.append(other)
            continue
        evidence = [Span(h.start, h.end) for h in holders] or [analysis.quote_unit(sentence.start)]
        candidate = MeetingCandidate(body, sentence, evidence)
        if _permanent(body):
            # "the chairman of the Executive Committee spoke at the session": a standing organ's officials
            # attend a council's session; the organ holds it only when the report names no council's
            standing = standing or candidate
            continue
        primary = candidate
    if primary is not None and headline.previewed and not headline.confirmed \
            and not _reports_held(analysis, primary.sentence):
        # "В Москве стартует заседание Совета" over a text that only says it "will be held" and who "is
        # expected": a headline is the summary of its text, and this text previews the session
        primary = None
        if not without_title:
            # "Documents for CSTO summit agreed on" over a text that reports the ministers' joint session
            # which agreed them: the headline's session is ahead, the session the text reports is the report's
            again = find_meetings(analysis, without_title=True)
            if again and not again[0].announced:
                return again
    if primary is not None and _nominal_preview(analysis, primary, mentions):
        primary = None
    if _exercise_lead(analysis):
        # "SCO member states held a joint anti-terrorism exercise in Pakistan": the article reports the
        # exercise; a session it names later (where the exercise was decided) is background
        return [m for m in announced if m.announced]
    if primary is None and standing is not None and not (
            any(m.announced for m in announced) and not _reports_held(analysis, standing.sentence)):
        # a standing organ's session, unless the report previews a session and the organ's sentence does
        # not say it was held ("the topic of the meeting will be …, the press service of the Executive
        # Committee said": the organ is the source of the preview)
        primary = standing
    if primary is not None and primary.body and not is_organisation(primary.body):
        primary.body = _joint_session_reported(analysis, primary, mentions) or primary.body
    if primary is None and not announced:
        primary = _anaphoric_session(analysis, mentions)
    if primary is None:  # a preview: only announced sessions
        return [m for m in announced if m.announced]
    _locate(analysis, primary, title, mentions)
    return [primary, *(m for m in announced if not _same_session(m, primary))]


def _ceremony(analysis: Analysis, sentence: Sentence) -> bool:
    """A celebration (an anniversary's festivities, a gala, a solemn gathering) held by or for a body is
    not its session: the sentence names the ceremony and no meeting word outside it ("салтанатты жиын"
    names both at once)."""
    ceremonies = list(analysis.find("ceremony", sentence.start, sentence.end))
    if not ceremonies:
        return False
    return all(within(ceremonies, start, end)
               for start, end in analysis.find("meeting_nouns", sentence.start, sentence.end))


def _future(analysis: Analysis, sentence: Sentence) -> bool:
    """The sentence puts its session ahead: a future verb ("will be held", "состоится", "өтеді"), the next
    session, or headlinese ("ministers to meet"); not when the session is held today or going on ("Today
    Dushanbe will host the meeting", "the session taking place in Minsk, where ministers will discuss …")."""
    next_session = analysis.has("next_meeting", sentence.start, sentence.end)
    future = analysis.has("future", sentence.start, sentence.end) or next_session or (
        sentence.is_title and analysis.has("headline_future", sentence.start, sentence.end))
    if future and not next_session and (_held_today(analysis, sentence) or _ongoing(analysis, sentence)):
        return False
    return future


def _nominal_preview(analysis: Analysis, primary: MeetingCandidate, mentions: list[BodyMention]) -> bool:
    """A session named without a verb of its own ("the CIS summit will be one of the main events of
    Kazakhstan's chairmanship", "ТМД саммиті … басты оқиғалардың бірі болмақ") takes the tense of the text
    around it: where another sentence puts that body's session ahead ("the council … will discuss",
    "кеңес … талқыланады") and no sentence reports a session held, going on, acting or attended, the text is
    a preview and the mention is the previewed session, not a meeting of the report."""
    if _tensed(analysis, primary.sentence):
        return False
    previewed = False
    for sentence in analysis.sentences:
        future = _future(analysis, sentence)
        if not future and _tensed(analysis, sentence) and not analysis.has("past", sentence.start, sentence.end):
            return False
        if sentence is primary.sentence or not future or any(
                analysis.has(cue, sentence.start, sentence.end)
                for cue in ("next_meeting", "session_acts", "session_discussion")):
            continue  # the next session, or this one's acts with a future aside ("discussed preparing the summit")
        if any(h.slug == primary.body for h in _holding_bodies(analysis, sentence, mentions)):
            previewed = True
    return previewed


def _tensed(analysis: Analysis, sentence: Sentence) -> bool:
    """The sentence has a verb that places a session in time: of holding, acting, taking part, or a future."""
    return _reports_held(analysis, sentence) or any(
        analysis.has(cue, sentence.start, sentence.end) for cue in ("participation", "future"))


def _same_session(other: MeetingCandidate, primary: MeetingCandidate) -> bool:
    """An announcement of the reported session itself ("the summit to be held on 14 October" in a report of
    that day's summit): same body and day, and no other place."""
    joint_part = is_organisation(primary.body) and organisation_of(other.body) == primary.body
    if other.body != primary.body and not joint_part:
        return False  # (a council of the organisation whose joint session is reported is that session's part)
    if (other.place, other.start) == (primary.place, primary.start):
        return True
    return other.start is not None and other.start == primary.start and other.place in (None, primary.place)


@dataclass
class _Headline:
    """What the text says of the session its headline names: a nominal or present-tense headline
    ("Заседание Совета в Москве", "стартует", "opens") is held only if the text does not only preview it."""

    confirmed: bool = False  # a sentence of the text reports a session held, going on, or acting
    previewed: bool = False  # a sentence of the text puts that session in the future ("will be held")


def _reports_held(analysis: Analysis, sentence: Sentence) -> bool:
    """The sentence itself says the session was held, is going on, or acted (a verb of holding, the
    progressive, an act of the session): not a bare nominal mention."""
    return any(analysis.has(cue, sentence.start, sentence.end) for cue in ("meeting_events", "ongoing", "session_acts"))


def _anaphoric_session(analysis: Analysis, mentions: list[BodyMention]) -> MeetingCandidate | None:
    """A session reported with a bare meeting word ("this meeting took place on the eve of the
    anniversary", "today's session of the Council", "на этой встрече министры утвердили", "бұл
    отырыста") while its body is named only in another sentence ("the format of the Council of
    Defence Ministers"): the meeting word stands for that body's session when the document names
    exactly one body that holds sessions. The sentence must report the session held (a verb of
    holding, an act of the session, participants who took part in it, or today's date), and be none of
    the things a session is not (a side event, a preview, a national board, an exercise)."""
    holders = {m.slug for m in mentions if not is_organisation(m.slug) and not _permanent(m.slug)}
    if len(holders) != 1:
        return None
    body = holders.pop()
    after_side_event = False
    for sentence in analysis.body:
        start, end = sentence.start, sentence.end
        if analysis.has("side_event", start, end):
            after_side_event = True  # "the President met X. The meeting took place in the Kremlin": that meeting
            continue
        if after_side_event or not analysis.has("meeting_nouns", start, end) \
                or not _bare_meeting_word(analysis, sentence):
            continue
        today = _held_today(analysis, sentence) or _ongoing(analysis, sentence) is not None
        held = ("meeting_events", "session_acts", "took_part")
        if not (today or any(analysis.has(cue, start, end) for cue in held)):
            # held: a verb of holding, an act of the session, or its participants who "took part" in it
            continue
        if any(analysis.has(cue, start, end) for cue in ("side_event", "working_level", "arrival", "exercise",
                                                          "national_session", "next_meeting", "previous_session",
                                                          "not_held")) \
                or ((analysis.has("background_frame", start, end) or analysis.has("past", start, end)) and not today):
            continue
        if (analysis.has("future", start, end) and not today) or _in_passing(analysis, sentence, body) \
                or _dated_ahead(analysis, sentence, body):
            continue
        named = next(m for m in mentions if m.slug == body)
        return MeetingCandidate(body, sentence, [Span(named.start, named.end)])
    return None


def _permanent(body: str | None) -> bool:
    """A standing organ (executive committee, secretariat): its officials attend a council's sessions."""
    from kgraph.reference import load_reference

    item = load_reference().bodies.get(body) if body else None
    return bool(item and item.permanent)


def _joint_session(analysis: Analysis, sentence: Sentence, holders: list[BodyMention]) -> str | None:
    """"a joint session of the CSTO Councils of Foreign and Defence Ministers and the Committee of
    Secretaries": several councils of one organisation in session together are the organisation's
    session (CONVENTIONS: a format with no body of its own counts as its parent)."""
    return _common_organisation(_joint_councils(analysis, sentence, holders))


def _common_organisation(councils: set[str]) -> str | None:
    """The organisation of two or more councils, when they all belong to one."""
    orgs = {organisation_of(slug) for slug in councils}
    if len(councils) >= 2 and len(orgs) == 1 and None not in orgs:
        return orgs.pop()
    return None


def _joint_councils(analysis: Analysis, sentence: Sentence, holders: list[BodyMention]) -> set[str]:
    """The councils a sentence on a joint session names, by their names or by their members."""
    if not analysis.has("joint_session", sentence.start, sentence.end):
        return set()
    councils = {h.slug for h in holders if not _permanent(h.slug)}
    # councils named by their members ("the joint meeting of the foreign ministers, defence ministers and
    # secretaries of the security councils of the CSTO", "совместное заседание министров иностранных дел и
    # министров обороны ОДКБ"): each agency's council of the organisation the sentence speaks of
    org = organisation_in_context(analysis, sentence, LEAD_SENTENCES)
    if org:
        councils |= {body_for_agency(org, m.key) for m in sentence.of_kind("agency-head")} - {None}
        councils = {c for c in councils if not is_organisation(c)}
    return councils


def _joint_session_reported(analysis: Analysis, primary: MeetingCandidate,
                            mentions: list[BodyMention]) -> str | None:
    """The report's session is named by one council in its lead ("the CSTO foreign ministers signed …
    after the meeting") and as a joint session of several councils further on ("the joint meeting of the
    foreign ministers, defence ministers and secretaries of the security councils"): a joint session of
    councils of one organisation, the primary's among them, is held by the organisation. A joint session
    in the future or in the past is another one."""
    org = organisation_of(primary.body)
    for sentence in analysis.sentences:
        if not analysis.has("joint_session", sentence.start, sentence.end) or any(
                analysis.has(cue, sentence.start, sentence.end)
                for cue in ("future", "next_meeting", "past", "previous_session", "background_frame")):
            continue
        councils = _joint_councils(analysis, sentence, _holding_bodies(analysis, sentence, mentions))
        if primary.body in councils and _common_organisation(councils) == org:
            return org
    return None


def _dated_ahead(analysis: Analysis, sentence: Sentence, body: str | None) -> bool:
    """The day the sentence gives its session (nearest the session's words) lies after the publication
    date: the report previews the session, it cannot report it held."""
    published = analysis.doc.published
    if published is None or sentence.is_title:
        return False
    days = [d for d in sentence.dates
            if not _in_dateline(analysis, d.start) and not _report_date(analysis, sentence, d.start)]
    return bool(days) and _by_nearness(analysis, sentence, days, body)[0].begin > published


def _member_agency(body: str | None) -> str | None:
    """The agency type whose heads make up the body ("foreign ministers" for a council of them)."""
    from kgraph.reference import load_reference

    item = load_reference().bodies.get(body) if body else None
    return item.agency if item else None


def _locate(analysis: Analysis, meeting: MeetingCandidate, title: Sentence | None,
            mentions: list[BodyMention]) -> None:
    """Date, place and session number from the meeting sentence, then from the lead's sentences
    that report the session (a meeting word or the body's name, not an announcement), then the title."""
    order = [meeting.sentence]
    members = _member_agency(meeting.body)
    lead = analysis.body[:LEAD_SENTENCES + 1]
    for sentence in lead:
        if sentence is meeting.sentence or analysis.has("future", sentence.start, sentence.end):
            continue
        names_body = any(m.sentence == sentence.index and m.slug == meeting.body for m in mentions)
        names_members = members is not None and any(m.key == members for m in sentence.of_kind("agency-head"))
        if names_body or names_members or _is_meeting_sentence(analysis, sentence):
            order.append(sentence)
    if lead and lead[0] not in order and not analysis.has("future", lead[0].start, lead[0].end):
        order.append(lead[0])  # a news lead dates its event: "President X on Friday urged…"
    if title is not None and title is not meeting.sentence:
        order.append(title)
    for sentence in order:
        if meeting.start is None:
            found = _date(analysis, sentence, announced=False, body=meeting.body)
            if found:
                meeting.start, meeting.end = found.begin, found.finish
                meeting.evidence.append(Span(found.start, found.end))
            else:
                ongoing = _ongoing(analysis, sentence)
                if ongoing is not None:
                    meeting.start = analysis.doc.published
                    meeting.evidence.append(ongoing)
        if meeting.place is None:
            city = _city(analysis, sentence, meeting.body)
            if city:
                meeting.place = city[0]
                meeting.evidence.append(city[1])
        if meeting.session_number is None and not sentence.is_title:
            meeting.session_number = _session_number(analysis, sentence)
    _first_day(analysis, meeting, order)
    if meeting.place is None:
        # no sentence names the venue, but the lead says where the participants came for the session
        for sentence in [*lead, *([title] if title is not None else [])]:
            if analysis.has("travel", sentence.start, sentence.end) and not analysis.has(
                    "future", sentence.start, sentence.end):
                city = _travel_city(analysis, sentence)
                if city:
                    meeting.place = city[0]
                    meeting.evidence.append(city[1])
                    break
    if meeting.place is None:
        # "the meeting held here on Tuesday" under "BEIJING, April 24 (APP)": "here" names the dateline's city
        here = next((s for s in order if analysis.has("venue_here", s.start, s.end)), None)
        city = _dateline_city(analysis) if here is not None else None
        if city is not None:
            meeting.place = city.key
            meeting.evidence.append(Span(city.start, city.end))
    if meeting.start is None:
        # "Еске салсақ, бүгін ... саммиті өтіп жатыр", "the meeting in Minsk is going on", "issues raised were
        # discussed at today's meeting" further down the report: a sentence about this session (its body,
        # or a bare meeting word naming no other body) that puts it on the publication day
        for sentence in analysis.body:
            names = [m for m in mentions if m.sentence == sentence.index]
            if (sentence not in order and _is_meeting_sentence(analysis, sentence)
                    # "today's session will pass in a constructive spirit": future tense, today's session
                    and (not analysis.has("future", sentence.start, sentence.end) or _held_today(analysis, sentence))
                    and not analysis.has("side_event", sentence.start, sentence.end)
                    and (any(m.slug in (meeting.body, organisation_of(meeting.body)) for m in names)
                         or (not names and _bare_meeting_word(analysis, sentence)))
                    and not any(m.slug != meeting.body and not is_organisation(m.slug) for m in names)):
                today = [d for d in sentence.dates if d.begin == analysis.doc.published and d.finish is None
                         and not _in_dateline(analysis, d.start) and not _report_date(analysis, sentence, d.start)]
                found = Span(today[0].start, today[0].end) if today else _ongoing(analysis, sentence)
                if found is not None:
                    meeting.start = analysis.doc.published
                    meeting.evidence.append(found)
                    break


SESSION_DAYS = 7  # a session lasts a few days: a start day this much earlier is the same session's


def _first_day(analysis: Analysis, meeting: MeetingCandidate, order: list[Sentence]) -> None:
    """A session of several days dated by its last day ("culminated on Friday") while a sentence about it
    says when it began ("had started on June 15", "стартовал 15 июня", "15 маусымда басталды"): its date
    is the first day, its end the day found first."""
    if meeting.start is None:
        return
    for sentence in order:
        if not analysis.has("session_began", sentence.start, sentence.end):
            continue
        for d in sentence.dates:
            if d.finish is None and d.begin < meeting.start and (meeting.start - d.begin).days <= SESSION_DAYS \
                    and not _in_dateline(analysis, d.start) and not _report_date(analysis, sentence, d.start):
                meeting.end = meeting.end or meeting.start
                meeting.start = d.begin
                meeting.evidence.append(Span(d.start, d.end))
                return


def _bare_meeting_word(analysis: Analysis, sentence: Sentence) -> bool:
    """A meeting word standing for the report's session ("today's meeting", "Минскідегі кездесу"), not
    one named by a body the gazetteer does not know ("ЖЕЭК отырысы", "the EAEU summit"): no capitalised
    word other than a place's right before it."""
    places = [m for m in analysis.matches if m.kind in ("city", "state", "state-adj")]
    found = False
    for start, _ in analysis.find("meeting_nouns", sentence.start, sentence.end):
        words = analysis.text[sentence.start:start].split()
        # a short word opening the sentence is capitalised as its first word ("В совещании", "At the meeting")
        opening = len(words) == 1 and len(words[0]) <= 2
        if words and words[-1][:1].isupper() and not opening:
            word_start = analysis.text.rfind(words[-1], sentence.start, start)
            if not any(m.start <= word_start < m.end for m in places):
                return False
        found = True
    return found


def _another_session(analysis: Analysis, sentence: Sentence, body: str,
                     primary: MeetingCandidate) -> MeetingCandidate | None:
    """A second session the report also covers ("On Thursday, the foreign ministers met in
    Dushanbe"): another body, a meeting verb, and its own date or place."""
    if body == primary.body or sentence.is_title or body in {m.body for m in analysis.cache.get("sessions", [])}:
        return None
    if not (analysis.has("meeting_events", sentence.start, sentence.end) or _held_today(analysis, sentence)):
        return None  # "today the heads of state will meet" is held on the publication day too
    candidate = MeetingCandidate(body, sentence, [analysis.quote_unit(sentence.start)])
    found = _date(analysis, sentence, announced=False, body=body)
    if found:
        candidate.start, candidate.end = found.begin, found.finish
    city = _city(analysis, sentence, body)
    if city:
        candidate.place = city[0]
    if candidate.start is None and candidate.place is None:
        return None
    candidate.sentences.add(sentence.index)
    analysis.cache.setdefault("sessions", []).append(candidate)
    return candidate


def _announced(analysis: Analysis, sentence: Sentence, body: str | None) -> MeetingCandidate | None:
    """A session announced for later: needs a body and a city or a date, in this sentence or (for
    "the next session will be held… It will take place in Kazan") the next one."""
    if body is None:
        return None
    sentences = [sentence] + [s for s in analysis.body if s.index == sentence.index + 1
                              and analysis.has("future", s.start, s.end)]
    candidate = MeetingCandidate(body, sentence, [analysis.quote_unit(sentence.start)], announced=True)
    for s in sentences:
        candidate.sentences.add(s.index)
        if candidate.start is None:
            found = _date(analysis, s, announced=True, body=body)
            if found:
                candidate.start, candidate.end = found.begin, found.finish
        if candidate.place is None:
            city = _city(analysis, s, body)
            if city:
                candidate.place = city[0]
    if candidate.start is None and candidate.place is None:
        return None
    return candidate
