"""The Data Package holds its data to account: constraints from the table model, bytes and hash per file.

`frictionless validate` passes on the dataset as built, and each kind of constraint (required, enum,
unique, pattern, format, hash) is broken once to see it caught.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from stand.publish.catalogue import LICENCES
from stand.publish.corpus import Corpus
from stand.publish.dataset import build_files, write_dataset
from stand.publish.versions import data_digest, dataset_version

frictionless = pytest.importorskip("frictionless")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    version = dataset_version(ROOT / "CHANGELOG.md", data_digest(ROOT / "data"))
    target = tmp_path_factory.mktemp("dataset") / "data"
    write_dataset(build_files(ROOT, "https://example.test/stand/", Corpus.load(ROOT / "data"), version), target)
    return target


def errors(report) -> list[str]:  # noqa: ANN001 - a frictionless Report
    return [f"{e.type}: {e.note}" for task in report.tasks for e in task.errors]


def test_frictionless_validates_the_package_with_constraints_and_hashes(built):
    package = json.loads((built / "datapackage.json").read_text(encoding="utf-8"))
    report = frictionless.validate(str(built / "datapackage.json"))
    assert report.valid, errors(report)[:10]
    tables = [r for r in package["resources"] if "schema" in r]
    assert len(tables) == 15 and all(r["hash"].startswith("sha256:") and r["bytes"] > 0 for r in package["resources"])
    fields = {(r["name"], f["name"]): f for r in tables for f in r["schema"]["fields"]}
    assert fields[("sections", "kind")]["constraints"]["enum"][:2] == ["introduction", "theme"]
    assert fields[("reports", "id")]["constraints"] == {
        "required": True,
        "unique": True,
        "pattern": "^[a-z0-9]+(-[a-z0-9]+)*-\\d{4}$",
    }
    assert fields[("paragraphs", "url")]["format"] == "uri" and "constraints" not in fields[("paragraphs", "footnotes")]
    mentions = next(r for r in tables if r["name"] == "mentions")
    assert mentions["schema"]["primaryKey"] == ["topic", "in_text", "offset"], (
        "no key column that is empty in most rows"
    )


BROKEN = {
    "required": ("sections", "pdf_page", "", "constraint-error"),
    "enum": ("sections", "kind", "hoofdstuk", "constraint-error"),
    "pattern": ("sections", "id", "Niet Een Sleutel", "constraint-error"),
    "unique": ("themes", "id", None, "unique-error"),
    "format": ("themes", "url", "geen adres", "type-error"),
}


@pytest.mark.parametrize("rule", sorted(BROKEN))
def test_each_constraint_catches_a_broken_cell(built, tmp_path, rule):
    table, column, value, expected = BROKEN[rule]
    package = json.loads((built / "datapackage.json").read_text(encoding="utf-8"))
    descriptor = next(r for r in package["resources"] if r["name"] == table.replace("_", "-"))
    descriptor = {k: v for k, v in descriptor.items() if k not in ("bytes", "hash")}
    descriptor["schema"] = descriptor["schema"] | {"foreignKeys": []}
    rows = (built / descriptor["path"]).read_text(encoding="utf-8").splitlines()
    header = rows[0].split(",")
    parsed = list(csv.reader(io.StringIO("\n".join(rows))))
    if value is None:
        parsed.append(parsed[1])  # the first row twice: its id is no longer unique
    else:
        parsed[1][header.index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(parsed)
    (tmp_path / "csv").mkdir()
    (tmp_path / descriptor["path"]).write_text(out.getvalue(), encoding="utf-8")
    report = frictionless.Resource(descriptor, basepath=str(tmp_path)).validate()
    found = errors(report)
    assert found and found[0].startswith(expected), found
    if rule != "unique" and rule != "format":
        assert f'"{rule}"' in found[0], found


def test_a_changed_byte_breaks_the_hash(built, tmp_path):
    package = json.loads((built / "datapackage.json").read_text(encoding="utf-8"))
    descriptor = next(r for r in package["resources"] if r["name"] == "themes")
    content = (built / descriptor["path"]).read_bytes()
    (tmp_path / "csv").mkdir()
    (tmp_path / descriptor["path"]).write_bytes(content.replace(b"e", b"E", 1))
    descriptor["schema"] = descriptor["schema"] | {"foreignKeys": []}
    found = errors(frictionless.Resource(descriptor, basepath=str(tmp_path)).validate())
    assert any(line.startswith("hash-count") for line in found), found


def test_the_downloads_carry_their_context(built):
    readme = (built / "LEESMIJ.txt").read_text(encoding="utf-8")
    version = json.loads((built / "datapackage.json").read_text(encoding="utf-8"))["version"]
    assert f"versie {version}" in readme and "CC0 1.0" in readme and "Wet hergebruik van overheidsinformatie" in readme
    assert "datasette stand-van-de-uitvoering.sqlite --metadata stand-van-de-uitvoering.metadata.json" in readme
    assert "65001: Unicode (UTF-8)" in readme and "Zo citeert u" in readme
    datasette = json.loads((built / "stand-van-de-uitvoering.metadata.json").read_text(encoding="utf-8"))
    tables = datasette["databases"]["stand-van-de-uitvoering"]["tables"]
    assert set(tables) >= {"paragraphs", "mentions", "reports"} and datasette["source_url"].endswith("/data/")
    assert tables["paragraphs"]["columns"]["pdf_page"] and tables["paragraphs"]["license"].startswith("Rapporttekst")
    assert tables["themes"]["license"] == "CC0 1.0"


def test_the_2_0_0_archive_validates_and_cites_itself_without_the_site(tmp_path):
    """What a journalist downloads: valid as it is (links are root paths: the site's address was not known), its
    citation files naming 2.0.0, the reports in a BibTeX type every style knows (the outside trial's findings)."""
    with zipfile.ZipFile(ROOT / "releases/2.0.0/stand-van-de-uitvoering-2.0.0.zip") as archive:
        archive.extractall(tmp_path)
    folder = tmp_path / "stand-van-de-uitvoering-2.0.0"
    report = frictionless.validate(str(folder / "datapackage.json"))
    assert report.valid, errors(report)[:10]
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert (
        "homepage" not in package and {"path": "LICENTIE.txt", "title": LICENCES["text"].title} in package["licenses"]
    )
    url = next(
        f for r in package["resources"] if r["name"] == "calls" for f in r["schema"]["fields"] if f["name"] == "url"
    )
    assert "format" not in url and url["description"].endswith("toen deze versie werd gebouwd.")
    cff = yaml.safe_load((folder / "CITATION.cff").read_text(encoding="utf-8"))
    assert (cff["version"], cff["date-released"]) == ("2.0.0", "2026-12-07")
    readme = (folder / "LEESMIJ.txt").read_text(encoding="utf-8")
    assert (
        "Onderhouders van Stand van de uitvoering als open data (2026). Stand van de uitvoering als open data"
        " (versie 2.0.0) [Dataset].\n" in readme
    )
    bib = (folder / "citeren/logius-2022.bib").read_text(encoding="utf-8")
    assert bib.startswith("@techreport{logius-2022,") and "subtitle" not in bib
    csl = json.loads((folder / "citeren/stand-van-de-uitvoering.json").read_text(encoding="utf-8"))[0]
    assert csl["title"] == "Stand van de uitvoering als open data (versie 2.0.0)" and "URL" not in csl


def test_an_empty_list_is_no_value_in_every_typed_format(built):
    """Not an empty string: 'IS NULL' and Excel's blanks find the same rows as an empty CSV cell (outside trial)."""
    import sqlite3

    import pyarrow.parquet as pq
    from openpyxl import load_workbook

    empty = sum(
        1 for row in csv.DictReader(open(built / "csv/paragraphs.csv", encoding="utf-8")) if not row["footnotes"]
    )
    assert empty > 90
    assert pq.read_table(built / "parquet/paragraphs.parquet").column("footnotes").null_count == empty
    database = sqlite3.connect(built / "stand-van-de-uitvoering.sqlite")
    assert database.execute("SELECT count(*) FROM paragraphs WHERE footnotes IS NULL").fetchone()[0] == empty
    sheet = load_workbook(built / "stand-van-de-uitvoering.xlsx", read_only=True)["paragraphs"]
    header = [c.value for c in next(sheet.iter_rows(max_row=1))]
    column = header.index("footnotes")
    assert sum(1 for row in sheet.iter_rows(min_row=2, values_only=True) if row[column] is None) == empty


def test_the_dataset_says_why_a_year_has_no_parts(built):
    """The empty state of the site, in the data too: no rows of went_wrong for a year is no 'nothing went wrong'."""
    package = json.loads((built / "datapackage.json").read_text(encoding="utf-8"))
    parts = next(r for r in package["resources"] if r["name"] == "example-parts")
    assert "geen rijen betekent niet dat er niets misging" in parts["description"]
    datasette = json.loads((built / "stand-van-de-uitvoering.metadata.json").read_text(encoding="utf-8"))
    views = datasette["databases"]["stand-van-de-uitvoering"]["tables"]
    assert "dat betekent niet dat er niets misging" in views["went_wrong_across_years"]["description"]
    examples = next(r for r in package["resources"] if r["name"] == "examples")
    count = next(f for f in examples["schema"]["fields"] if f["name"] == "went_wrong_count")
    assert "niet in delen opdeelt" in count["description"]
