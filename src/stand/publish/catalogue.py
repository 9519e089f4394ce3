"""The dataset described for catalogues: the Frictionless Data Package and the DCAT-AP-DONL catalogue.

``datapackage.json`` lists every file and, per table, the Table Schema of
:mod:`stand.publish.table_model`, so ``frictionless validate`` checks every
link between tables. data.overheid.nl harvests DCAT-AP-DONL
(``catalog.jsonld`` and ``catalog.ttl``): :data:`PROFILE` names the version
this follows; the value-list URIs it uses (theme, licence, language, access
rights, status, file formats) are kept in ``donl_values.yaml`` beside this
module, each list with its source, so a test can check them offline.
Publisher and creator are the site's maintainers (data/publication.yaml);
Logius, who wrote the reports, appears as the creator of each source
(``dct:source``). No blank nodes and sorted output: two builds give the same bytes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import yaml
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, RDF, RDFS, SKOS, XSD

from ..io import dump_json
from . import metadata
from .corpus import Corpus
from .formats import SQLITE_FILE, VIEW_DESCRIPTIONS, XLSX_FILE, parquet_path
from .ids_moved import PUBLISHED_FILE as MOVES_FILE
from .ids_moved import resource as moves_resource
from .metadata import LICENCES
from .publication import Publication, maintainers_name
from .table_model import TABLES, resource_name
from .urls import is_address
from .versions import Release


def datapackage(
    table_schemas: dict[str, dict],
    version: str,
    base_url: str,
    corpus: Corpus,
    publication: Publication,
    preview: bool,
    sizes: dict[str, tuple[int, str]] | None = None,
) -> dict:
    """datapackage.json: the whole JSON, one tabular resource per table, the other downloads; who publishes
    (data/publication.yaml) and whether this is a preview (unreleased, or no site address)."""
    whole = json_resource(
        metadata.NAME,
        f"{metadata.NAME}.json",
        metadata.SCHEMA_FILE,
        "De hele dataset in één bestand; jsonSchema wijst naar het JSON Schema (draft 2020-12) met een beschrijving"
        " per veld.",
    )
    maintainer = {"title": maintainers_name(publication), "role": "publisher"}
    if publication.email:
        maintainer["email"] = publication.email
    if publication.contact_url or publication.repository:
        maintainer["path"] = publication.contact_url or publication.repository
    return {
        "profile": "data-package",
        "name": metadata.NAME,
        "title": metadata.TITLE,
        "description": metadata.DESCRIPTION,
        "version": version,
        **({"homepage": base_url} if is_address(base_url) else {}),
        # Two licences, one per file: each resource names its own (licenses), see LICENTIE.txt.
        "licenses": [licence_json(key, base_url) for key in LICENCES],
        # The original publication where its address is known, else the file the data was built from as the site
        # publishes it (bronnen/), so its checksum can be checked.
        "sources": [
            {
                "title": f"{r['organisation']}, {r['title']}",
                "path": r["source"]["url"] or f"bronnen/{r['source']['file']}",
            }
            for r in corpus.reports
        ],
        "keywords": list(metadata.KEYWORDS),
        "temporal": {"start": str(corpus.years[0]), "end": str(corpus.years[-1])},
        "resources": [
            resource
            | {"licenses": [licence_json(licence_of(resource["path"]), base_url)]}
            | checked(resource["path"], sizes or {})
            for resource in [whole]
            + [table_resource(t.name, t.description, table_schemas[t.name]) for t in TABLES]
            + [moves_resource()]
            + download_resources(corpus.reports)
        ],
        "preview": preview,
        "contributors": [maintainer],
    }


def checked(path: str, sizes: dict[str, tuple[int, str]]) -> dict:
    """``bytes`` and ``hash`` of a resource's file, so a download can be checked (frictionless does)."""
    if path not in sizes:
        return {}
    size, digest = sizes[path]
    return {"bytes": size, "hash": f"sha256:{digest}"}


