"""Elided lists of office holders: one title, then each name after the state it serves.

"министры обороны Белоруссии Виктор Хренин, Казахстана Руслан Жаксылыков и Таджикистана Шерали
Мирзо", "the defence ministers of Belarus, Viktor Khrenin, and of Kazakhstan, Ruslan Zhaksylykov".
The title is written once; every later name is preceded by its state (and a list joiner before
that), or stands in brackets after it: "interior ministers of Azerbaijan (Ramil Usubov), Belarus
(Igor Shunevich) and Russia (Vladimir Kolokoltsev)", "министры Армении (X), Беларуси (Y)". The
shape itself is the evidence that a capitalised pair there is a person, and gives it the
title of the first and the state written before it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kgraph.persons.cues import LanguageProfile
from kgraph.persons.tokens import TokenizedText

_DASHES = {"-", "–", "—"}

if TYPE_CHECKING:
    from kgraph.persons import PersonMention, _Finder, _Unit


def state_before(tt: TokenizedText, first: int, profile: LanguageProfile,
                 joiners: frozenset[str]) -> tuple[Any, int] | None:
    """The state named right before token ``first`` ("Казахстана X", "of Kazakhstan, X") and the
    index of the token where that stretch starts (with "of" in English)."""
    toks = tt.tokens
    j = first - 1
    if profile.comma_before_name and j >= 0 and toks[j].text == ",":  # "of Kazakhstan, X"
        j -= 1
    if j >= 0 and toks[j].text in _DASHES:  # "Армении – Арарат Мирзоян"
        j -= 1
    bracketed = j >= 0 and toks[j].text == "(" and _closed(tt, first)
    if bracketed:  # "Azerbaijan (Ramil Usubov)": the name in brackets after its state
        j -= 1
    if j < 0 or toks[j].sentence != toks[first].sentence:
        return None
    state = next((m for m in toks[j].matches if m.kind == "state" and m.end == toks[j].end), None)
    cases = profile.state_cases_before_name  # "Казахстана X": the genitive
    if state is None or (cases is not None and not bracketed and state.case is not None and state.case not in cases):
        return None
    while j > 0 and toks[j - 1].end > state.start:
        j -= 1
    if profile.genitive_preposition and j > 0 and toks[j - 1].low == profile.genitive_preposition:
        j -= 1
    return state, j


def _closed(tt: TokenizedText, first: int) -> bool:
    """A ")" closes the bracket opened before token ``first`` within a name's length (four words)."""
    toks = tt.tokens
    for k in range(first + 1, min(len(toks), first + 6)):
        if toks[k].text == ")":
            return True
        if toks[k].kind == "p" and toks[k].text not in {".", "-"}:
            return False
    return False


def _previous_holder(f: _Finder, start: int, joiners: frozenset[str],
                     by_last: dict[int, PersonMention]) -> PersonMention | None:
    """The person whose name ends right before the list joiners that precede token ``start``."""
    toks = f.tt.tokens
    j = start - 1
    seen = 0
    while j >= 0 and toks[j].low in joiners and toks[j].sentence == toks[start].sentence:
        j -= 1
        seen += 1
    if not seen or j < 0:
        return None
    if toks[j].text == ")" and j > 0:  # "Belarus (Igor Shunevich), Kazakhstan (…)": the bracket closes the name
        j -= 1
    return by_last.get(j)


def elided_lists(f: _Finder, leftovers: list[list[_Unit]]) -> list[list[_Unit]]:
    """Give each later name of an elided list the title and its state; accept names found only so.

    Returns the leftover runs that did not become persons."""
    lang = f.lang
    joiners = f.cues.list_joiners.get(lang, frozenset())
    by_last: dict[int, PersonMention] = {}
    items: list[tuple[int, int, PersonMention | None, list[_Unit] | None]] = []
    for p in f.persons:
        for first, last in p.mentions:
            by_last[last] = p
            items.append((first, last, p, None))
    for run in leftovers:
        items.append((run[0].first, run[-1].last, None, run))
    items.sort(key=lambda x: x[0])
    rest: list[list[_Unit]] = []
    led: set[int] = set()  # ids of persons listed after a delegation lead
    for first, last, person, run in items:
        found = state_before(f.tt, first, f.cues.profile(lang), joiners)
        prev = _previous_holder(f, found[1], joiners, by_last) if found else None
        lead = found is not None and _dashed(f, first) and _delegation_lead(f, found[1])
        listed = prev is not None and prev is not person and (prev.role is not None or id(prev) in led) \
            and _opens_list(f, prev, lang)
        if found is None or not (listed or (lead and prev is None)):
            if run is not None:
                rest.append(run)
            continue
        state = found[0]
        if run is not None:
            if not f.accept_listed(run):
                rest.append(run)
                continue
            person = f.add_listed(run)
            by_last[last] = person
        assert person is not None
        if person.role is None and prev is not None:
            person.role, person.role_span = prev.role, prev.role_span
        if person.state is None:
            person.state, person.state_source = state.key, "list"
        if lead:
            led.add(id(person))
            if person.heads_delegation_of is None and person.state == state.key:
                person.heads_delegation_of = state.key
    return rest


