"""The files around the data that make it citable, harvestable and checkable.

Added to the dataset after its own files: the source files it was built
from (``bronnen/``, so the checksums the site shows can be verified), every
released version's frozen archive (``archief/``), the Atom feed of versions,
CITATION.cff and the DCAT-AP-DONL catalogue, which lists every download.
"""

from __future__ import annotations

from pathlib import Path

from .archive import archive_path, site_path
from .corpus import Corpus
from .dcat import CatalogInput, catalog_files
from .feed import atom_feed
from .publication import Publication, maintainers_name
from .versions import Release

# What a download holds, by the start of its path under /data/ (first match wins).
DESCRIPTIONS = (
    ("stand-van-de-uitvoering.json", "De hele dataset in één JSON-bestand."),
    ("datapackage.json", "Beschrijving van alle bestanden volgens Frictionless Data Package."),
    ("schema/", "JSON Schema met een beschrijving per veld."),
    ("reports/", "Eén rapport met zijn secties, voetnoten, voorbeelden, oproepen en cijfers, als JSON."),
    ("csv/", "Eén tabel van de dataset als CSV (UTF-8, komma's, kopregel)."),
    ("archief/", "Alle bestanden van een uitgebrachte versie in één zip, nooit opnieuw gebouwd."),
    ("versies.atom", "Atom-feed van de versies, met wat elke versie toevoegde, weghaalde en wijzigde."),
    ("CITATION.cff", "Citeergegevens (Citation File Format)."),
)
NOT_DOWNLOADS = ("slices/", "bronnen/", "catalog.")  # page parts, Logius's own text (not CC0), the catalogue itself


def description(path: str) -> str | None:
    """What a download holds, or None for files that are not downloads of this dataset."""
    if path.startswith(NOT_DOWNLOADS):
        return None
    return next((text for start, text in DESCRIPTIONS if path.startswith(start)), "Bestand van de dataset.")


def provenance_files(
    root: Path, base_url: str, corpus: Corpus, version: str, publication: Publication, history: list[Release], sizes: dict[str, int]
) -> dict[str, bytes]:
    """Sources, archives, feed and citation, then the catalogue that describes them with the dataset's own files (``sizes``: bytes by path)."""
    added = {f"bronnen/{r['source']['file']}": (root / "data" / "sources" / r["source"]["file"]).read_bytes() for r in corpus.reports}
    for release in history:
        if archive_path(root, release.number).is_file():
            added[site_path(release.number)] = archive_path(root, release.number).read_bytes()
    added["versies.atom"] = atom_feed(root, base_url, history, maintainers_name(publication))
    if (root / "CITATION.cff").is_file():
        added["CITATION.cff"] = (root / "CITATION.cff").read_bytes()
    every = sizes | {path: len(content) for path, content in added.items()}
    downloads = {path: (text, every[path]) for path in sorted(every) if (text := description(path))}
    given = CatalogInput(base_url, version, publication, history, corpus.reports, downloads)
    return added | catalog_files(given)
