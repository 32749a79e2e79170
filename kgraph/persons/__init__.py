"""Person names with their titles, states, delegations headed and chairs, in kk, ru and en.

A capitalised word pair becomes a person only on evidence: a title beside it, a state in brackets
after it, a speech verb right after it, or a first name and a surname shape together. Later
mentions of the surname alone, and inflected repeats of the full name, join the same person.
Precision first: a wrong person costs as much as a missed one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kgraph import morph
from kgraph.document import Document
from kgraph.model import Span
from kgraph.persons.coref import corefer, merge_patronymic_addresses
from kgraph.persons.cues import PersonCues, load_cues
from kgraph.persons.home import assign_home_states
from kgraph.persons.links import link_chairs, link_delegations, propagate_list_roles
from kgraph.persons.lists import elided_lists, respective_lists, stated_lists
from kgraph.persons.names import (
    declines,
    is_first_name,
    is_patronymic,
    is_surname_like,
    kk_nominative,
    ru_normalise,
    script_of,
    strip_possessive,
    surname_shaped,
)
from kgraph.persons.officials import assign_office_states, is_office_holder, surname_only_holders
from kgraph.persons.roles import (
    MATCH_BLOCKING,
    RolePhrase,
    is_role_word,
    match_state,
    role_after,
    role_before,
    role_text,
)
from kgraph.persons.sides import assign_side_states
from kgraph.persons.tokens import TokenizedText, parses, tokenize, word_is_known
from kgraph.reference import load_reference

__all__ = ["PersonMention", "find_persons"]


@dataclass
class PersonMention:
    name: str
    lang: str
    spans: list[Span] = field(default_factory=list)
    role: str | None = None
    role_span: Span | None = None
    state: str | None = None
    organization: str | None = None
    heads_delegation_of: str | None = None
    heads_organization_delegation: str | None = None
    chair: bool = False
    # internal: token ranges of each mention, the surname's nominative, first name
    mentions: list[tuple[int, int]] = field(default_factory=list, repr=False)
    surname: str = field(default="", repr=False)
    first: str = field(default="", repr=False)
    state_source: str | None = field(default=None, repr=False)
    # the states of a title written before the name, in order, and the mention it stands before
    # ("the interior ministers of Kyrgyzstan and Russia X and Y"): see lists.respective_lists
    role_states: list[str] = field(default_factory=list, repr=False)
    role_mention: tuple[int, int] | None = field(default=None, repr=False)


@dataclass
class _Unit:
    first: int  # token indices
    last: int
    word: str  # "А." for an initial
    initial: bool
    particle: bool = False  # "ul-Haq": inside a name only, never its first or last word


def _doc_lang(doc: Document) -> str:
    return morph.known(doc.lang)  # a language not registered: the fallback's rules


def _blocked(tt: TokenizedText, i: int, lang: str, cues: PersonCues) -> bool:
    tok = tt.tokens[i]
    blocking = [m for m in tok.matches if m.kind in MATCH_BLOCKING]
    if blocking and not (all(m.kind == "city" for m in blocking) and _first_name_of_person(tt, i, lang, cues)):
        return True
    low = strip_possessive(tok.low)
    tok_lang = cues.word_lang(tok.text, lang)
    return low in cues.stop_words.get(tok_lang, ()) or is_role_word(tok, tok_lang, cues)


def _first_name_of_person(tt: TokenizedText, i: int, lang: str, cues: PersonCues) -> bool:
    """A city named like a person (a capital renamed after a president) is a first name when a
    surname follows it and a title or a known first name says so: "President Nursultan
    Nazarbayev"."""
    toks = tt.tokens
    if i + 1 >= len(toks):
        return False
    titled = role_before(tt, i, lang, cues, set()) is not None
    if not (titled or is_first_name(toks[i].text, lang, cues)):
        return False
    nxt = toks[i + 1]
    return (nxt.is_cap and nxt.sentence == toks[i].sentence and tt.gap(i, i + 1) == " "
            and not any(m.kind in MATCH_BLOCKING for m in nxt.matches)
            and is_surname_like(nxt.text, cues.word_lang(nxt.text, lang), cues))


