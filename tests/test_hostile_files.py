"""Hostile files and faults around them: one line and exit 2, never a traceback; data/ old or new.

Sizes are checked before anything is read, a source that vanishes mid-run is one line, line endings of any
kind are read (and named), a killed run never blocks the next, write errors on build/ and site/ are one line,
and the staging folders of killed dataset builds go.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, extract
from stand.cli import main
from test_bad_input import add_entry, run_failing, snapshot
from test_faults import stand

GIB = 1 << 30


@pytest.mark.parametrize("name", ["logius-2024.txt", "logius-2024.pdf"])
def test_a_huge_source_is_refused_before_it_is_read(project, name):
    """Issue 23.2: a 1 GB source under a memory limit was a MemoryError: the limit was checked after reading."""
    add_entry(project, file=name)
    with open(project / "data/sources" / name, "wb") as huge:
        huge.truncate(3 * GIB)  # sparse: no disk, but reading it needs 3 GB of memory
    result = stand(project, "extract", prefix=("prlimit", f"--as={2 * GIB}"))
    assert result.returncode == 2, result.stderr
    [line] = result.stderr.strip().splitlines()
    assert name in line and "bytes, more than" in line, line


@pytest.mark.parametrize("moment", ["before it is hashed", "while it is read"])
def test_a_source_that_vanishes_during_the_run_is_one_line(project, capsys, monkeypatch, moment):
    """Issue 23.2: a source renamed away and back during a run was a FileNotFoundError traceback."""
    import stand.extract.report as report_module
    import stand.run as run_module

    source = project / "data/sources/logius-2023.txt"

    def vanish(step):
        def wrapped(*args, **kwargs):
            if source.exists():
                source.rename(source.with_suffix(".weg"))
            return step(*args, **kwargs)

        return wrapped

    if moment == "before it is hashed":
        monkeypatch.setattr(run_module.Inputs, "key", vanish(run_module.Inputs.key))
    else:
        monkeypatch.setattr(report_module, "read_text", vanish(report_module.read_text))
    before = snapshot(project / "data")
    assert extract(project, "--force") == 2
    [line] = capsys.readouterr().err.strip().splitlines()
    assert "logius-2023.txt" in line and "disappeared" in line, line
    source.with_suffix(".weg").rename(source)  # and back: data/ was never touched
    assert snapshot(project / "data") == before


@pytest.mark.parametrize(("ending", "name"), [("\r", "CR"), ("\u2028", "LS"), ("\u2029", "PS"), ("\x85", "NEL")])
def test_any_line_ending_reads_the_same_and_is_named(project, capsys, ending, name):
    """Issue 23.7: CR-only, LS, PS and NEL line endings gave "no theme chapter found"."""
    source = project / "data/sources/logius-2023.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("\n", ending), encoding="utf-8", newline="")
    assert extract(project) == 0
    assert f"line endings {name}" in capsys.readouterr().err
    written = yaml.safe_load((project / "data/reports/logius-2023.yaml").read_text(encoding="utf-8"))
    committed = yaml.safe_load((ROOT / "data/reports/logius-2023.yaml").read_text(encoding="utf-8"))
    written["source"]["sha256"] = committed["source"]["sha256"]
    assert written == committed


@pytest.mark.parametrize("content", ["\ufeff", "\ufeff   \n\n", "\u00a0\u2003\n", "\ufeff\u200b\x00\n"])
def test_a_file_of_only_a_byte_order_mark_or_spaces_is_empty(project, capsys, content):
    """Issue 23.7: it gave "0 of 0 words are not accounted for"."""
    add_entry(project, file="logius-2024.txt")
    (project / "data/sources/logius-2024.txt").write_text(content, encoding="utf-8")
    assert run_failing(project, capsys).endswith("logius-2024.txt: the file is empty")


# `stand extract --force` that kills itself (SIGKILL) on the Nth call of a reading step: while it reads.
KILLED_WHILE_READING = """
import os, signal, sys
import stand.extract.report as report
from stand.cli import main
fatal, count, step = int(sys.argv.pop(1)), [0], report.read_source
def counted(*args, **kwargs):
    count[0] += 1
    if count[0] == fatal:
        os.kill(os.getpid(), signal.SIGKILL)
    return step(*args, **kwargs)
