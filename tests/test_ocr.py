"""A scanned report (pictures, no text layer) stops with a message naming `stand ocr`; `stand ocr` reads it
with Tesseract into a text export that the text path files into the right sections."""

from __future__ import annotations

import yaml

from conftest import ROOT, extract
from pdf_factory import image_only_pdf, typeset_report
from stand.cli import main
from test_bad_input import add_entry


def test_a_scan_is_read_through_stand_ocr(project, tmp_path, capsys):
    typeset = typeset_report(
        ROOT / "data/sources/logius-2023.txt",
        ROOT / "data/vocabulary/themes.yaml",
        tmp_path / "typeset.pdf",
        "Logius | 2024",
    )
    scan = image_only_pdf(typeset, project / "data/sources/logius-2024.pdf", pages=3)
    add_entry(project)
    assert extract(project) == 2
    assert capsys.readouterr().err.strip() == (
        "error: data/sources/logius-2024.pdf: the PDF has no text layer (a scan?): "
        "run `stand ocr` on it and list the text export in data/sources.yaml instead"
    )
    assert main(["ocr", str(scan)]) == 0
    out = capsys.readouterr().out
    assert "text_from: OCR: Tesseract 5." in out and "(nld, 300 dpi) van logius-2024.pdf, met stand ocr" in out
    manifest = project / "data/sources.yaml"
    doc = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    doc["reports"][-1] |= {"file": "logius-2024.txt", "text_from": out.split("text_from: ", 1)[1].strip()}
    manifest.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert extract(project, "--force") == 0, capsys.readouterr().err
    report = yaml.safe_load((project / "data/reports/logius-2024.yaml").read_text(encoding="utf-8"))
    assert [(s["kind"], s["heading"]) for s in report["sections"]] == [
        ("introduction", "Inleiding"),
        ("theme", "Arbeidsmarkt en ambitie"),
        ("retrospective", "Terugblik"),
    ]
    assert report["sections"][0]["paragraphs"][0]["text"].startswith(
        "Logius gelooft in een overheid die altijd, overal en voor iedereen"
    )
    assert report["source"]["text_from"].startswith("OCR: Tesseract 5.")
    assert report["coverage"]["share"] == 1.0
