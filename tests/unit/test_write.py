"""Writes are all-or-nothing: staged, journalled, switched; a failure or a crash never leaves a mix."""

from __future__ import annotations

import os

import pytest

from stand.errors import SourceError
from stand.extract.write import dump_yaml, recover, write_files
from stand.model import JOURNAL


def test_only_changed_files_are_rewritten(tmp_path):
    same, other = tmp_path / "a.yaml", tmp_path / "b.yaml"
    same.write_text("a: 1\n", encoding="utf-8")
    other.write_text("b: 1\n", encoding="utf-8")
    assert write_files(tmp_path, {same: "a: 1\n", other: "b: 2\n"}, [], tmp_path / "staging") == [other]
    assert other.read_text(encoding="utf-8") == "b: 2\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "b.yaml", "staging"], "no journal stays"
    assert list((tmp_path / "staging").iterdir()) == []


def test_new_files_follow_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        write_files(tmp_path, {tmp_path / "a.yaml": "a: 1\n"}, [], tmp_path / "staging")
    finally:
        os.umask(old)
    assert (tmp_path / "a.yaml").stat().st_mode & 0o777 == 0o640


def test_a_failure_while_staging_leaves_everything_as_it_was(tmp_path, monkeypatch):
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text("old\n", encoding="utf-8")
    real_fdopen = os.fdopen
    calls = []

    def full_disk(*args, **kwargs):
        calls.append(args)
        if len(calls) == 2:
            raise OSError(28, "No space left on device", str(second))
        return real_fdopen(*args, **kwargs)

    monkeypatch.setattr(os, "fdopen", full_disk)
    with pytest.raises(SourceError) as raised:
        write_files(tmp_path, {first: "new\n", second: "new\n"}, [], tmp_path / "staging")
    assert str(raised.value) == f"{second}: cannot write: No space left on device"
    assert first.read_text(encoding="utf-8") == "old\n" and not second.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "staging"] and list((tmp_path / "staging").iterdir()) == []


def test_recover_finishes_a_journalled_switch(tmp_path):
    staged, target, gone = tmp_path / ".a.yaml.x.staging", tmp_path / "a.yaml", tmp_path / "old.yaml"
    staged.write_text("new\n", encoding="utf-8")
    target.write_text("old\n", encoding="utf-8")
    gone.write_text("old\n", encoding="utf-8")
    (tmp_path / JOURNAL).write_text(f'{{"replace": [["{staged}", "{target}"]], "delete": ["{gone}"]}}', encoding="utf-8")
    assert recover(tmp_path, tmp_path / "staging") == ["finished the writes of an interrupted run (data/.extract-journal.json)"]
    assert target.read_text(encoding="utf-8") == "new\n" and not gone.exists() and not (tmp_path / JOURNAL).exists()


def test_recover_removes_staged_files_no_journal_names(tmp_path):
    (tmp_path / "staging").mkdir()
    (tmp_path / "staging/logius-2023.yaml.abc.staging").write_text("half", encoding="utf-8")
    assert recover(tmp_path, tmp_path / "staging") == ["removed 1 staged file(s) of a run that died before switching"]
    assert list((tmp_path / "staging").iterdir()) == []


def test_long_text_is_folded_and_the_order_kept():
    text = dump_yaml({"id": "x", "text": "woord " * 20 + "eind"})
    assert text.startswith("id: x\ntext: >-\n  woord woord")
