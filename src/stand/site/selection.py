"""What "Mijn selectie" and a theme's brief read in the browser: small JSON files, made from the data at build time.

A page marks every paragraph, call, figure and example a reader may collect with one attribute,
``data-sel="<report>/<kind>/<id>"`` (see :func:`selectable`); ``docs/assets/selection.js`` puts a
"Bewaar" button there and, when it is pressed, reads the item from ``selectie/bronnen/<report>.json``:
its exact text from the data, its page as cited ("10", "[3]") and its permanent link. The browser keeps
the collection (localStorage), so the page ``/selectie/`` and its exports need no server.

A theme's brief (``<theme page>/brief.json``) is the theme's content in the order of a debate brief:
each year in turn, what it asks and what went wrong or must change first, every passage with a numbered
note; ``docs/assets/selection-export.js`` turns it into an editable .docx with the same code as the
selection's export. The docx library (npm ``docx``, pinned in package.json) is copied into the site
from node_modules, with its licence, and is loaded only when a reader exports.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..model import PART_KINDS, local_anchor
from ..publish.corpus import Corpus
from ..publish.urls import report_path, theme_path
from .render import KIND_LABELS, PART_LABELS, cited_pages

SOURCES = "selectie/bronnen/"  # one file per report: every item a reader can collect from it
BRIEF = "brief.json"  # beside each theme comparison page
VENDOR = "assets/vendor/docx/"  # the docx library, as the npm package ships it
DOCX_FILES = {"index.mjs": "dist/index.mjs", "LICENSE": "LICENSE"}
# The order of a brief: what the report asks and what went wrong or must change, then the rest.
BRIEF_ROWS = (
    ("calls", None, "Oproepen"),
    ("part", "went_wrong", PART_LABELS["went_wrong"]),
    ("part", "must_change", PART_LABELS["must_change"]),
    ("summary", None, "In het kort"),
    ("text", "description", "Beschrijving"),
    ("text", "retrospective", "Terugblik"),
    ("part", "went_well", PART_LABELS["went_well"]),
    ("part", "could_change", PART_LABELS["could_change"]),
    ("figures", None, "Cijfers"),
)


def selectable(report_id: str, kind: str, record_id: str) -> str:
    """The value of ``data-sel`` on an element a reader may collect.

    >>> selectable("logius-2023", "call", "logius-2023-oproep-x")
    'logius-2023/call/logius-2023-oproep-x'
    """
    return f"{report_id}/{kind}/{record_id}"


def as_json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def report_sources(corpus: Corpus, report: dict, site_url: str) -> dict:
    """Every item of one report as the selection stores it: text from the data, page as cited, permanent link."""
    section_theme = {s["id"]: s.get("theme") for s in report["sections"]}
    paragraph_theme = {p["id"]: s.get("theme") for s in report["sections"] for p in s["paragraphs"]}
    text = {p["id"]: p["text"] for s in report["sections"] for p in s["paragraphs"]}
    base = site_url + report_path(report)

    def link(paragraph_id: str) -> str:
        return site_url + corpus.paragraph_path(paragraph_id)

    items: dict[str, dict] = {}
    by_id = {s["id"]: s for s in report["sections"]}
    for section in report["sections"]:
        chapter = section
        while chapter["parent"] is not None:
            chapter = by_id[chapter["parent"]]
        for p in section["paragraphs"]:
            found = item("paragraph", [p["text"]], p, link(p["id"]), section_theme[section["id"]])
            # Outside any theme (an introduction, a closing chapter): grouped under the chapter's own heading.
            items[p["id"]] = found if found["theme"] else found | {"chapter": chapter["heading"]}
    for call in report["calls"]:
        items[call["id"]] = item("call", [call["text"]], call, link(call["paragraph"]), call["theme"])
    for figure in report["figures"]:
        found = item("figure", [figure["sentence"]], figure, link(figure["paragraph"]), figure["theme"])
        items[figure["id"]] = found | {"title": figure["label"]}
    for example in report["examples"]:
        paragraphs = example["paragraphs"] + [p for kind in PART_KINDS for p in example[kind]]
        anchor = local_anchor(report["id"], example["id"]) if example["id"] in section_theme else ""
        found = item("example", [text[p] for p in paragraphs], example, base + (f"#{anchor}" if anchor else ""), None)
        items[example["id"]] = found | {
            "theme": example["theme"] or paragraph_theme.get(next(iter(paragraphs), ""), None),
            "title": f"{KIND_LABELS[example['kind']]}: {example['title']}",
        }
    themes = sorted({i["theme"] for i in items.values() if i["theme"]})
    return {
        "report": {
            "id": report["id"],
            "organisation": report["organisation"],
            "publisher": report["source"]["publisher"],
            "title": report["title"],
            "year": report["year"],
            "url": base,
        },
        "themes": {t: corpus.theme_by_id[t]["title"] for t in themes if t in corpus.theme_by_id},
        "items": items,
    }


def item(kind: str, text: list[str], record: dict, url: str, theme: str | None) -> dict:
    return {"kind": kind, "text": text, "page": cited_pages(record), "url": url, "theme": theme}


def brief(corpus: Corpus, theme: dict, columns: list[dict], path: str, site_url: str, organisation: str | None) -> dict:
    """A theme's comparison as a debate brief: the years one after another, each passage with a numbered note."""
    notes: list[dict] = []

    def noted(text: list[str], record: dict, paragraph_id: str, title: str | None = None) -> dict:
        report = corpus.report_of_paragraph[paragraph_id]
        notes.append(
            {k: report[k] for k in ("organisation", "title", "year")}
            | {"publisher": report["source"]["publisher"], "page": cited_pages(record)}
            | {"url": site_url + corpus.paragraph_path(paragraph_id)}
        )
        return {"text": text, "title": title, "note": len(notes)}

    years = []
    for column in columns:
        rows = []
        for kind, part, label in BRIEF_ROWS:
            passages = []
            if kind == "calls":
                passages = [noted([c["text"]], c, c["paragraph"]) for c in column["calls"]]
            elif kind == "figures":
                passages = [noted([f["sentence"]], f, f["paragraph"], f["label"]) for f in column["figures"]]
            elif kind == "summary":
                passages = [
                    noted([s["text"]], corpus.paragraph_by_id[s["paragraph"]], s["paragraph"])
                    for s in column["summary"]
                ]
            elif kind == "text":
                passages = [noted([corpus.paragraph_by_id[p]["text"]], *pair(corpus, p)) for p in column["text"][part]]
            else:
                for example, paragraphs in column["parts"][part]:
                    heading = f"{KIND_LABELS[example['kind']]}: {example['title']}"
                    for n, p in enumerate(paragraphs):
                        title = heading if n == 0 else None
                        passages.append(noted([corpus.paragraph_by_id[p]["text"]], *pair(corpus, p), title))
            if passages:
                rows.append({"title": label, "passages": passages})
        report = column["report"]
        years.append(
            {
                "year": column["year"],
                "heading": column["heading"],
                "organisation": report["organisation"],
                "report": report["title"],
                "rows": rows,
            }
        )
    title = f"{theme['title']} — {organisation}" if organisation else theme["title"]
    return {
        "title": title,
        "description": theme["description"],
        "url": site_url + path,
        "file": f"{theme['id']}{'-' + columns[0]['report']['organisation_id'] if organisation else ''}.docx",
        "years": years,
        "notes": notes,
    }


