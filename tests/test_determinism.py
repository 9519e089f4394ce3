"""Same sources, same bytes, whatever the date; the committed data is what the sources give; ids are stable."""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

import time_machine
import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from conftest import ROOT, copy_site_project, extract
from stand import run

DATES = (dt.datetime(2026, 1, 1, 9, 0, tzinfo=dt.UTC), dt.datetime(2031, 7, 15, 23, 59, tzinfo=dt.UTC))


def test_committed_data_is_what_the_sources_give(capsys):
    """CI fails when someone edits data/ by hand or forgets to run `make data`."""
    assert extract(ROOT, "--check") == 0, capsys.readouterr()


def files_under(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def build_site_in_process(project: Path, site_dir: Path) -> dict[str, bytes]:
    """A strict MkDocs build in this process, so the frozen clock reaches every plugin."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()
    return files_under(site_dir)


def test_data_dataset_and_site_are_byte_identical_on_two_dates(project, tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setenv("SITE_URL", "https://example.test/stand/")
    site_project = copy_site_project(tmp_path / "site-project")
    outputs = []
    for n, date in enumerate(DATES):
        with time_machine.travel(date, tick=False):
            data, _ = run.build(project, force=True)
            site = build_site_in_process(site_project, tmp_path / f"site-{n}")
        outputs.append((data, site))
    (data_a, site_a), (data_b, site_b) = outputs
    assert data_a == data_b
    assert {path: text for path, text in data_a.items()} == {
        p: (ROOT / p.relative_to(project)).read_text(encoding="utf-8") for p in data_a
    }
    assert sorted(site_a) == sorted(site_b) and len(site_a) > 100
    assert [name for name in site_a if site_a[name] != site_b[name]] == []
    assert site_a["sitemap.xml.gz"][4:8] == b"\0\0\0\0", "the gzip header carries no build time"
    assert gzip.decompress(site_a["sitemap.xml.gz"]) == site_a["sitemap.xml"]


def ids(report: dict) -> list[str]:
    sections = report["sections"]
    return (
        [s["id"] for s in sections]
        + [p["id"] for s in sections for p in s["paragraphs"]]
        + [f["id"] for f in report["footnotes"]]
        + [r["id"] for key in ("examples", "calls", "figures") for r in report[key]]
    )


def test_inserting_a_paragraph_keeps_every_other_id(project):
    def load(report_id: str) -> dict:
        return yaml.safe_load((project / f"data/reports/{report_id}.yaml").read_text(encoding="utf-8"))

    before_2022, before_2023 = ids(load("logius-2022")), ids(load("logius-2023"))
    source = project / "data/sources/logius-2023.txt"
    text = source.read_text(encoding="utf-8")
    anchor = "\n\nWe zijn trots dat onze dienstverlening"
    assert text.count(anchor) == 1
    source.write_text(
        text.replace(anchor, "\n\nDit is een ingevoegde alinea over de planning van het werk." + anchor),
        encoding="utf-8",
    )
    assert extract(project) == 0
    after_2023 = ids(load("logius-2023"))
    assert ids(load("logius-2022")) == before_2022
    assert set(after_2023) - set(before_2023) == {"logius-2023-dit-is-een-ingevoegde-alinea-over"}
    assert set(before_2023) - set(after_2023) == set()


def test_unchanged_sources_come_from_the_cache(project, monkeypatch):
    assert extract(project) == 0

    def fail(*_):
        raise AssertionError("source was read again although its checksum did not change")

    monkeypatch.setattr(run, "extract_report", fail)
    files, _ = run.build(project)
    assert sorted(path.name for path in files) == [
        "logius-2022.yaml",
        "logius-2023.yaml",
        "stories.yaml",
        "themes.yaml",
        "topics.yaml",
    ]


def test_a_run_with_nothing_changed_reads_no_source_and_check_still_sees_a_hand_edit(project, monkeypatch, capsys):
    assert extract(project) == 0

    def fail(*_):
        raise AssertionError("a source was read again although no input changed")

    monkeypatch.setattr(run, "extract_report", fail)
    assert extract(project) == 0 and extract(project, "--check") == 0
    edited = project / "data/reports/logius-2022.yaml"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Logius", "Logiu", 1), encoding="utf-8")
    capsys.readouterr()
    assert extract(project, "--check") == 1
    assert capsys.readouterr().out == "stale: data/reports/logius-2022.yaml\n"
    monkeypatch.undo()
    assert extract(project) == 0 and extract(project, "--check") == 0
    assert edited.read_text(encoding="utf-8") == (ROOT / "data/reports/logius-2022.yaml").read_text(encoding="utf-8")


def test_one_changed_source_is_the_only_one_read_again(project, monkeypatch):
    assert extract(project) == 0
    source = project / "data/sources/logius-2023.txt"
    source.write_text(
        source.read_text(encoding="utf-8").replace("111 nieuwe collega", "112 nieuwe collega"), encoding="utf-8"
    )
    read = []
    original = run.extract_report
    monkeypatch.setattr(
        run, "extract_report", lambda source, vocabulary: read.append(source.id) or original(source, vocabulary)
    )
    files, _ = run.build(project)
    assert read == ["logius-2023"]
    assert "112 nieuwe collega" in files[project / "data/reports/logius-2023.yaml"]
