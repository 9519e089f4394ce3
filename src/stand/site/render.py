"""What a template needs to turn data into a page: escaping for Markdown headings, labels,
links relative to the page, citations and paragraph text split into linkable pieces.

Report text is data, never markup: templates autoescape every value, and
:func:`heading` escapes Markdown syntax too, so ``{{``, ``<script>`` or
``*`` in a report render as the characters they are. Control characters
are not text at all: :func:`without_controls` drops them from every value a
template prints (the environment's ``finalize``), from page titles and
descriptions, and the plugin drops any left from the finished HTML.
"""

from __future__ import annotations

import html
import re

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..model import PART_KINDS, local_anchor
from ..publish.corpus import Corpus
from ..publish.urls import example_path, report_path, theme_path, topic_path, year_path

MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")
# C0 controls except tab and newline, DEL and the C1 controls. HTML counts them as parse errors (a NUL
# becomes U+FFFD or vanishes), and Python-Markdown marks its own placeholders with STX and ETX, so a
# report's "\x02wzxhzdk:0\x03" would be swapped for another piece of the page.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
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
    "could_change": "Wat kan anders",
    "closing": "Slot",
    "other": "Overig",
}
PART_LABELS = {
    "went_well": "Wat ging goed?",
    "went_wrong": "Wat ging niet goed?",
    "must_change": "Wat moet anders?",
    "could_change": "Wat kan anders?",
}


def without_controls(value: object) -> object:
    """A string without control characters (Markup stays Markup); any other value as it is.

    Also the ``finalize`` of the template environment, so it sees every value a template prints.

    >>> without_controls("A\\x00B\\x07C\\tD\\r\\nE"), without_controls(Markup("<b>\\x00</b>")), without_controls(3)
    ('ABC\\tD\\nE', Markup('<b></b>'), 3)
    """
    if not isinstance(value, str) or value.isprintable():  # most values: nothing to drop, told in C (1M a build)
        return value
    if isinstance(value, Markup):
        return Markup(CONTROL_CHARACTERS.sub("", value))
    return CONTROL_CHARACTERS.sub("", value)


def md_text(text: str) -> str:
    """Text for a Markdown heading: Markdown and attribute syntax backslash-escaped, HTML as entities.

    >>> md_text("Focus: *goed* {#x}")
    'Focus: \\\\*goed\\\\* \\\\{\\\\#x\\\\}'
    """
    return html.escape(MARKDOWN_SPECIAL.sub(r"\\\1", CONTROL_CHARACTERS.sub("", text)), quote=False)


def heading(text: str, level: int, anchor: str | None = None, classes: str = "") -> Markup:
    """A Markdown heading on its own lines (so it is in the table of contents), text escaped.

    >>> str(heading("<b>Terugblik</b>", 2, "terugblik"))
    '\\n## &lt;b&gt;Terugblik&lt;/b&gt; { #terugblik }\\n'
    >>> str(heading("Wat ging goed?", 2, "went-well", "svdu-badge svdu-kind-went-well"))
    '\\n## Wat ging goed? { #went-well .svdu-badge .svdu-kind-went-well }\\n'
    """
    names = "".join(f" .{name}" for name in classes.split())
    attrs = f" {{ #{anchor}{names} }}" if anchor else ""
    return Markup(f"\n{'#' * level} {md_text(text)}{attrs}\n")


def count(n: int, one: str, many: str) -> str:
    """Dutch count with the right noun form.

    >>> count(1, "oproep", "oproepen"), count(7, "oproep", "oproepen")
    ('1 oproep', '7 oproepen')
    """
    return f"{n} {one if n == 1 else many}"


def example_count(examples: list[dict]) -> str:
    """How many examples and illustrations, each by its own name (a report of illustrations has no "voorbeelden").

    >>> example_count([{"kind": "example"}] * 8), example_count([{"kind": "illustration"}] * 3)
    ('8 voorbeelden', '3 illustraties')
    >>> example_count([{"kind": "example"}, {"kind": "illustration"}]), example_count([])
    ('1 voorbeeld en 1 illustratie', '0 voorbeelden')
    """
    illustrations = sum(1 for e in examples if e["kind"] == "illustration")
    rest = len(examples) - illustrations
    said = [count(rest, "voorbeeld", "voorbeelden")] if rest or not illustrations else []
    said += [count(illustrations, "illustratie", "illustraties")] if illustrations else []
    return " en ".join(said)


