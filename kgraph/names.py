"""Person names across Kazakh, Russian and Latin scripts: match keys and the Latin spellings the
press uses, so that Тоқаев, Токаев and Tokayev are recognised as one name.

Two layers, for two jobs:

* ``skeleton(word)`` folds any spelling of a name to one comparison key. Cyrillic (Russian and the
  Kazakh letters ә ғ қ ң ө ұ ү һ і) goes to Latin, then the differences between the romanisation
  systems in use are folded away: ``ye``/``e`` (Ермек: Yermek, Ermek), ``y``/``i``/``ii``
  (Сағымбаев: Sagymbaev, Sagimbayev; Евгений: Yevgeny, Evgenii), ``kh``/``h`` (Рахмон: Rakhmon,
  Rahmon), ``zh``/``j``/``dzh`` (Жомарт, Jomart; Жапаров, Japarov), ``q``/``k`` (the 2021 Kazakh
  Latin alphabet), ``x``/``ks`` and doubled letters (Kassym, Kasym). It is never shown.
* ``press_spellings(name)`` gives the Latin spellings an English-language report would print
  (BGN/PCGN style: Tokayev, Sagymbayev; with ы as i: Sagimbayev; and the project's plain table:
  Tokaev), so that a search for "Tokayev" finds a person the store knows only as Токаев.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kgraph.translit import CYRILLIC_TO_LATIN

# the IRI table of kgraph.translit, with "й" as the press writes it (Yerzhan, not Ierzhan); the
# IRI table keeps "i" so that existing person IRIs do not change
_CYRILLIC = {**CYRILLIC_TO_LATIN, "й": "y"}
# Kazakh letters → the Russian letters the Russian-language press writes in their place
_KK_TO_RU = str.maketrans({"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у",
                           "һ": "х", "і": "и", "Ә": "А", "Ғ": "Г", "Қ": "К", "Ң": "Н", "Ө": "О",
                           "Ұ": "У", "Ү": "У", "Һ": "Х", "І": "И"})
_VOWELS = set("аеёиоуыэюяәөұүі")
# the order matters: multi-letter spellings first, single letters after
_FOLDS = (("shch", "sh"), ("dzh", "j"), ("zh", "j"), ("kh", "h"), ("ts", "c"), ("tz", "c"),
          ("x", "ks"), ("q", "k"), ("w", "v"), ("ye", "e"), ("yo", "o"), ("yu", "u"), ("ya", "a"),
          ("iu", "u"), ("ia", "a"), ("y", "i"), ("ee", "e"))


def is_cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def _plain_latin(text: str) -> str:
    """Cyrillic letter by letter; Latin letters lose their diacritics (ğ, ş, ä → g, s, a)."""
    out = "".join(_CYRILLIC.get(ch, ch) for ch in text.lower())
    return unicodedata.normalize("NFKD", out).encode("ascii", "ignore").decode()


@lru_cache(maxsize=100_000)
def skeleton(word: str) -> str:
    """The comparison key of one name word in any script (lowercase ASCII letters)."""
    key = re.sub(r"[^a-z]", "", _plain_latin(word))
    for old, new in _FOLDS:
        key = key.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", key)  # Kassym / Kasym, Ryssaliyev / Rysaliev


def _press_word(word: str, soft_y: str) -> str:
    """One Cyrillic word as the English-language press spells it (BGN/PCGN: е → ye at the start of
    a word and after a vowel; й → y; ы → ``soft_y``)."""
    out: list[str] = []
    previous = ""
    for ch in word:
        low = ch.lower()
        if low in "её" and (not previous or previous in _VOWELS or previous in "ъь"):
            latin = "ye" if low == "е" else "yo"
        elif low == "ы":
            latin = soft_y
        elif low == "й":
            latin = "y"
        else:
            latin = _CYRILLIC.get(low, low)
        out.append(latin.capitalize() if ch != low and latin else latin)
        previous = low
    return "".join(out)


def press_spellings(name: str) -> set[str]:
    """Latin spellings of a Cyrillic name as the press prints them, and its Russian-letter form
    when written in Kazakh letters (a search for Токаев should find Тоқаев). Empty for a name
    already in Latin letters."""
    if not is_cyrillic(name):
        return set()
    spellings = {name.translate(_KK_TO_RU)}
    for soft_y in ("y", "i"):
        spellings.add(re.sub(r"[\w-]+", lambda m, y=soft_y: _press_word(m.group(0), y), name))
    spellings.add(re.sub(r"[\w-]+", lambda m: "".join(
        (_CYRILLIC.get(c.lower(), c.lower()).capitalize() if c.isupper() else _CYRILLIC.get(c, c))
        for c in m.group(0)), name))
    spellings.discard(name)
    return spellings


# A name token: a word (letters, inner hyphens and apostrophes) or an initial ("Е.", "К.-Ж.")
_TOKEN = re.compile(r"(\w)\.(?:-(\w)\.)?|[^\W\d_]+(?:[-'’][^\W\d_]+)*")


@lru_cache(maxsize=100_000)  # a corpus repeats a few thousand names in every pair compared
def name_parts(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words (skeletons, hyphenated parts split) and initials (skeletons of one letter) of a
    name. Words of one or two letters are read as initials written without a full stop."""
    words: list[str] = []
    initials: list[str] = []
    for match in _TOKEN.finditer(name):
        if match.group(1):
            initials.extend(skeleton(g)[:1] for g in match.groups() if g)
            continue
        for part in re.split(r"[-'’]", match.group(0)):
            key = skeleton(part)
            if len(key) >= 3:
                words.append(key)
            elif key:
                initials.append(key[:1])
    return tuple(words), tuple(i for i in initials if i)


__all__ = ["is_cyrillic", "name_parts", "press_spellings", "skeleton"]
