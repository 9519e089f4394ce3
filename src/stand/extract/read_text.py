"""Plain-text source (a PDF-to-text or OCR export) -> page blocks.

A text export has no typography, so pages and blocks are found from the
layout the exporter left behind:

- a form feed ends a page (what the common PDF-to-text tools write); an
  export without form feeds ends a page at a run of two or more blank lines,
  or where a line starts with a single space (an OCR exporter's mark);
- blocks are separated by one blank line; a heading set against its text
  without one (a short first line above full lines, or a title-like last
  line after a finished sentence) is split off;
- the first or last line of a page in a page-number form ("12", "Pagina 3
  van 12", "3/12", "- 3 -"), or a number fused to the last line
  (``verantwoording. 10``), is the printed page number: it is removed, and
  becomes that page's label (and only that page's);
- lines that open or close many pages (numbers folded) are running headers
  or footers, and lines with dot leaders and a page number are a table of
  contents: both are furniture;
- on a page of a form-feed export, trailing blocks that start with a number
  and read as a sentence ("1 Over deze storing ...") are its footnotes.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from ..errors import SourceError
from ..io import LOG, clean_text, unify_line_breaks
from .blocks import Block, Furniture, PageBlocks, fold_digits, numbering_note, recurring

TRAILING_PAGE_NUMBER = re.compile(r"^(?P<body>.*[.!?:;])\s+(?P<number>\d{1,3})$|^(?P<alone>\d{1,3})$")
PAGE_NUMBER_LINE = re.compile(
    r"^(?:pagina\s+|blz\.?\s+|p\.\s*)?(?P<number>\d{1,3})(?:\s*(?:/|van)\s*\d{1,3})?$|^[-–—]\s*(?P<dashed>\d{1,3})\s*[-–—]$",
    re.I,
)
CONTENTS_LINE = re.compile(r"^\S.*?(?:\s*\.\s*){4,}\s*\d{1,3}$")
PAGE_FOOTNOTE = re.compile(r"^(?P<number>\d{1,2})\s+(?P<text>[A-Z(‘“\"'].*)$", re.S)


def decode(path: Path, max_characters: int | None = None) -> str:
    """Read a source as UTF-8 within its bound, refusing empty or non-UTF-8 files: composed (NFC), one kind of
    line break (the others named in a warning), no byte-order mark."""
    limit = None if max_characters is None else 4 * max_characters + 3  # UTF-8 has at most 4 bytes a character
    with open(path, "rb") as stream:
        raw = stream.read(-1 if limit is None else limit + 1)
    if limit is not None and len(raw) > limit:
        raise SourceError(
            path,
            f"has more than {limit:,} bytes, more than {max_characters:,} characters can take; "
            "after review, raise max_characters in its manifest entry",
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(path, f"not UTF-8 text (invalid byte at position {exc.start}); save it as UTF-8") from exc
    text, breaks = unify_line_breaks(unicodedata.normalize("NFC", text))
    if breaks:
        LOG.warning("%s: line endings %s read as line breaks", path, ", ".join(breaks))
    if not clean_text(text)[0].replace("\u200b", "").strip():  # a byte-order mark, spaces, controls: no text
        raise SourceError(path, "the file is empty")
    return text.removeprefix("\ufeff")  # a byte-order mark is no text


def split_pages(text: str) -> list[list[str]]:
    """Split the export into pages of lines (blank lines kept as block separators)."""
    if "\f" in text:
        pages = [[line.strip() for line in page.split("\n")] for page in text.split("\f")]
        return [page for page in pages if any(page)]
    pages: list[list[str]] = [[]]
    blank_run = 0
    for line in text.split("\n"):
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


def page_blocks(lines: list[str], page: int, footnotes: bool) -> list[Block]:
    """Group a page's lines into blocks at blank lines; with ``footnotes``, its numbered trailing blocks are
    footnotes."""
    blocks: list[Block] = []
    current: list[str] = []
    for line in lines + [""]:
        if line:
            current.append(line)
        elif current:
            blocks += [Block(lines=part, page=page) for part in split_headings(current)]
            current = []
    for block in reversed(blocks if footnotes else []):
        note = PAGE_FOOTNOTE.match("\n".join(block.lines))
        if not note or not re.search(r"[.!?)]$", block.text):
            break
        block.footnote, block.lines = int(note.group("number")), note.group("text").split("\n")
    return blocks


def starts_like_a_title(line: str) -> bool:
    """A capital or a digit first: how a heading, and a sentence, begin."""
    return line[:1].isupper() or line[:1].isdigit()


def heading_line(line: str) -> bool:
    """A line that may be a heading: a few words, starting like a title, without closing punctuation."""
    return len(line.split()) <= 10 and starts_like_a_title(line) and not re.search(r"[.,;:!?]$", line)


def short(line: str, others: list[str]) -> bool:
    """Well short of the full lines beside it: a heading's width, not a line of running text."""
    return len(line) < 0.6 * max(len(other) for other in others)


