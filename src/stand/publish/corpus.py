"""The read model: the reviewed data in ``data/``, loaded once, with the lookups every page needs.

The site and the dataset are both built from one :class:`Corpus`, so they
cannot disagree about a record or its link.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

from ..errors import SourceError
from ..io import refuse_mid_update
from ..model import local_anchor
from .urls import report_path

# libyaml's loader where it is installed: the same data, several times faster than pure Python.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path, cache: ParsedCache | None = None) -> dict:
    """A file of data/, or SourceError naming it: the site and dataset never trace back on damaged data."""
    try:
        raw = path.read_bytes()
        data = cache.get(raw) if cache else None
        if data is None:
            data = yaml.load(raw.decode("utf-8"), Loader=Loader)  # noqa: S506 - a safe loader
            if cache and isinstance(data, dict):
                cache.put(raw, data)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise SourceError(path, f"cannot be read ({type(exc).__name__}); run `make data` to write it again") from exc
    if not isinstance(data, dict):
        raise SourceError(path, "is not a mapping; run `make data` to write it again")
    return data


class ParsedCache:
    """Parsed files of data/ as JSON, keyed by the SHA-256 of their bytes: JSON loads many times faster than YAML.

    The key is the file's content, so an entry can never be stale; an unreadable one is only a miss.
    Entries no load used are removed by :meth:`prune`, so the folder holds one generation of data/.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[str] = set()

    def entry(self, raw: bytes) -> Path:
        name = hashlib.sha256(raw).hexdigest() + ".json"
        self.used.add(name)
        return self.folder / name

    def get(self, raw: bytes) -> dict | None:
        try:
            data = json.loads(self.entry(raw).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def put(self, raw: bytes, data: dict) -> None:
        """Written beside and renamed into place; a cache that cannot be written only costs time."""
        target = self.entry(raw)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            staging = target.with_name(f".{target.name}.{os.getpid()}")
            staging.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            os.replace(staging, target)
        except (OSError, TypeError, ValueError):
            pass

    def prune(self) -> None:
        for path in self.folder.glob("*.json") if self.folder.is_dir() else []:
            if path.name not in self.used:
                path.unlink(missing_ok=True)


@dataclass
class Corpus:
    """Reports, themes and topics from ``data/``, in a fixed order so output is stable."""

    reports: list[dict]
    themes: list[dict]
    topics: list[dict]
    moved: list[dict] = field(default_factory=list)  # data/permalinks/moved.yaml: published URLs that moved
    stories: list[dict] = field(default_factory=list)  # data/stories.yaml: examples that continue earlier ones

    @classmethod
    def load(cls, data_dir: Path, cache_dir: Path | None = None) -> Corpus:
        """Read data/ once; with ``cache_dir``, files parsed before come from their JSON (:class:`ParsedCache`)."""
        refuse_mid_update(data_dir)
        cache = ParsedCache(cache_dir) if cache_dir else None
        reports = sorted((read_yaml(p, cache) for p in (data_dir / "reports").glob("*.yaml")), key=lambda r: (r["year"], r["id"]))
        moved = data_dir / "permalinks" / "moved.yaml"
        corpus = cls(
            reports=reports,
            themes=read_yaml(data_dir / "themes.yaml", cache)["themes"],
            topics=read_yaml(data_dir / "topics.yaml", cache)["topics"],
            moved=read_yaml(moved, cache)["moved"] if moved.is_file() else [],
            stories=read_yaml(data_dir / "stories.yaml", cache)["stories"] if (data_dir / "stories.yaml").is_file() else [],
        )
        if cache:
            cache.prune()
        return corpus

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
