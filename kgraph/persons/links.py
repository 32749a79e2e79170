"""Who headed which delegation, who chaired, and titles shared along a list of names.

These read the sentence around persons already found: "Делегацию Беларуси возглавил …",
"Kyrgyzstan's delegation was led by …", "Қазақстан делегациясын … басқарды", "Армению
представлял …", "Председательствовал …", "under the chairmanship of …", "… төрағалық етті".
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kgraph.persons import PersonMention, _Finder

_OWNER_KINDS = {"state", "state-adj", "body", "body-core", "org-abbrev"}
# matched whole (fullmatch) over a slice of the normalised text
_BEFORE_GAP = re.compile(r"(\s|'s|'|the|its)*")
_MAX_CHAIR_DISTANCE = 160
_STATE_OWNER_KINDS = {"state", "state-adj"}
_DEFAULT_OWNER_GAP = re.compile(r"\s*,?\s*")


def _mentions_in(f: _Finder, start: int, end: int) -> list[tuple[int, int, PersonMention]]:
    out = []
    for p in f.persons:
        for span in p.spans:
            if start <= span.start and span.end <= end:
                out.append((span.start, span.end, p))
    return sorted(out, key=lambda m: m[0])


def _owner(f: _Finder, noun_start: int, noun_end: int, lang: str) -> Any | None:
    """The state or body whose delegation this is, named right before or right after the noun."""
    norm = f.tt.norm
    gap = f.cues.delegation[lang].owner_gap
    after = f.cues.profile(lang).owner_after_gap  # None: the owner is named before the noun only
    best = None
    for m in f.tt.anchored:
        if m.kind not in _OWNER_KINDS:
            continue
        if m.end <= noun_start and (_BEFORE_GAP.fullmatch(norm, m.end, noun_start) or (
                m.kind in _STATE_OWNER_KINDS and gap is not None and gap.fullmatch(norm, m.end, noun_start))):
            best = m  # "Қазақстан Парламенті делегациясы": a state's parliament sends its delegation
        elif m.start >= noun_end and after is not None and (after.fullmatch(norm, noun_end, m.start) or (
                m.kind in _STATE_OWNER_KINDS and gap is not None and gap.fullmatch(norm, noun_end, m.start))
                or (m.kind in _STATE_OWNER_KINDS and _agency_between(f, noun_end, m.start, lang))):
            return m
    if best is None and after is not None:
        # "делегацию ФСБ России", "the delegation of the FSB of Russia": a state's own agency names the owner
        for m in f.tt.anchored:
            if m.kind == "agency-national" and m.start >= noun_end \
                    and after.fullmatch(norm, noun_end, m.start):
                return replace(m, kind="state", key=m.key.split("/")[0])
    return best


def _agency_between(f: _Finder, start: int, end: int, lang: str) -> bool:
    """Only an agency between the delegation noun and its state ("делегацию Минобороны Армении",
    "the delegation of the Defence Ministry of Armenia"): the state's agency sends the delegation."""
    norm = f.tt.norm
    gap = f.cues.profile(lang).owner_after_gap
    return gap is not None and any(a.kind == "agency" and start <= a.start and a.end <= end
                                   and gap.fullmatch(norm, start, a.start) and gap.fullmatch(norm, a.end, end)
                                   for a in f.tt.anchored)


def _assign_owner(f: _Finder, person: PersonMention, owner: Any | None, host: bool) -> None:
    if owner is None:
        # the host's delegation: the state of the head's own title first, else the meeting's host
        state = (person.state or f.host_state()) if host else None
        if state:
            person.heads_delegation_of = state
            if person.state is None:
                person.state, person.state_source = state, "host"
        return
    if owner.kind in {"state", "state-adj"}:
        person.heads_delegation_of = owner.key
        if person.state is None:
            person.state, person.state_source = owner.key, "delegation"
    else:
        slug = f.resolve_body(owner)
        person.heads_organization_delegation = slug
        if person.organization is None and person.state is None:
            person.organization = slug


