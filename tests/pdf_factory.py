"""Make real PDFs for the PDF path tests with reportlab.

A report PDF is typeset from the text export page by page, the way the
published report looks to a PDF reader: headings larger and bold, body text
smaller, footnotes smaller still, a running header at the top of every page
and the printed page number at the bottom. The bad-input PDFs are made the
same way: encrypted, scanned (no text layer) and truncated.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen.canvas import Canvas

from stand.extract.headings import HeadingMatcher
from stand.extract.read_text import read_text
from stand.extract.structure import FOOTNOTE, known_heading

WIDTH, HEIGHT = A4
LEFT, TOP = 60, HEIGHT - 90
BODY, HEADING, NOTE = 9.5, 15, 7.5


def heading_lines(lines: list[str], matcher: HeadingMatcher) -> int:
    """How many of a block's first lines are a heading (0, 1 or all)."""
    if known_heading(lines, matcher):
        return len(lines)
    return 1 if known_heading(lines[:1], matcher) else 0


def typeset_report(text_file: Path, themes_file: Path, target: Path, header: str) -> Path:
    """Typeset a text export as a PDF with the same pages and printed page numbers."""
    headings = yaml.safe_load((themes_file.parent / "headings.yaml").read_text(encoding="utf-8"))
    matcher = HeadingMatcher(yaml.safe_load(themes_file.read_text(encoding="utf-8"))["themes"], headings)
    source = read_text(text_file)
    canvas = Canvas(str(target), pagesize=A4, invariant=1)
    pages: dict[int, list] = {}
    for block in source.blocks:
        pages.setdefault(block.page, []).append(block)
    for number in sorted(pages):
        canvas.setFont("Helvetica", 8)
        canvas.drawString(LEFT, HEIGHT - 40, header)
        canvas.drawString(WIDTH / 2, 30, str(number))
        y = TOP
        for block in pages[number]:
            is_note = FOOTNOTE.match(block.text) is not None
            head = 0 if is_note else heading_lines(block.lines, matcher)
            for index, line in enumerate(block.lines):
                if index < head:
                    font, size = "Helvetica-Bold", HEADING
                else:
                    font, size = "Helvetica", NOTE if is_note else BODY
                canvas.setFont(font, size)
                canvas.drawString(LEFT, y, line)
                y -= size * 1.3
                if index == head - 1:
                    y -= BODY * 0.9
            y -= BODY * 1.1
        canvas.showPage()
    canvas.save()
    return target


def encrypted_pdf(target: Path) -> Path:
    canvas = Canvas(str(target), encrypt=StandardEncryption("geheim", canPrint=0))
    canvas.drawString(72, 720, "Inleiding")
    canvas.save()
    return target


def scanned_pdf(target: Path) -> Path:
    """Pages with only shapes, like a scan without OCR."""
    canvas = Canvas(str(target), invariant=1)
    for _ in range(2):
        canvas.rect(72, 600, 300, 100, fill=1)
        canvas.showPage()
    canvas.save()
    return target


def truncated_pdf(source: Path, target: Path) -> Path:
    target.write_bytes(source.read_bytes()[:400])
    return target


def one_size_pdf(text: str, target: Path) -> Path:
    """Every line of a text in one font and one size, 50 lines a page: a layout with no headings at all."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    canvas = Canvas(str(target), pagesize=A4, invariant=1)
    for start in range(0, len(lines), 50):
        y = TOP
        for line in lines[start : start + 50]:
            canvas.setFont("Helvetica", BODY)
            canvas.drawString(LEFT, y, line)
            y -= BODY * 1.4
        canvas.showPage()
    canvas.save()
    return target


def image_only_pdf(source: Path, target: Path, pages: int, dpi: int = 200) -> Path:
    """The first ``pages`` pages of a PDF as pictures only, like a scan without OCR."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(source)
    images = [document[i].render(scale=dpi / 72).to_pil().convert("RGB") for i in range(min(pages, len(document)))]
    document.close()
    images[0].save(target, save_all=True, append_images=images[1:], resolution=dpi)
    return target


def long_pdf(text_file: Path, target: Path, pages: int) -> Path:
    """A report's text typeset again and again until ``pages`` pages: for measuring time and memory per page."""
    lines = [line.strip() for line in text_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    canvas = Canvas(str(target), pagesize=A4, invariant=1)
    for page in range(pages):
        canvas.setFont("Helvetica-Bold", HEADING)
        canvas.drawString(LEFT, TOP, f"Hoofdstuk {page + 1}")
        y = TOP - 2 * HEADING
        for index in range(45):
            canvas.setFont("Helvetica", BODY)
            canvas.drawString(LEFT, y, lines[(page * 45 + index) % len(lines)])
            y -= BODY * 1.4
        canvas.setFont("Helvetica", 8)
        canvas.drawString(WIDTH / 2, 30, str(page + 1))
        canvas.showPage()
    canvas.save()
    return target
