"""Derive: records from the extracted report, and the cross-year views.

- :mod:`stand.derive.text`       sentences, and the provenance every record carries
- :mod:`stand.derive.examples`   "Voorbeeld:" and "Illustratie:" blocks with their parts
- :mod:`stand.derive.calls`      what the report asks of politics and partners
- :mod:`stand.derive.figures`    numbers stated in the text
- :mod:`stand.derive.mentions`   where glossary topics are named (the site links them by their stored offsets)
- :mod:`stand.derive.crossyear`  themes and topics across reports, and each theme chapter's summary
- :mod:`stand.derive.curation`   reviewed edits from data/curation.yaml, and story links across years

Derive works on the report as written to YAML (plain dicts), so records can
be re-derived from the reviewed data without re-reading the source.
"""

from __future__ import annotations

from ..errors import SourceError
from .calls import call_contexts, calls
from .crossyear import theme_summaries, themes_file, topics_file
from .curation import apply_to_report, load_curation, stories, suggestions, unknown_themes
from .examples import examples
from .figures import figures
from .mentions import example_topics, mentions

__all__ = ["crossyear_files", "derive_records", "load_curation"]


def derive_records(report: dict, topics: list[dict], curation: dict) -> dict:
    """The report with its examples, calls, figures and mentions added and curated, the summaries and call contexts
    the site shows, and the audit trail kept last."""
    report["examples"] = examples(report)
    report["calls"] = calls(report)
    report["figures"] = figures(report)
    report["mentions"] = mentions(report, topics)
    for example in report["examples"]:
        example["topics"] = example_topics(example, report["mentions"], topics)
    problems = apply_to_report(report, curation)
    if problems:
        raise SourceError("data/curation.yaml", *(f"{problem}: remove or update this entry" for problem in problems))
    # What the site shows beside the records (kept out of them, so the dataset is as before).
    report["summaries"] = theme_summaries(report)
    report["call_contexts"] = call_contexts(report)
    # The audit trail stays last in the file: the content comes first for a reviewer.
    for key in ("accepted", "coverage", "repairs", "furniture", "review"):
        if key in report:
            report[key] = report.pop(key)
    return report


def crossyear_files(
    reports: list[dict], themes: list[dict], topics: list[dict], curation: dict
) -> tuple[dict[str, dict], list[str]]:
    """The cross-year files by their name under data/, and story links for a maintainer to review (report id, item)."""
    links, problems = stories(reports, curation)
    themes_found = themes_file(reports, themes)
    problems += unknown_themes(reports, themes_found)
    if problems:
        raise SourceError("data/curation.yaml", *(f"{problem}: remove or update this entry" for problem in problems))
    files = {
        "themes.yaml": themes_found,
        "topics.yaml": topics_file(reports, topics),
        "stories.yaml": {"stories": links},
    }
    return files, suggestions(reports, links)
