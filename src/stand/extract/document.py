"""What the structure builder makes of a source: sections with paragraphs, footnotes, what was set aside.

Text is as the source has it (``lines``) until the repair stage sets ``text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .blocks import Furniture, PageBlocks


@dataclass
class Paragraph:
    """Body text as the source has it; ``text`` is set by the repair stage."""

    lines: list[str]
    page: int
    page_end: int
    list_item: bool = False
    marker: str = ""  # the list marker ("-", "•") taken off its first line
    text: str = ""
    id: str = ""
    anchor: str = ""
    footnote_refs: list[dict] = field(default_factory=list)


@dataclass
class Section:
    kind: str
    heading: str
    title: str
    page: int
    theme: str | None
    parent: Section | None
    paragraphs: list[Paragraph] = field(default_factory=list)
    id: str = ""
    from_source: bool = True  # False for the placeholder that holds text found before any heading


@dataclass
class Footnote:
    number: int
    lines: list[str]
    page: int
    section: Section
    text: str = ""
    id: str = ""


@dataclass
class Structure:
    sections: list[Section]
    footnotes: list[Footnote]
    signatory: dict | None
    furniture: list[Furniture]
    warnings: list[dict]  # review items (stand.extract.review)
    source: PageBlocks
    signature_words: int = 0
