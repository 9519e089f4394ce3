"""Writes are all-or-nothing: a failure while staging leaves every target and no temporary file."""

from __future__ import annotations

import os

import pytest

from stand.extract.write import dump_yaml, write_files


def test_only_changed_files_are_rewritten(tmp_path):
    same, other = tmp_path / "a.yaml", tmp_path / "b.yaml"
    same.write_text("a: 1\n", encoding="utf-8")
    other.write_text("b: 1\n", encoding="utf-8")
    assert write_files({same: "a: 1\n", other: "b: 2\n"}) == [other]
    assert other.read_text(encoding="utf-8") == "b: 2\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "b.yaml"]


def test_a_failure_while_staging_rolls_back(tmp_path, monkeypatch):
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text("old\n", encoding="utf-8")
    real_fdopen = os.fdopen
    calls = []

    def failing_fdopen(*args, **kwargs):
        calls.append(args)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real_fdopen(*args, **kwargs)

    monkeypatch.setattr(os, "fdopen", failing_fdopen)
    with pytest.raises(OSError, match="No space left"):
        write_files({first: "new\n", second: "new\n"})
    assert first.read_text(encoding="utf-8") == "old\n" and not second.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"], "no staging file is left behind"


def test_long_text_is_folded_and_the_order_kept():
    text = dump_yaml({"id": "x", "text": "woord " * 20 + "eind"})
    assert text.startswith("id: x\ntext: >-\n  woord woord")
