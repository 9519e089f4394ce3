"""The format-neutral shape both readers produce and the structure builder consumes."""

from __future__ import annotations

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
    """What a reader returns: blocks in reading order, plus what it threw away."""

    blocks: list[Block]
    pages: int
    furniture: list[Furniture] = field(default_factory=list)
    page_numbering: str = ""
