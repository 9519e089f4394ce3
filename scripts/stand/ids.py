"""Stable ids derived from content (organisation, year, title, opening words), never from position."""

from __future__ import annotations

from slugify import slugify

from .headings import EXAMPLE_KINDS, PART_KINDS
from .structure import Footnote, Section

OPENING_WORDS = 6


def slug(text: str, max_words: int | None = None) -> str:
    """URL-safe slug, Dutch letters folded.

    >>> slug("Focus: goed en duurzaam")
    'focus-goed-en-duurzaam'
    >>> slug("Logius heeft in 2023 111 nieuwe collega’s in dienst", 6)
    'logius-heeft-in-2023-111-nieuwe'
    """
    words = text.split()
    if max_words is not None:
        words = words[:max_words]
    return slugify(" ".join(words), replacements=[["’", ""], ["'", ""]]) or "x"


def local_anchor(report_id: str, record_id: str) -> str:
    """A record's anchor on its report page: its id without the report prefix.

    >>> local_anchor("logius-2022", "logius-2022-voetnoot-1-1")
    'voetnoot-1-1'
    """
    return record_id.removeprefix(f"{report_id}-")


class IdRegistry:
    """Hands out ids, adding -2, -3 ... only when the same id is asked for twice."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def claim(self, wanted: str) -> str:
        candidate, n = wanted, 2
        while candidate in self.taken:
            candidate, n = f"{wanted}-{n}", n + 1
        self.taken.add(candidate)
        return candidate


def assign_footnote_ids(report_id: str, footnotes: list[Footnote]) -> None:
    """Footnotes are numbered per page in some reports, so the page is part of the id."""
    registry = IdRegistry()
    for footnote in footnotes:
        footnote.id = registry.claim(f"{report_id}-voetnoot-{footnote.page}-{footnote.number}")


def assign_ids(report_id: str, sections: list[Section]) -> None:
    """Give sections and paragraphs their ids, in reading order."""
    registry = IdRegistry()
    for section in sections:
        if section.kind == "theme" and section.theme:
            wanted = f"{report_id}-{section.theme}"
        elif section.kind in EXAMPLE_KINDS or section.parent is None:
            wanted = f"{report_id}-{slug(section.title)}"
        elif section.kind == "examples":
            wanted = f"{section.parent.id}-voorbeelden"
        elif section.kind in PART_KINDS:
            wanted = f"{section.parent.id}-{section.kind.replace('_', '-')}"
        else:
            wanted = f"{section.parent.id}-{slug(section.title)}"
        section.id = registry.claim(wanted)
    # Paragraph anchors share the report page with section anchors (id minus report prefix).
    anchors = IdRegistry()
    anchors.taken.update(local_anchor(report_id, section.id) for section in sections)
    for section in sections:
        for paragraph in section.paragraphs:
            paragraph.anchor = anchors.claim(slug(paragraph.text, OPENING_WORDS))
            paragraph.id = f"{report_id}-{paragraph.anchor}"
