"""Topics from the topic scheme's cue stems (``ontology/reference/topics.yaml``).

Cues are matched at word starts on the normalised text, outside the names of international bodies:
"the Anti-Terrorism Centre took part" says who came, not that terrorism was discussed. Agency names
stay in: "cooperation between border agencies" is about border security. A session of a body whose
own field is a topic (``bodies`` in the scheme: defence ministers → military cooperation, border
troops commanders → border security) is about that topic.
"""

from __future__ import annotations

import re
from functools import cache

from kgraph.extract.analysis import Analysis
from kgraph.model import Span
from kgraph.reference import load_reference

NAME_KINDS = {"body", "body-core", "org-abbrev"}


def _compile(stems: list[str]) -> re.Pattern[str] | None:
    """Word-initial stems as one pattern: consecutive stems ("организованн преступн") match consecutive
    words, and "*" lets one word stand between them ("exchang * information")."""
    if not stems:
        return None
    ordered = sorted((stem.lower().replace("ё", "е") for stem in stems), key=len, reverse=True)
    alternatives = "|".join(re.escape(s).replace(r"\ \*\ ", r"\w*\s+(?:\w+\s+)?").replace(r"\ ", r"\w*\s+")
                            for s in ordered)
    # "anti-drug", but not the "border" of "cross-border" or "trans-border"
    return re.compile(rf"(?<!\w)(?<!cross-)(?<!trans-)(?:{alternatives})")


@cache
def _patterns(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for slug, topic in load_reference().topics.items():
        pattern = _compile(list(topic.cues.get(lang, ())))
        if pattern is not None:
            out.append((slug, pattern))
    return out


@cache
def _not_patterns(lang: str) -> dict[str, re.Pattern[str]]:
    """Per topic, the phrases in which its cue does not name it ("training exercise" is an exercise)."""
    found = {slug: _compile(list(topic.not_cues.get(lang, ()))) for slug, topic in load_reference().topics.items()}
    return {slug: pattern for slug, pattern in found.items() if pattern is not None}


def _cue_hits(analysis: Analysis) -> list[tuple[int, str]]:
    """Every topic cue of the document outside body names, found once and kept on the analysis."""
    hits = analysis.cache.get("topic-hits")
    if hits is None:
        names = [(m.start, m.end) for m in analysis.matches if m.kind in NAME_KINDS]
        negative = _not_patterns(analysis.lang)
        excluded = {slug: [m.span() for m in pattern.finditer(analysis.norm)] for slug, pattern in negative.items()}
        hits = sorted((m.start(), slug) for slug, pattern in _patterns(analysis.lang)
                      for m in pattern.finditer(analysis.norm)
                      if not any(a <= m.start() < b for a, b in names)
                      and not any(a <= m.start() < b for a, b in excluded.get(slug, ())))
        analysis.cache["topic-hits"] = hits
    return hits


def topics_in(analysis: Analysis, span: Span) -> list[str]:
    """Topics whose cues start inside ``span``, in the scheme's order."""
    inside = {slug for start, slug in _cue_hits(analysis) if span.start <= start < span.end}
    return [slug for slug, _ in _patterns(analysis.lang) if slug in inside]


def meeting_topics(analysis: Analysis, body: str | None, found: list[str]) -> list[str]:
    """The topics of a session: those its text names, and the field of the body that held it."""
    fields = {slug for slug, topic in load_reference().topics.items() if body and body in topic.bodies}
    return [slug for slug in load_reference().topics if slug in fields or slug in found]
