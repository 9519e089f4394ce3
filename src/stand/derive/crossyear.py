"""Cross-year views: each theme with the heading every report used, each topic with its mentions."""

from __future__ import annotations


def themes_file(reports: list[dict], themes: list[dict]) -> dict:
    """Canonical themes with the heading each report used for them."""
    out = []
    for theme in themes:
        used = [
            {"report": r["id"], "year": r["year"], "heading": s["heading"], "section": s["id"]}
            for r in reports
            for s in r["sections"]
            if s["kind"] == "theme" and s["theme"] == theme["id"]
        ]
        out.append({k: theme[k] for k in ("id", "title", "description")} | {"headings": used})
    return {"themes": out}


def topics_file(reports: list[dict], topics: list[dict]) -> dict:
    """Glossary topics with every mention across reports."""
    out = []
    for topic in topics:
        found = [{k: m[k] for k in ("report", "paragraph", "page", "alias")} for r in reports for m in r["mentions"] if m["topic"] == topic["id"]]
        out.append({k: topic[k] for k in ("id", "name", "description", "aliases")} | {"mentions": found})
    return {"topics": out}
