"""The dataset as one SQLite database: the tables with their keys, full-text search and ready-made views.

Opens as it is in Datasette, DB Browser or ``sqlite3``. Built into a
temporary file with a fixed page size and vacuumed, with no timestamps, so
the same data gives the same bytes.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import sqlite_utils

from . import metadata
from .keys import PRIMARY_KEYS, foreign_keys
from .tables import Table, row_values

PAGE_SIZE = 4096
# Accents do not matter when searching: "ideeen" finds "ideeën", "continuiteit" finds "continuïteit".
TOKENIZER = "unicode61 remove_diacritics 2"
SQL_TYPES = {"integer": "INTEGER", "number": "REAL", "boolean": "INTEGER", "string": "TEXT"}

# Views for the questions people ask most; each reads as a table of its own.
VIEWS = {
    "calls_in_context": """
        SELECT c.id, c.year, r.organisation, r.title AS report_title, t.title AS theme_title, e.title AS example_title,
               c.kind, c.addressees, c.text AS sentence, p.text AS paragraph_text, c.page, c.pdf_page, c.url
        FROM calls c JOIN reports r ON r.id = c.report JOIN paragraphs p ON p.id = c.paragraph
        LEFT JOIN themes t ON t.id = c.theme LEFT JOIN examples e ON e.id = c.example
        ORDER BY c.year, c.rowid""",
    "went_wrong_across_years": """
        SELECT x.year, t.title AS theme_title, e.title AS example_title, x.position, x.text, x.page, x.pdf_page, x.url, x.example, x.paragraph
        FROM example_parts x JOIN examples e ON e.id = x.example LEFT JOIN themes t ON t.id = e.theme
        WHERE x.part = 'went_wrong'
        ORDER BY x.year, x.rowid""",
    "topic_mentions_per_year": """
        SELECT t.id AS topic, t.name, m.year, COUNT(*) AS mentions, COUNT(DISTINCT m.paragraph) AS paragraphs
        FROM mentions m JOIN topics t ON t.id = m.topic
        GROUP BY t.id, m.year
        ORDER BY t.name COLLATE NOCASE, m.year""",
    "figures_in_context": """
        SELECT f.id, f.year, r.title AS report_title, t.title AS theme_title, f.kind, f.value, f.unit, f.label, f.approximate,
               f.sentence, f.page, f.pdf_page, f.url
        FROM figures f JOIN reports r ON r.id = f.report LEFT JOIN themes t ON t.id = f.theme
        ORDER BY f.year, f.rowid""",
    "examples_in_context": """
        SELECT e.id, e.year, r.organisation, r.title AS report_title, t.title AS theme_title, e.kind, e.title,
               e.went_well_count, e.went_wrong_count, e.must_change_count, e.could_change_count, e.page, e.pdf_page, e.url
        FROM examples e JOIN reports r ON r.id = e.report LEFT JOIN themes t ON t.id = e.theme
        ORDER BY e.year, e.rowid""",
}


def create_sql(name: str, schema: dict) -> str:
    """CREATE TABLE with typed columns in the CSV's order, the primary key and every foreign key.

    Written out rather than left to sqlite-utils, which cannot declare a link to a table made later or to itself.
    """
    columns = [f"[{f['name']}] {SQL_TYPES[f['type']]}" for f in schema["fields"]]
    key = ["PRIMARY KEY (" + ", ".join(f"[{k}]" for k in PRIMARY_KEYS[name]) + ")"]
    links = [f"FOREIGN KEY ([{column}]) REFERENCES [{target}]([id])" for column, target in foreign_keys(name, [f["name"] for f in schema["fields"]])]
    return f"CREATE TABLE [{name}] (\n   " + ",\n   ".join(columns + key + links) + "\n)"


def build_database(path: Path, tables: dict[str, Table], schemas: dict[str, dict]) -> None:
    db = sqlite_utils.Database(path, execute_plugins=False)
    db.execute(f"PRAGMA page_size = {PAGE_SIZE}")
    # A throw-away file until it is read back: no waiting for the disk (the bytes are the same either way).
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA journal_mode = MEMORY")
    for name in metadata.TABLES:
        db.execute(create_sql(name, schemas[name]))
        names = [f["name"] for f in schemas[name]["fields"]]
        db[name].insert_all((dict(zip(names, values, strict=True)) for values in row_values(tables[name])), batch_size=1000)
    db["paragraphs"].enable_fts(["text"], tokenize=TOKENIZER)
    for name, sql in VIEWS.items():
        db.create_view(name, " ".join(sql.split()))
    db.execute("INSERT INTO paragraphs_fts(paragraphs_fts) VALUES ('optimize')")
    db.conn.commit()
    db.vacuum()
    db.close()


def sqlite_bytes(tables: dict[str, Table], schemas: dict[str, dict]) -> bytes:
    """The database file's bytes, the same for the same tables."""
    with tempfile.TemporaryDirectory(prefix="stand-sqlite-") as folder:
        path = Path(folder) / f"{metadata.NAME}.sqlite"
        build_database(path, tables, schemas)
        return path.read_bytes()
