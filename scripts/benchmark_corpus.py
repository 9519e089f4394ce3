"""A deterministic benchmark corpus: N synthetic reports made from the two real ones.

The genre counts about 174 reports from 64 organisations (2020 to 2025); the
project has two, both by Logius. This module writes a copy of the project in
which the two real reports are joined by made-up organisations, each with
about three consecutive years. Every synthetic report is one of the real
texts with the organisation's name put where the report names itself, in the
text and in the manifest, so code that only works for Logius shows up. The
same N always gives the same corpus, byte for byte, as text or as PDF (typeset
with the reportlab generator of the PDF path tests, ``tests/pdf_factory.py``).

Usage:
    python scripts/benchmark_corpus.py 50 /tmp/corpus50          # text exports
    python scripts/benchmark_corpus.py 50 /tmp/corpus50 --pdf    # PDFs
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("docs", "schema", "overrides", "releases", "mkdocs.yml", "CHANGELOG.md", "CITATION.cff")
DATA_PARTS = ("vocabulary", "permalinks", "corrections.yaml", "curation.yaml", "publication.yaml")
PREFIXES = ("Dienst", "Rijksdienst", "Agentschap", "Bureau", "Centrum", "Inspectie", "Uitvoeringsdienst", "Stichting")
DOMAINS = (
    "Registers",
    "Toeslagen",
    "Wegen",
    "Water",
    "Zorg",
    "Onderwijs",
    "Erfgoed",
    "Vergunningen",
    "Subsidies",
    "Verkeer",
    "Archieven",
    "Natuur",
)
YEARS_PER_ORGANISATION = 3
FIRST_YEAR = 2020


@dataclass(frozen=True)
class Planned:
    """One report of the corpus: who wrote it, for which year, made from which real report."""

    organisation: str
    organisation_id: str
    year: int
    base: str  # the real report it is made from, e.g. "logius-2022"

    @property
    def id(self) -> str:
        return f"{self.organisation_id}-{self.year}"


def organisation(number: int) -> tuple[str, str]:
    """The name and id of made-up organisation ``number`` (1, 2, ...): a prefix and a domain.

    >>> organisation(1), organisation(9)
    (('Rijksdienst Registers', 'rijksdienst-registers'), ('Rijksdienst Toeslagen', 'rijksdienst-toeslagen'))
    """
    name = f"{PREFIXES[number % len(PREFIXES)]} {DOMAINS[(number // len(PREFIXES)) % len(DOMAINS)]}"
    return name, re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def plan(count: int) -> list[Planned]:
    """The real two reports, then organisation after organisation with three consecutive years each.

    >>> [(p.id, p.base) for p in plan(5)]  # doctest: +NORMALIZE_WHITESPACE
    [('logius-2022', 'logius-2022'), ('logius-2023', 'logius-2023'), ('rijksdienst-registers-2021', 'logius-2023'),
     ('rijksdienst-registers-2022', 'logius-2022'), ('rijksdienst-registers-2023', 'logius-2023')]
    """
    reports = [Planned("Logius", "logius", 2022, "logius-2022"), Planned("Logius", "logius", 2023, "logius-2023")][
        :count
    ]
    for index in range(count - len(reports)):
        number, offset = 1 + index // YEARS_PER_ORGANISATION, index % YEARS_PER_ORGANISATION
        name, identifier = organisation(number)
        year = FIRST_YEAR + number % 4 + offset
        reports.append(Planned(name, identifier, year, f"logius-{2022 + (number + offset) % 2}"))
    return reports


def renamed(text: str, name: str) -> str:
    """The real text with the organisation's own name replaced, where it names itself."""
    return re.sub(r"\bLogius", name, text)


def copy_project(target: Path) -> None:
    """The site's sources and the hand-kept data, without the extracted data."""
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.exists():
            (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / part)
    (target / "data" / "sources").mkdir(parents=True)
    for part in DATA_PARTS:
        source = ROOT / "data" / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / "data" / part)


def pdf_factory():  # noqa: ANN201 - a module of the test suite, loaded from its file (tests/ is no package)
    spec = importlib.util.spec_from_file_location("pdf_factory", ROOT / "tests" / "pdf_factory.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def manifest_entry(report: Planned, real: dict, file: str, pdf: bool) -> dict:
    subtitle = real["subtitle"] and renamed(real["subtitle"], report.organisation)
    text_from = (
        None
        if pdf
        else real["text_from"]
        if report.id == report.base
        else "synthetisch: een echt rapport onder een andere naam"
    )
    return {
        "id": report.id,
        "organisation": report.organisation,
        "organisation_id": report.organisation_id,
        "year": report.year,
        "title": f"Stand van de uitvoering {report.year}",
        "subtitle": subtitle,
        "file": file,
        "text_from": text_from,
        "url": None,
        "license": renamed(real["license"], report.organisation),
    }


def corrections(target: Path, reports: list[Planned]) -> None:
    """The real reports' own corrections, for every report made from them."""
    path = target / "data" / "corrections.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    extra = [
        c | {"report": r.id}
        for c in doc["corrections"]
        for r in reports
        if c.get("report") == r.base and r.id != r.base
    ]
    doc["corrections"] += extra
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")


def write_corpus(count: int, target: Path, pdf: bool = False) -> list[Planned]:
    """A project folder at ``target`` with ``count`` reports as sources (text or PDF), not yet extracted."""
    copy_project(target)
    reals = {r["id"]: r for r in yaml.safe_load((ROOT / "data/sources.yaml").read_text(encoding="utf-8"))["reports"]}
    reports = plan(count)
    sources = target / "data" / "sources"
    factory = pdf_factory() if pdf else None
    entries = []
    for report in reports:
        text = renamed(
            (ROOT / "data/sources" / reals[report.base]["file"]).read_text(encoding="utf-8"), report.organisation
        )
        (sources / f"{report.id}.txt").write_text(text, encoding="utf-8")
        file = f"{report.id}.txt"
        if factory:
            header = f"{report.organisation} | Stand van de uitvoering {report.year}"
            factory.typeset_report(
                sources / file, target / "data/vocabulary/themes.yaml", sources / f"{report.id}.pdf", header
            )
            (sources / file).unlink()
            file = f"{report.id}.pdf"
        entries.append(manifest_entry(report, reals[report.base], file, pdf))
    manifest = yaml.safe_dump({"reports": entries}, allow_unicode=True, sort_keys=False, width=1000)
    (target / "data" / "sources.yaml").write_text(manifest, encoding="utf-8")
    corrections(target, reports)
    return reports


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="how many reports (the first two are the real ones)")
    parser.add_argument("target", type=Path, help="a folder that does not exist yet")
    parser.add_argument("--pdf", action="store_true", help="PDFs instead of text exports")
    args = parser.parse_args()
    reports = write_corpus(args.count, args.target, args.pdf)
    print(f"wrote {len(reports)} reports of {len({r.organisation_id for r in reports})} organisations to {args.target}")


if __name__ == "__main__":
    main()
