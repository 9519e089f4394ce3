"""The documentation matches the code: README targets and module map, package docstrings, CI."""

from __future__ import annotations

import re
from pathlib import Path

import stand
import stand.derive
import stand.extract
import stand.publish
import stand.site
from conftest import ROOT

PACKAGE = ROOT / "src/stand"


def modules_in_code() -> set[str]:
    """Every module of the package as a path under src/stand/, e.g. 'extract/read_pdf.py'."""
    return {str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py") if p.name != "__init__.py"}


def modules_in_readme() -> set[str]:
    """The module map in the README: a tree of folders and files under src/stand/."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    tree = readme[readme.index("```\nsrc/stand/") + 4 :]
    tree = tree[: tree.index("```")]
    named, folder = set(), ""
    for line in tree.splitlines()[1:]:
        entry = line.split()[0] if line.strip() else ""
        if line.startswith("  ") and not line.startswith("    ") and entry.endswith("/"):
            folder = entry
        elif entry.endswith(".py"):
            named.add(entry if line.startswith("  ") and not line.startswith("    ") else folder + entry)
    return named


def test_readme_module_map_is_the_code():
    assert modules_in_readme() == modules_in_code()


def test_package_docstrings_name_every_module_of_their_room():
    for room in (stand.extract, stand.derive, stand.publish, stand.site):
        folder = Path(room.__file__).parent
        named = set(re.findall(rf":mod:`{room.__name__}\.(\w+)`", room.__doc__))
        assert named == {p.stem for p in folder.glob("*.py")} - {"__init__"}, room.__name__
    assert set(re.findall(r":mod:`stand\.(\w+)`", stand.__doc__)) == {
        "extract",
        "derive",
        "publish",
        "site",
        "model",
        "errors",
        "cli",
    }


def test_readme_make_targets_exist():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z-]+):", makefile, re.M))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`make ([a-z-]+)`", readme)) | set(re.findall(r"^make ([a-z-]+)", readme, re.M))
    assert {"site", "serve", "test", "data", "data-check", "dataset", "release", "benchmark"} <= documented
    assert documented <= targets


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci/run").read_text(encoding="utf-8")
