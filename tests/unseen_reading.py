"""Read an unseen report the way a maintainer adds one, and compare what came out with its labels.

The reports and labels under ``tests/unseen/`` were written by people who had not read the
extractor, before it was first run on them (``tests/unseen/README.md``, ``LATEX.md``). A
maintainer copies the source into ``data/sources/``, adds one manifest line and, for a new
organisation, its headings to ``data/vocabulary/headings.yaml``; :func:`differences` lists
every labelled fact the report does not hold, one line each.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from conftest import ROOT
from stand.cli import main

UNSEEN = ROOT / "tests" / "unseen"


def maintainer_project(
    folder: Path, source: Path, entry: dict, headings: dict | None = None, curation: bool = True
) -> Path:
    """A copy of the project's data/ with ``source`` added by one manifest line (and an organisation's headings).

    Without ``curation``, the reviewed record edits are left out: they name records of the committed reading
    of a report, which a reading of another typesetting of it need not have.
    """
    project = folder / "project"
    shutil.copytree(ROOT / "data", project / "data", ignore=shutil.ignore_patterns("reports"))
    shutil.copy2(ROOT / "CHANGELOG.md", project / "CHANGELOG.md")
    if not curation:
        (project / "data" / "curation.yaml").write_text("{}\n", encoding="utf-8")
    shutil.copy2(source, project / "data" / "sources" / source.name)
    manifest = yaml.safe_load((project / "data" / "sources.yaml").read_text(encoding="utf-8"))
    manifest["reports"] = [r for r in manifest["reports"] if r["id"] != entry["id"]] + [entry | {"file": source.name}]
    (project / "data" / "sources.yaml").write_text(
        yaml.safe_dump(manifest, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    if headings:
        path = project / "data" / "vocabulary" / "headings.yaml"
        vocabulary = yaml.safe_load(path.read_text(encoding="utf-8"))
        vocabulary["organisations"] |= headings
        path.write_text(yaml.safe_dump(vocabulary, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return project


def extracted(project: Path, report_id: str) -> dict:
    code = main(["--root", str(project), "extract"])
    assert code == 0, f"stand extract exited {code}"
    return yaml.safe_load((project / "data" / "reports" / f"{report_id}.yaml").read_text(encoding="utf-8"))


def folded(text: str) -> str:
    """Text compared without case, spacing and typographic quotes."""
    return " ".join(text.replace("’", "'").replace("‘", "'").lower().split())


def starts(paragraph_text: str, start: str) -> bool:
    return folded(paragraph_text).startswith(folded(start))


def differences(report: dict, labels: dict) -> list[str]:
    """Every labelled fact the report does not hold: structure, parts, pages, footnotes, signatory."""
    found: list[str] = []
    sections = report["sections"]
    paragraphs = {p["id"]: p for s in sections for p in s["paragraphs"]}

    def expect(what: str, got: object, want: object) -> None:
        if got != want:
            found.append(f"{what}: got {got!r}, want {want!r}")

    expect("pages", report["source"]["pages"], labels["pages"])
    intro = next((s for s in sections if s["kind"] == "introduction"), None)
    want_intro = labels["introduction"]
    expect("introduction", intro and (intro["title"], intro["pdf_page"]), (want_intro["title"], want_intro["page"]))
    if (
        intro
        and want_intro.get("first_paragraph_starts")
        and not (intro["paragraphs"] and starts(intro["paragraphs"][0]["text"], want_intro["first_paragraph_starts"]))
    ):
        found.append(f"introduction's first paragraph does not start {want_intro['first_paragraph_starts']!r}")
    chapters = [s for s in sections if s["kind"] == "theme"]
    expect(
        "themes",
        [(folded(s["title"]), s["pdf_page"]) for s in chapters],
        [(folded(t["title"]), t["page"]) for t in labels["themes"]],
    )
    for chapter, theme in zip(chapters, labels["themes"], strict=False):
        found += theme_differences(report, chapter, theme, paragraphs)
    closing = next((s for s in sections if s["kind"] == "closing"), None)
    want = labels["closing"]
    expect(
        "closing", closing and (folded(closing["title"]), closing["pdf_page"]), (folded(want["title"]), want["page"])
    )
    if closing and "paragraphs" in want:
        expect("closing paragraphs", len(closing["paragraphs"]), want["paragraphs"])
    signatory = report["signatory"]
    want = labels["signatory"]
    expect("signatory", signatory and (signatory["name"], signatory["role"]), want and (want["name"], want["role"]))
    if "paragraphs" in labels:  # every body paragraph in reading order: breaks, columns, boxes
        got = [(p["pdf_page"], p["text"]) for s in sections for p in s["paragraphs"]]
        want = labels["paragraphs"]
        expect("paragraphs", len(got), len(want))
        for (page, text), label in zip(got, want, strict=False):
            if page != label["page"] or not starts(text, label["starts"]):
                found.append(f"paragraph on page {page} {text[:50]!r}: want page {label['page']} {label['starts']!r}")
                break
    notes = [(f["number"], f["pdf_page"]) for f in report["footnotes"]]
    expect("footnotes", notes, [(f["number"], f["page"]) for f in labels["footnotes"]])
    for note, want in zip(report["footnotes"], labels["footnotes"], strict=False):
        if not starts(note["text"], want["text_starts"]):
            found.append(f"footnote {want['number']} does not start {want['text_starts']!r}: {note['text'][:60]!r}")
    return found


def theme_differences(report: dict, chapter: dict, theme: dict, paragraphs: dict[str, dict]) -> list[str]:
    """The labelled parts of one theme chapter: description, retrospective, examples with their parts."""
    found = []
    children = [
        s for s in report["sections"] if s["theme"] == chapter["theme"] and s["pdf_page"] >= chapter["pdf_page"]
    ]
    for kind, key in (("description", "description_starts"), ("retrospective", "retrospective_starts")):
        if key in theme:  # a description without a heading of its own is the chapter's own text
            section = next((s for s in children if s["kind"] == kind), chapter if kind == "description" else None)
            if not (section and section["paragraphs"] and starts(section["paragraphs"][0]["text"], theme[key])):
                found.append(f"theme {theme['title']!r}: no {kind} starting {theme[key]!r}")
    examples = [e for e in report["examples"] if e["theme"] == chapter["theme"]]
    got = [(e["kind"], folded(e["title"]), e["pdf_page"]) for e in examples]
    want = [(e["kind"], folded(e["title"]), e["page"]) for e in theme["examples"]]
    if got != want:
        found.append(f"theme {theme['title']!r} examples: got {got!r}, want {want!r}")
    for example, labelled in zip(examples, theme["examples"], strict=False):
        for part, starts_list in labelled["parts"].items():
            texts = [paragraphs[p]["text"] for p in example[part]]
            if len(texts) != len(starts_list) or not all(
                starts(t, s) for t, s in zip(texts, starts_list, strict=False)
            ):
                shown = [t[:40] for t in texts]
                found.append(f"example {labelled['title']!r} {part}: got {shown!r}, want {starts_list!r}")
    return found


def call_figures(report: dict, labels: dict) -> tuple[int, int, int]:
    """(found, labelled, false): labelled calls whose sentence a call record holds, and detected calls no label
    names."""
    labelled = [folded(c["text"]) for c in labels["calls"]]
    detected = [folded(c["text"]) for c in report["calls"]]
    hits = sum(any(want in got or got in want for got in detected) for want in labelled)
    false = sum(not any(want in got or got in want for want in labelled) for got in detected)
    return hits, len(labelled), false


def manifest_entry(labels: dict, **more: object) -> dict:
    return {
        "id": labels["report"],
        "organisation": labels.get("organisation", "Logius"),
        "organisation_id": labels.get("organisation_id", "logius"),
        "year": int(re.search(r"\d{4}", labels["report"]).group()),
        "title": labels.get("title", "Stand van de uitvoering"),
        "subtitle": None,
        "url": None,
        "license": "Openbaar gemaakt door de uitgever; hergebruik volgens de Wet hergebruik van overheidsinformatie.",
    } | more
