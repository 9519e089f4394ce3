"""The open dataset as files: one JSON, one JSON per report, CSV tables, schemas, datapackage.json.

Built from a :class:`~stand.publish.corpus.Corpus`, validated against the
JSON Schema (every error collected before failing), checked for duplicate
ids and dangling references, and only handed out when every check passes.
``stand dataset`` writes the files to ``build/data/``; the site build
copies the same files to ``/data/``.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from . import metadata, validated
from .citations import citation_files
from .corpus import Corpus
from .datapackage import datapackage, publication_fields, source_fields, table_schema
from .formats import format_files
from .integrity import check_integrity
from .keys import key_problems
from .provenance_files import provenance_files
from .publication import address, load_publication
from .records import build_records
from .tables import Table, csv_tables, csv_text
from .versions import Version, releases
from .xlsx import workbook_problems

VALIDATED = ".cache/dataset"  # under the project root: digests of records that passed the schema


class DatasetError(Exception):
    """The dataset is not fit to publish; no file of it is handed out."""


def as_json(value: object) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode("utf-8")


def build_files(root: Path, base_url: str, corpus: Corpus, version: Version) -> dict[str, bytes]:
    """Every dataset file by its path under /data/, or DatasetError listing every problem."""
    return dict(sorted(dataset_files(root, base_url, corpus, version)))


def dataset_files(root: Path, base_url: str, corpus: Corpus, version: Version) -> Iterator[tuple[str, bytes]]:
    """Every dataset file as it is made, so a caller may write each one and keep none (130 MB at 200 reports).

    Everything is checked before the first file: a DatasetError listing every problem comes instead of any file.
    """
    schema_bytes = (root / metadata.SCHEMA_FILE).read_bytes()
    schema = json.loads(schema_bytes)
    records = build_records(corpus, base_url)
    publication = load_publication(root / "data")
    preview = not version.released or address(publication) is None
    dataset = {"title": metadata.TITLE, "version": version.number, "preview": preview, "license": metadata.LICENSE} | records
    tables = csv_tables(dataset)
    valid = validated.known_valid(root / VALIDATED, schema_bytes)
    problems = check_integrity(dataset, schema, valid) or key_problems(tables) + workbook_problems(tables)
    if problems:
        raise DatasetError(f"{len(problems)} problem(s) in the dataset:\n" + "\n".join(f"  - {p}" for p in problems))
    validated.remember(root / VALIDATED, schema_bytes, valid)
    sizes: dict[str, int] = {}  # what the catalogue says of each download

    def made(files: dict[str, bytes]) -> Iterator[tuple[str, bytes]]:
        for name, content in files.items():
            sizes[name] = len(content)
            yield name, content

    yield from made({f"{metadata.NAME}.json": as_json(dataset)})
    yield from made({schema_file: (root / schema_file).read_bytes() for schema_file in (metadata.SCHEMA_FILE, metadata.REPORT_SCHEMA_FILE)})
    head = {k: dataset[k] for k in ("title", "version", "preview", "license")}
    for report in records["reports"]:
        own = {kind: [r for r in records[kind] if r.get("report") == report["id"]] for kind in ("sections", "footnotes", "examples", "calls", "figures")}
        yield from made({f"reports/{report['id']}.json": as_json(head | {"report": report} | own)})
    for name, (columns, rows) in tables.items():
        yield from made({f"csv/{name}.csv": csv_text(columns, rows).encode("utf-8")})
    yield from made(format_files(tables, {name: table_schema(name, table, schema) for name, table in tables.items()}))
    package = datapackage(tables, version.number, base_url, schema, corpus) | publication_fields(publication, preview) | source_fields(corpus.reports)
    yield from made({"datapackage.json": as_json(package)})
    yield from made(slices(dataset, tables, as_json))
    yield from made(citation_files(records["reports"], base_url))
    yield from made(provenance_files(root, base_url, corpus, version.number, publication, releases(root / "CHANGELOG.md"), dict(sizes)))


def slices(dataset: dict, tables: dict[str, Table], encode: Callable[[object], bytes]) -> dict[str, bytes]:
    """The part of the data behind one page of the site: a report, a theme, an example."""
    files: dict[str, bytes] = {}
    paragraph_columns, paragraph_rows = tables["paragraphs"]
    part_columns, part_rows = tables["example_parts"]
    head = {k: dataset[k] for k in ("title", "version", "preview", "license")}
    for report in dataset["reports"]:
        rows = [p for p in paragraph_rows if p["report"] == report["id"]]
        files[f"slices/rapporten/{report['id']}.csv"] = csv_text(paragraph_columns, rows).encode("utf-8")
    for theme in dataset["themes"]:
        own = {kind: [r for r in dataset[kind] if r.get("theme") == theme["id"]] for kind in ("sections", "examples", "calls", "figures")}
        files[f"slices/themas/{theme['id']}.json"] = encode(head | {"theme": theme} | own)
        rows = [p for p in paragraph_rows if p["theme"] == theme["id"]]
        files[f"slices/themas/{theme['id']}.csv"] = csv_text(paragraph_columns, rows).encode("utf-8")
    for example in dataset["examples"]:
        files[f"slices/voorbeelden/{example['id']}.json"] = encode(head | {"example": example})
        rows = [p for p in part_rows if p["example"] == example["id"]]
        files[f"slices/voorbeelden/{example['id']}.csv"] = csv_text(part_columns, rows).encode("utf-8")
    return files


def write_dataset(files: dict[str, bytes], target: Path) -> None:
    """Replace ``target`` with exactly these files: built beside it, then swapped in by renames."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    for name, content in files.items():
        path = staging / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(staging, target)
    shutil.rmtree(old, ignore_errors=True)
