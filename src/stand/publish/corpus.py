"""The read model: the reviewed data in ``data/``, loaded once, with the lookups every page needs.

The site and the dataset are both built from one :class:`Corpus`, so they
cannot disagree about a record or its link.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..io import read_data, refuse_mid_update
from ..model import local_anchor
from .urls import report_path


@dataclass
class Corpus:
    """Reports, themes and topics from ``data/``, in a fixed order so output is stable."""

    reports: list[dict]
    themes: list[dict]
    topics: list[dict]
    moved: list[dict] = field(default_factory=list)  # data/permalinks/moved.yaml: published URLs that moved
    stories: list[dict] = field(default_factory=list)  # data/stories.yaml: examples that continue earlier ones

    @classmethod
    def load(cls, data_dir: Path) -> Corpus:
        """Read data/ once, refusing a data/ left mid-update."""
        refuse_mid_update(data_dir)
        reports = sorted(
            (read_data(p) for p in (data_dir / "reports").glob("*.yaml")), key=lambda r: (r["year"], r["id"])
        )
        moved, stories = data_dir / "permalinks" / "moved.yaml", data_dir / "stories.yaml"
        return cls(
            reports=reports,
            themes=read_data(data_dir / "themes.yaml")["themes"],
            topics=read_data(data_dir / "topics.yaml")["topics"],
            moved=read_data(moved)["moved"] if moved.is_file() else [],
            stories=read_data(stories)["stories"] if stories.is_file() else [],
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
    def report_of_section(self) -> dict[str, dict]:
        return {s["id"]: r for r in self.reports for s in r["sections"]}

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
    def example_by_id(self) -> dict[str, dict]:
        return {e["id"]: e for e in self.examples}

    def continues(self, example_id: str) -> list[dict]:
        """The earlier examples this one continues."""
        return [self.example_by_id[s["continues"]] for s in self.stories if s["example"] == example_id]

    def continued_in(self, example_id: str) -> list[dict]:
        """The later examples that continue this one."""
        return [self.example_by_id[s["example"]] for s in self.stories if s["continues"] == example_id]

    @cached_property
    def years(self) -> list[int]:
        return sorted({r["year"] for r in self.reports})

    def paragraph_path(self, paragraph_id: str) -> str:
        """Site path of a paragraph: its report page plus the paragraph's anchor."""
        report = self.report_of_paragraph[paragraph_id]
        return f"{report_path(report)}#{self.paragraph_by_id[paragraph_id]['anchor']}"

    def section_anchor(self, section_id: str) -> str:
        """Anchor of a section heading on its report page: the id without the report prefix."""
        return local_anchor(self.report_of_section[section_id]["id"], section_id)

    def section_path(self, section_id: str) -> str:
        return f"{report_path(self.report_of_section[section_id])}#{self.section_anchor(section_id)}"
