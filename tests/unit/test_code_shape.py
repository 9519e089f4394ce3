"""Code a newcomer can read: no function over 60 lines (a module is as long as its one job needs)."""

from __future__ import annotations

import ast

from conftest import ROOT

SOURCES = (
    sorted((ROOT / "src").rglob("*.py"))
    + sorted((ROOT / "tests").rglob("*.py"))
    + sorted((ROOT / "scripts").rglob("*.py"))
)


def test_no_function_over_60_lines():
    long = {}
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno - node.lineno + 1 > 60:
                long[f"{path.relative_to(ROOT)}:{node.lineno} {node.name}"] = node.end_lineno - node.lineno + 1
    assert long == {}
