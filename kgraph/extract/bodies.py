"""Which international body each body mention names.

A full name or a specific abbreviation names one body. A core name ("Council of Defence
Ministers", "Совет министров обороны", "Қорғаныс министрлері кеңесі") names a different body under
each organisation, so it is resolved by the organisation written nearest to it in the same
sentence, else by the organisation the document is mostly about.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache

from kgraph.extract.analysis import Analysis, Sentence
from kgraph.gazetteer import Match
from kgraph.reference import load_reference

ORGANISATIONS = ("cis", "csto", "sco")
NATIONAL_AFTER = re.compile(r"\s+(of\s+(the\s+)?)?|\s*")  # "Centre of Kazakhstan", "центр Казахстана"
NATIONAL_BEFORE = re.compile(r"['’]s\s+|\s+")  # "Kazakhstan's Centre", "Қазақстанның орталығы"


@dataclass(frozen=True)
class BodyMention:
    slug: str
    start: int
    end: int
    sentence: int


@cache
def _parents() -> dict[str, str | None]:
    return {slug: body.parent for slug, body in load_reference().bodies.items()}


def organisation_of(slug: str) -> str | None:
    """The top organisation (cis, csto, sco) a body belongs to."""
    parents = _parents()
    seen = set()
    while slug and slug not in seen:
        if slug in ORGANISATIONS:
            return slug
        seen.add(slug)
        slug = parents.get(slug)
    return None


def ancestors(slug: str) -> list[str]:
    parents = _parents()
    chain, current = [], parents.get(slug)
    while current and current not in chain:
        chain.append(current)
        current = parents.get(current)
    return chain


def is_organisation(slug: str) -> bool:
    return slug in ORGANISATIONS


@cache
def _abbreviation_owners() -> dict[str, tuple[str, ...]]:
    """Abbreviations that several bodies share ("СМИД", "СМО" under CIS, CSTO and SCO)."""
    owners: dict[str, list[str]] = {}
    for slug, body in load_reference().bodies.items():
        for phrases in body.abbreviations.values():
            for phrase in phrases:
                if slug not in owners.setdefault(phrase, []):
                    owners[phrase].append(slug)
    return {phrase: tuple(slugs) for phrase, slugs in owners.items() if len(slugs) > 1}


def named_organisations(sentence: Sentence) -> list[str]:
    """The organisations (CIS, CSTO, SCO) the sentence names, by name or by one of their bodies."""
    return [org for _, org in _org_mentions(sentence)]


def _org_mentions(sentence: Sentence) -> list[tuple[int, str]]:
    out = []
    shared = {slug for slugs in _abbreviation_owners().values() for slug in slugs}
    for m in sentence.of_kind("body", "org-abbrev", "body-core"):
        if m.kind == "org-abbrev" and m.key in shared:
            continue  # "СМИД" is the CIS's, the CSTO's or the SCO's: it names no organisation by itself
        keys = m.candidates if m.kind == "body-core" else (m.key,)
        for key in keys:
            org = organisation_of(key)
            if org and (key == org or m.kind != "body-core"):
                out.append((m.start, org))
    return out


def dominant_organisation(analysis: Analysis) -> str | None:
    counts: Counter[str] = Counter()
    for sentence in analysis.sentences:
        for _, org in _org_mentions(sentence):
            counts[org] += 1
    return counts.most_common(1)[0][0] if counts else None


def organisation_in_context(analysis: Analysis, sentence: Sentence, lead: int) -> str | None:
    """The organisation a sentence speaks of: the one it names, else the document's dominant one when
    the title or the first ``lead`` sentences name it (the report is about it). An organisation named
    only further down ("we run joint programmes within the CIS and the SCO", in a quote) is background:
    it does not make "the interior minister meets colleagues" a session of its council."""
    named = [org for _, org in _org_mentions(sentence)]
    if named:
        return named[0]
    org = dominant_organisation(analysis)
    opening = [s for s in analysis.sentences if s.is_title] + analysis.body[:lead]
    if org and any(org == o for s in opening for _, o in _org_mentions(s)):
        return org
    return None


def _resolve_core(match: Match, sentence: Sentence, fallback_org: str | None) -> str | None:
    """The body a core name stands for. In a document that never names an organisation (CIS, CSTO,
    SCO) a core name is a national body of the same name ("the Anti-Terrorism Centre" chaired by a
    state's security chief), not an international one."""
    if fallback_org is None:
        return None
    if len(match.candidates) == 1:
        return match.candidates[0]
    by_org = {organisation_of(c): c for c in match.candidates}
    nearby = sorted(_org_mentions(sentence), key=lambda item: abs(item[0] - match.start))
    for _, org in nearby:
        if org in by_org:
            return by_org[org]
    return by_org.get(fallback_org)


def tied_to_state(analysis: Analysis, match: Match, sentence: Sentence) -> bool:
    """A core name (or a title) tied to a state ("the Anti-Terrorism Centre of Kazakhstan", "Қазақстанның
    Терроризмге қарсы орталығы") names that state's own agency, not the international body."""
    text = analysis.text
    for state in sentence.of_kind("state", "state-adj"):
        gap = text[match.end: state.start] if state.start >= match.end else text[state.end: match.start]
        # a state after the name owns it only in the genitive ("центр Казахстана") or with "of"; a
        # nominative state after a Kazakh name is the next phrase ("… кеңесі Ресей Федерациясы…")
        if state.start >= match.end and NATIONAL_AFTER.fullmatch(gap) and state.case in (None, "gen"):
            return True
        if state.end <= match.start and NATIONAL_BEFORE.fullmatch(gap):
            return True
    return False


def body_mentions(analysis: Analysis) -> list[BodyMention]:
    """The bodies the document names, each resolved once per document (meetings, participants and the
    session's anchors all read them; callers share the list and do not change it)."""
    if "body-mentions" not in analysis.cache:
        analysis.cache["body-mentions"] = _find_body_mentions(analysis)
    return analysis.cache["body-mentions"]


def _find_body_mentions(analysis: Analysis) -> list[BodyMention]:
    fallback = dominant_organisation(analysis)
    mentions = []
    shared = _abbreviation_owners()
    for sentence in analysis.sentences:
        for m in sentence.of_kind("body", "org-abbrev", "body-core"):
            if m.kind == "body-core" and tied_to_state(analysis, m, sentence):
                continue
            owners = shared.get(analysis.text[m.start:m.end].split("-")[0]) if m.kind == "org-abbrev" else None
            if owners:  # "СМИД" of the CSTO or of the CIS: the organisation written nearest decides, as for a core
                m = replace(m, candidates=owners)
            slug = _resolve_core(m, sentence, fallback) if m.kind == "body-core" or owners else m.key
            if slug:
                mentions.append(BodyMention(slug, m.start, m.end, sentence.index))
    return mentions


@cache
def body_for_agency(org: str, agency: str) -> str | None:
    """The body of ``org`` whose members head agencies of type ``agency`` (CIS + defence ministry →
    the CIS Council of Defence Ministers)."""
    for slug, body in load_reference().bodies.items():
        if body.agency == agency and organisation_of(slug) == org and body.parent == org:
            return slug
    return None
