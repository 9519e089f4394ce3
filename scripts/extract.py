#!/usr/bin/env python3
"""Extract the reports in data/sources.yaml into data/reports/, data/themes.yaml and data/topics.yaml.

Usage:
    python scripts/extract.py            # extract what changed, write data/
    python scripts/extract.py --force    # ignore the cache, read every source again
    python scripts/extract.py --check    # exit 1 if data/ differs from a fresh extraction

Bad input stops with one line naming the file and the problem, exit code 2,
and leaves data/ as it was.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stand.errors import SourceError  # noqa: E402
from stand.pipeline import Paths, run  # noqa: E402


def shorten(path: str, root: Path) -> str:
    """A path relative to the project root where it lies inside it, so messages stay readable."""
    try:
        return str(Path(path).resolve().relative_to(root.resolve()))
    except ValueError:
        return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent, help="project root (default: this checkout)")
    parser.add_argument("--force", action="store_true", help="re-read every source, ignoring the cache")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if data/ is not up to date")
    args = parser.parse_args(argv)
    try:
        changed, warnings = run(Paths(args.root), force=args.force, check=args.check)
    except SourceError as error:
        print(f"error: {shorten(error.path, args.root)}: {error.problem}", file=sys.stderr)
        return 2
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    root = args.root.resolve()
    for path in changed:
        print(f"{'stale' if args.check else 'wrote'}: {path.resolve().relative_to(root)}")
    if args.check and changed:
        print("data/ is not what the sources give: run `make data` and commit the result", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
