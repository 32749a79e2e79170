"""Surface forms of names in Kazakh, Russian and English, and the per-language lexicon tables.

Each language module exposes ``forms(phrase) -> dict[str, set[str]]``: case tag (``nom gen dat acc
ins loc abl``) → every surface form of the whole phrase in that case. The gazetteer generates its
automaton from these, so names in the reference data stay in their dictionary form.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from kgraph.paths import ontology_dir, read_yaml_mapping

CASES = ("nom", "gen", "dat", "acc", "ins", "loc", "abl")
LANGS = ("kk", "ru", "en")


@cache
def lexicon(lang: str) -> dict[str, Any]:
    """The table ``ontology/lexicon/<lang>.yaml`` (months, weekdays, number words, suffixes)."""
    path = ontology_dir() / "lexicon" / f"{lang}.yaml"
    return read_yaml_mapping(path, "lexicon")


def forms(phrase: str, lang: str) -> dict[str, set[str]]:
    """Dispatch to ``kgraph.morph.<lang>.forms``."""
    if lang == "kk":
        from kgraph.morph import kk as module
    elif lang == "ru":
        from kgraph.morph import ru as module
    elif lang == "en":
        from kgraph.morph import en as module
    else:
        raise ValueError(f"no morphology for language {lang!r}")
    return module.forms(phrase)


def is_genitive_noun(word: str, lang: str) -> bool:
    """Whether ``word`` reads as a noun in the genitive, where the language's morphology can tell
    (Russian, by pymorphy3); ``False`` where it cannot."""
    if lang == "ru":
        from kgraph.morph import ru

        return ru.is_genitive_noun(word)
    return False
