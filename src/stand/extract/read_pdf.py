"""PDF source -> page blocks, through pdfplumber (the production path).

Typography decides what plain text cannot: a line set larger than the body
text is a heading; lines in the top and bottom margins are running headers
and footers (a footer that is only a number is the printed page number).
Blocks break where the vertical gap between lines is larger than the line
spacing, or where a heading starts or ends.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from statistics import median

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException

from ..errors import SourceError
from .blocks import Block, Furniture, PageBlocks, numbering_note

MARGIN = 0.08  # share of the page height at top and bottom holding headers/footers
HEADING_RATIO = 1.15  # a line this much larger than body text is a heading
PARAGRAPH_GAP = 0.6  # extra gap (in body line heights) that starts a new block


def open_pdf(path: Path) -> pdfplumber.PDF:
    """Open a PDF, naming the problem when it cannot be read."""
    if path.stat().st_size == 0:
        raise SourceError(path, "the file is empty")
    try:
        pdf = pdfplumber.open(path)
        _ = pdf.pages  # forces the document structure to be parsed
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise SourceError(path, "the PDF is encrypted (password protected); ask the publisher for an open copy") from exc
        raise SourceError(path, f"not a readable PDF ({type(cause).__name__}: {cause})") from exc
    except (PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        raise SourceError(path, f"not a readable PDF ({type(exc).__name__}: {exc})") from exc
    return pdf


def line_size(line: dict) -> float:
    return round(median(char["size"] for char in line["chars"]), 1)


def read_pdf(path: Path) -> PageBlocks:
    """Read a PDF into blocks with printed page numbers where the footer gives them."""
    with open_pdf(path) as pdf:
        try:
            pages = [(page.page_number, page.height, page.extract_text_lines(return_chars=True)) for page in pdf.pages]
        except PdfminerException as exc:
            raise SourceError(path, f"not a readable PDF ({exc})") from exc
    sizes: Counter[float] = Counter()
    for _, _, lines in pages:
        for line in lines:
            sizes[line_size(line)] += len(line["chars"])
    if not sizes:
        raise SourceError(path, "the PDF has no text layer (a scan?); run OCR and add the text export instead")
    body_size = sizes.most_common(1)[0][0]
    blocks: list[Block] = []
    furniture: list[Furniture] = []
    labels: dict[int, int] = {}
    for number, height, lines in pages:
        body_lines = []
        for line in lines:
            in_margin = line["top"] < height * MARGIN or line["bottom"] > height * (1 - MARGIN)
            if not in_margin:
                body_lines.append(line)
            elif line["text"].strip().isdigit():
                labels[number] = int(line["text"].strip())
                furniture.append(Furniture(text=line["text"].strip(), page=number, reason="printed page number"))
            else:
                furniture.append(Furniture(text=line["text"].strip(), page=number, reason="running header or footer"))
        blocks.extend(group_lines(body_lines, number, body_size))
    words = sum(len(line["text"].split()) for _, _, lines in pages for line in lines)
    return PageBlocks(
        blocks=blocks,
        pages=len(pages),
        source_words=words,
        furniture=furniture,
        labels=labels,
        page_numbering=numbering_note(labels, len(pages), "the PDF"),
    )


def group_lines(lines: list[dict], page: int, body_size: float) -> list[Block]:
    """Group a page's text lines into blocks by spacing and heading size."""
    blocks: list[Block] = []
    previous: dict | None = None
    for line in lines:
        heading = line_size(line) >= body_size * HEADING_RATIO
        gap = line["top"] - previous["bottom"] if previous else 0.0
        new_block = previous is None or heading != blocks[-1].heading or gap > body_size * PARAGRAPH_GAP
        if new_block:
            blocks.append(Block(lines=[], page=page, heading=heading))
        blocks[-1].lines.append(line["text"].strip())
        previous = line
    return blocks
