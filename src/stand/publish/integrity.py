"""Checks the dataset must pass before any file of it is published, every problem collected."""

from __future__ import annotations

from collections.abc import Iterator

from jsonschema import Draft202012Validator

from ..model import PART_KINDS

RECORD_KINDS = ("reports", "themes", "sections", "footnotes", "examples", "calls", "figures", "topics")
# Where a reference of each kind must point: a record kind, or "paragraphs".
TARGETS = {
    "report": "reports",
    "theme": "themes",
    "parent": "sections",
    "section": "sections",
    "footnote": "footnotes",
    "topic": "topics",
    "paragraph": "paragraphs",
    "example": "examples",
}


def schema_problems(dataset: dict, schema: dict) -> list[str]:
    errors = sorted(Draft202012Validator(schema).iter_errors(dataset), key=lambda e: list(map(str, e.absolute_path)))
    return [f"schema: {'/'.join(str(p) for p in error.absolute_path) or '(root)'}: {error.message}" for error in errors]


def duplicate_ids(dataset: dict) -> list[str]:
    problems = []
    for kind in RECORD_KINDS:
        seen: set[str] = set()
        for record in dataset[kind]:
            if record["id"] in seen:
                problems.append(f"{kind}: duplicate id {record['id']!r}")
            seen.add(record["id"])
    return problems


def references(dataset: dict) -> Iterator[tuple[str, str, str | None]]:
    """Every reference in the dataset: (the record that holds it, its kind, the id it names)."""
    for s in dataset["sections"]:
        yield from ((s["id"], kind, s[kind]) for kind in ("report", "theme", "parent"))
        for p in s["paragraphs"]:
            yield from ((p["id"], "footnote", ref["footnote"]) for ref in p.get("footnotes", []))
    for kind in ("examples", "calls", "figures"):
        for record in dataset[kind]:
            yield from ((record["id"], key, record[key]) for key in ("report", "theme", "paragraph") if key in record)
    for e in dataset["examples"]:
        yield from ((e["id"], "paragraph", p["id"]) for part in ("paragraphs",) + PART_KINDS for p in e[part])
        yield from ((e["id"], "topic", topic) for topic in e["topics"])
    for t in dataset["topics"]:
        yield from ((t["id"], "paragraph", m["paragraph"]) for m in t["mentions"])
        yield from ((t["id"], "footnote", m["footnote"]) for m in t["mentions"])
        yield from ((t["id"], "topic", m["via"]) for m in t["mentions"])
    for t in dataset["themes"]:
        yield from ((t["id"], "section", h["section"]) for h in t["headings"])
    for story in dataset["stories"]:
        yield from ((story["example"], "example", story[key]) for key in ("example", "continues"))


def check_integrity(dataset: dict, schema: dict) -> list[str]:
    """All problems at once: schema errors, duplicate ids, references that point nowhere."""
    ids = {kind: {record["id"] for record in dataset[kind]} for kind in RECORD_KINDS}
    ids["paragraphs"] = {p["id"] for s in dataset["sections"] for p in s["paragraphs"]}
    dangling = [
        f"{where}: {kind} {value!r} points nowhere" for where, kind, value in references(dataset) if value is not None and value not in ids[TARGETS[kind]]
    ]
    return schema_problems(dataset, schema) + duplicate_ids(dataset) + dangling
