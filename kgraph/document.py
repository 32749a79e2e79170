"""Documents as read from disk: corpus files, plain text/markdown and JSON Lines.

Offsets everywhere in kgraph refer to ``Document.text``, which is the file's whole text exactly as
``Path.read_text(encoding="utf-8")`` returns it (header line included), so that evidence spans can
be checked against the file itself. A bad input raises ``DocumentError`` whose message is one line
naming the file and the problem; loading a batch yields those errors instead of stopping.
"""

from __future__ import annotations

import datetime as dt
import glob
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from kgraph.lang import detect_language
from kgraph.morph import LANGS

TEXT_SUFFIXES = {".txt", ".md", ".text", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HEADER = re.compile(r"^\s*date\s+(?P<date>\S+)[ \t]*(?P<title>[^\n]*)")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# an optional second header line giving where the article was published: ``url https://…``
URL_LINE = re.compile(r"^[ \t]*url:?[ \t]+(?P<url>https?://\S+)[ \t]*$", re.IGNORECASE)
JSONL_LINE = re.compile(r"#\d+$")
SUPPORTED_LANGUAGES = LANGS  # the registry, ontology/languages.yaml
# A news article is a few KB; anything over this is a dump or a mistake, and extraction time grows
# with size: refused up front with one line rather than holding a batch for minutes.
MAX_DOCUMENT_BYTES = 5 << 20
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class DocumentError(ValueError):
    """A document that cannot be read; ``str()`` is one line: ``source: problem``."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem

    def __reduce__(self) -> tuple[type[DocumentError], tuple[str, str]]:
        # rebuilt from both fields when it crosses a process boundary (``build --jobs N``): the
        # default pickling passes only the message and the worker pool then crashes and respawns
        return (DocumentError, (self.source, self.problem))


@dataclass(frozen=True)
class Document:
    text: str
    source: str  # file path, or path#line for JSON Lines
    lang: str
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    external_id: str | None = None
    body_start: int = 0  # offset where the body begins (after the header line, if any)

    @cached_property
    def sha256(self) -> str:
        # computed once: every emitted IRI of the document embeds it (thousands of calls on a long text)
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def file_name(self) -> str | None:
        """The source file's name without its folders (``news.jsonl#12`` for a JSON Lines line):
        enough for a reader to find the file, without publishing the paths of the machine that built it."""
        if not self.source or self.source.startswith("<"):
            return None
        line = JSONL_LINE.search(self.source)
        path = self.source[: line.start()] if line else self.source
        name = path.replace("\\", "/").rsplit("/", 1)[-1]
        return (name + (line.group(0) if line else "")) or None

    @property
    def id(self) -> str:
        """Stable identifier: the SHA-256 of the text, so the same text always maps to one graph."""
        return self.sha256


def _parse_date(source: str, value: str) -> dt.date:
    if not ISO_DATE.fullmatch(value):
        raise DocumentError(source, f"header date {value!r} is not YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise DocumentError(source, f"header date {value!r} is impossible ({exc})") from None


def from_text(text: str, source: str, *, published: dt.date | None = None, url: str | None = None,
              lang: str | None = None, external_id: str | None = None) -> Document:
    """Build a Document from text, reading the corpus header (``date YYYY-MM-DD title``) if present."""
    if not text.strip():
        raise DocumentError(source, "empty document")
    if "\x00" in text:
        raise DocumentError(source, "binary content (NUL bytes), not a text document")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise DocumentError(source, f"invalid Unicode (an unpaired surrogate at character {exc.start})") from None
    if lang is not None and lang not in SUPPORTED_LANGUAGES:
        raise DocumentError(source, f"unknown language {lang!r} (kgraph reads {', '.join(SUPPORTED_LANGUAGES)})")
    title = None
    body_start = 0
    first_line_end = text.find("\n")
    first_line = text if first_line_end < 0 else text[:first_line_end]
    header = HEADER.match(first_line)
    if header:
        published = _parse_date(source, header["date"])
        title = header["title"].strip() or None
        body_start = len(first_line) + 1 if first_line_end >= 0 else len(text)
        second_end = text.find("\n", body_start)
        url_line = URL_LINE.match(text[body_start : second_end if second_end >= 0 else len(text)])
        if url_line and body_start < len(text):
            url = url or url_line["url"]
            body_start = second_end + 1 if second_end >= 0 else len(text)
    elif title is None and source.endswith(".md"):
        title = first_line.lstrip("# ").strip() or None
    return Document(text=text, source=source, lang=lang or detect_language(text), published=published,
                    title=title, url=url, external_id=external_id, body_start=body_start)


def read_file(path: Path) -> Document:
    """One text/markdown/corpus file."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            raise DocumentError(source, f"{size / 2**20:.1f} MB is over the {MAX_DOCUMENT_BYTES >> 20} MB "
                                        "limit for one document (split it, or use JSON Lines)")
        raw = path.read_bytes()
    except OSError as exc:
        raise DocumentError(source, f"cannot read ({exc.strerror or exc})") from None
    return from_text(_decode(source, raw), source)


