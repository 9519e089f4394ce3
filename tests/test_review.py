"""Nothing unreviewed is published: an open review item marks the report in a preview and in the dataset."""

from __future__ import annotations

import csv
import io

import yaml

from conftest import build_site, copy_site_project, with_report_changed
from stand.cli import main
from stand.extract.review import item


def open_item(report: dict) -> None:
    report["review"] = [item("footnote-without-marker", 3, "footnote 1 has no marker in the text")]


def accepted_item(report: dict) -> None:
    report["review"] = [
        item("footnote-without-marker", 3, "footnote 1 has no marker in the text") | {"accepted": "checked"}
    ]


def test_a_preview_marks_a_report_with_an_open_item_on_its_page_and_in_the_dataset(tmp_path):
    project = with_report_changed(copy_site_project(tmp_path / "project"), "logius-2023", open_item)
    with_report_changed(project, "logius-2022", accepted_item)
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page_2023 = (tmp_path / "site/logius/2023/index.html").read_text(encoding="utf-8")
    page_2022 = (tmp_path / "site/logius/2022/index.html").read_text(encoding="utf-8")
    assert "Niet gecontroleerd" in page_2023 and "De extractor twijfelde bij dit rapport op 1 punt" in page_2023
    assert "Niet gecontroleerd" not in page_2022
    rows = list(csv.DictReader(io.StringIO((tmp_path / "site/data/csv/reports.csv").read_text(encoding="utf-8"))))
    assert [(row["id"], row["reviewed"]) for row in rows] == [("logius-2022", "true"), ("logius-2023", "false")]


def test_review_reads_the_manifest_and_refuses_data_the_sources_no_longer_give(project, capsys):
    """An accept: added to the manifest but not yet extracted, or a broken manifest, must not be reviewed from
    data/ as it was (the probe's finding: `stand review` did not check the manifest)."""
    manifest = project / "data/sources.yaml"
    doc = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    assert main(["--root", str(project), "review"]) == 0 and capsys.readouterr().out == "nothing to review\n"
    doc["reports"][0]["title"] = "Stand van de uitvoering 2022 (herzien)"
    manifest.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert main(["--root", str(project), "review"]) == 2
    assert capsys.readouterr().err == (
        "error: data/ is not what the sources give (data/reports/logius-2022.yaml):"
        " run `make data` first, then review\n"
    )
    doc["reports"][0]["year"] = "twee"
    manifest.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert main(["--root", str(project), "review"]) == 2
    assert capsys.readouterr().err.startswith("error: data/sources.yaml: report #1 (logius-2022): year ")
