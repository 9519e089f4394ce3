"""One theme across the years, aligned by part, for the comparison view of a theme page.

Each report that has the theme is a column; each kind of content (summary,
description, retrospective, what went well or wrong, what must or could
change, calls, figures, examples, topics) is a row, so the same part of every
year sits side by side. A row that no year has is left out; a cell that one
year lacks says so, rather than silently closing up.

The summary of a year is never our paraphrase: it is the report's own
sentences, chosen by :func:`summary_sentences`.
"""

from __future__ import annotations

from ..derive.text import sentences
from ..model import PART_KINDS
from ..publish.corpus import Corpus
from .render import PART_LABELS

SUMMARY_SIZE = 4
TEXT_ROWS = (("description", "beschrijving", "Beschrijving"), ("retrospective", "terugblik", "Terugblik"))
PART_ANCHORS = {"went_well": "ging-goed", "went_wrong": "ging-niet-goed", "must_change": "moet-anders", "could_change": "kan-anders"}


def summary_sentences(parts: list[list[dict]], calls: list[dict], size: int = SUMMARY_SIZE) -> list[dict]:
    """The report's own sentences that open what it says on a theme, each with its paragraph.

    The rule, in rounds, until ``size`` sentences are chosen: (1) the first sentence of each part of
    the chapter (its opening text, the description, the retrospective), in reading order; (2) the
    first call, which says what the report asks; (3) the first sentence of every further paragraph;
    (4) the second sentence of every paragraph. A sentence is never chosen twice.

    >>> parts = [[{"id": "a", "text": "Een. Twee."}], [{"id": "b", "text": "Drie."}, {"id": "c", "text": "Vier. Vijf."}]]
    >>> [s["text"] for s in summary_sentences(parts, [{"paragraph": "b", "text": "Wij vragen zes."}])]
    ['Een.', 'Drie.', 'Wij vragen zes.', 'Vier.']
    """
    rounds = [
        [(part[0]["id"], sentences(part[0]["text"])[:1]) for part in parts if part],
        [(call["paragraph"], [call["text"]]) for call in calls[:1]],
        [(p["id"], sentences(p["text"])[:1]) for part in parts for p in part[1:]],
        [(p["id"], sentences(p["text"])[1:2]) for part in parts for p in part],
    ]
    chosen: list[dict] = []
    for candidates in rounds:
        for paragraph_id, texts in candidates:
            for text in texts:
                if len(chosen) < size and all(text != c["text"] for c in chosen):
                    chosen.append({"text": text, "paragraph": paragraph_id})
    return chosen


def theme_columns(corpus: Corpus, theme: dict) -> list[dict]:
    """One column per report that has the theme, oldest first, with everything the rows need."""
    columns = []
    for heading in theme["headings"]:
        report = corpus.report_by_id[heading["report"]]
        chapter = corpus.section_by_id[heading["section"]]
        children = [s for s in report["sections"] if s["parent"] == chapter["id"]]
        text = {
            "description": [p for p in chapter["paragraphs"]] + [p for s in children if s["kind"] in ("description", "other") for p in s["paragraphs"]],
            "retrospective": [p for s in children if s["kind"] == "retrospective" for p in s["paragraphs"]],
        }
        examples = [e for e in report["examples"] if theme["id"] in (e["theme"], *e["more_themes"])]
        calls = [c for c in report["calls"] if c["theme"] == theme["id"]]
        parts = [[p for p in chapter["paragraphs"]]] + [s["paragraphs"] for s in children if s["kind"] in ("description", "retrospective", "other")]
        mentioned = sorted({m["topic"] for m in report["mentions"] if m["theme"] == theme["id"]})
        columns.append(
            {
                "report": report,
                "anchor": report["id"],
                "year": report["year"],
                "heading": heading["heading"],
                "section_path": corpus.section_path(heading["section"]),
                "summary": summary_sentences([p for p in parts if p], calls),
                "text": {kind: [p["id"] for p in paragraphs] for kind, paragraphs in text.items()},
                "parts": {kind: [(e, e[kind]) for e in examples if e[kind]] for kind in PART_KINDS},
                "has_parts": any(e[kind] for e in report["examples"] for kind in PART_KINDS),
                "example_word": "illustraties" if all(e["kind"] == "illustration" for e in report["examples"]) else "voorbeelden",
                "examples": examples,
                "calls": calls,
                "figures": [f for f in report["figures"] if f["theme"] == theme["id"]],
                "topics": [corpus.topic_by_id[t] for t in mentioned],
            }
        )
    return columns


def theme_rows(columns: list[dict]) -> list[dict]:
    """The rows of the comparison, in the order a reader compares: each with the kind of its cells."""
    rows = [{"id": "in-het-kort", "title": "In het kort", "kind": "summary"}]
    rows += [{"id": anchor, "title": title, "kind": "text", "part": kind} for kind, anchor, title in TEXT_ROWS]
    rows += [{"id": PART_ANCHORS[kind], "title": PART_LABELS[kind], "kind": "part", "part": kind, "badge": kind.replace("_", "-")} for kind in PART_KINDS]
    rows += [
        {"id": "oproepen", "title": "Oproepen", "kind": "calls"},
        {"id": "cijfers", "title": "Cijfers", "kind": "figures"},
        {"id": "voorbeelden", "title": "Voorbeelden en illustraties", "kind": "examples"},
        {"id": "onderwerpen", "title": "Onderwerpen", "kind": "topics"},
    ]
    return [row for row in rows if any(cell_items(column, row) for column in columns)]


def cell_items(column: dict, row: dict) -> list:
    """What one year has for one row (empty when it has nothing there)."""
    kind = row["kind"]
    if kind in ("text", "part"):
        return column[kind if kind == "text" else "parts"][row["part"]]
    return column[kind]
