"""Examples: the "Voorbeeld:" and "Illustratie:" sections, with their parts kept apart."""

from __future__ import annotations

from ..model import EXAMPLE_KINDS, PART_KINDS


def examples(report: dict) -> list[dict]:
    """One record per example section; each part lists its paragraph ids."""
    by_parent: dict[str, list[dict]] = {}
    for section in report["sections"]:
        by_parent.setdefault(section["parent"] or "", []).append(section)
    records = []
    for section in report["sections"]:
        if section["kind"] not in EXAMPLE_KINDS:
            continue
        record = {
            "id": section["id"],
            "report": report["id"],
            "year": report["year"],
            "theme": section["theme"],
            "kind": section["kind"],
            "title": section["title"],
            "heading": section["heading"],
            "page": section["page"],
            "pdf_page": section["pdf_page"],
            "paragraphs": [p["id"] for p in section["paragraphs"]],
        }
        headings = {}
        for kind in PART_KINDS:
            parts = [child for child in by_parent.get(section["id"], []) if child["kind"] == kind]
            record[kind] = [p["id"] for part in parts for p in part["paragraphs"]]
            if parts:
                headings[kind] = parts[0]["heading"]
        record["part_headings"] = headings
        records.append(record)
    return records
