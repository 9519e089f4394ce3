"""Checks the dataset must pass before any file of it is published, every problem collected."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator

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


def schema_problems(dataset: dict, schema: dict, known_valid: set[str] | None = None) -> list[str]:
    """Every schema error, with its path in the dataset.

    With ``known_valid`` (digests of records that passed this schema before, see :mod:`stand.publish.validated`),
    only the other records are validated, and the digests of those that pass are added: a record's
    digest is its content, so a record that passed once passes again.
    """
    reduced, places, current = dataset, {}, set()
    if known_valid is not None:
        reduced, places, current = unvalidated(dataset, schema, known_valid)
    found = ((placed(error.absolute_path, places), error.message) for error in Draft202012Validator(schema).iter_errors(reduced))
    errors = sorted(found, key=lambda e: list(map(str, e[0])))
    if known_valid is not None:
        failed = {(path[0], path[1]) for path, _ in errors if len(path) > 1}
        known_valid.update(digest for kind, entries in places.items() for index, digest in entries if (kind, index) not in failed)
        known_valid.intersection_update(current)  # records of earlier builds no longer in the dataset are forgotten
    return [f"schema: {'/'.join(str(p) for p in path) or '(root)'}: {message}" for path, message in errors]


def record_digest(record: object) -> str:
    return hashlib.sha256(json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def unvalidated(dataset: dict, schema: dict, known_valid: set[str]) -> tuple[dict, dict[str, list[tuple[int, str]]], set[str]]:
    """The dataset without the records known to be valid, where each remaining record stands in the full one,
    and the digests of every record.

    Only lists whose schema says nothing but "an array of items" are thinned: a bound on the list's length or
    uniqueness would read differently on part of it.
    """
    reduced, places, current = dict(dataset), {}, set()
    for kind, rule in schema.get("properties", {}).items():
        if isinstance(dataset.get(kind), list) and set(rule) <= {"type", "items", "description"}:
            digests = [(index, record_digest(record)) for index, record in enumerate(dataset[kind])]
            current.update(digest for _, digest in digests)
            places[kind] = [(index, digest) for index, digest in digests if digest not in known_valid]
            reduced[kind] = [dataset[kind][index] for index, _ in places[kind]]
    return reduced, places, current


def placed(path: Iterable, places: dict[str, list[tuple[int, str]]]) -> list:
    """An error's path in the thinned dataset as the path in the full one."""
    path = list(path)
    if len(path) > 1 and path[0] in places:
        path[1] = places[path[0]][path[1]][0]
    return path


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


def check_integrity(dataset: dict, schema: dict, known_valid: set[str] | None = None) -> list[str]:
    """All problems at once: schema errors, duplicate ids, references that point nowhere."""
    ids = {kind: {record["id"] for record in dataset[kind]} for kind in RECORD_KINDS}
    ids["paragraphs"] = {p["id"] for s in dataset["sections"] for p in s["paragraphs"]}
    dangling = [
        f"{where}: {kind} {value!r} points nowhere" for where, kind, value in references(dataset) if value is not None and value not in ids[TARGETS[kind]]
    ]
    return schema_problems(dataset, schema, known_valid) + duplicate_ids(dataset) + dangling
