"""The tables as files: CSV, one SQLite database, Parquet and one Excel workbook, all from the table model.

Every format is written so the same data gives the same bytes: the database
is built in a temporary file with a fixed page size and vacuumed, the
Parquet writer gets every option that could vary, the workbook's dates are
fixed. Text is never a formula: CSV cells that a spreadsheet would run get an
apostrophe, and the workbook writes text as text.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import sqlite_utils
import xlsxwriter

from . import metadata
from .table_model import TABLES, Table, foreign_keys

SQLITE_FILE = f"{metadata.NAME}.sqlite"
XLSX_FILE = f"{metadata.NAME}.xlsx"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> object:
    """A CSV cell: booleans as true/false, None empty, and text that a spreadsheet would run as a
    formula (starting with =, +, -, @, tab or return) behind an apostrophe, as OWASP advises.

    >>> [cell(v) for v in (True, None, 3, "=1+1", "- lijstje", "gewoon")]
    ['true', '', 3, "'=1+1", "'- lijstje", 'gewoon']
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_text(table: Table, rows: list[dict]) -> str:
    """CSV with a header row, every cell quoted when needed."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([f.name for f in table.fields])
    writer.writerows([cell(v) for v in values] for values in table.values(rows))
    return out.getvalue()


# Accents do not matter when searching: "ideeen" finds "ideeën", "continuiteit" finds "continuïteit".
TOKENIZER = "unicode61 remove_diacritics 2"
SQL_TYPES = {"integer": "INTEGER", "number": "REAL", "boolean": "INTEGER", "string": "TEXT"}
# What each view answers, for Datasette's metadata (the same caveat as the tables it reads).
VIEW_DESCRIPTIONS = {
    "calls_in_context": "Elke oproep met zijn rapport, thema, voorbeeld en de hele alinea waarin hij staat.",
    "went_wrong_across_years": "Wat niet goed ging, per jaar en thema, alinea voor alinea. Een jaar waarvan het"
    " rapport zijn voorbeelden niet in delen opdeelt, ontbreekt hier: dat betekent niet dat er niets misging.",
    "topic_mentions_per_year": "Hoe vaak elk onderwerp per jaar genoemd wordt, en in hoeveel alinea's.",
    "figures_in_context": "Elk cijfer met zijn rapport, thema en de zin waarin het staat.",
    "examples_in_context": "Elk voorbeeld met zijn rapport en thema, en het aantal alinea's per deel (0 in alle"
    " vier als het rapport zijn voorbeelden niet in delen opdeelt).",
}
# Views for the questions people ask most; each reads as a table of its own.
VIEWS = {
    "calls_in_context": """
        SELECT c.id, c.year, r.organisation, r.title AS report_title, t.title AS theme_title, e.title AS example_title,
               c.kind, c.addressees, c.text AS sentence, p.text AS paragraph_text, c.page, c.pdf_page, c.url
        FROM calls c JOIN reports r ON r.id = c.report JOIN paragraphs p ON p.id = c.paragraph
        LEFT JOIN themes t ON t.id = c.theme LEFT JOIN examples e ON e.id = c.example
        ORDER BY c.year, c.rowid""",
    "went_wrong_across_years": """
        SELECT x.year, t.title AS theme_title, e.title AS example_title, x.position, x.text, x.page, x.pdf_page, x.url,
               x.example, x.paragraph
        FROM example_parts x JOIN examples e ON e.id = x.example LEFT JOIN themes t ON t.id = e.theme
        WHERE x.part = 'went_wrong'
        ORDER BY x.year, x.rowid""",
    "topic_mentions_per_year": """
        SELECT t.id AS topic, t.name, m.year, COUNT(*) AS mentions, COUNT(DISTINCT m.paragraph) AS paragraphs
        FROM mentions m JOIN topics t ON t.id = m.topic
        GROUP BY t.id, m.year
        ORDER BY t.name COLLATE NOCASE, m.year""",
    "figures_in_context": """
        SELECT f.id, f.year, r.title AS report_title, t.title AS theme_title, f.kind, f.value, f.unit, f.label,
               f.approximate, f.sentence, f.page, f.pdf_page, f.url
        FROM figures f JOIN reports r ON r.id = f.report LEFT JOIN themes t ON t.id = f.theme
        ORDER BY f.year, f.rowid""",
    "examples_in_context": """
        SELECT e.id, e.year, r.organisation, r.title AS report_title, t.title AS theme_title, e.kind, e.title,
               e.went_well_count, e.went_wrong_count, e.must_change_count, e.could_change_count, e.page, e.pdf_page,
               e.url
        FROM examples e JOIN reports r ON r.id = e.report LEFT JOIN themes t ON t.id = e.theme
        ORDER BY e.year, e.rowid""",
}


def create_sql(table: Table) -> str:
    """CREATE TABLE with typed columns in the CSV's order, the primary key and every foreign key.

    Written out rather than left to sqlite-utils, which cannot declare a link to a table made later or to itself.
    """
    columns = [f"[{f.name}] {SQL_TYPES[f.type]}" for f in table.fields]
    key = ["PRIMARY KEY (" + ", ".join(f"[{k}]" for k in table.key) + ")"]
    links = [f"FOREIGN KEY ([{f.name}]) REFERENCES [{f.refers}]([id])" for f in foreign_keys(table)]
    return f"CREATE TABLE [{table.name}] (\n   " + ",\n   ".join(columns + key + links) + "\n)"


def sqlite_bytes(rows: dict[str, list[dict]], tables: tuple[Table, ...] = TABLES) -> bytes:
    """The database: every table with its keys, full-text search on paragraphs, the views."""
    with tempfile.TemporaryDirectory(prefix="stand-sqlite-") as folder:
        path = Path(folder) / SQLITE_FILE
        db = sqlite_utils.Database(path, execute_plugins=False)
        db.execute("PRAGMA page_size = 4096")
        # A throw-away file until it is read back: no waiting for the disk (the bytes are the same either way).
        db.execute("PRAGMA synchronous = OFF")
        db.execute("PRAGMA journal_mode = MEMORY")
        for table in tables:
            db.execute(create_sql(table))
            names = [f.name for f in table.fields]
            records = (dict(zip(names, values, strict=True)) for values in table.values(rows[table.name]))
            db[table.name].insert_all(records, batch_size=1000)
        db["paragraphs"].enable_fts(["text"], tokenize=TOKENIZER)
        for name, sql in VIEWS.items():
            db.create_view(name, " ".join(sql.split()))
        db.execute("INSERT INTO paragraphs_fts(paragraphs_fts) VALUES ('optimize')")
        db.conn.commit()
        db.vacuum()
        db.close()
        return path.read_bytes()


ARROW_TYPES = {"integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_(), "string": pa.string()}
PARQUET_OPTIONS = {
    "compression": "zstd",
    "compression_level": 9,
    "version": "2.6",
    "data_page_version": "1.0",
    "use_dictionary": True,
    "write_statistics": True,
    "store_schema": True,
}


def parquet_path(name: str) -> str:
    return f"parquet/{name}.parquet"


def arrow_schema(table_schema: dict) -> pa.Schema:
    """The table's columns as Arrow fields, typed as the Data Package says, each with its Dutch description."""
    fields = table_schema["fields"]
    return pa.schema(
        [pa.field(f["name"], ARROW_TYPES[f["type"]], metadata={"description": f["description"]}) for f in fields]
    )


