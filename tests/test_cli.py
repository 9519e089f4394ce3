"""The `stand` command: the dataset without MkDocs, previews that build, releases that are checked."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, copy_site_project
from stand.cli import main, parser
from stand.publish.versions import data_digest
from test_publication import PREVIEW_BANNER


def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    for command in ("extract", "dataset", "site", "serve", "release"):
        assert f"    {command} " in out


def test_dataset_without_mkdocs_is_what_the_site_publishes(site, tmp_path, monkeypatch):
    project = copy_site_project(tmp_path / "project")
    monkeypatch.setenv("SITE_URL", "http://127.0.0.1:8000/")  # the address the site fixture is built with
    assert main(["--root", str(project), "dataset"]) == 0
    built = {
        str(p.relative_to(project / "build/data")): p.read_bytes()
        for p in (project / "build/data").rglob("*")
        if p.is_file()
    }
    published = {str(p.relative_to(site / "data")): p.read_bytes() for p in (site / "data").rglob("*") if p.is_file()}
    del published["index.html"], published["wijzigingen/index.html"]  # the /data/ page itself and its changelog page
    # 53 dataset files (the JSON, 2 per report, 2 schemas, 14 CSV tables, 32 slices, datapackage.json,
    # ids-moved.csv); SQLite with its Datasette metadata, xlsx and a Parquet file per table (17); BibTeX and
    # CSL-JSON per report and for the dataset (6); 2 source files, the 1.0.0 and 2.0.0 archives, versies.atom,
    # CITATION.cff, catalog.jsonld and .ttl, LEESMIJ.txt and LICENTIE.txt (10)
    assert len(built) == 53 + 17 + 6 + 10
    assert built == published


def changed_data_project(tmp_path):
    project = copy_site_project(tmp_path / "project")
    report = project / "data/reports/logius-2023.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("turbulent jaar", "rustig jaar"), encoding="utf-8")
    return project


def test_changed_data_builds_a_marked_preview(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    project = changed_data_project(tmp_path)
    digest = data_digest(project / "data")
    assert main(["--root", str(project), "site"]) == 0
    assert f"warning: preview of unreleased data (2.0.1-dev+{digest})" in capsys.readouterr().err
    dataset = json.loads((project / "site/data/stand-van-de-uitvoering.json").read_text(encoding="utf-8"))
    assert dataset["version"] == f"2.0.1-dev+{digest}"
    page = BeautifulSoup((project / "site/data/index.html").read_text(encoding="utf-8"), "html.parser")
    assert f"Versie 2.0.1-dev+{digest}" in page.get_text(" ", strip=True)
    assert "nog niet uitgebracht" in page.select_one(".admonition.warning").get_text()
    line = f"Data: versie 2.0.1-dev+{digest}, nog niet uitgebracht (laatste uitgave: 2.0.0 van 7 december 2026)"
    for html in sorted((project / "site").rglob("*.html")):  # every page of a preview says so
        text = html.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' not in text:
            assert PREVIEW_BANNER in text and line in text, html


def test_release_refuses_a_missing_address_and_unreleased_data(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    project = changed_data_project(tmp_path)
    digest = data_digest(project / "data")
    assert main(["--root", str(project), "release"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "warning: data/publication.yaml: contact.email and contact.url are both empty: DCAT-AP-NL 3.0 requires a "
        "contact point (dcat:contactPoint), so the catalogue has none until a maintainer fills one in",
        "error: SITE_URL is not set: a release needs the address the site is published at",
        f"error: CHANGELOG.md: no version names the data digest `{digest}`; "
        f"add a version heading ('## x.y.z') whose entry says 'Data digest: `{digest}`'",
    ]
    assert not (project / "site").exists()


def test_release_builds_the_committed_data_as_2_0_0_at_its_address(tmp_path, monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://example.test/stand/")
    project = copy_site_project(tmp_path / "project")
    assert main(["--root", str(project), "release"]) == 0
    dataset = json.loads((project / "site/data/stand-van-de-uitvoering.json").read_text(encoding="utf-8"))
    assert (dataset["version"], dataset["preview"]) == ("2.0.0", False)
    assert dataset["reports"][0]["url"] == "https://example.test/stand/logius/2022/"


def test_readme_shows_the_real_help(monkeypatch):
    """The README's usage block is `stand --help` as the code prints it (80 columns)."""
    monkeypatch.setenv("COLUMNS", "80")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    help_text = parser().format_help()
    assert help_text.strip() in readme
