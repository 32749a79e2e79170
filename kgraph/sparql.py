"""The query library (``queries/*.rq``), parameter binding and the read-only check.

Library files follow grlc's decorated-query convention: a header of ``#+ key: value`` lines
(YAML once the ``#+ `` is stripped) and parameters written as variables:

* ``?_name`` is a required parameter, ``?__name`` an optional one (left unbound when not given,
  so write optional filters as ``FILTER(?d >= COALESCE(?__from_xsd_date, ?d))``, or use the
  placeholder directly in a triple pattern, where a bound value becomes a selective constant);
* ``LIMIT ?__limit`` / ``OFFSET ?__offset`` (any name, an integer): the given number, or the
  default the header declares under ``#+ defaults:`` (``{limit: 100}``), or no clause at all, so
  a long list is paged without the text ever being invalid SPARQL;
* a line ending in ``# if: name`` is dropped when parameter ``name`` is not given: an optional
  filter then costs nothing when absent (a pattern with an unbound placeholder would still be
  joined over the whole corpus); the raw text stays valid SPARQL with the same answers;
  ``# if: a, b`` keeps the line when any of them is given, ``# unless: a, b`` drops it then (a
  fast path for the unfiltered list, e.g. a page of precomputed ranks, next to the filtered one);
* a LIMIT/OFFSET placeholder used in an expression (``FILTER(?rank < ?__offset + ?__limit)``) is
  the same number, its default when not given, or left unbound (write ``COALESCE(?__offset, 0)``);
* the end of the name gives the type: ``_iri`` an IRI, ``_xsd_<type>`` a literal of that XSD
  datatype (``_xsd_date``, ``_xsd_integer``…), ``_en``/``_ru``/``_kk`` a language-tagged string,
  anything else a plain string. The user passes the name without the type (``meeting=…`` for
  ``?_meeting_iri``); the full name works too.

Values are checked and written as SPARQL terms (escaped), never pasted raw, so a parameter can
never change the shape of the query. IRI parameters take a full IRI, a CURIE of the project's
prefixes (``id:state/KZ``), or a short key (``KZ``) resolved against the base the header declares
under ``#+ iri_base:``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from kgraph.namespaces import PREFIXES
from kgraph.paths import queries_dir

XSD = "http://www.w3.org/2001/XMLSchema#"
LANG_SUFFIXES = ("en", "ru", "kk")

# a placeholder: ?_name or ?__name (also with $), outside strings, IRIs and comments
_TOKEN = re.compile(
    r'''(?P<skip>"""(?:[^"\\]|\\.|"(?!""))*"""|'\'\'(?:[^'\\]|\\.|'(?!''))*'\'\'|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\s]*>|\#[^\n]*)'''
    r"|(?P<clause>\b(?i:LIMIT|OFFSET)\s+)(?P<cvar>[?$](?P<cname>__?[A-Za-z][A-Za-z0-9_]*))"
    r"|(?P<var>[?$](?P<name>__?[A-Za-z][A-Za-z0-9_]*))"
)
_NAME = r"[A-Za-z][A-Za-z0-9_]*"
_IF_LINE = re.compile(rf"[ \t]#[ \t]*(if|unless):[ \t]*({_NAME}(?:[ \t]*,[ \t]*{_NAME})*)[ \t]*$")
_IRI_OK = re.compile(r'^[A-Za-z][A-Za-z0-9+.-]*:[^<>"{}|^`\\\s]*$')


class QueryError(Exception):
    """A problem with a query or its parameters, worth one line to the user (exit status 2)."""


class ReadOnlyError(QueryError):
    """The query would change data or reach outside the store (UPDATE, LOAD, SERVICE, FROM)."""


class QueryTooLarge(QueryError):
    """The query text is over the size the checks and the endpoint accept."""


@dataclass(frozen=True)
class Param:
    """One ``?_name`` placeholder of a query."""

    var: str  # the variable as written, without ? ("_meeting_iri", "__from_xsd_date")
    name: str  # the name the user gives ("meeting", "from")
    kind: str  # "iri", "xsd:<type>", "lang:<tag>" or "string"
    required: bool

    @property
    def full(self) -> str:
        """The variable name without its leading underscores ("meeting_iri")."""
        return self.var.lstrip("_")


@dataclass
class LibraryQuery:
    """A query of the library (or any .rq file) with its grlc header."""

    name: str
    text: str
    path: Path | None = None
    summary: str = ""
    description: str = ""
    tags: list[str] = field(default_factory=list)
    iri_base: dict[str, str] = field(default_factory=dict)
    defaults: dict[str, str] = field(default_factory=dict)
    params: list[Param] = field(default_factory=list)

    def bind(self, values: dict[str, Any] | None = None) -> str:
        """The query text with parameters replaced by checked SPARQL terms."""
        return bind(self, values or {})


def _param(var: str) -> Param:
    required = not var.startswith("__")
    bare = var.lstrip("_")
    if bare.endswith("_iri"):
        return Param(var, bare[: -len("_iri")], "iri", required)
    m = re.match(r"^(.*)_xsd_([A-Za-z]+)$", bare)
    if m:
        return Param(var, m.group(1), f"xsd:{m.group(2)}", required)
    for lang in LANG_SUFFIXES:
        if bare.endswith(f"_{lang}"):
            return Param(var, bare[: -len(lang) - 1], f"lang:{lang}", required)
    return Param(var, bare, "string", required)


def _placeholders(text: str) -> list[str]:
    seen: dict[str, None] = {}
    for m in _TOKEN.finditer(text):
        name = m.group("name") or m.group("cname")
        if name:
            seen.setdefault(name, None)
    return list(seen)


def _clause_params(text: str) -> set[str]:
    """Placeholders written as the number of a LIMIT or OFFSET clause."""
    return {m.group("cname") for m in _TOKEN.finditer(text) if m.group("cname")}


def parse_query_file(path: Path, name: str | None = None) -> LibraryQuery:
    """Read an .rq file and its ``#+`` header; raises QueryError on a bad header."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise QueryError(f"{path}: cannot read: {exc.strerror}") from exc
    return parse_query_text(text, name or path.stem, path)


def parse_query_text(text: str, name: str = "query", path: Path | None = None) -> LibraryQuery:
    header = "\n".join(line[3:] if line.startswith("#+ ") else line[2:]
                       for line in text.splitlines() if line.startswith("#+"))
    meta: dict[str, Any] = {}
    if header.strip():
        try:
            meta = yaml.safe_load(header) or {}
        except yaml.YAMLError as exc:
            raise QueryError(f"{path or name}: bad #+ header: {exc}") from exc
        if not isinstance(meta, dict):
            raise QueryError(f"{path or name}: the #+ header must be key: value lines")
    tags = meta.get("tags") or []
    query = LibraryQuery(
        name=name,
        text=text,
        path=path,
        summary=str(meta.get("summary", "")).strip(),
        description=str(meta.get("description", "")).strip(),
        tags=[str(t) for t in (tags if isinstance(tags, list) else [tags])],
        iri_base={str(k): str(v) for k, v in (meta.get("iri_base") or {}).items()},
        defaults={str(k): str(v) for k, v in (meta.get("defaults") or {}).items()},
        params=[_param(v) for v in _placeholders(text)],
    )
    clauses = _clause_params(text)
    query.params = [Param(p.var, p.var.lstrip("_"), "xsd:integer", False) if p.var in clauses else p
                    for p in query.params]
    return query


@lru_cache(maxsize=1)
def _library(folder: str) -> dict[str, LibraryQuery]:
    return {p.stem: parse_query_file(p) for p in sorted(Path(folder).glob("*.rq"))}


def library(folder: Path | None = None) -> dict[str, LibraryQuery]:
    """All library queries by name (file stem), sorted."""
    return _library(str(folder or queries_dir()))


def resolve(name_or_path: str, folder: Path | None = None) -> LibraryQuery:
    """A library query by name, or an .rq file by path."""
    lib = library(folder)
    if name_or_path in lib:
        return lib[name_or_path]
    path = Path(name_or_path)
    if path.suffix == ".rq" or path.is_file():
        if not path.is_file():
            raise QueryError(f"{path}: no such query file")
        return parse_query_file(path)
    known = ", ".join(lib) or "none"
    raise QueryError(f"unknown query {name_or_path!r} (library: {known})")


# -- binding ---------------------------------------------------------------------------------
def _escape(value: str) -> str:
    return (value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            .replace("\r", "\\r").replace("\t", "\\t"))


def _iri_term(param: Param, value: str, base: str | None) -> str:
    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
    prefix, sep, local = value.partition(":")
    if sep and prefix in PREFIXES and not local.startswith("//"):
        value = str(PREFIXES[prefix]) + local
    elif not sep and base:
        value = base + value
    if not _IRI_OK.match(value):
        raise QueryError(f"parameter {param.name}: not an IRI: {value!r}")
    return f"<{value}>"


def _typed_term(param: Param, value: str) -> str:
    xsd_type = param.kind.split(":", 1)[1]
    value = value.strip()
    try:
        if xsd_type == "date":
            value = dt.date.fromisoformat(value).isoformat()
        elif xsd_type == "dateTime":
            value = dt.datetime.fromisoformat(value).isoformat()
        elif xsd_type in ("integer", "int", "long", "nonNegativeInteger", "positiveInteger"):
            value = str(int(value))
        elif xsd_type in ("decimal", "double", "float"):
            value = str(Decimal(value))
        elif xsd_type == "gYear":
            value = str(int(value)).zfill(4)
        elif xsd_type == "boolean":
            if value.lower() not in ("true", "false", "1", "0"):
                raise ValueError(value)
            value = value.lower()
    except (ValueError, InvalidOperation):
        raise QueryError(f"parameter {param.name}: not an xsd:{xsd_type}: {value!r}") from None
    return f'"{_escape(value)}"^^<{XSD}{xsd_type}>'


def term_for(param: Param, value: Any, base: str | None = None) -> str:
    """The SPARQL term for ``value`` as the type of ``param`` says."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = value.isoformat()
    value = str(value)
    if param.kind == "iri":
        return _iri_term(param, value, base)
    if param.kind.startswith("xsd:"):
        return _typed_term(param, value)
    if param.kind.startswith("lang:"):
        return f'"{_escape(value)}"@{param.kind[5:]}'
    return f'"{_escape(value)}"'


def _count(param: Param, value: Any) -> str:
    """A LIMIT/OFFSET number: a non-negative integer, written bare."""
    try:
        number = int(str(value).strip())
    except ValueError:
        number = -1
    if number < 0:
        raise QueryError(f"parameter {param.name}: not a non-negative integer: {value!r}")
    return str(number)


def _kept(match: re.Match[str], given: set[str]) -> bool:
    """Whether an ``# if:`` / ``# unless:`` line stays, given the parameters that have values."""
    any_given = any(name.strip() in given for name in match.group(2).split(","))
    return any_given if match.group(1) == "if" else not any_given


def bind(query: LibraryQuery, values: dict[str, Any]) -> str:
    """Replace each placeholder given a value; a missing required one is a QueryError."""
    by_key: dict[str, Param] = {}
    for p in query.params:
        for key in (p.name, p.full, p.var):
            by_key.setdefault(key, p)
    clauses = _clause_params(query.text)
    terms: dict[str, str] = {}
    for key, value in values.items():
        if value is None:
            continue
        param = by_key.get(key)
        if param is None:
            known = ", ".join(p.name for p in query.params) or "none"
            raise QueryError(f"query {query.name}: unknown parameter {key!r} (parameters: {known})")
        if param.var in clauses:
            terms[param.var] = _count(param, value)
        else:
            terms[param.var] = term_for(param, value, query.iri_base.get(param.name))
    missing = [p.name for p in query.params if p.required and p.var not in terms]
    if missing:
        raise QueryError(f"query {query.name}: missing required parameter(s): {', '.join(missing)}"
                         f" (give them with --param {missing[0]}=VALUE)")

    def sub(m: re.Match[str]) -> str:
        if m.group("cvar"):
            name = m.group("cname")
            param = by_key[name]
            number = terms.get(name)
            if number is None and param.name in query.defaults:
                number = _count(param, query.defaults[param.name])
            return f"{m.group('clause')}{number}" if number is not None else ""
        if m.group("var") and m.group("name") in terms:
            return terms[m.group("name")]
        if m.group("var") and m.group("name") in clauses and by_key[m.group("name")].name in query.defaults:
            return _count(by_key[m.group("name")], query.defaults[by_key[m.group("name")].name])
        return m.group(0)

    given = {name for p in query.params if p.var in terms for name in (p.name, p.full, p.var)}
    lines = [line for line in query.text.splitlines(keepends=True)
             if not (m := _IF_LINE.search(line.rstrip("\r\n"))) or _kept(m, given)]
    return _TOKEN.sub(sub, "".join(lines))


# -- the read-only check ---------------------------------------------------------------------
# An allow-list over the query's words, checked by one linear scan: every bare word outside IRIs,
# strings, comments, variables and prefixed names must be a keyword or built-in function of a
# SPARQL 1.1 *query*. SERVICE, LOAD, FROM/NAMED and every UPDATE verb are simply not on the list, so
# they are refused wherever they stand (in a FILTER, inside IN (…), EXISTS {…}, a subquery…) and
# no parser's tree has to be walked. The scan is bounded (size cap, no backtracking), so a huge
# query costs milliseconds, not minutes. A backslash outside strings and IRIs (a codepoint escape,
# which SPARQL decodes before parsing and which could spell a keyword the scan does not see) is
# refused. The endpoint's workers also run under a kernel ban on sockets (kgraph.sandbox): this
# check is the first of two walls, and the one that gives a clear message.
MAX_QUERY_CHARS = 256_000

_QUERY_WORDS = frozenset("""
    BASE PREFIX SELECT CONSTRUCT DESCRIBE ASK DISTINCT REDUCED AS WHERE ORDER BY ASC DESC LIMIT
    OFFSET VALUES UNDEF GROUP HAVING OPTIONAL GRAPH UNION MINUS FILTER BIND NOT IN EXISTS A TRUE
    FALSE STR LANG LANGMATCHES DATATYPE BOUND IRI URI BNODE RAND ABS CEIL FLOOR ROUND CONCAT
    STRLEN UCASE LCASE ENCODE_FOR_URI CONTAINS STRSTARTS STRENDS STRBEFORE STRAFTER YEAR MONTH
    DAY HOURS MINUTES SECONDS TIMEZONE TZ NOW UUID STRUUID MD5 SHA1 SHA256 SHA384 SHA512
    COALESCE IF STRLANG STRDT SAMETERM ISIRI ISURI ISBLANK ISLITERAL ISNUMERIC REGEX SUBSTR
    REPLACE COUNT SUM MIN MAX AVG SAMPLE GROUP_CONCAT SEPARATOR
""".split())  # noqa: SIM905 (a word list reads best as words)
_FORMS = {"SELECT": "SelectQuery", "CONSTRUCT": "ConstructQuery", "ASK": "AskQuery",
          "DESCRIBE": "DescribeQuery"}
_REFUSED = {
    "SERVICE": "SERVICE (federated queries) is not allowed: this endpoint is read-only and makes no "
               "outside requests",
    "LOAD": "LOAD is not allowed: this endpoint is read-only",
    "FROM": "FROM and FROM NAMED are not allowed (they fetch URLs); the default graph is the union "
            "of all graphs; use GRAPH <iri> { … } for one graph, or the protocol's default-graph-uri and "
            "named-graph-uri parameters",
}
_UPDATE_WORDS = frozenset("""
    INSERT DELETE DATA CLEAR DROP CREATE ADD MOVE COPY WITH USING INTO DEFAULT ALL TO SILENT
    NAMED
""".split())  # noqa: SIM905 (a word list reads best as words)
_LEXEME = re.compile(r"""
    (?P<skip>\s+|\#[^\n]*
      |"{3}(?:[^"\\]|\\.|"(?!""))*"{3}|'{3}(?:[^'\\]|\\.|'(?!''))*'{3}
      |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'
      |<[^<>"{}|^`\\\s]*>
      |[?$][\w\u00b7]+
      |@[A-Za-z]+(?:-[A-Za-z0-9]+)*
      |_:[\w.\-\u00b7]+
      |(?:[^\W\d_][\w.\-\u00b7]*)?:(?:[\w.\-:%\u00b7]|\\[_~.\-!$&'()*+,;=/?\#@%])*
      |[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?
      |\^\^|\|\||&&|!=|<=|>=|[{}()\[\];,.*=<>!+\-/|^?]
    )
    |(?P<word>[^\W\d]\w*)
""", re.VERBOSE)


def check_read_only(sparql: str) -> str:
    """Refuse anything but a self-contained read query, by an allow-list of its words.

    Returns the query form ("SelectQuery", "ConstructQuery", "AskQuery", "DescribeQuery").
    Grammar errors beyond the words are left to the engine, which reports them as syntax errors.
    """
    if len(sparql) > MAX_QUERY_CHARS:
        raise QueryTooLarge(f"the query has {len(sparql):,} characters; the limit is {MAX_QUERY_CHARS:,}")
    form = None
    pos, end = 0, len(sparql)
    while pos < end:
        m = _LEXEME.match(sparql, pos)
        if m is None or m.end() == pos:
            line = sparql.count("\n", 0, pos) + 1
            col = pos - (sparql.rfind("\n", 0, pos) + 1) + 1
            what = "backslash (write characters, not codepoint escapes)" if sparql[pos] == "\\" \
                else repr(sparql[pos])
            raise QueryError(f"SPARQL syntax error: unexpected {what} (line {line}, column {col})")
        word = m.group("word")
        if word is not None:
            upper = word.upper()
            if upper in _REFUSED:
                raise ReadOnlyError(_REFUSED[upper])
            if upper in _UPDATE_WORDS:
                raise ReadOnlyError("SPARQL UPDATE is not allowed: this endpoint is read-only")
            if upper not in _QUERY_WORDS:
                raise QueryError(f"SPARQL syntax error: {word!r} is not a SPARQL query keyword or function")
            form = form or _FORMS.get(upper)
        pos = m.end()
    if form is None:
        raise QueryError("SPARQL syntax error: no SELECT, CONSTRUCT, ASK or DESCRIBE")
    return form


__all__ = ["MAX_QUERY_CHARS", "LibraryQuery", "Param", "QueryError", "QueryTooLarge", "ReadOnlyError", "bind",
           "check_read_only", "library", "parse_query_file", "parse_query_text", "resolve", "term_for"]
