"""English surface forms: the phrase as written, its possessive, and a plural for common nouns."""

from __future__ import annotations

import re


def _plural(word: str) -> str:
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", word):
        return word + "es"
    return word + "s"


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
