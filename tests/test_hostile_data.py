"""Hostile values in the data reach the downloads safely: CSV cells are never formulas, and the whole
genre's organisation ids (with hyphens) pass every check from the manifest to the dataset."""

from __future__ import annotations

import csv
import io
import json
import shutil

import yaml

from conftest import ROOT, extract
from stand.publish.corpus import Corpus
from stand.publish.dataset import build_files
from stand.publish.versions import data_digest, dataset_version
from test_bad_input import add_entry

FORMULA = '=HYPERLINK("https://example.org","klik")'


def dataset_of(project) -> dict[str, bytes]:
    for part in ("schema", "CHANGELOG.md"):
        (shutil.copytree if (ROOT / part).is_dir() else shutil.copy2)(ROOT / part, project / part)
    version = dataset_version(project / "CHANGELOG.md", data_digest(project / "data"))
    return build_files(project, "https://example.test/", Corpus.load(project / "data"), version)


def test_text_a_spreadsheet_would_run_is_neutralised_in_csv_only(project):
    path = project / "data/reports/logius-2023.yaml"
    report = yaml.safe_load(path.read_text(encoding="utf-8"))
    report["sections"][0]["paragraphs"][0]["text"] = FORMULA
    report["sections"][0]["paragraphs"][1]["text"] = "-1 is minder dan nul, @iedereen +ook"
    path.write_text(yaml.safe_dump(report, allow_unicode=True, sort_keys=False), encoding="utf-8")
    files = dataset_of(project)
    rows = {row["id"]: row["text"] for row in csv.DictReader(io.StringIO(files["csv/paragraphs.csv"].decode("utf-8")))}
    assert rows["logius-2023-logius-gelooft-in-een-overheid-die"] == "'" + FORMULA
    assert rows["logius-2023-we-zijn-trots-dat-onze-dienstverlening"] == "'-1 is minder dan nul, @iedereen +ook"
    whole = json.loads(files["stand-van-de-uitvoering.json"])
    texts = {p["id"]: p["text"] for s in whole["sections"] for p in s["paragraphs"]}
    assert texts["logius-2023-logius-gelooft-in-een-overheid-die"] == FORMULA, "JSON keeps the exact text"


def test_a_hyphenated_organisation_goes_from_manifest_to_dataset(project):
    add_entry(
        project,
        id="dienst-toeslagen-2024",
        organisation="Dienst Toeslagen",
        organisation_id="dienst-toeslagen",
        file="toeslagen.txt",
    )
    text = (project / "data/sources/logius-2023.txt").read_text(encoding="utf-8").replace("2023", "2024")
    (project / "data/sources/toeslagen.txt").write_text(text, encoding="utf-8")
    assert extract(project) == 0
    whole = json.loads(dataset_of(project)["stand-van-de-uitvoering.json"])
    report = next(r for r in whole["reports"] if r["id"] == "dienst-toeslagen-2024")
    assert (report["organisation_id"], report["url"]) == (
        "dienst-toeslagen",
        "https://example.test/dienst-toeslagen/2024/",
    )
