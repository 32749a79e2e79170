"""Word tokens with what the person finder needs to know of each: case of the first letter,
sentence, gazetteer cover, and (for Russian) the pymorphy3 analysis.

The finder reasons over tokens, not characters, so that a title, a state and a name can be walked
word by word; offsets stay those of ``Document.text``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import pymorphy3

from kgraph.text import sentences

_TOKEN = re.compile(r"(?P<w>[^\W\d_]+(?:[-'’][^\W\d_]+)*(?:['’](?![^\W\d_]))?)|(?P<n>\d+)|(?P<p>[^\w\s])")


@cache
def analyzer() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


@cache
def parses(word: str) -> tuple[Any, ...]:
    return tuple(analyzer().parse(word))


@cache
def word_is_known(word: str) -> bool:
    return analyzer().word_is_known(word.lower())


@dataclass
class Token:
    index: int
    start: int
    end: int
    text: str
    kind: str  # w (word) | n (number) | p (punctuation)
    sentence: int
    matches: list[Any] = field(default_factory=list)  # gazetteer matches overlapping the token

    @property
    def low(self) -> str:
        return self.text.casefold().replace("ё", "е")

    @property
    def is_word(self) -> bool:
        return self.kind == "w"

    @property
    def is_abbreviation(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)

    @property
    def is_cap(self) -> bool:
        """Starts with a capital and is not an all-capitals abbreviation."""
        return self.kind == "w" and self.text[0].isupper() and not self.is_abbreviation


@dataclass
class TokenizedText:
    text: str
    tokens: list[Token]
    sentence_spans: list[tuple[int, int]]

    def is_initial(self, i: int) -> bool:
        """A single capital followed directly by a dot ("А.", "K.")."""
        t = self.tokens[i]
        nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
        return (t.kind == "w" and len(t.text) == 1 and t.text.isupper() and nxt is not None
                and nxt.text == "." and nxt.start == t.end)

    def gap(self, a: int, b: int) -> str:
        """Text between tokens ``a`` and ``b`` (exclusive)."""
        return self.text[self.tokens[a].end : self.tokens[b].start]

    def sentence_start(self, i: int) -> bool:
        """Whether token ``i`` is the first word of its sentence (after quotes or dashes)."""
        t = self.tokens[i]
        j = i - 1
        while j >= 0 and self.tokens[j].sentence == t.sentence:
            if self.tokens[j].kind != "p" or self.tokens[j].text not in "\"«“'(-–—":
                return False
            j -= 1
        return True


def tokenize(text: str, matches: list[Any]) -> TokenizedText:
    spans = [(s.start, s.end) for s in sentences(text)]
    tokens: list[Token] = []
    sentence = 0
    for m in _TOKEN.finditer(text):
        while sentence < len(spans) and spans[sentence][1] <= m.start():
            sentence += 1
        kind = m.lastgroup or "p"
        tokens.append(Token(len(tokens), m.start(), m.end(), m.group(), kind, sentence))
    starts = [t.start for t in tokens]
    for match in matches:
        i = max(0, bisect.bisect_right(starts, match.start) - 1)
        while i < len(tokens) and tokens[i].start < match.end:
            if tokens[i].end > match.start:
                tokens[i].matches.append(match)
            i += 1
    return TokenizedText(text, tokens, spans)