def table_resource(name: str, description: str, table_schema: dict) -> dict:
    return {
        "name": resource_name(name),
        "path": f"csv/{name}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {"delimiter": ",", "header": True},
        "description": description,
        "schema": table_schema,
    }


def json_resource(name: str, path: str, schema_file: str, description: str) -> dict:
    """A JSON download with the JSON Schema (``jsonSchema``) that describes it."""
    kind = {"format": "json", "mediatype": "application/json", "encoding": "utf-8"}
    return {"name": name, "path": path} | kind | {"jsonSchema": schema_file, "description": description}


def file_resource(name: str, path: str, kind: str, mediatype: str, description: str) -> dict:
    """A download that is not a CSV table: listed and described, validated as a file (it must exist)."""
    listed = {"name": name, "path": path, "type": "file", "profile": "data-resource", "format": kind}
    return listed | {"mediatype": mediatype, "description": description}


SQLITE = (
    "Alle tabellen in één SQLite-database, met sleutels en verwijzingen tussen de tabellen, zoeken in de tekst van de"
    " alinea's (paragraphs_fts, accenten tellen niet mee) en kant-en-klare views: calls_in_context,"
    " went_wrong_across_years, topic_mentions_per_year, figures_in_context en examples_in_context. Opent direct in"
    " Datasette of DB Browser for SQLite."
)
XLSX = (
    "Alle tabellen in één Excel-werkmap, één werkblad per tabel, met dezelfde kolommen als de CSV-bestanden; tekst"
    " staat er als tekst in, nooit als formule."
)
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download_resources(reports: list[dict]) -> list[dict]:
    """The Data Package resources for one JSON per report, the database, the workbook and the Parquet files."""
    described = "het rapport met zijn secties, voetnoten, voorbeelden, oproepen en cijfers, in de vorm die het JSON"
    described += " Schema voor één rapport (jsonSchema) beschrijft."
    resources = [
        json_resource(
            f"rapport-{r['id']}",
            f"reports/{r['id']}.json",
            metadata.REPORT_SCHEMA_FILE,
            f"{r['organisation']}, {r['title']}: {described}",
        )
        for r in reports
    ]
    resources.append(file_resource("sqlite", SQLITE_FILE, "sqlite", "application/vnd.sqlite3", SQLITE))
    resources.append(file_resource("xlsx", XLSX_FILE, "xlsx", XLSX_TYPE, XLSX))
    return resources + [
        file_resource(
            f"{resource_name(t.name)}-parquet",
            parquet_path(t.name),
            "parquet",
            "application/vnd.apache.parquet",
            f"De tabel {t.name} ({t.description}) als Parquet: dezelfde kolommen, typen en beschrijvingen als"
            f" csv/{t.name}.csv.",
        )
        for t in TABLES
    ]


LICENCE_FILE = "LICENTIE.txt"
# What a download holds, by the start of its path under /data/ (first match wins).
DESCRIPTIONS = (
    ("stand-van-de-uitvoering.json", "De hele dataset in één JSON-bestand."),
    ("datapackage.json", "Beschrijving van alle bestanden volgens Frictionless Data Package."),
    ("schema/", "JSON Schema met een beschrijving per veld."),
    ("reports/", "Eén rapport met zijn secties, voetnoten, voorbeelden, oproepen en cijfers, als JSON."),
    ("csv/", "Eén tabel van de dataset als CSV (UTF-8, komma's, kopregel)."),
    (MOVES_FILE, "Welke sleutel een record van een eerdere versie nu heeft, met tabel, versie en reden."),
    ("archief/", "Alle bestanden van een uitgebrachte versie in één zip, nooit opnieuw gebouwd."),
    ("versies.atom", "Atom-feed van de versies, met wat elke versie toevoegde, weghaalde en wijzigde."),
    ("CITATION.cff", "Citeergegevens (Citation File Format)."),
    ("LEESMIJ.txt", "Wat de download is, de versie, licentie, citeerwijze en hoe u de bestanden opent."),
    (f"{metadata.NAME}.metadata.json", "Beschrijving van de SQLite-database voor Datasette (datasette --metadata)."),
    (LICENCE_FILE, "De twee licenties (Nederlands en Engels) en welke licentie elk bestand heeft."),
    ("parquet/", "Eén tabel van de dataset als Parquet, met de typen en beschrijvingen van de kolommen."),
    (SQLITE_FILE, "Alle tabellen in één SQLite-database, met sleutels, zoeken in de tekst en views."),
    (XLSX_FILE, "Alle tabellen in één Excel-werkmap, één werkblad per tabel."),
    ("citeren/", "Eén rapport als literatuurverwijzing (BibTeX of CSL-JSON) voor een literatuurprogramma."),
)
NOT_DOWNLOADS = ("slices/", "bronnen/", "catalog.")  # page parts, the sources as published, the catalogue itself


