"""Report text is data, never code: every string from a report passes through here.

Text is HTML-escaped and emitted inside raw HTML blocks, which Markdown
leaves alone; headings are Markdown (for the table of contents) with every
Markdown and template character escaped. Generated pages are never run
through mkdocs-macros (``render_by_default: false``), so ``{{`` stays text.
"""

from __future__ import annotations

import html
import re

from stand.catalog import Catalog, report_path, topic_path
from stand.ids import local_anchor

MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")
KIND_LABELS = {
    "introduction": "Inleiding",
    "theme": "Thema",
    "description": "Beschrijving",
    "retrospective": "Terugblik",
    "examples": "Voorbeelden",
    "example": "Voorbeeld",
    "illustration": "Illustratie",
    "went_well": "Wat ging goed",
    "went_wrong": "Wat ging niet goed",
    "must_change": "Wat moet anders",
    "closing": "Slot",
    "other": "Overig",
}
PART_LABELS = {"went_well": "Wat ging goed?", "went_wrong": "Wat ging niet goed?", "must_change": "Wat moet anders?"}


def site_base(site_url: str | None) -> str:
    """The published address with exactly one trailing slash, so paths append to it.

    >>> site_base("https://example.test/stand"), site_base(None)
    ('https://example.test/stand/', '/')
    """
    return (site_url or "/").rstrip("/") + "/"


def esc(text: object) -> str:
    """HTML-escape anything that came from data.

    >>> esc('<script>alert(1)</script> & {{ x }}')
    '&lt;script&gt;alert(1)&lt;/script&gt; &amp; {{ x }}'
    """
    return html.escape(str(text), quote=True)


def count(n: int, one: str, many: str) -> str:
    """Dutch count with the right noun form.

    >>> count(1, "oproep", "oproepen"), count(7, "oproep", "oproepen")
    ('1 oproep', '7 oproepen')
    """
    return f"{n} {one if n == 1 else many}"


def md_text(text: str) -> str:
    """Text for a Markdown heading: Markdown and attribute syntax backslash-escaped, HTML as entities.

    >>> md_text("Focus: *goed* {#x}")
    'Focus: \\\\*goed\\\\* \\\\{\\\\#x\\\\}'
    """
    return html.escape(MARKDOWN_SPECIAL.sub(r"\\\1", text), quote=False)


def heading(level: int, text: str, anchor: str | None = None) -> str:
    attrs = f" {{ #{anchor} }}" if anchor else ""
    return f"\n{'#' * level} {md_text(text)}{attrs}\n"


def link(href: str, text: str, **attrs: str) -> str:
    extra = "".join(f' {k.rstrip("_").replace("_", "-")}="{esc(v)}"' for k, v in attrs.items())
    return f'<a href="{esc(href)}"{extra}>{esc(text)}</a>'


def table(caption: str, head: list[str], rows: list[str], table_id: str | None = None) -> str:
    """A captioned table with column headers, in a region that scrolls sideways on a phone.

    The region is focusable and labelled, so keyboard users can scroll it too.
    """
    ident = f' id="{esc(table_id)}"' if table_id else ""
    header = "".join(f'<th scope="col">{esc(h)}</th>' for h in head)
    return block(
        f'<div class="svdu-table-wrap" role="region" aria-label="{esc(caption)}" tabindex="0">'
        f'<table{ident} class="svdu-table"><caption>{esc(caption)}</caption><thead><tr>{header}</tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table></div>'
    )


def block(html_text: str) -> str:
    """A raw HTML block on its own lines, so Markdown passes it through untouched."""
    return f"\n{html_text}\n"


class Renderer:
    """Renders data for one page; ``base`` is the relative path from that page to the site root."""

    def __init__(self, catalog: Catalog, base: str, site_url: str, topic_patterns: list[tuple[str, re.Pattern[str]]]) -> None:
        self.catalog = catalog
        self.base = base
        self.site_url = site_url
        self.topic_patterns = topic_patterns

    def href(self, path: str) -> str:
        return self.base + path

    def report_label(self, report: dict) -> str:
        return f"{report['organisation']}, {report['title']}"

    def rich_text(self, paragraph: dict, footnote_base: str = "") -> str:
        """Paragraph text with topic names linked and footnote markers, all else escaped."""
        text = paragraph["text"]
        marks: list[tuple[int, int, str]] = []
        taken: set[str] = set()
        for topic_id, pattern in self.topic_patterns:
            found = pattern.search(text)
            if topic_id in taken or not found:
                continue
            if any(found.start() < end and start < found.end() for start, end, _ in marks):
                continue
            taken.add(topic_id)
            name = self.catalog.topic_by_id[topic_id]["name"]
            marks.append((found.start(), found.end(), f'<a class="svdu-topic" href="{esc(self.href(topic_path(topic_id)))}" title="Onderwerp: {esc(name)}">{esc(found.group(0))}</a>'))
        report_id = self.catalog.report_of_paragraph[paragraph["id"]]["id"]
        for ref in paragraph.get("footnotes", []):
            anchor = esc(local_anchor(report_id, ref["footnote"]))
            marks.append((ref["offset"], ref["offset"], (
                f'<sup class="svdu-fnref" id="ref-{anchor}"><a href="{esc(footnote_base)}#{anchor}">'
                f'<span class="svdu-sr-only">voetnoot </span>{ref["number"]}</a></sup>'
            )))
        out, position = [], 0
        for start, end, replacement in sorted(marks, key=lambda m: (m[0], m[1])):
            if start < position:
                continue
            out.append(esc(text[position:start]))
            out.append(replacement)
            position = end
        out.append(esc(text[position:]))
        return "".join(out)

    def citation(self, paragraph_id: str) -> str:
        """"Logius, Stand van de uitvoering 2023, p. 4" linked to the paragraph itself."""
        paragraph = self.catalog.paragraph_by_id[paragraph_id]
        report = self.catalog.report_of_paragraph[paragraph_id]
        page = f"p. {paragraph['page']}" + (f"–{paragraph['page_end']}" if paragraph.get("page_end") else "")
        path = self.catalog.paragraph_path(paragraph_id)
        # data-href: the full address, printed after the citation on paper.
        return link(self.href(path), f"{self.report_label(report)}, {page}", class_="svdu-cite", data_href=self.site_url + path)

    def quote(self, paragraph_id: str) -> str:
        """A paragraph quoted away from its report: the text, then where it comes from."""
        paragraph = self.catalog.paragraph_by_id[paragraph_id]
        report = self.catalog.report_of_paragraph[paragraph_id]
        footnote_base = self.href(report_path(report))
        return block(
            f'<blockquote class="svdu-quote"><p>{self.rich_text(paragraph, footnote_base)}</p>'
            f"<footer>— {self.citation(paragraph_id)}</footer></blockquote>"
        )

    def data_links(self, json_path: str, csv_path: str | None, what: str) -> str:
        items = [link(self.href(json_path), f"{what} als JSON", type="application/json")]
        if csv_path:
            items.append(link(self.href(csv_path), f"{what} als CSV", type="text/csv"))
        return block(f'<p class="svdu-data-links" data-search-exclude>Downloaden: {" · ".join(items)}</p>')

    def breadcrumbs(self, trail: list[tuple[str | None, str]]) -> str:
        """Every crumb but the last links to its path; the last is the current page."""
        items = [f"<li>{link(self.href(path), label)}</li>" for path, label in trail[:-1]]
        items.append(f'<li aria-current="page">{esc(trail[-1][1])}</li>')
        return block(f'<nav class="svdu-breadcrumbs" aria-label="Kruimelpad" data-search-exclude><ol>{"".join(items)}</ol></nav>')
