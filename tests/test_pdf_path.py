"""The PDF path gives the same report as the text path, with correct pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from pdf_factory import typeset_report
from stand.derive import derive_records, load_curation
from stand.extract.manifest import load_manifest
from stand.extract.read_pdf import read_pdf
from stand.extract.report import extract_report
from stand.extract.vocabulary import load_vocabulary

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[str, tuple[dict, dict]]:
    """Each report extracted twice: from its text export and from a PDF typeset from it."""
    data = ROOT / "data"
    vocabulary, curation = load_vocabulary(data), load_curation(data / "curation.yaml")
    folder = tmp_path_factory.mktemp("pdfs")
    results = {}
    for source in load_manifest(data / "sources.yaml", data / "sources"):
        pdf = typeset_report(
            source.path,
            data / "vocabulary" / "themes.yaml",
            folder / f"{source.id}.pdf",
            f"{source.organisation} | {source.title}",
        )
        as_pdf = source.__class__(**{**source.__dict__, "file": pdf.name, "path": pdf})
        results[source.id] = tuple(
            derive_records(extract_report(s, vocabulary), vocabulary.topics, curation) for s in (source, as_pdf)
        )
    return results


def outline(report: dict) -> list[tuple]:
    return [(s["id"], s["kind"], s["heading"], s["theme"], s["parent"], s["pdf_page"]) for s in report["sections"]]


def without_labels(records: list[dict]) -> list[dict]:
    """Records without their printed page numbers: the typeset PDF prints one on every page, the export does not."""
    return [{k: v for k, v in r.items() if k not in ("page", "page_end")} for r in records]


@pytest.mark.parametrize("report_id", ["logius-2022", "logius-2023"])
def test_pdf_gives_the_same_sections_and_pages(extracted, report_id):
    from_text, from_pdf = extracted[report_id]
    assert outline(from_pdf) == outline(from_text)


@pytest.mark.parametrize("report_id", ["logius-2022", "logius-2023"])
def test_pdf_gives_the_same_paragraphs_footnotes_and_records(extracted, report_id):
    from_text, from_pdf = extracted[report_id]
    for key in ("footnotes", "examples", "calls", "figures", "mentions"):
        assert without_labels(from_pdf[key]) == without_labels(from_text[key]), key
    assert without_labels([from_pdf["signatory"] or {}]) == without_labels([from_text["signatory"] or {}])
    text_paragraphs = [(p["id"], p["pdf_page"], p["text"]) for s in from_text["sections"] for p in s["paragraphs"]]
    pdf_paragraphs = [(p["id"], p["pdf_page"], p["text"]) for s in from_pdf["sections"] for p in s["paragraphs"]]
    assert pdf_paragraphs == text_paragraphs
    labels = {(p["page"], p["pdf_page"]) for s in from_pdf["sections"] for p in s["paragraphs"]}
    assert all(page == pdf_page for page, pdf_page in labels), "every page of the typeset PDF prints its own number"


def test_pdf_headers_and_footers_are_furniture(extracted):
    _, from_pdf = extracted["logius-2023"]
    reasons = {(f["reason"], f["text"]) for f in from_pdf["furniture"]}
    assert ("running header or footer", "Logius | Stand van de uitvoering 2023") in reasons
    assert ("printed page number", "10") in reasons
    assert from_pdf["source"]["format"] == "pdf"
    assert from_pdf["source"]["page_numbering"] == (
        "printed page numbers on 10 of 10 pages in the PDF (page 1 prints 1); "
        "pages without one are cited by their place in the PDF"
    )
    all_text = " ".join(p["text"] for s in from_pdf["sections"] for p in s["paragraphs"])
    assert "Stand van de uitvoering 2023 Logius" not in all_text


def test_pdf_reader_marks_headings_by_size(tmp_path):
    pdf = typeset_report(
        ROOT / "data/sources/logius-2022.txt", ROOT / "data/vocabulary/themes.yaml", tmp_path / "r.pdf", "Logius"
    )
    blocks = read_pdf(pdf).blocks
    headings = [b.text for b in blocks if b.heading]
    assert headings[:4] == ["Inleiding", "Dilemma 1: Arbeidsmarkt en ambitie", "Beschrijving dilemma", "Terugblik 2022"]
    assert blocks[0].page == 1 and blocks[-1].page == 13


def test_rotated_text_is_reported_not_read_into_the_text(tmp_path):
    """A word set at an angle (a margin note, a stamp) is set aside with its reason, never mixed into a paragraph."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    pdf = tmp_path / "rotated.pdf"
    canvas = Canvas(str(pdf), pagesize=A4, invariant=1)
    canvas.setFont("Helvetica-Bold", 16)
    canvas.drawString(72, 760, "Inleiding")
    canvas.setFont("Helvetica", 10)
    for n, line in enumerate(["Dit is de eerste zin van de inleiding.", "En dit is de tweede zin van de inleiding."]):
        canvas.drawString(72, 730 - 14 * n, line)
    canvas.saveState()
    canvas.translate(40, 400)
    canvas.rotate(90)
    canvas.drawString(0, 0, "CONCEPT niet verspreiden")
    canvas.restoreState()
    canvas.save()
    blocks = read_pdf(pdf)
    assert [(f.reason, f.text) for f in blocks.furniture] == [("rotated text (not read)", "CONCEPT niet verspreiden")]
    assert "CONCEPT" not in " ".join(b.text for b in blocks.blocks)
    assert blocks.source_words == 1 + 8 + 9 + 3, "the rotated words are counted, as furniture"
