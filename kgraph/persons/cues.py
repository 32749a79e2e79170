"""The person cues of ``ontology/cues/persons.yaml``, loaded once and compiled.

Words are casefolded on load so that every lookup compares normalised text with normalised text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from kgraph.paths import cues_dir, read_yaml_mapping

LANGS = ("kk", "ru", "en")


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
    # Kazakh: an accusative object inside a title when a verbal noun with these endings follows it
    # ("Есірткі айналымын бақылау … қызметі")
    kk_verbal_noun_endings: tuple[str, ...] = ()
    # lower-case particles hyphenated to the next part of a name ("ul-Haq", "al-Assad")
    name_particles: frozenset[str] = frozenset()
    # the state a list item comes from, before a dash: a preposition right before the state ("от",
    # "from"), or the state's case ("Армениядан": ablative)
    source_before: dict[str, re.Pattern[str]] = field(default_factory=dict)
    source_cases: frozenset[str] = frozenset()
    # languages whose titles and clauses are head-final (see persons.yaml)
    head_final: frozenset[str] = frozenset()


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
        kk_verbal_noun_endings=tuple(_words(data.get("kk_verbal_noun_endings"))),
        name_particles=frozenset(_words(data.get("name_particles"))),
        source_before={lang: _compile(where, p) for lang, p in (source.get("before") or {}).items()},
        source_cases=frozenset(_words(source.get("cases"))),
        head_final=frozenset(_words(data.get("head_final"))),
    )
