"""Plain-text source (an OCR export of a PDF) -> page blocks.

An OCR export has no typography, so pages and blocks are found from the
layout the exporter left behind:

- a page ends at a run of two or more blank lines, or where a line starts
  with a single space (the exporter's mark for a new page);
- blocks are separated by one blank line;
- a number fused to the last line of a page (``verantwoording. 10``) or
  alone on it is the printed page number: it is removed and used to align
  the export's page count with the printed page numbers.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import SourceError
from .blocks import Block, Furniture, PageBlocks

TRAILING_PAGE_NUMBER = re.compile(r"^(?P<body>.*[.!?:;])\s+(?P<number>\d{1,3})$|^(?P<alone>\d{1,3})$")


def decode(path: Path) -> str:
    """Read a source as UTF-8, refusing empty or non-UTF-8 files."""
    raw = path.read_bytes()
    if not raw.strip():
        raise SourceError(path, "the file is empty")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(path, f"not UTF-8 text (invalid byte at position {exc.start}); save it as UTF-8") from exc


def split_pages(text: str) -> list[list[str]]:
    """Split the export into pages of lines (blank lines kept as block separators)."""
    pages: list[list[str]] = [[]]
    blank_run = 0
    for line in text.replace("\r\n", "\n").split("\n"):
        if not line.strip():
            blank_run += 1
            pages[-1].append("")
            continue
        starts_page = re.match(r"^ \S", line) is not None or blank_run >= 2
        if starts_page and any(line.strip() for line in pages[-1]):
            pages.append([])
        blank_run = 0
        pages[-1].append(line.strip())
    return [page for page in pages if any(line.strip() for line in page)]


def page_blocks(lines: list[str], page: int) -> list[Block]:
    """Group a page's lines into blocks at blank lines."""
    blocks: list[Block] = []
    current: list[str] = []
    for line in lines + [""]:
        if line:
            current.append(line)
        elif current:
            blocks.append(Block(lines=current, page=page))
            current = []
    return blocks


def read_text(path: Path) -> PageBlocks:
    """Read an OCR text export into blocks with printed page numbers."""
    pages = split_pages(decode(path))
    furniture: list[Furniture] = []
    printed: dict[int, int] = {}
    for index, lines in enumerate(pages, start=1):
        last = max(i for i, line in enumerate(lines) if line)
        match = TRAILING_PAGE_NUMBER.match(lines[last])
        if match:
            number = match.group("number") or match.group("alone")
            printed[index] = int(number)
            lines[last] = match.group("body") or ""
            furniture.append(Furniture(text=number, page=index, reason="printed page number"))
    offset, numbering = page_offset(printed, len(pages))
    blocks = [block for index, lines in enumerate(pages, start=1) for block in page_blocks(lines, index + offset)]
    for item in furniture:
        item.page += offset
    return PageBlocks(blocks=blocks, pages=len(pages), furniture=furniture, page_numbering=numbering)


def page_offset(printed: dict[int, int], count: int) -> tuple[int, str]:
    """How far the printed page numbers run ahead of the export's own page count.

    The export drops pages without text (a cover back, a blank page), so a
    printed number found on export page 9 that reads 10 shifts every page by
    one. Without any printed number the export's count is used as is.
    """
    offsets = {number - index for index, number in printed.items()}
    if len(offsets) == 1:
        offset = offsets.pop()
        if offset >= 0:
            index, number = min(printed.items())
            return offset, f"printed page number {number} found on page {index} of {count} in the export"
    return 0, f"pages counted in the export ({count}); no printed page numbers found"
