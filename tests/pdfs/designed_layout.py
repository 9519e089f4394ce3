"""Test PDF: a report laid out like a designer's publication, set by Chromium with CSS paged media.

Imitates a report from a layout program: a cover (organisation, title,
subtitle, year), a contents page with dotted leaders and page numbers, every
chapter on a new page, chapter headings set narrow so that a long one wraps
over two lines, example pages ("Voorbeeld: ...", "Illustratie: ...") in two
columns with their parts ("Wat ging goed?") as bold headings at body size on
their own line, justified text hyphenated at line ends, superscript footnote
markers with the footnotes in small type at the end of the chapter, and
``@page`` margin boxes for a running header and the footer "Pagina 3 van 12"
(variant c: "p. 3", centred, with letter-spaced headings and a rule between
the columns).

Chromium cannot resolve ``target-counter()``, so the contents page numbers are
measured: each part (cover, contents, every chapter) is printed on its own and
its pages counted. Its ``hyphens: auto`` has no Dutch dictionary offline, so
words get soft hyphens, and those that do not fall at a line end are removed
before printing: Chromium would otherwise leave an invisible glyph for each in
the text layer. Screen layout at the page's text width breaks lines exactly as
print does, which is what makes that possible.

Run: ``cd tests && python -m pdfs.designed_layout ../data/reports/logius-2023.yaml /tmp/x.pdf --variant b``
"""

from __future__ import annotations

import base64
import html
import itertools
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml
from selenium import webdriver

from pdfs.common import chapters, command_line, paragraphs_html, start_chromium

SHY = "\u00ad"
VOWELS = "aeiouyàáâäèéêëìíîïòóôöùúûü"
PARTS = {"went_well", "went_wrong", "must_change", "could_change"}
EXAMPLES = {"examples", "example", "illustration"} | PARTS
# Keep a soft hyphen only where the line really breaks.
PRUNE_SOFT_HYPHENS_JS = r"""
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
const range = document.createRange();
const box = (node, i) => { range.setStart(node, i); range.setEnd(node, i + 1); return range.getBoundingClientRect(); };
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  let text = node.data;
  for (let i = text.lastIndexOf('\u00ad'); i > 0; i = text.lastIndexOf('\u00ad', i - 1)) {
    const before = box(node, i - 1), after = box(node, i + 1);
    if (Math.abs(after.top - before.top) < 1 && after.left > before.left) text = text.slice(0, i) + text.slice(i + 1);
  }
  if (text !== node.data) node.data = text;
}
"""
# Put the page numbers in the contents, then fill each leader with as many dots as fit.
CONTENTS_JS = r"""
arguments[0].forEach((page, i) => { document.querySelectorAll('.toc .pageno')[i].textContent = page; });
for (const leader of document.querySelectorAll('.toc .leader')) {
  leader.textContent = '';
  while (leader.scrollWidth <= leader.clientWidth) leader.textContent += ' .';
  leader.textContent = leader.textContent.slice(0, -2);
}
"""
SHOW_ONLY_JS = (
    "[...document.body.children].forEach((part, i) => "
    "{ part.style.display = arguments[0] === null || i === arguments[0] ? '' : 'none'; });"
)


@dataclass(frozen=True)
class Variant:
    """How one variant is set: fonts, body size, page margins in mm, column gap, tagged PDF or not.

    The rest has defaults: the footer's ``@page`` margin box and its CSS
    ``content``, the headings' letter-spacing and the rule between the columns.
    """

    body_font: str
    heading_font: str
    size: str
    margins: tuple[int, int, int, int]  # top, right, bottom, left
    gap: str
    tagged: bool
    footer_box: str = "bottom-right"
    footer: str = '"Pagina " counter(page) " van " counter(pages)'
    tracking: str | None = None
    column_rule: str | None = None


VARIANTS = {
    "a": Variant("'DejaVu Serif', serif", "'DejaVu Sans', sans-serif", "10pt", (22, 20, 25, 20), "8mm", True),
    "b": Variant(
        "'DejaVu Sans Condensed', sans-serif", "'DejaVu Serif', serif", "9.5pt", (28, 26, 30, 30), "14mm", False
    ),
    "c": Variant(
        "'DejaVu Sans', sans-serif",
        "'DejaVu Serif Condensed', serif",
        "9.5pt",
        (18, 22, 21, 27),
        "5mm",
        True,
        footer_box="bottom-center",
        footer='"p. " counter(page)',
        tracking="0.06em",
        column_rule="0.5pt solid #154273",
    ),
}


