"""PDF source -> page blocks: furniture, headings, columns and footnotes from the document's own evidence.

- Furniture by repetition: a line near the top or bottom of a page whose
  text (digits folded) recurs on many pages is a running header or footer;
  a page number in any of the usual forms ("7", "- 7 -", "7/12", "Pagina 7
  van 12", "p. 7") is read as that page's printed label. A chapter title at
  the top of its first page occurs once, and stays text.
- Headings by typography: larger than the body text, or bold at body size
  on a line of its own; lines of one heading style in a row are one heading,
  and the heading's level follows its size.
- Footnotes: small type with a leading number; the raised numbers in the
  text become ``(n)`` markers (see :mod:`stand.extract.pdf_layout`).
- Front matter: a contents page (lines ending in page numbers, often after
  leaders) is furniture; text before the first heading is left to the
  structure builder, which sets it aside as front matter.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

from ..errors import SourceError
from .blocks import Block, Furniture, PageBlocks, fold_digits, numbering_note, recurring
from .pdf_layout import Line, build_lines, line_spacing, reading_order
from .pdf_text import HARD_BREAK, PageText, read_pages

SENTENCE_END = re.compile(r"[.!?:;][’'”\")]*$")

BAND = 0.12  # share of the page height at top and bottom where headers and footers live
REPEATED = 0.25  # share of pages a header or footer recurs on (at least 3 pages)
HEADING_RATIO = 1.15  # a line this much larger than body text is a heading
SMALL_RATIO = 0.9  # a line this much smaller than body text is a footnote (or other small print)
# A page number as footers print it: "7", "- 7 -", "7/12", "7 van 12", "Pagina 7 van 12", "p. 7".
PAGE_FORMS = (
    r"(?:pagina|page|p\.)\s*(\d{1,4})(?:\s*(?:van|of|/)\s*\d{1,4})?"
    r"|(\d{1,4})\s*(?:/|van|of)\s*\d{1,4}"
    r"|-\s*(\d{1,4})\s*-"
)
# ... alone on its line, or at either end of a header or footer ("Logius · Den Haag 3/10").
PAGE_NUMBER = re.compile(rf"^(\d{{1,4}})$|^(?:{PAGE_FORMS})(?:\s|$)|(?:^|\s)(?:{PAGE_FORMS})$", re.I)
CONTENTS_LINE = re.compile(r"(?:\.{3,}|…|\s)\s*\d{1,3}$")
LEADERS = re.compile(r"(?:\.{3,}|…)\s*\d{1,3}$")
FOOTNOTE_START = re.compile(r"^\(?(?P<n>\d{1,2})\)?[:.]?\s+(?P<text>\S.*)$")  # "1 Tekst", "1: Tekst", "(2): Tekst"


def page_number(text: str) -> int | None:
    """The page number a header or footer line prints, if it prints one.

    >>> [page_number(t) for t in ("7", "- 7 -", "Pagina 7 van 12", "Logius · Den Haag 7/12", "p. 7 Stand 2023",
    ...                           "25-11-2026 Stand")]
    [7, 7, 7, 7, 7, None]
    """
    found = PAGE_NUMBER.search(" ".join(text.split()))
    return int(next(group for group in found.groups() if group)) if found else None


def in_band(line: Line, page: PageText) -> bool:
    return line.baseline > page.height * (1 - BAND) or line.baseline < page.height * BAND


def find_furniture(
    pages: list[tuple[PageText, list[Line]]],
) -> tuple[dict[int, list[tuple[Line, str]]], dict[int, int]]:
    """Headers, footers and page numbers by page, and the printed page labels they give."""
    repeated = recurring(
        [{fold_digits(line.text) for line in lines if in_band(line, page)} for page, lines in pages], REPEATED
    )
    furniture: dict[int, list[tuple[Line, str]]] = defaultdict(list)
    labels: dict[int, int] = {}
    for page, lines in pages:
        for line in lines:
            if not in_band(line, page):
                continue
            number = page_number(line.text)
            if number is not None and page.number not in labels:
                labels[page.number] = number
                furniture[page.number].append((line, "printed page number"))
            elif fold_digits(line.text) in repeated:
                furniture[page.number].append((line, "running header or footer"))
    return furniture, labels


def is_contents_page(lines: list[Line]) -> bool:
    """Most lines end in a page number, some after leaders: a table of contents."""
    ending = [line for line in lines if CONTENTS_LINE.search(line.text)]
    return len(ending) >= 3 and (
        any(LEADERS.search(line.text) for line in ending)
        and len(ending) >= 0.5 * len(lines)
        or len(ending) >= 0.7 * len(lines)
    )


def left_edges(lines: list[Line]) -> list[float]:
    """Where the page's columns of body text start: x positions many lines start at."""
    starts = Counter(round(line.x0) for line in lines)
    enough = max(3, 0.15 * len(lines))
    return sorted(x for x, n in starts.items() if n >= enough)


