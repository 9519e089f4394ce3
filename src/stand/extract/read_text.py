"""Plain-text source (an OCR export of a PDF) -> page blocks.

An OCR export has no typography, so pages and blocks are found from the
layout the exporter left behind:

- a page ends at a run of two or more blank lines, or where a line starts
  with a single space (the exporter's mark for a new page);
- blocks are separated by one blank line;
- a number fused to the last line of a page (``verantwoording. 10``) or
  alone on it is the printed page number: it is removed, and becomes that
  page's label (and only that page's: no other page is numbered from it).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import SourceError
from .blocks import Block, Furniture, PageBlocks, fold_digits, numbering_note, recurring

TRAILING_PAGE_NUMBER = re.compile(r"^(?P<body>.*[.!?:;])\s+(?P<number>\d{1,3})$|^(?P<alone>\d{1,3})$")


def decode(path: Path) -> str:
    """Read a source as UTF-8, refusing empty or non-UTF-8 files."""
    raw = path.read_bytes()
    if not raw.strip():
        raise SourceError(path, "the file is empty")
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")  # a byte-order mark is no text
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


def running_lines(pages: list[list[str]]) -> list[Furniture]:
    """Take out a page's first or last line where the same line (numbers folded) opens or closes many pages."""

    def ends(lines: list[str]) -> list[int]:
        filled = [i for i, line in enumerate(lines) if line]
        return sorted({filled[0], filled[-1]}) if filled else []

    repeated = recurring([{fold_digits(lines[i]) for i in ends(lines)} for lines in pages])
    found = []
    for index, lines in enumerate(pages, start=1):
        for i in ends(lines):
            if fold_digits(lines[i]) in repeated:
                found.append(Furniture(text=lines[i], page=index, reason="running header or footer"))
                lines[i] = ""
    return found


def read_text(path: Path, max_characters: int | None = None) -> PageBlocks:
    """Read an OCR text export into blocks, with the page numbers it prints."""
    text = decode(path)
    if max_characters is not None and len(text) > max_characters:
        raise SourceError(
            path, f"has {len(text):,} characters, more than the {max_characters:,} a report may have; after review, raise max_characters in its manifest entry"
        )
    pages = split_pages(text)
    furniture: list[Furniture] = []
    labels: dict[int, int] = {}
    for index, lines in enumerate(pages, start=1):
        last = max(i for i, line in enumerate(lines) if line)
        match = TRAILING_PAGE_NUMBER.match(lines[last])
        if match:
            number = match.group("number") or match.group("alone")
            labels[index] = int(number)
            lines[last] = match.group("body") or ""
            furniture.append(Furniture(text=number, page=index, reason="printed page number"))
    furniture += running_lines(pages)
    blocks = [block for index, lines in enumerate(pages, start=1) for block in page_blocks(lines, index)]
    return PageBlocks(
        blocks=blocks,
        pages=len(pages),
        source_words=len(text.split()),
        furniture=furniture,
        labels=labels,
        page_numbering=numbering_note(labels, len(pages), "the export"),
    )