def description(path: str) -> str | None:
    """What a download holds, or None for files that are not downloads of this dataset."""
    if path.startswith(NOT_DOWNLOADS):
        return None
    return next((text for start, text in DESCRIPTIONS if path.startswith(start)), "Bestand van de dataset.")


# Files that hold the reports' own text besides structured data (the sources, archives and slices included).
TEXT_FILES = (f"{metadata.NAME}.json", "reports/", SQLITE_FILE, XLSX_FILE, "slices/", "bronnen/", "archief/")


def licence_of(path: str) -> str:
    """The one licence of a file under /data/ (a key of LICENCES): ``text`` for a file that holds report text
    (a table marked report_text, the JSON, the database, the workbook, sources and archives), else ``data`` (CC0).

    >>> [licence_of(p) for p in ("csv/paragraphs.csv", "parquet/themes.parquet", "reports/x.json", "CITATION.cff")]
    ['text', 'data', 'text', 'data']
    """
    for table in TABLES:
        if path in (f"csv/{table.name}.csv", parquet_path(table.name)):
            return "text" if table.report_text else "data"
    return "text" if path.startswith(TEXT_FILES) else "data"


def licence_json(key: str, base_url: str) -> dict:
    """A licence as the Data Package states it."""
    licence = LICENCES[key]
    if key == "data":  # the address Creative Commons gives, in the https form the Data Package had
        return {"name": metadata.LICENSE, "path": metadata.LICENSE_URL, "title": licence.title}
    if not is_address(base_url):  # no address known: the licence text in the package itself
        return {"path": LICENCE_FILE, "title": licence.title}
    return {"path": metadata.licence_url(key, base_url), "title": licence.title}


def licence_file(paths: list[str], base_url: str) -> bytes:
    """LICENTIE.txt: both licences in Dutch and English, then every file with its one licence (the slices as a
    group)."""
    lines = ["# Licentie / Licence", ""]
    for licence in LICENCES.values():
        lines += [f"## {licence.title}", "", f"<{metadata.licence_url(licence.key, base_url)}>", ""]
        lines += [licence.nl, "", f"*English:* {licence.en}", ""]
    lines += [
        "CC0 1.0, de volledige juridische tekst / the legal code:"
        " <https://creativecommons.org/publicdomain/zero/1.0/legalcode>.",
        "",
        "## Per bestand / Per file",
        "",
        "De lijst noemt elk bestand van de site onder /data/; een archief (zip) van één versie bevat er een deel van"
        " (zonder archief/, catalog.* en versies.atom). / Every file of the site's /data/; a version's zip holds part.",
        "",
        "| bestand / file | licentie / licence |",
        "| --- | --- |",
    ]
    shown = sorted({p for p in paths if not p.startswith("slices/")} | {LICENCE_FILE})
    lines += [f"| `{path}` | {LICENCES[licence_of(path)].title} |" for path in shown]
    if any(p.startswith("slices/") for p in paths):
        lines.append(f"| `slices/…` (de delen achter elke pagina) | {LICENCES['text'].title} |")
    return ("\n".join(lines) + "\n").encode("utf-8")