def _runs(tt: TokenizedText, lang: str, cues: PersonCues) -> list[list[_Unit]]:
    toks = tt.tokens
    runs: list[list[_Unit]] = []
    cur: list[_Unit] = []
    i = 0
    while i < len(toks):
        unit = None
        if _particle_word(tt, i, cur, cues):
            unit = _Unit(i, i, toks[i].text, False, particle=True)
        elif not toks[i].is_cap and not toks[i].is_abbreviation:  # an initial is a capital too
            pass
        elif toks[i].low in cues.honorifics:
            pass  # "Mr.", "Dr.": not a word of the name, but the sign of one (Finder.honorific_before)
        elif tt.is_initial(i):
            unit = _Unit(i, i + 1, toks[i].text + ".", True)
        elif toks[i].is_cap and not _blocked(tt, i, lang, cues):
            unit = _Unit(i, i, toks[i].text, False)
        elif _capitals_surname(tt, i, cur, lang, cues):
            unit = _Unit(i, i, toks[i].text.title(), False)
        if unit is None:
            if cur:
                runs.append(cur)
            cur = []
            i += 1
            continue
        if cur:
            gap = tt.text[toks[cur[-1].last].end : toks[unit.first].start]
            same = toks[cur[-1].last].sentence == toks[unit.first].sentence or cur[-1].initial
            if gap.strip(" ") or "\n" in gap or not same:
                runs.append(cur)
                cur = []
        cur.append(unit)
        i = unit.last + 1
    if cur:
        runs.append(cur)
    return runs


def _particle_word(tt: TokenizedText, i: int, cur: list[_Unit], cues: PersonCues) -> bool:
    """A lower-case particle hyphenated to a capitalised part, inside a name and before its last
    word: "Nour ul-Haq Ulumi", "Нур уль-Хак Улуми" (Arabic and Persian names)."""
    toks = tt.tokens
    tok = toks[i]
    if not cur or cur[-1].initial or not tok.is_word or "-" not in tok.text or i + 1 >= len(toks):
        return False
    particle, _, rest = tok.text.partition("-")
    nxt = toks[i + 1]
    return (particle.casefold() in cues.name_particles and rest[:1].isupper()
            and nxt.is_cap and tt.gap(i, i + 1) == " " and tt.gap(cur[-1].last, i) == " ")


def _capitals_surname(tt: TokenizedText, i: int, cur: list[_Unit], lang: str, cues: PersonCues) -> bool:
    """A surname in capitals after a first name, as speaker captions of broadcast reports write it
    ("Руслан ЖАҚСЫЛЫҚОВ, ҚР Қорғаныс министрі:", "Сергей ИВАНОВ, министр:", "John SMITH, minister:")."""
    tok = tt.tokens[i]
    if not (tok.is_abbreviation and sum(c.isalpha() for c in tok.text) >= 4 and cur and not cur[-1].initial):
        return False
    prev = cur[-1]
    return (len(cur) == 1 and prev.last == i - 1 and tt.gap(prev.last, i) == " "
            and is_first_name(prev.word, cues.word_lang(prev.word, lang), cues)
            and not any(m.kind in MATCH_BLOCKING for m in tok.matches))


def _plausible(tt: TokenizedText, unit: _Unit, lang: str, cues: PersonCues) -> bool:
    if unit.initial:
        return True
    word = strip_possessive(unit.word)
    if len(word) < 2:
        return False
    if is_first_name(word, lang, cues):
        return True
    if declines(word, lang, cues):  # a Russian name form: pymorphy3 knows names and common words
        if is_surname_like(word, lang, cues):
            return True
        tags = {g for p in parses(word) for g in ("Name", "Surn", "Patr") if g in p.tag}
        if tags or not word_is_known(word):
            return True
        top = parses(word)[0]
        return not tt.sentence_start(unit.first) and "anim" in top.tag
    return True


