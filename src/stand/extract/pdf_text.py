"""The text layer of a PDF, page by page, as runs of text in one style on one baseline.

Read with pypdfium2 (PDFium, the engine of Chromium's PDF viewer): a few
milliseconds a page with every character's box, size and font, where
pdfminer needs a hundred or more. Pages are streamed and closed, so memory
stays flat however long the document is. Coordinates are PDF points with
the origin at the bottom left, as PDFium gives them.
"""

from __future__ import annotations

import ctypes
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from ..errors import SourceError

BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demibold")
# A line that ends in one of these was broken inside a word (a soft hyphen, which PDFium shows as
# U+2010): the word continues on the next line. A plain "-" may be a real compound ("IT-") and is
# left to the OCR repair's dehyphenation.
BREAK_HYPHENS = ("\u00ad", "\u2010")
HARD_BREAK = "\u2011"  # a typed hyphen the line broke after ("risico-" "analyses"): it stays


@dataclass
class Run:
    """Characters the PDF draws in a row, in one size and weight, on one baseline."""

    text: str
    x0: float
    x1: float
    baseline: float
    size: float
    bold: bool
    hyphen: bool = False  # ends in a soft hyphen: the word continues on the next line


@dataclass
class PageText:
    number: int
    width: float
    height: float
    runs: list[Run]
    rotated: list[str] = field(default_factory=list)  # words set at an angle, not read as text


def open_document(path: Path) -> pdfium.PdfDocument:
    """Open a PDF, naming the problem when it cannot be read."""
    if path.stat().st_size == 0:
        raise SourceError(path, "the file is empty")
    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise SourceError(
                path, "the PDF is encrypted (password protected); ask the publisher for an open copy"
            ) from exc
        raise SourceError(path, f"not a readable PDF ({exc})") from exc


class CharReader:
    """Reads one text page character by character through PDFium's C API (few objects, little memory)."""

    def __init__(self, textpage: pdfium.PdfTextPage) -> None:
        self.handle = textpage.raw
        self.box = [ctypes.c_double() for _ in range(4)]
        self.origin = (ctypes.c_double(), ctypes.c_double())
        self.name = ctypes.create_string_buffer(128)
        self.flags = ctypes.c_int()
        self.matrix = raw.FS_MATRIX()
        self.fonts: dict[bytes, bool] = {}

    def count(self) -> int:
        return raw.FPDFText_CountChars(self.handle)

    def size(self, i: int) -> float:
        """The size the character is drawn at on the page: font size times the text matrix's scale."""
        raw.FPDFText_GetMatrix(self.handle, i, self.matrix)
        scale = (self.matrix.c**2 + self.matrix.d**2) ** 0.5 or 1.0
        return round(raw.FPDFText_GetFontSize(self.handle, i) * scale, 2)

    def char(self, i: int) -> tuple[str, bool, float, float, float, float, bool, float]:
        """(text, generated, x0, x1, baseline, size, bold, angle) of character ``i``."""
        h = self.handle
        left, right, bottom, top = self.box
        raw.FPDFText_GetCharBox(h, i, left, right, bottom, top)
        raw.FPDFText_GetCharOrigin(h, i, *self.origin)
        raw.FPDFText_GetFontInfo(h, i, self.name, 128, self.flags)
        name = self.name.value
        bold = self.fonts.get(name)
        if bold is None:
            bold = self.fonts[name] = any(word in name.decode("latin-1").lower() for word in BOLD_NAMES) or bool(
                self.flags.value & (1 << 18)
            )
        return (
            chr(raw.FPDFText_GetUnicode(h, i)),
            bool(raw.FPDFText_IsGenerated(h, i)),
            left.value,
            right.value,
            self.origin[1].value,
            self.size(i),
            bold,
            raw.FPDFText_GetCharAngle(h, i),
        )


def page_runs(reader: CharReader) -> tuple[list[Run], list[str]]:
    """The page's characters in drawing order, cut into runs where the line, style or direction changes."""
    runs: list[Run] = []
    rotated: list[str] = []
    current: list[tuple] = []

    def close() -> None:
        text = "".join(c[0] for c in current).strip()
        if text:
            visible = [c for c in current if not c[0].isspace()]
            runs.append(
                Run(
                    text,
                    min(c[2] for c in visible),
                    max(c[3] for c in visible),
                    visible[0][4],
                    max(c[5] for c in visible),
                    all(c[6] for c in visible),
                )
            )
        current.clear()

    for i in range(reader.count()):
        c = reader.char(i)
        text, generated, x0, _, baseline, size, bold, angle = c
        if generated and text in "\r\n":
            close()
            continue
        if abs(angle) > 0.05 and abs(angle - 6.2832) > 0.05:
            rotated.append(text)
            continue
        if current and not text.isspace():
            last = next((p for p in reversed(current) if not p[0].isspace()), current[-1])
            if (
                abs(baseline - last[4]) > 0.15 * size
                or abs(size - last[5]) > 0.5
                or bold != last[6]
                or x0 < last[2] - size
            ):
                close()
        current.append(c)
    close()
    for run in runs:
        run.text = run.text.replace("\x02", HARD_BREAK)  # PDFium's mark for a typed hyphen at the end of a line
        if run.text.endswith(BREAK_HYPHENS):
            run.text, run.hyphen = run.text.rstrip("".join(BREAK_HYPHENS)), True
        run.text = unicodedata.normalize("NFC", run.text.replace("\u00ad", ""))  # composed, as every text at the door
    return runs, "".join(rotated).split()


def read_pages(path: Path, max_pages: int | None = None) -> Iterator[PageText]:
    """Every page's runs, one page in memory at a time."""
    document = open_document(path)
    if max_pages is not None and len(document) > max_pages:
        count = len(document)
        document.close()
        raise SourceError(
            path,
            f"has {count} pages, more than the {max_pages} a report may have; "
            "after review, raise max_pages in its manifest entry",
        )
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            try:
                runs, rotated = page_runs(CharReader(textpage))
                left, bottom, right, top = page.get_mediabox()  # unrotated, like the text layer's coordinates
                yield PageText(index + 1, right - left, top - bottom, runs, rotated)
            finally:
                textpage.close()
                page.close()
    except pdfium.PdfiumError as exc:
        raise SourceError(path, f"not a readable PDF ({exc})") from exc
    finally:
        document.close()
