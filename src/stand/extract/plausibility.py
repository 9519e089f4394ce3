"""The plausibility gate: a report the extractor cannot read with confidence stops, loudly.

Each check has a name. A maintainer who has reviewed a report and finds a
check wrong for it names the check and the reason under ``accept:`` in its
manifest entry; the report's YAML records what was accepted.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import SourceError
from ..model import EXAMPLE_KINDS, PART_KINDS
from .blocks import PageBlocks

MIN_PARAGRAPH_SHARE = 0.90  # of the words that are not furniture
MAX_FURNITURE_SHARE = 0.25  # of all words
MIN_ACCOUNTED_SHARE = 0.98  # of all words
CHECKS = ("no-theme-chapter", "unaccounted-words", "paragraph-share", "furniture-share", "example-without-parts", "page-labels", "no-headings")


@dataclass(frozen=True)
class Problem:
    check: str
    message: str


def theme_problems(report: dict) -> list[Problem]:
    if any(s["kind"] == "theme" for s in report["sections"]):
        return []
    return [Problem("no-theme-chapter", "no theme chapter found (a 'Dilemma'/'Thema' heading, or a heading followed by 'Terugblik')")]


def coverage_problems(coverage: dict) -> list[Problem]:
    source, furniture = coverage["source_words"], sum(coverage["furniture"].values())
    problems = []
    if coverage["share"] < MIN_ACCOUNTED_SHARE:
        problems.append(Problem("unaccounted-words", f"{source - coverage['accounted']} of {source} words are not accounted for"))
    body = source - furniture
    if body and coverage["paragraphs"] / body < MIN_PARAGRAPH_SHARE:
        problems.append(
            Problem("paragraph-share", f"only {coverage['paragraphs'] / body:.1%} of the text is in paragraphs (at least {MIN_PARAGRAPH_SHARE:.0%} expected)")
        )
    if source and furniture / source > MAX_FURNITURE_SHARE:
        reasons = ", ".join(f"{reason}: {n}" for reason, n in coverage["furniture"].items())
        problems.append(Problem("furniture-share", f"{furniture / source:.0%} of the words were set aside as furniture ({reasons})"))
    return problems


def example_problems(report: dict) -> list[Problem]:
    """An example heading must be followed by text: its own paragraphs or a part with paragraphs."""
    with_text = {s["parent"] for s in report["sections"] if s["kind"] in PART_KINDS and s["paragraphs"]}
    return [
        Problem("example-without-parts", f"page {s['pdf_page']}: the example {s['heading']!r} has no text and no parts")
        for s in report["sections"]
        if s["kind"] in EXAMPLE_KINDS and not s["paragraphs"] and s["id"] not in with_text
    ]


def label_problems(source: PageBlocks) -> list[Problem]:
    """Printed page numbers must go up with the pages and stay within the document."""
    problems, previous = [], None
    for page in sorted(source.labels):
        label = source.labels[page]
        if previous is not None and label <= previous:
            problems.append(Problem("page-labels", f"page {page}: the printed page number {label} does not follow {previous}"))
        if label > source.pages:
            problems.append(Problem("page-labels", f"page {page}: the printed page number {label} is past the last page ({source.pages})"))
        previous = label
    return problems


def heading_problems(source: PageBlocks) -> list[Problem]:
    """A PDF says by its typography what is a heading; when nothing is, nothing can be trusted."""
    typed = [b.heading for b in source.blocks if b.heading is not None]
    if typed and not any(typed):
        return [Problem("no-headings", "no line reads as a heading by size, weight or position")]
    return []


def check(report: dict, source: PageBlocks, accept: dict[str, str], path: object) -> tuple[dict[str, str], list[str]]:
    """Raise SourceError listing every problem not accepted; return what was accepted, and warnings."""
    problems = theme_problems(report) + coverage_problems(report["coverage"]) + example_problems(report) + label_problems(source) + heading_problems(source)
    refused = [p for p in problems if p.check not in accept]
    if refused:
        raise SourceError(path, *(f"{p.message} [{p.check}]" for p in refused))
    found = {p.check for p in problems}
    accepted = {name: reason for name, reason in accept.items() if name in found}
    warnings = [f"accept: {name!r} in data/sources.yaml is no longer needed: the check passes" for name in accept if name not in found]
    return accepted, warnings