PROFILE = "DCAT-AP 3.0.1, DCAT-AP-NL 3.0"
DONL = yaml.safe_load((Path(__file__).parent / "donl_values.yaml").read_text(encoding="utf-8"))
ADMS = Namespace("http://www.w3.org/ns/adms#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
SPDX = Namespace("http://spdx.org/rdf/terms#")
IANA = "https://www.iana.org/assignments/media-types/"
# The algorithm in the https form DCAT-AP 3.0.1's vocabulary shape asks for (sh:pattern "^https://spdx.org/rdf/terms"),
# the same as SPDX's own http form (owl:sameAs in the catalogue).
SHA256 = URIRef("https://spdx.org/rdf/terms#checksumAlgorithm_sha256")
DCAT_VERSION = URIRef(str(DCAT) + "version")  # DCAT 3; rdflib's DCAT namespace predates it
# A download's EU file type and IANA media type, by the end of its path (first match wins). The EU table has
# no SQLite entry, so the database is OCTET with its registered media type; BibTeX has no registered media
# type and is plain text.
KINDS = (
    (".jsonld", "JSON_LD", "application/ld+json"),
    (".json", "JSON", "application/json"),
    (".csv", "CSV", "text/csv"),
    (".parquet", "PARQUET", "application/vnd.apache.parquet"),
    (".sqlite", "OCTET", "application/vnd.sqlite3"),
    (".xlsx", "XLSX", XLSX_TYPE),
    (".zip", "ZIP", "application/zip"),
    (".txt", "TXT", "text/plain"),
    (".bib", "TXT", "text/plain"),
    (".md", "TXT", "text/markdown"),
    (".ttl", "RDF_TURTLE", "text/turtle"),
    (".atom", "ATOM", "application/atom+xml"),
    (".cff", "YAML", "application/yaml"),
)
THEMES = ("Bestuur", "ICT", "Organisatie en beleid")
FREQUENCY = "Jaarlijks"  # a new report each year


def kind_of(path: str) -> tuple[str, str]:
    """The EU file type (its label in donl_values.yaml) and the IANA media type of a download.

    >>> kind_of("parquet/calls.parquet"), kind_of("citeren/logius-2023.json")[1]
    (('PARQUET', 'application/vnd.apache.parquet'), 'application/vnd.citationstyles.csl+json')
    """
    if path.startswith("citeren/") and path.endswith(".json"):
        return "JSON", "application/vnd.citationstyles.csl+json"
    return next(
        ((kind, media) for end, kind, media in KINDS if path.endswith(end)), ("OCTET", "application/octet-stream")
    )


def donl(list_name: str, label: str) -> URIRef:
    """A URI from one of the kept value lists, by its label."""
    return URIRef(DONL["lists"][list_name]["values"][label])


@dataclass(frozen=True)
class Download:
    """One file the catalogue lists: what it holds, its size in bytes, its SHA-256, its licence (a key of LICENCES)."""

    description: str
    size: int
    sha256: str
    licence: str = "data"


@dataclass(frozen=True)
class CatalogInput:
    """What the catalogue says, gathered by the dataset build."""

    base_url: str  # the site's address, ending in /
    version: str
    publication: Publication
    releases: list[Release]  # newest first
    reports: list[dict]
    downloads: dict[str, Download]  # by path under /data/


def concept(graph: Graph, list_name: str, label: str) -> URIRef:
    """A value of a kept list, typed skos:Concept and skos:inScheme its table (the tables are not available
    offline, so the catalogue states what a harvester would otherwise look up)."""
    node, kept = donl(list_name, label), DONL["lists"][list_name]
    scheme = URIRef(kept["scheme"])
    graph.add((node, RDF.type, SKOS.Concept))
    graph.add((node, SKOS.inScheme, scheme))
    graph.add((node, SKOS.prefLabel, Literal(label, lang="nl")))
    graph.add((scheme, RDF.type, SKOS.ConceptScheme))
    graph.add((scheme, DCTERMS.title, Literal(kept["title"], lang="en")))
    return node


def catalog_graph(given: CatalogInput) -> Graph:
    graph = Graph(bind_namespaces="core")
    for prefix, space in (
        ("dcat", DCAT),
        ("dct", DCTERMS),
        ("foaf", FOAF),
        ("adms", ADMS),
        ("vcard", VCARD),
        ("owl", OWL),
        ("skos", SKOS),
        ("spdx", SPDX),
    ):
        graph.bind(prefix, space)
    data_url = given.base_url + "data/"
    catalog, dataset, agent, contact = (
        URIRef(data_url + f"#{name}") for name in ("catalogus", "dataset", "onderhouders", "contact")
    )
    if not given.publication.has_contact:
        contact = None  # DCAT-AP-NL asks for one; `stand release` warns, nothing is invented
    describe(graph, catalog, DCAT.Catalog, f"Catalogus: {metadata.TITLE}", metadata.DESCRIPTION, agent, contact)
    graph.add((catalog, FOAF.homepage, URIRef(given.base_url)))
    graph.add((URIRef(given.base_url), RDF.type, FOAF.Document))
    graph.add((catalog, DCAT.dataset, dataset))
    add_licences(graph, data_url)
    graph.add((catalog, DCTERMS.license, URIRef(LICENCES["data"].uri)))
    describe(graph, dataset, DCAT.Dataset, metadata.TITLE, metadata.DESCRIPTION, agent, contact)
    graph.add((dataset, DCTERMS.identifier, Literal(data_url)))
    graph.add((dataset, DCAT.landingPage, URIRef(data_url)))
    graph.add((URIRef(data_url), RDF.type, FOAF.Document))
    graph.add((dataset, OWL.versionInfo, Literal(given.version)))
    graph.add((dataset, DCAT_VERSION, Literal(given.version)))
    graph.add((dataset, DCTERMS.accessRights, concept(graph, "access_rights", "Publiek")))
    graph.add((concept(graph, "access_rights", "Publiek"), RDF.type, DCTERMS.RightsStatement))
    graph.add((dataset, DCTERMS.accrualPeriodicity, concept(graph, "frequency", FREQUENCY)))
    graph.add((concept(graph, "frequency", FREQUENCY), RDF.type, DCTERMS.Frequency))
    for theme in THEMES:
        graph.add((dataset, DCAT.theme, concept(graph, "theme", theme)))
    graph.add((dataset, DCAT.theme, concept(graph, "data_theme", "Overheid en publieke sector")))
    for keyword in metadata.KEYWORDS:
        graph.add((dataset, DCAT.keyword, Literal(keyword, lang="nl")))
    add_period(graph, dataset, data_url, [r["year"] for r in given.reports])
    dated = [r.date for r in given.releases if r.date]
    if dated:
        graph.add((dataset, DCTERMS.issued, Literal(dated[-1], datatype=XSD.date)))
        graph.add((dataset, DCTERMS.modified, Literal(dated[0], datatype=XSD.date)))
    graph.add((agent, RDF.type, FOAF.Agent))
    graph.add((agent, FOAF.name, Literal(maintainers_name(given.publication), lang="nl")))
    if contact:
        add_contact(graph, contact, given.publication)
    for report in given.reports:
        add_source(graph, dataset, report, given.base_url)
    for path, download in sorted(given.downloads.items()):
        add_distribution(graph, dataset, data_url, path, download)
    return graph


def describe(
    graph: Graph, node: URIRef, kind: URIRef, title: str, description: str, agent: URIRef, contact: URIRef | None
) -> None:
    """What the profile asks of a catalogue and a dataset alike: title, description, who, language."""
    graph.add((node, RDF.type, kind))
    graph.add((node, DCTERMS.title, Literal(title, lang="nl")))
    graph.add((node, DCTERMS.description, Literal(description, lang="nl")))
    graph.add((node, DCTERMS.publisher, agent))
    graph.add((node, DCTERMS.creator, agent))
    if contact:
        graph.add((node, DCAT.contactPoint, contact))
    add_language(graph, node)


def add_language(graph: Graph, node: URIRef) -> None:
    language = concept(graph, "language", "Nederlands")
    graph.add((language, RDF.type, DCTERMS.LinguisticSystem))
    graph.add((node, DCTERMS.language, language))


def add_period(graph: Graph, dataset: URIRef, data_url: str, years: list[int]) -> None:
    """dct:temporal: the years the reports cover, first to last."""
    period = URIRef(data_url + "#periode")
    graph.add((dataset, DCTERMS.temporal, period))
    graph.add((period, RDF.type, DCTERMS.PeriodOfTime))
    graph.add((period, DCAT.startDate, Literal(f"{min(years)}-01-01", datatype=XSD.date)))
    graph.add((period, DCAT.endDate, Literal(f"{max(years)}-12-31", datatype=XSD.date)))


def add_contact(graph: Graph, contact: URIRef, publication: Publication) -> None:
    graph.add((contact, RDF.type, VCARD.Kind))
    graph.add((contact, VCARD.fn, Literal(maintainers_name(publication), lang="nl")))
    if publication.email:
        graph.add((contact, VCARD.hasEmail, URIRef("mailto:" + publication.email)))
    if publication.contact_url:
        graph.add((contact, VCARD.hasURL, URIRef(publication.contact_url)))


def add_source(graph: Graph, dataset: URIRef, report: dict, base_url: str) -> None:
    """A report the dataset is based on, written by its organisation: the original where its address is known.

    DCAT-AP 3 types what dct:source names as a dataset (a report is one: a publication of its organisation),
    so it carries what every dataset must: title, description, publisher, and its language."""
    source = report["source"]
    node = URIRef(source.get("url") or f"{base_url}data/#bron-{report['id']}")
    author = URIRef(f"{base_url}data/#organisatie-{report['organisation_id']}")
    graph.add((dataset, DCTERMS.source, node))
    graph.add((node, RDF.type, DCAT.Dataset))
    graph.add((node, RDF.type, FOAF.Document))
    graph.add((node, DCTERMS.title, Literal(report["title"], lang="nl")))
    text = f"Het rapport '{report['title']}' van {report['organisation']} ({report['year']}), de bron van de dataset."
    graph.add((node, DCTERMS.description, Literal(text, lang="nl")))
    graph.add((node, DCTERMS.creator, author))
    graph.add((node, DCTERMS.publisher, author))
    add_language(graph, node)
    graph.add((author, RDF.type, FOAF.Agent))
    graph.add((author, FOAF.name, Literal(report["organisation"])))
    if source.get("published"):
        graph.add((node, DCTERMS.issued, Literal(source["published"], datatype=XSD.date)))
    if source.get("kamerstuk"):
        graph.add((node, DCTERMS.identifier, Literal(f"Kamerstuk {source['kamerstuk']}")))


def add_licences(graph: Graph, data_url: str) -> None:
    """Both licences as licence documents, each typed from the ADMS licence types and described in Dutch and English."""
    for licence in LICENCES.values():
        node = URIRef(licence.uri if licence.uri.startswith("http") else data_url + licence.uri)
        graph.add((node, RDF.type, DCTERMS.LicenseDocument))
        graph.add((node, DCTERMS.type, concept(graph, "licence_type", licence.kind)))
        graph.add((node, RDFS.label, Literal(licence.title, lang="nl")))
        graph.add((node, DCTERMS.description, Literal(licence.nl, lang="nl")))
        graph.add((node, DCTERMS.description, Literal(licence.en, lang="en")))


def add_distribution(graph: Graph, dataset: URIRef, data_url: str, path: str, download: Download) -> None:
    node = URIRef(f"{data_url}#download-{path}")
    kind, media = kind_of(path)
    graph.add((dataset, DCAT.distribution, node))
    graph.add((node, RDF.type, DCAT.Distribution))
    graph.add((node, DCTERMS.title, Literal(path.rsplit("/", 1)[-1], lang="nl")))
    graph.add((node, DCTERMS.description, Literal(download.description, lang="nl")))
    licence = LICENCES[download.licence]
    graph.add(
        (node, DCTERMS.license, URIRef(licence.uri if licence.uri.startswith("http") else data_url + licence.uri))
    )
    add_language(graph, node)
    graph.add((node, DCAT.accessURL, URIRef(data_url)))
    graph.add((node, DCAT.downloadURL, URIRef(data_url + path)))
    file_type = concept(graph, "format", kind)
    graph.add((file_type, RDF.type, DCTERMS.MediaTypeOrExtent))
    graph.add((node, DCTERMS.format, file_type))
    graph.add((node, DCAT.mediaType, URIRef(IANA + media)))
    graph.add((URIRef(IANA + media), RDF.type, DCTERMS.MediaType))
    graph.add((node, ADMS.status, concept(graph, "status", "Voltooid")))
    graph.add((node, DCAT.byteSize, Literal(download.size, datatype=XSD.nonNegativeInteger)))
    checksum = URIRef(f"{data_url}#sha256-{path}")
    graph.add((node, SPDX.checksum, checksum))
    graph.add((checksum, RDF.type, SPDX.Checksum))
    graph.add((checksum, SPDX.algorithm, SHA256))
    graph.add((checksum, SPDX.checksumValue, Literal(download.sha256, datatype=XSD.hexBinary)))
    graph.add((SHA256, RDF.type, SPDX.ChecksumAlgorithm))
    graph.add((SHA256, OWL.sameAs, SPDX.checksumAlgorithm_sha256))


def sorted_jsonld(node: object) -> object:
    """JSON-LD with every list in a fixed order, so the file does not depend on set order."""
    if isinstance(node, dict):
        return {key: sorted_jsonld(value) for key, value in sorted(node.items())}
    if isinstance(node, list):
        return sorted(
            (sorted_jsonld(item) for item in node),
            key=lambda item: json.dumps(item, sort_keys=True, ensure_ascii=False),
        )
    return node


def catalog_files(given: CatalogInput) -> dict[str, bytes]:
    """catalog.jsonld and catalog.ttl, byte-identical for the same input."""
    graph = catalog_graph(given)
    expanded = json.loads(graph.serialize(format="json-ld", auto_compact=False))
    jsonld = json.dumps(sorted_jsonld(expanded), ensure_ascii=False, indent=1) + "\n"
    turtle = "\n".join(sorted_turtle_blocks(graph.serialize(format="turtle"))) + "\n"
    return {"catalog.jsonld": jsonld.encode("utf-8"), "catalog.ttl": turtle.encode("utf-8")}


def sorted_turtle_blocks(turtle: str) -> list[str]:
    """Turtle with its prefix lines and each subject's block in sorted order, the objects in each block sorted too."""
    blocks = [block.strip() for block in turtle.strip().split("\n\n") if block.strip()]
    prefixes = sorted(line for block in blocks if block.startswith("@prefix") for line in block.splitlines())
    subjects = sorted(block for block in blocks if not block.startswith("@prefix"))
    return ["\n".join(prefixes), ""] + [block + "\n" for block in subjects]


README_FILE = "LEESMIJ.txt"
DATASETTE_FILE = f"{metadata.NAME}.metadata.json"


def readme(version: str, base_url: str, citation: str) -> bytes:
    """LEESMIJ.txt: what the download is, its version, licence, how to cite and how to open it (Excel, Datasette)."""
    website = (
        f"{base_url}data/"
        if is_address(base_url)
        else "(het adres van de site was niet bekend toen deze versie werd gebouwd; links in de data zijn paden vanaf"
        " de hoofdmap van de site)"
    )
    text = f"""{metadata.TITLE}, versie {version}
{"=" * len(metadata.TITLE)}

{metadata.DESCRIPTION}

Website en nieuwste versie: {website}

Wat erin staat
- {metadata.NAME}.json: alles in één bestand (JSON Schema in schema/).
- csv/<tabel>.csv en parquet/<tabel>.parquet: één tabel per soort record; datapackage.json beschrijft elke kolom,
  de sleutels en de verwijzingen tussen de tabellen, met controlegetallen (sha256) per bestand.
- {SQLITE_FILE}: alle tabellen in één SQLite-database; {DATASETTE_FILE} beschrijft ze voor Datasette.
- {XLSX_FILE}: alle tabellen in één Excel-werkmap; het eerste werkblad, Toelichting, zegt wat erin staat.
  In de SQLite-database staan ook views voor de vragen die het vaakst gesteld worden (bijvoorbeeld
  calls_in_context: elke oproep met zijn alinea en rapport).
- {MOVES_FILE}: welke sleutel (id) een record van een eerdere versie nu heeft, per tabel, met de reden.
- reports/<rapport>.json: per rapport zijn records (JSON Schema: schema/{metadata.NAME}.report.schema.json).
- slices/: de data achter één pagina van de site, in dezelfde vorm als het geheel. slices/rapporten/<rapport>.csv
  en slices/themas/<thema>.csv hebben precies de kolommen van csv/paragraphs.csv, slices/voorbeelden/<id>.csv die
  van csv/example_parts.csv (datapackage.json beschrijft beide tabellen); slices/themas/<thema>.json en
  slices/voorbeelden/<id>.json houden dezelfde records als {metadata.NAME}.json, met dezelfde velden.
- citeren/, CITATION.cff, {LICENCE_FILE}.

Licentie
Elk bestand heeft één licentie; {LICENCE_FILE} noemt ze per bestand.
- {LICENCES["data"].title}: {LICENCES["data"].nl}
- {LICENCES["text"].title}: {LICENCES["text"].nl}

Zo citeert u
{citation}
BibTeX en CSL-JSON: citeren/{metadata.NAME}.bib en citeren/{metadata.NAME}.json; CITATION.cff.

Openen
- Excel: open {XLSX_FILE}. Een CSV-bestand dubbelklikken geeft verkeerde tekens; gebruik dan
  Gegevens > Van tekst/CSV, kies 65001: Unicode (UTF-8) en als scheidingsteken de komma.
- Datasette: datasette {SQLITE_FILE} --metadata {DATASETTE_FILE}
- pandas: pandas.read_parquet("parquet/paragraphs.parquet"); DuckDB: SELECT * FROM 'parquet/paragraphs.parquet'
- frictionless validate datapackage.json controleert elk bestand, elke sleutel en elk controlegetal.
"""
    return text.encode("utf-8")


def datasette_metadata(table_schemas: dict[str, dict], base_url: str) -> bytes:
    """The Datasette metadata beside the SQLite database: title, licence, source, every table and column described."""
    tables = {
        t.name: {
            "description": t.description,
            "license": LICENCES[licence_of(f"csv/{t.name}.csv")].title,
            "license_url": metadata.licence_url(licence_of(f"csv/{t.name}.csv"), base_url),
            "columns": {f["name"]: f["description"] for f in table_schemas[t.name]["fields"]},
        }
        for t in TABLES
    }
    tables |= {name: {"description": text} for name, text in sorted(VIEW_DESCRIPTIONS.items())}  # the views
    found = {
        "title": metadata.TITLE,
        "description": metadata.DESCRIPTION,
        "license": LICENCES["text"].title,
        "license_url": metadata.licence_url("text", base_url),
        "source": "Logius, Stand van de uitvoering",
        "source_url": base_url + "data/",
        "databases": {metadata.NAME: {"tables": tables}},
    }
    return dump_json(found)
