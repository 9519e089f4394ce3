"""What the dataset says about itself: title, description, keywords, licence, its JSON Schema files.

The Data Package, the DCAT catalogue, CITATION.cff, the /data/ page and its
schema.org metadata all take these from here, so they cannot disagree. Field
descriptions live in the JSON Schema, read through :func:`properties`; the
tables are declared in :mod:`stand.publish.table_model`.
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
