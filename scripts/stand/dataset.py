"""The open dataset: one JSON, one JSON per report, CSV tables, JSON Schema and datapackage.json.

Built from ``data/`` through :class:`~stand.catalog.Catalog`, validated
against ``schema/stand-van-de-uitvoering.schema.json`` (every error
collected before failing), checked for duplicate ids and dangling
references, and only handed out when every check passes. The version comes from
``CHANGELOG.md`` and must name the digest of the data it describes, so the
version changes exactly when the data does.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

from jsonschema import Draft202012Validator

from .catalog import Catalog, example_path, report_path, theme_path, topic_path
from .headings import PART_KINDS
from .ids import local_anchor

TITLE = "Stand van de uitvoering als open data"
LICENSE = "CC0-1.0"
DATASET_NAME = "stand-van-de-uitvoering"


class DatasetError(Exception):
    """The dataset is not fit to publish; no file of it is handed out."""


def data_digest(data_dir: Path) -> str:
    """Short digest of the reviewed data the dataset is built from."""
    digest = hashlib.sha256()
    for path in sorted((data_dir / "reports").glob("*.yaml")) + [data_dir / "themes.yaml", data_dir / "topics.yaml"]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def changelog_version(changelog: Path, digest: str) -> str:
    """The newest version in CHANGELOG.md, which must record the current data digest."""
    text = changelog.read_text(encoding="utf-8")
    found = re.search(r"^## (\d+\.\d+\.\d+)\b(?P<body>.*?)(?=^## |\Z)", text, re.M | re.S)
    if not found:
        raise DatasetError(f"{changelog}: no version heading ('## 1.0.0') found")
    if f"`{digest}`" not in found.group("body"):
        raise DatasetError(
            f"{changelog}: the data changed since version {found.group(1)}; add a new version whose entry names the data digest `{digest}`"
        )
    return found.group(1)


def build_records(catalog: Catalog, base_url: str) -> dict:
    """Every record type with provenance (report, source file and checksum, page, paragraph, link)."""

    def url(path: str) -> str:
        return base_url + path

    def provenance(report_id: str) -> dict:
        source = catalog.report_by_id[report_id]["source"]
        return {"source_file": source["file"], "source_sha256": source["sha256"]}

    def part(paragraph_id: str) -> dict:
        p = catalog.paragraph_by_id[paragraph_id]
        return {"id": p["id"], "page": p["page"], "text": p["text"], "url": url(catalog.paragraph_path(p["id"]))}

    reports = [
        {k: r[k] for k in ("id", "organisation", "organisation_id", "year", "title", "subtitle", "license", "source", "signatory")}
        | {"url": url(report_path(r))}
        for r in catalog.reports
    ]
    themes = [t | {"url": url(theme_path(t["id"]))} for t in catalog.themes]
    sections = [
        {
            "id": s["id"], "report": r["id"], "year": r["year"], "kind": s["kind"], "title": s["title"],
            "heading": s["heading"], "theme": s["theme"], "parent": s["parent"], "page": s["page"],
            "url": url(catalog.section_path(s["id"])),
            "paragraphs": [p | {"url": url(catalog.paragraph_path(p["id"]))} for p in s["paragraphs"]],
        }
        for r in catalog.reports
        for s in r["sections"]
    ]
    footnotes = [
        f | {"report": r["id"], "url": url(f"{report_path(r)}#{local_anchor(r['id'], f['id'])}")}
        for r in catalog.reports
        for f in r["footnotes"]
    ]
    examples = [
        {
            **{k: e[k] for k in ("id", "report", "year", "theme", "kind", "title", "heading", "page")},
            "paragraphs": [part(p) for p in e["paragraphs"]],
            **{kind: [part(p) for p in e[kind]] for kind in PART_KINDS},
            "part_headings": e["part_headings"],
            "topics": e["topics"],
            **provenance(e["report"]),
            "url": url(example_path(e["id"])),
        }
        for e in catalog.examples
    ]
    calls = [c | provenance(c["report"]) | {"url": url(catalog.paragraph_path(c["paragraph"]))} for c in catalog.calls]
    figures = [f | provenance(f["report"]) | {"url": url(catalog.paragraph_path(f["paragraph"]))} for f in catalog.figures]
    mentions_by_topic: dict[str, list[dict]] = {}
    for r in catalog.reports:
        for m in r["mentions"]:
            entry = {k: m[k] for k in ("report", "year", "theme", "section", "paragraph", "page", "alias", "sentence")}
            mentions_by_topic.setdefault(m["topic"], []).append(entry | provenance(r["id"]) | {"url": url(catalog.paragraph_path(m["paragraph"]))})
    topics = [
        {k: t[k] for k in ("id", "name", "description", "aliases")} | {"mentions": mentions_by_topic.get(t["id"], []), "url": url(topic_path(t["id"]))}
        for t in catalog.topics
    ]
    return {
        "reports": reports, "themes": themes, "sections": sections, "footnotes": footnotes,
        "examples": examples, "calls": calls, "figures": figures, "topics": topics,
    }


def check_integrity(dataset: dict, schema: dict) -> list[str]:
    """All problems at once: schema errors, duplicate ids, references that point nowhere."""
    problems = [
        f"schema: {'/'.join(str(p) for p in error.absolute_path) or '(root)'}: {error.message}"
        for error in sorted(Draft202012Validator(schema).iter_errors(dataset), key=lambda e: list(map(str, e.absolute_path)))
    ]
    ids: dict[str, set[str]] = {}
    for kind in ("reports", "themes", "sections", "footnotes", "examples", "calls", "figures", "topics"):
        seen: set[str] = set()
        for record in dataset[kind]:
            if record["id"] in seen:
                problems.append(f"{kind}: duplicate id {record['id']!r}")
            seen.add(record["id"])
        ids[kind] = seen
    paragraphs = {p["id"] for s in dataset["sections"] for p in s["paragraphs"]}

    def expect(kind: str, value: str | None, where: str, target: set[str]) -> None:
        if value is not None and value not in target:
            problems.append(f"{where}: {kind} {value!r} points nowhere")

    for s in dataset["sections"]:
        expect("report", s["report"], s["id"], ids["reports"])
        expect("theme", s["theme"], s["id"], ids["themes"])
        expect("parent", s["parent"], s["id"], ids["sections"])
        for p in s["paragraphs"]:
            for ref in p.get("footnotes", []):
                expect("footnote", ref["footnote"], p["id"], ids["footnotes"])
    for kind in ("examples", "calls", "figures"):
        for record in dataset[kind]:
            expect("report", record["report"], record["id"], ids["reports"])
            expect("theme", record["theme"], record["id"], ids["themes"])
            if "paragraph" in record:
                expect("paragraph", record["paragraph"], record["id"], paragraphs)
    for e in dataset["examples"]:
        for kind in ("paragraphs",) + PART_KINDS:
            for p in e[kind]:
                expect("paragraph", p["id"], e["id"], paragraphs)
        for topic in e["topics"]:
            expect("topic", topic, e["id"], ids["topics"])
    for t in dataset["topics"]:
        for m in t["mentions"]:
            expect("paragraph", m["paragraph"], t["id"], paragraphs)
    for t in dataset["themes"]:
        for h in t["headings"]:
            expect("section", h["section"], t["id"], ids["sections"])
    return problems


def joined(values: list) -> str:
    """Lists in a CSV cell: values separated by ' | ' (none of the values contains it)."""
    return " | ".join(str(v) for v in values)


Column = tuple[str, Callable[[dict], object]]


def field(name: str) -> Column:
    return name, lambda record: record[name]


def fields(*names: str) -> list[Column]:
    return [field(name) for name in names]


def csv_tables(dataset: dict) -> dict[str, tuple[list[Column], list[dict]]]:
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
            + [("source_file", lambda r: r["source"]["file"]), ("source_sha256", lambda r: r["source"]["sha256"]),
               ("source_url", lambda r: r["source"]["url"]), ("pages", lambda r: r["source"]["pages"]),
               ("signatory", lambda r: r["signatory"]["name"] if r["signatory"] else None), field("url")],
            dataset["reports"],
        ),
        "themes": (fields("id", "title", "description", "url"), dataset["themes"]),
        "theme_headings": (fields("theme", "report", "year", "heading", "section"), headings),
        "sections": (fields("id", "report", "year", "kind", "title", "heading", "theme", "parent", "page", "url"), dataset["sections"]),
        "paragraphs": (
            fields("id", "report", "year", "section", "theme", "position", "page")
            + [("page_end", lambda p: p.get("page_end", p["page"])), ("list_item", lambda p: p.get("list_item", False)),
               field("text"), ("footnotes", lambda p: joined(r["footnote"] for r in p.get("footnotes", []))), field("url")],
            paragraphs,
        ),
        "footnotes": (fields("id", "report", "number", "page", "section", "text", "url"), dataset["footnotes"]),
        "examples": (
            fields("id", "report", "year", "theme", "kind", "title", "heading", "page")
            + [(f"{kind}_count", lambda e, k=kind: len(e[k])) for kind in PART_KINDS]
            + [("topics", lambda e: joined(e["topics"]))] + source,
            dataset["examples"],
        ),
        "example_parts": (fields("example", "report", "year", "part", "position", "id", "page", "text", "url"), parts),
        "calls": (
            fields("id", "report", "year", "theme", "section", "paragraph", "page", "verb")
            + [("addressees", lambda c: joined(c["addressees"])), field("text")] + source,
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


def field_type(values: list) -> str:
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, bool) for v in present):
        return "boolean"
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return "integer"
    if present and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return "number"
    return "string"


TABLE_DEFINITIONS = {
    "reports": ("report",), "themes": ("theme",), "theme_headings": ("theme", "headings"),
    "sections": ("section",), "paragraphs": ("section", "paragraphs"), "footnotes": ("footnote",),
    "examples": ("example",), "example_parts": ("part_paragraph",), "calls": ("call",),
    "figures": ("figure",), "topics": ("topic",), "mentions": ("topic", "mentions"),
}


# Columns that exist only in the CSV flattening, not as JSON fields.
CSV_ONLY_COLUMNS = {
    "pages": "Aantal pagina's in het bronbestand.",
    "position": "Volgnummer binnen het onderdeel of het deel van het voorbeeld.",
    "example": "Sleutel van het voorbeeld.",
    "part": "Deel van het voorbeeld: paragraphs (zonder deelkop), went_well, went_wrong of must_change.",
    "topic": "Sleutel van het onderwerp.",
    "signatory": "Naam van wie het rapport ondertekende.",
    "source_url": "Adres van de oorspronkelijke publicatie, als dat bekend is.",
    "mentions": "Aantal alinea's waarin het onderwerp wordt genoemd.",
}


def resolve(schema: dict, node: dict) -> dict:
    ref = node.get("$ref", "")
    return schema["$defs"][ref.removeprefix("#/$defs/")] if ref.startswith("#/$defs/") else node


def properties(schema: dict, definition: str, nested: str | None = None) -> dict[str, dict]:
    """The properties of a record type (or of the items of one of its lists), refs resolved."""
    node = schema["$defs"][definition]
    if nested:
        node = resolve(schema, node["properties"][nested]["items"])
    return {name: resolve(schema, prop) | {k: v for k, v in prop.items() if k == "description"} for name, prop in node["properties"].items()}


def column_description(schema: dict, table: str, column: str) -> str:
    """A CSV column's description, taken from the JSON Schema so it is written once."""
    own = properties(schema, *TABLE_DEFINITIONS[table])
    if column in CSV_ONLY_COLUMNS and column not in own:
        return CSV_ONLY_COLUMNS[column]
    for name in (column, column.removesuffix("_count"), column.removeprefix("source_")):
        if name in own and own[name].get("description"):
            return own[name]["description"]
    for definition in schema["$defs"].values():
        if column in definition.get("properties", {}):
            described = resolve(schema, definition["properties"][column]).get("description")
            if described:
                return described
    return ""


