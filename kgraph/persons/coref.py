"""Coreference: later mentions of a person (the surname alone, the full name in another case, an
initial and the surname, first name and patronymic) join the person already found."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgraph.model import Span
from kgraph.persons.names import is_patronymic, kk_stems, ru_surname_forms, strip_possessive
from kgraph.persons.roles import role_before, role_text

if TYPE_CHECKING:
    from kgraph.persons import PersonMention, _Finder, _Unit


def corefer(f: _Finder, leftovers: list[list[_Unit]]) -> None:
    """Join the capitalised runs that did not become persons to the person they repeat."""
    for run in leftovers:
        lang = f.lang_of(run[-1].word)
        # a full name repeated in another case ("Александра Гуцана")
        if 2 <= len(run) <= 3 and f.shape(run):
            words = f.name_words(run, lang)
            surname = words[-1]
            p = match_known(f, surname, words[0])
            if p is not None and any(p.surname.casefold() == w.casefold() for w in words):
                mention(f, p, run[0].first, run[-1].last)
                continue
        for k, unit in enumerate(run):
            if unit.initial or unit.first in f.taken:
                continue
            p = match_surname(f, unit.word, lang)
            if p is None:
                continue
            start = k
            if k > 0 and run[k - 1].initial and run[k - 1].word[:1].casefold() == p.first[:1].casefold():
                start = k - 1
            mention(f, p, run[start].first, unit.last)


def match_known(f: _Finder, surname: str, first: str) -> PersonMention | None:
    """The person with this surname and a first name of the same initial."""
    for p in f.persons:
        same_first = not p.first or not first or p.first[:1].casefold() == first[:1].casefold()
        if p.surname.casefold() == surname.casefold() and same_first:
            return p
    return None


def surname_forms(f: _Finder, word: str, lang: str) -> set[str]:
    """The nominatives (casefolded) the word could be the surname of, by the language's morphology."""
    word = strip_possessive(word)
    profile = f.cues.profile(lang)
    if profile.name_declension:  # "Хренина": the surname of the nominative "Хренин"
        return {form.casefold() for form in ru_surname_forms(word, f.cues)}
    if profile.name_case_suffixes:  # "Сағымбаевтың": the surname "Сағымбаев"
        return {form.casefold() for form in kk_stems(word, f.cues)}
    return {word.casefold()}


def match_surname(f: _Finder, word: str, lang: str) -> PersonMention | None:
    """The one person whose surname this word is (in any case form), else None."""
    forms = surname_forms(f, word, lang)
    hits = [p for p in f.persons if p.surname.casefold() in forms]
    if len({p.surname.casefold() + p.first.casefold() for p in hits}) != 1:
        return None  # unknown, or two people share the surname: do not guess
    return hits[0]


def mention(f: _Finder, person: PersonMention, first: int, last: int) -> None:
    """Add tokens ``first..last`` as a mention of ``person``, with the title before it."""
    span = Span(f.tt.tokens[first].start, f.tt.tokens[last].end)
    if span not in person.spans:
        person.spans.append(span)
        person.mentions.append((first, last))
    f.taken.update(range(first, last + 1))
    role = role_before(f.tt, first, person.lang, f.cues, f.taken - set(range(first, last + 1)))
    if role is not None and person.role is None:
        text = role_text(f.tt, role, person.lang, f.cues)
        if text:
            person.role, person.role_span = text[0], Span(text[1], text[2])
    if role is not None:
        f.state_from_role(person, role)


def merge_patronymic_addresses(f: _Finder) -> None:
    """"Серік Болатұлы" (first name and patronymic, as a person is addressed) is the one person
    of the text with that first name, not a new person whose surname is "Болатұлы"."""
    for p in list(f.persons):
        words = p.name.split()
        if len(words) != 2 or not is_patronymic(words[1], f.cues):
            continue
        same = [q for q in f.persons if q is not p and q.first.casefold() == words[0].casefold()
                and not is_patronymic(q.surname, f.cues)]
        if len(same) != 1:
            continue
        q = same[0]
        for span, mention in zip(p.spans, p.mentions, strict=True):
            if span not in q.spans:
                q.spans.append(span)
                q.mentions.append(mention)
        for attr in ("role", "role_span", "state", "state_source", "organization"):
            if getattr(q, attr) is None and getattr(p, attr) is not None:
                setattr(q, attr, getattr(p, attr))
        f.persons.remove(p)
