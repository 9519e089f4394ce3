"""Shared fixtures: the committed data (the reviewed record) and fresh extractions."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml

from stand.cli import main

ROOT = Path(__file__).resolve().parent.parent
PATIENCE = 120  # seconds a test waits for a condition: generous, so a loaded machine only makes it slower


def polls(seconds: float = PATIENCE) -> Iterator[int]:
    """Rounds of a wait on a condition, until it holds (the caller breaks or returns) or ``seconds`` have passed:
    never a fixed sleep, so a test passes on a busy machine too. The caller pauses briefly between rounds."""
    deadline, count = time.monotonic() + seconds, 0
    while time.monotonic() < deadline:
        yield count
        count += 1


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def report_2022() -> dict:
    return load(ROOT / "data" / "reports" / "logius-2022.yaml")


@pytest.fixture(scope="session")
def report_2023() -> dict:
    return load(ROOT / "data" / "reports" / "logius-2023.yaml")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A throw-away copy of the project's inputs and data, for tests that write."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path


def extract(project: Path, *options: str) -> int:
    """`stand extract` on a project folder, as the CLI runs it."""
    return main(["--root", str(project), "extract", *options])


def paragraph_texts(report: dict, section_id: str) -> list[str]:
    section = next(s for s in report["sections"] if s["id"] == section_id)
    return [p["text"] for p in section["paragraphs"]]


def all_paragraphs(report: dict) -> dict[str, dict]:
    return {p["id"]: p for s in report["sections"] for p in s["paragraphs"]}


SITE_INPUTS = ("data", "docs", "schema", "overrides", "releases", "mkdocs.yml", "CHANGELOG.md", "CITATION.cff")


def copy_site_project(target: Path) -> Path:
    """Everything `mkdocs build` reads, copied so a test may change it."""
    for part in SITE_INPUTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


def dataset_project(folder: Path) -> Path:
    """What the dataset is built from (data/, schema/, CHANGELOG.md), copied so a test may change it."""
    for part in ("data", "schema"):
        shutil.copytree(ROOT / part, folder / part)
    shutil.copy2(ROOT / "CHANGELOG.md", folder / "CHANGELOG.md")
    return folder


def with_report_changed(project: Path, report_id: str, change: Callable[[dict], None]) -> Path:
    report_file = project / "data" / "reports" / f"{report_id}.yaml"
    report = yaml.safe_load(report_file.read_text(encoding="utf-8"))
    change(report)
    report_file.write_text(yaml.safe_dump(report, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return project


def build_site(
    project: Path, site_dir: Path, site_url: str = "http://127.0.0.1:8000/", options: tuple[str, ...] = ()
) -> subprocess.CompletedProcess:
    """A real, strict `mkdocs build` of ``project`` into ``site_dir``, with more command-line ``options`` if given."""
    env = {**os.environ, "SITE_URL": site_url}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--quiet",
            "-f",
            str(project / "mkdocs.yml"),
            "-d",
            str(site_dir),
            *options,
        ],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site built once from this checkout, as `make site` builds it."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """A folder over HTTP on a free local port, as a browser opens a built site."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:  # keep the test output readable
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(directory)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="module")
def server(site):
    """The site built once from this checkout, over HTTP."""
    with serve(site) as address:
        yield address
