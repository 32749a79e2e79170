"""Which of kk, ru, en a text is written in.

Kazakh Cyrillic has nine letters Russian lacks (ә ғ қ ң ө ұ ү һ і); a text with a fair share of
them is Kazakh, otherwise Cyrillic means Russian and Latin means English. This needs no model and
is right for the news kgraph reads; lingua was tried and cannot tell Kyrgyz from Kazakh anyway.
"""

from __future__ import annotations

KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")


def detect_language(text: str) -> str:
    cyrillic = latin = kazakh = 0
    for ch in text:
        if ch in KAZAKH_LETTERS:
            kazakh += 1
            cyrillic += 1
        elif "\u0400" <= ch <= "\u04ff":
            cyrillic += 1
        elif ch.isascii() and ch.isalpha():
            latin += 1
    if cyrillic == 0 and latin == 0:
        return "und"
    if cyrillic >= latin:
        # Kazakh letters run at 5-10 % of Cyrillic letters in Kazakh prose; a stray name in a
        # Russian text stays far below 1 %
        return "kk" if kazakh >= max(2, cyrillic * 0.01) else "ru"
    return "en"
