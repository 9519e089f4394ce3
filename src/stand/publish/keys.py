"""The keys of the tables: what identifies a row, and which columns point at a row of another table.

One declaration feeds the Data Package (``primaryKey``, ``foreignKeys``, so
frictionless checks the links), the SQLite database (PRIMARY KEY and
REFERENCES, so Datasette links them) and the check below, which stops the
build with one line per broken key before any file is written.
"""

from __future__ import annotations

from .tables import Table

# The columns that identify a row; tables with an `id` column are keyed by it alone.
PRIMARY_KEYS: dict[str, tuple[str, ...]] = {
    "reports": ("id",),
    "themes": ("id",),
    "theme_headings": ("theme", "report"),
    "sections": ("id",),
    "paragraphs": ("id",),
    "footnotes": ("id",),
    "examples": ("id",),
    "example_parts": ("id",),
    "calls": ("id",),
    "figures": ("id",),
    "topics": ("id",),
    "mentions": ("topic", "paragraph", "footnote", "offset"),
    "stories": ("example", "continues"),
}

# The table a column of that name points at (by its `id`), wherever the column occurs.
REFERENCE_COLUMNS = {
    "report": "reports",
    "theme": "themes",
    "section": "sections",
    "paragraph": "paragraphs",
    "example": "examples",
    "footnote": "footnotes",
    "topic": "topics",
}

# Columns that point elsewhere under a name of their own.
OTHER_REFERENCES = {
    ("sections", "parent"): "sections",
    ("mentions", "via"): "topics",
    ("stories", "continues"): "examples",
}


def foreign_keys(table: str, columns: list[str]) -> list[tuple[str, str]]:
    """(column, table it points at) for every column of ``table`` that refers to another record.

    >>> foreign_keys("sections", ["id", "report", "theme", "parent", "page"])
    [('report', 'reports'), ('theme', 'themes'), ('parent', 'sections')]
    """
    links = []
    for column in columns:
        target = OTHER_REFERENCES.get((table, column)) or (REFERENCE_COLUMNS.get(column) if column != "id" else None)
        if target:
            links.append((column, target))
    return links


def key_problems(tables: dict[str, Table]) -> list[str]:
    """One line per duplicate primary key and per reference to a row that does not exist."""
    values = {name: [tuple(dict(columns)[k](row) for k in PRIMARY_KEYS[name]) for row in rows] for name, (columns, rows) in tables.items()}
    problems = []
    for name, keys in values.items():
        seen: set[tuple] = set()
        for key in keys:
            if key in seen:
                problems.append(f"{name}: duplicate key {', '.join(map(str, key))}")
            seen.add(key)
    for name, (columns, rows) in tables.items():
        getters = dict(columns)
        for column, target in foreign_keys(name, list(getters)):
            known = {key[0] for key in values[target]}
            for row in rows:
                value = getters[column](row)
                if value is not None and value not in known:
                    problems.append(f"{name}: {column} {value!r} points at no row of {target}")
    return problems