def body_style(pages: list[tuple[PageText, list[Line]]]) -> float:
    """The size most of the document's characters are set in."""
    sizes: Counter[float] = Counter()
    for _, lines in pages:
        for line in lines:
            sizes[round(line.size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0]


class BlockMaker:
    """Groups one document's lines into blocks, knowing its body size and heading sizes."""

    def __init__(self, body_size: float, heading_sizes: list[float], spacing: float, typed_hyphens: bool) -> None:
        self.body = body_size
        self.spacing = spacing
        # Only where the producer marks its own word breaks (soft hyphens) is a "-" at a line end surely typed.
        self.typed_hyphens = typed_hyphens
        self.levels = {size: level for level, size in enumerate(sorted(heading_sizes, reverse=True), start=1)}

    def kind(self, line: Line) -> tuple[str, int | None]:
        """('heading', level), ('footnote', None), ('note', number) for a footnote's first line, or ('body', None)."""
        size = round(line.size, 1)
        if size >= self.body * HEADING_RATIO:
            return "heading", self.levels.get(size)
        if line.bold and size > self.body - 0.5 and len(line.text) <= 100:
            return "heading", self.levels.get(size, len(self.levels) + 1)
        if size < self.body * SMALL_RATIO:
            start = FOOTNOTE_START.match(line.text)
            return ("note", int(start.group("n"))) if start else ("footnote", None)
        return "body", None

    def blocks(self, lines: list[Line], page: int) -> list[Block]:
        spacing = self.spacing
        edges = left_edges([line for line in lines if self.kind(line)[0] == "body"])
        blocks: list[Block] = []
        previous: tuple[Line, str, int | None] | None = None
        for line in lines:
            kind, detail = self.kind(line)
            text = line.text if self.typed_hyphens else line.text.replace(HARD_BREAK, "-")
            indented = kind == "body" and self.indented(line, edges)
            item = indented and self.starts_item(previous, blocks)
            leaves_list = bool(blocks) and blocks[-1].list_item and not indented
            new_paragraph = indented or self.first_line_indent(line, edges)
            new_paragraph = (
                new_paragraph and previous is not None and SENTENCE_END.search(previous[0].text.rstrip()) is not None
            )
            if kind == "note":
                blocks.append(Block([FOOTNOTE_START.match(text).group("text")], page, heading=False, footnote=detail))
            elif kind == "body" and new_paragraph and not blocks[-1].list_item:
                blocks.append(Block([text], page))
            elif previous is not None and self.runs_on(previous, line, kind, lines) and not indented:
                blocks[-1].lines.append(text)
            elif (
                not item
                and not leaves_list
                and previous is not None
                and self.continues(previous, line, kind, detail, spacing, blocks[-1])
            ):
                blocks[-1].lines.append(text)
            else:
                blocks.append(
                    Block(
                        [text],
                        page,
                        heading=kind == "heading",
                        level=detail if kind == "heading" else None,
                        list_item=item,
                    )
                )
            previous = (line, kind, detail)
        return blocks

    def indented(self, line: Line, edges: list[float]) -> bool:
        edge = max((x for x in edges if x <= line.x0 + 1), default=line.x0)
        return line.x0 - edge >= 1.5 * self.body

    def runs_on(self, previous: tuple[Line, str, int | None], line: Line, kind: str, lines: list[Line]) -> bool:
        """Body text that goes on at the top of the next column: the column before ended in a full line."""
        before, before_kind, _ = previous
        if kind != "body" or before_kind != "body" or line.baseline <= before.baseline or line.x0 <= before.x1:
            return False
        column = [
            other.x1 for other in lines if abs(other.x0 - before.x0) < 2 * self.body and self.kind(other)[0] == "body"
        ]
        return before.x1 >= max(column) - self.body

    def first_line_indent(self, line: Line, edges: list[float]) -> bool:
        """A body line set in from its column's edge by a paragraph indent (less than a list's)."""
        edge = max((x for x in edges if x <= line.x0 + 1), default=line.x0)
        return 0.8 * self.body <= line.x0 - edge < 1.5 * self.body

    def starts_item(self, previous: tuple[Line, str, int | None] | None, blocks: list[Block]) -> bool:
        """An indented line after one that introduces a list (":") or ends an item starts a marker-less list item."""
        if previous is None or previous[1] != "body":
            return False
        ending = previous[0].text.rstrip()
        return ending.endswith((":", ";")) or bool(blocks) and blocks[-1].list_item and ending.endswith(".")

    def continues(
        self,
        previous: tuple[Line, str, int | None],
        line: Line,
        kind: str,
        detail: int | None,
        spacing: float,
        block: Block,
    ) -> bool:
        before, before_kind, before_detail = previous
        gap = before.baseline - line.baseline
        if kind == "footnote":
            return block.footnote is not None and 0 < gap < 2 * line.size
        if kind != before_kind or detail != before_detail or block.footnote is not None:
            return False
        return 0 < gap <= (1.7 * line.size if kind == "heading" else 1.3 * spacing)


def read_pdf(path: Path, max_pages: int | None = None) -> PageBlocks:
    """Read a PDF into blocks, with the page numbers it prints and everything it set aside."""
    pages = [(page, build_lines(page.runs)) for page in read_pages(path, max_pages)]
    if not any(lines for _, lines in pages):
        raise SourceError(
            path,
            "the PDF has no text layer (a scan?): "
            "run `stand ocr` on it and list the text export in data/sources.yaml instead",
        )
    furniture_lines, labels = find_furniture(pages)
    furniture: list[Furniture] = []
    kept_pages: list[tuple[PageText, list[Line]]] = []
    for page, lines in pages:
        set_aside = {id(line): reason for line, reason in furniture_lines.get(page.number, [])}
        kept = [line for line in lines if id(line) not in set_aside]
        if is_contents_page(kept):
            set_aside |= {id(line): "contents page" for line in kept}
            kept = []
        furniture += [Furniture(line.text, page.number, set_aside[id(line)]) for line in lines if id(line) in set_aside]
        furniture += [Furniture(" ".join(page.rotated), page.number, "rotated text (not read)")] if page.rotated else []
        kept_pages.append((page, kept))
    if not any(lines for _, lines in kept_pages):
        raise SourceError(path, "the PDF has no text besides headers, footers, page numbers and a contents page")
    body = body_style(kept_pages)
    headings = {round(line.size, 1) for _, lines in kept_pages for line in lines if line.size >= body * HEADING_RATIO}
    ordered = [(page, reading_order(lines, body)) for page, lines in kept_pages]
    soft_breaks = any(run.hyphen for page, _ in pages for run in page.runs)
    maker = BlockMaker(body, sorted(headings), line_spacing([lines for _, lines in ordered], body), soft_breaks)
    blocks = [block for page, lines in ordered for block in maker.blocks(lines, page.number)]
    words = sum(len(line.text.split()) for _, lines in pages for line in lines) + sum(
        len(page.rotated) for page, _ in pages
    )
    return PageBlocks(
        blocks=blocks,
        pages=len(pages),
        source_words=words,
        furniture=furniture,
        labels=labels,
        page_numbering=numbering_note(labels, len(pages), "the PDF"),
    )
