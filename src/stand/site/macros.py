"""Small helpers for the hand-written pages (mkdocs-macros, opt-in per page).

Generated pages never pass through macros (``render_by_default: false`` in
mkdocs.yml); only pages with ``render_macros: true`` in their front matter
do, and those contain our own prose, not report text. The data comes from
the ``stand`` plugin, which loaded it once for the whole build; the HTML
comes from ``templates/_docs.html`` with autoescape on.
"""

from __future__ import annotations

import json
import re

from markupsafe import Markup

from ..publish import metadata
from ..publish.urls import site_base
from .pages import environment
from .plugin import StandPlugin


def field_type(target: dict) -> str:
    """How the /data/ page names a schema field's type: its JSON type, or its allowed values."""
    if "enum" in target:
        return "een van: " + ", ".join(str(v) for v in target["enum"])
    kind = target.get("type", "")
    return " of ".join(kind) if isinstance(kind, list) else kind


def define_env(env) -> None:  # noqa: ANN001 - mkdocs-macros passes its own env type
    plugin: StandPlugin = env.conf.plugins["stand"]
    corpus, version, root = plugin.corpus, plugin.version.number, plugin.root
    site_url = site_base(env.conf.get("site_url"))
    blocks = environment().get_template("_docs.html").module
    schema = json.loads((root / metadata.SCHEMA_FILE).read_text(encoding="utf-8"))
    years = corpus.years

    @env.macro
    def dataset_version() -> str:
        return version

    @env.macro
    def reports_list(base: str = "") -> Markup:
        return blocks.reports_list(corpus.reports, base)

    @env.macro
    def themes_list(base: str = "") -> Markup:
        return blocks.themes_list(corpus.themes, base)

    @env.macro
    def counts() -> dict:
        return {
            "reports": len(corpus.reports),
            "examples": len(corpus.examples),
            "calls": len(corpus.calls),
            "figures": len(corpus.figures),
            "paragraphs": len(corpus.paragraph_by_id),
            "repairs": sum(len(r["repairs"]) for r in corpus.reports),
        }

    @env.macro
    def csv_downloads(base: str = "") -> Markup:
        return blocks.csv_downloads(metadata.TABLES, base)

    @env.macro
    def report_downloads(base: str = "") -> Markup:
        return blocks.report_downloads(corpus.reports, base)

    @env.macro
    def schema_fields() -> Markup:
        """Field documentation generated from the JSON Schema's descriptions, one table per record type."""
        record_types = []
        for name, plural in metadata.RECORD_TYPES.items():
            required = schema["$defs"][name].get("required", [])
            fields = [
                {"name": field, "type": field_type(target), "required": "ja" if field in required else "nee", "description": target.get("description", "")}
                for field, target in metadata.properties(schema, name).items()
            ]
            record_types.append({"plural": plural, "description": schema["properties"][plural]["description"], "fields": fields})
        return blocks.schema_fields(record_types)

    @env.macro
    def citation_short() -> str:
        return f"{metadata.TITLE} (versie {version}), {site_url}data/"

    @env.macro
    def changelog() -> str:
        """The entries of CHANGELOG.md, one heading level below the page's "Wijzigingen"."""
        text = (root / "CHANGELOG.md").read_text(encoding="utf-8")
        versions = text[text.index("\n## ") + 1:] if "\n## " in text else ""
        return re.sub(r"^## ", "### ", versions, flags=re.M)

    @env.macro
    def dataset_jsonld() -> Markup:
        """schema.org Dataset metadata, for data catalogues and search engines."""
        data = {
            "@context": "https://schema.org/",
            "@type": "Dataset",
            "name": metadata.TITLE,
            "description": metadata.DESCRIPTION,
            "url": f"{site_url}data/",
            "identifier": f"{site_url}data/",
            "version": version,
            "inLanguage": "nl",
            "license": metadata.LICENSE_URL,
            "isAccessibleForFree": True,
            "keywords": list(metadata.KEYWORDS),
            "temporalCoverage": f"{years[0]}/{years[-1]}",
            "creator": {"@type": "Organization", "name": "Logius"},
            "distribution": [
                {"@type": "DataDownload", "encodingFormat": "application/json", "contentUrl": f"{site_url}data/{metadata.NAME}.json"},
                {"@type": "DataDownload", "encodingFormat": "application/json", "contentUrl": f"{site_url}data/datapackage.json"},
            ]
            + [{"@type": "DataDownload", "encodingFormat": "text/csv", "contentUrl": f"{site_url}data/csv/{name}.csv"} for name in metadata.TABLES],
        }
        text = json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")
        return Markup(f'<script type="application/ld+json">\n{text}\n</script>')

    @env.macro
    def dcat_table() -> Markup:
        rows = [
            ("Titel (dct:title)", metadata.TITLE),
            ("Beschrijving (dct:description)", metadata.DESCRIPTION),
            ("Identificatie (dct:identifier)", f"{site_url}data/"),
            ("Taal (dct:language)", "Nederlands (nl)"),
            ("Versie (owl:versionInfo)", version),
            ("Gewijzigd (dct:modified)", f"bij versie {version}, zie de wijzigingen hieronder"),
            ("Uitgever (dct:publisher)", metadata.PUBLISHER),
            ("Licentie (dct:license)", f"{metadata.LICENSE} (Creative Commons Zero 1.0)"),
            ("Thema (dcat:theme)", metadata.DCAT_THEME),
            ("Periode (dct:temporal)", f"{years[0]} – {years[-1]}"),
            ("Distributies (dcat:distribution)", "JSON, CSV, JSON Schema, Data Package"),
        ]
        return blocks.dcat_table(rows)
