#!/usr/bin/env python3
"""Measure speed and size: extraction (text and PDF path), site build, search index, dataset.

Usage:
    python scripts/benchmark.py              # the real reports
    python scripts/benchmark.py --scale 20   # also: 20 organisations x the real reports

Prints figures, asserts nothing: compare runs by hand or in review. The
scale run copies every report under made-up organisation ids, to show how
build time and the search index grow with the number of reports.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

from stand.extract.manifest import load_manifest
from stand.extract.pipeline import Paths
from stand.extract.read_pdf import read_pdf
from stand.extract.report import extract_report
from stand.extract.vocabulary import load_vocabulary
from stand.publish.versions import data_digest

ROOT = Path(__file__).resolve().parent.parent


def test_helper(name: str) -> ModuleType:
    """A module of the test suite (tests/ is no package), loaded from its file."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "tests" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def timed(action) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def kib(n: int) -> str:
    return f"{n / 1024:,.1f} KiB"


def build_site(project: Path, site: Path) -> float:
    seconds, result = timed(
        lambda: subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
            cwd=project,
            capture_output=True,
            text=True,
            env={**os.environ, "SITE_URL": "http://127.0.0.1:8000/"},
        )
    )
    if result.returncode != 0:
        raise SystemExit(result.stderr)
    return seconds


def site_figures(site: Path, seconds: float, label: str) -> None:
    pages = list(site.rglob("*.html"))
    index = (site / "search/search_index.json").read_bytes()
    data = sum(p.stat().st_size for p in (site / "data").rglob("*") if p.is_file())
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    print(f"{label}: {len(pages)} pages built in {seconds:.2f} s ({len(pages) / seconds:.1f} pages/s)")
    print(f"{label}: search index {kib(len(index))} ({kib(len(gzip.compress(index)))} gzipped), dataset {kib(data)}, whole site {kib(total)}")
    largest = max(pages, key=lambda p: p.stat().st_size)
    print(f"{label}: largest page {largest.relative_to(site)} {kib(largest.stat().st_size)}")


def scaled_project(copies: int, target: Path) -> Path:
    """The project with every report repeated under ``copies`` made-up organisations."""
    for part in ("docs", "schema", "overrides", "mkdocs.yml", "CHANGELOG.md"):
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / part)
    shutil.copytree(ROOT / "data", target / "data")
    reports = target / "data/reports"
    originals = sorted(reports.glob("*.yaml"))
    for n in range(2, copies + 1):
        for path in originals:
            text = path.read_text(encoding="utf-8")
            organisation_id = f"org{n:03d}"
            text = text.replace("logius-20", f"{organisation_id}-20").replace("organisation_id: logius", f"organisation_id: {organisation_id}")
            (reports / path.name.replace("logius", organisation_id)).write_text(text, encoding="utf-8")
    changelog = target / "CHANGELOG.md"
    changelog.write_text(re.sub(r"`[0-9a-f]{12}`", f"`{data_digest(target / 'data')}`", changelog.read_text(encoding="utf-8")), encoding="utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=0, help="also build with this many organisations")
    args = parser.parse_args()
    paths = Paths(ROOT)
    vocabulary = load_vocabulary(paths.data)
    sources = load_manifest(paths.manifest, paths.sources)
    typeset_report = test_helper("pdf_factory").typeset_report

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        for source in sources:
            seconds, report = timed(lambda source=source: extract_report(source, vocabulary))
            print(f"extract {source.id} (text): {seconds:.2f} s, {report['source']['pages']} pages, {len(report['repairs'])} repairs")
            pdf = typeset_report(source.path, ROOT / "data/vocabulary/themes.yaml", tmp_path / f"{source.id}.pdf", source.title)
            seconds, blocks = timed(lambda pdf=pdf: read_pdf(pdf))
            print(f"read {source.id} (PDF, pdfplumber): {seconds:.2f} s, {blocks.pages / seconds:.1f} pages/s")
        seconds = build_site(ROOT, tmp_path / "site")
        site_figures(tmp_path / "site", seconds, "site")
        if args.scale:
            project = scaled_project(args.scale, tmp_path / "scaled")
            seconds = build_site(project, tmp_path / "scaled-site")
            site_figures(tmp_path / "scaled-site", seconds, f"site x{args.scale} organisations")


if __name__ == "__main__":
    main()