def _decode(source: str, raw: bytes) -> str:
    """UTF-8 bytes as text, or a DocumentError that says what the bytes are instead."""
    if raw.startswith(UTF16_BOMS):
        raise DocumentError(source, "UTF-16 text: save it as UTF-8")
    if b"\x00" in raw:
        raise DocumentError(source, "binary content (NUL bytes), not a text document")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentError(source, f"invalid UTF-8 at byte {exc.start}") from None
    # the scorer reads with Path.read_text, which turns \r\n into \n: offsets must agree with it
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.removeprefix("\ufeff")


def read_jsonl(path: Path) -> Iterator[Document | DocumentError]:
    """Each line an object with ``text`` and optional ``id``, ``published``, ``url``, ``lang``."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield DocumentError(str(path), f"cannot read ({exc.strerror or exc})")
        return
    with handle:
        # each line decoded on its own, and read with a bound: a bad or huge line costs that line
        # only, never the good lines around it
        number = 0
        while True:
            raw = handle.readline(MAX_DOCUMENT_BYTES + 1)
            if not raw:
                break
            number += 1
            source = f"{path}#{number}"
            if len(raw) > MAX_DOCUMENT_BYTES and not raw.endswith(b"\n"):
                while raw and not raw.endswith(b"\n"):  # skip the rest of the line
                    raw = handle.readline(1 << 20)
                yield DocumentError(source, f"line is over the {MAX_DOCUMENT_BYTES >> 20} MB limit for one document")
                continue
            if not raw.strip():
                continue
            try:
                yield _jsonl_document(source, raw)
            except DocumentError as exc:
                yield exc


def _jsonl_document(source: str, raw: bytes) -> Document:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentError(source, f"invalid UTF-8 at byte {exc.start} of the line") from None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise DocumentError(source, f"invalid JSON ({exc.msg}, column {exc.colno})") from None
    except RecursionError:
        raise DocumentError(source, "invalid JSON (nested too deeply)") from None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise DocumentError(source, "a JSON Lines record needs a string field 'text'")
    for name in ("published", "url", "lang"):
        if record.get(name) is not None and not isinstance(record[name], str):
            raise DocumentError(source, f"field {name!r} must be a string, not {type(record[name]).__name__}")
    published = record.get("published")
    date = _parse_date(source, published[:10]) if published else None
    lang = record.get("lang")
    return from_text(record["text"], source, published=date, url=record.get("url"),
                     lang=str(lang) if lang else None,
                     external_id=str(record["id"]) if record.get("id") is not None else None)


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | DocumentError]:
    """Files, folders (recursively, sorted) and glob patterns, in a stable order."""
    for item in paths:
        path = Path(item)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
                if child.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES:
                    yield child
        elif path.is_file():
            yield path
        elif any(ch in str(item) for ch in "*?["):
            matches = sorted(Path(p) for p in glob.glob(str(item), recursive=True) if Path(p).is_file())
            if not matches:
                yield DocumentError(str(item), "no file matches this pattern")
            yield from matches
        else:
            yield DocumentError(str(item), "no such file or folder")


def load(paths: Iterable[str | Path]) -> Iterator[Document | DocumentError]:
    """Stream documents from files, folders and globs; errors come as values, never stop the stream."""
    for path in expand_paths(paths):
        if isinstance(path, DocumentError):
            yield path
        elif path.suffix.lower() in JSONL_SUFFIXES:
            yield from read_jsonl(path)
        else:
            try:
                yield read_file(path)
            except DocumentError as exc:
                yield exc
