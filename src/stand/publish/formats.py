"""The downloads beside the JSON and the CSVs: SQLite, Parquet, Excel and one JSON per report.

Builds their files from the same tables as the CSVs, and describes each of
them as a resource of the Data Package.
"""

from __future__ import annotations

from . import metadata
from .parquet import parquet_files, parquet_path
from .sqlite import sqlite_bytes
from .tables import Table
from .xlsx import workbook_bytes

SQLITE_FILE = f"{metadata.NAME}.sqlite"
XLSX_FILE = f"{metadata.NAME}.xlsx"


def format_files(tables: dict[str, Table], schemas: dict[str, dict]) -> dict[str, bytes]:
    """The SQLite database, the Excel workbook and the Parquet files, by path."""
    return {SQLITE_FILE: sqlite_bytes(tables, schemas), XLSX_FILE: workbook_bytes(tables)} | parquet_files(tables, schemas)


def file_resource(name: str, path: str, kind: str, mediatype: str, description: str) -> dict:
    """A download that is not a CSV table: listed and described, validated as a file (it must exist)."""
    return {"name": name, "path": path, "type": "file", "profile": "data-resource", "format": kind, "mediatype": mediatype, "description": description}


def download_resources(reports: list[dict]) -> list[dict]:
    """The Data Package resources for one JSON per report, the database, the workbook and the Parquet files."""
    resources = [
        {
            "name": f"rapport-{r['id']}",
            "path": f"reports/{r['id']}.json",
            "format": "json",
            "mediatype": "application/json",
            "encoding": "utf-8",
            "jsonSchema": metadata.REPORT_SCHEMA_FILE,
            "description": f"{r['organisation']}, {r['title']}: het rapport met zijn secties, voetnoten, voorbeelden, oproepen en cijfers, "
            "in de vorm die het JSON Schema voor één rapport (jsonSchema) beschrijft.",
        }
        for r in reports
    ]
    resources.append(
        file_resource(
            "sqlite",
            SQLITE_FILE,
            "sqlite",
            "application/vnd.sqlite3",
            "Alle tabellen in één SQLite-database, met sleutels en verwijzingen tussen de tabellen, zoeken in de tekst van de alinea's "
            "(paragraphs_fts, accenten tellen niet mee) en kant-en-klare views: calls_in_context, went_wrong_across_years, "
            "topic_mentions_per_year, figures_in_context en examples_in_context. Opent direct in Datasette of DB Browser for SQLite.",
        )
    )
    resources.append(
        file_resource(
            "xlsx",
            XLSX_FILE,
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "Alle tabellen in één Excel-werkmap, één werkblad per tabel, met dezelfde kolommen als de CSV-bestanden; tekst staat er als tekst in, nooit als formule.",
        )
    )
    resources += [
        file_resource(
            f"{name.replace('_', '-')}-parquet",
            parquet_path(name),
            "parquet",
            "application/vnd.apache.parquet",
            f"De tabel {name} ({metadata.TABLES[name]}) als Parquet: dezelfde kolommen, typen en beschrijvingen als csv/{name}.csv.",
        )
        for name in metadata.TABLES
    ]
    return resources
