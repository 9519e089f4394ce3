"""The hand-kept inputs beside the sources that extraction reads: theme names, glossary, OCR corrections."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import SourceError
from ..io import load_yaml
from .repair import Correction

FILES = ("vocabulary/themes.yaml", "vocabulary/topics.yaml", "corrections.yaml")


@dataclass
class Vocabulary:
    themes: list[dict]
    topics: list[dict]
    corrections: list[Correction]


def load_vocabulary(data: Path) -> Vocabulary:
    """Themes, topics and corrections, checked for the fields the pipeline needs."""
    files = [data / name for name in FILES]
    themes_doc, topics_doc, corrections_doc = (load_yaml(f) for f in files)
    for path, doc, key, fields in (
        (files[0], themes_doc, "themes", ("id", "title", "description", "names")),
        (files[1], topics_doc, "topics", ("id", "name", "description", "aliases")),  # part_of is optional
        (files[2], corrections_doc, "corrections", ("find", "replace", "reason")),
    ):
        if not isinstance(doc, dict) or not isinstance(doc.get(key), list):
            raise SourceError(path, f"expected a list under '{key}'")
        for entry in doc[key]:
            missing = [f for f in fields if not isinstance(entry, dict) or entry.get(f) in (None, "")]
            if missing:
                raise SourceError(path, f"entry {entry!r} misses field(s): {', '.join(missing)}")
    return Vocabulary(
        themes=themes_doc["themes"],
        topics=topics_doc["topics"],
        corrections=[Correction(**entry) for entry in corrections_doc["corrections"]],
    )
