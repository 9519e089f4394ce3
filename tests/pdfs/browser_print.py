"""Test PDF: a report as a plain web page, printed to PDF by Chromium.

Imitates what a publisher gets from "Print > Save as PDF" in a browser: one
long HTML page, chapters as ``<h1>`` that start a new page, examples and
other subsections as ``<h2>``, the parts of an example ("Wat ging goed?") as
``<h3>``, footnote markers as ``<sup>`` and the footnotes in small type at the
end of their chapter. Chromium's own header and footer templates add a date
and the page title at the top and an address line and "3/12" at the bottom of
every page (variant c: only a centred "- 3 -"). The date is a fixed string, so
the content never depends on the clock.

Run: ``cd tests && python -m pdfs.browser_print ../data/reports/logius-2023.yaml /tmp/x.pdf --variant b``
"""

from __future__ import annotations

import base64
import html
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from pdfs.common import chapters, command_line, paragraphs_html, start_chromium

DATE = "25-11-2026"
ADDRESS = "Postbus 96810 · 2509 JE Den Haag"
PARTS = {"went_well", "went_wrong", "must_change", "could_change"}


@dataclass(frozen=True)
class Variant:
    """How one variant prints: font stack and size, paper and margins in inches, tagged PDF or not.

    The rest has defaults: line height, the header's date, the footer's page
    number (a format string such as "- {} -" gives a centred page number and no
    address) and whether the PDF has an outline (if None: when it is tagged).
    """

    font: str
    size: str
    paper: tuple[float, float]
    margins: tuple[float, float, float, float]  # top, right, bottom, left
    tagged: bool
    line_height: str = "1.45"
    date: str = DATE
    page_number: str | None = None
    outline: bool | None = None


VARIANTS = {
    "a": Variant("'DejaVu Sans', sans-serif", "11pt", (8.27, 11.69), (0.8, 0.6, 0.8, 0.6), True),  # A4
    "b": Variant("'DejaVu Serif', serif", "10.5pt", (8.5, 11.0), (1.0, 1.1, 0.9, 1.3), False),  # Letter
    "c": Variant(  # A5
        "'DejaVu Sans Mono', monospace",
        "9pt",
        (5.83, 8.27),
        (0.75, 0.5, 0.7, 0.65),
        True,
        line_height="1.6",
        date="1 december 2026",
        page_number="- {} -",
        outline=False,
    ),
}


def chapter_html(chapter: list[dict], report: dict) -> str:
    """One chapter (a top-level section and its descendants), its footnotes at the end."""
    notes = {note["id"]: note for note in report["footnotes"]}
    out, refs = [], []
    for section in chapter:
        level = 1 if section["parent"] is None else 3 if section["kind"] in PARTS else 2
        out += [f"<h{level}>{html.escape(section['heading'])}</h{level}>", paragraphs_html(section["paragraphs"])]
        refs += [ref["footnote"] for p in section["paragraphs"] for ref in p.get("footnotes") or []]
        if section["kind"] == "closing" and report.get("signatory"):
            out.append(
                f"<p>{html.escape(report['signatory']['name'])} ({html.escape(report['signatory']['role'])})</p>"
            )
    if refs:
        out.append(
            '<div class="notes">'
            + "".join(f"<p>{notes[r]['number']} {html.escape(notes[r]['text'])}</p>" for r in refs)
            + "</div>"
        )
    return '<section class="chapter">\n' + "\n".join(out) + "\n</section>"


def page_html(report: dict, style: Variant) -> str:
    """The report as one plain web page."""
    title = html.escape(report["title"])
    subtitle = f'<p class="lead">{html.escape(report["subtitle"])}</p>' if report.get("subtitle") else ""
    body = "\n".join(chapter_html(c, report) for c in chapters(report))
    return f"""<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>{title}</title><style>
body {{ font-family: {style.font}; font-size: {style.size}; line-height: {style.line_height}; color: #222; }}
.chapter + .chapter {{ break-before: page; }}
h1 {{ font-size: 1.9em; }} h2 {{ font-size: 1.35em; }} h3 {{ font-size: 1.1em; }}
.lead {{ font-size: 1.2em; }}
.notes {{ font-size: 0.75em; border-top: 1px solid #999; margin-top: 2em; }}
.notes p {{ margin: 0.4em 0; }}
</style></head><body>
<h1>{title}</h1>{subtitle}
{body}
</body></html>"""


def templates(report: dict, style: Variant) -> tuple[str, str]:
    """Chromium's header (date, title) and footer (address, page/total, or the page number centred) templates."""
    css = (
        f"font-family: {style.font}; font-size: 8px; color: #444; width: 100%; display: flex; "
        f"justify-content: space-between; margin: 0 {style.margins[1]}in 0 {style.margins[3]}in;"
    )
    header = f'<div style="{css}"><span>{style.date}</span><span>{html.escape(report["title"])}</span></div>'
    footer = (
        f'<div style="{css}"><span>{html.escape(report["organisation"])} · {ADDRESS}</span>'
        '<span><span class="pageNumber"></span>/<span class="totalPages"></span></span></div>'
    )
    if style.page_number:
        number = html.escape(style.page_number).format('<span class="pageNumber"></span>')
        footer = f'<div style="{css.replace("space-between", "center")}"><span>{number}</span></div>'
    return header, footer


def make_browser_print(report_yaml: Path, out: Path, variant: str = "a") -> Path:
    """Write ``report_yaml`` as a browser-printed PDF to ``out``; ``variant`` is "a", "b" or "c"."""
    report, style = yaml.safe_load(Path(report_yaml).read_text(encoding="utf-8")), VARIANTS[variant]
    header, footer = templates(report, style)
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp, "report.html")
        page.write_text(page_html(report, style), encoding="utf-8")
        driver = start_chromium(Path(tmp, "profile"))
        try:
            driver.get(page.as_uri())
            top, right, bottom, left = style.margins
            pdf = driver.execute_cdp_cmd(
                "Page.printToPDF",
                {
                    "displayHeaderFooter": True,
                    "headerTemplate": header,
                    "footerTemplate": footer,
                    "paperWidth": style.paper[0],
                    "paperHeight": style.paper[1],
                    "marginTop": top,
                    "marginRight": right,
                    "marginBottom": bottom,
                    "marginLeft": left,
                    "generateTaggedPDF": style.tagged,
                    "generateDocumentOutline": style.tagged if style.outline is None else style.outline,
                },
            )
        finally:
            driver.quit()
    Path(out).write_bytes(base64.b64decode(pdf["data"]))
    return Path(out)


if __name__ == "__main__":
    command_line(__doc__.splitlines()[0], make_browser_print, sorted(VARIANTS))
