"""The published dataset: valid against its schema and Data Package, CSV round-trips to the
same records, ids unique, references resolve, provenance on every record, same bytes every build."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
import yaml
from bs4 import BeautifulSoup
from jsonschema import Draft202012Validator

from conftest import ROOT, dataset_project, with_report_changed
from stand.publish.checks import dataset_problems
from stand.publish.corpus import Corpus
from stand.publish.dataset import DatasetError, build_files
from stand.publish.records import build_records
from stand.publish.table_model import table_rows
from stand.publish.versions import data_digest, dataset_version

SCHEMA = json.loads((ROOT / "schema/stand-van-de-uitvoering.schema.json").read_text(encoding="utf-8"))
BASE = "http://127.0.0.1:8000/"


def build(root=ROOT) -> dict[str, bytes]:
    """The dataset files as `stand dataset` builds them from a project folder."""
    return build_files(
        root, BASE, Corpus.load(root / "data"), dataset_version(root / "CHANGELOG.md", data_digest(root / "data"))
    )


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return build()


@pytest.fixture(scope="module")
def dataset(files) -> dict:
    return json.loads(files["stand-van-de-uitvoering.json"])


def rows(files: dict[str, bytes], name: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(files[f"csv/{name}.csv"].decode("utf-8"))))


def test_dataset_validates_against_its_schema(dataset):
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in Draft202012Validator(SCHEMA).iter_errors(dataset)]
    assert errors == []
    assert {k: len(v) for k, v in dataset.items() if isinstance(v, list)} == {
        "reports": 2,
        "themes": 4,
        "sections": 53,
        "footnotes": 3,
        "examples": 11,
        "calls": 16,
        "figures": 14,
        "topics": 19,
        "stories": 2,
        "repairs": 40,
    }


def test_the_repairs_are_data_with_their_place_and_rule(dataset):
    """The OCR repairs travel with the dataset, so a reader can check a quote against the source's own text."""
    repairs = dataset["repairs"]
    assert {r["report"] for r in repairs} == {"logius-2022", "logius-2023"}
    ideeen = next(r for r in repairs if r["repaired"] == "ideeën")
    assert ideeen | {"where": None, "position": None} == {
        "report": "logius-2023",
        "position": None,
        "where": None,
        "rule": "diacritics",
        "original": "ideeén",
        "repaired": "ideeën",
    }
    paragraphs = {p["id"] for s in dataset["sections"] for p in s["paragraphs"]}
    assert ideeen["where"] in paragraphs


def test_every_per_report_json_validates_against_its_own_schema(files):
    """The per-report files once failed the only published schema ("'report' was unexpected")."""
    from referencing import Registry, Resource

    report_schema = json.loads(files["schema/stand-van-de-uitvoering.report.schema.json"])
    registry = Registry().with_resource(SCHEMA["$id"], Resource.from_contents(SCHEMA))
    validator = Draft202012Validator(report_schema, registry=registry)
    per_report = {name: json.loads(content) for name, content in files.items() if name.startswith("reports/")}
    assert sorted(per_report) == ["reports/logius-2022.json", "reports/logius-2023.json"]
    assert [f"{name}: {e.message}" for name, doc in per_report.items() for e in validator.iter_errors(doc)] == []
    report = per_report["reports/logius-2023.json"]
    assert report["report"]["signatory"] == {
        "name": "Bert Voorbraak",
        "role": "algemeen directeur Logius",
        "page": None,
        "pdf_page": 10,
    }
    assert len(report["calls"]) == 9
    report["calls"][0]["page"] = "elf"
    del report["figures"]
    assert sorted(e.message for e in validator.iter_errors(report)) == [
        "'elf' is not of type 'integer', 'null'",
        "'figures' is a required property",
    ]


def test_checks_name_a_schema_violation_a_duplicate_id_and_dangling_references(dataset):
    broken = json.loads(json.dumps(dataset))
    del broken["reports"][0]["year"]
    broken["calls"][1]["id"] = broken["calls"][0]["id"]
    broken["figures"][0]["paragraph"] = "logius-2023-bestaat-niet"
    broken["examples"][0]["theme"] = "onbekend-thema"
    assert dataset_problems(broken, SCHEMA, table_rows(broken)) == [
        "schema: reports/0: 'year' is a required property",
        "calls: duplicate key logius-2022-oproep-het-is-nodig-om-de-ambities",
        "examples logius-2022-personeelstekort-is-een-breed-probleem: "
        "theme 'onbekend-thema' points at no row of themes",
        "figures logius-2022-cijfer-20-procent-van-de: "
        "paragraph 'logius-2023-bestaat-niet' points at no row of paragraphs",
    ]


