"""Small helpers for the hand-written pages (mkdocs-macros, opt-in per page).

Generated pages never pass through macros (``render_by_default: false`` in
mkdocs.yml); only pages with ``render_macros: true`` in their front matter
do, and those contain our own prose, not report text.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from sitegen.render import count, esc, link, site_base, table  # noqa: E402
from stand.catalog import Catalog, report_path, theme_path  # noqa: E402
from stand.dataset import LICENSE, TITLE, changelog_version, data_digest, properties  # noqa: E402

CSV_TABLES = {
    "reports": "de rapporten, met bronbestand en controlegetal",
    "themes": "de vaste thema’s",
    "theme_headings": "welke kop elk rapport per thema gebruikte",
    "sections": "hoofdstukken en onderdelen",
    "paragraphs": "elke alinea met pagina en link",
    "footnotes": "voetnoten",
    "examples": "voorbeelden en illustraties",
    "example_parts": "de delen van elk voorbeeld (wat ging goed, wat ging niet goed, wat moet anders), één alinea per rij",
    "calls": "oproepen aan politiek, opdrachtgever en partners",
    "figures": "cijfers met hun zin",
    "topics": "onderwerpen uit de woordenlijst",
    "mentions": "elke vermelding van een onderwerp",
}


def define_env(env) -> None:  # noqa: ANN001 - mkdocs-macros passes its own env type
    catalog = Catalog.load(ROOT / "data")
    schema = json.loads((ROOT / "schema" / "stand-van-de-uitvoering.schema.json").read_text(encoding="utf-8"))
    site_url = site_base(env.conf.get("site_url"))
    version = changelog_version(ROOT / "CHANGELOG.md", data_digest(ROOT / "data"))

    @env.macro
    def dataset_version() -> str:
        return version

    @env.macro
    def reports_list(base: str = "") -> str:
        items = "".join(
            f"<li>{link(base + report_path(r), r['organisation'] + ', ' + r['title'])}"
            f" — {count(len(r['examples']), 'voorbeeld', 'voorbeelden')}, {count(len(r['calls']), 'oproep', 'oproepen')},"
            f" {count(len(r['figures']), 'cijfer', 'cijfers')}</li>"
            for r in catalog.reports
        )
        return f"<ul>{items}</ul>"

    @env.macro
    def themes_list(base: str = "") -> str:
        items = "".join(
            f'<li>{link(base + theme_path(t["id"]), t["title"])}<br><span class="svdu-desc">{esc(t["description"])}</span></li>'
            for t in catalog.themes
        )
        return f'<ul class="svdu-cards">{items}</ul>'

    @env.macro
    def counts() -> dict:
        return {
            "reports": len(catalog.reports),
            "examples": len(catalog.examples),
            "calls": len(catalog.calls),
            "figures": len(catalog.figures),
            "paragraphs": len(catalog.paragraph_by_id),
            "repairs": sum(len(r["repairs"]) for r in catalog.reports),
        }

    @env.macro
    def csv_downloads(base: str = "") -> str:
        rows = [
            f'<tr><th scope="row">{link(base + "csv/" + name + ".csv", name + ".csv")}</th><td>{esc(what)}</td></tr>'
            for name, what in CSV_TABLES.items()
        ]
        return table("CSV-tabellen", ["Bestand", "Inhoud"], rows)

    @env.macro
    def report_downloads(base: str = "") -> str:
        items = "".join(
            f"<li>{link(base + 'reports/' + r['id'] + '.json', r['id'] + '.json')} ({esc(r['title'])})</li>" for r in catalog.reports
        )
        return f"<ul>{items}</ul>"

    @env.macro
    def schema_fields() -> str:
        """Field documentation generated from the JSON Schema's descriptions, one table per record type."""
        out = []
        for name in ("report", "theme", "section", "footnote", "example", "call", "figure", "topic"):
            definition = schema["$defs"][name]
            rows = []
            for field, target in properties(schema, name).items():
                kind = target.get("type", "enum" if "enum" in target else "")
                kind = " of ".join(kind) if isinstance(kind, list) else kind
                if "enum" in target:
                    kind = "een van: " + ", ".join(str(v) for v in target["enum"])
                required = "ja" if field in definition.get("required", []) else "nee"
                rows.append(f'<tr><th scope="row"><code>{esc(field)}</code></th><td>{esc(kind)}</td><td>{required}</td><td>{esc(target.get("description", ""))}</td></tr>')
            plural = {"report": "reports", "theme": "themes", "section": "sections", "footnote": "footnotes", "example": "examples", "call": "calls", "figure": "figures", "topic": "topics"}[name]
            out.append(
                f'<h3 id="velden-{plural}"><code>{plural}</code></h3><p>{esc(schema["properties"][plural]["description"])}</p>'
                + table(f"Velden van {plural}", ["Veld", "Type", "Altijd aanwezig", "Betekenis"], rows)
            )
        return "\n".join(out)

    @env.macro
    def citation_short() -> str:
        return f"{TITLE} (versie {version}), {site_url}data/"

    @env.macro
    def changelog() -> str:
        """The versions from CHANGELOG.md, one heading level below the page's "Wijzigingen"."""
        text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
        versions = text[text.index("\n## ") + 1:] if "\n## " in text else ""
        return re.sub(r"^## ", "### ", versions, flags=re.M)

    @env.macro
    def dataset_jsonld() -> str:
        """schema.org Dataset metadata, for data catalogues and search engines."""
        years = catalog.years
        data = {
            "@context": "https://schema.org/",
            "@type": "Dataset",
            "name": TITLE,
            "description": "De rapporten Stand van de uitvoering van Logius als open data: secties, alinea’s, voorbeelden, oproepen, cijfers en onderwerpen, elk met rapport, pagina en alinea.",
            "url": f"{site_url}data/",
            "identifier": f"{site_url}data/",
            "version": version,
            "inLanguage": "nl",
            "license": "https://creativecommons.org/publicdomain/zero/1.0/",
            "isAccessibleForFree": True,
            "keywords": ["Logius", "Stand van de uitvoering", "digitale overheid"],
            "temporalCoverage": f"{years[0]}/{years[-1]}",
            "creator": {"@type": "Organization", "name": "Logius"},
            "distribution": [
                {"@type": "DataDownload", "encodingFormat": "application/json", "contentUrl": f"{site_url}data/stand-van-de-uitvoering.json"},
                {"@type": "DataDownload", "encodingFormat": "application/json", "contentUrl": f"{site_url}data/datapackage.json"},
            ]
            + [{"@type": "DataDownload", "encodingFormat": "text/csv", "contentUrl": f"{site_url}data/csv/{name}.csv"} for name in CSV_TABLES],
        }
        text = json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")
        return f'<script type="application/ld+json">\n{text}\n</script>'

    @env.macro
    def dcat_table() -> str:
        years = catalog.years
        rows = [
            ("Titel (dct:title)", TITLE),
            ("Beschrijving (dct:description)", "De rapporten Stand van de uitvoering als open data, met herkomst tot op de pagina."),
            ("Identificatie (dct:identifier)", f"{site_url}data/"),
            ("Taal (dct:language)", "Nederlands (nl)"),
            ("Versie (owl:versionInfo)", version),
            ("Gewijzigd (dct:modified)", f"bij versie {version}, zie de wijzigingen hieronder"),
            ("Uitgever (dct:publisher)", "Dit project; de bronrapporten zijn van Logius"),
            ("Licentie (dct:license)", f"{LICENSE} (Creative Commons Zero 1.0)"),
            ("Thema (dcat:theme)", "Bestuur; Overheidsfinanciën en -organisatie"),
            ("Periode (dct:temporal)", f"{years[0]} – {years[-1]}"),
            ("Distributies (dcat:distribution)", "JSON, CSV, JSON Schema, Data Package"),
        ]
        body = "".join(f'<tr><th scope="row">{esc(k)}</th><td>{esc(v)}</td></tr>' for k, v in rows)
        return f'<table class="svdu-table"><caption>Metadata volgens DCAT-AP-NL</caption><tbody>{body}</tbody></table>'