def _headline(tt: TokenizedText, i: int) -> bool:
    """Whether the sentence of token ``i`` is written in title case (no lower-case word of four
    letters or more): there every word is capitalised, and capitals say nothing of names."""
    sentence = tt.tokens[i].sentence
    j = i
    while j > 0 and tt.tokens[j - 1].sentence == sentence:
        j -= 1
    for tok in tt.tokens[j:]:
        if tok.sentence != sentence:
            break
        if tok.is_word and len(tok.text) >= 4 and tok.text[0].islower():
            return False
    return True


def _join_name(words: list[str]) -> str:
    """Words with initials run together: "Д.Ә. Ахметов", "Ахметов Д.Ә."."""
    out = ""
    for k, w in enumerate(words):
        glue = "" if k == 0 or (w.endswith(".") and words[k - 1].endswith(".")) else " "
        out += glue + w
    return out


def _title_of_the_name_before(tt: TokenizedText, before: RolePhrase) -> bool:
    """A title set off by commas between two names ("Maxim Ryzhenkov, Foreign Minister of Belarus, Murat
    Nurtleu, Foreign Minister of Kazakhstan"): in a list of names each followed by its title, the title
    before a name that has its own after it belongs to the name before."""
    toks = tt.tokens
    comma_after = before.last + 1 < len(toks) and toks[before.last + 1].text == ","
    comma_before = before.first >= 2 and toks[before.first - 1].text == ","
    if not (comma_after and comma_before):
        return False
    previous = toks[before.first - 2]
    return previous.kind == "w" and previous.text[:1].isupper() and not any(
        m.kind in MATCH_BLOCKING for m in previous.matches)


