"""The CSV tables: one per record type, nested lists flattened into long tables or joined cells."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from ..model import PART_KINDS
from .records import MENTION_FIELDS

SEPARATOR = " | "


def joined(values: list) -> str:
    """Lists in a CSV cell: values separated by ' | ' (none of the values contains it)."""
    return SEPARATOR.join(str(v) for v in values)


# The columns whose cell is a list joined with SEPARATOR, by table.
LIST_COLUMNS = {"paragraphs": {"footnotes"}, "examples": {"more_themes", "topics"}, "calls": {"addressees"}, "topics": {"aliases"}}


Column = tuple[str, Callable[[dict], object]]
Table = tuple[list[Column], list[dict]]


def field(name: str) -> Column:
    return name, lambda record: record[name]


def fields(*names: str) -> list[Column]:
    return [field(name) for name in names]


SOURCE = fields("source_file", "source_sha256", "url")

# The columns of every table, in the order they are published.
COLUMNS: dict[str, list[Column]] = {
    "reports": fields("id", "organisation", "organisation_id", "year", "title", "subtitle", "license")
    + [
        ("source_file", lambda r: r["source"]["file"]),
        ("text_from", lambda r: r["source"]["text_from"]),
        ("source_sha256", lambda r: r["source"]["sha256"]),
        ("source_url", lambda r: r["source"]["url"]),
        ("pages", lambda r: r["source"]["pages"]),
        ("printed_page_numbers", lambda r: r["source"]["printed_page_numbers"]),
        ("signatory", lambda r: r["signatory"]["name"] if r["signatory"] else None),
        field("url"),
    ],
    "themes": fields("id", "title", "description", "url"),
    "theme_headings": fields("theme", "report", "year", "heading", "section"),
    "sections": fields("id", "report", "year", "kind", "title", "heading", "theme", "parent", "page", "pdf_page", "url"),
    "paragraphs": fields("id", "report", "year", "section", "theme", "example", "position", "page", "pdf_page")
    + [
        ("page_end", lambda p: p.get("page_end", p["page"])),
        ("pdf_page_end", lambda p: p.get("pdf_page_end", p["pdf_page"])),
        ("list_item", lambda p: p.get("list_item", False)),
        field("text"),
        ("footnotes", lambda p: joined(r["footnote"] for r in p.get("footnotes", []))),
        field("url"),
    ],
    "footnotes": fields("id", "report", "number", "page", "pdf_page", "section", "text", "url"),
    "examples": fields("id", "report", "year", "theme")
    + [("more_themes", lambda e: joined(e["more_themes"]))]
    + fields("kind", "title", "heading", "page", "pdf_page")
    + [(f"{kind}_count", lambda e, k=kind: len(e[k])) for kind in PART_KINDS]
    + [("topics", lambda e: joined(e["topics"]))]
    + SOURCE,
    "example_parts": fields("id", "example", "report", "year", "part", "position", "paragraph", "page", "pdf_page", "text", "url"),
    "calls": fields("id", "report", "year", "theme", "example", "section", "paragraph", "page", "pdf_page", "kind", "verb")
    + [("addressees", lambda c: joined(c["addressees"])), field("text"), field("origin"), field("reason")]
    + SOURCE,
    "figures": fields(
        "id",
        "report",
        "year",
        "theme",
        "example",
        "section",
        "paragraph",
        "page",
        "pdf_page",
        "kind",
        "value",
        "unit",
        "text",
        "label",
        "approximate",
        "sentence",
    )
    + SOURCE,
    "topics": fields("id", "name", "description") + [("aliases", lambda t: joined(t["aliases"])), ("mentions", lambda t: len(t["mentions"])), field("url")],
    "stories": fields("example", "continues", "reason", "url"),
    "mentions": fields("topic", *MENTION_FIELDS) + SOURCE,
}


def part_id(paragraph_id: str, part: str) -> str:
    """A row of example_parts: one paragraph as one part of an example (a paragraph is in one example).

    >>> part_id("logius-2022-we-zien-dat", "went_wrong")
    'logius-2022-we-zien-dat-went-wrong'
    """
    return f"{paragraph_id}-{part.replace('_', '-')}"


def example_of_paragraph(dataset: dict) -> dict[str, str]:
    """The example (or illustration) each of its paragraphs belongs to."""
    return {p["id"]: e["id"] for e in dataset["examples"] for kind in ("paragraphs",) + PART_KINDS for p in e[kind]}


def table_rows(dataset: dict) -> dict[str, list[dict]]:
    """The rows of every table; nested lists (paragraphs, parts, headings, mentions) become long tables."""
    example_of = example_of_paragraph(dataset)
    return {
        "reports": dataset["reports"],
        "themes": dataset["themes"],
        "theme_headings": [h | {"theme": t["id"]} for t in dataset["themes"] for h in t["headings"]],
        "sections": dataset["sections"],
        "paragraphs": [
            p | {"report": s["report"], "year": s["year"], "section": s["id"], "theme": s["theme"], "example": example_of.get(p["id"]), "position": i}
            for s in dataset["sections"]
            for i, p in enumerate(s["paragraphs"], start=1)
        ],
        "footnotes": dataset["footnotes"],
        "examples": dataset["examples"],
        "example_parts": [
            {"id": part_id(p["id"], kind), "example": e["id"], "report": e["report"], "year": e["year"], "part": kind, "position": i, "paragraph": p["id"]}
            | {k: p[k] for k in ("page", "pdf_page", "text", "url")}
            for e in dataset["examples"]
            for kind in ("paragraphs",) + PART_KINDS
            for i, p in enumerate(e[kind], start=1)
        ],
        "calls": dataset["calls"],
        "figures": dataset["figures"],
        "topics": dataset["topics"],
        "mentions": [m | {"topic": t["id"]} for t in dataset["topics"] for m in t["mentions"]],
        "stories": dataset["stories"],
    }


def csv_tables(dataset: dict) -> dict[str, Table]:
    """One table per record type: its columns and its rows."""
    rows = table_rows(dataset)
    return {name: (columns, rows[name]) for name, columns in COLUMNS.items()}


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> object:
    """A CSV cell: booleans as true/false, None empty, and text that a spreadsheet would run as a
    formula (starting with =, +, -, @, tab or return) behind an apostrophe, as OWASP advises.

    >>> [cell(v) for v in (True, None, 3, "=1+1", "- lijstje", "gewoon")]
    ['true', '', 3, "'=1+1", "'- lijstje", 'gewoon']
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_text(columns: list[Column], rows: list[dict]) -> str:
    """CSV with a header row, every cell quoted when needed, booleans as true/false, None as empty."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([name for name, _ in columns])
    for row in rows:
        values = [getter(row) for _, getter in columns]
        writer.writerow([cell(v) for v in values])
    return out.getvalue()


def row_values(table: Table) -> list[tuple]:
    """The rows as typed values (numbers, booleans, None; lists joined), for the formats that keep types."""
    columns, rows = table
    return [tuple(getter(row) for _, getter in columns) for row in rows]
