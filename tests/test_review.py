"""Nothing unreviewed is published: an open review item marks the report in a preview and in the dataset."""

from __future__ import annotations

import csv
import io

from conftest import build_site, copy_site_project, with_report_changed
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