def test_provenance_on_every_record(dataset):
    sha = {r["id"]: r["source"]["sha256"] for r in dataset["reports"]}
    files = {r["id"]: r["source"]["file"] for r in dataset["reports"]}
    quoted = (
        dataset["examples"]
        + dataset["calls"]
        + dataset["figures"]
        + [m for t in dataset["topics"] for m in t["mentions"]]
    )
    for record in quoted:
        assert record["source_sha256"] == sha[record["report"]]
        assert record["source_file"] == files[record["report"]]
        assert record["url"].startswith(BASE)
    call = next(c for c in dataset["calls"] if c["text"].startswith("We vragen de politiek om ervaringen"))
    assert call["url"] == BASE + "logius/2023/#we-hebben-in-2023-onderzocht-of"
    assert (call["page"], call["pdf_page"], call["paragraph"]) == (
        None,
        8,
        "logius-2023-we-hebben-in-2023-onderzocht-of",
    )
    assert sha["logius-2023"] == "c8c45090d0326a79eb7e911d40280a089059b25fe39f7c9e44a384d1ce6d2451"


def test_every_link_in_the_dataset_points_at_a_real_anchor(site, dataset):
    """Every paragraph, section, call, example and footnote URL, each page parsed once."""
    urls = (
        [c["url"] for c in dataset["calls"]]
        + [e["url"] for e in dataset["examples"]]
        + [s["url"] for s in dataset["sections"]]
    )
    urls += [f["url"] for f in dataset["footnotes"]] + [p["url"] for s in dataset["sections"] for p in s["paragraphs"]]
    anchors: dict[str, set[str]] = {}
    for path in sorted({u.removeprefix(BASE).partition("#")[0] for u in urls}):
        soup = BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")
        anchors[path] = {tag["id"] for tag in soup.find_all(id=True)}
    missing = [
        u for u in urls if (parts := u.removeprefix(BASE).partition("#"))[2] and parts[2] not in anchors[parts[0]]
    ]
    assert len(urls) == 16 + 11 + 53 + 3 + 99
    assert missing == []


def test_csv_round_trips_to_the_same_records(files, dataset):
    calls = rows(files, "calls")
    assert [c["id"] for c in calls] == [c["id"] for c in dataset["calls"]]
    for row, record in zip(calls, dataset["calls"], strict=True):
        assert row["text"] == record["text"]
        assert (row["addressees"].split(" | ") if row["addressees"] else []) == record["addressees"]
        assert (int(row["page"]) if row["page"] else None, int(row["pdf_page"])) == (record["page"], record["pdf_page"])
    figures = rows(files, "figures")
    assert [float(f["value"]) for f in figures] == [float(f["value"]) for f in dataset["figures"]]
    assert [f["approximate"] == "true" for f in figures] == [f["approximate"] for f in dataset["figures"]]
    parts = rows(files, "example_parts")
    for example in dataset["examples"]:
        for kind in ("paragraphs", "went_well", "went_wrong", "must_change"):
            own = [p for p in parts if p["example"] == example["id"] and p["part"] == kind]
            assert [p["text"] for p in own] == [p["text"] for p in example[kind]]
    paragraphs = rows(files, "paragraphs")
    assert len(paragraphs) == sum(len(s["paragraphs"]) for s in dataset["sections"]) == 99
    assert any("continuïteit" in p["text"] for p in paragraphs)


