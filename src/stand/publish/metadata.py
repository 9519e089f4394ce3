"""What the dataset says about itself: title, description, keywords, licence, its JSON Schema files.

The Data Package, the DCAT catalogue, CITATION.cff, the /data/ page and its
schema.org metadata all take these from here, so they cannot disagree. Field
descriptions live in the JSON Schema, read through :func:`properties`; the
tables are declared in :mod:`stand.publish.table_model`.
"""

from __future__ import annotations

from dataclasses import dataclass

NAME = "stand-van-de-uitvoering"
TITLE = "Stand van de uitvoering als open data"
DESCRIPTION = (
    "De rapporten 'Stand van de uitvoering' van Logius als open data: secties, alinea's, voorbeelden, oproepen, "
    "cijfers en onderwerpen, elk met rapport, pagina en alinea."
)
KEYWORDS = ("Logius", "Stand van de uitvoering", "digitale overheid", "uitvoering", "Tweede Kamer")
LICENSE = "CC0-1.0"
LICENSE_URL = "https://creativecommons.org/publicdomain/zero/1.0/"
LICENSE_TITLE = "CC0 1.0"


@dataclass(frozen=True)
class Licence:
    """One of the two licences of the dataset: every file has exactly one (``data`` or ``text``)."""

    key: str
    uri: str  # absolute, or an anchor on the /data/ page
    title: str
    kind: str  # its ADMS licence type, a label in donl_values.yaml
    nl: str
    en: str


TEXT_ANCHOR = "#licentie-rapporttekst"
LICENCES = {
    "data": Licence(
        "data",
        "http://creativecommons.org/publicdomain/zero/1.0/",
        "CC0 1.0",
        "Publiek domein",
        "De gestructureerde gegevens (sleutels, indelingen, verwijzingen, cijfers, metadata) en het werk van de"
        " onderhouders staan in het publieke domein (CC0 1.0): gebruik ze zonder voorwaarden.",
        "The structured data (ids, classifications, links, figures, metadata) and the maintainers' work are in the"
        " public domain (CC0 1.0): use them without conditions.",
    ),
    "text": Licence(
        "text",
        TEXT_ANCHOR,
        "Rapporttekst: hergebruik als overheidspublicatie",
        "Naamsvermelding",
        "Dit bestand bevat tekst van de rapporten (alinea's, voetnoten, citaten). Die tekst is een openbare"
        " overheidspublicatie van Logius (ministerie van Binnenlandse Zaken en Koninkrijksrelaties) en mag worden"
        " hergebruikt zoals de Wet hergebruik van overheidsinformatie en artikel 15b van de Auteurswet toestaan:"
        " vermeld de bron (organisatie, rapport, jaar) en geef de tekst niet onjuist weer. De structuur en de"
        " afgeleide gegevens in dit bestand zijn CC0 1.0.",
        "This file contains text of the reports (paragraphs, footnotes, quotes). That text is a public government"
        " publication of Logius (Dutch Ministry of the Interior and Kingdom Relations) and may be reused as the"
        " Dutch Re-use of Government Information Act (Wet hergebruik van overheidsinformatie) and article 15b of the"
        " Dutch Copyright Act allow: name the source (organisation, report, year) and do not misrepresent the text."
        " The structure and derived data in this file are CC0 1.0.",
    ),
}
SCHEMA_FILE = "schema/stand-van-de-uitvoering.schema.json"
REPORT_SCHEMA_FILE = "schema/stand-van-de-uitvoering.report.schema.json"

# The record types of the JSON, by the schema definition that describes them.
RECORD_TYPES = {
    "report": "reports",
    "theme": "themes",
    "section": "sections",
    "footnote": "footnotes",
    "example": "examples",
    "call": "calls",
    "figure": "figures",
    "topic": "topics",
}


def resolve(schema: dict, node: dict) -> dict:
    """A schema node with a local ``$ref`` replaced by the definition it names."""
    ref = node.get("$ref", "")
    return schema["$defs"][ref.removeprefix("#/$defs/")] if ref.startswith("#/$defs/") else node


def properties(schema: dict, definition: str, nested: str | None = None) -> dict[str, dict]:
    """The properties of a record type (or of the items of one of its lists), refs resolved."""
    node = schema["$defs"][definition]
    if nested:
        node = resolve(schema, node["properties"][nested]["items"])
    return {
        name: resolve(schema, prop) | {k: v for k, v in prop.items() if k == "description"}
        for name, prop in node["properties"].items()
    }


def licence_url(key: str, base_url: str) -> str:
    """Where a licence is stated: its own address, or its anchor on the /data/ page of the site at ``base_url``."""
    uri = LICENCES[key].uri
    return uri if uri.startswith("http") else f"{base_url}data/{uri}"


def licence_line(key: str, base_url: str) -> str:
    """The licence as one line, as the head of every JSON file says it.

    >>> licence_line("data", "https://example.test/")
    'CC0 1.0: http://creativecommons.org/publicdomain/zero/1.0/'
    """
    return f"{LICENCES[key].title}: {licence_url(key, base_url)}"
