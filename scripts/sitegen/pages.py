"""One function per kind of generated page: data in, Markdown (with escaped HTML blocks) out.

Every function returns a :class:`Page`; the hook turns them into MkDocs
files. Inputs are iterated in a fixed order (years, then ids), so the same
data always gives the same pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import yaml

from stand.catalog import Catalog, example_path, report_path, theme_path, topic_path, year_path
from stand.headings import PART_KINDS
from stand.ids import local_anchor
from stand.records import topic_pattern

from .render import KIND_LABELS, PART_LABELS, Renderer, block, count, esc, heading, link, table


@dataclass(frozen=True)
class Page:
    path: str  # e.g. "themas/focus-goed-en-duurzaam/index.md"
    title: str
    description: str
    markdown: str

    @property
    def url(self) -> str:
        return self.path.removesuffix("index.md")

    def source(self) -> str:
        meta = yaml.safe_dump({"title": self.title, "description": self.description}, allow_unicode=True, width=1000, sort_keys=True)
        return f"---\n{meta}---\n{self.markdown}"


class PageBuilder:
    """Builds every generated page from a catalog."""

    def __init__(self, catalog: Catalog, site_url: str) -> None:
        self.catalog = catalog
        self.site_url = site_url
        patterns = [(t["id"], topic_pattern(alias)) for t in catalog.topics for alias in sorted(t["aliases"], key=len, reverse=True)]
        self.topic_patterns = patterns

    def renderer(self, url: str) -> Renderer:
        depth = url.count("/")
        return Renderer(self.catalog, "../" * depth, self.site_url, self.topic_patterns)

    def all_pages(self) -> Iterator[Page]:
        yield self.reports_index()
        for year in self.catalog.years:
            yield self.year_page(year)
        for report in self.catalog.reports:
            yield self.report_page(report)
        yield self.themes_index()
        for theme in self.catalog.themes:
            yield self.theme_page(theme)
        yield self.examples_index()
        for example in self.catalog.examples:
            yield self.example_page(example)
        yield self.topics_index()
        for topic in self.catalog.topics:
            yield self.topic_page(topic)
        yield self.calls_page()
        yield self.figures_page()

    # -- helpers ---------------------------------------------------------

    def overview(self, url: str, crumb: str, title: str, intro: str, data: tuple[str, str, str] | None = None) -> tuple[Renderer, str]:
        """The opening every overview page shares: breadcrumbs, title, introduction, downloads."""
        r = self.renderer(url)
        body = r.breadcrumbs([("", "Home"), (None, crumb)]) + heading(1, title) + block(f"<p>{intro}</p>")
        if data:
            body += r.data_links(*data)
        return r, body

    def theme_title(self, theme_id: str | None) -> str:
        return self.catalog.theme_by_id[theme_id]["title"] if theme_id else "Zonder thema"

    def example_outcomes(self, example: dict) -> list[str]:
        return [kind for kind in PART_KINDS if example[kind]]

    # -- years and reports -----------------------------------------------

    def reports_index(self) -> Page:
        url = "rapporten/"
        r, body = self.overview(
            url, "Rapporten", "Rapporten",
            "Elk rapport als doorlopende, doorzoekbare tekst, met een link per alinea en het paginanummer uit het origineel.",
        )
        for year in sorted(self.catalog.years, reverse=True):
            body += heading(2, str(year), f"jaar-{year}")
            items = "".join(
                f"<li>{link(r.href(report_path(rep)), r.report_label(rep))}"
                f'<br><span class="svdu-desc">{rep["source"]["pages"]} pagina’s, {count(len(rep["examples"]), "voorbeeld", "voorbeelden")}, {count(len(rep["calls"]), "oproep", "oproepen")}</span></li>'
                for rep in self.catalog.reports
                if rep["year"] == year
            )
            body += block(f"<ul>{items}</ul>")
        return Page(f"{url}index.md", "Rapporten", "Alle rapporten Stand van de uitvoering, per jaar.", body)

    def year_page(self, year: int) -> Page:
        url = year_path(year)
        r = self.renderer(url)
        reports = [rep for rep in self.catalog.reports if rep["year"] == year]
        items = "".join(
            f"<li>{link(r.href(report_path(rep)), r.report_label(rep))}"
            f" — {count(len(rep['examples']), 'voorbeeld', 'voorbeelden')}, {count(len(rep['calls']), 'oproep', 'oproepen')}</li>"
            for rep in reports
        )
        body = r.breadcrumbs([("", "Home"), ("rapporten/", "Rapporten"), (None, str(year))]) + heading(1, f"Stand van de uitvoering over {year}")
        body += block(f"<p>Rapporten over {year}:</p><ul>{items}</ul>")
        for rep in reports:
            body += r.data_links(f"data/reports/{rep['id']}.json", f"data/slices/rapporten/{rep['id']}.csv", r.report_label(rep))
        return Page(f"{url}index.md", f"{year}", f"De rapporten Stand van de uitvoering over {year}.", body)

    def report_page(self, report: dict) -> Page:
        url = report_path(report)
        r = self.renderer(url)
        catalog = self.catalog
        title = f"{report['organisation']} — {report['title']}"
        body = r.breadcrumbs([("", "Home"), ("rapporten/", "Rapporten"), (year_path(report["year"]), str(report["year"])), (None, report["organisation"])])
        body += heading(1, title)
        if report["subtitle"]:
            body += block(f'<p class="svdu-subtitle">{esc(report["subtitle"])}</p>')
        source = report["source"]
        original = (
            link(source["url"], "de oorspronkelijke publicatie")
            if source["url"]
            else f"het oorspronkelijke bestand <code>{esc(source['file'])}</code> (een online adres is niet bekend)"
        )
        facts = [
            f"<dt>Organisatie</dt><dd>{esc(report['organisation'])}</dd>",
            f"<dt>Jaar</dt><dd>{report['year']}</dd>",
            f"<dt>Pagina’s</dt><dd>{source['pages']}</dd>",
            f"<dt>Bron</dt><dd>Deze tekst komt uit {original}; controlegetal SHA-256 <code>{source['sha256'][:16]}…</code></dd>",
        ]
        if report["signatory"]:
            facts.append(f"<dt>Ondertekend door</dt><dd>{esc(report['signatory']['name'])} ({esc(report['signatory']['role'])})</dd>")
        body += block(f'<dl class="svdu-facts">{"".join(facts)}</dl>')
        body += block(
            '<div class="svdu-cite-box" role="note" aria-label="Zo citeert u deze pagina">'
            f"<p><strong>Citeren:</strong> {esc(report['organisation'])} ({report['year']}). <cite>{esc(report['title'])}</cite>. "
            "Elke alinea heeft een eigen link: kies ¶ achter de alinea en kopieer het adres.</p></div>"
        )
        body += r.data_links(f"data/reports/{report['id']}.json", f"data/slices/rapporten/{report['id']}.csv", "Dit rapport")
        examples_by_section = {e["id"]: e for e in report["examples"]}
        depth = {}
        for section in report["sections"]:
            level = 2 if section["parent"] is None else depth[section["parent"]] + 1
            depth[section["id"]] = level
            anchor = catalog.section_anchor(section["id"])
            body += heading(min(level, 6), section["heading"], anchor)
            links = []
            if section["kind"] == "theme" and section["theme"]:
                links.append(link(r.href(theme_path(section["theme"])), f"Dit thema in alle jaren: {self.theme_title(section['theme'])}"))
            if section["id"] in examples_by_section:
                links.append(link(r.href(example_path(section["id"])), "Dit voorbeeld op een eigen pagina"))
            if links:
                body += block(f'<p class="svdu-section-links">{" · ".join(links)}</p>')
            items = []
            for paragraph in section["paragraphs"]:
                pages = f"p. {paragraph['page']}" + (f"–{paragraph['page_end']}" if paragraph.get("page_end") else "")
                html_text = (
                    f'<p id="{esc(paragraph["anchor"])}" class="svdu-p">{r.rich_text(paragraph)} '
                    f'<span class="svdu-meta">{pages} '
                    f'<a class="svdu-permalink" href="#{esc(paragraph["anchor"])}" title="Link naar deze alinea">¶<span class="svdu-sr-only"> link naar deze alinea</span></a></span></p>'
                )
                if paragraph.get("list_item"):
                    items.append(f"<li>{html_text}</li>")
                    continue
                if items:
                    body += block(f'<ul class="svdu-list">{"".join(items)}</ul>')
                    items = []
                body += block(html_text)
            if items:
                body += block(f'<ul class="svdu-list">{"".join(items)}</ul>')
            if section["kind"] == "closing" and report["signatory"]:
                signatory = report["signatory"]
                body += block(f'<p class="svdu-signature">{esc(signatory["name"])} ({esc(signatory["role"])})</p>')
        if report["footnotes"]:
            body += heading(2, "Voetnoten", "voetnoten")
            notes = "".join(
                f'<li id="{esc(local_anchor(report["id"], f["id"]))}" value="{f["number"]}">{esc(f["text"])} '
                f'<span class="svdu-meta">p. {f["page"]}</span> '
                f'<a href="#ref-{esc(local_anchor(report["id"], f["id"]))}" title="Terug naar de tekst">↩<span class="svdu-sr-only"> terug naar de tekst</span></a></li>'
                for f in report["footnotes"]
            )
            body += block(f'<ol class="svdu-footnotes">{notes}</ol>')
        description = f"De volledige tekst van {report['organisation']}, {report['title']}, met een link per alinea."
        return Page(f"{url}index.md", title, description, body)

    # -- themes ---------------------------------------------------------

    def themes_index(self) -> Page:
        url = "themas/"
        r, body = self.overview(
            url, "Thema’s", "Thema’s",
            "Dezelfde vier thema’s komen in elk rapport terug, soms onder een andere kop. Kies een thema om alle jaren naast elkaar te zien.",
        )
        rows = []
        for theme in self.catalog.themes:
            headings = "".join(f"<li>{h['year']}: {esc(h['heading'])}</li>" for h in theme["headings"])
            rows.append(f"<li>{link(r.href(theme_path(theme['id'])), theme['title'])}<p>{esc(theme['description'])}</p><ul>{headings}</ul></li>")
        body += block(f'<ul class="svdu-cards">{"".join(rows)}</ul>')
        return Page(f"{url}index.md", "Thema’s", "De vaste thema’s van de Stand van de uitvoering, over alle jaren.", body)

    def theme_page(self, theme: dict) -> Page:
        url = theme_path(theme["id"])
        r = self.renderer(url)
        catalog = self.catalog
        body = r.breadcrumbs([("", "Home"), ("themas/", "Thema’s"), (None, theme["title"])]) + heading(1, theme["title"])
        body += block(f'<p class="svdu-subtitle">{esc(theme["description"])}</p>')
        body += r.data_links(f"data/slices/themas/{theme['id']}.json", f"data/slices/themas/{theme['id']}.csv", "Dit thema")
        used = theme["headings"]
        rows = []
        for h in used:
            report = catalog.report_by_id[h["report"]]
            n_examples = sum(1 for e in report["examples"] if e["theme"] == theme["id"])
            n_calls = sum(1 for c in report["calls"] if c["theme"] == theme["id"])
            n_figures = sum(1 for f in report["figures"] if f["theme"] == theme["id"])
            rows.append(
                f'<tr><th scope="row">{link("#jaar-" + str(h["year"]), str(h["year"]))}</th><td>{esc(h["heading"])}</td>'
                f"<td>{n_examples}</td><td>{n_calls}</td><td>{n_figures}</td></tr>"
            )
        body += table("Het thema per jaar", ["Jaar", "Kop in het rapport", "Voorbeelden", "Oproepen", "Cijfers"], rows)
        for index, h in enumerate(used):
            report = catalog.report_by_id[h["report"]]
            body += heading(2, f"{h['year']}: {h['heading']}", f"jaar-{h['year']}")
            steps = []
            if index > 0:
                steps.append(link(f"#jaar-{used[index - 1]['year']}", f"← {used[index - 1]['year']}"))
            steps.append(link(r.href(catalog.section_path(h["section"])), f"In het rapport van {h['year']}"))
            if index + 1 < len(used):
                steps.append(link(f"#jaar-{used[index + 1]['year']}", f"{used[index + 1]['year']} →"))
            body += block(f'<p class="svdu-year-nav">{" · ".join(steps)}</p>')
            chapter = catalog.section_by_id[h["section"]]
            for paragraph in chapter["paragraphs"]:
                body += r.quote(paragraph["id"])
            for section in report["sections"]:
                if section["parent"] == chapter["id"] and section["kind"] in ("description", "retrospective", "other"):
                    body += heading(3, section["heading"], f"{h['year']}-{section['kind']}")
                    for paragraph in section["paragraphs"]:
                        body += r.quote(paragraph["id"])
            examples = [e for e in report["examples"] if e["theme"] == theme["id"]]
            if examples:
                body += heading(3, "Voorbeelden", f"{h['year']}-voorbeelden")
                body += block("<ul>" + "".join(f"<li>{self.example_summary(r, e)}</li>" for e in examples) + "</ul>")
            calls = [c for c in report["calls"] if c["theme"] == theme["id"]]
            if calls:
                body += heading(3, "Oproepen", f"{h['year']}-oproepen")
                body += block("<ul>" + "".join(f'<li>“{esc(c["text"])}” — {r.citation(c["paragraph"])}</li>' for c in calls) + "</ul>")
            figures = [f for f in report["figures"] if f["theme"] == theme["id"]]
            if figures:
                body += heading(3, "Cijfers", f"{h['year']}-cijfers")
                body += block("<ul>" + "".join(f'<li><strong>{esc(f["text"])}</strong>: “{esc(f["sentence"])}” — {r.citation(f["paragraph"])}</li>' for f in figures) + "</ul>")
            topics = sorted({m["topic"] for m in report["mentions"] if m["theme"] == theme["id"]})
            if topics:
                body += heading(3, "Onderwerpen", f"{h['year']}-onderwerpen")
                body += block('<p class="svdu-tags">' + " ".join(link(r.href(topic_path(t)), catalog.topic_by_id[t]["name"]) for t in topics) + "</p>")
        return Page(f"{url}index.md", theme["title"], f"Wat Logius over {theme['title']} schreef, alle jaren naast elkaar.", body)

    # -- examples -------------------------------------------------------

    def example_summary(self, r: Renderer, example: dict) -> str:
        outcomes = ", ".join(PART_LABELS[k].rstrip("?").lower() for k in self.example_outcomes(example))
        kind = KIND_LABELS[example["kind"]]
        return f"{link(r.href(example_path(example['id'])), example['title'])} <span class=\"svdu-meta\">({kind}, p. {example['page']}{'; ' + esc(outcomes) if outcomes else ''})</span>"

    def examples_index(self) -> Page:
        url = "voorbeelden/"
        catalog = self.catalog
        r, body = self.overview(
            url, "Voorbeelden", "Voorbeelden en illustraties",
            "Alle blokken ‘Voorbeeld:’ en ‘Illustratie:’ uit de rapporten. De 2022-voorbeelden zijn verdeeld in wat goed ging, "
            "wat niet goed ging en wat anders moet; de illustraties van 2023 zijn doorlopende tekst.",
            ("data/stand-van-de-uitvoering.json", "data/csv/examples.csv", "Alle voorbeelden"),
        )
        theme_options = "".join(f'<option value="{esc(t["id"])}">{esc(t["title"])}</option>' for t in catalog.themes)
        year_options = "".join(f'<option value="{y}">{y}</option>' for y in catalog.years)
        outcome_boxes = "".join(
            f'<label><input type="checkbox" name="outcome" value="{k}"> {esc(PART_LABELS[k].rstrip("?"))}</label>' for k in PART_KINDS
        )
        body += block(
            '<form class="svdu-filters" data-filter-target="voorbeelden-tabel" hidden>'
            '<fieldset><legend>Filter de voorbeelden</legend>'
            f'<label for="filter-thema">Thema</label> <select id="filter-thema" name="theme"><option value="">Alle thema’s</option>{theme_options}</select> '
            f'<label for="filter-jaar">Jaar</label> <select id="filter-jaar" name="year"><option value="">Alle jaren</option>{year_options}</select>'
            f'<div class="svdu-outcomes" role="group" aria-label="Bevat">Bevat: {outcome_boxes}</div>'
            '</fieldset><p class="svdu-count" aria-live="polite"></p></form>'
        )
        rows = []
        for e in catalog.examples:
            outcomes = self.example_outcomes(e)
            cells = "".join(f'<td>{"ja" if k in outcomes else "—"}</td>' for k in PART_KINDS)
            rows.append(
                f'<tr data-theme="{esc(e["theme"] or "")}" data-year="{e["year"]}" data-outcomes="{" ".join(outcomes)}">'
                f'<th scope="row">{link(r.href(example_path(e["id"])), e["title"])}</th><td>{e["year"]}</td>'
                f'<td>{esc(self.theme_title(e["theme"]))}</td><td>{KIND_LABELS[e["kind"]]}</td>{cells}</tr>'
            )
        head = ["Voorbeeld", "Jaar", "Thema", "Soort"] + [PART_LABELS[k] for k in PART_KINDS]
        body += table("Voorbeelden per jaar en thema", head, rows, table_id="voorbeelden-tabel")
        return Page(f"{url}index.md", "Voorbeelden", "Alle voorbeelden en illustraties uit de Stand van de uitvoering, te filteren op thema, jaar en uitkomst.", body)

    def example_page(self, example: dict) -> Page:
        url = example_path(example["id"])
        r = self.renderer(url)
        catalog = self.catalog
        report = catalog.report_by_id[example["report"]]
        kind = KIND_LABELS[example["kind"]]
        body = r.breadcrumbs([("", "Home"), ("voorbeelden/", "Voorbeelden"), (None, example["title"])])
        body += heading(1, f"{kind}: {example['title']}")
        facts = [
            f"<dt>Rapport</dt><dd>{link(r.href(catalog.section_path(example['id'])), r.report_label(report))}, p. {example['page']}</dd>",
            f"<dt>Thema</dt><dd>{link(r.href(theme_path(example['theme'])), self.theme_title(example['theme'])) if example['theme'] else 'geen'}</dd>",
        ]
        if example["topics"]:
            facts.append("<dt>Onderwerpen</dt><dd>" + ", ".join(link(r.href(topic_path(t)), catalog.topic_by_id[t]["name"]) for t in example["topics"]) + "</dd>")
        body += block(f'<dl class="svdu-facts">{"".join(facts)}</dl>')
        body += r.data_links(f"data/slices/voorbeelden/{example['id']}.json", f"data/slices/voorbeelden/{example['id']}.csv", "Dit voorbeeld")
        for paragraph_id in example["paragraphs"]:
            body += r.quote(paragraph_id)
        for part in PART_KINDS:
            if example[part]:
                body += heading(2, example["part_headings"].get(part, PART_LABELS[part]), part.replace("_", "-"))
                for paragraph_id in example[part]:
                    body += r.quote(paragraph_id)
        same_theme = [e for e in catalog.examples if e["theme"] == example["theme"]]
        position = same_theme.index(example)
        steps = []
        if position > 0:
            steps.append(link(r.href(example_path(same_theme[position - 1]["id"])), f"← {same_theme[position - 1]['title']}", rel="prev"))
        if position + 1 < len(same_theme):
            steps.append(link(r.href(example_path(same_theme[position + 1]["id"])), f"{same_theme[position + 1]['title']} →", rel="next"))
        if steps:
            body += block(f'<nav class="svdu-pager" aria-label="Andere voorbeelden bij dit thema"><p>{" · ".join(steps)}</p></nav>')
        title = f"{example['title']} ({report['organisation']} {example['year']})"
        return Page(f"{url}index.md", title, f"{kind} uit {r.report_label(report)}: {example['title']}.", body)

    # -- topics, calls, figures ------------------------------------------

    def topics_index(self) -> Page:
        url = "onderwerpen/"
        r, body = self.overview(
            url, "Onderwerpen", "Onderwerpen",
            "Voorzieningen, organisaties en programma’s die in de rapporten worden genoemd, met het aantal alinea’s waarin ze voorkomen.",
            ("data/stand-van-de-uitvoering.json", "data/csv/mentions.csv", "Alle vermeldingen"),
        )
        rows = [
            f'<tr><th scope="row">{link(r.href(topic_path(t["id"])), t["name"])}</th><td>{esc(t["description"])}</td><td>{len(t["mentions"])}</td></tr>'
            for t in sorted(self.catalog.topics, key=lambda t: t["name"].lower())
        ]
        body += table("Onderwerpen", ["Onderwerp", "Wat het is", "Alinea’s"], rows)
        return Page(f"{url}index.md", "Onderwerpen", "Onderwerpen als DigiD, AcICT en MIDO: waar ze in de rapporten worden genoemd.", body)

    def topic_page(self, topic: dict) -> Page:
        url = topic_path(topic["id"])
        r = self.renderer(url)
        mentions = [m for report in self.catalog.reports for m in report["mentions"] if m["topic"] == topic["id"]]
        body = r.breadcrumbs([("", "Home"), ("onderwerpen/", "Onderwerpen"), (None, topic["name"])]) + heading(1, topic["name"])
        body += block(f'<p class="svdu-subtitle">{esc(topic["description"])}</p>')
        aliases = ", ".join(f"‘{esc(a)}’" for a in topic["aliases"])
        body += block(f"<p>Herkend als {aliases}. Genoemd in {len(mentions)} alinea’s.</p>")
        for year in sorted({m["year"] for m in mentions}):
            body += heading(2, str(year), f"jaar-{year}")
            items = []
            for m in (m for m in mentions if m["year"] == year):
                theme = f' <span class="svdu-meta">(thema: {link(r.href(theme_path(m["theme"])), self.theme_title(m["theme"]))})</span>' if m["theme"] else ""
                items.append(f'<li>“{esc(m["sentence"])}” — {r.citation(m["paragraph"])}{theme}</li>')
            body += block(f"<ul>{''.join(items)}</ul>")
        return Page(f"{url}index.md", topic["name"], f"Elke vermelding van {topic['name']} in de Stand van de uitvoering.", body)

    def calls_page(self) -> Page:
        url = "oproepen/"
        catalog = self.catalog
        r, body = self.overview(
            url, "Oproepen", "Oproepen aan politiek en opdrachtgever",
            "Zinnen waarin het rapport iets vraagt van de politiek, de opdrachtgever (het ministerie van BZK) of partners: "
            "‘We roepen … op’, ‘We vragen …’, ‘We pleiten …’. Gegroepeerd per thema.",
            ("data/stand-van-de-uitvoering.json", "data/csv/calls.csv", "Alle oproepen"),
        )
        groups = [(t["id"], t["title"]) for t in catalog.themes] + [(None, "Zonder thema")]
        for theme_id, title in groups:
            calls = [c for c in catalog.calls if c["theme"] == theme_id]
            if not calls:
                continue
            body += heading(2, title, f"thema-{theme_id or 'geen'}")
            items = "".join(
                f'<li id="{esc(c["id"])}">“{esc(c["text"])}”'
                f'<br><span class="svdu-meta">Aan: {esc(", ".join(c["addressees"]) or "niet genoemd")} — </span>{r.citation(c["paragraph"])}</li>'
                for c in calls
            )
            body += block(f'<ul class="svdu-calls">{items}</ul>')
        return Page(f"{url}index.md", "Oproepen", "Alles wat de Stand van de uitvoering vraagt van politiek, opdrachtgever en partners.", body)

    def figures_page(self) -> Page:
        url = "cijfers/"
        r, body = self.overview(
            url, "Cijfers", "Cijfers uit de rapporten",
            "Getallen die in de tekst worden genoemd, met de zin waarin ze staan. Jaartallen en datums tellen niet mee; "
            "getallen in woorden (‘veertien teams’) worden niet herkend.",
            ("data/stand-van-de-uitvoering.json", "data/csv/figures.csv", "Alle cijfers"),
        )
        rows = [
            f'<tr id="{esc(f["id"])}"><th scope="row">{esc(f["text"])}{" (schatting)" if f["approximate"] else ""}</th>'
            f'<td>{f["year"]}</td><td>{esc(self.theme_title(f["theme"]))}</td><td>“{esc(f["sentence"])}”</td><td>{r.citation(f["paragraph"])}</td></tr>'
            for f in self.catalog.figures
        ]
        body += table("Cijfers per jaar", ["Cijfer", "Jaar", "Thema", "Zin", "Bron"], rows)
        return Page(f"{url}index.md", "Cijfers", "Cijfers uit de Stand van de uitvoering met de zin waarin ze staan.", body)
