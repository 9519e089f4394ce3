"""The hand-kept inputs beside the sources that extraction reads: headings, theme names, glossary, OCR corrections."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import SourceError
from ..io import StrictValidator, load_yaml
from .headings import PLACEHOLDERS
from .repair import Correction

FILES = ("vocabulary/themes.yaml", "vocabulary/topics.yaml", "corrections.yaml", "vocabulary/headings.yaml")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # a theme's or topic's id: a path of the site (themas/<id>/)
HEADINGS_SCHEMA = json.loads((Path(__file__).parent / "headings.schema.json").read_text(encoding="utf-8"))


@dataclass
class Vocabulary:
    themes: list[dict]
    topics: list[dict]
    corrections: list[Correction]
    headings: dict  # data/vocabulary/headings.yaml: the genre's phrases per kind, and each organisation's own


def phrase_problems(headings: dict) -> list[str]:
    """A phrase's placeholders must be known ones, each at most once: a typo would silently match nothing, a
    repeat could not be read.

    >>> phrase_problems({"genre": {"example": ["Voorbeeld: {title} {title}"]}, "organisations": {}})
    ["genre/example: 'Voorbeeld: {title} {title}' names {title} twice"]
    """
    problems = []
    groups = [("genre", headings.get("genre") or {})] + [
        (f"organisations/{org}", kinds or {}) for org, kinds in (headings.get("organisations") or {}).items()
    ]
    for where, kinds in groups:
        for kind, phrases in kinds.items():
            for phrase in phrases or []:
                for name in sorted(set(re.findall(r"\{[^{}]*\}", phrase))):
                    if name not in PLACEHOLDERS:
                        known = ", ".join(PLACEHOLDERS)
                        problems.append(f"{where}/{kind}: {phrase!r} names {name}, which is none of {known}")
                    elif phrase.count(name) > 1:
                        problems.append(f"{where}/{kind}: {phrase!r} names {name} twice")
    return problems


def load_vocabulary(data: Path) -> Vocabulary:
    """Themes, topics and corrections, checked for the fields the pipeline needs."""
    files = [data / name for name in FILES]
    themes_doc, topics_doc, corrections_doc, headings = (load_yaml(f) for f in files)
    problems = [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(root)'}: {error.message}"
        for error in StrictValidator(HEADINGS_SCHEMA).iter_errors(headings)
    ]
    problems += phrase_problems(headings)
    if problems:
        raise SourceError(files[3], *problems)
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
            if "id" in fields and not (isinstance(entry["id"], str) and SLUG.fullmatch(entry["id"])):
                raise SourceError(
                    path,
                    f"id {entry['id']!r} must be lower-case letters, digits and hyphens (it is part of a web address)",
                )
    return Vocabulary(
        themes=themes_doc["themes"],
        topics=topics_doc["topics"],
        corrections=[Correction(**entry) for entry in corrections_doc["corrections"]],
        headings=headings,
    )
