"""Data flows one way: a room imports only the rooms before it, and the readers of data/ never what wrote it.

The run (stand.run) sits above extract and derive: it alone knows both.
"""

from __future__ import annotations

import ast

from conftest import ROOT

PACKAGE = ROOT / "src/stand"
ORDER = ["model", "errors", "io", "extract", "derive", "run", "publish", "site", "cli"]
# model, errors and io are the ground floor: every room may use them, they use no room.
GROUND = {"model", "errors", "io"}
# Readers of data/ never reach back to what wrote it: the dataset and the site use only what derive stored.
FORBIDDEN = {(reader, room) for reader in ("publish", "site") for room in ("extract", "derive", "run")}


def room_of(module: str) -> str:
    """'stand.publish.corpus' -> 'publish'."""
    return module.split(".")[1] if module.count(".") else module


def imported_rooms(path) -> set[str]:
    """The rooms (stand.<room>) a module imports, relative imports resolved."""
    package = ["stand", *path.relative_to(PACKAGE).parent.parts]
    rooms = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            names = [f"{target}.{alias.name}" for alias in node.names] if target == "stand" else [target]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        rooms |= {room_of(name) for name in names if name.startswith("stand.")}
    return rooms


def test_no_room_imports_a_room_after_it():
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        own = room_of(".".join(["stand", *path.relative_to(PACKAGE).with_suffix("").parts]))
        for room in imported_rooms(path) - {own}:
            allowed = ORDER.index(room) < ORDER.index(own) and (room in GROUND or own not in GROUND)
            if not allowed or (own, room) in FORBIDDEN:
                problems.append(f"{path.relative_to(ROOT)} imports stand.{room}")
    assert problems == []


def test_the_rule_sees_relative_imports():
    plugin = PACKAGE / "site/plugin.py"
    assert imported_rooms(plugin) == {"errors", "publish", "site"}
    assert imported_rooms(PACKAGE / "cli.py") == {"errors", "extract", "io", "publish", "run"}
    assert imported_rooms(PACKAGE / "run.py") == {"derive", "errors", "extract", "io"}
