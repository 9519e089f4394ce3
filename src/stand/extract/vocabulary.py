"""The hand-kept inputs beside the sources: theme names, glossary, OCR corrections."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from jsonschema import Draft202012Validator

from ..errors import SourceError
from .manifest import load_yaml
from .repair import Correction
from .wordlist import wordlist_path

PACKAGE = Path(__file__).resolve().parents[1]
CURATION_SCHEMA = json.loads((Path(__file__).parent / "curation.schema.json").read_text(encoding="utf-8"))
# The code whose change invalidates cached extractions: extraction, derivation and what they share.
CODE = ("extract/*.py", "extract/*.json", "derive/*.py", "model.py", "errors.py")


@dataclass
class Vocabulary:
    themes: list[dict]
    topics: list[dict]
    corrections: list[Correction]
    digest: str
    curation: dict  # data/curation.yaml, checked for shape; applied by the derive room


def load_vocabulary(data: Path) -> Vocabulary:
    """Themes, topics and corrections, checked for the fields the pipeline needs."""
    files = [data / "vocabulary" / "themes.yaml", data / "vocabulary" / "topics.yaml", data / "corrections.yaml"]
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
    curation = load_curation(data / "curation.yaml")
    code = sorted(path for pattern in CODE for path in PACKAGE.glob(pattern))
    digest = hashlib.sha256()
    for path in files + [data / "curation.yaml"] + code + [wordlist_path()]:
        digest.update(path.read_bytes() if path.is_file() else b"")
    return Vocabulary(
        themes=themes_doc["themes"],
        topics=topics_doc["topics"],
        corrections=[Correction(**entry) for entry in corrections_doc["corrections"]],
        digest=digest.hexdigest(),
        curation=curation,
    )


def load_curation(path: Path) -> dict:
    """data/curation.yaml with every list present; each entry must give its reason."""
    doc = load_yaml(path) if path.is_file() else {}
    problems = [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(root)'}: {error.message}"
        for error in Draft202012Validator(CURATION_SCHEMA).iter_errors(doc or {})
    ]
    if problems:
        raise SourceError(path, *problems)
    doc = doc or {}
    calls = doc.get("calls") or {}
    return {
        "calls": {key: calls.get(key) or [] for key in ("add", "remove", "addressees")},
        "figures": {"remove": (doc.get("figures") or {}).get("remove") or []},
        "examples": {"themes": (doc.get("examples") or {}).get("themes") or []},
        "stories": doc.get("stories") or [],
    }
