"""Findings of a hostile-input probe, each kept fixed: no traceback, one clear line, data/ safe."""

from __future__ import annotations

import shutil

import pypdfium2 as pdfium
import yaml

from conftest import ROOT, extract
from pdf_factory import typeset_report
from stand.cli import main
from stand.extract.read_pdf import read_pdf
from test_bad_input import run_failing


def test_a_missing_reports_folder_is_made_again(project):
    shutil.rmtree(project / "data/reports")
    assert extract(project) == 0
    assert sorted(p.name for p in (project / "data/reports").iterdir()) == ["logius-2022.yaml", "logius-2023.yaml"]


def test_yaml_a_manifest_cannot_mean_is_refused(project, capsys):
    (project / "data/sources.yaml").write_text("? [a, b]\n: 1\nreports: []\n", encoding="utf-8")
    assert "sources.yaml: invalid YAML: a key that is a list or mapping" in run_failing(project, capsys)
    (project / "data/sources.yaml").write_text("reports: " + "[" * 50000 + "]" * 50000 + "\n", encoding="utf-8")
    assert run_failing(project, capsys).endswith("sources.yaml: invalid YAML: nested too deeply")


def test_a_loop_of_links_as_a_source(project, capsys):
    source = project / "data/sources/logius-2023.txt"
    source.unlink()
    source.symlink_to("logius-2023.txt")
    assert run_failing(project, capsys).endswith(
        "report #2 (logius-2023): file 'logius-2023.txt' is a link that leads nowhere"
    )


def test_a_huge_field_is_not_echoed_whole(project, capsys):
    doc = yaml.safe_load((project / "data/sources.yaml").read_text(encoding="utf-8"))
    doc["reports"][0]["title"] = ["x" * 100_000]
    (project / "data/sources.yaml").write_text(yaml.safe_dump(doc), encoding="utf-8")
    assert len(run_failing(project, capsys)) < 400


def test_damaged_data_stops_the_dataset_with_one_line(project, capsys):
    for part in ("schema", "CHANGELOG.md"):
        (shutil.copytree if (ROOT / part).is_dir() else shutil.copy2)(ROOT / part, project / part)
    with open(project / "data/topics.yaml", "a", encoding="utf-8") as damaged:
        damaged.write("a: [\n")
    assert main(["--root", str(project), "dataset"]) == 2
    assert capsys.readouterr().err.strip() == (
        f"error: {project}/data/topics.yaml: cannot be read (ParserError); run `make data` to write it again"
    )


def test_rotated_pages_read_as_the_same_report(tmp_path):
    """/Rotate 90 turns the page, not its text layer: headers and headings are found as on the upright page."""
    upright = typeset_report(
        ROOT / "data/sources/logius-2023.txt", ROOT / "data/vocabulary/themes.yaml", tmp_path / "upright.pdf", "Logius"
    )
    document = pdfium.PdfDocument(upright)
    for index in range(len(document)):
        document[index].set_rotation(90)
    document.save(tmp_path / "rotated.pdf")
    document.close()
    assert [b.text for b in read_pdf(tmp_path / "rotated.pdf").blocks] == [b.text for b in read_pdf(upright).blocks]
