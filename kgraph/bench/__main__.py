"""``python -m kgraph.bench``: the same as ``kgraph bench``."""

import typer

from kgraph.commands.bench import bench_command

if __name__ == "__main__":
    typer.run(bench_command)
