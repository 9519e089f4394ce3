"""The Data Package holds its data to account: constraints from the table model, bytes and hash per file.

`frictionless validate` passes on the dataset as built, and each kind of constraint (required, enum,
unique, pattern, format, hash) is broken once to see it caught.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from conftest import ROOT
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
