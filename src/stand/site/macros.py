"""Small helpers for the hand-written pages (mkdocs-macros, opt-in per page).

Generated pages never pass through macros (``render_by_default: false`` in
mkdocs.yml); only pages with ``render_macros: true`` in their front matter
do, and those contain our own prose, not report text. The data comes from
the ``stand`` plugin, which loaded it once for the whole build; the HTML
comes from ``templates/_docs.html`` with autoescape on.
"""

from __future__ import annotations

import json

from markupsafe import Markup

from ..publish import metadata, table_model
from ..publish.catalogue import DONL, PROFILE, THEMES
from ..publish.publication import UNKNOWN, address, maintainers_name
from ..publish.versions import archive_path, releases
from .plugin import StandPlugin
from .render import environment
from .tracker import tracker_items


def field_type(target: dict) -> str:
    """How the /data/ page names a schema field's type: its JSON type, or its allowed values.

    >>> field_type({"enum": ["a", "b"]}), field_type({"type": ["string", "null"]})
    ('een van: a, b', 'string of null')
    """
    if "enum" in target:
        return "een van: " + ", ".join(str(v) for v in target["enum"])
    kind = target.get("type", "")
    return " of ".join(kind) if isinstance(kind, list) else kind


class DocsMacros:
    """The macros the hand-written pages call, bound to the data the plugin loaded."""

    NAMES = (
        "dataset_version",
        "release_note",
        "reports_list",
        "themes_list",
        "counts",
        "csv_downloads",
        "report_downloads",
        "schema_fields",
        "citation_short",
        "changelog",
        "dataset_jsonld",
        "dcat_table",
        "publisher",
        "version_downloads",
        "source_downloads",
        "licences",
    )

    def __init__(self, plugin: StandPlugin) -> None:
        self.corpus, self.version, self.root, self.site_url = (
            plugin.corpus,
            plugin.version,
            plugin.root,
            plugin.site_url,
        )
        self.publication, self.history = plugin.publication, releases(plugin.root / "CHANGELOG.md")
        self.blocks = environment().get_template("_docs.html").module
        self.schema = json.loads((self.root / metadata.SCHEMA_FILE).read_text(encoding="utf-8"))

    def dataset_version(self) -> str:
        return self.version.number

    def release_note(self) -> str:
        """A visible warning on a preview: these data are not released yet."""
        if self.version.released and address(self.publication):
            return ""
        reasons = []
        if not self.version.released:
            reasons.append(
                f"Deze gegevens zijn nog niet uitgebracht (versie {self.version.number}). Ze kunnen nog veranderen."
            )
        if not address(self.publication):
            reasons.append(
                "Het adres van de site is niet opgegeven (SITE_URL): "
                "de links in de bestanden wijzen naar een testadres."
            )
        return '!!! warning "Voorvertoning"\n\n    ' + " ".join(reasons) + " Citeer een uitgebrachte versie.\n"

    def reports_list(self, base: str = "") -> Markup:
        return self.blocks.reports_list(self.corpus.reports, base)

    def themes_list(self, base: str = "") -> Markup:
        return self.blocks.themes_list(self.corpus.themes, base)

    def counts(self) -> dict:
        corpus = self.corpus
        return {
            "reports": len(corpus.reports),
            "examples": len(corpus.examples),
            # "oproepen": the calls alone, as the tracker and every report's line count them
            "calls": len(corpus.calls),
            "problems": sum(1 for item in tracker_items(corpus) if item["kind"] != "oproep"),  # "knelpunten"
            "figures": len(corpus.figures),
            "paragraphs": len(corpus.paragraph_by_id),
            "repairs": sum(len(r["repairs"]) for r in corpus.reports),
        }

    def csv_downloads(self, base: str = "") -> Markup:
        return self.blocks.csv_downloads({t.name: t.description for t in table_model.TABLES}, base)

    def report_downloads(self, base: str = "") -> Markup:
        return self.blocks.report_downloads(self.corpus.reports, base)

    def schema_fields(self) -> Markup:
        """Field documentation generated from the JSON Schema's descriptions, one table per record type."""
        record_types = []
        for name, plural in metadata.RECORD_TYPES.items():
            required = self.schema["$defs"][name].get("required", [])
            fields = [
                {
                    "name": field,
                    "type": field_type(target),
                    "required": "ja" if field in required else "nee",
                    "description": target.get("description", ""),
                }
                for field, target in metadata.properties(self.schema, name).items()
            ]
            record_types.append(
                {"plural": plural, "description": self.schema["properties"][plural]["description"], "fields": fields}
            )
        return self.blocks.schema_fields(record_types)

    def licences(self) -> str:
        """Both licences, Dutch then English, each under the anchor the data files link to; then which files have
        which (the same rule as datapackage.json and LICENTIE.txt)."""
        from ..publish.catalogue import licence_of

        parts = []
        for licence in metadata.LICENCES.values():
            anchor = "licentie-rapporttekst" if licence.key == "text" else "licentie-cc0"
            parts.append(f"### {licence.title} {{ #{anchor} }}\n\n{licence.nl}\n\n*English:* {licence.en}\n")
        text_tables = ", ".join(f"`{t.name}`" for t in table_model.TABLES if licence_of(f"csv/{t.name}.csv") == "text")
        parts.append(
            f"Rapporttekst staat in de tabellen {text_tables} (CSV en Parquet), in de JSON-bestanden, de"
            " SQLite-database, de Excel-werkmap, de bronbestanden en de archieven; alle andere bestanden zijn"
            " CC0 1.0. `datapackage.json` noemt de licentie per bestand (`licenses`), net als de catalogus"
            " (`dct:license` per distributie) en het bestand `LICENTIE.txt` bij de data en in elk archief.\n"
        )
        return "\n".join(parts)

    def citation_short(self) -> str:
        return f"{metadata.TITLE} (versie {self.version.number}), {self.site_url}data/"

    def changelog(self) -> str:
        """The entries of CHANGELOG.md, each version a heading under the page's title (/data/wijzigingen/)."""
        text = (self.root / "CHANGELOG.md").read_text(encoding="utf-8")
        return text[text.index("\n## ") + 1 :] if "\n## " in text else ""

    def dataset_jsonld(self) -> Markup:
        """schema.org Dataset metadata, for data catalogues and search engines."""
        years, url = self.corpus.years, f"{self.site_url}data/"
        downloads = [("application/json", f"{metadata.NAME}.json"), ("application/json", "datapackage.json")]
        downloads += [("text/csv", f"csv/{t.name}.csv") for t in table_model.TABLES]
        data = {
            "@context": "https://schema.org/",
            "@type": "Dataset",
            "name": metadata.TITLE,
            "description": metadata.DESCRIPTION,
            "url": url,
            "identifier": url,
            "version": self.version.number,
            "inLanguage": "nl",
            "license": metadata.LICENSE_URL,
            "isAccessibleForFree": True,
            "keywords": list(metadata.KEYWORDS),
            "temporalCoverage": f"{years[0]}/{years[-1]}",
            "creator": self.maintainers_jsonld(),
            "publisher": self.maintainers_jsonld(),
            "isBasedOn": [self.report_jsonld(r) for r in self.corpus.reports],
            "distribution": [
                {"@type": "DataDownload", "encodingFormat": kind, "contentUrl": url + path} for kind, path in downloads
            ],
        }
        # Report titles are data: < > & as JSON escapes, so nothing in them can read as markup or end the script.
        text = (
            json.dumps(data, ensure_ascii=False, indent=1)
            .replace("<", "\\u003c")
            .replace(">", "\\u003e")
            .replace("&", "\\u0026")
        )
        return Markup(f'<script type="application/ld+json">\n{text}\n</script>')

    def maintainers_jsonld(self) -> dict:
        """The site's maintainers (data/publication.yaml); the role itself while their names are unknown."""
        found = {"@type": "Organization", "name": maintainers_name(self.publication)}
        if self.publication.email:
            found["email"] = self.publication.email
        if self.publication.contact_url or self.publication.repository:
            found["url"] = self.publication.contact_url or self.publication.repository
        return found

    def report_jsonld(self, report: dict) -> dict:
        """A source report, by its author: Logius wrote the reports, not this dataset."""
        source = report["source"]
        found = {
            "@type": "Report",
            "name": report["title"],
            "author": {"@type": "Organization", "name": report["organisation"]},
        }
        found |= {"url": source["url"]} if source.get("url") else {}
        found |= {"datePublished": source["published"]} if source.get("published") else {}
        found |= {"identifier": f"Kamerstuk {source['kamerstuk']}"} if source.get("kamerstuk") else {}
        return found

    def publisher(self) -> dict:
        """Who maintains the site and how to reach them, for the hand-written pages: "onbekend" where unknown."""
        known = self.publication
        return {
            "maintainers": known.maintainer_names,
            "email": known.email or UNKNOWN,
            "contact_url": known.contact_url or UNKNOWN,
            "repository": known.repository or UNKNOWN,
            "has_contact": known.has_contact,
            "site_url": address(known) or UNKNOWN,
        }

    def version_downloads(self, base: str = "") -> Markup:
        return self.blocks.version_downloads(
            [r for r in self.history if archive_path(self.root, r.number).is_file()], base
        )

    def source_downloads(self, base: str = "") -> Markup:
        return self.blocks.source_downloads(self.corpus.reports, base)

    def dcat_table(self) -> Markup:
        years, version, dated = self.corpus.years, self.version.number, [r.date for r in self.history if r.date]
        rows = [
            ("Profiel", PROFILE),
            ("Titel (dct:title)", metadata.TITLE),
            ("Identificatie (dct:identifier)", f"{self.site_url}data/"),
            ("Taal (dct:language)", "Nederlands: " + DONL["lists"]["language"]["values"]["Nederlands"]),
            ("Versie (owl:versionInfo)", version),
            ("Uitgegeven (dct:issued)", dated[-1] if dated else UNKNOWN),
            ("Gewijzigd (dct:modified)", f"{dated[0]} (versie {self.history[0].number})" if dated else UNKNOWN),
            ("Uitgever en maker (dct:publisher, dct:creator)", maintainers_name(self.publication)),
            ("Contactpunt (dcat:contactPoint)", self.publication.email or self.publication.contact_url or UNKNOWN),
            ("Bron (dct:source)", "; ".join(f"{r['organisation']}, {r['title']}" for r in self.corpus.reports)),
            (
                "Licentie (dct:license)",
                "CC0 1.0 voor de gestructureerde gegevens: "
                + DONL["lists"]["license"]["values"]["CC0 1.0"]
                + "; bestanden met rapporttekst: hergebruik als overheidspublicatie (zie Licentie)",
            ),
            ("Toegang (dct:accessRights)", "Publiek: " + DONL["lists"]["access_rights"]["values"]["Publiek"]),
            ("Frequentie (dct:accrualPeriodicity)", "Jaarlijks: " + DONL["lists"]["frequency"]["values"]["Jaarlijks"]),
            ("Status per distributie (adms:status)", "Voltooid: " + DONL["lists"]["status"]["values"]["Voltooid"]),
            (
                "Thema (dcat:theme)",
                "; ".join(f"{name}: {DONL['lists']['theme']['values'][name]}" for name in THEMES)
                + "; Overheid en publieke sector: "
                + DONL["lists"]["data_theme"]["values"]["Overheid en publieke sector"],
            ),
            ("Periode (dct:temporal)", f"{years[0]} – {years[-1]}"),
        ]
        return self.blocks.dcat_table(rows)


def define_env(env) -> None:  # noqa: ANN001 - mkdocs-macros passes its own env type
    macros = DocsMacros(env.conf.plugins["stand"])
    for name in DocsMacros.NAMES:
        env.macro(getattr(macros, name), name)
