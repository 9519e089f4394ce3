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

# Columns that exist only in the CSV flattening, or mean something else there than the JSON field of that name.
CSV_COLUMNS = {
    ("reports", "pages"): "Aantal pagina's in het bronbestand.",
    ("reports", "text_from"): "Hoe de tekst uit de bron is gehaald: de tekstlaag van de pdf, of een OCR-export (met het programma, als dat bekend is).",
    ("reports", "printed_page_numbers"): "Op hoeveel pagina's het bronbestand zelf een paginanummer drukt.",
    ("reports", "source_url"): "Adres van de oorspronkelijke publicatie, als dat bekend is.",
    ("reports", "signatory"): "Naam van wie het rapport ondertekende (de functie staat in de JSON); leeg als het rapport niet ondertekend is.",
    ("theme_headings", "theme"): "Sleutel van het thema (in themes) waarvoor het rapport deze kop gebruikte.",
    ("paragraphs", "section"): "Sleutel van het onderdeel (in sections) waarin de alinea staat.",
    ("paragraphs", "theme"): "Sleutel van het thema (in themes) van het onderdeel waarin de alinea staat; leeg buiten de thema's.",
    (
        "paragraphs",
        "example",
    ): "Sleutel van het voorbeeld of de illustratie (in examples) waarvan de alinea deel is; leeg als de alinea buiten een voorbeeld staat.",
    ("paragraphs", "position"): "Volgnummer van de alinea binnen haar onderdeel, vanaf 1.",
    (
        "paragraphs",
        "page_end",
    ): "Het gedrukte paginanummer van de pagina waarop de alinea eindigt: gelijk aan page als de alinea niet doorloopt; leeg als die pagina geen nummer draagt.",
    ("paragraphs", "pdf_page_end"): "De pagina van het bronbestand waarop de alinea eindigt: gelijk aan pdf_page als de alinea niet doorloopt.",
    ("paragraphs", "footnotes"): "Sleutels van de voetnoten (in footnotes) waarnaar de alinea verwijst, in volgorde van de tekst.",
    ("examples", "went_well_count"): "Aantal alinea's onder 'Wat ging goed?' (0 als het voorbeeld dat deel niet heeft); de alinea's staan in example_parts.",
    (
        "examples",
        "went_wrong_count",
    ): "Aantal alinea's onder 'Wat ging niet goed?' (0 als het voorbeeld dat deel niet heeft); de alinea's staan in example_parts.",
    (
        "examples",
        "must_change_count",
    ): "Aantal alinea's onder 'Wat moet anders?' (0 als het voorbeeld dat deel niet heeft); de alinea's staan in example_parts.",
    (
        "examples",
        "could_change_count",
    ): "Aantal alinea's onder 'Wat kan anders?' (0 als het voorbeeld dat deel niet heeft); de alinea's staan in example_parts.",
    ("example_parts", "id"): "Sleutel van de rij: de sleutel van de alinea met het deel erachter (bijvoorbeeld logius-2022-we-zien-dat-went-wrong).",
    ("example_parts", "example"): "Sleutel van het voorbeeld of de illustratie (in examples) waarvan de alinea een deel is.",
    ("example_parts", "part"): "Deel van het voorbeeld: paragraphs (zonder deelkop), went_well, went_wrong, must_change of could_change.",
    ("example_parts", "position"): "Volgnummer van de alinea binnen dit deel van het voorbeeld, vanaf 1.",
    ("example_parts", "paragraph"): "Sleutel van de alinea (in paragraphs) die dit deel van het voorbeeld vormt.",
    ("topics", "mentions"): "Aantal vermeldingen van het onderwerp: de rijen van mentions met dit onderwerp.",
    ("mentions", "topic"): "Sleutel van het onderwerp (in topics) dat genoemd wordt.",
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
    if (table, column) in CSV_COLUMNS:
        return CSV_COLUMNS[table, column]
    own = properties(schema, *TABLE_DEFINITIONS[table])
    for name in (column, column.removeprefix("source_")):
        if name in own and own[name].get("description"):
            return own[name]["description"]
    for definition in schema["$defs"].values():
        if column in definition.get("properties", {}):
            described = resolve(schema, definition["properties"][column]).get("description")
            if described:
                return described
    return ""
