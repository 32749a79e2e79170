"""Prefixed IDs as kgraph prints them (``id:state/KZ``), accepted back in SPARQL text.

The tables print IRIs with the project's prefixes so they are short enough to read and copy; but a
SPARQL prefixed name may not contain ``/`` (``id:state/KZ`` is a syntax error), so pasting a printed
ID into ``--sparql`` would fail. ``standalone()`` turns such names into full ``<IRI>``s and adds the
PREFIX lines of the project's prefixes the text uses without declaring, so the query also runs on
any other SPARQL 1.1 store. Strings, IRIs and comments are never touched.
"""

from __future__ import annotations

import re

from kgraph.namespaces import PREFIXES

# strings, <IRIs> and comments are skipped; a prefixed name is PREFIX:LOCAL not preceded by a word
# character, ``?``/``$`` (a variable) or ``:`` (another prefixed name)
_TOKENS = re.compile(
    r'''(?P<skip>"""(?:[^"\\]|\\.|"(?!""))*"""|'\'\'(?:[^'\\]|\\.|'(?!''))*'\'\'|"(?:[^"\\\n]|\\.)*"'''
    r"""|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\s]*>|\#[^\n]*)"""
    r"|(?<![\w?$:])(?P<prefix>[A-Za-z][\w.-]*|):(?P<local>[\w%/.:-]*)"
)
_DECLARED = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*|)\s*:\s*<([^<>\s]*)>", re.IGNORECASE)
_PN_LOCAL = re.compile(r"^(?:[\w:%]|-)(?:[\w.:%-]*[\w:%-])?$|^$")


def standalone(text: str) -> str:
    """``text`` with printed IDs written as IRIs and the PREFIX lines it needs added."""
    declared = dict(_DECLARED.findall(text))  # the text's own PREFIX lines win
    used: set[str] = set()

    def sub(m: re.Match[str]) -> str:
        prefix, local = m.group("prefix"), m.group("local")
        namespace = declared.get(prefix) if prefix is not None else None
        if namespace is None and prefix in PREFIXES:
            namespace = str(PREFIXES[prefix])
        if namespace is None:
            return m.group(0)
        tail = ""
        while local.endswith("."):  # a triple's final dot is not part of the name
            local, tail = local[:-1], tail + "."
        if _PN_LOCAL.match(local):
            if prefix not in declared:
                used.add(prefix)
            return m.group(0) if not tail else f"{prefix}:{local}{tail}"
        return f"<{namespace}{local}>{tail}"

    body = _TOKENS.sub(sub, text)
    header = "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in sorted(used))
    return header + body


def shorten(iri: str) -> str:
    """An IRI in the form the tables print: the longest matching project prefix, else the IRI."""
    best = max((p for p, ns in PREFIXES.items() if iri.startswith(str(ns))),
               key=lambda p: len(str(PREFIXES[p])), default=None)
    return f"{best}:{iri[len(str(PREFIXES[best])):]}" if best else iri