def page_label(printed: int | None, physical: int) -> str:
    """A printed page number as is; a page that prints none by its place in the file, in brackets.

    >>> page_label(10, 9), page_label(None, 3)
    ('10', '[3]')
    """
    return str(printed) if printed is not None else f"[{physical}]"


def page_citation(record: dict) -> str:
    """ "p. 10", "p. [3]" or "p. [8]–10": the bracket marks a page that prints no number of its own.

    A no-break space holds "p." to its number, so a line never ends in "p.".

    >>> page_citation({"page": None, "pdf_page": 8, "page_end": 10, "pdf_page_end": 9})
    'p.\xa0[8]–10'
    """
    cited = f"p.\u00a0{page_label(record['page'], record['pdf_page'])}"
    if record.get("pdf_page_end"):
        cited += f"–{page_label(record['page_end'], record['pdf_page_end'])}"
    return cited


def cited_pages(record: dict) -> str:
    """The pages alone, as a citation prints them after "p.": "10", "[3]" or "[8]–10".

    >>> cited_pages({"page": 10, "pdf_page": 9})
    '10'
    """
    return page_citation(record).removeprefix("p.\u00a0")


class View:
    """The data as one page sees it; ``base`` is the relative path from that page to the site root."""

    def __init__(self, corpus: Corpus, base: str, site_url: str, links: dict[str, list[tuple[int, int, str]]]) -> None:
        self.corpus = corpus
        self.base = base
        self.site_url = site_url
        self.links = links  # see topic_links

    def href(self, path: str) -> str:
        return self.base + path

    def report_label(self, report: dict) -> str:
        return f"{report['organisation']}, {report['title']}"

    def theme_title(self, theme_id: str | None) -> str:
        return self.corpus.theme_by_id[theme_id]["title"] if theme_id else "Zonder thema"

    def kind_label(self, kind: str) -> str:
        return KIND_LABELS[kind]

    def outcomes(self, example: dict) -> list[str]:
        """The parts an example has, in the fixed order went well, went wrong, must change."""
        return [kind for kind in PART_KINDS if example[kind]]

    def outcome_words(self, example: dict) -> str:
        return ", ".join(PART_LABELS[k].rstrip("?").lower() for k in self.outcomes(example))

    def heading_years(self, theme: dict) -> list[tuple[str, str]]:
        """Each heading a theme went by, with the years it was used: one line per heading, however many reports.

        >>> View.heading_years(None, {"headings": [{"heading": "A", "year": 2023}, {"heading": "B", "year": 2022},
        ...                                        {"heading": "A", "year": 2023}]})
        [('B', '2022'), ('A', '2023')]
        """
        years: dict[str, set[int]] = {}
        for used in theme["headings"]:
            years.setdefault(used["heading"], set()).add(used["year"])
        return sorted(
            ((heading, ", ".join(map(str, sorted(found)))) for heading, found in years.items()),
            key=lambda pair: (pair[1], pair[0]),
        )

    def numbering(self, report: dict) -> str:
        """What kind of page number the citations on a report's page use."""
        printed, total = report["source"]["printed_page_numbers"], report["source"]["pages"]
        brackets = "de plaats in het bestand tussen haken (p. [3] is de derde pagina)"
        if printed == 0:
            return f"Het bronbestand drukt geen paginanummers af; we citeren met {brackets}."
        if printed == total:
            return "Het rapport drukt op elke pagina een paginanummer; we citeren met dat nummer."
        return (
            f"Het bronbestand drukt op {printed} van de {total} pagina’s een nummer af; "
            f"we citeren met dat nummer waar het er is, en anders met {brackets}."
        )

    def pages(self, record: dict) -> str:
        """Where a record stands, as cited: see :func:`page_citation`."""
        return page_citation(record)

    def page_number(self, record: dict) -> str:
        return cited_pages(record)

    def original_page(self, paragraph: dict) -> str | None:
        """The paragraph's page in the published PDF (``#page=`` the physical page, never the printed label),
        where the PDF's address is known (data/sources.yaml ``url``); else None."""
        url = self.corpus.report_of_paragraph[paragraph["id"]]["source"]["url"]
        return f"{url}#page={paragraph['pdf_page']}" if url else None

    def segments(self, paragraph: dict, footnote_base: str = "") -> list[dict]:
        """Paragraph text cut into plain text, topic links (derive's mentions) and footnote markers."""
        text = paragraph["text"]
        marks: list[tuple[int, int, dict]] = []
        for start, end, topic in self.links.get(paragraph["id"], ()):
            name = self.corpus.topic_by_id[topic]["name"]
            segment = {"kind": "topic", "text": text[start:end], "href": self.href(topic_path(topic)), "name": name}
            marks.append((start, end, segment))
        report_id = self.corpus.report_of_paragraph[paragraph["id"]]["id"]
        for ref in paragraph.get("footnotes", []):
            marks.append(
                (
                    ref["offset"],
                    ref["offset"],
                    {
                        "kind": "footnote",
                        "anchor": local_anchor(report_id, ref["footnote"]),
                        "href": footnote_base,
                        "number": ref["number"],
                    },
                )
            )
        out, position = [], 0
        for start, end, segment in sorted(marks, key=lambda m: (m[0], m[1])):
            if start < position:
                continue
            out += [{"kind": "text", "text": text[position:start]}, segment]
            position = end
        return out + [{"kind": "text", "text": text[position:]}]

    def quoted_segments(self, paragraph_id: str) -> list[dict]:
        """A paragraph quoted away from its report: footnote markers point at the report page."""
        report = self.corpus.report_of_paragraph[paragraph_id]
        return self.segments(self.corpus.paragraph_by_id[paragraph_id], self.href(report_path(report)))

    def citation(self, paragraph_id: str) -> dict:
        """ "Logius, Stand van de uitvoering 2023, p. 4", its link, and the full address for print."""
        paragraph = self.corpus.paragraph_by_id[paragraph_id]
        report = self.corpus.report_of_paragraph[paragraph_id]
        path = self.corpus.paragraph_path(paragraph_id)
        source, pages = self.report_label(report), self.pages(paragraph)
        return {
            "href": self.href(path),
            "label": f"{source}, {pages}",
            "source": source,
            "pages": pages,
            "full": self.site_url + path,
        }


