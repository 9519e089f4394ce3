"""Read and check the source manifest (``data/sources.yaml``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import SourceError
from .plausibility import CHECKS

REQUIRED_FIELDS = ("id", "organisation", "organisation_id", "year", "title", "file", "license")
OPTIONAL_FIELDS = ("subtitle", "url", "accept", "text_from")
SUPPORTED_SUFFIXES = (".pdf", ".txt")


@dataclass(frozen=True)
class Source:
    """One report as the manifest describes it."""

    id: str
    organisation: str
    organisation_id: str
    year: int
    title: str
    subtitle: str | None
    file: str
    url: str | None
    license: str
    path: Path
    text_from: str | None = None  # how a text export was made ("OCR: Tesseract 5.3.0 ..."), when known
    # Plausibility checks a maintainer reviewed and accepted for this report: check name -> reason.
    accept: dict[str, str] = field(default_factory=dict, hash=False)

    @property
    def format(self) -> str:
        return "pdf" if self.path.suffix.lower() == ".pdf" else "text"


def load_yaml(path: Path) -> object:
    """Parse a YAML file, turning every failure into a SourceError naming it."""
    if not path.is_file():
        raise SourceError(path, "file not found")
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise SourceError(path, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except yaml.YAMLError as exc:
        raise SourceError(path, f"invalid YAML: {exc}") from exc


def load_manifest(manifest_path: Path, sources_dir: Path) -> list[Source]:
    """Return the manifest's reports sorted by id, or raise on the first problem.

    Checks every required field, the id format ``<organisation_id>-<year>``
    (so an organisation has one report a year), one name per organisation id,
    and that each file exists.
    """
    data = load_yaml(manifest_path)
    if not isinstance(data, dict) or not isinstance(data.get("reports"), list):
        raise SourceError(manifest_path, "expected a mapping with a list under 'reports'")
    sources: list[Source] = []
    seen_ids: set[str] = set()
    names: dict[str, str] = {}
    for index, entry in enumerate(data["reports"], start=1):
        where = f"report #{index}"
        if not isinstance(entry, dict):
            raise SourceError(manifest_path, f"{where} is not a mapping")
        missing = [f for f in REQUIRED_FIELDS if entry.get(f) in (None, "")]
        if missing:
            raise SourceError(manifest_path, f"{where} ({entry.get('id', 'no id')}) misses field(s): {', '.join(missing)}")
        unknown = sorted(set(entry) - set(REQUIRED_FIELDS) - set(OPTIONAL_FIELDS))
        if unknown:
            raise SourceError(manifest_path, f"{where} ({entry['id']}) has unknown field(s): {', '.join(unknown)}")
        if not isinstance(entry["year"], int):
            raise SourceError(manifest_path, f"{where} ({entry['id']}): year must be a whole number")
        expected_id = f"{entry['organisation_id']}-{entry['year']}"
        if entry["id"] != expected_id or not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", entry["id"]):
            raise SourceError(manifest_path, f"{where}: id {entry['id']!r} should be {expected_id!r}")
        if entry["id"] in seen_ids:
            raise SourceError(manifest_path, f"duplicate id {entry['id']!r}: one report per organisation and year")
        named = names.setdefault(entry["organisation_id"], entry["organisation"])
        if named != entry["organisation"]:
            raise SourceError(
                manifest_path, f"{where}: organisation_id {entry['organisation_id']!r} is called {named!r} elsewhere, not {entry['organisation']!r}"
            )
        seen_ids.add(entry["id"])
        accept = entry.get("accept") or {}
        if not isinstance(accept, dict) or any(name not in CHECKS or not isinstance(why, str) or not why.strip() for name, why in accept.items()):
            raise SourceError(manifest_path, f"{where} ({entry['id']}): accept must map check names ({', '.join(CHECKS)}) to the reason they were accepted")
        path = sources_dir / entry["file"]
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            raise SourceError(path, f"unsupported file type {path.suffix!r} (use .pdf or .txt)")
        if not path.is_file():
            raise SourceError(path, f"file not found (listed for {entry['id']} in {manifest_path})")
        sources.append(
            Source(
                id=entry["id"],
                organisation=entry["organisation"],
                organisation_id=entry["organisation_id"],
                year=entry["year"],
                title=entry["title"],
                subtitle=entry.get("subtitle"),
                file=entry["file"],
                url=entry.get("url"),
                license=entry["license"],
                path=path,
                accept=dict(accept),
                text_from=entry.get("text_from"),
            )
        )
    return sorted(sources, key=lambda s: s.id)
