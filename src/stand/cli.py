"""The ``stand`` command: turn the reports into data, the dataset and the website.

Examples (run from the project folder)::

    stand extract            # read data/sources/ into data/ (only what changed)
    stand extract --check    # exit 1 if data/ is not what the sources give
    stand ocr data/sources/x.pdf   # a scanned PDF -> data/sources/x.txt, read with Tesseract
    stand dataset            # the dataset alone (JSON, CSV, SQLite, Parquet, xlsx, Data Package, DCAT) into build/data/
    stand site               # the website into site/ (a preview if the data is not released)
    stand serve              # the website on http://127.0.0.1:8000/
    stand review             # what a maintainer must still look at, per report (exit 1 while anything is open)
    stand release            # the website as published: needs SITE_URL, a released version, nothing to review

Bad input stops with one line per problem naming the file, exit code 2,
and leaves data/ as it was.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from . import io
from .errors import SourceError, clipped
from .extract.ocr import ocr_pdf
from .extract.review import open_lines
from .publish.corpus import Corpus
from .publish.dataset import DatasetError, build_files, write_dataset
from .publish.publication import address, load_publication, publication_warnings
from .publish.urls import site_base
from .publish.versions import Version, VersionError, data_digest, dataset_version
from .run import run

PREVIEW_URL = "http://127.0.0.1:8000/"
# The last line of a traceback of a failed write, as Python prints it: what failed, and on which file.
WRITE_ERROR = re.compile(r"^\w*(?:Error|Exception): \[Errno \d+\] (?P<problem>[^:]+?)(?:: '(?P<path>[^']*)')?$", re.M)


class Warnings(logging.Handler):
    """What :mod:`stand.io` logs (text cleaned at the door, line endings) as ``warning:`` lines on the current
    standard error."""

    def emit(self, record: logging.LogRecord) -> None:
        print(f"warning: {clipped(record.getMessage())}", file=sys.stderr)


def shorten(path: str, root: Path) -> str:
    """A path relative to the project root where it lies inside it (links not followed), so messages stay readable."""
    absolute, base = Path(os.path.abspath(path)), Path(os.path.abspath(root))
    return str(absolute.relative_to(base)) if absolute.is_relative_to(base) else path


def fail(message: str) -> int:
    print(f"error: {clipped(message)}", file=sys.stderr)
    return 2


def fail_each(error: SourceError, root: Path) -> int:
    """One ``error:`` line per problem of bad input, each naming its file."""
    for problem in error.problems:
        fail(f"{shorten(error.path, root)}: {problem}")
    return 2


def extract(args: argparse.Namespace) -> int:
    try:
        changed, warnings = run(args.root, force=args.force, check=args.check)
    except SourceError as error:
        return fail_each(error, args.root)
    except OSError as error:
        return fail(f"{shorten(error.filename or str(args.root / 'data'), args.root)}: {error.strerror or error}")
    for warning in warnings:
        print(f"warning: {clipped(warning)}", file=sys.stderr)
    root = args.root.resolve()
    for path in changed:
        done = "stale" if args.check else "wrote" if path.exists() else "deleted"
        print(f"{done}: {path.resolve().relative_to(root)}")
    if args.check and changed:
        print("data/ is not what the sources give: run `make data` and commit the result", file=sys.stderr)
        return 1
    return 0


def ocr(args: argparse.Namespace) -> int:
    """Read a scanned PDF with Tesseract into a text export beside it."""
    target = args.out or args.pdf.with_suffix(".txt")
    try:
        provenance = ocr_pdf(args.pdf, target)
    except SourceError as error:
        return fail(f"{error.path}: {error.problem}")
    print(f"wrote: {target}")
    print(f"In data/sources.yaml, list {target.name} as the report's file and add:\n  text_from: {provenance}")
    return 0


def current_version(root: Path) -> Version:
    return dataset_version(root / "CHANGELOG.md", data_digest(root / "data"))


def warn_if_preview(version: Version) -> None:
    if not version.released:
        print(
            f"warning: preview of unreleased data ({version.number}): no version in CHANGELOG.md names the data digest "
            f"`{version.digest}`; list the changes under '## Nog niet uitgebracht' (`make release` refuses a preview)",
            file=sys.stderr,
        )


def dataset(args: argparse.Namespace) -> int:
    try:
        corpus = Corpus.load(args.root / "data")
        version = current_version(args.root)
        files = build_files(
            args.root, site_base(address(load_publication(args.root / "data")) or PREVIEW_URL), corpus, version
        )
    except (DatasetError, VersionError, SourceError) as error:
        return fail(str(error))
    except OSError as error:
        return fail(f"{shorten(error.filename or '', args.root)}: {error.strerror}")
    warn_if_preview(version)
    target = args.root / args.out
    try:
        for staging in target.parent.glob(f".{target.name}.*"):  # left by a killed build: never finished, never read
            shutil.rmtree(staging) if staging.is_dir() and not staging.is_symlink() else staging.unlink()
        write_dataset(files, target)
    except OSError as error:
        return fail(f"{shorten(error.filename or str(target), args.root)}: cannot write: {error.strerror or error}")
    print(f"wrote: {len(files)} files in {args.out}/ (version {version.number})")
    return 0


def mkdocs(root: Path, *command: str) -> int:
    return subprocess.call([sys.executable, "-m", "mkdocs", *command, "-f", str(root / "mkdocs.yml")], cwd=root)


def build_site(root: Path) -> int:
    """A strict, quiet MkDocs build into site/; a write that fails (a full disk, an immutable folder) is one line
    and exit 2, as bad input is, instead of MkDocs's traceback."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(root / "mkdocs.yml")]
    result = subprocess.run(command, cwd=root, stderr=subprocess.PIPE, text=True, check=False)
    failed = WRITE_ERROR.findall(result.stderr) if result.returncode else []
    if failed:
        problem, path = failed[-1]
        return fail(f"{shorten(path, root) if path else 'site/'}: cannot write: {problem}")
    sys.stderr.write(result.stderr)
    return result.returncode