def _dashed(f: _Finder, first: int) -> bool:
    """The name is written after its state and a dash: "Армении – Арарат Мирзоян"."""
    return first > 0 and f.tt.tokens[first - 1].text in _DASHES


def _delegation_lead(f: _Finder, start: int) -> bool:
    """The sentence says, before token ``start``, that delegations were led: "Делегации
    возглавляли: Армении – X, Казахстана – Y", "The delegations were headed by: Armenia – X"."""
    toks = f.tt.tokens
    a = start
    while a > 0 and toks[a - 1].sentence == toks[start].sentence:
        a -= 1
    text = f.tt.norm[toks[a].start : toks[start].start]
    cues = f.cues.delegation[f.lang]
    return bool(cues.noun.search(text) and cues.verbs.search(text))


def _opens_list(f: _Finder, prev: PersonMention, lang: str) -> bool:
    """The previous holder is himself named after his state (the first of the list, or a later one)."""
    joiners = f.cues.list_joiners.get(lang, frozenset())
    return any(state_before(f.tt, first, f.cues.profile(lang), joiners) is not None for first, _ in prev.mentions)


def _next_holder(f: _Finder, run: list[_Unit], joiners: frozenset[str],
                 by_first: dict[int, PersonMention]) -> PersonMention | None:
    """The person named right after the state that follows ``run`` and the list joiners after it."""
    toks = f.tt.tokens
    j = run[-1].last + 1
    while j < len(toks) and toks[j].sentence == toks[run[-1].last].sentence and j - run[-1].last < 8:
        if j in by_first:
            return by_first[j] if any(toks[k].low in joiners for k in range(run[-1].last + 1, j)) else None
        j += 1
    return None


def stated_lists(f: _Finder, leftovers: list[list[_Unit]]) -> list[list[_Unit]]:
    """"Taking part were Edward Nalbandian of Armenia, Kairat Abdrakhmanov of Kazakhstan …": a
    full name written with its state in a list whose neighbour item is a person written so too is a
    person, whether or not its words look like a first name or a surname.

    Returns the leftover runs that did not become persons."""
    joiners = f.cues.list_joiners.get(f.lang, frozenset())
    by_last: dict[int, PersonMention] = {}
    by_first: dict[int, PersonMention] = {}
    toks = f.tt.tokens
    for p in f.persons:
        if p.state_source != "after":
            continue
        for first, last in p.mentions:
            by_last[last], by_first[first] = p, p
            # the item ends with its state: "Vladimir Putin of Russia, Emomali Rahmon of Tajikistan"
            for k in range(last + 1, min(len(toks), last + 6)):
                if any(m.kind == "state" and m.end == toks[k].end for m in toks[k].matches):
                    by_last.setdefault(k, p)
                    break
    rest: list[list[_Unit]] = []
    for run in leftovers:
        state = f.state_after(run) if f.accept_listed(run) else None
        if state is None or (_previous_holder(f, run[0].first, joiners, by_last) is None
                             and _next_holder(f, run, joiners, by_first) is None):
            rest.append(run)
            continue
        person = f.add_listed(run)
        if person.state is None:
            person.state, person.state_source = state, "after"
    return rest


def respective_lists(f: _Finder, leftovers: list[list[_Unit]] = ()) -> None:
    """A title naming several states, then as many names joined as a list, pairs them in order:
    "the interior ministers of Kyrgyzstan and Russia X and Y", "министры обороны Армении и
    Беларуси X и Y", "Қырғызстан мен Ресейдің ішкі істер министрлері X пен Y". Each name gets
    its own state (not the title's last one) and the shared title. A later item of the list need
    not look like a name by itself (an unknown first name): its place in the list is the evidence,
    so a leftover run of a full name's shape standing there is taken."""
    toks = f.tt.tokens
    joiners = f.cues.list_joiners.get(f.lang, frozenset())
    by_first = {first: (p, last) for p in f.persons for first, last in p.mentions}
    runs = {run[0].first: run for run in leftovers if run}
    for p in list(f.persons):
        if len(p.role_states) < 2 or p.role_mention is None:
            continue
        chain, last = [p], p.role_mention[1]
        while len(chain) < len(p.role_states):
            j = last + 1
            while j < len(toks) and toks[j].low in joiners and toks[j].sentence == toks[last].sentence:
                j += 1
            found = by_first.get(j)
            if found is None and j in runs and j != last + 1 and f.accept_listed(runs[j]):
                person = f.add_listed(runs.pop(j))
                found = by_first[j] = (person, person.mentions[-1][1])
            if j == last + 1 or found is None or found[0] in chain:
                break
            chain.append(found[0])
            last = found[1]
        if len(chain) != len(p.role_states):
            continue
        for person, state in zip(chain, p.role_states, strict=True):
            person.state, person.state_source = state, "list"
            if person is not p:
                person.role, person.role_span = p.role, p.role_span
