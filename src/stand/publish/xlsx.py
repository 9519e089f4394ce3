"""The dataset as one Excel workbook: a sheet per table, for people who open data in a spreadsheet.

Text is always written as text (never as a formula, a number or a link),
so a sentence that starts with "=" stays a sentence; numbers and true/false
keep their type. The document's dates are fixed, so the same data gives the
same bytes.
"""

from __future__ import annotations

import datetime as dt
import io

import xlsxwriter

from . import metadata
from .tables import Table, row_values

# The document's creation date is no build time: the ZIP format's earliest date, as XlsxWriter writes for each part.
FIXED_DATE = dt.datetime(1980, 1, 1)
MAX_WIDTH = 60
MAX_CELL = 32767  # characters an Excel cell holds; XlsxWriter would cut a longer text short without a word


def workbook_problems(tables: dict[str, Table]) -> list[str]:
    """One line per text too long for an Excel cell: the workbook must hold every text whole.

    >>> workbook_problems({"calls": ([("id", lambda r: r["id"]), ("text", lambda r: r["text"])], [{"id": "a", "text": "x" * 40000}])})
    ['calls: text of a has 40000 characters; an Excel cell holds at most 32767']
    """
    problems = []
    for name, (columns, _) in tables.items():
        for values in row_values(tables[name]):
            problems += [
                f"{name}: {column} of {values[0]} has {len(value)} characters; an Excel cell holds at most {MAX_CELL}"
                for (column, _getter), value in zip(columns, values, strict=True)
                if isinstance(value, str) and len(value) > MAX_CELL
            ]
    return problems


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


def add_sheet(book: xlsxwriter.Workbook, name: str, table: Table, bold) -> None:  # noqa: ANN001 - a cell format
    """A sheet named after the table: a bold, frozen header row with a filter, then the rows."""
    columns, _ = table
    rows = row_values(table)
    sheet = book.add_worksheet(name)
    for col, (column, _getter) in enumerate(columns):
        sheet.write_string(0, col, column, bold)
        longest = max([len(column)] + [len(str(row[col])) for row in rows if row[col] is not None])
        sheet.set_column(col, col, min(longest + 2, MAX_WIDTH))
    for r, values in enumerate(rows, start=1):
        for col, value in enumerate(values):
            write_cell(sheet, r, col, value)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, len(rows), len(columns) - 1)


def workbook_bytes(tables: dict[str, Table]) -> bytes:
    """stand-van-de-uitvoering.xlsx: one sheet per table, in the order of metadata.TABLES."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    book.set_properties({"title": metadata.TITLE, "subject": metadata.DESCRIPTION, "keywords": ", ".join(metadata.KEYWORDS), "created": FIXED_DATE})
    bold = book.add_format({"bold": True})
    for name in metadata.TABLES:
        add_sheet(book, name, tables[name], bold)
    book.close()
    return out.getvalue()
