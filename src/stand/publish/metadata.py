"""The one source of what the dataset says about itself.

Title, description, keywords, licence, the list of tables and every field's
description live here (field descriptions in the JSON Schema, read through
:func:`properties`), and the Data Package, the /data/ page and its
schema.org metadata are all generated from it, so they cannot disagree.
"""

from __future__ import annotations

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
SCHEMA_FILE = "schema/stand-van-de-uitvoering.schema.json"
REPORT_SCHEMA_FILE = "schema/stand-van-de-uitvoering.report.schema.json"

# Every CSV table, in the order it is published, with what a reader finds in it.
TABLES = {
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
    "stories": "verhaallijnen: een voorbeeld dat een voorbeeld uit een eerder jaar vervolgt",
}

# The JSON Schema definition (and nested list) each table's columns are described by.
TABLE_DEFINITIONS = {
    "reports": ("report",),
    "themes": ("theme",),
    "theme_headings": ("theme", "headings"),
    "sections": ("section",),
    "paragraphs": ("section", "paragraphs"),
    "footnotes": ("footnote",),
    "examples": ("example",),
    "example_parts": ("part_paragraph",),
    "calls": ("call",),
    "figures": ("figure",),
    "topics": ("topic",),
    "mentions": ("topic", "mentions"),
    "stories": ("story",),
}

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

# Columns that exist only in the CSV flattening, not as JSON fields.
CSV_ONLY_COLUMNS = {
    "pages": "Aantal pagina's in het bronbestand.",
    "text_from": "Hoe de tekst uit de bron is gehaald: de tekstlaag van de pdf, of een OCR-export (met het programma, als dat bekend is).",
    "printed_page_numbers": "Op hoeveel pagina's het bronbestand zelf een paginanummer drukt.",
    "position": "Volgnummer binnen het onderdeel of het deel van het voorbeeld.",
    "example": "Sleutel van het voorbeeld (of de illustratie) waar de rij bij hoort.",
    "part": "Deel van het voorbeeld: paragraphs (zonder deelkop), went_well, went_wrong, must_change of could_change.",
    "topic": "Sleutel van het onderwerp.",
    "signatory": "Naam van wie het rapport ondertekende.",
    "source_url": "Adres van de oorspronkelijke publicatie, als dat bekend is.",
    "mentions": "Aantal alinea's waarin het onderwerp wordt genoemd.",
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
    return {name: resolve(schema, prop) | {k: v for k, v in prop.items() if k == "description"} for name, prop in node["properties"].items()}


def column_description(schema: dict, table: str, column: str) -> str:
    """A CSV column's description, taken from the JSON Schema so it is written once."""
    own = properties(schema, *TABLE_DEFINITIONS[table])
    if column in CSV_ONLY_COLUMNS and column not in own:
        return CSV_ONLY_COLUMNS[column]
    for name in (column, column.removesuffix("_count"), column.removeprefix("source_")):
        if name in own and own[name].get("description"):
            return own[name]["description"]
    for definition in schema["$defs"].values():
        if column in definition.get("properties", {}):
            described = resolve(schema, definition["properties"][column]).get("description")
            if described:
                return described
    return ""
