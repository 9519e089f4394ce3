"""The dataset as Parquet: one file per table, with the Data Package's types and descriptions.

For pandas, DuckDB, R and Spark: typed columns (no guessing from text) and
compressed. The writer is given every option that could vary (compression,
format version, page version, statistics), so the same data gives the same
bytes with the pinned pyarrow.
"""

from __future__ import annotations

import io

import pyarrow as pa
import pyarrow.parquet as pq

from . import metadata
from .tables import Table, row_values

ARROW_TYPES = {"integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_(), "string": pa.string()}
WRITER_OPTIONS = {
    "compression": "zstd",
    "compression_level": 9,
    "version": "2.6",
    "data_page_version": "1.0",
    "use_dictionary": True,
    "write_statistics": True,
    "store_schema": True,
}


def arrow_schema(schema: dict) -> pa.Schema:
    """The table's columns as Arrow fields, each with its Dutch description."""
    return pa.schema([pa.field(f["name"], ARROW_TYPES[f["type"]], metadata={"description": f["description"]}) for f in schema["fields"]])


def parquet_bytes(table: Table, schema: dict) -> bytes:
    arrow = arrow_schema(schema)
    rows = row_values(table)
    columns = [pa.array([row[i] for row in rows], type=field.type) for i, field in enumerate(arrow)]
    out = io.BytesIO()
    pq.write_table(pa.Table.from_arrays(columns, schema=arrow), out, **WRITER_OPTIONS)
    return out.getvalue()


def parquet_path(name: str) -> str:
    return f"parquet/{name}.parquet"


def parquet_files(tables: dict[str, Table], schemas: dict[str, dict]) -> dict[str, bytes]:
    """parquet/<table>.parquet for every table."""
    return {parquet_path(name): parquet_bytes(tables[name], schemas[name]) for name in metadata.TABLES}