def link_delegations(f: _Finder) -> None:
    lang = f.lang
    cues = f.cues.delegation[lang]
    norm = f.tt.norm
    previous: tuple[int, int] | None = None
    for s_start, s_end in f.tt.sentence_spans:
        before, previous = previous, (s_start, s_end)
        mentions = _mentions_in(f, s_start, s_end)
        if not mentions:
            continue
        sentence = norm[s_start:s_end]
        verbs = [(m.start() + s_start, m.end() + s_start) for m in cues.verbs.finditer(sentence)]
        nouns = [(m.start() + s_start, m.end() + s_start) for m in cues.noun.finditer(sentence)]
        if verbs and not nouns and before is not None:
            _pronoun_delegation(f, before, (s_start, s_end), verbs[0], mentions)
        for n_start, n_end in nouns:
            if not verbs:
                break
            v_start, v_end = min(verbs, key=lambda v: abs(v[0] - n_start))
            if f.cues.profile(lang).head_final:  # "Қазақстан делегациясын <title> <name> басқарды"
                cands = [m for m in mentions if n_end <= m[0] and m[1] <= v_start]
                head = cands[-1] if cands else None
            elif v_start < n_start:  # "<name> возглавил делегацию Беларуси", "<name> led the … delegation"
                cands = [m for m in mentions if m[1] <= v_start]
                head = cands[-1] if cands else None
            else:
                nxt = min([n[0] for n in nouns if n[0] > n_start] + [s_end])
                cands = [m for m in mentions if m[0] >= v_end and m[0] < nxt]
                head = cands[0] if cands else None
            if head is None:
                continue
            host = bool(cues.host.search(norm[max(s_start, n_start - 40) : n_end + 5]))
            _assign_owner(f, head[2], None if host else _owner(f, n_start, n_end, lang), host)
            if not f.cues.profile(lang).head_final and v_start > n_start and not host:
                # "Российскую делегацию возглавил X, казахстанскую – Y": the noun and verb elided
                _gapped_heads(f, [m for m in mentions if m[0] >= head[0]], cues.represent_gap)
        owner_gap = cues.represent_owner_gap or _DEFAULT_OWNER_GAP
        for m in cues.represent.finditer(sentence):
            c_start, c_end = m.start() + s_start, m.end() + s_start
            owner = None
            for g in f.tt.anchored:
                if g.kind in _STATE_OWNER_KINDS and s_start <= g.start and g.end <= c_start \
                        and owner_gap.fullmatch(norm, g.end, c_start):
                    owner = g
            after = [x for x in mentions if x[0] >= c_end]
            if owner is not None and after:
                _assign_owner(f, after[0][2], owner, False)
                _gapped_heads(f, after, cues.represent_gap)
        _plural_heads(f, (s_start, s_end), mentions)
    # "Yerzhan X, head of the Kazakh delegation": the title names the delegation itself
    for p in f.persons:
        if p.role_span is None or p.heads_delegation_of or p.heads_organization_delegation:
            continue
        for start in (p.role_span.start, _stacked_title_start(f, p.role_span.start)):
            role = norm[start : p.role_span.end]
            noun = cues.noun.search(role)
            if noun and cues.head_title is not None and cues.head_title.search(role):
                owner = _owner(f, start + noun.start(), start + noun.end(), lang)
                _assign_owner(f, p, owner, False)
                break


def _plural_heads(f: _Finder, sentence: tuple[int, int], mentions: list[tuple[int, int, PersonMention]]) -> None:
    """"The delegations were led by X (Armenia), Y (Belarus) and Z", "Делегации возглавили министр
    обороны Армении X и министр обороны Беларуси Y", "Делегацияларды X, Y басқарды": delegations
    named in the plural, with no state of their own, and a list of heads: each person of the list
    with a state heads his state's delegation (a list of one is no list)."""
    cues = f.cues.delegation[f.lang]
    if cues.plural_heads is None:
        return
    norm = f.tt.norm
    for m in cues.plural_heads.finditer(norm, sentence[0], sentence[1]):
        if f.cues.profile(f.lang).head_final:  # the heads stand between the noun and the verb
            verb = cues.verbs.search(norm, m.end(), sentence[1])
            if verb is None:
                continue
            listed = [x for x in mentions if m.end() <= x[0] and x[1] <= verb.start()]
        else:
            listed = [x for x in mentions if x[0] >= m.end()]
        people = [p for _, _, p in listed]
        if len({id(p) for p in people}) < 2:
            continue
        for person in people:
            if person.state and not person.heads_delegation_of and not person.heads_organization_delegation:
                person.heads_delegation_of = person.state


def _pronoun_delegation(f: _Finder, before: tuple[int, int], here: tuple[int, int], verb: tuple[int, int],
                        mentions: list[tuple[int, int, PersonMention]]) -> None:
    """"The delegation of Belarus took part. It was led by X", "Делегация Беларуси участвовала. Ее
    возглавлял X", "Беларусь делегациясы қатысты. Оны X басқарды": a pronoun before the head verb
    stands for the delegation named last in the sentence before."""
    lang, norm = f.lang, f.tt.norm
    cues = f.cues.delegation[lang]
    pronoun = cues.pronoun.search(norm, here[0], verb[0]) if cues.pronoun is not None else None
    if pronoun is None:
        return
    nouns = list(cues.noun.finditer(norm, before[0], before[1]))
    if not nouns:
        return
    owner = _owner(f, nouns[-1].start(), nouns[-1].end(), lang)
    if owner is None or owner.kind not in _STATE_OWNER_KINDS:
        return
    if verb[0] > pronoun.end() and f.cues.profile(lang).head_final:  # "Оны <title> <name> басқарды"
        cands = [m for m in mentions if pronoun.end() <= m[0] and m[1] <= verb[0]]
        head = cands[-1] if cands else None
    else:
        cands = [m for m in mentions if m[0] >= verb[1]]
        head = cands[0] if cands else None
    if head is not None and not head[2].heads_delegation_of:
        _assign_owner(f, head[2], owner, False)


