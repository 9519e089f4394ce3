"""The format-neutral shape both readers produce and the structure builder consumes."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Block:
    """A run of lines the source sets apart (a paragraph, a heading, a footnote).

    ``heading`` is what the source's typography says: True/False from font
    size in a PDF, None where the source cannot tell (plain text), so the
    structure builder falls back on the words themselves.
    """

    lines: list[str]
    page: int
    heading: bool | None = None
    level: int | None = None  # a heading's rank by typography (1: the largest), where the source shows it
    footnote: int | None = None  # the number of a footnote the source sets apart by typography
    list_item: bool = False  # a list item the layout shows by indentation rather than by a marker

    @property
    def text(self) -> str:
        return " ".join(line.strip() for line in self.lines).strip()


@dataclass
class Furniture:
    """Something removed from the source because it is not report text."""

    text: str
    page: int
    reason: str


@dataclass
class PageBlocks:
    """What a reader returns: blocks in reading order, plus what it threw away.

    Pages are physical: the n-th page of the file (or of the text export).
    ``labels`` holds the page number the source itself prints, only for the
    pages that print one. ``source_words`` counts every word the reader saw,
    so the ledger can show where each one went.
    """

    blocks: list[Block]
    pages: int
    source_words: int
    furniture: list[Furniture] = field(default_factory=list)
    labels: dict[int, int] = field(default_factory=dict)
    page_numbering: str = ""


def numbering_note(labels: dict[int, int], count: int, where: str) -> str:
    """How the pages of a source are numbered, for the report's ``source.page_numbering``.

    >>> numbering_note({9: 10}, 10, "the export") == (
    ...     "printed page numbers on 1 of 10 pages in the export (page 9 prints 10); "
    ...     "pages without one are cited by their place in the export"
    ... )
    True
    >>> numbering_note({}, 13, "the export")
    'no printed page numbers; pages are cited by their place in the export (13 pages)'
    """
    if not labels:
        return f"no printed page numbers; pages are cited by their place in {where} ({count} pages)"
    first = min(labels)
    return (
        f"printed page numbers on {len(labels)} of {count} pages in {where} (page {first} prints {labels[first]}); "
        f"pages without one are cited by their place in {where}"
    )


def fold_digits(text: str) -> str:
    """A line with its numbers folded, so "Pagina 3 van 12" and "Pagina 4 van 12" compare equal.

    >>> fold_digits("Pagina 3  van 12")
    'pagina # van #'
    """
    return re.sub(r"\d+", "#", " ".join(text.split()).lower())


def recurring(lines_by_page: list[set[str]], share: float = 0.25) -> set[str]:
    """Folded lines found on many pages (at least 3, and ``share`` of them): running headers and footers."""
    counts = Counter(text for texts in lines_by_page for text in texts)
    threshold = max(3, share * len(lines_by_page))
    return {text for text, n in counts.items() if n >= threshold}
