"""Same sources, same bytes; the committed data is what the sources give; ids are stable."""

from __future__ import annotations

from pathlib import Path

import yaml

from extract import main
from stand.pipeline import Paths, build

ROOT = Path(__file__).resolve().parent.parent


def test_committed_data_is_what_the_sources_give(capsys):
    """CI fails when someone edits data/ by hand or forgets to run `make data`."""
    assert main(["--root", str(ROOT), "--check"]) == 0, capsys.readouterr()


def test_two_fresh_extractions_are_byte_identical(project):
    first, _ = build(Paths(project), force=True)
    second, _ = build(Paths(project), force=True)
    assert first == second
    committed = {path: (ROOT / path.relative_to(project)).read_text(encoding="utf-8") for path in first}
    assert first == committed


def test_no_clock_time_in_output(project):
    files, _ = build(Paths(project), force=True)
    text = "".join(files.values())
    assert "2026" not in text and "T00:" not in text


def test_editing_one_source_keeps_the_other_reports_ids(project):
    def ids(report_id: str) -> list[str]:
        report = yaml.safe_load((project / f"data/reports/{report_id}.yaml").read_text(encoding="utf-8"))
        return [s["id"] for s in report["sections"]] + [p["id"] for s in report["sections"] for p in s["paragraphs"]] + [
            r["id"] for key in ("examples", "calls", "figures") for r in report[key]
        ]

    assert main(["--root", str(project)]) == 0
    before_2022, before_2023 = ids("logius-2022"), ids("logius-2023")
    source = project / "data/sources/logius-2023.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("We merken nu dat we gaten met gaten vullen", "We merken nu dat we gaten vullen"), encoding="utf-8")
    assert main(["--root", str(project)]) == 0
    assert ids("logius-2022") == before_2022
    after_2023 = ids("logius-2023")
    assert "logius-2023-we-merken-nu-dat-we-gaten" in after_2023
    assert len(set(before_2023) ^ set(after_2023)) == 0, "opening words unchanged, so even this paragraph keeps its id"


def test_unchanged_sources_come_from_the_cache(project, monkeypatch):
    assert main(["--root", str(project)]) == 0
    import stand.pipeline as pipeline

    def fail(*_):
        raise AssertionError("source was read again although its checksum did not change")

    monkeypatch.setattr(pipeline, "extract_report", fail)
    files, _ = build(Paths(project))
    assert len(files) == 4
