"""The person cues of ``ontology/cues/persons.yaml``, loaded once and compiled.

Words are casefolded on load so that every lookup compares normalised text with normalised text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from kgraph.morph import LANGS, known
from kgraph.paths import cues_dir, read_yaml_mapping


@dataclass(frozen=True)
class LanguageProfile:
    """The grammar the person rules depend on, per language (``profiles`` in persons.yaml, where
    each property is explained): the code asks for a phenomenon, never for a language code."""

    latin_words: str  # the language whose rules read a Latin-script word
    cyrillic_names: str  # the language whose name forms a Cyrillic word is read in
    name_declension: bool  # surnames decline (Russian): nominative rebuilt by declension rules
    name_case_suffixes: bool  # a name's last word takes agglutinative case suffixes (Kazakh)
    patronymics: bool  # names carry a patronymic (Russian)
    head_final: bool  # titles and delegation clauses are head-final (Kazakh)
    title_words: str  # words | stems | lemmas: how a title word is recognised
    title_inside: str  # capitals | case_endings | parts_of_speech: which words may sit inside a title
    title_modifiers: str  # capitals | adjectives: what a title may start with before its head word
    title_dictionary_form: str  # declension | plural_possessive | possessive_suffix
    title_reach: int  # words of a title walked before the name
    dash_in_title: bool  # a dash may sit inside a title
    apposition_titles: bool  # a title may follow the name after a comma
    comma_before_name: bool  # a comma may stand between a title (or its state) and the name
    genitive_preposition: str | None  # "of": the preposition of the genitive before a state
    possessive_state: bool  # "Russia's Vladimir Putin"
    state_cases_before_name: frozenset[str] | None  # the cases a state before a name must be in
    articles: frozenset[str]  # articles a title may start with
    verbal_noun_endings: tuple[str, ...]  # verbal nouns taking an accusative object inside a name
    owner_after_gap: re.Pattern[str] | None  # between a delegation noun and its owner named after it


PROFILE_PROPERTIES = tuple(LanguageProfile.__dataclass_fields__)


@dataclass(frozen=True)
class ChairCue:
    cue: re.Pattern[str]
    side: str  # before | after | either
    adjacent: bool
    needs: re.Pattern[str] | None


@dataclass(frozen=True)
class DelegationCues:
    noun: re.Pattern[str]
    verbs: re.Pattern[str]
    represent: re.Pattern[str]
    host: re.Pattern[str]
    # after the state of a gapped clause ("… and India by <name>"): matched right after the state
    represent_gap: re.Pattern[str] | None = None
    # between the state (or its adjective) and the represent cue: "Кыргызскую сторону представлял"
    represent_owner_gap: re.Pattern[str] | None = None
    # between the state and the delegation noun, matched whole: "Қазақстан Парламенті делегациясы",
    # "the Kazakh parliamentary delegation"
    owner_gap: re.Pattern[str] | None = None
    # a title that names the head of a delegation ("head of the Kazakh delegation", "глава делегации")
    head_title: re.Pattern[str] | None = None
    # a pronoun standing for the delegation of the sentence before ("It was led by", "Ее возглавил")
    pronoun: re.Pattern[str] | None = None
    # the delegations (plural, no owner) and their head verb before a list of heads ("The delegations
    # were led by X, Y and Z", "Делегации возглавили X, Y"); kk: the noun, the heads after it
    # ("Делегацияларды X, Y басқарды"), the verb matched separately by ``verbs``
    plural_heads: re.Pattern[str] | None = None


@dataclass(frozen=True, eq=False)
class PersonCues:
    """Loaded once (``load_cues`` is cached): hashed by identity, so per-word caches may take it."""

    role_words: dict[str, frozenset[str]]
    role_word_exclude: dict[str, tuple[str, ...]]
    role_plurals: dict[str, dict[str, str]]
    role_joiners: dict[str, frozenset[str]]
    not_title_adjectives: dict[str, frozenset[str]]
    role_breakers: dict[str, frozenset[str]]
    anaphora: dict[str, tuple[str, ...]]
    home_state_roles: dict[str, dict[str, str]]
    home_state_titles: dict[str, tuple[str, tuple[str, ...]]]  # lang → (state, head-word stems)
    surname_suffixes: dict[str, tuple[str, ...]]
    ru_indeclinable: tuple[str, ...]
    patronymic_suffixes: dict[str, tuple[str, ...]]
    kk_case_suffixes: tuple[str, ...]  # longest first
    speech_after: dict[str, re.Pattern[str]]
    state_after: dict[str, re.Pattern[str]]
    delegation: dict[str, DelegationCues]
    chair: dict[str, tuple[ChairCue, ...]]
    stop_words: dict[str, frozenset[str]]
    list_joiners: dict[str, frozenset[str]]  # tokens between the names of a list
    first_names: frozenset[str]  # all languages together: a Russian name may appear in a Kazakh text
    # nouns that stand for a title between a state adjective and a name ("белорусский коллега X")
    counterpart_words: dict[str, frozenset[str]] = field(default_factory=dict)
    # family names written first (Chinese): "Meng Hongwei", later "Meng"
    surname_first: frozenset[str] = frozenset()
    # lower-case particles hyphenated to the next part of a name ("ul-Haq", "al-Assad")
    name_particles: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()  # "Mr.", "Dr.", "г-н" before a name
    ru_oblique_surname_endings: tuple[str, ...] = ()  # endings a surname has only in an oblique case
    # the state a list item comes from, before a dash: a preposition right before the state ("от",
    # "from"), or the state's case ("Армениядан": ablative)
    source_before: dict[str, re.Pattern[str]] = field(default_factory=dict)
    source_cases: frozenset[str] = frozenset()
    # a sentence opened by the state its persons stand for (see persons.yaml, ``source``)
    side_opening: dict[str, re.Pattern[str]] = field(default_factory=dict)
    side_lead: dict[str, re.Pattern[str]] = field(default_factory=dict)
    side_after: dict[str, re.Pattern[str]] = field(default_factory=dict)
    # registered language → its profile (see persons.yaml, ``profiles``)
    profiles: dict[str, LanguageProfile] = field(default_factory=dict)

    def profile(self, lang: str) -> LanguageProfile:
        """The language's profile; the fallback language's for a language not registered."""
        return self.profiles[known(lang)]

    def word_lang(self, word: str, lang: str) -> str:
        """The language whose rules read ``word`` in a text of ``lang``: a Latin-script (ASCII)
        word is read by the profile's ``latin_words`` language, any other by ``lang``."""
        return self.profile(lang).latin_words if word.isascii() else lang


