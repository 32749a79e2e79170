"""Is this word a first name, a surname, a patronymic, and what is its nominative?

Russian: pymorphy3 knows first names and patronymics (tags Name, Patr) and many surnames (Surn),
but not Central Asian surnames, so surnames are brought back to the nominative by ending rules
chosen with the case and gender read off the first name. Kazakh: the last word of a name carries
the case suffix ("Сағымбаевтың"); it is cut when what remains looks like a surname or is a form
seen elsewhere. English: only the possessive "'s" goes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kgraph.persons.cues import PersonCues
from kgraph.persons.tokens import parses, word_is_known

_CYRILLIC = re.compile(r"[а-яёәғқңөұүһі]", re.IGNORECASE)
_VOWELS = set("аеёиоуыэюяәөұүі")
_NAME_TAGS = {"Name", "Surn", "Patr"}
# Every word test below is a pure function of the word (and of the cues, loaded once): cached per
# word, as names and their inflected forms repeat across a document and across a corpus.
_per_word = lru_cache(maxsize=1 << 16)


def script_of(word: str) -> str:
    return "cyr" if _CYRILLIC.search(word) else "lat"


def capitalise(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:] for p in word.split("-"))


def _low(word: str) -> str:
    return word.casefold().replace("ё", "е")


def strip_possessive(word: str) -> str:
    for tail in ("'s", "’s", "'", "’"):
        if word.endswith(tail) and len(word) > len(tail) + 1:
            return word[: -len(tail)]
    return word


def declines(word: str, lang: str, cues: PersonCues) -> bool:
    """A Cyrillic word read in a language whose names decline (Russian, in a Russian or an English
    text): pymorphy3 and the surname ending rules read it."""
    return script_of(word) == "cyr" and cues.profile(cues.profile(lang).cyrillic_names).name_declension


def takes_case_suffixes(word: str, lang: str, cues: PersonCues) -> bool:
    """A Cyrillic word read in a language whose names take agglutinative case suffixes (Kazakh):
    the suffix is cut to find the name."""
    return script_of(word) == "cyr" and cues.profile(cues.profile(lang).cyrillic_names).name_case_suffixes


@_per_word
def _tag_score(word: str, tag: str) -> float:
    return sum(p.score for p in parses(word) if tag in p.tag)


@_per_word
def is_first_name(word: str, lang: str, cues: PersonCues) -> bool:
    low = _low(strip_possessive(word))
    if low in cues.first_names:
        return True
    head, hyphen, tail = word.partition("-")
    if hyphen and head[:1].isupper() and tail[:1].isupper() and _low(head) in cues.first_names:
        return True  # a double first name ("Қасым-Жомарт", "Kassym-Jomart"): its first part is a first name
    if takes_case_suffixes(word, lang, cues) and any(
            low.endswith(s) and low[: -len(s)] in cues.first_names for s in cues.kk_case_suffixes):
        return True
    if declines(word, lang, cues):
        return _tag_score(word, "Name") >= 0.3 and not is_patronymic(word, cues)
    return False


@_per_word
def is_patronymic(word: str, cues: PersonCues) -> bool:
    low = _low(word)
    return any(low.endswith(s) for s in cues.patronymic_suffixes[script_of(word)]) and len(low) > 5


def _shaped(low: str, cues: PersonCues, script: str) -> bool:
    return any(low.endswith(s) and len(low) >= len(s) + 2 for s in cues.surname_suffixes[script])


@_per_word
def is_surname_like(word: str, lang: str, cues: PersonCues) -> bool:
    """Ends like a surname (after a case suffix is cut), and is no dictionary word of Russian."""
    word = strip_possessive(word)
    script = script_of(word)
    if declines(word, lang, cues):
        if _tag_score(word, "Surn") >= 0.3:
            return True
        named = any(_NAME_TAGS & set(str(p.tag).replace(" ", ",").split(",")) for p in parses(word))
        # "Токаев" is known only as a plural genitive of a common noun: a surname all the same
        plural_only = all("plur" in p.tag and p.tag.case in {"gent", "accs"} for p in parses(word)[:3])
        if word_is_known(word) and not named and not plural_only:
            return False
        return any(_shaped(_low(form), cues, script) for form in ru_surname_forms(word, cues))
    if takes_case_suffixes(word, lang, cues):
        return any(_shaped(_low(stem), cues, script) for stem in kk_stems(word, cues))
    return _shaped(_low(word), cues, script)


def surname_shaped(word: str, lang: str, cues: PersonCues) -> bool:
    """Ends like a surname (a Russian one in any case form) whether or not it is also a dictionary
    word: "Хренина" (a surname's genitive, and a noun)."""
    word = strip_possessive(word)
    script = script_of(word)
    if declines(word, lang, cues):
        return any(_shaped(_low(form), cues, script) for form in ru_surname_forms(word, cues))
    return is_surname_like(word, lang, cues)


@_per_word
def kk_stems(word: str, cues: PersonCues) -> tuple[str, ...]:
    """The word itself and what remains when a Kazakh case suffix is cut (three letters at least)."""
    low = _low(word)
    out = [word]
    for suffix in cues.kk_case_suffixes:
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            out.append(word[: -len(suffix)])
    return tuple(out)


def kk_nominative(word: str, cues: PersonCues, known: set[str] | frozenset[str] = frozenset()) -> str:
    """The nominative of the last word of a Kazakh-text name ("Сағымбаевтың" → "Сағымбаев")."""
    stems = kk_stems(word, cues)
    for stem in stems:
        if _low(stem) in known:
            return stem
    if _shaped(_low(word), cues, "cyr"):
        return word
    for stem in stems[1:]:
        if _shaped(_low(stem), cues, "cyr"):
            return stem
    for stem in stems[1:]:
        # a surname of no Slavic shape in the genitive ("Рахмонның", "Шойгудың" → "Рахмон", "Шойгу"):
        # the cut suffix is the one the stem takes by vowel harmony and its last sound
        if len(stem) >= 4 and stem[:1].isupper() and word in _kk_genitives(stem):
            return stem
    return word


def _kk_genitives(stem: str) -> set[str]:
    from kgraph.morph import kk

    return kk.forms(stem).get("gen", set())


# ---------------------------------------------------------------- Russian surnames

_MASC_RULES: dict[str, tuple[tuple[str, str], ...]] = {
    # case: (ending, replacement); "C" stands for any consonant before the ending
    "gent": (("ского", "ский"), ("цкого", "цкий"), ("ого", "ой"), ("его", "ий"), ("ова", "ов"), ("ева", "ев"),
             ("ина", "ин"), ("ына", "ын"), ("Cа", ""), ("Cя", "ь")),
    "datv": (("скому", "ский"), ("цкому", "цкий"), ("ому", "ой"), ("ему", "ий"), ("ову", "ов"), ("еву", "ев"),
             ("ину", "ин"), ("ыну", "ын"), ("Cу", ""), ("Cю", "ь")),
    "ablt": (("ским", "ский"), ("цким", "цкий"), ("овым", "ов"), ("евым", "ев"), ("иным", "ин"), ("ыным", "ын"),
             ("ым", "ой"), ("Cом", ""), ("Cем", ""), ("Cём", "")),
    "loct": (("ском", "ский"), ("цком", "цкий"), ("ове", "ов"), ("еве", "ев"), ("ине", "ин"), ("ыне", "ын"),
             ("Cе", "")),
}
_MASC_RULES["accs"] = _MASC_RULES["gent"]
_FEMN_RULES: dict[str, tuple[tuple[str, str], ...]] = {
    "gent": (("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("ыной", "ына"), ("ской", "ская"), ("цкой", "цкая")),
    "accs": (("ову", "ова"), ("еву", "ева"), ("ину", "ина"), ("ыну", "ына"), ("скую", "ская"), ("цкую", "цкая")),
}
for _case in ("datv", "ablt", "loct"):
    _FEMN_RULES[_case] = _FEMN_RULES["gent"]
_FEMN_NOM_ENDINGS = ("ова", "ева", "ина", "ына", "ая", "яя")
_NAME_CASES = {"nomn", "gent", "datv", "accs", "ablt", "loct"}
_MASC_NOM_ENDINGS = ("ов", "ев", "ёв", "ин", "ын", "ский", "цкий")


def _apply(word: str, rules: tuple[tuple[str, str], ...]) -> str | None:
    low = _low(word)
    for ending, repl in rules:
        if ending.startswith("C"):
            tail = ending[1:]
            if low.endswith(tail) and len(low) > len(tail) + 2 and low[-len(tail) - 1] not in _VOWELS | {"ь", "й"}:
                stem = word[: -len(tail)]
                if repl == "ь" and stem[-1:].lower() in _VOWELS:
                    repl = "й"
                return stem + repl
        elif low.endswith(ending) and len(low) > len(ending) + 1:
            return word[: -len(ending)] + repl
    return None


@_per_word
def _indeclinable(word: str, cues: PersonCues) -> bool:
    low = _low(word)
    if any("Fixd" in p.tag and "Surn" in p.tag for p in parses(word)):
        return True
    if low.endswith(("ого", "его")):  # "Горового", "Толстого": an adjectival surname's genitive, not "Шевченко"
        return False
    return any(low.endswith(s) for s in cues.ru_indeclinable if len(s) > 1) or low[-1:] in {"о", "и", "э", "ы"}


@_per_word
def ru_surname(word: str, case: str, gender: str, cues: PersonCues) -> str | None:
    """Nominative of a Russian-text surname in ``case``/``gender``; None if the form cannot be that."""
    low = _low(word)
    if case == "nomn":
        if gender == "masc" and low.endswith(_FEMN_NOM_ENDINGS) and not _indeclinable(word, cues):
            return None
        if gender == "femn" and low[-1:] == "а" and not low.endswith(_FEMN_NOM_ENDINGS) \
                and not _indeclinable(word, cues):
            return None
        return word
    if _indeclinable(word, cues):
        return word
    if gender == "femn":
        if low.endswith(_MASC_NOM_ENDINGS):  # "Ашимбаев" is a man's surname whatever the case
            return None
        out = _apply(word, _FEMN_RULES.get(case, ()))
        if out:
            return out
        return word if low[-1:] not in _VOWELS | {"й"} else None  # "Гуцан" does not decline for a woman
    return _apply(word, _MASC_RULES.get(case, ()))


@_per_word
def ru_surname_forms(word: str, cues: PersonCues) -> frozenset[str]:
    """Every nominative the surname ``word`` could come from (for matching later mentions)."""
    out = {word}
    for gender in ("masc", "femn"):
        for case in ("gent", "datv", "ablt", "loct", "accs"):
            nom = ru_surname(word, case, gender, cues)
            if nom:
                out.add(nom)
    return frozenset(out)


@dataclass(frozen=True)
class Reading:
    first: str
    gender: str
    case: str
    score: float


@_per_word
def ru_first_name_readings(word: str) -> tuple[Reading, ...]:
    if "-" in word.strip("-"):
        # a double first name declines on its last element ("с Касым-Жомартом Токаевым"): its case is
        # read there, the element before the hyphen kept as written
        before, _, last = word.rpartition("-")
        return tuple(Reading(f"{before}-{r.first}", r.gender, r.case, r.score) for r in ru_first_name_readings(last))
    out = []
    for p in parses(word):
        # a first name beside a surname is one person's, and news does not address people: plural
        # and vocative readings ("Маулен" as a form of a guessed "Маулена") are dictionary noise
        if "Name" in p.tag and p.tag.case in _NAME_CASES and p.tag.number != "plur":
            out.append(Reading(capitalise(p.normal_form), p.tag.gender or "masc", p.tag.case, p.score))
    if not out:  # unknown to the dictionary: nominative, or a masculine genitive in -а
        out.append(Reading(word, "masc", "nomn", 0.6))
        low = _low(word)
        if low.endswith("а") and len(low) > 3 and low[-2] not in _VOWELS:
            out.append(Reading(word[:-1], "masc", "gent", 0.4))
        if low.endswith("у") and len(low) > 3 and low[-2] not in _VOWELS:
            out.append(Reading(word[:-1], "masc", "datv", 0.3))
        if low.endswith("ом") and len(low) > 4:
            out.append(Reading(word[:-2], "masc", "ablt", 0.3))
        if low.endswith("ем") and len(low) > 4 and low[-3] in _VOWELS:  # "Огтаем": "Огтай" (a stem in -й)
            out.append(Reading(word[:-2] + "й", "masc", "ablt", 0.3))
    return tuple(out)


@_per_word
def ru_patronymic(word: str, case: str) -> str:
    for p in parses(word):
        if "Patr" in p.tag and p.tag.case == case:
            return capitalise(p.normal_form)
    return word


def ru_normalise(words: list[str], cues: PersonCues, case_hint: str | None = None) -> list[str]:
    """Russian name words in the nominative: [first, (patronymic), surname], initials kept."""
    initials = [w for w in words if w.endswith(".")]
    rest = [w for w in words if not w.endswith(".")]
    if not rest:
        return words
    if initials:  # "А.Ш. Иванова": no first name to read the case from; try the hint
        surname = rest[-1]
        nom = ru_surname(surname, case_hint or "nomn", "masc", cues) if case_hint else surname
        return [*initials, nom or surname]
    if len(rest) == 1:
        return rest
    first, surname = rest[0], rest[-1]
    middle = rest[1:-1]
    best: tuple[float, list[str]] | None = None
    oblique = surname.casefold().endswith(cues.ru_oblique_surname_endings)
    for r in ru_first_name_readings(first):
        nom = ru_surname(surname, r.case, r.gender, cues)
        if oblique and r.case == "nomn":
            nom = None  # "Огтаем Асадовым": the surname's ending says the case is not the nominative
        score = r.score + (0.5 if nom is not None else 0.0)
        if case_hint and r.case == case_hint:
            score += 0.3
        name = [r.first] + [ru_patronymic(m, r.case) for m in middle] + [nom or surname]
        if best is None or score > best[0]:
            best = (score, name)
    return best[1] if best else rest