report.read_source = counted
sys.exit(main())
"""


@pytest.mark.parametrize("at", [1, 2])
def test_a_run_killed_while_reading_never_blocks_the_next(project, at):
    """Issue 23.4 (the lock is gone; its guarantee stays): after kill -9 the next run succeeds at once and data/
    is the old data."""
    before = snapshot(project / "data")
    command = [sys.executable, "-c", KILLED_WHILE_READING, str(at), "--root", str(project), "extract", "--force"]
    killed = subprocess.run(command, capture_output=True, text=True, check=False)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert snapshot(project / "data") == before
    again = stand(project, "extract")
    assert again.returncode == 0 and "another" not in again.stderr, again.stderr
    assert snapshot(project / "data") == before


def test_a_run_killed_at_a_random_moment_never_blocks_the_next(project):
    """kill -9 from outside, once the run has visibly started (its cache folder appears), then a run at once."""
    before = snapshot(project / "data")
    process = subprocess.Popen([sys.executable, "-m", "stand.cli", "--root", str(project), "extract", "--force"])
    deadline = time.monotonic() + 300
    while not (project / ".cache/extract").exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    process.kill()
    process.wait()
    assert stand(project, "extract").returncode == 0
    assert snapshot(project / "data") == before


@pytest.fixture
def immutable():
    """chattr +i on a folder for the test, undone after (root is not stopped by a mode; the flag stops it)."""
    held: list[Path] = []

    def make(folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(folder)], check=False).returncode:
            pytest.fail("chattr +i is needed for this test (root on a file system with the immutable flag)")
        held.append(folder)

    yield make
    for folder in held:
        subprocess.run(["chattr", "-i", str(folder)], check=False)


@pytest.mark.parametrize("locked", ["build", "build/data"])
def test_a_write_error_on_build_is_one_line(project, capsys, immutable, locked):
    """Issue 23.2: `chattr +i` on build/ gave a PermissionError traceback."""
    for part in ("schema", "CHANGELOG.md"):
        (shutil.copytree if (ROOT / part).is_dir() else shutil.copy2)(ROOT / part, project / part)
    immutable(project / locked)
    assert main(["--root", str(project), "dataset"]) == 2
    [line] = capsys.readouterr().err.strip().splitlines()[-1:]
    assert line.startswith("error: ") and "cannot write" in line and "Traceback" not in line, line


@pytest.mark.parametrize("locked", ["site", "site/assets"])
def test_a_write_error_on_site_is_one_line(tmp_path, immutable, locked):
    from conftest import copy_site_project

    project = copy_site_project(tmp_path / "project")
    immutable(project / locked)
    result = subprocess.run(
        [sys.executable, "-m", "stand.cli", "--root", str(project), "site"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2, result.stderr
    errors = [line for line in result.stderr.splitlines() if not line.startswith("warning: ")]
    assert len(errors) == 1 and errors[0].startswith("error: ") and "cannot write" in errors[0], result.stderr


def test_staging_folders_of_killed_dataset_builds_are_removed(project):
    """Issue 23.7: a killed `stand dataset` left build/.data.XXXX folders (15 to 17 MB each) forever."""
    for part in ("schema", "CHANGELOG.md"):
        (shutil.copytree if (ROOT / part).is_dir() else shutil.copy2)(ROOT / part, project / part)
    for name in (".data.abc123", ".data.old", ".data.x_y"):
        (project / "build" / name / "csv").mkdir(parents=True)
        (project / "build" / name / "csv/a.csv").write_text("a\n", encoding="utf-8")
    assert main(["--root", str(project), "dataset"]) == 0
    assert sorted(p.name for p in (project / "build").iterdir()) == ["data"]
    assert os.listdir(project / "build/data")
