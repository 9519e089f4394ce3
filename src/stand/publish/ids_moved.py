"""Record ids that moved: ``data/permalinks/ids-moved.yaml``, published as ``ids-moved.csv``.

Data users join on record ids. When a change gives a record of a released version another id,
the maintainer adds an entry here by hand, after reading the old and the new record: the table,
the old id, the new id (``null`` when the record has no successor), the version it changed in and
why, in Dutch. The file is checked against ``ids_moved.schema.json`` (beside this module); every
old id must be a record of the release before the entry's version (read from its archive) and
every new id a record of the current dataset, or the old id of a later entry (a chain). The
dataset publishes the list as ``ids-moved.csv`` (old_id, new_id, table, version, reason). A changed
id is still a major change (:mod:`stand.publish.version_rule`): the list says where the record went,
and the rule finds every id gone without an entry here.

This is a file of its own, beside ``moved.yaml`` rather than in it: ``moved.yaml`` lists the
site's URLs (page and anchor) for the site's alias anchors, this one the dataset's record keys
per table for data users; the two change for different reasons and are read by different code.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator

from .formats import cell
from .table_model import TABLE_BY_NAME
from .version_rule import KEY_SEPARATOR, Published, from_archive, keyed, release_key
from .versions import Release, archive_path

MOVES_FILE = Path("data/permalinks/ids-moved.yaml")
PUBLISHED_FILE = "ids-moved.csv"
COLUMNS = ("old_id", "new_id", "table", "version", "reason")
SCHEMA = json.loads((Path(__file__).parent / "ids_moved.schema.json").read_text(encoding="utf-8"))


class MovesError(Exception):
    """ids-moved.yaml is not a list of moves the dataset can publish."""


@dataclass(frozen=True)
class Move:
    table: str
    old: str
    new: str | None  # None: the record has no successor
    version: str  # the version in which the id changed
    reason: str


def load_moves(root: Path) -> list[Move]:
    """The reviewed moves, checked against the schema; MovesError naming every problem."""
    path = root / MOVES_FILE
    if not path.is_file():
        return []
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    problems = [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(root)'}: {error.message}"
        for error in Draft202012Validator(SCHEMA).iter_errors(document)
    ]
    if problems:
        raise MovesError(f"{MOVES_FILE}: " + "; ".join(problems))
    moves = [Move(e["table"], e["old"], e["new"], e["version"], e["reason"]) for e in document["ids"]]
    problems = [f"{m.table}: no such table" for m in moves if m.table not in TABLE_BY_NAME]
    seen: set[tuple[str, str, str]] = set()
    for move in moves:
        if (move.table, move.old, move.version) in seen:
            problems.append(f"{move.table}: {move.old} is listed twice for version {move.version}")
        seen.add((move.table, move.old, move.version))
    if problems:
        raise MovesError(f"{MOVES_FILE}: " + "; ".join(problems))
    return moves


def resolve(moves: Iterable[Move], table: str, old: str, since: str | None = None) -> str | None:
    """The id a record of version ``since`` (default: any) has now, following the moves in version order;
    None when a move says it has no successor, ``old`` itself when it never moved.

    >>> moves = [Move("figures", "a", "b", "2.0.0", "…"), Move("figures", "b", "c", "3.0.0", "…")]
    >>> resolve(moves, "figures", "a"), resolve(moves, "figures", "b", since="2.0.0"), resolve(moves, "calls", "a")
    ('c', 'c', 'a')
    """
    current: str | None = old
    for move in sorted(moves, key=lambda m: release_key(m.version)):
        if since is not None and release_key(move.version) <= release_key(since):
            continue
        if move.table == table and move.old == current:
            current = move.new
            if current is None:
                return None
    return current


def moves_of(moves: list[Move], since: str) -> dict[tuple[str, str], str | None]:
    """For the version rule: each record of release ``since`` that moved after it -> the id it has now."""
    after = [m for m in moves if release_key(m.version) > release_key(since)]
    return {(m.table, m.old): resolve(after, m.table, m.old) for m in after if resolve(after, m.table, m.old) != m.old}


def previous_release(history: list[Release], version: str) -> str | None:
    """The newest release before ``version``."""
    earlier = [r.number for r in history if release_key(r.number) < release_key(version)]
    return max(earlier, key=release_key, default=None)


def table_keys(dataset: Published) -> dict[str, set[str]]:
    """Every record key of every table of a published version, as the version rule writes it."""
    return {
        table: set(keyed(table, rows, TABLE_BY_NAME[table].key))
        for table, rows in dataset.tables.items()
        if table in TABLE_BY_NAME and all(c in dataset.headers[table] for c in TABLE_BY_NAME[table].key)
    }


def current_keys(rows: dict[str, list[dict]]) -> dict[str, set[str]]:
    """Every record key of the dataset being built (its table rows), as the CSV writes its cells."""
    return {
        name: {KEY_SEPARATOR.join(str(cell(table.field(c).raw(row))) for c in table.key) for row in rows[name]}
        for name, table in TABLE_BY_NAME.items()
        if name in rows
    }


def moves_problems(root: Path, moves: list[Move], history: list[Release], current: dict[str, set[str]]) -> list[str]:
    """Every entry whose old id its earlier release (or an earlier entry's new id) lacks, or whose new id the current
    dataset (or a later entry's old id) lacks. An old id is checked where the earlier release's archive is in
    releases/."""
    problems, archives = [], {}
    for move in moves:
        before = previous_release(history, move.version)
        if before is not None and before not in archives:
            path = archive_path(root, before)
            archives[before] = table_keys(from_archive(path)) if path.is_file() else None
        old_keys = archives.get(before) if before else None
        earlier = any(
            m.table == move.table and m.new == move.old and release_key(m.version) < release_key(move.version)
            for m in moves
        )
        if old_keys is not None and move.old not in old_keys.get(move.table, set()) and not earlier:
            problems.append(f"{MOVES_FILE}: {move.table} {move.old}: version {before} has no such record")
        later = any(
            m.table == move.table and m.old == move.new and release_key(m.version) > release_key(move.version)
            for m in moves
        )
        if move.new is not None and move.new not in current.get(move.table, set()) and not later:
            problems.append(
                f"{MOVES_FILE}: {move.table} {move.old} -> {move.new}: the dataset has no such record;"
                " list where it went now (a later entry), or correct the new id"
            )
    return problems


def moves_csv(moves: list[Move]) -> bytes:
    """ids-moved.csv: one row per move, in version order, then by table and old id; UTF-8, a header row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for move in sorted(moves, key=lambda m: (release_key(m.version), m.table, m.old)):
        writer.writerow([cell(value) for value in (move.old, move.new, move.table, move.version, move.reason)])
    return out.getvalue().encode("utf-8")


DESCRIPTION = (
    "Record-sleutels die veranderden sinds een uitgebrachte versie: per oude sleutel de nieuwe (leeg als het record"
    " geen opvolger heeft), de tabel, de versie waarin ze veranderde en waarom. Wie een oude sleutel bewaarde, vindt"
    " zo het record terug."
)


def table_schema() -> dict:
    """The Table Schema of ids-moved.csv."""
    return {
        "fields": [
            {
                "name": "old_id",
                "type": "string",
                "description": "De sleutel in de vorige uitgebrachte versie (bij een sleutel van meer kolommen de"
                " waarden gescheiden door ' | ').",
                "constraints": {"required": True},
            },
            {
                "name": "new_id",
                "type": "string",
                "description": "De sleutel in de versie van version, in dezelfde tabel; leeg als het record geen"
                " opvolger heeft.",
            },
            {
                "name": "table",
                "type": "string",
                "description": "De tabel (csv/<tabel>.csv) waarin beide sleutels staan.",
                "constraints": {"required": True, "enum": sorted(TABLE_BY_NAME)},
            },
            {
                "name": "version",
                "type": "string",
                "description": "De versie waarin de sleutel veranderde.",
                "constraints": {"required": True, "pattern": "^\\d+\\.\\d+\\.\\d+$"},
            },
            {
                "name": "reason",
                "type": "string",
                "description": "Waarom de sleutel veranderde.",
                "constraints": {"required": True},
            },
        ],
        "primaryKey": ["table", "old_id", "version"],
    }


def resource() -> dict:
    """ids-moved.csv as a Data Package resource."""
    return {
        "name": "ids-moved",
        "path": PUBLISHED_FILE,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {"delimiter": ",", "header": True},
        "description": DESCRIPTION,
        "schema": table_schema(),
    }
