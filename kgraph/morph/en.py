"""English surface forms: the phrase as written, its possessive, and a plural for common nouns."""

from __future__ import annotations

import re


def _plural(word: str) -> str:
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", word):
        return word + "es"
    return word + "s"


# a name as written is in no marked case: the gazetteer tags it with no case at all
UNMARKED_CASE = "nom"


def name_variants(phrase: str) -> set[str]:
    """The phrase with and without "the" after each "of": the press writes "Council of Commanders of
    the Border Troops" for "Council of Commanders of Border Troops". For names of bodies only (the
    gazetteer asks): in a title "Head of State" is not "Head of the State (Committee)"."""
    parts = re.split(r"\b(of(?: the)?) ", phrase)
    if len(parts) == 1 or len(parts) > 7:  # no "of", or too many to vary
        return {phrase}
    variants = [parts[0]]
    for i in range(1, len(parts), 2):
        variants = [f"{v}{link} {parts[i + 1]}" for v in variants for link in ("of", "of the")]
    return set(variants) | {phrase}


def names_with_organisation(core: str, abbreviation: str) -> set[str]:
    """The organisation's abbreviation after each "of" of a core name, the last noun in the singular or
    the plural ("Council of Heads of Government" → "Council of CIS Heads of Government", "Council of
    Heads of CIS Government(s)"; "Council of Defence Ministers" → "Council of CSTO Defence Ministers")."""
    words = core.split()
    last = words[-1]
    endings = {last} if last.endswith("s") or last.isupper() else {last, _plural(last)}
    names = set()
    for i, word in enumerate(words[:-1]):
        if word.lower() == "of" and words[i + 1].lower() != "the":
            for ending in endings:
                names.add(" ".join([*words[:i + 1], abbreviation, *words[i + 1:-1], ending]))
    return names


def forms(phrase: str) -> dict[str, set[str]]:
    """``nom``: as written (and the plural of a lowercase phrase); ``gen``: "Kazakhstan's", "Belarus'"."""
    phrase = phrase.strip()
    if not phrase:
        return {}
    nom = {phrase}
    words = phrase.split()
    last = words[-1]
    if " of " not in phrase and not last.endswith("s") and not last.isupper():
        # "interior ministers", "Interior Ministers"; not "Council of Defence Ministerses" nor "CSTOs"
        nom.add(" ".join([*words[:-1], _plural(words[-1])]))
    gen = {f"{phrase}'s"}
    if phrase.endswith("s"):
        gen.add(f"{phrase}'")
    return {"nom": nom, "gen": gen}


def number_words(lex: dict) -> dict[str, tuple[float, str]]:
    """English number words do not inflect: the lexicon's cardinals and ordinals as listed."""
    words = {word: (value, "cardinal") for word, value in lex["numbers"].items()}
    words.update({word: (value, "ordinal") for word, value in lex["ordinals"].items()})
    return words
