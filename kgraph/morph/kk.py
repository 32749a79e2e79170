"""Kazakh surface forms by suffix rules (vowel harmony, assimilation of the suffix's first consonant).

Only the last word of a phrase takes suffixes ("Ұжымдық қауіпсіздік туралы шарт ұйымының"), so a
phrase is handled as "unchanged prefix + inflected last word". Where the harmony or the class of
the last sound is uncertain (loanwords: "Баку", "Беларусь"; abbreviations: "ТМД", "АҚШ") every
plausible variant is generated: an extra wrong form costs nothing in a gazetteer, a missing one
loses a mention.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from kgraph.morph import lexicon

_FRONT = str.maketrans("аыұоғқ", "еіүөгк")


def _table() -> dict[str, Any]:
    return lexicon("kk")["morph"]


def _front(suffix: str) -> str:
    return suffix.translate(_FRONT)


def _is_abbreviation(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return (len(letters) >= 2 and all(c.isupper() for c in letters)) or any(c.isdigit() for c in word)


def _harmonies(word: str) -> set[str]:
    """``{"back"}``, ``{"front"}`` or both, from the last vowel of ``word``."""
    t = _table()
    low = word.lower()
    back, front, ambiguous = t["back_vowels"], t["front_vowels"], t["ambiguous_vowels"]
    vowels = back + front + ambiguous
    if low.endswith("ь"):  # "Беларусь", "Израиль": usually front, sometimes back
        return {"back", "front"}
    for i in range(len(low) - 1, -1, -1):
        c = low[i]
        if c in back:
            return {"back"}
        if c in front:
            return {"front"}
        if c in ambiguous:
            after_vowel = i > 0 and low[i - 1] in vowels
            if after_vowel and c in "уи":  # a glide: "Мәскеу", "Ресей"-like; look further left
                continue
            return {"back", "front"}
    return {"back", "front"}


def _sound_classes(word: str) -> set[str]:
    """Classes of the last sound (keys of the suffix tables)."""
    t = _table()
    low = word.lower().rstrip("ь")
    if not low:
        return {"vowel"}
    last = low[-1]
    vowels = t["back_vowels"] + t["front_vowels"] + t["ambiguous_vowels"]
    classes = {name for name, letters in t["classes"].items() if last in letters}
    if last in vowels:
        before_vowel = len(low) > 1 and low[-2] in vowels
        if last in "уи" and before_vowel:
            classes = {"sonorant"}  # "Мәскеу": у after a vowel is [w]
        elif last in "уи":
            classes = {"vowel", "sonorant"}  # "Баку", "Тбилиси"
        else:
            classes = {"vowel"}
    return classes or {"voiceless"}


def _attach(stem: str, suffix: str, hyphen: bool) -> str:
    return f"{stem}-{suffix}" if hyphen else stem + suffix


def _variants(table: dict[str, str], classes: set[str], harmonies: set[str]) -> set[str]:
    out = set()
    for cls in classes:
        suffix = table[cls]
        if "back" in harmonies:
            out.add(suffix)
        if "front" in harmonies:
            out.add(_front(suffix))
    return out


def _case_forms(stem: str, classes: set[str], harmonies: set[str], hyphen: bool) -> dict[str, set[str]]:
    t = _table()
    result: dict[str, set[str]] = {"nom": {stem}}
    for case, table in t["cases"].items():
        result.setdefault(case, set()).update(_attach(stem, s, hyphen) for s in _variants(table, classes, harmonies))
    attributive = _variants(t["attributive_loc"], classes, harmonies)
    result["loc"].update(_attach(stem, s, hyphen) for s in attributive)
    return result


def _possessive_stems(word: str) -> set[str]:
    """3rd-person possessive forms of a word: "кеңес" → "кеңесі", "министрлік" → "министрлігі"."""
    t = _table()
    harmonies = _harmonies(word)
    classes = _sound_classes(word)
    stems = set()
    for cls in classes:
        if cls == "vowel":
            base, suffix = word, t["possessive3"]["vowel"]
        else:
            base, suffix = word, t["possessive3"]["consonant"]
            last = base[-1]
            if last in t["voicing"]:
                base = base[:-1] + t["voicing"][last]
        for h in harmonies:
            stems.add(base + (suffix if h == "back" else _front(suffix)))
    return stems


def _looks_possessive(word: str) -> bool:
    low = word.lower()
    return len(low) > 3 and low[-1] in "ыі" and not _is_abbreviation(word)


def _merge(into: dict[str, set[str]], more: dict[str, set[str]]) -> None:
    for case, values in more.items():
        into.setdefault(case, set()).update(values)


def _unpossessed(word: str) -> set[str]:
    """Stems a possessive word may come from: "кеңесі" → "кеңес", "министрлігі" → "министрлік"."""
    t = _table()
    vowels = t["back_vowels"] + t["front_vowels"] + t["ambiguous_vowels"]
    low = word.lower()
    stem = word[:-1]
    unvoice = {v: k for k, v in t["voicing"].items()}
    stems = {stem[:-1] + unvoice[stem[-1]] if stem and stem[-1] in unvoice else stem}
    if low[-2:] in ("сы", "сі") and len(low) > 3 and low[-3] in vowels:
        stems.add(word[:-2])  # "Республикасы" (or "кеңесі": both readings are kept)
    return stems


def _plural_forms(word: str, classes: set[str], harmonies: set[str]) -> dict[str, set[str]]:
    """Plural, bare and possessive, with their cases: "министрлер", "министрлері", "министрлерінің"."""
    result: dict[str, set[str]] = {}
    for plural in (word + s for s in _variants(_table()["plural"], classes, harmonies)):
        _merge(result, _case_forms(plural, {"sonorant"}, _harmonies(plural), False))
        for poss in _possessive_stems(plural):
            _merge(result, _case_forms(poss, {"possessive"}, _harmonies(poss), False))
    return result


def word_forms(word: str, possessive_name: bool = False) -> dict[str, set[str]]:
    """Case forms of one word, singular and plural, bare and with the 3rd-person possessive.

    ``possessive_name``: the word already carries the possessive ("кеңесі" in "Қорғаныс министрлері
    кеңесі"), so its cases are the pronominal ones ("кеңесінің", "кеңесіне") and its plural is
    built on the bare stem ("кеңестері").
    """
    hyphen = _is_abbreviation(word)
    if hyphen:  # the pronunciation of an abbreviation is unknown: every class, both harmonies
        return _case_forms(word, {"vowel", "nasal", "sonorant", "voiceless"}, {"back", "front"}, True)
    harmonies = _harmonies(word)
    if possessive_name:
        result = _case_forms(word, {"possessive"}, harmonies, False)
        for stem in _unpossessed(word):
            _merge(result, _plural_forms(stem, _sound_classes(stem), _harmonies(stem)))
        return result
    classes = _sound_classes(word)
    result = _case_forms(word, classes, harmonies, hyphen)
    _merge(result, _plural_forms(word, classes, harmonies))
    for poss in _possessive_stems(word):  # "кеңес" → "кеңесі", "кеңесінің"
        _merge(result, _case_forms(poss, {"possessive"}, _harmonies(poss), False))
    return result


@cache
def _forms(phrase: str) -> dict[str, frozenset[str]]:
    words = phrase.split()
    if not words:
        return {}
    prefix = " ".join(words[:-1])
    last = words[-1]
    # a name of several words ending in -ы/-і is an izafet ("Қазақстан Республикасы"): possessive cases
    inflected = word_forms(last, possessive_name=len(words) > 1 and _looks_possessive(last))
    return {case: frozenset(f"{prefix} {w}" if prefix else w for w in values) for case, values in inflected.items()}


def forms(phrase: str) -> dict[str, set[str]]:
    """Case tag → surface forms of ``phrase`` (suffixes on its last word)."""
    return {case: set(values) for case, values in _forms(phrase.strip()).items()}


def adjective(phrase: str) -> set[str]:
    """The "-лық/-лік" adjective of a name ("Қазақстан" → "қазақстандық"), for demonym matching."""
    words = phrase.split()
    if not words or _is_abbreviation(words[-1]):
        return set()
    last = words[-1]
    out = {last + s for s in _variants(_table()["adjective"], _sound_classes(last), _harmonies(last))}
    prefix = " ".join(words[:-1])
    return {f"{prefix} {w}" if prefix else w for w in out}


def case_forms(word: str) -> set[str]:
    """The bare singular case forms of one word ("он" → "онға", "онның"…), no plural or possessive."""
    classes, harmonies = _sound_classes(word), _harmonies(word)
    return set().union(*_case_forms(word, classes, harmonies, _is_abbreviation(word)).values())


def ordinal(word: str) -> set[str]:
    """The ordinal of a number word: "тоғыз" → "тоғызыншы", "алты" → "алтыншы", "бір" → "бірінші"."""
    table = _table()["ordinal"]
    suffix = table["vowel"] if "vowel" in _sound_classes(word) else table["consonant"]
    return {word + (suffix if h == "back" else _front(suffix)) for h in _harmonies(word)}


def number_words(lex: dict) -> dict[str, tuple[float, str]]:
    """Kazakh numerals inflect by suffix: every case form and the ordinal of each lexicon number
    word ("онға", "тоғызыншы"), collective numerals ("екеуі"), minus homographs ("онда", "бірақ")."""
    from kgraph.text import normalise

    skip = set(lex.get("not_numbers", ()))
    words: dict[str, tuple[float, str]] = {}
    for base, value in lex["numbers"].items():
        for surface in case_forms(base):
            if surface not in skip:
                words.setdefault(normalise(surface), (value, "cardinal"))
        for surface in ordinal(base):
            words.setdefault(normalise(surface), (value, "ordinal"))
    for surface, value in (lex.get("collective") or {}).items():
        words[surface] = (value, "cardinal")
    return words
