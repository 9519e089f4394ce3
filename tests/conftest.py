"""Shared fixtures: the committed data (the reviewed record) and fresh extractions."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent


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
    for part in ("data", "scripts"):
        shutil.copytree(ROOT / part, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def paragraph_texts(report: dict, section_id: str) -> list[str]:
    section = next(s for s in report["sections"] if s["id"] == section_id)
    return [p["text"] for p in section["paragraphs"]]


def all_paragraphs(report: dict) -> dict[str, dict]:
    return {p["id"]: p for s in report["sections"] for p in s["paragraphs"]}
