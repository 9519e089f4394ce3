"""Cross-year views: each theme with the heading every report used, each topic with its mentions."""

from __future__ import annotations


def discovered_themes(reports: list[dict], known: set[str]) -> list[dict]:
    """Themes a report opened that the vocabulary does not name yet, in order of first appearance.

    Their description stays empty until a maintainer adds them to data/vocabulary/themes.yaml.
    """
    found: dict[str, dict] = {}
    for report in reports:
        for section in report["sections"]:
            if section["kind"] == "theme" and section["theme"] and section["theme"] not in known:
                found.setdefault(section["theme"], {"id": section["theme"], "title": section["title"], "description": None})
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
