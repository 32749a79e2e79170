"""`kgraph bench`: build throughput, memory and query latency on a generated corpus."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command(name="bench")(bench_command)


def _sizes(value: str) -> list[int]:
    try:
        sizes = [int(part.replace("_", "")) for part in value.split(",") if part.strip()]
    except ValueError:
        raise typer.BadParameter(f"{value!r}: give sizes as numbers separated by commas (1000,10000)") from None
    if not sizes or min(sizes) < 1:
        raise typer.BadParameter(f"{value!r}: sizes must be positive")
    return sizes


def bench_command(
    sizes: Annotated[str, typer.Option("--sizes", help="Corpus sizes in documents, comma-separated.")] = "1000,10000",
    repeat: Annotated[int, typer.Option("--repeat", min=1, help="Timed runs per query.")] = 5,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="kgraph build --jobs.")] = 2,
    seed: Annotated[int, typer.Option("--seed", help="Corpus generator seed.")] = 0,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="JSON report (none with --out '').")] = Path(
        "benchmarks/results/bench.json"),
    work: Annotated[Path, typer.Option("--work", help="Cached corpora and the stores built.")] = Path(
        "benchmarks/work"),
    baseline: Annotated[bool, typer.Option("--baseline/--no-baseline",
                                           help="Also time the queries on rdflib's memory store.")] = True,
    baseline_max: Annotated[int, typer.Option("--baseline-max",
                                              help="Largest size loaded into rdflib.")] = 10_000,
    keep_store: Annotated[bool, typer.Option("--keep-store", help="Keep the stores built.")] = False,
) -> None:
    """Generate corpora, build them into a store, time every library query (and rdflib's), report.

    Example: kgraph bench --sizes 10000 --repeat 5
    """
    from rich.console import Console

    from kgraph.bench.harness import BenchError, Settings, run

    console = Console(stderr=True)
    settings = Settings(sizes=_sizes(sizes), repeat=repeat, jobs=jobs, seed=seed, work=work,
                        out=out if out and str(out) else None, baseline=baseline,
                        baseline_max=baseline_max, keep_store=keep_store,
                        log=lambda message: console.log(message, highlight=False))
    try:
        report = run(settings)
    except BenchError as exc:
        typer.echo(f"kgraph bench: {exc}", err=True)
        raise typer.Exit(2) from None
    print_report(report)
    if settings.out is not None:
        typer.echo(f"report written to {settings.out}", err=True)


def print_report(report: dict[str, Any]) -> None:
    """Rich tables: one line per size for the build, one line per query for latency."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    m = report["machine"]
    console.print(f"[bold]kgraph bench[/] on {m['cpu']}, {m['cores_logical']} cores, {m['ram_gb']} GB, "
                  f"Python {m['python']}")
    build = Table(title="build into the persistent store")
    for column in ("docs", "triples", "wall s", "CPU s", "docs/s", "triples/s", "peak RSS MB", "peak PSS MB"):
        build.add_column(column, justify="right")
    for run in report["sizes"]:
        b = run["build"]
        build.add_row(f"{run['documents']:,}", f"{run['counts']['triples']:,}", f"{b['wall_s']:.1f}",
                      f"{b['cpu_s']:.1f}", f"{b['docs_per_s']:,.0f}", f"{b['triples_per_s']:,.0f}",
                      f"{b['peak_rss_mb']:,.0f}", f"{b.get('peak_pss_mb', 0):,.0f}")
    console.print(build)
    for run in report["sizes"]:
        table = Table(title=f"query latency at {run['documents']:,} documents (ms)")
        for column in ("query", "rows", "median", "p95", "rdflib median", "ratio"):
            table.add_column(column, justify="left" if column == "query" else "right")
        for name, q in run["queries"].items():
            if "skipped" in q:
                table.add_row(name, "", "skipped", "", "", "")
                continue
            ref = q.get("rdflib")
            table.add_row(name, str(q["rows"]), f"{q['median_ms']:.1f}", f"{q['p95_ms']:.1f}",
                          f"{ref['median_ms']:.1f}" if ref else "-", f"×{ref['ratio']}" if ref else "-")
        base = run["baseline"]
        if "total_ratio" in base:
            table.add_row("[bold]total[/]", "", f"{base['total_store_ms']:.1f}", "", f"{base['total_rdflib_ms']:.1f}",
                          f"×{base['total_ratio']}")
        table.caption = base.get("skipped") and f"rdflib baseline skipped: {base['skipped']}"
        console.print(table)
    for target in report.get("targets", []):
        mark = {True: "[green]met[/]", False: "[red]missed[/]", None: "[yellow]not measured[/]"}[target["met"]]
        console.print(f"{target['target']}: {target['value']} — {mark}")
