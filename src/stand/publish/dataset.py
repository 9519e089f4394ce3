"""The open dataset as files: every file under /data/, made in memory and handed out only when every check passes.

Built from a :class:`~stand.publish.corpus.Corpus`: the records of the JSON
(:mod:`stand.publish.records`), the tables and their formats
(:mod:`stand.publish.table_model`, :mod:`stand.publish.formats`), the
catalogues and citations, and the files around the data that make it
citable, harvestable and checkable: the source files (``bronnen/``, so the
checksums the site shows can be verified), every released version's frozen
archive (``archief/``), the Atom feed of versions and CITATION.cff.
``stand dataset`` writes the files to ``build/data/``; the site build
publishes the same files under ``/data/``.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..io import dump_json
from . import metadata
from .catalogue import (
    DATASETTE_FILE,
    LICENCE_FILE,
    README_FILE,
    CatalogInput,
    Download,
    catalog_files,
    datapackage,
    datasette_metadata,
    description,
    licence_file,
    licence_of,
    readme,
)
from .checks import dataset_problems
from .citation import citation_files, dataset_address
from .corpus import Corpus
from .formats import csv_text, format_files
from .ids_moved import PUBLISHED_FILE, MovesError, current_keys, load_moves, moves_csv, moves_problems
from .publication import Publication, address, load_publication, maintainers_name
from .records import build_records
from .table_model import TABLE_BY_NAME, TABLES, table_rows, table_schema
from .urls import is_address
from .versions import Release, Version, archive_path, atom_feed, releases, sha256, site_path

HEAD = ("title", "version", "preview", "license")  # what every JSON file of the dataset starts with


class DatasetError(Exception):
    """The dataset is not fit to publish; no file of it is handed out."""


def build_files(root: Path, base_url: str, corpus: Corpus, version: Version, archive: bool = False) -> dict[str, bytes]:
    """Every dataset file by its path under /data/, or DatasetError listing every problem."""
    return dict(sorted(dataset_files(root, base_url, corpus, version, archive)))


@dataclass(frozen=True)
class Cited:
    """How the dataset of one version is cited: its year (of release; a preview's, the newest report's), its
    author, one line to copy, and whether it is released."""

    year: int
    author: str
    line: str
    released: str

    @classmethod
    def of(cls, history: list[Release], version: Version, reports: list[dict], author: str, base_url: str) -> Cited:
        dated = [r.date for r in history if r.number == version.number and r.date]
        year = int(dated[0][:4]) if dated else max(r["year"] for r in reports)
        line = f"{author} ({year}). {metadata.TITLE} (versie {version.number}) [Dataset]."
        line += f" {page}" if (page := dataset_address(base_url)) else ""
        released = f"versie {version.number}" + (f", uitgebracht op {dated[0]}" if dated else ", nog niet uitgebracht")
        return cls(year, author, line, released)


def dataset_files(
    root: Path, base_url: str, corpus: Corpus, version: Version, archive: bool = False
) -> Iterator[tuple[str, bytes]]:
    """Every dataset file as it is made, so a caller may write each one and keep none (130 MB at 200 reports).

    Everything is checked before the first file: a DatasetError listing every problem comes instead of any file.
    The ``archive`` of a released version is no preview, also when the site's address is not known yet (its links
    are then paths from the site's root).
    """
    schema = json.loads((root / metadata.SCHEMA_FILE).read_bytes())
    records = build_records(corpus, base_url)
    publication = load_publication(root / "data")
    preview = not version.released or (address(publication) is None and not archive)
    licence = metadata.licence_line("text", base_url)  # every JSON file holds report text
    dataset = {"title": metadata.TITLE, "version": version.number, "preview": preview, "license": licence}
    dataset |= records
    rows = table_rows(dataset)
    problems = dataset_problems(dataset, schema, rows)
    try:
        moves = load_moves(root)
    except MovesError as error:
        moves, problems = [], [*problems, str(error)]
    history = releases(root / "CHANGELOG.md")
    problems += moves_problems(root, moves, history, current_keys(rows))
    if problems:
        raise DatasetError(f"{len(problems)} problem(s) in the dataset:\n" + "\n".join(f"  - {p}" for p in problems))
    sizes: dict[str, tuple[int, str]] = {}  # what the catalogue says of each download: bytes and SHA-256

    def made(files: dict[str, bytes]) -> Iterator[tuple[str, bytes]]:
        for name, content in files.items():
            sizes[name] = (len(content), sha256(content))
            yield name, content

    yield from made({f"{metadata.NAME}.json": dump_json(dataset)})
    yield from made({name: (root / name).read_bytes() for name in (metadata.SCHEMA_FILE, metadata.REPORT_SCHEMA_FILE)})
    head = {k: dataset[k] for k in HEAD}
    for report in records["reports"]:
        kinds = ("sections", "footnotes", "examples", "calls", "figures")
        own = {kind: [r for r in records[kind] if r.get("report") == report["id"]] for kind in kinds}
        yield from made({f"reports/{report['id']}.json": dump_json(head | {"report": report} | own)})
    for table in TABLES:
        yield from made({f"csv/{table.name}.csv": csv_text(table, rows[table.name]).encode("utf-8")})
    yield from made({PUBLISHED_FILE: moves_csv(moves)})  # record ids that changed since a release, beside the tables
    schemas = {table.name: table_schema(table, schema, is_address(base_url)) for table in TABLES}
    cited = Cited.of(history, version, records["reports"], maintainers_name(publication), base_url)
    yield from made(format_files(rows, schemas, about=[("Versie", cited.released), ("Zo citeert u", cited.line)]))
    yield from made(
        {
            "datapackage.json": dump_json(
                datapackage(schemas, version.number, base_url, corpus, publication, preview, sizes)
            )
        }
    )
    yield from made({DATASETTE_FILE: datasette_metadata(schemas, base_url)})
    yield from made({README_FILE: readme(version.number, base_url, cited.line)})
    yield from made(slices(dataset, rows))
    yield from made(citation_files(records["reports"], base_url, version.number, cited.year, cited.author))
    yield from made(provenance_files(root, base_url, corpus, version.number, history, publication, dict(sizes)))


def slices(dataset: dict, rows: dict[str, list[dict]]) -> dict[str, bytes]:
    """The part of the data behind one page of the site: a report, a theme, an example."""
    files: dict[str, bytes] = {}
    paragraphs, parts = TABLE_BY_NAME["paragraphs"], TABLE_BY_NAME["example_parts"]
    head = {k: dataset[k] for k in HEAD}
    for report in dataset["reports"]:
        own = [p for p in rows["paragraphs"] if p["report"] == report["id"]]
        files[f"slices/rapporten/{report['id']}.csv"] = csv_text(paragraphs, own).encode("utf-8")
    for theme in dataset["themes"]:
        kinds = ("sections", "examples", "calls", "figures")
        own = {kind: [r for r in dataset[kind] if r.get("theme") == theme["id"]] for kind in kinds}
        files[f"slices/themas/{theme['id']}.json"] = dump_json(head | {"theme": theme} | own)
        own_rows = [p for p in rows["paragraphs"] if p["theme"] == theme["id"]]
        files[f"slices/themas/{theme['id']}.csv"] = csv_text(paragraphs, own_rows).encode("utf-8")
    for example in dataset["examples"]:
        files[f"slices/voorbeelden/{example['id']}.json"] = dump_json(head | {"example": example})
        own_rows = [p for p in rows["example_parts"] if p["example"] == example["id"]]
        files[f"slices/voorbeelden/{example['id']}.csv"] = csv_text(parts, own_rows).encode("utf-8")
    return files


def provenance_files(
    root: Path,
    base_url: str,
    corpus: Corpus,
    version: str,
    history: list[Release],
    publication: Publication,
    sizes: dict[str, tuple[int, str]],
) -> dict[str, bytes]:
    """Sources, archives, feed and citation, then the catalogue that describes them with the dataset's own files
    (``history``: the CHANGELOG's releases, read once by :func:`dataset_files`; ``sizes``: bytes and SHA-256 by
    path)."""
    sources = root / "data" / "sources"
    added = {f"bronnen/{r['source']['file']}": (sources / r["source"]["file"]).read_bytes() for r in corpus.reports}
    for release in history:
        if archive_path(root, release.number).is_file():
            added[site_path(release.number)] = archive_path(root, release.number).read_bytes()
    added["versies.atom"] = atom_feed(root, base_url, history, maintainers_name(publication))
    if (root / "CITATION.cff").is_file():
        added["CITATION.cff"] = (root / "CITATION.cff").read_bytes()
    added[LICENCE_FILE] = licence_file(sorted(sizes.keys() | added.keys()), base_url)
    every = sizes | {path: (len(content), sha256(content)) for path, content in added.items()}
    downloads = {
        path: Download(text, *every[path], licence_of(path)) for path in sorted(every) if (text := description(path))
    }
    return added | catalog_files(CatalogInput(base_url, version, publication, history, corpus.reports, downloads))


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
