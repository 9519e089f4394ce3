"""Checks the dataset must pass before any file of it is published, every problem collected."""

from __future__ import annotations

from jsonschema import Draft202012Validator

from ..model import PART_KINDS


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
