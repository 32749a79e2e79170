"""Surface forms of names in Kazakh, Russian and English, and the per-language lexicon tables.

Each language module exposes ``forms(phrase) -> dict[str, set[str]]``: case tag (``nom gen dat acc
ins loc abl``) → every surface form of the whole phrase in that case. The gazetteer generates its
automaton from these, so names in the reference data stay in their dictionary form.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module
from types import ModuleType
from typing import Any

from kgraph.paths import ontology_dir, read_yaml_mapping

CASES = ("nom", "gen", "dat", "acc", "ins", "loc", "abl")


def _registry() -> tuple[tuple[str, ...], str]:
    """The known languages and the fallback, from ``ontology/languages.yaml``."""
    data = read_yaml_mapping(ontology_dir() / "languages.yaml", "language registry")
    langs = tuple(str(lang) for lang in data.get("languages") or ())
    fallback = str(data.get("fallback") or "")
    if not langs or fallback not in langs:
        raise ValueError(f"language registry: the fallback {fallback!r} must be one of {langs}")
    return langs, fallback


LANGS, FALLBACK = _registry()


def known(lang: str | None) -> str:
    """``lang`` when it is a registered language, else the fallback (a document in a language kgraph
    has no rules for is read with the fallback's)."""
    return lang if lang in LANGS else FALLBACK


@cache
def lexicon(lang: str) -> dict[str, Any]:
    """The table ``ontology/lexicon/<lang>.yaml`` (months, weekdays, number words, suffixes)."""
    path = ontology_dir() / "lexicon" / f"{lang}.yaml"
    return read_yaml_mapping(path, "lexicon")


def module(lang: str) -> ModuleType:
    """The language's morphology module (``kgraph.morph.<lang>``): the one place a language code
    picks code; everything else about a language is data (lexicon, cues)."""
    if lang not in LANGS:
        raise ValueError(f"no morphology for language {lang!r}")
    return import_module(f"kgraph.morph.{lang}")


def forms(phrase: str, lang: str) -> dict[str, set[str]]:
    """Every case form of a phrase: ``kgraph.morph.<lang>.forms``."""
    return module(lang).forms(phrase)


def unmarked_case(lang: str) -> str | None:
    """The case tag whose forms carry no case mark (English "nom": a name as written says nothing
    about its role), or None where every case is marked (Kazakh, Russian)."""
    return getattr(module(lang), "UNMARKED_CASE", None)


def name_variants(phrase: str, lang: str) -> set[str]:
    """Spelling variants the press uses for a body's name (English "of"/"of the"), the name alone
    where the language has none."""
    vary = getattr(module(lang), "name_variants", None)
    return vary(phrase) if vary else {phrase}


def names_with_organisation(core: str, abbreviation: str, lang: str) -> set[str]:
    """A body's core name with its organisation's abbreviation written inside it, as the press does
    ("council of heads of CIS governments", "Council of CSTO Defence Ministers"): names that identify
    the body on their own. Empty where the language has no such habit (or it is listed as names)."""
    inside = getattr(module(lang), "names_with_organisation", None)
    return inside(core, abbreviation) if inside else set()


def is_genitive_noun(word: str, lang: str) -> bool:
    """Whether ``word`` reads as a noun in the genitive, where the language's morphology can tell
    (Russian, by pymorphy3); ``False`` where it cannot."""
    test = getattr(module(lang), "is_genitive_noun", None)
    return bool(test and test(word))


def number_words(lang: str, lex: dict[str, Any]) -> dict[str, tuple[float, str]]:
    """Surface form → (value, "cardinal" | "ordinal") of the lexicon's number words, as the language
    writes them: every case form where numerals inflect by suffix (Kazakh), the words as listed where
    they do not (English); empty where inflected forms are read by lemma instead (Russian,
    ``number_by_lemma``)."""
    make = getattr(module(lang), "number_words", None)
    return make(lex) if make else {}


def number_by_lemma(token: str, lang: str, numbers: dict[str, float],
                    ordinals: dict[str, float]) -> tuple[float, str] | None:
    """A number word in any inflected form, read through its lemma where the language's morphology
    gives one (Russian "двадцати пяти", "девятая"); None elsewhere."""
    read = getattr(module(lang), "number_by_lemma", None)
    return read(token, numbers, ordinals) if read else None
