"""The plausibility gate: a report the extractor cannot read with confidence stops, loudly.

Each check has a name. A maintainer who has reviewed a report and finds a
check wrong for it names the check and the reason under ``accept:`` in its
manifest entry; the report's YAML records what was accepted.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..errors import SourceError
from ..model import EXAMPLE_KINDS, PART_KINDS
from .blocks import PageBlocks
from .review import item

MIN_PARAGRAPH_SHARE = 0.90  # of the words that are not furniture
MAX_FURNITURE_SHARE = 0.25  # of all words
NEAR_FURNITURE_SHARE = 0.15  # a review item from here on: the gate is near
MIN_ACCOUNTED_SHARE = 0.98  # of all words
MAX_UNKNOWN_HEADINGS = 2  # distinct headings the vocabulary does not know: more means it does not know this report
MAX_PARAGRAPH_WORDS = 300  # a paragraph this long in most sections: paragraph breaks were missed
MAX_ONE_PARAGRAPH_WORDS = 3000  # ten pages of text without a break: no report is written so; a damaged source is
FRONT_MATTER_SENTENCES = 3  # body-like sentences set aside as front matter: the first heading was missed
CHECKS = (
    "no-theme-chapter",
    "unaccounted-words",
    "paragraph-share",
    "furniture-share",
    "example-without-parts",
    "page-labels",
    "no-headings",
    "unknown-headings",
    "long-paragraphs",
    "paragraph-length",
    "front-matter-text",
)


@dataclass(frozen=True)
class Problem:
    check: str
    message: str


def theme_problems(report: dict) -> list[Problem]:
    if any(s["kind"] == "theme" for s in report["sections"]):
        return []
    return [
        Problem(
            "no-theme-chapter",
            "no theme chapter found (a 'Dilemma'/'Thema' heading, or a heading followed by 'Terugblik')",
        )
    ]


def coverage_problems(report: dict) -> list[Problem]:
    coverage = report["coverage"]
    source, furniture = coverage["source_words"], sum(coverage["furniture"].values())
    problems = []
    if coverage["share"] < MIN_ACCOUNTED_SHARE:
        problems.append(
            Problem("unaccounted-words", f"{source - coverage['accounted']} of {source} words are not accounted for")
        )
    body = source - furniture
    if body and coverage["paragraphs"] / body < MIN_PARAGRAPH_SHARE:
        problems.append(
            Problem(
                "paragraph-share",
                f"only {coverage['paragraphs'] / body:.1%} of the text is in paragraphs "
                f"(at least {MIN_PARAGRAPH_SHARE:.0%} expected)",
            )
        )
    if source and furniture / source > MAX_FURNITURE_SHARE:
        reasons = ", ".join(f"{reason}: {n}" for reason, n in coverage["furniture"].items())
        says = (
            f"{furniture / source:.0%} of the words were set aside as furniture ({reasons}), "
            f"most on {where_furniture(report)}"
        )
        problems.append(Problem("furniture-share", says))
    return problems


def where_furniture(report: dict) -> str:
    """The pages that hold most of the words set aside, so a maintainer knows where to look."""
    per_page = Counter()
    for entry in report["furniture"]:
        per_page[entry["pdf_page"], entry["reason"]] += len(entry["text"].split())
    return ", ".join(f"page {page} ({reason}: {n} words)" for (page, reason), n in per_page.most_common(3))


def listed(headings: dict[str, int], most: int = 12) -> str:
    """Headings with their pages for a stop message, the first ``most`` of them and how many more (`stand review`
    lists every one).

    >>> listed({"Blik vooruit": 9, "Kop": 10}, most=1)
    "'Blik vooruit' (page 9); and 1 more"
    """
    named = "; ".join(f"{text[:80]!r} (page {page})" for text, page in list(headings.items())[:most])
    return named + (f"; and {len(headings) - most} more" if len(headings) > most else "")


def unknown_heading_problems(report: dict) -> list[Problem]:
    """More than a couple of distinct unknown headings: the vocabulary does not know how this report is written.

    The message names every one, and the chapters that became new themes (an introduction or closing the
    vocabulary does not know is among them), so a maintainer can name all the organisation's headings at once.
    """
    unknown: dict[str, int] = {}
    themes: dict[str, int] = {}
    for entry in report["review"]:
        if entry["item"] in ("unknown-heading", "new-theme"):
            (unknown if entry["item"] == "unknown-heading" else themes).setdefault(entry["heading"], entry["page"])
    if len(unknown) <= MAX_UNKNOWN_HEADINGS:
        return []
    named, chapters = listed(unknown), listed(themes)
    return [
        Problem(
            "unknown-headings",
            f"{len(unknown)} headings the vocabulary does not know: {named}"
            + (f"; and these chapters became new themes: {chapters}" if chapters else "")
            + f"; name the kind of each in data/vocabulary/headings.yaml under organisations: "
            f"{report['organisation_id']}: (README: a new organisation); lines of a cover page need no entry",
        )
    ]


def paragraph_length_problems(report: dict) -> list[Problem]:
    """Sections that each hold one very long paragraph: the reader missed the paragraph breaks."""
    long = [
        s
        for s in report["sections"]
        if s["paragraphs"] and max(len(p["text"].split()) for p in s["paragraphs"]) > MAX_PARAGRAPH_WORDS
    ]
    with_text = [s for s in report["sections"] if s["paragraphs"]]
    if len(with_text) < 3 or len(long) * 2 <= len(with_text):
        return []
    pages = ", ".join(str(s["pdf_page"]) for s in long[:6])
    return [
        Problem(
            "long-paragraphs",
            f"{len(long)} of {len(with_text)} sections hold a paragraph of over {MAX_PARAGRAPH_WORDS} words "
            f"(pages {pages})",
        )
    ]


def one_paragraph_problems(report: dict) -> list[Problem]:
    """A single paragraph of thousands of words: a damaged or hostile source, stopped before anything is derived
    from it (every figure, call and mention in it would be stored with its sentence)."""
    paragraphs = [p for s in report["sections"] for p in s["paragraphs"]]
    paragraph = max(paragraphs, key=lambda p: len(p["text"].split()), default=None)
    words = len(paragraph["text"].split()) if paragraph else 0
    if words <= MAX_ONE_PARAGRAPH_WORDS:
        return []
    says = f"page {paragraph['pdf_page']}: one paragraph of {words:,} words ({paragraph['text'][:60]!r}…)"
    return [
        Problem("paragraph-length", f"{says}; a paragraph has at most {MAX_ONE_PARAGRAPH_WORDS:,}: check the source")
    ]


def front_matter_problems(report: dict) -> list[Problem]:
    """Text set aside before the first heading that reads as body text: the first heading was not recognised."""
    aside = [f for f in report["furniture"] if f["reason"] == "front matter before the first heading"]
    sentences = [f for f in aside if len(f["text"].split()) >= 12 and re.search(r"[.!?]$", f["text"])]
    if len(sentences) < FRONT_MATTER_SENTENCES:
        return []
    pages = sorted({f["pdf_page"] for f in sentences})
    titles = [
        f"{f['text']!r} (page {f['pdf_page']})" for f in aside if f["pdf_page"] in pages and len(f["text"].split()) <= 6
    ]
    return [
        Problem(
            "front-matter-text",
            f"{len(sentences)} paragraphs of body text on pages {', '.join(map(str, pages))} "
            "come before the first heading "
            f"the vocabulary knows; name that heading (perhaps {' or '.join(titles[:3]) or 'one of them'}) "
            "in data/vocabulary/headings.yaml",
        )
    ]


def near_limits(report: dict) -> list[dict]:
    """Review items for checks that passed close to their limit."""
    coverage, items = report["coverage"], []
    source, furniture = coverage["source_words"], sum(coverage["furniture"].values())
    if source and NEAR_FURNITURE_SHARE <= furniture / source <= MAX_FURNITURE_SHARE:
        says = (
            f"{furniture / source:.0%} of the words were set aside as furniture "
            f"(the limit is {MAX_FURNITURE_SHARE:.0%}): {where_furniture(report)}"
        )
        items.append(item("near-limit", None, says))
    return items


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
            problems.append(
                Problem("page-labels", f"page {page}: the printed page number {label} does not follow {previous}")
            )
        if label > source.pages:
            problems.append(
                Problem(
                    "page-labels",
                    f"page {page}: the printed page number {label} is past the last page ({source.pages})",
                )
            )
        previous = label
    return problems


def heading_problems(source: PageBlocks) -> list[Problem]:
    """A PDF says by its typography what is a heading; when nothing is, nothing can be trusted."""
    typed = [b.heading for b in source.blocks if b.heading is not None]
    if typed and not any(typed):
        return [Problem("no-headings", "no line reads as a heading by size, weight or position")]
    return []


def check(report: dict, source: PageBlocks, accept: dict[str, str], path: object) -> tuple[dict[str, str], list[dict]]:
    """Raise SourceError listing every problem not accepted; return what was accepted, and review items."""
    problems = theme_problems(report) + coverage_problems(report) + example_problems(report) + label_problems(source)
    problems += heading_problems(source) + unknown_heading_problems(report) + paragraph_length_problems(report)
    problems += front_matter_problems(report) + one_paragraph_problems(report)
    refused = [p for p in problems if p.check not in accept]
    if refused:
        raise SourceError(path, *(f"{p.message} [{p.check}]" for p in refused))
    found = {p.check for p in problems}
    accepted = {name: reason for name, reason in accept.items() if name in found}
    return accepted, near_limits(report)
