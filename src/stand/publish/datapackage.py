"""The Frictionless Data Package that describes every published table."""

from __future__ import annotations

from . import metadata
from .corpus import Corpus
from .formats import download_resources
from .keys import PRIMARY_KEYS, foreign_keys
from .publication import Publication, maintainers_name
from .tables import LIST_COLUMNS, SEPARATOR, Table


def field_type(values: list) -> str:
    """The Table Schema type every present value fits.

    >>> field_type([1, 2, None]), field_type([1, 2.5]), field_type([True]), field_type(["a", 1])
    ('integer', 'number', 'boolean', 'string')
    """
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, bool) for v in present):
        return "boolean"
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return "integer"
    if present and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return "number"
    return "string"


SCHEMA_TYPES = {"integer": "integer", "number": "number", "boolean": "boolean"}


def column_type(schema: dict, table: str, column: str, values: list) -> str:
    """The column's type as the JSON Schema declares it (a nullable integer stays integer), else from its values."""
    declared = metadata.properties(schema, *metadata.TABLE_DEFINITIONS[table]).get(column, {}).get("type")
    kinds = [declared] if isinstance(declared, str) else [k for k in declared or [] if k != "null"]
    if len(kinds) == 1 and kinds[0] not in ("array", "object"):
        return SCHEMA_TYPES.get(kinds[0], "string")
    return field_type(values)


def field_description(schema: dict, table: str, column: str) -> str:
    """The column's description; a list joined into one cell says how to split it."""
    description = metadata.column_description(schema, table, column)
    if column in LIST_COLUMNS.get(table, ()):
        description += (
            f" Een lijst: de waarden staan in één cel, gescheiden door '{SEPARATOR.strip()}' met een spatie ervoor en erna; leeg als de lijst leeg is."
        )
    return description


def resource_name(table: str) -> str:
    return table.replace("_", "-")


def table_schema(name: str, table: Table, schema: dict) -> dict:
    """The Table Schema of one table: typed, described fields, its primary key and its links to other tables."""
    columns, rows = table
    names = [column for column, _ in columns]
    return {
        "fields": [
            {"name": column, "type": column_type(schema, name, column, [getter(r) for r in rows]), "description": field_description(schema, name, column)}
            for column, getter in columns
        ],
        "primaryKey": list(PRIMARY_KEYS[name]),
        "foreignKeys": [
            {"fields": [column], "reference": {"resource": "" if target == name else resource_name(target), "fields": ["id"]}}
            for column, target in foreign_keys(name, names)
        ],
    }


def table_resource(name: str, table_schema: dict) -> dict:
    return {
        "name": resource_name(name),
        "path": f"csv/{name}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {"delimiter": ",", "header": True},
        "description": metadata.TABLES[name],
        "schema": table_schema,
    }


def datapackage(tables: dict[str, Table], version: str, base_url: str, schema: dict, corpus: Corpus) -> dict:
    """datapackage.json: the whole JSON, one tabular resource per table in metadata.TABLES, then the other downloads."""
    whole = {
        "name": metadata.NAME,
        "path": f"{metadata.NAME}.json",
        "format": "json",
        "mediatype": "application/json",
        "encoding": "utf-8",
        "jsonSchema": metadata.SCHEMA_FILE,
        "description": "De hele dataset in één bestand; jsonSchema wijst naar het JSON Schema (draft 2020-12) met een beschrijving per veld.",
    }
    years = corpus.years
    return {
        "profile": "data-package",
        "name": metadata.NAME,
        "title": metadata.TITLE,
        "description": metadata.DESCRIPTION,
        "version": version,
        "homepage": base_url,
        "licenses": [{"name": metadata.LICENSE, "path": metadata.LICENSE_URL, "title": metadata.LICENSE_TITLE}],
        "sources": [
            {"title": f"{r['organisation']}, {r['title']}", "path": r["source"]["url"] or f"data/sources/{r['source']['file']}"} for r in corpus.reports
        ],
        "keywords": list(metadata.KEYWORDS),
        "temporal": {"start": str(years[0]), "end": str(years[-1])},
        "resources": [whole]
        + [table_resource(name, table_schema(name, tables[name], schema)) for name in metadata.TABLES]
        + download_resources(corpus.reports),
    }


def publication_fields(publication: Publication, preview: bool) -> dict:
    """Who publishes (data/publication.yaml) and whether this is a preview (unreleased, or no site address)."""
    maintainer = {"title": maintainers_name(publication), "role": "publisher"}
    if publication.email:
        maintainer["email"] = publication.email
    if publication.contact_url or publication.repository:
        maintainer["path"] = publication.contact_url or publication.repository
    return {"preview": preview, "contributors": [maintainer]}


def source_fields(reports: list[dict]) -> dict:
    """Each source: the original publication where its address is known, else the file the data was built
    from as the site publishes it (``bronnen/``), so its checksum can be checked."""
    return {"sources": [{"title": f"{r['organisation']}, {r['title']}", "path": r["source"]["url"] or f"bronnen/{r['source']['file']}"} for r in reports]}