def split_headings(lines: list[str]) -> list[list[str]]:
    """A block's lines, with a heading set against its text (no blank line between) split off as a block of its own:
    a first line short beside the full lines under it, or a last line after a finished sentence. A paragraph's own
    first line runs the full width, and its last line ends a sentence or runs on to the next page in lower case.

    >>> split_headings(["Focus: goed en duurzaam", "Logius werkt elke dag aan het veilig, betrouwbaar en", "ook."])
    [['Focus: goed en duurzaam'], ['Logius werkt elke dag aan het veilig, betrouwbaar en', 'ook.']]
    >>> split_headings(["teleurstellingen worden voorkomen, zo zien wij dat.", "Focus: goed en duurzaam"])
    [['teleurstellingen worden voorkomen, zo zien wij dat.'], ['Focus: goed en duurzaam']]
    >>> split_headings(["schaalbaar te zijn. Zo gaat het.", "In het voorjaar van 2022 kwamen problemen bij"])
    [['schaalbaar te zijn. Zo gaat het.', 'In het voorjaar van 2022 kwamen problemen bij']]
    >>> split_headings(["Logius werkt elke dag aan het veilig, betrouwbaar en", "beschikbaar houden van de"])
    [['Logius werkt elke dag aan het veilig, betrouwbaar en', 'beschikbaar houden van de']]
    """
    head: list[list[str]] = []
    if len(lines) >= 3 and heading_line(lines[0]) and starts_like_a_title(lines[1]):
        if short(lines[0], lines[1:-1]):
            head, lines = [lines[:1]], lines[1:]
    if len(lines) >= 2 and heading_line(lines[-1]) and re.search(r"[.!?]$", lines[-2]) and short(lines[-1], lines[:-1]):
        return [*head, lines[:-1], lines[-1:]]
    return [*head, lines]


def page_number(lines: list[str], fused: bool) -> tuple[int, int, str] | None:
    """(line index, number, the line's remaining text) of a page's printed number, at its last or first line."""
    filled = [i for i, line in enumerate(lines) if line]
    for i in sorted({filled[-1], filled[0]}, reverse=True) if filled else []:
        found = PAGE_NUMBER_LINE.match(lines[i])
        if found:
            return i, int(found.group("number") or found.group("dashed")), ""
        fused_number = TRAILING_PAGE_NUMBER.match(lines[i]) if fused and i == filled[-1] else None
        if fused_number:
            return i, int(fused_number.group("number") or fused_number.group("alone")), fused_number.group("body") or ""
    return None


def contents_lines(pages: list[list[str]]) -> list[Furniture]:
    """Lines of a table of contents (a title, dot leaders, a page number): no headings, however they read."""
    found = []
    for index, lines in enumerate(pages, start=1):
        for i, line in enumerate(lines):
            if CONTENTS_LINE.match(line):
                found.append(Furniture(text=line, page=index, reason="table of contents"))
                lines[i] = ""
    return found


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
    text = decode(path, max_characters)
    if max_characters is not None and len(text) > max_characters:
        raise SourceError(
            path,
            f"has {len(text):,} characters, more than the {max_characters:,} a report may have; "
            "after review, raise max_characters in its manifest entry",
        )
    paged = "\f" in text
    pages = split_pages(text)
    furniture: list[Furniture] = []
    labels: dict[int, int] = {}
    for index, lines in enumerate(pages, start=1):
        found = page_number(lines, fused=not paged)
        if found:
            line, labels[index], rest = found
            printed = lines[line][len(rest) :].strip()  # "- 3 -", "Pagina 3 van 12", or the number fused to text
            lines[line] = rest
            furniture.append(Furniture(text=printed, page=index, reason="printed page number"))
    furniture += running_lines(pages) + contents_lines(pages)
    blocks = [
        block for index, lines in enumerate(pages, start=1) for block in page_blocks(lines, index, footnotes=paged)
    ]
    return PageBlocks(
        blocks=blocks,
        pages=len(pages),
        source_words=len(text.split()),
        furniture=furniture,
        labels=labels,
        page_numbering=numbering_note(labels, len(pages), "the export"),
    )
