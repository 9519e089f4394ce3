"""The processes beside a build end with it, and the next build removes what a killed one left."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from stand.site.work_folders import running, work_folder

PARENT = """
import multiprocessing, sys, time
from stand.site.work_folders import end_with_parent, ending_with_parent
import subprocess, os

def child(parent):
    end_with_parent(parent)
    time.sleep(60)

if __name__ == "__main__":
    forked = multiprocessing.get_context("fork").Process(target=child, args=(os.getpid(),), daemon=True)
    forked.start()
    command = subprocess.Popen(ending_with_parent(["sleep", "60"]))
    while open(f"/proc/{command.pid}/comm").read().strip() != "sleep":  # setpriv sets the signal, then becomes sleep
        time.sleep(0.01)
    print(forked.pid, command.pid, flush=True)
    time.sleep(60)
"""


def gone_pid() -> int:
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def test_a_new_build_removes_the_folders_of_builds_that_are_gone(tmp_path):
    work = tmp_path / ".cache" / "build"
    (work / f"dataset-{gone_pid()}-abc" / "reports").mkdir(parents=True)
    (work / f"pagefind-{os.getpid()}-def").mkdir()
    (work / "dataset-without-owner").mkdir()
    new = work_folder(tmp_path, "dataset")
    assert new.name.startswith(f"dataset-{os.getpid()}-")
    assert sorted(p.name for p in work.iterdir()) == sorted([new.name, f"pagefind-{os.getpid()}-def"])


def test_the_jobs_of_a_killed_build_end_with_it(tmp_path):
    parent = subprocess.Popen([sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True, cwd=tmp_path)
    forked, command = map(int, parent.stdout.readline().split())
    assert running(forked) and running(command)
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 5
    while (running(forked) or running(command)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not running(forked) and not running(command)
