"""Each report as a reference for a reference manager: BibTeX and CSL-JSON.

The reports are Logius's; the address is the report's page on this site, where
every paragraph has its own link. Nothing here is invented: fields nobody
knows (the original's URL, its publication date) are left out, not guessed.
"""

from __future__ import annotations

import json

from .urls import report_path

BIBTEX_SPECIAL = str.maketrans({c: "\\" + c for c in "{}%&$#_"})


def bibtex_text(text: str) -> str:
    """A value for a BibTeX field: TeX's special characters escaped, control characters dropped.

    >>> bibtex_text("50% & {meer}")
    '50\\\\% \\\\& \\\\{meer\\\\}'
    """
    return "".join(c for c in str(text) if c.isprintable()).translate(BIBTEX_SPECIAL)


def bibtex(report: dict, base_url: str) -> str:
    """One ``@report`` entry; the organisation in double braces so BibTeX keeps it whole."""
    fields = {
        "author": "{" + bibtex_text(report["organisation"]) + "}",
        "title": bibtex_text(report["title"]),
        "subtitle": bibtex_text(report["subtitle"]) if report.get("subtitle") else None,
        "year": str(report["year"]),
        "institution": bibtex_text(report["organisation"]),
        "url": base_url + report_path(report),
        "language": "dutch",
    }
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items() if value)
    return f"@report{{{report['id']},\n{body}\n}}\n"


def csl_json(report: dict, base_url: str) -> bytes:
    """The report as CSL-JSON (the format Zotero and citeproc read), one item in a list."""
    item = {
        "id": report["id"],
        "type": "report",
        "author": [{"literal": report["organisation"]}],
        "publisher": report["organisation"],
        "title": report["title"] + (f": {report['subtitle']}" if report.get("subtitle") else ""),
        "issued": {"date-parts": [[report["year"]]]},
        "URL": base_url + report_path(report),
        "language": "nl",
    }
    return (json.dumps([item], ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def citation_files(reports: list[dict], base_url: str) -> dict[str, bytes]:
    """``citeren/<report>.bib`` and ``citeren/<report>.json`` for every report."""
    files: dict[str, bytes] = {}
    for report in reports:
        files[f"citeren/{report['id']}.bib"] = bibtex(report, base_url).encode("utf-8")
        files[f"citeren/{report['id']}.json"] = csl_json(report, base_url)
    return files
