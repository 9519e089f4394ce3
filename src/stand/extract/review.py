"""Review items: what the extractor is unsure of, stored with the report until a maintainer resolves it.

Nothing unreviewed is published. Every doubt (a heading the vocabulary does
not know, a new theme, a footnote without its marker, a check near its limit
...) becomes an item under ``review:`` in ``data/reports/<id>.yaml``, with
the page and what to do. A maintainer resolves it by a vocabulary or
curation entry (the next run no longer raises it) or by accepting its kind
for that report in ``data/sources.yaml`` (``accept: {<kind>: <reason>}``).
``stand review`` lists the open items, a preview marks the report as not
reviewed, and ``stand release`` refuses while any is open.
"""

from __future__ import annotations

from ..model import open_review_items as open_items

TODO = {
    "unknown-heading": "name its kind in data/vocabulary/headings.yaml (under organisations: <organisation_id>: for "
    "this organisation's own wording), or accept it",
    "new-theme": "if it continues a theme, add the heading to that theme's names in data/vocabulary/themes.yaml; "
    "a theme new this year is accepted",
    "unknown-theme": "add the name to a theme's names in data/vocabulary/themes.yaml",
    "footnote-without-marker": "check the source: mark the footnote in data/corrections.yaml, or accept it",
    "unused-correction": "fix or remove the correction in data/corrections.yaml",
    "text-before-heading": "check the source: the text may belong to a heading the vocabulary does not know",
    "accept-unneeded": "remove it from accept: in data/sources.yaml",
    "story-link": "link the examples under stories: in data/curation.yaml, or accept it",
    "near-limit": "read the pages named: the reading may be wrong there; accept it when it is right",
}
KINDS = tuple(TODO)
__all__ = ["KINDS", "TODO", "item", "line", "open_items", "open_lines", "resolved"]


def item(kind: str, page: int | None, says: str, heading: str | None = None) -> dict:
    """One review item as stored with the report; an item about a heading carries it, for the gate that counts them."""
    about = {"heading": heading} if heading is not None else {}
    return {"item": kind, "page": page, "says": says, **about, "todo": TODO[kind], "accepted": None}


def resolved(items: list[dict], accept: dict[str, str]) -> list[dict]:
    """The items with the manifest's accepted reasons filled in, by kind."""
    return [entry | {"accepted": accept.get(entry["item"])} for entry in items]


def open_lines(reports: list[dict], stories: dict) -> list[str]:
    """Every open item of the reports and of the story links across them (``review:`` in stories.yaml, each naming
    its report), one line each: what `stand extract` warns, `stand review` lists and a release refuses."""
    in_reports = [line(report["id"], entry) for report in reports for entry in open_items(report)]
    return in_reports + [line(entry["report"], entry) for entry in open_items(stories)]


def line(report_id: str, entry: dict) -> str:
    """An item as one line of `stand review` or a refused release.

    >>> line("x-2024", item("unused-correction", None, "correction 'a' -> 'b' matched nothing")) == (
    ...     "x-2024: correction 'a' -> 'b' matched nothing [unused-correction]: "
    ...     "fix or remove the correction in data/corrections.yaml"
    ... )
    True
    """
    where = f" (page {entry['page']})" if entry["page"] is not None else ""
    return f"{report_id}{where}: {entry['says']} [{entry['item']}]: {entry['todo']}"
