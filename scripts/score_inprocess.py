"""Run the shared scorer (../shared/eval/score.py) with its `kgraph build` calls made in this process.

    python scripts/score_inprocess.py --corpus DIR [-v] [--json FILE]     (same options as score.py)

Why: the scorer runs the contract's CLI call (`kgraph build {doc} -o {out}`) once per document, and
starting Python and importing kgraph costs ~2 s of the ~2.7 s each call takes; over the 300 documents
of the held-out corpora that was 13 minutes of the test run. Here each call goes through the same
typer command, with the same arguments, in one warm process: the scorer, its reading of the output
files and its figures are untouched (tests/test_extract_heldout.py checks the figures equal the CLI
call's on the dev corpus).
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import sys
import types
from pathlib import Path

SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"


def run_cli(args: list[str], capture_output: bool = True, text: bool = True,
            timeout: float | None = None) -> types.SimpleNamespace:
    """What ``subprocess.run`` returns for ``kgraph ARGS…`` (the scorer's command), run in-process."""
    from kgraph.cli import app

    args = args[args.index("build"):]  # drop the template's program part ("kgraph", "python -m kgraph")
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            returned = app(args, prog_name="kgraph", standalone_mode=False)
            code = returned if isinstance(returned, int) else 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        except Exception as exc:  # what the CLI would print before exiting 1
            print(f"kgraph: {type(exc).__name__}: {exc}", file=sys.stderr)
            code = 1
    return types.SimpleNamespace(returncode=code, stdout=out.getvalue(), stderr=err.getvalue())


def load_scorer(path: Path = SCORER) -> types.ModuleType:
    """The shared scorer as a module whose subprocess calls run the kgraph CLI in-process."""
    spec = importlib.util.spec_from_file_location("kgraph_shared_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{path}: the shared scorer is not there")
    scorer = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = scorer  # its dataclasses look their module up there
    spec.loader.exec_module(scorer)
    scorer.subprocess = types.SimpleNamespace(run=run_cli)
    return scorer


def main() -> int:
    return load_scorer().main()


if __name__ == "__main__":
    sys.exit(main())
