"""One source file -> the extracted report: structure, OCR repair, footnotes, ids, as plain dicts."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from . import plausibility
from .blocks import PageBlocks
from .document import Paragraph, Structure
from .footnotes import link_footnotes
from .headings import HeadingMatcher
from .ids import assign_footnote_ids, assign_ids
from .ledger import coverage
from .manifest import Source
from .read_pdf import read_pdf
from .read_text import read_text
from .repair import Change, Repairer, strip_controls
from .review import item as review_item
from .review import resolved
from .structure import StructureBuilder
from .vocabulary import Vocabulary
from .wordlist import load_wordlist


def sha256(path: Path) -> str:
    """The file's SHA-256, read in pieces: a big file costs time, never its size in memory."""
    with open(path, "rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


@dataclass(frozen=True)
class Place:
    """Where a repair was made that is no record of its own (the signature)."""

    id: str


def read_source(source: Source) -> PageBlocks:
    """The source's page blocks, within the manifest's bounds (a runaway file stops, named, instead of eating
    memory)."""
    if source.format == "pdf":
        return read_pdf(source.path, source.max_pages)
    return read_text(source.path, source.max_characters)


def own_words(source: PageBlocks) -> frozenset[str]:
    """The words a document prints whole (not at a line end), to judge a word broken at another line end."""
    return frozenset(w.strip(".,;:!?()‘’“”'\"") for b in source.blocks for line in b.lines for w in line.split()[:-1])


def extract_report(source: Source, vocabulary: Vocabulary) -> dict:
    """The report as read and repaired, before any record is derived from it."""
    matcher = HeadingMatcher(vocabulary.themes, vocabulary.headings, source.organisation_id)
    blocks = read_source(source)
    structure = StructureBuilder(matcher).build(blocks)
    words = load_wordlist()
    corrections = [c for c in vocabulary.corrections if c.report in (None, source.id)]
    repairer = Repairer(words, corrections, own_words(blocks))
    log: list[tuple[object, Change]] = []
    paragraphs = [p for section in structure.sections for p in section.paragraphs]
    for section in structure.sections:
        section.heading, changes = repairer.repair(section.heading, source.id)
        section.title, more = repairer.repair(section.title, source.id)
        log += [(section, c) for c in changes + more]
    for item in paragraphs + structure.footnotes:
        text, changes = repairer.reflow(item.lines)
        item.text, more = repairer.repair(text, source.id)
        log += [(item, c) for c in changes + more]
    for key in ("name", "role") if structure.signatory else ():
        structure.signatory[key], changes = strip_controls(structure.signatory[key])
        log += [(Place(f"{source.id}-ondertekening"), c) for c in changes]
    assign_footnote_ids(source.id, structure.footnotes)
    linked, warnings = link_footnotes(structure.footnotes, paragraphs, words)
    log += linked
    assign_ids(source.id, structure.sections)
    unused = [c for c in repairer.corrections if c not in repairer.used_corrections]
    warnings += [
        review_item("unused-correction", None, f"correction {c.find!r} -> {c.replace!r} matched nothing")
        for c in unused
    ]
    report = serialise(source, structure, log, structure.warnings + warnings)
    accepted, near = plausibility.check(report, structure.source, source.accept, source.path)
    items = report["review"] + near
    kinds = {entry["item"] for entry in items}
    unneeded = [name for name in source.accept if name not in accepted and name not in kinds]
    items += [
        review_item("accept-unneeded", None, f"accept: {name!r} in data/sources.yaml is no longer needed")
        for name in unneeded
    ]
    report["review"] = resolved(items, source.accept)
    if accepted:
        report["accepted"] = accepted
    return report


def pages(labels: dict[int, int], first: int, last: int | None = None) -> dict:
    """Where something stands: the printed page number (or None where the page prints none) and
    the physical page, plus the same for its last page when it runs onto another.

    >>> pages({9: 10}, 9, 10)
    {'page': 10, 'pdf_page': 9, 'page_end': None, 'pdf_page_end': 10}
    """
    where = {"page": labels.get(first), "pdf_page": first}
    if last is not None and last != first:
        where |= {"page_end": labels.get(last), "pdf_page_end": last}
    return where


def paragraph_dict(paragraph: Paragraph, labels: dict[int, int]) -> dict:
    entry = {"id": paragraph.id, "anchor": paragraph.anchor} | pages(labels, paragraph.page, paragraph.page_end)
    if paragraph.list_item:
        entry["list_item"] = True
    entry["text"] = paragraph.text
    if paragraph.footnote_refs:
        entry["footnotes"] = paragraph.footnote_refs
    return entry


def serialise(source: Source, structure: Structure, log: list[tuple[object, Change]], warnings: list[dict]) -> dict:
    """The report in the key order of data/reports/<id>.yaml: identity, source, text, audit trail."""
    labels = structure.source.labels
    signatory = structure.signatory
    return {
        "id": source.id,
        "organisation": source.organisation,
        "organisation_id": source.organisation_id,
        "year": source.year,
        "title": source.title,
        "subtitle": source.subtitle,
        "license": source.license,
        "source": {
            "file": source.file,
            "format": source.format,
            "text_from": source.text_from or ("de tekstlaag van de pdf" if source.format == "pdf" else None),
            "sha256": sha256(source.path),
            "url": source.url,
            "pdf_sha256": source.pdf_sha256,
            "published": source.published,
            "kamerstuk": source.kamerstuk,
            "publisher": source.publisher,
            "pages": structure.source.pages,
            "printed_page_numbers": len(labels),
            "page_numbering": structure.source.page_numbering,
        },
        "signatory": signatory
        and {"name": signatory["name"], "role": signatory["role"]} | pages(labels, signatory["page"]),
        "sections": [
            {
                "id": s.id,
                "kind": s.kind,
                "title": s.title,
                "heading": s.heading,
                "theme": s.theme,
                "parent": s.parent.id if s.parent else None,
                **pages(labels, s.page),
                "paragraphs": [paragraph_dict(p, labels) for p in s.paragraphs],
            }
            for s in structure.sections
        ],
        "footnotes": [
            {"id": f.id, "number": f.number, **pages(labels, f.page), "section": f.section.id, "text": f.text}
            for f in structure.footnotes
        ],
        "coverage": coverage(structure, len(log)),
        "repairs": [
            {"where": where.id, "rule": change.rule, "original": change.original, "repaired": change.repaired}
            for where, change in log
        ],
        "furniture": [{"pdf_page": f.page, "reason": f.reason, "text": f.text} for f in structure.furniture],
        "review": warnings,
    }
