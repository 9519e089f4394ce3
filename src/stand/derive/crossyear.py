"""Cross-year views: each theme with the heading every report used, each topic with its mentions, and the
summary of each theme chapter that the site's comparison of the years shows."""

from __future__ import annotations

from .text import bounded_sentences

SUMMARY_SIZE = 4


def discovered_themes(reports: list[dict], known: set[str]) -> list[dict]:
    """Themes a report opened that the vocabulary does not name yet, in order of first appearance.

    Their description stays empty until a maintainer adds them to data/vocabulary/themes.yaml.
    """
    found: dict[str, dict] = {}
    for report in reports:
        for section in report["sections"]:
            if section["kind"] == "theme" and section["theme"] and section["theme"] not in known:
                found.setdefault(
                    section["theme"], {"id": section["theme"], "title": section["title"], "description": None}
                )
    return list(found.values())


def themes_file(reports: list[dict], themes: list[dict]) -> dict:
    """Every theme (the vocabulary's, then new ones) with the heading each report used for it."""
    known = [{k: theme[k] for k in ("id", "title", "description")} for theme in themes]
    out = []
    for theme in known + discovered_themes(reports, {t["id"] for t in known}):
        used = [
            {"report": r["id"], "year": r["year"], "heading": s["heading"], "section": s["id"]}
            for r in reports
            for s in r["sections"]
            if s["kind"] == "theme" and s["theme"] == theme["id"]
        ]
        out.append(theme | {"headings": used})
    return {"themes": out}


def topics_file(reports: list[dict], topics: list[dict]) -> dict:
    """Glossary topics with every mention across reports."""
    out = []
    for topic in topics:
        found = [
            {k: m[k] for k in ("report", "paragraph", "footnote", "offset", "page", "pdf_page", "alias", "via")}
            for r in reports
            for m in r["mentions"]
            if m["topic"] == topic["id"]
        ]
        out.append({k: topic[k] for k in ("id", "name", "description", "aliases")} | {"mentions": found})
    return {"topics": out}


def theme_summaries(report: dict, size: int = SUMMARY_SIZE) -> dict[str, list[dict]]:
    """Each theme chapter's summary, by section id: the report's own sentences, never our paraphrase, stored
    for the "In het kort" row of the site's theme comparison.

    The rule, in rounds, until ``size`` sentences are chosen: (1) the first sentence of each part of
    the chapter (its opening text, the description, the retrospective), in reading order; (2) the
    first call on the theme, which says what the report asks; (3) the first sentence of every further
    paragraph; (4) the second sentence of every paragraph. A sentence is never chosen twice.

    >>> report = {"calls": [{"theme": "t", "paragraph": "b", "text": "Wij vragen zes."}], "sections": [
    ...     {"id": "h", "kind": "theme", "theme": "t", "parent": None,
    ...      "paragraphs": [{"id": "a", "text": "Een. Twee."}]},
    ...     {"id": "d", "kind": "description", "parent": "h",
    ...      "paragraphs": [{"id": "b", "text": "Drie."}, {"id": "c", "text": "Vier. Vijf."}]}]}
    >>> [s["text"] for s in theme_summaries(report)["h"]]
    ['Een.', 'Drie.', 'Wij vragen zes.', 'Vier.']
    """
    summaries = {}
    for chapter in (s for s in report["sections"] if s["kind"] == "theme" and s["theme"]):
        children = [s for s in report["sections"] if s["parent"] == chapter["id"]]
        parts = [chapter["paragraphs"]] + [
            s["paragraphs"] for s in children if s["kind"] in ("description", "retrospective", "other")
        ]
        parts = [part for part in parts if part]
        calls = [c for c in report["calls"] if c["theme"] == chapter["theme"]]
        rounds = [
            [(part[0]["id"], bounded_sentences(part[0]["text"])[:1]) for part in parts],
            [(call["paragraph"], [call["text"]]) for call in calls[:1]],
            [(p["id"], bounded_sentences(p["text"])[:1]) for part in parts for p in part[1:]],
            [(p["id"], bounded_sentences(p["text"])[1:2]) for part in parts for p in part],
        ]
        chosen: list[dict] = []
        for candidates in rounds:
            for paragraph_id, texts in candidates:
                for text in texts:
                    if len(chosen) < size and all(text != c["text"] for c in chosen):
                        chosen.append({"text": text, "paragraph": paragraph_id})
        summaries[chapter["id"]] = chosen
    return summaries
