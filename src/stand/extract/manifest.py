"""Read and check the source manifest (``data/sources.yaml``): every field is hostile.

The manifest is checked against ``sources.schema.json`` (beside this module)
before anything is read, then for what a schema cannot say: the id is
``<organisation_id>-<year>``, one report per organisation and year, one name
per organisation, and each file lies inside ``data/sources/`` (no ``..``, no
link out of it). Every problem is listed, one line each.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import SourceError
from ..io import StrictValidator, load_yaml, web_address
from ..model import SITE_TOP_LEVEL
from .plausibility import CHECKS
from .review import KINDS

SCHEMA = json.loads((Path(__file__).parent / "sources.schema.json").read_text(encoding="utf-8"))
MAX_PAGES = 400  # a Stand has 10 to 60 pages; more asks for a reviewed max_pages in the manifest
MAX_CHARACTERS = 2_000_000
BYTES_PER_CHARACTER = 4  # UTF-8: a text of n characters has at most 4n bytes (and a byte-order mark)
BYTES_PER_PAGE = 2_000_000  # a PDF page with its images; a bigger file is refused before it is read
ONE_LINE = "must be one line of text (no line break or tab), at most 500 characters"
# What may be accepted: every check and review item, except the item that says an acceptance is no longer needed
# (accepting it would silence itself).
ACCEPTABLE = CHECKS + tuple(kind for kind in KINDS if kind != "accept-unneeded")
# What is wrong with an accepted reason, by the schema rule it breaks.
REASON_RULES = {
    "type": "must be text saying why it was accepted",
    "minLength": "is empty: say why it was accepted",
    "maxLength": "is longer than 500 characters",
    "pattern": "must be one line of text (no line break, tab or control character)",
}
# What a field must be, said once, for the schema's messages on that field.
RULES = {
    "id": "must be <organisation_id>-<year>, e.g. logius-2023",
    "organisation_id": "must be lower-case letters, digits and hyphens, e.g. dienst-toeslagen",
    "year": "must be a whole number from 2000 to 2100",
    "file": "must be a file name (or a relative path) inside data/sources/ ending in .pdf or .txt",
    "url": "must be an http:// or https:// address, or null",
    "organisation": ONE_LINE,
    "title": ONE_LINE,
    "subtitle": ONE_LINE + ", or null",
    "license": ONE_LINE,
    "publisher": ONE_LINE + ", or null",
    "text_from": ONE_LINE + ", or null",
    "pdf_sha256": "must be the 64 lower-case hex digits of a SHA-256, or null",
    "published": 'must be a date in quotes, e.g. "2023-05-01", or null',
    "kamerstuk": "must be a Kamerstuk number (dossier-number), e.g. 26643-1000 or 36200-VII-5, or null",
    "accept": f"must map check or review item names ({', '.join(ACCEPTABLE)}) to the reason they were accepted",
    "max_pages": "must be a whole number of pages",
    "max_characters": "must be a whole number of characters",
}


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
    pdf_sha256: str | None = None  # of the published PDF, when known
    published: str | None = None  # publication date, YYYY-MM-DD, when known
    kamerstuk: str | None = None  # parliamentary document number, when known
    publisher: str | None = None  # who published the report, as citations name it, when known
    # Plausibility checks a maintainer reviewed and accepted for this report: check name -> reason.
    accept: dict[str, str] = field(default_factory=dict, hash=False)
    max_pages: int = MAX_PAGES
    max_characters: int = MAX_CHARACTERS

    @property
    def format(self) -> str:
        return "pdf" if self.path.suffix.lower() == ".pdf" else "text"


def schema_problems(data: object) -> list[str]:
    """The schema's findings, one line each, naming the report and the field."""
    problems = []
    for error in sorted(StrictValidator(SCHEMA).iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]):
        path = list(error.absolute_path)
        if len(path) < 2:
            problems.append(
                shortened(error.message)
                if error.validator != "minItems"
                else "lists no reports: at least one is needed"
            )
            continue
        entry = data["reports"][path[1]]
        where = f"report #{path[1] + 1}" + (
            f" ({shown(entry['id'])})" if isinstance(entry, dict) and isinstance(entry.get("id"), str) else ""
        )
        if len(path) == 2:
            problems.append(f"{where}: {missing_or_unknown(error)}")
        else:
            if path[2] == "accept" and len(path) == 4:
                problems.append(f"{where}: accept: {shown(str(path[3]))}: the reason {REASON_RULES[error.validator]}")
                continue
            text_of_wrong_type = error.validator == "type" and RULES.get(str(path[2]), "").startswith(ONE_LINE)
            rule = None if text_of_wrong_type else RULES.get(str(path[2]))  # a title that is no text is said as such
            problems.append(f"{where}: {path[2]} {rule or 'is not valid: ' + shortened(error.message)}")
    return problems