def pair(corpus: Corpus, paragraph_id: str) -> tuple[dict, str]:
    return corpus.paragraph_by_id[paragraph_id], paragraph_id


class DocxMissing(Exception):
    """The npm package docx is not installed; the message says what to do."""


def docx_files(root: Path) -> Iterator[tuple[str, Path]]:
    """The docx library's module and licence, from the project's node_modules (or that of this source checkout)."""
    for folder in (root, *Path(__file__).resolve().parents):
        package = folder / "node_modules" / "docx"
        if (package / DOCX_FILES["index.mjs"]).is_file():
            for name, source in DOCX_FILES.items():
                yield VENDOR + name, package / source
            return
    raise DocxMissing(
        "the npm package docx is not installed: run `npm ci` in the project folder (package.json pins it)"
    )


def selection_files(corpus: Corpus, site_url: str) -> Iterator[tuple[str, bytes]]:
    """The items of every report, for the selection, and the brief beside every theme comparison."""
    from .theme_pages import theme_columns  # the same columns as the page: its brief cannot disagree with it

    for report in corpus.reports:
        yield f"{SOURCES}{report['id']}.json", as_json(report_sources(corpus, report, site_url))
    for theme in corpus.themes:
        columns = theme_columns(corpus, theme)
        by_organisation: dict[str, list[dict]] = {}
        for column in columns:
            by_organisation.setdefault(column["report"]["organisation_id"], []).append(column)
        if len(by_organisation) <= 1:
            path = theme_path(theme["id"])
            yield path + BRIEF, as_json(brief(corpus, theme, columns, path, site_url, None))
            continue
        for organisation_id, own in sorted(by_organisation.items()):
            path = f"{theme_path(theme['id'])}{organisation_id}/"
            name = own[0]["report"]["organisation"]
            yield path + BRIEF, as_json(brief(corpus, theme, own, path, site_url, name))