def _stacked_title_start(f: _Finder, role_start: int) -> int:
    """Where the title before the person's title starts when two titles are stacked before a name
    with a comma between (any language): "Head of the Belarusian delegation, Chairman of the House
    X", "Беларусь делегациясының басшысы, Өкілдер палатасының Төрағасы X". The clause before the
    comma is taken whole; the caller reads it only for a delegation noun and a head title."""
    norm = f.tt.norm
    j = role_start
    while j > 0 and norm[j - 1] == " ":
        j -= 1
    if j == 0 or norm[j - 1] != ",":
        return role_start
    k = j - 1
    sentence = next((a for a, b in f.tt.sentence_spans if a <= k < b), 0)
    while k > sentence and norm[k - 1] not in ",;:.!?()«»\"":
        k -= 1
    return k


def _gapped_heads(f: _Finder, after: list[tuple[int, int, PersonMention]], gap: re.Pattern[str] | None) -> None:
    """"China was represented by X and India by Y", "Российскую делегацию возглавил X,
    казахстанскую – Y": each later "<joiner> <state or its adjective> <gap>" gives the first name
    after it that state's delegation."""
    if gap is None:
        return
    toks, norm = f.tt.tokens, f.tt.norm
    joiners = f.cues.list_joiners.get(f.lang, frozenset())
    end = after[0][1]
    sentence = next(t.sentence for t in toks if t.start >= after[0][0])
    for g in f.tt.anchored:
        if g.kind not in _STATE_OWNER_KINDS or g.start < end:
            continue
        i = next(k for k, t in enumerate(toks) if t.start == g.start)
        if toks[i].sentence != sentence:
            break
        m = gap.match(norm, g.end)
        if i == 0 or toks[i - 1].low not in joiners or m is None:
            continue
        nxt = [x for x in after if x[0] >= m.end()]
        if nxt:
            _assign_owner(f, nxt[0][2], g, False)
            end = nxt[0][1]


def _gap_is_title(f: _Finder, a: int, b: int, person: PersonMention) -> bool:
    gap = list(range(a, b))
    if person.role_span is not None:
        gap = [i for i in gap if not person.role_span.start <= i < person.role_span.end]
    covered = {i for t in f.tt.tokens for m in t.matches if a <= m.start < b for i in range(m.start, m.end)}
    rest = "".join(f.doc.text[i] for i in gap if i not in covered)
    return not re.sub(r"[\s,–—-]|\bthe\b", "", rest)


def link_chairs(f: _Finder) -> None:
    norm = f.tt.norm
    for s_start, s_end in f.tt.sentence_spans:
        mentions = _mentions_in(f, s_start, s_end)
        if not mentions:
            continue
        sentence = norm[s_start:s_end]
        for cue in f.cues.chair[f.lang]:
            if cue.needs is not None and not cue.needs.search(sentence):
                continue
            for m in cue.cue.finditer(sentence):
                c_start, c_end = m.start() + s_start, m.end() + s_start
                before = [x for x in mentions if x[1] <= c_start] if cue.side in ("before", "either") else []
                after = [x for x in mentions if x[0] >= c_end] if cue.side in ("after", "either") else []
                options = []
                if before:
                    options.append((c_start - before[-1][1], before[-1], (before[-1][1], c_start)))
                if after:
                    options.append((after[0][0] - c_end, after[0], (c_end, after[0][0])))
                if not options:
                    continue
                dist, (_, _, person), (a, b) = min(options, key=lambda o: o[0])
                if dist > _MAX_CHAIR_DISTANCE:
                    continue
                if cue.adjacent and not _gap_is_title(f, a, b, person):
                    continue
                person.chair = True


def propagate_list_roles(f: _Finder) -> None:
    """"министры внутренних дел A (Азербайджан), B (Беларусь) и C (Казахстан)": B and C share A's title."""
    toks = f.tt.tokens
    by_last = {}
    for p in f.persons:
        for _, last in p.mentions:
            by_last[last] = p
    joiners = {",", "и", "and", "және", "а", "also"}
    order = sorted(((m[0], p) for p in f.persons for m in p.mentions), key=lambda x: x[0])
    for first, p in order:
        if p.role is not None:
            continue
        i = first - 1
        while i >= 0 and toks[i].low in joiners:
            i -= 1
        if i < 0 or toks[i].text != ")" or i == first - 1:
            continue
        j = i
        while j >= 0 and toks[j].text != "(" and i - j < 8:
            j -= 1
        prev = by_last.get(j - 1)
        if prev is None or prev is p or prev.role is None or p.state_source != "after":
            continue
        p.role, p.role_span = prev.role, prev.role_span