def soft_hyphens(word: str) -> str:
    """A long lower-case word with a soft hyphen at each rough Dutch syllable break.

    Before the last consonant between two vowels ("ch" stays together), at
    least two letters before and three after a break.

    >>> soft_hyphens("dienstverlening").split(SHY)
    ['dienst', 'ver', 'le', 'ning']
    >>> soft_hyphens("DigiD")
    'DigiD'
    """
    if len(word) < 8 or not word.isalpha() or not word[1:].islower():
        return word
    pieces, start = [], 0
    for cluster in re.finditer(f"(?<=[{VOWELS}])[^{VOWELS}]+(?=[{VOWELS}])", word, re.IGNORECASE):
        cut = cluster.end() - (2 if cluster.group().endswith("ch") else 1)
        if 2 <= cut <= len(word) - 3:
            pieces, start = pieces + [word[start:cut]], cut
    return SHY.join(pieces + [word[start:]])


def hyphenated(text: str) -> str:
    """Text as HTML with soft hyphens inside its longer words, so justified lines break mid-word."""
    return html.escape(re.sub(r"\w+", lambda m: soft_hyphens(m.group()), text))


def section_html(section: dict, report: dict) -> str:
    """A section's heading and paragraphs; the closing one ends with the signatory."""
    tag = "h1" if section["parent"] is None else "h3" if section["kind"] in PARTS else "h2"
    out = [f"<{tag}>{html.escape(section['heading'])}</{tag}>", paragraphs_html(section["paragraphs"], hyphenated)]
    if section["kind"] == "closing" and report.get("signatory"):
        signatory = report["signatory"]
        out.append(f'<p class="signature">{html.escape(signatory["name"])} ({html.escape(signatory["role"])})</p>')
    return "\n".join(out)


def chapter_html(chapter: list[dict], report: dict) -> str:
    """A chapter on new pages: its text, its example pages in two columns, then its footnotes."""
    notes = {note["id"]: note for note in report["footnotes"]}
    out = []
    for in_examples, run in itertools.groupby(chapter, key=lambda s: s["kind"] in EXAMPLES):
        body = "\n".join(section_html(s, report) for s in run)
        out.append(f'<div class="examples">{body}</div>' if in_examples else body)
    refs = [ref["footnote"] for s in chapter for p in s["paragraphs"] for ref in p.get("footnotes") or []]
    if refs:
        out.append(
            '<aside class="notes">'
            + "".join(
                f'<p><span class="number">{notes[r]["number"]}</span> {html.escape(notes[r]["text"])}</p>' for r in refs
            )
            + "</aside>"
        )
    return '<section class="chapter">\n' + "\n".join(out) + "\n</section>"


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def document_html(report: dict, style: Variant) -> str:
    """Cover, contents (page numbers filled in later) and chapters, each a child of ``<body>``."""
    top, right, bottom, left = style.margins
    extra = f"h1, h2, h3 {{ letter-spacing: {style.tracking}; }}\n" if style.tracking else ""
    extra += f".examples {{ column-rule: {style.column_rule}; }}\n" if style.column_rule else ""
    furniture = f"font: 8pt {style.heading_font}; color: #154273;"
    subtitle = f'<p class="subtitle">{html.escape(report["subtitle"])}</p>' if report.get("subtitle") else ""
    groups = chapters(report)
    contents = "".join(
        f'<li><span>{html.escape(c[0]["heading"])}</span><span class="leader"></span><span class="pageno"></span></li>'
        for c in groups
    )
    return f"""<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>{html.escape(report["title"])}</title><style>
@page {{
  size: A4; margin: {top}mm {right}mm {bottom}mm {left}mm;
  @top-left {{ content: {css_string(report["title"])}; {furniture} }}
  @top-right {{ content: {css_string(report["organisation"])}; {furniture} }}
  @{style.footer_box} {{ content: {style.footer}; {furniture} }}
}}
@page :first {{ @top-left {{ content: none; }} @top-right {{ content: none; }} \
@{style.footer_box} {{ content: none; }} }}
html {{ width: {210 - left - right}mm; }}
body {{ margin: 0; font: {style.size}/1.5 {style.body_font}; color: #1a1a1a; text-align: justify; hyphens: manual; }}
h1, h2, h3 {{ font-family: {style.heading_font}; color: #154273; text-align: left; break-after: avoid; }}
h1 {{ font-size: 24pt; line-height: 1.2; max-width: 16em; margin: 0 0 1.2em; }}
h2 {{ font-size: 13pt; margin: 1.4em 0 0.4em; }}
h3 {{ font: bold 1em/1.5 {style.body_font}; color: inherit; margin: 0.9em 0 0; }}
h2 + h3, h3 + p {{ margin-top: 0; }}
p {{ margin: 0 0 0.7em; orphans: 2; widows: 2; }}
sup {{ font-size: 0.65em; line-height: 0; }}
.cover {{ height: {297 - top - bottom - 5}mm; display: flex; flex-direction: column; justify-content: flex-end;
          padding: 0 12mm 18mm; box-sizing: border-box; background: #154273; color: #fff; text-align: left; }}
.cover .organisation {{ font: bold 14pt {style.heading_font}; margin-bottom: auto; padding-top: 14mm; }}
.cover .title {{ font: bold 30pt/1.15 {style.heading_font}; margin: 0 0 0.4em; }}
.cover .subtitle {{ font-size: 13pt; }}
.cover .year {{ font: bold 44pt {style.heading_font}; color: #8fcae7; margin: 0.3em 0 0; }}
.contents, .chapter {{ break-before: page; }}
.toc {{ list-style: none; padding: 0; font-size: 11pt; }}
.toc li {{ display: flex; margin: 0.6em 0; }}
.toc .leader {{ flex: 1; min-width: 0; overflow: hidden; white-space: nowrap; padding: 0 0.3em; }}
.examples {{ break-before: page; columns: 2; column-gap: {style.gap}; column-fill: balance; }}
.examples h2 {{ column-span: all; }}
.notes {{ font-size: 7.5pt; line-height: 1.35; margin-top: 2em; }}
.notes::before {{ content: ""; display: block; width: 30%; border-top: 0.5pt solid #1a1a1a; margin-bottom: 0.5em; }}
.notes p {{ margin: 0 0 0.3em; }}
.signature {{ margin-top: 1.5em; text-align: left; }}
{extra}</style></head><body>
<section class="cover"><p class="organisation">{html.escape(report["organisation"])}</p>
<p class="title">{html.escape(report["title"])}</p>{subtitle}<p class="year">{report["year"]}</p></section>
<section class="contents"><h2>Inhoud</h2><ol class="toc">{contents}</ol></section>
{chr(10).join(chapter_html(c, report) for c in groups)}
</body></html>"""