class _Finder:
    """Finds the names (capitalised runs accepted on evidence) and runs the later stages over them:
    elided and stated lists (lists.py), coreference (coref.py), shared and respective titles
    (links.py, lists.py), delegations and chairs (links.py), states of national titles (home.py).
    The stages use its public methods: shape, name_words, lang_of, state_from_role, accept_listed,
    add_listed, state_after, host_state, resolve_body."""

    def __init__(self, doc: Document, matches: list[Any], host_state: str | None = None) -> None:
        self.doc = doc
        self._host_state = host_state
        self.lang = _doc_lang(doc)
        self.cues = load_cues()
        self.tt = tokenize(doc.text, matches)
        self.persons: list[PersonMention] = []
        self.taken: set[int] = set()
        self._org_counts: list[tuple[str, int]] | None = None

    def host_state(self) -> str | None:
        """The state hosting the meeting: as the caller knows it, else that of the first city the
        text names (the venue opens the report, in the title or the lead)."""
        if self._host_state is None:
            cities = load_reference().cities
            for m in self.tt.anchored:
                if m.kind == "city" and m.key in cities:
                    self._host_state = cities[m.key].state
                    break
        return self._host_state

    # ------------------------------------------------------------ evidence
    def _speech_after(self, last: int, lang: str) -> bool:
        pattern = self.cues.speech_after.get(lang)
        tok = self.tt.tokens[last]
        rest = self.doc.text[tok.end : tok.end + 120].casefold().replace("ё", "е")
        return bool(pattern and pattern.match(rest))

    def _state_after(self, last: int, lang: str) -> str | None:
        toks = self.tt.tokens
        pattern = self.cues.state_after.get(lang)
        tok = toks[last]
        rest = self.doc.text[tok.end : tok.end + 40]
        m = pattern.match(rest.casefold()) if pattern else None
        if not m:
            return None
        pos = tok.end + m.end()
        for t in toks[last + 1 : last + 6]:
            if t.start >= pos:
                for mt in t.matches:
                    if mt.kind == "state" and mt.start == t.start:
                        return mt.key
                return None
        return None

    def _surname_first(self, words: list[str]) -> bool:
        """A Chinese name in pinyin, family name first ("Meng Hongwei"): later "Meng" alone is he."""
        return (len(words) == 2 and all(script_of(w) == "lat" and not w.endswith(".") for w in words)
                and strip_possessive(words[0]).casefold() in self.cues.surname_first
                and not is_first_name(words[1], self.cues.profile(self.lang).latin_words, self.cues))

    def _state_before(self, first: int, lang: str) -> str | None:
        """The state written right before the name as an adjective or a possessive, a counterpart
        noun between: "Russia's Vladimir Putin", "белорусский коллега Владимир Макей", "his Kazakh
        counterpart X"."""
        toks = self.tt.tokens
        j = first - 1
        if j >= 0 and toks[j].low in self.cues.counterpart_words.get(lang, ()):
            j -= 1
        if j < 0 or toks[j].sentence != toks[first].sentence:
            return None
        tok = toks[j]
        for m in tok.matches:
            if m.end != tok.end:
                continue
            if m.kind == "state-adj":
                return m.key
            if m.kind == "state" and self.cues.profile(lang).possessive_state \
                    and strip_possessive(tok.text) != tok.text:
                return m.key
        return None

    def _source_state(self, first: int, lang: str) -> str | None:
        """The state a list item comes from, written before it with a dash: "от Армении — министр
        X", "from Armenia – X", "Армениядан – X" (the ablative case)."""
        toks = self.tt.tokens
        dash = first - 1
        if dash < 1 or toks[dash].text not in ("-", "–", "—") or toks[dash].sentence != toks[first].sentence:
            return None
        pattern = self.cues.source_before.get(lang)
        for m in toks[dash - 1].matches:
            if m.kind != "state" or m.end != toks[dash - 1].end:
                continue
            if m.case in self.cues.source_cases or (
                    pattern is not None and pattern.search(self.tt.norm, max(0, m.start - 8), m.start)):
                return m.key
        return None

    # ------------------------------------------------------------ names
    def name_words(self, units: list[_Unit], lang: str) -> list[str]:
        """The words of a name in the nominative (Russian declension, Kazakh case endings undone)."""
        words = [strip_possessive(u.word) for u in units]
        profile = self.cues.profile(lang)
        if profile.name_declension and script_of(words[-1]) == "cyr":
            return ru_normalise(words, self.cues)
        if profile.name_case_suffixes and script_of(words[-1]) == "cyr":
            known = {p.surname.casefold() for p in self.persons}
            words[-1] = kk_nominative(words[-1], self.cues, known)
        return words

    def shape(self, units: list[_Unit]) -> str | None:
        """"full" (two or three words), "initials" (initials and a surname), or None."""
        initials = [u.initial for u in units]
        words = [u for u in units if not u.initial]
        if not words:
            return None
        if any(initials):
            if len(words) != 1:
                return None
            if not (all(initials[:-1]) or all(initials[1:])):
                return None
            return "initials"
        if len(units) == 4 and all(script_of(u.word) == "lat" for u in units):
            return "full"  # "José Luis Rodríguez Zapatero": accepted only beside a title (see _accept)
        return "full" if 2 <= len(units) <= 3 else None

    def _accept(self, units: list[_Unit], lang: str) -> tuple[bool, Any]:
        if len(units) == 1 and not units[0].initial and not units[0].particle:
            return self._accept_titled_surname(units[0], lang)
        shape = self.shape(units)
        if shape is None or units[0].particle or units[-1].particle:
            return False, None
        patronymics = self.cues.profile(lang).patronymics
        if shape == "full" and len(units) == 2 and patronymics and "Patr" in parses(units[-1].word)[0].tag:
            return False, None  # a first name and patronymic: the surname is elsewhere in the run
        if not all(_plausible(self.tt, u, lang, self.cues) for u in units[:-1]) or not (
                _plausible(self.tt, units[-1], lang, self.cues) or self._surname_after_first(units, lang)):
            return False, None
        if shape == "full" and len(units) == 3 and not any(is_patronymic(u.word, self.cues) for u in units) \
                and all(script_of(u.word) == "cyr" and len(u.word) > 3 for u in units):
            # a Cyrillic name of three words has a patronymic ("Қасым-Жомарт Кемелұлы Тоқаев", "Шойгу
            # Сергей Кужугетович"); without one the third word is the next word of the sentence, a
            # capitalised place or title ("Сергей Алейник Еуразия құрлығындағы"): the pair is the name
            return False, None
        first_i, last_i = units[0].first, units[-1].last
        honorific = self.honorific_before(first_i)
        before = role_before(self.tt, honorific if honorific is not None else first_i, lang, self.cues, self.taken)
        after = role_after(self.tt, last_i, lang, self.cues)
        if before is not None and after is not None and _title_of_the_name_before(self.tt, before):
            before = None  # "X, Foreign Minister of Belarus, Y, Foreign Minister of Kazakhstan": Y's is the next
        role = before or after
        state = self._state_after(last_i, lang)
        source = "after"
        if state is None and before is None:
            state, source = self._state_before(first_i, lang), "before"
        if state is None:
            state, source = self._source_state(before.first if before is not None else first_i, lang), "before"
        speech = self._speech_after(last_i, lang)
        surname_unit = units[-1] if not units[-1].initial else units[0]
        if shape == "full" and patronymics and is_patronymic(units[-1].word, self.cues):
            surname_unit = units[0]
        first_ok = shape == "initials" or is_first_name(units[0].word, lang, self.cues)
        sur_ok = is_surname_like(surname_unit.word, lang, self.cues)
        if self._surname_first([u.word for u in units]):
            sur_ok = True  # "Meng Hongwei": the family name comes first
        patronymic = len(units) == 3 and any(is_patronymic(u.word, self.cues) for u in units)
        evidence = role is not None or state is not None or speech or patronymic or honorific is not None
        mid_sentence = not self.tt.sentence_start(units[0].first)
        adjacent_title = before is not None and self._title_word(before.last, lang)
        if shape == "full" and len(units) >= 3 and not patronymics and (
                len(units) == 4 or (not sur_ok and not is_first_name(units[1].word, lang, self.cues))):
            # "Recep Tayyip Erdogan": a name of three (or four) words stands right after its title in
            # running text, and no inner word is a surname; "Kassym-Jomart Tokayev Meets" (a
            # headline word after the surname) is not one
            inner_surname = any(is_surname_like(u.word, lang, self.cues) for u in units[1:-1] if not u.particle)
            if not adjacent_title or inner_surname or _headline(self.tt, units[0].first):
                return False, None
        ok = (first_ok and sur_ok) or (evidence and (first_ok or sur_ok)) or \
             (adjacent_title and mid_sentence and shape == "full") or (honorific is not None and shape == "full") \
            or (shape == "full" and is_office_holder(" ".join(self.name_words(units, lang))))
        return ok, (role, (state, source) if state else None, after if before else None)

    def _title_word(self, index: int, lang: str) -> bool:
        """Whether the token that ends a title is a title's own word ("minister") or a name of a state,
        agency or body ("Minister of Defence of Kazakhstan"), so that a name right after it is its holder's."""
        token = self.tt.tokens[index]
        return is_role_word(token, lang, self.cues) or any(m.kind in MATCH_BLOCKING for m in token.matches)

    def _accept_titled_surname(self, unit: _Unit, lang: str) -> tuple[bool, Any]:
        """A surname alone right after its holder's title, mid-sentence ("Russian Foreign Minister Lavrov
        pointed out", "министр Лавров заявил"): the title is the evidence, and the word must have a
        surname's ending (a capitalised common word after a title stays out)."""
        before = role_before(self.tt, unit.first, lang, self.cues, self.taken)
        if before is None or self.tt.sentence_start(unit.first) or not self.tt.tokens[unit.first].is_cap \
                or not unit.word[1:2].islower():  # "главы МИДов": an inflected abbreviation, not a name
            return False, None
        if not self._title_word(before.last, lang) or before.last != unit.first - 1 \
                or not is_surname_like(unit.word, lang, self.cues) or not _plausible(self.tt, unit, lang, self.cues) \
                or is_first_name(unit.word, lang, self.cues):
            return False, None
        state = self._state_after(unit.last, lang)
        return True, (before, (state, "after") if state else None, None)

    def honorific_before(self, first: int) -> int | None:
        """The index of an honorific right before a name's first word ("Mr. Tasmagambetov", "Engr.
        Khurram Dastgir", "г-н Лавров"), its dot allowed: a sign that the words are a person's name."""
        toks, j = self.tt.tokens, first - 1
        if j >= 0 and toks[j].text == ".":
            j -= 1
        if j < 0 or toks[j].low not in self.cues.honorifics or toks[j].sentence != toks[first].sentence:
            return None
        return j

    def _surname_after_first(self, units: list[_Unit], lang: str) -> bool:
        """A surname that is also a common word ("Виктора Хренина", "Сергей Лопата") after a known
        first name, mid-sentence and right after a title: the first name and the title say it is a
        name when the word itself is shaped like a surname."""
        if len(units) != 2 or units[0].initial or units[1].initial or self.tt.sentence_start(units[0].first):
            return False
        if not is_first_name(units[0].word, lang, self.cues) or not surname_shaped(units[1].word, lang, self.cues):
            return False
        return role_before(self.tt, units[0].first, lang, self.cues, self.taken) is not None

    def _windows(self, run: list[_Unit]) -> list[list[_Unit]]:
        n = len(run)
        out = []
        if n <= 4:
            out.append(run)
        for size in (3, 2):
            if size < n:
                out.append(run[n - size :])
                out.append(run[:size])
        return out

    def lang_of(self, word: str) -> str:
        """The language whose rules read this word (a Latin word in a Russian text is English)."""
        profile = self.cues.profile(self.lang)
        return profile.latin_words if script_of(word) == "lat" else profile.cyrillic_names

    def find(self) -> list[PersonMention]:
        runs = _runs(self.tt, self.lang, self.cues)
        leftovers: list[list[_Unit]] = []
        for run in runs:
            lang = self.lang_of(run[-1].word)
            for window in self._windows(run):
                ok, info = self._accept(window, lang)
                if ok:
                    self._add(window, lang, info)
                    rest = [u for u in run if u.first < window[0].first or u.first > window[-1].last]
                    if rest:
                        leftovers.append(rest)
                    break
            else:
                leftovers.append(run)
        # the stages after the names: each reads and completes the persons found so far
        leftovers = elided_lists(self, leftovers)
        leftovers = stated_lists(self, leftovers)
        corefer(self, leftovers)
        surname_only_holders(self, leftovers)
        merge_patronymic_addresses(self)
        propagate_list_roles(self)
        respective_lists(self, leftovers)
        assign_office_states(self)
        assign_side_states(self)
        link_delegations(self)
        link_chairs(self)
        assign_home_states(self)
        self.persons.sort(key=lambda p: p.spans[0])
        return self.persons

    def _add(self, units: list[_Unit], lang: str, info: Any) -> PersonMention:
        words = self.name_words(units, lang)
        name = _join_name(words)
        # surname, first name, patronymic ("Шойгу Сергей Кужугетович", "Dzhamshitov Otkurbek Asilbekovich",
        # "Тоқаев Қасым-Жомарт Кемелұлы"): a patronymic ends a name only in that order, in any script
        with_patronymic = len(words) == 3 and is_patronymic(words[-1], self.cues)
        reversed_order = with_patronymic or self._surname_first(words)  # (a Chinese name keeps its order)
        surname = words[0] if reversed_order else words[-1]
        if with_patronymic:  # named in the usual order, surname last, as the text names him elsewhere
            name = _join_name([*words[1:], words[0]])
        first = next((w for w in words if w != surname), "")
        person = self._same_person(name, surname, first)
        span = Span(self.tt.tokens[units[0].first].start, self.tt.tokens[units[-1].last].end)
        if person is None:
            person = PersonMention(name=name, lang=lang, surname=surname, first=first)
            self.persons.append(person)
        elif person.first.endswith(".") and first and not first.endswith("."):
            person.name, person.first = name, first  # the full form names the person better
        if span not in person.spans:
            person.spans.append(span)
            person.mentions.append((units[0].first, units[-1].last))
        self.taken.update(range(units[0].first, units[-1].last + 1))
        role, state, second = info if info else (None, None, None)
        if role is not None and person.role is None:
            text = role_text(self.tt, role, lang, self.cues)
            if text:
                person.role, person.role_span = text[0], Span(text[1], text[2])
            if not role.after_name:
                person.role_states = self._title_states(role)
                person.role_mention = (units[0].first, units[-1].last)
        if role is not None:  # a later mention's title may name the state the first one left out
            self.state_from_role(person, role)
        if second is not None:  # "Colonel General X, head of the FSB Border Service of Russia"
            self.state_from_role(person, second)
        if state and person.state is None:
            person.state, person.state_source = state
        return person

    def accept_listed(self, run: list[_Unit]) -> bool:
        """A run standing where an elided list puts a name: the place is the evidence, so only the
        shape of a full name and a plausible surname are asked for (a first name may be a known
        word: "Арарат")."""
        lang = self.lang_of(run[-1].word)
        return self.shape(run) == "full" and _plausible(self.tt, run[-1], lang, self.cues)

    def add_listed(self, run: list[_Unit]) -> PersonMention:
        return self._add(run, self.lang_of(run[-1].word), None)

    def state_after(self, run: list[_Unit]) -> str | None:
        """The state written right after the run: "X (Armenia)", "X of Armenia"."""
        return self._state_after(run[-1].last, self.lang_of(run[-1].word))

    def _same_person(self, name: str, surname: str, first: str) -> PersonMention | None:
        for p in self.persons:
            if p.name.casefold() == name.casefold():
                return p
            if p.surname.casefold() == surname.casefold():
                a, b = p.first, first
                if not a or not b or a.casefold() == b.casefold():
                    return p
                if (a.endswith(".") or b.endswith(".")) and a[:1].casefold() == b[:1].casefold():
                    return p
        return None

    def _title_states(self, role: Any) -> list[str]:
        """The states a title names, in the order written, each once."""
        out: list[str] = []
        for t in self.tt.tokens[role.first : role.last + 1]:
            for m in t.matches:
                if m.kind in {"state", "state-adj"} and m.key not in out:
                    out.append(m.key)
        return out

    def state_from_role(self, person: PersonMention, role: Any) -> None:
        """The state (or else the body) a title names, for a person who has none yet."""
        toks = self.tt.tokens
        states = [m for t in toks[role.first : role.last + 1] for m in t.matches if match_state(m)]
        bodies = [m for t in toks[role.first : role.last + 1] for m in t.matches
                  if m.kind in {"body", "body-core", "org-abbrev"}]
        if states and person.state is None:
            person.state, person.state_source = match_state(states[-1]), "role"
        if bodies and person.state is None and person.organization is None:
            best = max(bodies, key=lambda m: (m.end - m.start, m.start))
            person.organization = self.resolve_body(best)

    def resolve_body(self, match: Any) -> str | None:
        """A body slug; a core name shared by several bodies is read with the organisation the
        text names most (СНГ/ОДКБ/ШОС)."""
        candidates = list(getattr(match, "candidates", ()) or (match.key,))
        if len(candidates) == 1:
            return candidates[0]
        if self._org_counts is None:
            counts: dict[str, int] = {}
            for m in self.tt.anchored:
                if m.kind in {"body", "org-abbrev"}:
                    root = m.key.split("-")[0]
                    counts[root] = counts.get(root, 0) + 1
            self._org_counts = sorted(counts.items(), key=lambda kv: -kv[1])
        for root, _ in self._org_counts:
            for c in candidates:
                if c.split("-")[0] == root:
                    return c
        return None



def find_persons(doc: Document, matches: list[Any], host_state: str | None = None) -> list[PersonMention]:
    """Every person named in ``doc``, with roles, states, delegations headed and chairs.

    ``matches`` are the gazetteer matches of the whole text (``Gazetteer.default().find(doc.text)``):
    they keep state, city and body names out of the persons and give the states in titles.
    ``host_state`` (ISO code of the state hosting the meeting, when the caller knows it) names the
    delegation of "the host side"; without it the state of the first city named is taken.
    """
    return _Finder(doc, matches, host_state).find()
