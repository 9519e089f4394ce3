"""The route for a scanned report: PDF pages -> images -> Tesseract (Dutch) -> a text export.

The text export is what the text path and its OCR repair already read: one
page after another, separated by blank lines, as the two reports we have
were made. ``stand ocr`` writes it beside the PDF and says which manifest
line records how the text was obtained.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import SourceError
from .pdf_text import open_document

LANGUAGE = "nld"
DPI = 300


def tesseract_version() -> str:
    """ "Tesseract 5.3.0", or SourceError naming the Debian packages to install."""
    if shutil.which("tesseract") is None:
        raise SourceError("tesseract", "Tesseract is not installed: apt-get install tesseract-ocr tesseract-ocr-nld")
    languages = subprocess.run(
        ["tesseract", "--list-langs"], capture_output=True, text=True, check=False
    ).stdout.split()
    if LANGUAGE not in languages:
        raise SourceError("tesseract", "Tesseract has no Dutch model: apt-get install tesseract-ocr-nld")
    first = subprocess.run(["tesseract", "--version"], capture_output=True, text=True, check=False).stdout.splitlines()[
        0
    ]
    return first.replace("tesseract", "Tesseract", 1).strip()


def page_text(image: Path) -> str:
    """One page image read by Tesseract, its blocks separated by one blank line."""
    result = subprocess.run(
        ["tesseract", str(image), "-", "-l", LANGUAGE, "--psm", "3"], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise SourceError(
            image,
            "Tesseract failed: "
            f"{result.stderr.strip().splitlines()[-1] if result.stderr.strip() else result.returncode}",
        )
    text = re.sub(r"\n\s*\n+", "\n\n", result.stdout.replace("\f", "")).strip()
    return text


def ocr_pdf(pdf: Path, target: Path, dpi: int = DPI) -> str:
    """Write the text export of a scanned PDF; returns the provenance line for its manifest entry."""
    version = tesseract_version()
    document = open_document(pdf)
    pages = []
    with tempfile.TemporaryDirectory() as folder:
        try:
            for index in range(len(document)):
                image = Path(folder) / f"page-{index + 1}.png"
                document[index].render(scale=dpi / 72).to_pil().save(image)
                pages.append(page_text(image))
        finally:
            document.close()
    target.write_text("\n\n\n".join(pages) + "\n", encoding="utf-8")
    return f"OCR: {version} ({LANGUAGE}, {dpi} dpi) van {pdf.name}, met stand ocr"
