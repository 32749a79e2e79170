"""The ``kgraph`` command line: one typer app; each command lives in ``kgraph.commands.<name>``.

Command modules import their heavy dependencies inside the command functions, so that
``kgraph --help`` and a single-document build start fast.
"""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="kgraph",
    help="Build and query knowledge graphs of CIS/CSTO/SCO security meetings from kk/ru/en news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

COMMAND_MODULES = ("build", "load", "validate", "query", "serve", "viz", "stats", "bench", "merges", "linked")

for _name in COMMAND_MODULES:
    importlib.import_module(f"kgraph.commands.{_name}").register(app)


def main() -> None:  # pragma: no cover - console entry point
    app()
