"""Stable ids for sections, paragraphs and footnotes, from content (organisation, year, title,
opening words), never from position."""

from __future__ import annotations

from ..model import EXAMPLE_KINDS, PART_KINDS, IdRegistry, local_anchor, slug
from .document import Footnote, Section

OPENING_WORDS = 6


def assign_footnote_ids(report_id: str, footnotes: list[Footnote]) -> None:
    """Footnotes by their printed number and opening words (numbering may restart per page or chapter).

    No page number and no position in the id: page labels may be corrected and
    footnotes added, and ids must not move.
    """
    registry = IdRegistry()
    for footnote in footnotes:
        footnote.id = registry.claim(f"{report_id}-voetnoot-{footnote.number}-{slug(footnote.text, 4)}")


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