def test_csv_tables_have_a_header_and_utf8(files):
    for name, content in files.items():
        if name.endswith(".csv"):
            text = content.decode("utf-8")
            assert not text.startswith("\ufeff")
            header = next(csv.reader(io.StringIO(text)))
            assert header and header[0] in ("id", "theme", "example", "topic", "report", "old_id"), name
    assert rows(files, "examples")[0] == {
        "id": "logius-2022-personeelstekort-is-een-breed-probleem",
        "report": "logius-2022",
        "year": "2022",
        "theme": "arbeidsmarkt-en-ambitie",
        "more_themes": "",
        "kind": "example",
        "title": "Personeelstekort is een breed probleem",
        "heading": "Voorbeeld: Personeelstekort is een breed probleem",
        "page": "",
        "pdf_page": "3",
        "went_well_count": "1",
        "went_wrong_count": "2",
        "must_change_count": "0",
        "could_change_count": "0",
        "topics": "digid | digid-machtigen | klantcontactcentrum | mijnoverheid",
        "source_file": "logius-2022.txt",
        "source_sha256": "0eb1d6902d64a019a64eebde3f11090d604da761ba3b9dcdeadbe9602f6f945a",
        "url": "http://127.0.0.1:8000/voorbeelden/logius-2022-personeelstekort-is-een-breed-probleem/",
    }


def test_datapackage_is_valid_frictionless(site):
    from frictionless import Package

    report = Package(str(site / "data" / "datapackage.json")).validate()
    assert report.valid, report.flatten(["resourcePath", "rowNumber", "fieldName", "type", "note"])[:10]
    package = json.loads((site / "data/datapackage.json").read_text(encoding="utf-8"))
    assert {r["path"] for r in package["resources"]} >= {
        "stand-van-de-uitvoering.json",
        "csv/calls.csv",
        "csv/example_parts.csv",
    }
    assert {r["path"] for r in package["resources"]} >= {
        "stand-van-de-uitvoering.sqlite",
        "stand-van-de-uitvoering.xlsx",
        "parquet/calls.parquet",
    }
    assert {r["path"]: r["jsonSchema"] for r in package["resources"] if r["path"].startswith("reports/")} == {
        "reports/logius-2022.json": "schema/stand-van-de-uitvoering.report.schema.json",
        "reports/logius-2023.json": "schema/stand-van-de-uitvoering.report.schema.json",
    }
    assert [
        r["name"] for r in package["resources"] if r["path"].startswith("csv/") and not r["schema"]["primaryKey"]
    ] == []
    assert len(report.tasks) == 1 + 14 + 1 + 2 + 2 + 14, "every resource was validated"  # ids-moved.csv the 1
    calls = next(r for r in package["resources"] if r["name"] == "calls")
    fields = {f["name"]: f for f in calls["schema"]["fields"]}
    assert fields["page"]["type"] == "integer"
    assert fields["text"]["description"] == "De zin met de oproep, letterlijk."


def test_two_builds_give_identical_bytes(files):
    again = build()
    assert again is not files and again == files


def test_page_slices_match_the_pages(files):
    theme = json.loads(files["slices/themas/complexiteit-versus-in-eenvoud.json"])
    assert [e["title"] for e in theme["examples"]] == [
        "Programma Vertegenwoordigen",
        "Brief extra controlestap bij inloggen met DigiD",
        "AcICT-advies op de infrastructuur",
    ]
    example = list(
        csv.DictReader(io.StringIO(files["slices/voorbeelden/logius-2022-grenzen-aan-ambities.csv"].decode("utf-8")))
    )
    assert [r["part"] for r in example] == ["went_well"] * 4 + ["must_change"]


def test_bad_record_stops_the_build_and_names_every_problem(tmp_path):
    def break_two_fields(report: dict) -> None:
        report["calls"][0]["theme"] = "bestaat-niet"
        report["examples"][0]["page"] = 0

    with pytest.raises(DatasetError) as raised:
        build(with_report_changed(dataset_project(tmp_path), "logius-2022", break_two_fields))
    assert str(raised.value).splitlines() == [
        "2 problem(s) in the dataset:",
        "  - schema: examples/0/page: 0 is less than the minimum of 1",
        "  - calls logius-2022-oproep-het-is-nodig-om-de-ambities: theme 'bestaat-niet' points at no row of themes",
    ]


def test_citation_file_names_the_newest_released_version(dataset):
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    newest = re.search(r"^## (\d+\.\d+\.\d+)\b", (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), re.M).group(1)
    assert citation["version"] == newest
    assert dataset["version"] == newest or dataset["version"].startswith(f"{newest[:-1]}{int(newest[-1]) + 1}-dev+")
    assert citation["license"] == "CC0-1.0"
    assert dataset["license"].startswith("Rapporttekst: hergebruik als overheidspublicatie: "), (
        "the JSON holds report text"
    )
    assert [r["year"] for r in citation["references"]] == [r["year"] for r in dataset["reports"]]


