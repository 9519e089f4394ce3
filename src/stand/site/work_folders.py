"""The work folders of the processes beside a build (``.cache/build/``), and how those processes end with it.

Each folder is named after the build's process id. A build that is killed outright (SIGKILL, a CI
timeout) cannot clean up after itself, so every build first removes the folders of builds that no
longer run. The processes themselves are ended by the kernel when the build dies (Linux's
parent-death signal); elsewhere they finish their work and stop.
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import signal
import sys
import tempfile
from pathlib import Path

PR_SET_PDEATHSIG = 1  # prctl option, linux/prctl.h
OWNER = re.compile(r"\A[a-z]+-(\d+)-")


def work_folder(root: Path, kind: str) -> Path:
    """A new folder for one job of this build, after removing those of builds that are gone."""
    work = root / ".cache" / "build"
    work.mkdir(parents=True, exist_ok=True)
    for folder in sorted(work.iterdir()):
        owner = OWNER.match(folder.name)
        if owner is None or not running(int(owner.group(1))):
            shutil.rmtree(folder, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f"{kind}-{os.getpid()}-", dir=work))


def running(pid: int) -> bool:
    """
    >>> running(os.getpid())
    True
    """
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: leave its folder alone
    try:  # a zombie (ended, not yet reaped: where nothing reaps orphans) is not running
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def end_with_parent(parent: int) -> None:
    """In a forked child: be killed when the build that started it dies (Linux); stop now if it already has."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)


def ending_with_parent(command: list[str]) -> list[str]:
    """A command that the kernel ends when the build dies: run through util-linux's ``setpriv`` where there is one."""
    setpriv = shutil.which("setpriv") if sys.platform.startswith("linux") else None
    return [setpriv, "--pdeathsig", "KILL", *command] if setpriv else command
