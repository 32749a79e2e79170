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

from kgraph.morph.ru import analyzer
from kgraph.morph.ru import parses as parses  # re-exported: the persons modules read parses from here
from kgraph.text import normalise, sentences

_TOKEN = re.compile(r"(?P<w>[^\W\d_]+(?:[-'’][^\W\d_]+)*(?:['’](?![^\W\d_]))?)|(?P<n>\d+)|(?P<p>[^\w\s])")


@cache
def word_is_known(word: str) -> bool:
    return analyzer().word_is_known(word.lower())


@dataclass(slots=True)
class Token:
    """One token; the derived properties are computed once, as the finder asks them many times."""

    index: int
    start: int
    end: int
    text: str
    kind: str  # w (word) | n (number) | p (punctuation)
    sentence: int
    matches: list[Any] | tuple[()] = ()  # gazetteer matches overlapping the token (a list once any)
    low: str = field(init=False, repr=False)  # casefolded, ё → е
    is_word: bool = field(init=False, repr=False)
    is_abbreviation: bool = field(init=False, repr=False)  # two capitals or more, no lower case
    is_cap: bool = field(init=False, repr=False)  # starts with a capital and is no abbreviation

    def __post_init__(self) -> None:
        text = self.text
        low = text.casefold()
        self.low = low.replace("ё", "е") if "ё" in low else low
        self.is_word = word = self.kind == "w"
        upper = word and text[0].isupper()
        # a word token is letters joined by hyphens or apostrophes: all capitals, two letters or more
        self.is_abbreviation = abbreviation = upper and text.isupper() and sum(c.isalpha() for c in text) >= 2
        self.is_cap = upper and not abbreviation


@dataclass
class TokenizedText:
    text: str
    tokens: list[Token]
    sentence_spans: list[tuple[int, int]]
    norm: str = ""  # normalise(text): same length, so its slices are the normalised slices of text
    anchored: list[Any] = field(default_factory=list)  # matches starting where a token starts, in order

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
    ends = [end for _, end in spans]
    tokens: list[Token] = []
    append = tokens.append
    sentence, n_spans = 0, len(spans)
    limit = ends[0] if spans else len(text) + 1
    for m in _TOKEN.finditer(text):
        start, end = m.span()
        if start >= limit:  # the sentence of the token: the first whose end lies after its start
            sentence = bisect.bisect_right(ends, start, sentence)
            limit = ends[sentence] if sentence < n_spans else len(text) + 1
        append(Token(len(tokens), start, end, m.group(), m.lastgroup or "p", sentence))
    starts = [t.start for t in tokens]
    n = len(tokens)
    for match in matches:
        i = max(0, bisect.bisect_right(starts, match.start) - 1)
        while i < n and tokens[i].start < match.end:
            tok = tokens[i]
            if tok.end > match.start:
                if not tok.matches:
                    tok.matches = []
                tok.matches.append(match)
            i += 1
    anchored = [m for t in tokens if t.matches for m in t.matches if m.start == t.start]
    return TokenizedText(text, tokens, spans, normalise(text), anchored)