def _words(values: Any) -> list[str]:
    return [str(v).casefold().replace("ё", "е") for v in values or []]


def _by_lang(data: dict[str, Any], key: str) -> dict[str, list[str]]:
    table = data.get(key) or {}
    return {lang: _words(table.get(lang)) for lang in LANGS}


def _compile(path: str, pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"{path}: bad regular expression {pattern!r}: {exc}") from None


@cache
def load_cues() -> PersonCues:
    path = cues_dir() / "persons.yaml"
    data = read_yaml_mapping(path, "person cues")
    where = str(path)
    sfx = data.get("surname_suffixes") or {}
    pat = data.get("patronymic_suffixes") or {}
    delegation = {
        lang: DelegationCues(**{k: _compile(where, v) for k, v in (data["delegation"][lang]).items()})
        for lang in LANGS
    }
    chair = {
        lang: tuple(
            ChairCue(cue=_compile(where, c["cue"]), side=c.get("side", "either"), adjacent=bool(c.get("adjacent")),
                     needs=_compile(where, c["needs"]) if c.get("needs") else None)
            for c in data["chair"][lang]
        )
        for lang in LANGS
    }
    plurals = data.get("role_plurals") or {}
    home_titles = {lang: (str(v["state"]), tuple(_words(v.get("head_words"))))
                   for lang, v in (data.get("home_state_titles") or {}).items()}
    source = data.get("source") or {}
    first = {name for lang in LANGS for name in _words((data.get("first_names") or {}).get(lang))}
    return PersonCues(
        role_words={k: frozenset(v) for k, v in _by_lang(data, "role_words").items()},
        role_word_exclude={k: tuple(v) for k, v in _by_lang(data, "role_word_exclude").items()},
        role_plurals={lang: {str(a).casefold(): str(b) for a, b in (plurals.get(lang) or {}).items()}
                      for lang in LANGS},
        role_joiners={k: frozenset(v) for k, v in _by_lang(data, "role_joiners").items()},
        not_title_adjectives={k: frozenset(v) for k, v in _by_lang(data, "not_title_adjectives").items()},
        role_breakers={k: frozenset(v) for k, v in _by_lang(data, "role_breakers").items()},
        anaphora={k: tuple(v) for k, v in _by_lang(data, "anaphora").items()},
        home_state_roles={lang: {str(a).casefold(): str(b) for a, b in table.items()}
                          for lang, table in (data.get("home_state_roles") or {}).items()},
        home_state_titles=home_titles,
        surname_suffixes={"cyr": tuple(_words(sfx.get("cyr"))), "lat": tuple(_words(sfx.get("lat")))},
        ru_indeclinable=tuple(_words(data.get("ru_indeclinable_suffixes"))),
        ru_oblique_surname_endings=tuple(_words(data.get("ru_oblique_surname_endings"))),
        patronymic_suffixes={"cyr": tuple(_words(pat.get("cyr"))), "lat": tuple(_words(pat.get("lat")))},
        kk_case_suffixes=tuple(sorted(set(_words(data.get("kk_case_suffixes"))), key=len, reverse=True)),
        speech_after={lang: _compile(where, p) for lang, p in (data.get("speech_after") or {}).items()},
        state_after={lang: _compile(where, p) for lang, p in (data.get("state_after") or {}).items()},
        delegation=delegation,
        chair=chair,
        stop_words={k: frozenset(v) for k, v in _by_lang(data, "stop_words").items()},
        list_joiners={k: frozenset(v) for k, v in _by_lang(data, "list_joiners").items()},
        first_names=frozenset(first),
        counterpart_words={k: frozenset(v) for k, v in _by_lang(data, "counterpart_words").items()},
        surname_first=frozenset(_words(data.get("surname_first"))),
        name_particles=frozenset(_words(data.get("name_particles"))),
        honorifics=frozenset(_words(data.get("honorifics"))),
        source_before={lang: _compile(where, p) for lang, p in (source.get("before") or {}).items()},
        source_cases=frozenset(_words(source.get("cases"))),
        side_opening={lang: _compile(where, p) for lang, p in (source.get("opening") or {}).items()},
        side_lead={lang: _compile(where, p) for lang, p in (source.get("lead") or {}).items()},
        side_after={lang: _compile(where, p) for lang, p in (source.get("after") or {}).items()},
        profiles=_profiles(where, data.get("profiles") or {}),
    )


