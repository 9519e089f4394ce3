"""The extracted data loaded once, with lookups and the site's URL scheme.

Both the site and the dataset are built from this, so a record's link in
the dataset is the page the site really has. URLs are Dutch, stable, and
include the organisation wherever two organisations could collide.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

from .ids import local_anchor


def report_path(report: dict) -> str:
    return f"{report['organisation_id']}/{report['year']}/"


def theme_path(theme_id: str) -> str:
    return f"themas/{theme_id}/"


def example_path(example_id: str) -> str:
    return f"voorbeelden/{example_id}/"


def topic_path(topic_id: str) -> str:
    return f"onderwerpen/{topic_id}/"


def year_path(year: int) -> str:
    return f"{year}/"


@dataclass
class Catalog:
    """Reports, themes and topics from ``data/``, sorted by id so output is stable."""

    reports: list[dict]
    themes: list[dict]
    topics: list[dict]

    @classmethod
    def load(cls, data_dir: Path) -> Catalog:
        def read(path: Path) -> dict:
            return yaml.safe_load(path.read_text(encoding="utf-8"))

        reports = sorted((read(p) for p in (data_dir / "reports").glob("*.yaml")), key=lambda r: (r["year"], r["id"]))
        return cls(
            reports=reports,
            themes=read(data_dir / "themes.yaml")["themes"],
            topics=read(data_dir / "topics.yaml")["topics"],
        )

    @cached_property
    def report_by_id(self) -> dict[str, dict]:
        return {r["id"]: r for r in self.reports}

    @cached_property
    def theme_by_id(self) -> dict[str, dict]:
        return {t["id"]: t for t in self.themes}

    @cached_property
    def topic_by_id(self) -> dict[str, dict]:
        return {t["id"]: t for t in self.topics}

    @cached_property
    def paragraph_by_id(self) -> dict[str, dict]:
        return {p["id"]: p for r in self.reports for s in r["sections"] for p in s["paragraphs"]}

    @cached_property
    def section_by_id(self) -> dict[str, dict]:
        return {s["id"]: s for r in self.reports for s in r["sections"]}

    @cached_property
    def report_of_paragraph(self) -> dict[str, dict]:
        return {p["id"]: r for r in self.reports for s in r["sections"] for p in s["paragraphs"]}

    @cached_property
    def examples(self) -> list[dict]:
        return [e for r in self.reports for e in r["examples"]]

    @cached_property
    def calls(self) -> list[dict]:
        return [c for r in self.reports for c in r["calls"]]

    @cached_property
    def figures(self) -> list[dict]:
        return [f for r in self.reports for f in r["figures"]]

    @cached_property
    def years(self) -> list[int]:
        return sorted({r["year"] for r in self.reports})

    def paragraph_path(self, paragraph_id: str) -> str:
        """Site path of a paragraph: its report page plus the paragraph's anchor."""
        report = self.report_of_paragraph[paragraph_id]
        return f"{report_path(report)}#{self.paragraph_by_id[paragraph_id]['anchor']}"

    @cached_property
    def report_of_section(self) -> dict[str, dict]:
        return {s["id"]: r for r in self.reports for s in r["sections"]}

    def section_anchor(self, section_id: str) -> str:
        """Anchor of a section heading on its report page: the id without the report prefix."""
        return local_anchor(self.report_of_section[section_id]["id"], section_id)

    def section_path(self, section_id: str) -> str:
        return f"{report_path(self.report_of_section[section_id])}#{self.section_anchor(section_id)}"
