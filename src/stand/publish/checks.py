"""The checks the dataset must pass before any file of it is handed out, every problem collected.

The JSON Schema checks every record; one check over the tables of
:mod:`stand.publish.table_model` finds every duplicate key and every reference
to a row that does not exist, so each link the Data Package and the database
declare holds; and every text must fit a cell of the workbook.
"""

from __future__ import annotations

import jsonschema_rs
from jsonschema import Draft202012Validator

from .table_model import TABLES, Field, Table

MAX_CELL = 32767  # characters an Excel cell holds; XlsxWriter would cut a longer text short without a word


def schema_problems(dataset: dict, schema: dict) -> list[str]:
    """Every schema error, with its path in the dataset.

    A valid dataset (every build that publishes) is known valid from jsonschema-rs in a fraction of a second,
    where the reference implementation takes 8 s at 200 reports; only an invalid one is walked again by the
    reference implementation, for its messages.
    """
    if jsonschema_rs.validator_for(schema, validate_formats=False).is_valid(dataset):
        return []
    errors = sorted(Draft202012Validator(schema).iter_errors(dataset), key=lambda e: list(map(str, e.absolute_path)))
    return [f"schema: {'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in errors]


def key_problems(rows: dict[str, list[dict]], tables: tuple[Table, ...] = TABLES) -> list[str]:
    """One line per duplicate primary key and per reference (a list's every item) to a row that does not exist.

    Keys and links are read leniently (a missing one is empty), so they are checked beside a failing schema too.
    """

    def read(f: Field, row: dict) -> object:
        return f.raw(row) if f.take else row.get(f.name)

    problems, ids = [], {}
    for table in tables:
        key, seen = [table.field(name) for name in table.key], set()
        for row in rows[table.name]:
            value = tuple(read(f, row) for f in key)
            if value in seen:
                problems.append(f"{table.name}: duplicate key {', '.join(map(str, value))}")
            seen.add(value)
        ids[table.name] = {value[0] for value in seen}
    for table in tables:
        for f in (f for f in table.fields if f.refers):
            for row in rows[table.name]:
                for value in (read(f, row) or []) if f.is_list else [read(f, row)]:
                    if value is not None and value not in ids[f.refers]:
                        where = ", ".join(str(read(table.field(name), row)) for name in table.key)
                        problems.append(f"{table.name} {where}: {f.name} {value!r} points at no row of {f.refers}")
    return problems


def workbook_problems(rows: dict[str, list[dict]], tables: tuple[Table, ...] = TABLES) -> list[str]:
    """One line per text too long for an Excel cell: the workbook must hold every text whole."""
    return [
        f"{table.name}: {f.name} of {values[0]} has {len(value)} characters; an Excel cell holds at most {MAX_CELL}"
        for table in tables
        for values in table.values(rows[table.name])
        for f, value in zip(table.fields, values, strict=True)
        if isinstance(value, str) and len(value) > MAX_CELL
    ]


def dataset_problems(dataset: dict, schema: dict, rows: dict[str, list[dict]]) -> list[str]:
    """Every problem at once; the workbook's cells are measured once the schema and keys hold."""
    return schema_problems(dataset, schema) + key_problems(rows) or workbook_problems(rows)