def datapackage(tables: dict, version: str, base_url: str, schema: dict, catalog: Catalog) -> dict:
    """Frictionless Data Package describing every published file."""
    resources = [
        {
            "name": "stand-van-de-uitvoering",
            "path": "stand-van-de-uitvoering.json",
            "format": "json",
            "mediatype": "application/json",
            "encoding": "utf-8",
            "jsonSchema": "schema/stand-van-de-uitvoering.schema.json",
            "description": "De hele dataset in één bestand; jsonSchema wijst naar het JSON Schema (draft 2020-12) met een beschrijving per veld.",
        },
    ]
    for name, (columns, rows) in tables.items():
        resources.append({
            "name": name.replace("_", "-"),
            "path": f"csv/{name}.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": {"delimiter": ",", "header": True},
            "schema": {
                "fields": [
                    {"name": column, "type": field_type([getter(r) for r in rows]), "description": column_description(schema, name, column)}
                    for column, getter in columns
                ]
            },
        })
    years = catalog.years
    return {
        "profile": "data-package",
        "name": DATASET_NAME,
        "title": TITLE,
        "description": "De rapporten 'Stand van de uitvoering' van Logius als open data: secties, alinea's, voorbeelden, oproepen, cijfers en onderwerpen, elk met rapport, pagina en alinea.",
        "version": version,
        "homepage": base_url,
        "licenses": [{"name": LICENSE, "path": "https://creativecommons.org/publicdomain/zero/1.0/", "title": "CC0 1.0"}],
        "sources": [
            {"title": f"{r['organisation']}, {r['title']}", "path": r["source"]["url"] or f"data/sources/{r['source']['file']}"}
            for r in catalog.reports
        ],
        "keywords": ["Logius", "Stand van de uitvoering", "digitale overheid", "uitvoering", "Tweede Kamer"],
        "temporal": {"start": str(years[0]), "end": str(years[-1])},
        "resources": resources,
    }


