"""stand.io: writes are all-or-nothing (staged beside, journalled, switched); YAML read strictly and written stably."""

from __future__ import annotations

import os

import pytest

from stand.errors import SourceError
from stand.io import (
    JOURNAL,
    dump_yaml,
    finish_interrupted,
    load_yaml,
    refuse_mid_update,
    replace_files,
    write_atomic,
)


def test_only_changed_files_are_rewritten(tmp_path):
    same, other = tmp_path / "a.yaml", tmp_path / "b.yaml"
    same.write_text("a: 1\n", encoding="utf-8")
    other.write_text("b: 1\n", encoding="utf-8")
    assert replace_files(tmp_path, {same: "a: 1\n", other: "b: 2\n"}, []) == [other]
    assert other.read_text(encoding="utf-8") == "b: 2\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "b.yaml"], "no journal or staged file stays"


def test_new_files_follow_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        replace_files(tmp_path, {tmp_path / "a.yaml": "a: 1\n"}, [])
        write_atomic(tmp_path / "b.json", "{}")
    finally:
        os.umask(old)
    assert [(tmp_path / name).stat().st_mode & 0o777 for name in ("a.yaml", "b.json")] == [0o640, 0o640]


def test_a_failure_while_staging_leaves_everything_as_it_was(tmp_path, monkeypatch):
    first, second = tmp_path / "a.yaml", tmp_path / "sub" / "b.yaml"
    first.write_text("old\n", encoding="utf-8")
    real_fsync, calls = os.fsync, []

    def full_disk(handle):
        calls.append(handle)
        if len(calls) == 2:
            raise OSError(28, "No space left on device", str(second))
        return real_fsync(handle)

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(SourceError) as raised:
        replace_files(tmp_path, {first: "new\n", second: "new\n"}, [])
    assert str(raised.value) == f"{second}: cannot write: No space left on device"
    assert first.read_text(encoding="utf-8") == "old\n" and not second.exists()
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")) == ["a.yaml", "sub"]


def test_finishing_a_journalled_switch(tmp_path):
    target, gone = tmp_path / "reports" / "a.yaml", tmp_path / "old.yaml"
    target.parent.mkdir()
    (tmp_path / "reports" / ".a.yaml.new").write_text("new\n", encoding="utf-8")
    target.write_text("old\n", encoding="utf-8")
    gone.write_text("old\n", encoding="utf-8")
    (tmp_path / JOURNAL).write_text('{"replace": ["reports/a.yaml"], "delete": ["old.yaml"]}', encoding="utf-8")
    with pytest.raises(SourceError, match="left mid-update by an interrupted `stand extract`"):
        refuse_mid_update(tmp_path)  # what every reader of data/ calls before its first file
    assert finish_interrupted(tmp_path) == [f"finished the writes of an interrupted run ({tmp_path.name}/{JOURNAL})"]
    assert target.read_text(encoding="utf-8") == "new\n" and not gone.exists() and not (tmp_path / JOURNAL).exists()


def test_staged_files_no_journal_names_are_removed(tmp_path):
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / ".logius-2023.yaml.new").write_text("half", encoding="utf-8")
    assert finish_interrupted(tmp_path) == ["removed 1 staged file(s) of a run that died before switching"]
    assert list((tmp_path / "reports").iterdir()) == []


def test_long_text_is_folded_and_the_order_kept():
    text = dump_yaml({"id": "x", "text": "woord " * 20 + "eind"})
    assert text.startswith("id: x\ntext: >-\n  woord woord")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("a: 1\na: 2\n", "invalid YAML: duplicate key 'a'"),
        ("a: &x [1]\nb: *x\n", "invalid YAML: aliases (*name) are not allowed"),
        ("? [1]\n: 2\n", "invalid YAML: a key that is a list or mapping"),
    ],
)
def test_hand_kept_yaml_is_read_strictly(tmp_path, text, problem):
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as raised:
        load_yaml(path)
    assert raised.value.problem.startswith(problem)
