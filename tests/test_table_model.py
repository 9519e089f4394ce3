"""The table model: one Field entry reaches every format, and the one key check covers every table.

A column added to a table (here an extra one on calls) must appear in the CSV header, the SQLite table, the
Parquet schema, the workbook and the Data Package with nothing else changed; every table's duplicate key and
every reference column's dangling value must be found by :func:`stand.publish.checks.key_problems`.
"""

from __future__ import annotations

import dataclasses
import io
import json
import sqlite3

import pyarrow.parquet as pq
import pytest

from conftest import ROOT
from stand.publish.catalogue import datapackage
from stand.publish.checks import key_problems
from stand.publish.corpus import Corpus
from stand.publish.formats import create_sql, csv_text, parquet_bytes, sqlite_bytes, workbook_bytes
from stand.publish.publication import Publication
from stand.publish.records import build_records
from stand.publish.table_model import TABLE_BY_NAME, TABLES, Field, table_rows, table_schema

SCHEMA = json.loads((ROOT / "schema/stand-van-de-uitvoering.schema.json").read_text(encoding="utf-8"))
BASE = "https://example.test/"
EXTRA = Field("checked_by", "integer", lambda call: len(call["text"]), description="Alleen in deze test.")


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return Corpus.load(ROOT / "data")


@pytest.fixture(scope="module")
def rows(corpus) -> dict[str, list[dict]]:
    return table_rows(build_records(corpus, BASE))


def test_adding_a_column_is_one_entry(corpus, rows, tmp_path):
    calls = dataclasses.replace(TABLE_BY_NAME["calls"], fields=TABLE_BY_NAME["calls"].fields + (EXTRA,))
    tables = tuple(calls if t.name == "calls" else t for t in TABLES)
    lengths = [len(call["text"]) for call in rows["calls"]]
    assert csv_text(calls, rows["calls"]).splitlines()[0].endswith(",url,checked_by")
    assert "[checked_by] INTEGER,\n   PRIMARY KEY ([id])" in create_sql(calls)
    (tmp_path / "db.sqlite").write_bytes(sqlite_bytes(rows, tables))
    assert [n for (n,) in sqlite3.connect(tmp_path / "db.sqlite").execute("SELECT checked_by FROM calls")] == lengths
    described = table_schema(calls, SCHEMA)
    assert described["fields"][-1] == {"name": "checked_by", "type": "integer", "description": "Alleen in deze test."}
    parquet = pq.read_table(io.BytesIO(parquet_bytes(calls, rows["calls"], described)))
    assert (str(parquet.schema.field("checked_by").type), parquet.column("checked_by").to_pylist()) == (
        "int64",
        lengths,
    )
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(workbook_bytes(rows, tables=tables)), read_only=True)["calls"]
    assert next(sheet.iter_rows(max_row=1, values_only=True))[-1] == "checked_by"
    schemas = {t.name: table_schema(t, SCHEMA) for t in tables}
    package = datapackage(schemas, "1.0.0", BASE, corpus, Publication(), True)
    resource = next(r for r in package["resources"] if r["name"] == "calls")
    assert resource["schema"]["fields"][-1]["name"] == "checked_by"


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_the_key_check_finds_a_duplicate_key_and_every_dangling_reference(rows, table):
    assert key_problems(rows) == []
    first = rows[table.name][0]
    key = ", ".join(str(table.field(name).value(first)) for name in table.key)
    assert key_problems(rows | {table.name: rows[table.name] + [first]}) == [f"{table.name}: duplicate key {key}"]
    references = [f for f in table.fields if f.refers]
    for f in references:
        broken = first | {f.name: ["nergens"] if f.is_list else "nergens"}
        found = key_problems(rows | {table.name: [broken] + rows[table.name][1:]})
        where = ", ".join(str(table.field(name).raw(broken)) for name in table.key)
        assert found == [f"{table.name} {where}: {f.name} 'nergens' points at no row of {f.refers}"]
    assert references or table.name in ("reports", "themes", "topics")