def build_files(root: Path, base_url: str, catalog: Catalog | None = None) -> dict[str, bytes]:
    """Every dataset file by its path under /data/, or DatasetError listing every problem.

    ``catalog`` is the data already loaded (the site build has it); without
    it the data is read from ``root/data``.
    """
    catalog = catalog or Catalog.load(root / "data")
    schema_path = root / "schema" / "stand-van-de-uitvoering.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    version = changelog_version(root / "CHANGELOG.md", data_digest(root / "data"))
    records = build_records(catalog, base_url)
    dataset = {"title": TITLE, "version": version, "license": LICENSE} | records
    problems = check_integrity(dataset, schema)
    if problems:
        raise DatasetError(f"{len(problems)} problem(s) in the dataset:\n" + "\n".join(f"  - {p}" for p in problems))

    def as_json(value: object) -> bytes:
        return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode("utf-8")

    files = {"stand-van-de-uitvoering.json": as_json(dataset), "schema/stand-van-de-uitvoering.schema.json": schema_path.read_bytes()}
    for report in catalog.reports:
        own = {kind: [r for r in records[kind] if r.get("report") == report["id"]] for kind in ("sections", "footnotes", "examples", "calls", "figures")}
        files[f"reports/{report['id']}.json"] = as_json(
            {k: dataset[k] for k in ("title", "version", "license")} | {"report": next(r for r in records["reports"] if r["id"] == report["id"])} | own
        )
    tables = csv_tables(dataset)
    for name, (columns, rows) in tables.items():
        files[f"csv/{name}.csv"] = csv_text(columns, rows).encode("utf-8")
    files["datapackage.json"] = as_json(datapackage(tables, version, base_url, schema, catalog))
    files.update(slices(dataset, tables, as_json))
    return dict(sorted(files.items()))