def shown(value: str) -> str:
    """A value as a message line can show it: a line break or other control character as its escape.

    >>> shown("logius-2023\\n")
    'logius-2023\\\\n'
    """
    return json.dumps(value, ensure_ascii=False)[1:-1][:100]


def shortened(message: str, limit: int = 200) -> str:
    """A schema message that repeats a huge value, cut to a readable line."""
    return message if len(message) <= limit else message[:limit] + "…"


def missing_or_unknown(error: object) -> str:
    if error.validator == "required":
        return f"misses field {error.message.split(' ')[0]}"
    if error.validator == "additionalProperties":
        return f"has unknown field(s): {error.message.split('(')[1].split(' were')[0].split(' was')[0]}"
    return "is not a mapping of fields"


def size_limit(entry: dict, path: Path) -> int:
    """The most bytes a source may have, from its manifest bounds: checked before a byte of it is read."""
    if path.suffix.lower() == ".pdf":
        return BYTES_PER_PAGE * entry.get("max_pages", MAX_PAGES)
    return BYTES_PER_CHARACTER * entry.get("max_characters", MAX_CHARACTERS) + 3


def entry_problems(entries: list[dict], sources_dir: Path) -> list[str]:
    """What the schema cannot say: id, one report a year, one name per organisation, an organisation id the site
    does not use itself, an address that is RFC 3986, files inside sources/ and within their size."""
    problems, seen, names = [], set(), {}
    root = sources_dir.resolve()
    for index, entry in enumerate(entries, start=1):
        where = f"report #{index} ({entry['id']})"
        expected = f"{entry['organisation_id']}-{entry['year']}"
        if entry["id"] != expected:
            problems.append(f"{where}: id should be {expected!r}, from organisation_id and year")
        if entry["id"] in seen:
            problems.append(f"{where}: duplicate id: one report per organisation and year")
        seen.add(entry["id"])
        named = names.setdefault(entry["organisation_id"], entry["organisation"])
        if named != entry["organisation"]:
            problems.append(
                f"{where}: organisation_id {entry['organisation_id']!r} is called {named!r} elsewhere, "
                f"not {entry['organisation']!r}"
            )
        if entry["organisation_id"] in SITE_TOP_LEVEL:
            problems.append(
                f"{where}: organisation_id {entry['organisation_id']!r} is a name the site itself uses; choose another"
            )
        if entry.get("url") is not None:
            try:
                entry["url"] = web_address(entry["url"])
            except ValueError as exc:
                problems.append(f"{where}: url {RULES['url']} ({exc})")
        unknown = sorted(set(entry.get("accept") or {}) - set(ACCEPTABLE))
        if unknown:
            problems.append(f"{where}: accept {RULES['accept']}; unknown: {', '.join(unknown)}")
        path = sources_dir / entry["file"]
        try:
            inside = path.resolve().is_relative_to(root)
        except (OSError, RuntimeError):  # a loop of links
            problems.append(f"{where}: file {entry['file']!r} is a link that leads nowhere")
            continue
        if not inside:
            problems.append(f"{where}: file {entry['file']!r} leads outside data/sources/")
        elif not path.is_file():
            problems.append(f"{where}: file {entry['file']!r} not found in data/sources/")
        elif path.stat().st_size > size_limit(entry, path):
            problems.append(
                f"{where}: file {entry['file']!r} has {path.stat().st_size:,} bytes, more than the "
                f"{size_limit(entry, path):,} its "
                "max_characters or max_pages allow; after review, raise the bound in its manifest entry"
            )
    return problems


def load_manifest(manifest_path: Path, sources_dir: Path) -> list[Source]:
    """The manifest's reports sorted by id, or SourceError listing every problem."""
    data = load_yaml(manifest_path)
    problems = schema_problems(data)
    if not problems:
        problems = entry_problems(data["reports"], sources_dir)
    if problems:
        raise SourceError(manifest_path, *problems)
    return sorted((source_of(entry, sources_dir) for entry in data["reports"]), key=lambda s: s.id)


def source_of(entry: dict, sources_dir: Path) -> Source:
    optional = {
        key: entry[key]
        for key in ("text_from", "pdf_sha256", "published", "kamerstuk", "publisher", "max_pages", "max_characters")
        if entry.get(key) is not None
    }
    return Source(
        id=entry["id"],
        organisation=entry["organisation"],
        organisation_id=entry["organisation_id"],
        year=entry["year"],
        title=entry["title"],
        subtitle=entry.get("subtitle"),
        file=entry["file"],
        url=entry.get("url"),
        license=entry["license"],
        path=sources_dir / entry["file"],
        accept=dict(entry.get("accept") or {}),
        **optional,
    )