def print_pdf(driver: webdriver.Chrome, style: Variant) -> bytes:
    """The loaded page as PDF, page size and margins from its ``@page`` rules."""
    pdf = driver.execute_cdp_cmd(
        "Page.printToPDF",
        {
            "preferCSSPageSize": True,
            "printBackground": True,
            "generateTaggedPDF": style.tagged,
            "generateDocumentOutline": style.tagged,
        },
    )
    return base64.b64decode(pdf["data"])


def page_count(pdf: bytes) -> int:
    """Pages in a PDF from Chromium, which writes one ``/Type /Page`` object per page."""
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


def make_designed_layout(report_yaml: Path, out: Path, variant: str = "a") -> Path:
    """Write ``report_yaml`` as a designed report PDF to ``out``; ``variant`` is "a", "b" or "c"."""
    report, style = yaml.safe_load(Path(report_yaml).read_text(encoding="utf-8")), VARIANTS[variant]
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp, "report.html")
        page.write_text(document_html(report, style), encoding="utf-8")
        driver = start_chromium(Path(tmp, "profile"), "--window-size=1280,900")
        try:
            driver.get(page.as_uri())
            driver.execute_script(PRUNE_SOFT_HYPHENS_JS)
            counts = []  # pages of the cover, the contents and each chapter, each printed alone
            for part in range(len(chapters(report)) + 2):
                driver.execute_script(SHOW_ONLY_JS, part)
                counts.append(page_count(print_pdf(driver, style)))
            driver.execute_script(SHOW_ONLY_JS, None)
            driver.execute_script(CONTENTS_JS, [1 + sum(counts[:k]) for k in range(2, len(counts))])
            pdf = print_pdf(driver, style)
        finally:
            driver.quit()
    Path(out).write_bytes(pdf)
    return Path(out)


if __name__ == "__main__":
    command_line(__doc__.splitlines()[0], make_designed_layout, sorted(VARIANTS))