def test_data_page_has_catalogue_metadata(site):
    soup = BeautifulSoup((site / "data/index.html").read_text(encoding="utf-8"), "html.parser")
    metadata = json.loads(soup.find("script", type="application/ld+json").string)
    assert metadata["@type"] == "Dataset" and metadata["inLanguage"] == "nl"
    assert (
        metadata["version"]
        == json.loads((site / "data/stand-van-de-uitvoering.json").read_text(encoding="utf-8"))["version"]
    )
    assert metadata["temporalCoverage"] == "2022/2023"
    assert metadata["license"] == "https://creativecommons.org/publicdomain/zero/1.0/"
    assert len(metadata["distribution"]) == 16
    documented = {code.get_text() for code in soup.select("table.svdu-table th code")}
    assert {"went_well", "addressees", "source_sha256", "approximate"} <= documented
    changes = (site / "data/wijzigingen/index.html").read_text(encoding="utf-8")
    digest = data_digest(ROOT / "data")  # a preview's version holds it; a release's entry in the changes names it
    assert digest in soup.get_text() or f"<code>{digest}</code>" in changes, "the data's digest is named"


def test_records_carry_the_site_urls():
    records = build_records(Corpus.load(ROOT / "data"), "https://example.test/")
    example = next(e for e in records["examples"] if e["id"] == "logius-2023-acict-advies-op-de-infrastructuur")
    assert example["url"] == "https://example.test/voorbeelden/logius-2023-acict-advies-op-de-infrastructuur/"
    assert example["paragraphs"][0]["url"] == "https://example.test/logius/2023/#in-april-2023-kregen-we-een"
    assert (example["paragraphs"][0]["page"], example["paragraphs"][0]["pdf_page"]) == (10, 9)


def test_ids_moved_csv_is_published_in_the_package_the_catalogue_and_the_licence(files):
    moved = {r["old_id"]: r for r in csv.DictReader(io.StringIO(files["ids-moved.csv"].decode("utf-8")))}
    assert files["ids-moved.csv"].decode("utf-8").startswith("old_id,new_id,table,version,reason\r\n")
    assert {k: moved["logius-2022-voetnoot-5-1"][k] for k in ("new_id", "table", "version")} == {
        "new_id": "logius-2022-voetnoot-1-de-tweede-kamer-is",
        "table": "footnotes",
        "version": "2.0.0",
    }
    assert moved["logius-2022-voetnoot-5-1"]["reason"].startswith("Sleutels van voetnoten bevatten geen paginanummer")
    package = json.loads(files["datapackage.json"])
    resource = next(r for r in package["resources"] if r["path"] == "ids-moved.csv")
    assert resource["name"] == "ids-moved" and resource["schema"]["primaryKey"] == ["table", "old_id", "version"]
    assert resource["bytes"] == len(files["ids-moved.csv"]) and resource["licenses"][0]["title"] == "CC0 1.0"
    assert "<http://127.0.0.1:8000/data/ids-moved.csv>" in files["catalog.ttl"].decode("utf-8")
    assert "| `ids-moved.csv` | CC0 1.0 |" in files["LICENTIE.txt"].decode("utf-8")


@pytest.mark.parametrize("released", [True, False], ids=["release", "preview"])
def test_a_build_refuses_a_move_to_a_record_that_is_gone(tmp_path, released):
    """A preview publishes ids-moved.csv too, so it holds the moves to the same rule as a release."""
    from test_publication import copy_site_project, released_project  # released: the data released as 9.9.9

    project = released_project(tmp_path) if released else copy_site_project(tmp_path / "project")
    moves = project / "data/permalinks/ids-moved.yaml"
    text = moves.read_text(encoding="utf-8")
    assert "new: logius-2022-cijfer-20-procent-van-de\n" in text
    moves.write_text(
        text.replace("new: logius-2022-cijfer-20-procent-van-de\n", "new: logius-2022-cijfer-20-procent\n"),
        encoding="utf-8",
    )
    with pytest.raises(DatasetError) as error:
        build(project)
    assert "figures logius-2022-cijfer-20 -> logius-2022-cijfer-20-procent: the dataset has no such record" in str(
        error.value
    )
