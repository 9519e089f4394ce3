"""Fault injection: kill `stand extract` before each of its writes, fill the disk, corrupt the cache.

After any of them, data/ reads as the old data or the new data, never a mix:
either it is byte-identical to one of the two, or the journal of an
interrupted switch is there and every reader refuses until the next run,
which finishes the switch. The next run always succeeds. The kill is the
test's own: the run goes through a wrapper that patches the write steps of
:mod:`stand.io` (staging a file, renaming one into place) to die at step N.
"""

from __future__ import annotations

import hashlib
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from stand.io import JOURNAL

CHANGE = ("Logius heeft in 2023 111 nieuwe collega’s", "Logius heeft in 2023 met DigiD 111 nieuwe collega’s")


def snapshot(data: Path, staged: bool = True) -> dict[str, str]:
    """Every file under data/ by its digest; ``staged=False`` leaves out the hidden staged files no reader opens."""
    files = [p for p in sorted(data.rglob("*")) if p.is_file() and (staged or not p.name.endswith(".new"))]
    return {str(p.relative_to(data)): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


# `stand` with every write step of stand.io counted; at step argv[1] the process kills itself.
KILLED_AT = """
import os, signal, sys
import stand.io as io
from stand.cli import main
fatal, count = int(sys.argv.pop(1)), [0]
def counted(step):
    def wrapped(*args, **kwargs):
        count[0] += 1
        if count[0] == fatal:
            os.kill(os.getpid(), signal.SIGKILL)
        return step(*args, **kwargs)
    return wrapped
io.write_staged, os.replace = counted(io.write_staged), counted(os.replace)
sys.exit(main())
"""


def stand(
    project: Path, *args: str, prefix: tuple[str, ...] = (), kill_at: int | None = None
) -> subprocess.CompletedProcess:
    start = [sys.executable, "-c", KILLED_AT, str(kill_at)] if kill_at else [sys.executable, "-m", "stand.cli"]
    command = [*prefix, *start, "--root", str(project), *args]
    return subprocess.run(command, capture_output=True, text=True, check=False)


@pytest.fixture
def states(project, tmp_path_factory) -> tuple[Path, dict[str, str], dict[str, str]]:
    """A project whose 2023 source changed, with the data before and after extracting it."""
    source = project / "data/sources/logius-2023.txt"
    text = source.read_text(encoding="utf-8")
    assert text.count(CHANGE[0]) == 1
    source.write_text(text.replace(*CHANGE), encoding="utf-8")
    old = snapshot(project / "data")
    finished = tmp_path_factory.mktemp("finished") / "project"
    shutil.copytree(project, finished)
    assert stand(finished, "extract").returncode == 0
    new = snapshot(finished / "data")
    changed = {name for name in new if new[name] != old.get(name)}
    assert changed == {"reports/logius-2023.yaml", "topics.yaml"}, "two files change, so a mix is possible"
    return project, old, new


def test_a_kill_before_any_write_leaves_old_or_new_data(states):
    project, old, new = states
    for step in range(1, 20):
        trial = project.with_name(f"kill-{step}")
        shutil.copytree(project, trial)
        killed = stand(trial, "extract", kill_at=step)
        if killed.returncode == 0:
            break
        assert killed.returncode == -signal.SIGKILL, (step, killed.stderr)
        after = snapshot(trial / "data", staged=False)
        if (trial / "data" / JOURNAL).exists():
            for reader in ("dataset", "review"):  # every reader of data/ refuses a half-switched one
                refused = stand(trial, reader)
                assert (
                    refused.returncode == 2
                    and "left mid-update by an interrupted `stand extract`: run it again" in refused.stderr
                ), reader
        else:
            assert after == old, f"killed at step {step}: data/ is neither old nor switched"
        rerun = stand(trial, "extract")
        assert rerun.returncode == 0, rerun.stderr
        assert snapshot(trial / "data") == new, f"killed at step {step}: the next run did not finish the switch"
        shutil.rmtree(trial)
    # cache entries (stage, rename each), two files staged, the journal (stage, rename), two renames: all were killed
    assert step - 1 >= 2 + 2 + 2 + 2, f"the run finished after {step - 1} write steps"


def test_a_full_disk_stops_with_one_line_and_changes_nothing(states):
    project, old, _ = states
    if shutil.which("prlimit") is None:
        pytest.fail("prlimit (util-linux) is needed for this test")
    result = stand(project, "extract", prefix=("prlimit", "--fsize=20000"))
    assert result.returncode == 2, result.stderr
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("error: ") and "cannot write: File too large" in line
    assert snapshot(project / "data") == old


def test_a_corrupt_cache_entry_is_only_a_cache_miss(states):
    project, _, new = states
    assert stand(project, "extract").returncode == 0
    (project / ".cache/extract/logius-2023.json").write_text('{"key": "abc", "report": {', encoding="utf-8")
    result = stand(project, "extract", "--check")
    assert result.returncode == 0, result.stderr
    assert (
        "warning: ignored an unreadable cache entry logius-2023.json (JSONDecodeError); extracted again"
        in result.stderr
    )
    assert snapshot(project / "data") == new
