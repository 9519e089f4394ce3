"""The CSV tables: one per record type, nested lists flattened into long tables or joined cells."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from ..model import PART_KINDS


def joined(values: list) -> str:
    """Lists in a CSV cell: values separated by ' | ' (none of the values contains it)."""
    return " | ".join(str(v) for v in values)


Column = tuple[str, Callable[[dict], object]]
Table = tuple[list[Column], list[dict]]


def field(name: str) -> Column:
    return name, lambda record: record[name]


def fields(*names: str) -> list[Column]:
    return [field(name) for name in names]


def csv_tables(dataset: dict) -> dict[str, Table]:
    """One table per record type; nested lists become their own long tables or ' | '-joined cells."""
    paragraphs = [
        p | {"report": s["report"], "year": s["year"], "section": s["id"], "theme": s["theme"], "position": i}
        for s in dataset["sections"]
        for i, p in enumerate(s["paragraphs"], start=1)
    ]
    parts = [
        {"example": e["id"], "report": e["report"], "year": e["year"], "part": kind, "position": i} | p
        for e in dataset["examples"]
        for kind in ("paragraphs",) + PART_KINDS
        for i, p in enumerate(e[kind], start=1)
    ]
    headings = [h | {"theme": t["id"]} for t in dataset["themes"] for h in t["headings"]]
    mentions = [m | {"topic": t["id"]} for t in dataset["topics"] for m in t["mentions"]]
    source = fields("source_file", "source_sha256", "url")
    return {
        "reports": (
            fields("id", "organisation", "organisation_id", "year", "title", "subtitle", "license")
            + [
                ("source_file", lambda r: r["source"]["file"]),
                ("source_sha256", lambda r: r["source"]["sha256"]),
                ("source_url", lambda r: r["source"]["url"]),
                ("pages", lambda r: r["source"]["pages"]),
                ("signatory", lambda r: r["signatory"]["name"] if r["signatory"] else None),
                field("url"),
            ],
            dataset["reports"],
        ),
        "themes": (fields("id", "title", "description", "url"), dataset["themes"]),
        "theme_headings": (fields("theme", "report", "year", "heading", "section"), headings),
        "sections": (fields("id", "report", "year", "kind", "title", "heading", "theme", "parent", "page", "url"), dataset["sections"]),
        "paragraphs": (
            fields("id", "report", "year", "section", "theme", "position", "page")
            + [
                ("page_end", lambda p: p.get("page_end", p["page"])),
                ("list_item", lambda p: p.get("list_item", False)),
                field("text"),
                ("footnotes", lambda p: joined(r["footnote"] for r in p.get("footnotes", []))),
                field("url"),
            ],
            paragraphs,
        ),
        "footnotes": (fields("id", "report", "number", "page", "section", "text", "url"), dataset["footnotes"]),
        "examples": (
            fields("id", "report", "year", "theme", "kind", "title", "heading", "page")
            + [(f"{kind}_count", lambda e, k=kind: len(e[k])) for kind in PART_KINDS]
            + [("topics", lambda e: joined(e["topics"]))]
            + source,
            dataset["examples"],
        ),
        "example_parts": (fields("example", "report", "year", "part", "position", "id", "page", "text", "url"), parts),
        "calls": (
            fields("id", "report", "year", "theme", "section", "paragraph", "page", "verb")
            + [("addressees", lambda c: joined(c["addressees"])), field("text")]
            + source,
            dataset["calls"],
        ),
        "figures": (
            fields("id", "report", "year", "theme", "section", "paragraph", "page", "value", "unit", "text", "label", "approximate", "sentence") + source,
            dataset["figures"],
        ),
        "topics": (
            fields("id", "name", "description") + [("aliases", lambda t: joined(t["aliases"])), ("mentions", lambda t: len(t["mentions"])), field("url")],
            dataset["topics"],
        ),
        "mentions": (fields("topic", "report", "year", "theme", "section", "paragraph", "page", "alias", "sentence") + source, mentions),
    }


def csv_text(columns: list[Column], rows: list[dict]) -> str:
    """CSV with a header row, every cell quoted when needed, booleans as true/false, None as empty."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([name for name, _ in columns])
    for row in rows:
        values = [getter(row) for _, getter in columns]
        writer.writerow(["true" if v is True else "false" if v is False else "" if v is None else v for v in values])
    return out.getvalue()
