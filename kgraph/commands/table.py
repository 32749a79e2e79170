"""The terminal table of `kgraph query`: fits the terminal, and never cuts an ID.

An ID is copied from one answer into the next command, so a cell holding one (no spaces: a
prefixed ID, an IRI, a date, a number) is never wrapped, folded or shortened. Text cells wrap at
spaces. When the IDs alone are wider than the terminal, each row is printed as a record (one
``column: value`` line each, like psql's expanded display), where long values wrap but IDs stay
whole. ``--wide`` prints one line per row whatever the width, for a pager or a wide window. The
layout is rich's (already a typer dependency): column widths, wrapping and unicode widths.
"""

from __future__ import annotations

import textwrap
import unicodedata
from collections.abc import Sequence

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

MIN_TEXT_WIDTH = 12  # a text column narrower than this is unreadable: records instead


def safe(value: str) -> str:
    """Document text as inert terminal text: control characters (an ESC could recolour or retitle
    the terminal) are written as ``\\xNN``; rich markup is never read from cells (they are Text)."""
    return "".join(f"\\x{ord(ch):02x}" if unicodedata.category(ch) == "Cc" and ch not in "\n\t" else ch
                   for ch in value)


def _is_token(value: str) -> bool:
    return bool(value) and not any(ch.isspace() for ch in value)


def _caption(rows: Sequence[Sequence[str]]) -> str:
    return f"{len(rows)} row{'s' if len(rows) != 1 else ''}"


def render(names: Sequence[str], rows: Sequence[Sequence[str]], *, width: int, wide: bool = False) -> tuple[str, str]:
    """The table as text for a terminal of ``width`` columns, and how it was laid out:
    ``"table"`` (every cell on one line), ``"wrapped"`` (text cells wrapped) or ``"records"``."""
    names = [safe(n) for n in names]
    rows = [[safe(c) for c in row] for row in rows]
    token_cols = [all(_is_token(r[i]) or not r[i] for r in rows) for i in range(len(names))]
    natural = [max([len(names[i])] + [len(r[i]) for r in rows]) for i in range(len(names))]
    overhead = 3 * (len(names) - 1)  # " │ " between columns, no outer border
    if wide or sum(natural) + overhead <= width:
        return _table(names, rows, token_cols, natural, width=max(width, sum(natural) + overhead)), "table"
    needed = sum(natural[i] if token_cols[i] else min(natural[i], MIN_TEXT_WIDTH) for i in range(len(names)))
    if needed + overhead <= width:
        text = _table(names, rows, token_cols, natural, width=width)
        cells = {r[i] for r in rows for i in range(len(names)) if token_cols[i] and r[i]}
        # the layout is rich's: kept only when every ID came out whole (a split one is not in the text)
        if all(cell in text for cell in cells):
            return text, "wrapped"
    return _records(names, rows, width), "records"


def _table(names: Sequence[str], rows: Sequence[Sequence[str]], token_cols: list[bool], natural: list[int],
           *, width: int) -> str:
    table = Table(box=box.MINIMAL, show_edge=False, pad_edge=False, caption=_caption(rows))
    for name, token, size in zip(names, token_cols, natural, strict=True):
        if token:  # an ID column keeps its full width: never wrapped, folded or cut
            table.add_column(Text(name), no_wrap=True, min_width=size, overflow="ignore")
        else:
            table.add_column(Text(name), overflow="fold", min_width=min(size, MIN_TEXT_WIDTH))
    for row in rows:
        table.add_row(*(Text(c) for c in row))  # plain text: "[bold]" in a document stays as written
    console = Console(width=width, record=True, file=_Null(), color_system=None, soft_wrap=False)
    console.print(table, crop=False)
    return "\n".join(line.rstrip() for line in console.export_text().splitlines()) + "\n"


def _records(names: Sequence[str], rows: Sequence[Sequence[str]], width: int) -> str:
    label = max(len(n) for n in names)
    lines: list[str] = []
    for number, row in enumerate(rows, 1):
        head = f"-[ row {number} ]"
        lines.append(head + "-" * max(0, min(width, 40) - len(head)))
        for name, value in zip(names, row, strict=True):
            if _is_token(value) and label + 3 + len(value) > width:
                lines.append(f"{name:<{label}} |")  # an ID too long beside its name: whole, on its own line
                lines.append(value)
                continue
            wrapped = textwrap.wrap(value, max(20, width - label - 3), break_long_words=False,
                                    break_on_hyphens=False) or [""]
            lines.append(f"{name:<{label}} | {wrapped[0]}".rstrip())
            lines.extend(f"{'':<{label}} | {more}" for more in wrapped[1:])
    lines.append(_caption(rows))
    return "\n".join(lines) + "\n"


class _Null:
    """A file that drops what is written: the recorded text is exported instead."""

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass
