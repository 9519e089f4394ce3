"""The version rule: what a change of the published data means for its version number.

Data users join on record ids and read fields by name, so the rule is semantic versioning for data.
It compares a released dataset (read from its archive zip) with the current one (the files
``stand dataset`` builds): every table of :mod:`stand.publish.table_model` by its key, the fields of
every table (the CSV header, typed in ``datapackage.json``), the fields of the whole JSON (the ones
its JSON Schema declares) and the list of files.

- **major**: a record key of the released version that the current one lacks: removed or renamed,
  whether or not ``data/permalinks/ids-moved.yaml`` lists it (whoever joined on the old id finds
  nothing; the list says where the record went, it does not keep the join working), a removed
  field, table or file, or a field whose type changed;
- **minor**: a new record, field, table or file;
- **patch**: only values changed (the text of a record, the JSON's licence line).

A key that is gone and not in ``ids-moved.yaml`` is also an open question, not only a level: its
reason says "without a move" and :attr:`Verdict.unaccounted` lists it, so a release can refuse until a
maintainer has said where the record went (or that it has no successor, and why).
Links (``url``) are left out: an archive built at another address is not a change of content.
A key column the old version did not have is computed where the table model says how (``in_text``
of a mention is its footnote or else its paragraph); one that cannot be is left out of the key, and
the records are compared by the rest of it (said as a reason). Each reason is one line, such as
``figures: id logius-2022-cijfer-20 removed without a move``.

``python -m stand.publish.version_rule [archive.zip] [build/data]`` prints the level, the next
version and every reason (default: the newest archive in releases/ against build/data/).
"""

from __future__ import annotations

import csv
import io
import json
import sys
import zipfile
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from . import metadata
from .table_model import TABLE_BY_NAME
from .versions import SITE_ONLY

MAJOR, MINOR, PATCH = "major", "minor", "patch"
LEVELS = (PATCH, MINOR, MAJOR)  # in rising order
KEY_SEPARATOR = " | "  # between the values of a key of several columns, as ids-moved.csv writes it
LEFT_OUT = ("url",)  # the site's own links: they follow the site's address, not the content
UNCOMPARED = ("version", "preview")  # values of the whole JSON that differ between any two builds


@dataclass(frozen=True)
class Published:
    """One version of the dataset as its files publish it."""

    headers: dict[str, tuple[str, ...]]  # every csv/<table>.csv: its columns
    tables: dict[str, list[dict[str, str]]]  # and its rows, every cell as text
    types: dict[str, dict[str, str]]  # per table, the type of each field (datapackage.json)
    json_fields: frozenset[str]  # the fields of the whole JSON, as paths: reports[].source.file
    json_values: dict[str, object]  # the JSON's own values (title, licence), not its records
    files: frozenset[str]


def published(files: Mapping[str, bytes]) -> Published:
    """A version from its files by path (``csv/calls.csv``), as ``build_files`` gives them or an archive holds them."""
    headers, tables = {}, {}
    for path, content in files.items():
        if path.startswith("csv/") and path.endswith(".csv") and path.count("/") == 1:
            reader = csv.DictReader(io.StringIO(content.decode("utf-8")))
            tables[path[4:-4]] = list(reader)
            headers[path[4:-4]] = tuple(reader.fieldnames or ())
    package = json.loads(files["datapackage.json"]) if "datapackage.json" in files else {"resources": []}
    types = {
        r["path"][4:-4]: {f["name"]: f["type"] for f in r["schema"]["fields"]}
        for r in package["resources"]
        if isinstance(r.get("schema"), dict) and r["path"].startswith("csv/")
    }
    whole = json.loads(files[f"{metadata.NAME}.json"]) if f"{metadata.NAME}.json" in files else {}
    schema = files.get(metadata.SCHEMA_FILE)
    fields = schema_fields(json.loads(schema)) if schema else data_fields(whole)
    values = {k: v for k, v in whole.items() if not isinstance(v, (list, dict))}
    return Published(headers, tables, types, frozenset(fields), values, frozenset(files))


def from_archive(path: Path) -> Published:
    """A released version from its archive: every file under the zip's one folder."""
    with zipfile.ZipFile(path) as archive:
        return published({n.split("/", 1)[1]: archive.read(n) for n in archive.namelist() if not n.endswith("/")})


def from_folder(folder: Path) -> Published:
    """A built version from a folder such as build/data/, without what only the site holds (the archives of all
    versions, the catalogue, the feed of versions), as a version's archive is made."""
    return published(
        {
            path: p.read_bytes()
            for p in sorted(folder.rglob("*"))
            if p.is_file() and not (path := p.relative_to(folder).as_posix()).startswith(SITE_ONLY)
        }
    )


def schema_fields(schema: dict) -> set[str]:
    """Every property path a JSON Schema declares (``$ref``, ``items``, ``anyOf`` and ``oneOf`` followed).

    >>> sorted(schema_fields({"properties": {"a": {"type": "array", "items": {"$ref": "#/$defs/b"}}},
    ...                       "$defs": {"b": {"properties": {"c": {}, "d": {"anyOf": [{"properties": {"e": {}}}]}}}}}))
    ['a', 'a[].c', 'a[].d', 'a[].d.e']
    """
    found: set[str] = set()

    def walk(node: dict, path: str, seen: frozenset[str]) -> None:
        ref = node.get("$ref")
        if ref:
            if ref in seen:
                return
            seen = seen | {ref}
            node = schema["$defs"][ref.rsplit("/", 1)[1]] | {k: v for k, v in node.items() if k != "$ref"}
        for alternative in node.get("anyOf", []) + node.get("oneOf", []) + node.get("allOf", []):
            walk(alternative, path, seen)
        if isinstance(node.get("items"), dict):
            walk(node["items"], path + "[]", seen)
        for name, sub in node.get("properties", {}).items():
            found.add(f"{path}.{name}" if path else name)
            walk(sub, f"{path}.{name}" if path else name, seen)

    walk(schema, "", frozenset())
    return found


def data_fields(value: object, path: str = "") -> set[str]:
    """Every field path that occurs in a JSON value (for a version published without its schema).

    >>> sorted(data_fields({"a": [{"b": 1}, {"c": {"d": 2}}]}))
    ['a', 'a[].b', 'a[].c', 'a[].c.d']
    """
    found: set[str] = set()
    if isinstance(value, dict):
        for name, sub in value.items():
            found |= {f"{path}.{name}" if path else name} | data_fields(sub, f"{path}.{name}" if path else name)
    elif isinstance(value, list):
        for item in value:
            found |= data_fields(item, path + "[]")
    return found


@dataclass(frozen=True)
class Change:
    level: str  # MAJOR, MINOR or PATCH
    line: str  # "figures: id logius-2022-cijfer-20 removed without a move"
    unaccounted: bool = False  # a key gone that ids-moved.yaml does not account for


@dataclass(frozen=True)
class Verdict:
    """What changed from one version to the next, and so which number the next one gets."""

    changes: tuple[Change, ...]

    @property
    def level(self) -> str | None:
        """MAJOR, MINOR or PATCH: the highest level of any change; None when nothing changed."""
        return max((c.level for c in self.changes), key=LEVELS.index, default=None)

    @property
    def reasons(self) -> list[str]:
        """One line per change, the highest level first."""
        return [c.line for level in reversed(LEVELS) for c in self.changes if c.level == level]

    @property
    def unaccounted(self) -> list[str]:
        """The keys gone without an entry in ids-moved.yaml (or whose entry names no current record): what a
        maintainer must still account for before a release."""
        return [c.line for c in self.changes if c.unaccounted]

    def of(self, level: str) -> list[str]:
        return [c.line for c in self.changes if c.level == level]

    def next_version(self, released: str) -> str:
        return next_version(released, self.level)


def next_version(released: str, level: str | None) -> str:
    """
    >>> [next_version("1.4.2", level) for level in (MAJOR, MINOR, PATCH, None)]
    ['2.0.0', '1.5.0', '1.4.3', '1.4.2']
    """
    major, minor, patch = (int(n) for n in released.split("."))
    if level == MAJOR:
        return f"{major + 1}.0.0"
    if level == MINOR:
        return f"{major}.{minor + 1}.0"
    if level == PATCH:
        return f"{major}.{minor}.{patch + 1}"
    return released


Moves = Mapping[tuple[str, str], str | None]  # (table, old key) -> new key, or None: removed on purpose


def compare(old: Published, new: Published, moves: Moves | None = None) -> Verdict:
    """The changes from ``old`` to ``new``; ``moves`` are the reviewed entries of ids-moved.yaml for this step."""
    moves = moves or {}
    changes: list[Change] = []
    for table in sorted(old.headers.keys() - new.headers.keys()):
        changes.append(Change(MAJOR, f"{table}: table removed (csv/{table}.csv)"))
    for table in sorted(new.headers.keys() - old.headers.keys()):
        changes.append(Change(MINOR, f"{table}: new table (csv/{table}.csv)"))
    for table in sorted(old.headers.keys() & new.headers.keys()):
        changes += field_changes(table, old, new)
        changes += record_changes(table, old, new, moves)
    changes += [Change(MAJOR, f"json: field {f} removed") for f in sorted(old.json_fields - new.json_fields)]
    changes += [Change(MINOR, f"json: new field {f}") for f in sorted(new.json_fields - old.json_fields)]
    for name in sorted(old.json_values.keys() & new.json_values.keys()):
        if name not in UNCOMPARED and old.json_values[name] != new.json_values[name]:
            before, after = old.json_values[name], new.json_values[name]
            changes.append(Change(PATCH, f"json: {name} changed from {before!r} to {after!r}"))
    changes += [Change(MAJOR, f"files: {path} removed") for path in sorted(old.files - new.files)]
    changes += [Change(MINOR, f"files: new {path}") for path in sorted(new.files - old.files)]
    return Verdict(tuple(changes))


def field_changes(table: str, old: Published, new: Published) -> list[Change]:
    before, after = old.headers[table], new.headers[table]
    found = [Change(MAJOR, f"{table}: field {f} removed") for f in before if f not in after]
    found += [Change(MINOR, f"{table}: new field {f}") for f in after if f not in before]
    old_types, new_types = old.types.get(table, {}), new.types.get(table, {})
    for name in before:
        if name in after and name in old_types and name in new_types and old_types[name] != new_types[name]:
            found.append(
                Change(MAJOR, f"{table}: field {name} changed type from {old_types[name]} to {new_types[name]}")
            )
    return found


def key_columns(table: str, old: Published, new: Published) -> tuple[tuple[str, ...], list[str]]:
    """The key the two versions are compared by, and the key columns left out (the old version cannot have them)."""
    model = TABLE_BY_NAME.get(table)
    key = model.key if model else ("id",) if "id" in new.headers[table] else new.headers[table]
    usable = tuple(c for c in key if c in new.headers[table] and (c in old.headers[table] or derivable(table, c)))
    return usable, [c for c in key if c not in usable]


def derivable(table: str, column: str) -> bool:
    model = TABLE_BY_NAME.get(table)
    return bool(model and any(f.name == column and f.take for f in model.fields))


def cell(table: str, row: dict[str, str], column: str) -> str:
    """A key cell: the row's own, or computed from its other cells as the table model computes the column."""
    if column in row:
        return row[column]
    value = TABLE_BY_NAME[table].field(column).raw(defaultdict(str, row))
    return "" if value is None else str(value)


def record_key(table: str, row: dict[str, str], columns: tuple[str, ...]) -> str:
    return KEY_SEPARATOR.join(cell(table, row, c) for c in columns)


def keyed(table: str, rows: list[dict[str, str]], columns: tuple[str, ...]) -> dict[str, list[dict[str, str]]]:
    found: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        found[record_key(table, row, columns)].append(row)
    return found


def record_changes(table: str, old: Published, new: Published, moves: Moves) -> list[Change]:
    columns, left_out = key_columns(table, old, new)
    name = "id" if columns == ("id",) else "key " + ", ".join(columns)
    found = []
    if left_out:
        found.append(Change(MINOR, f"{table}: records compared by {', '.join(columns)} ({', '.join(left_out)} is new)"))
    before, after = keyed(table, old.tables[table], columns), keyed(table, new.tables[table], columns)
    targets = set()
    for key in sorted(before.keys() - after.keys()):
        if (table, key) not in moves:
            found.append(Change(MAJOR, f"{table}: {name} {key} removed without a move", True))
        elif moves[(table, key)] is None:
            found.append(Change(MAJOR, f"{table}: {name} {key} removed (ids-moved.yaml: no successor)"))
        elif moves[(table, key)] in after:
            targets.add(moves[(table, key)])
            found.append(Change(MAJOR, f"{table}: {name} {key} moved to {moves[(table, key)]} (ids-moved.csv)"))
        else:
            found.append(
                Change(MAJOR, f"{table}: {name} {key} moved to {moves[(table, key)]}, which does not exist", True)
            )
    found += [Change(MINOR, f"{table}: new record {key}") for key in sorted(after.keys() - before.keys() - targets)]
    if not left_out:
        common = [c for c in old.headers[table] if c in new.headers[table] and c not in LEFT_OUT + columns]
        for key in sorted(before.keys() & after.keys()):
            differ = [c for c in common if [r[c] for r in before[key]] != [r[c] for r in after[key]]]
            if differ:
                found.append(Change(PATCH, f"{table}: {name} {key} changed ({', '.join(differ)})"))
    return found


def main(argv: list[str] | None = None) -> int:
    from .ids_moved import load_moves, moves_of  # the list of moves needs this module's loaders

    root = Path.cwd()
    args = argv if argv is not None else sys.argv[1:]
    archive = (
        Path(args[0]) if args else max((root / "releases").glob("*/*.zip"), key=lambda p: release_key(p.parent.name))
    )
    current = Path(args[1]) if len(args) > 1 else root / "build/data"
    released = archive.parent.name
    verdict = compare(from_archive(archive), from_folder(current), moves_of(load_moves(root), since=released))
    print(f"{released} -> {verdict.next_version(released)}: {verdict.level or 'no change'}")
    print("\n".join(verdict.reasons))
    return 0


def release_key(number: str) -> tuple[int, ...]:
    """
    >>> sorted(["1.10.0", "1.9.2", "2.0.0"], key=release_key)
    ['1.9.2', '1.10.0', '2.0.0']
    """
    return tuple(int(n) for n in number.split("."))


if __name__ == "__main__":
    raise SystemExit(main())
