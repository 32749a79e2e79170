#!/usr/bin/env python3
"""Check rebuilt real-article texts against the project's own gold and lay out a scorer corpus.

    python scripts/check_real.py tests/corpus_real/tune /tmp/kgraph-real2/tune

The gold (GOLD_SET/gold/ID.yaml) is committed; the texts are third-party and never are: they are
rebuilt into CORPUS/docs/ID.txt from each gold's `url`, `query` and `rebuild` line. This names
every text that is missing or differs from the annotated one (`text_sha256`), checks that each
`span` lies inside its text, links CORPUS/gold to the gold folder, and exits 1 when anything is
missing or differs. Then: python ../shared/eval/score.py --corpus CORPUS -v
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import yaml


def spans_of(node: object) -> list[list[int]]:
    """Every `span: [start, end]` anywhere in a gold document."""
    if isinstance(node, dict):
        found = [node["span"]] if isinstance(node.get("span"), list) else []
        return found + [s for value in node.values() for s in spans_of(value)]
    if isinstance(node, list):
        return [s for value in node for s in spans_of(value)]
    return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold_set", type=Path, help="folder holding gold/ (committed)")
    parser.add_argument("corpus", type=Path, help="folder holding docs/ (rebuilt texts)")
    args = parser.parse_args(argv)
    golds = sorted((args.gold_set / "gold").glob("*.yaml"))
    if not golds:
        print(f"{args.gold_set}/gold: no gold files", file=sys.stderr)
        return 2
    bad = 0
    for path in golds:
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        doc = args.corpus / "docs" / f"{gold['id']}.txt"
        if not doc.exists():
            print(f"missing {doc}: find {gold['url']} (query {gold['query']!r})")
            bad += 1
            continue
        data = doc.read_bytes()
        if hashlib.sha256(data).hexdigest() != gold["text_sha256"]:
            print(f"differs {doc}: cut it as its gold says: {str(gold.get('rebuild', '')).strip()[:200]}")
            bad += 1
            continue
        length = len(data.decode("utf-8"))
        for start, end in spans_of(gold):
            if not 0 <= start < end <= length:
                print(f"{path}: span [{start}, {end}] lies outside the text ({length} characters)")
                bad += 1
    link = args.corpus / "gold"
    target = (args.gold_set / "gold").resolve()
    if link.is_symlink() and link.resolve() != target:
        link.unlink()  # a link left to another checkout (dangling once it is gone): point it at this one
    if not link.exists():
        link.symlink_to(target)
    print(f"{len(golds) - bad} of {len(golds)} texts as annotated; corpus at {args.corpus}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
