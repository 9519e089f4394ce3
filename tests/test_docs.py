"""The documentation matches the code: README commands, CLI usage, module map."""

from __future__ import annotations

import re

import stand
from conftest import ROOT
from extract import main


def test_readme_make_targets_exist():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z-]+):", makefile, re.M))
    documented = set(re.findall(r"`make ([a-z-]+)`", (ROOT / "README.md").read_text(encoding="utf-8")))
    documented |= set(re.findall(r"^make ([a-z-]+)", (ROOT / "README.md").read_text(encoding="utf-8"), re.M))
    assert {"site", "serve", "test", "data", "data-check", "benchmark"} <= documented
    assert documented <= targets


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci/run").read_text(encoding="utf-8")


def test_cli_usage_lists_real_options(capsys):
    usage = main.__globals__["__doc__"]
    flags = set(re.findall(r"extract\.py\s+(--[a-z-]+)", usage))
    assert flags == {"--force", "--check"}
    try:
        main(["--help"])
    except SystemExit as done:
        assert done.code == 0
    help_text = capsys.readouterr().out
    assert all(flag in help_text for flag in flags)


def test_package_docstring_names_every_stage_module():
    named = set(re.findall(r":mod:`stand\.(\w+)`", stand.__doc__))
    modules = {p.stem for p in (ROOT / "scripts/stand").glob("*.py")} - {"__init__"}
    assert named <= modules
    assert {"manifest", "read_text", "read_pdf", "structure", "repair", "records", "write", "pipeline"} <= named