def parquet_bytes(table: Table, rows: list[dict], table_schema: dict) -> bytes:
    """For pandas, DuckDB, R and Spark: typed columns (no guessing from text), compressed."""
    arrow = arrow_schema(table_schema)
    values = table.values(rows)
    columns = [pa.array([row[i] for row in values], type=field.type) for i, field in enumerate(arrow)]
    out = io.BytesIO()
    pq.write_table(pa.Table.from_arrays(columns, schema=arrow), out, **PARQUET_OPTIONS)
    return out.getvalue()


# The workbook's creation date is no build time: the ZIP format's earliest date, as XlsxWriter writes for each part.
FIXED_DATE = dt.datetime(1980, 1, 1)
MAX_WIDTH = 60


def write_cell(sheet, row: int, col: int, value: object) -> None:  # noqa: ANN001 - XlsxWriter's Worksheet
    """One cell with its own type: empty, true/false, a number, or text (write_string: never a formula)."""
    if value is None:
        return
    if isinstance(value, bool):
        sheet.write_boolean(row, col, value)
    elif isinstance(value, (int, float)):
        sheet.write_number(row, col, value)
    else:
        sheet.write_string(row, col, str(value))


def add_sheet(book: xlsxwriter.Workbook, table: Table, rows: list[dict], bold) -> None:  # noqa: ANN001 - a cell format
    """A sheet named after the table: a bold, frozen header row with a filter, then the rows."""
    values = table.values(rows)
    sheet = book.add_worksheet(table.name)
    for col, f in enumerate(table.fields):
        sheet.write_string(0, col, f.name, bold)
        longest = max([len(f.name)] + [len(str(row[col])) for row in values if row[col] is not None])
        sheet.set_column(col, col, min(longest + 2, MAX_WIDTH))
    for r, row in enumerate(values, start=1):
        for col, value in enumerate(row):
            write_cell(sheet, r, col, value)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, len(values), len(table.fields) - 1)


def workbook_bytes(
    rows: dict[str, list[dict]], about: list[tuple[str, str]] = (), tables: tuple[Table, ...] = TABLES
) -> bytes:
    """For people who open data in a spreadsheet: one sheet per table; numbers and true/false keep their type."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    keywords = ", ".join(metadata.KEYWORDS)
    book.set_properties(
        {"title": metadata.TITLE, "subject": metadata.DESCRIPTION, "keywords": keywords, "created": FIXED_DATE}
    )
    bold = book.add_format({"bold": True})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    notes = book.add_worksheet("Toelichting")  # the sheet the workbook opens on: what it is, licence, the sheets
    notes.set_column(0, 0, 28)
    notes.set_column(1, 1, 100)
    lines = [(metadata.TITLE, metadata.DESCRIPTION), *about]
    lines += [(licence.title, licence.nl) for licence in metadata.LICENCES.values()]
    lines += [("Werkblad", "Wat erin staat")] + [(table.name, table.description) for table in tables]
    for number, (name, text) in enumerate(lines):
        notes.write_string(number, 0, name, bold)
        notes.write_string(number, 1, text, wrap)
    notes.activate()
    for table in tables:
        add_sheet(book, table, rows[table.name], bold)
    book.close()
    return out.getvalue()


def format_files(
    rows: dict[str, list[dict]], table_schemas: dict[str, dict], about: list[tuple[str, str]] = ()
) -> dict[str, bytes]:
    """The SQLite database, the Excel workbook (``about``: lines for its Toelichting, such as the version and how
    to cite) and the Parquet files, by path."""
    parquet = {parquet_path(t.name): parquet_bytes(t, rows[t.name], table_schemas[t.name]) for t in TABLES}
    return {SQLITE_FILE: sqlite_bytes(rows), XLSX_FILE: workbook_bytes(rows, about)} | parquet