def slices(dataset: dict, tables: dict, as_json: Callable[[object], bytes]) -> dict[str, bytes]:
    """The part of the data behind one page of the site: a report, a theme, an example."""
    files: dict[str, bytes] = {}
    paragraph_columns, paragraph_rows = tables["paragraphs"]
    part_columns, part_rows = tables["example_parts"]
    head = {k: dataset[k] for k in ("title", "version", "license")}
    for report in dataset["reports"]:
        rows = [p for p in paragraph_rows if p["report"] == report["id"]]
        files[f"slices/rapporten/{report['id']}.csv"] = csv_text(paragraph_columns, rows).encode("utf-8")
    for theme in dataset["themes"]:
        own = {kind: [r for r in dataset[kind] if r.get("theme") == theme["id"]] for kind in ("sections", "examples", "calls", "figures")}
        files[f"slices/themas/{theme['id']}.json"] = as_json(head | {"theme": theme} | own)
        rows = [p for p in paragraph_rows if p["theme"] == theme["id"]]
        files[f"slices/themas/{theme['id']}.csv"] = csv_text(paragraph_columns, rows).encode("utf-8")
    for example in dataset["examples"]:
        files[f"slices/voorbeelden/{example['id']}.json"] = as_json(head | {"example": example})
        rows = [p for p in part_rows if p["example"] == example["id"]]
        files[f"slices/voorbeelden/{example['id']}.csv"] = csv_text(part_columns, rows).encode("utf-8")
    return files