def checked_publication(root: Path) -> int:
    """0 when data/publication.yaml is sound, else 2 after one line per problem (before MkDocs turns it into a
    traceback)."""
    try:
        address(load_publication(root / "data"))
    except SourceError as error:
        return fail_each(error, root)
    return 0


def site(args: argparse.Namespace) -> int:
    try:
        warn_if_preview(current_version(args.root))
    except VersionError as error:
        return fail(str(error))
    return checked_publication(args.root) or build_site(args.root)


def serve(args: argparse.Namespace) -> int:
    return mkdocs(args.root, "serve", "--dev-addr", args.address)


def open_review_lines(root: Path) -> list[str]:
    """Every open review item of every report in data/ and of the story links across them, one line each."""
    data = root / "data"
    io.refuse_mid_update(data)
    reports = [io.read_data(path) for path in sorted((data / "reports").glob("*.yaml"))]
    stories = io.read_data(data / "stories.yaml") if (data / "stories.yaml").is_file() else {}
    return open_lines(reports, stories)


def review(args: argparse.Namespace) -> int:
    """List what a maintainer must still look at, per report; exit 1 while anything is open. The manifest and the
    hand-kept files are read first: items of data/ that the sources no longer give would mislead."""
    try:
        stale, _ = run(args.root, check=True)
        lines = open_review_lines(args.root)
    except SourceError as error:
        return fail_each(error, args.root)
    if stale:
        names = ", ".join(str(path.resolve().relative_to(args.root.resolve())) for path in stale)
        return fail(f"data/ is not what the sources give ({names}): run `make data` first, then review")
    for text in lines:
        print(clipped(text))
    if lines:
        print(
            f"{len(lines)} open review item(s): resolve each as it says, or accept its kind for the report "
            "in data/sources.yaml (accept: {<kind>: <reason>}); `make release` refuses until none is open",
            file=sys.stderr,
        )
        return 1
    print("nothing to review")
    return 0


def release(args: argparse.Namespace) -> int:
    """Build the site for publication, refusing a missing address or unreleased data."""
    problems = []
    if not os.environ.get("SITE_URL"):
        problems.append("SITE_URL is not set: a release needs the address the site is published at")
    try:
        version = current_version(args.root)
    except VersionError as error:
        return fail(str(error))
    if not version.released:
        problems.append(
            f"CHANGELOG.md: no version names the data digest `{version.digest}`; "
            f"add a version heading ('## x.y.z') whose entry says 'Data digest: `{version.digest}`'"
        )
    try:
        problems += [f"not reviewed: {text}" for text in open_review_lines(args.root)]
    except SourceError as error:
        problems.append(str(error))
    try:
        for warning in publication_warnings(load_publication(args.root / "data")):
            print(f"warning: {clipped(warning)}", file=sys.stderr)
    except SourceError:
        pass  # checked_publication names every problem
    if problems:
        for problem in problems:
            fail(problem)
        return 2
    return checked_publication(args.root) or build_site(args.root)


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(
        prog="stand",
        description="Stand van de uitvoering as open data: reports in, data, dataset and website out.",
        epilog="Bad input stops with one line per problem naming the file, exit code 2, and leaves data/ as it was.",
    )
    main_parser.add_argument(
        "--root", type=Path, default=Path.cwd(), help="project folder (default: the current folder)"
    )
    commands = main_parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    step = commands.add_parser("extract", help="read the reports in data/sources/ into data/")
    step.add_argument("--force", action="store_true", help="re-read every source, ignoring the cache")
    step.add_argument("--check", action="store_true", help="write nothing; exit 1 if data/ is not up to date")
    step.set_defaults(action=extract)
    step = commands.add_parser(
        "dataset", help="build the dataset (JSON, CSV, SQLite, Parquet, xlsx, Data Package, DCAT) into build/data/"
    )
    step.add_argument("--out", default="build/data", help="folder under the project root (default: build/data)")
    step.set_defaults(action=dataset)
    step = commands.add_parser("ocr", help="read a scanned PDF (no text layer) with Tesseract into a text export")
    step.add_argument("pdf", type=Path, help="the scanned PDF, e.g. data/sources/logius-2024.pdf")
    step.add_argument("--out", type=Path, help="the text export to write (default: the PDF's name with .txt)")
    step.set_defaults(action=ocr)
    commands.add_parser("site", help="build the website into site/").set_defaults(action=site)
    step = commands.add_parser("serve", help="serve the website while you edit")
    step.add_argument("--address", default="127.0.0.1:8000", help="host:port (default: 127.0.0.1:8000)")
    step.set_defaults(action=serve)
    step = commands.add_parser(
        "review", help="list what the extractor was unsure of and a maintainer must still resolve"
    )
    step.set_defaults(action=review)
    commands.add_parser(
        "release", help="build the website for publication (needs SITE_URL and a released version)"
    ).set_defaults(action=release)
    return main_parser


def main(argv: list[str] | None = None) -> int:
    log = logging.getLogger("stand")
    if not any(isinstance(handler, Warnings) for handler in log.handlers):
        log.addHandler(Warnings())
    args = parser().parse_args(argv)
    return args.action(args)


if __name__ == "__main__":
    sys.exit(main())