def _profiles(where: str, table: dict[str, Any]) -> dict[str, LanguageProfile]:
    """Every registered language's profile, every property given: a language added to the registry
    without one, or a property missing, fails here rather than falling into another language's rules."""
    out = {}
    for lang in LANGS:
        entry = table.get(lang)
        if not isinstance(entry, dict):
            raise ValueError(f"{where}: profiles has no entry for the language {lang!r}")
        missing = [p for p in PROFILE_PROPERTIES if p not in entry]
        if missing:
            raise ValueError(f"{where}: the profile of {lang!r} misses {', '.join(missing)}")
        cases = entry["state_cases_before_name"]
        gap = entry["owner_after_gap"]
        out[lang] = LanguageProfile(
            latin_words=str(entry["latin_words"]),
            cyrillic_names=str(entry["cyrillic_names"]),
            name_declension=bool(entry["name_declension"]),
            name_case_suffixes=bool(entry["name_case_suffixes"]),
            patronymics=bool(entry["patronymics"]),
            head_final=bool(entry["head_final"]),
            title_words=str(entry["title_words"]),
            title_inside=str(entry["title_inside"]),
            title_modifiers=str(entry["title_modifiers"]),
            title_dictionary_form=str(entry["title_dictionary_form"]),
            title_reach=int(entry["title_reach"]),
            dash_in_title=bool(entry["dash_in_title"]),
            apposition_titles=bool(entry["apposition_titles"]),
            comma_before_name=bool(entry["comma_before_name"]),
            genitive_preposition=str(entry["genitive_preposition"]) if entry["genitive_preposition"] else None,
            possessive_state=bool(entry["possessive_state"]),
            state_cases_before_name=frozenset(_words(cases)) if cases is not None else None,
            articles=frozenset(_words(entry["articles"])),
            verbal_noun_endings=tuple(_words(entry["verbal_noun_endings"])),
            owner_after_gap=_compile(where, gap) if gap is not None else None,
        )
        for key in ("latin_words", "cyrillic_names"):
            if getattr(out[lang], key) not in LANGS:
                raise ValueError(f"{where}: the profile of {lang!r} reads {key} in an unknown language")
    return out
