"""`kgraph validate`: check an output file against the SHACL shapes of ``ontology/shapes.ttl``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command(name="validate")(validate_command)


def validate_command(
    file: Annotated[Path, typer.Argument(help="An RDF file written by kgraph build: .trig .nq .ttl .nt .jsonld")],
    warnings: Annotated[bool, typer.Option("--warnings", "-w", help="Also list warnings (they never fail).")] = False,
) -> None:
    """Validate an RDF file against the project's SHACL shapes (union of its graphs, no inference).

    Example: kgraph validate build/seeds.trig

    Exit status: 0 when the file conforms (warnings allowed), 1 when there are violations (one
    per line on stdout: severity, focus node, path, message), 2 when the file cannot be read.
    """
    from kgraph.validate import ValidationInputError, validate_file

    try:
        report = validate_file(file)
    except ValidationInputError as exc:
        typer.echo(f"kgraph validate: {exc}", err=True)
        raise typer.Exit(2) from None
    for line in report.lines(warnings=warnings):
        typer.echo(line)
    typer.echo(report.summary(), err=True)
    raise typer.Exit(0 if report.conforms else 1)