def topic_links(corpus: Corpus) -> dict[str, list[tuple[int, int, str]]]:
    """What a page links in each paragraph: the first mention of each topic, as (start, end, topic) in reading order.

    From derive's records (offset and alias), where the longest name at a place already won, so links never nest.

    >>> report = {"mentions": [
    ...     {"paragraph": "p", "footnote": None, "via": None, "topic": "t", "offset": 9, "alias": "DigiD"},
    ...     {"paragraph": "p", "footnote": None, "via": None, "topic": "t", "offset": 2, "alias": "DigiD"},
    ...     {"paragraph": "p", "footnote": None, "via": "m", "topic": "u", "offset": 0, "alias": "X"}]}
    >>> topic_links(Corpus(reports=[report], themes=[], topics=[]))
    {'p': [(2, 7, 't')]}
    """
    first: dict[str, dict[str, tuple[int, int, str]]] = {}
    for report in corpus.reports:
        for mention in report["mentions"]:
            if mention["footnote"] is None and mention["via"] is None:
                start = mention["offset"]
                own = first.setdefault(mention["paragraph"], {})
                if mention["topic"] not in own or start < own[mention["topic"]][0]:
                    own[mention["topic"]] = (start, start + len(mention["alias"]), mention["topic"])
    return {paragraph: sorted(found.values()) for paragraph, found in first.items()}


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("stand.site", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
        finalize=without_controls,  # every printed value, before autoescape: no control characters
    )
    env.filters["heading"] = heading
    env.globals.update(
        count=count,
        example_count=example_count,
        report_path=report_path,
        theme_path=theme_path,
        example_path=example_path,
        topic_path=topic_path,
        year_path=year_path,
        part_kinds=PART_KINDS,
        part_labels=PART_LABELS,
    )
    return env
