"""Deterministic YAML, and writes that a crash cannot leave half done.

Everything is rendered to text in memory first. Then every changed file is
written to a staging folder outside ``data/`` (on the same disk, so a rename
moves it) and synced; a journal listing the switches (and the deletions) is
written into ``data/`` and synced; the switches are made; the journal is
removed. A run that finds a journal finishes it first (:func:`recover`);
staged files without a journal are from a run that died before switching,
and are removed. Readers of ``data/`` refuse to read while a journal exists,
so nobody sees a mix of old and new.
"""

from __future__ import annotations

import json
import os
import signal
import tempfile
from pathlib import Path

import yaml

from ..errors import SourceError
from ..model import JOURNAL

STAGING = ".staging"
FAULT = "STAND_FAULT_AT_WRITE"  # tests only: kill the process just before this write step (1, 2, ...)


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Block-style YAML, long text folded readably, keys in the order given (libyaml where installed)."""


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = ">" if len(value) > 80 and "\n" not in value and value == value.strip() and "  " not in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_representer)


def dump_yaml(data: object, header: str | None = None) -> str:
    """YAML text for ``data``; the same data always gives the same text.

    >>> print(dump_yaml({"id": "logius-2023", "pages": 10}), end="")
    id: logius-2023
    pages: 10
    """
    text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)
    return (header + text) if header else text


class Steps:
    """Counts write steps, so a test can kill the process at any one of them."""

    def __init__(self) -> None:
        self.done = 0
        self.fault = int(os.environ.get(FAULT, "0"))

    def next(self) -> None:
        self.done += 1
        if self.done == self.fault:
            os.kill(os.getpid(), signal.SIGKILL)


def file_mode() -> int:
    """What a new file's mode would be under the current umask (mkstemp makes 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def sync_folder(folder: Path) -> None:
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def stage(path: Path, text: str, staging: Path, steps: Steps) -> Path:
    """Write ``text`` for ``path`` to a synced file in the staging folder."""
    steps.next()
    staging.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f"{path.name}.", suffix=STAGING, dir=staging)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(name, file_mode())
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


def recover(data: Path, staging: Path) -> list[str]:
    """Finish what an interrupted run left: switch a journalled set in, or remove unjournalled staged files."""
    notes = []
    journal = data / JOURNAL
    if journal.is_file():
        try:
            plan = json.loads(journal.read_text(encoding="utf-8"))
            for staged, target in plan["replace"]:
                if Path(staged).exists():
                    Path(target).parent.mkdir(parents=True, exist_ok=True)
                    os.replace(staged, target)
            for target in plan["delete"]:
                Path(target).unlink(missing_ok=True)
        except (ValueError, KeyError, TypeError) as exc:
            raise SourceError(journal, f"unreadable journal of an interrupted run ({exc}); restore data/ from git and remove it") from exc
        except OSError as exc:
            raise SourceError(exc.filename or journal, f"cannot finish an interrupted run: {exc.strerror or exc}") from exc
        journal.unlink()
        notes.append("finished the writes of an interrupted run (data/.extract-journal.json)")
    stale = sorted(staging.glob(f"*{STAGING}")) if staging.is_dir() else []
    for path in stale:
        path.unlink()
    if stale:
        notes.append(f"removed {len(stale)} staged file(s) of a run that died before switching")
    return notes


def write_files(data: Path, files: dict[Path, str], delete: list[Path], staging: Path) -> list[Path]:
    """Switch ``data/`` to the new files (and without ``delete``) all at once; returns what changed."""
    steps = Steps()
    changed = [path for path, text in sorted(files.items()) if not path.is_file() or path.read_text(encoding="utf-8") != text]
    if not changed and not delete:
        return []
    staged: list[tuple[Path, Path]] = []
    try:
        for path in changed:
            path.parent.mkdir(parents=True, exist_ok=True)
            staged.append((stage(path, files[path], staging, steps), path))
        plan = {"replace": [[str(s), str(t)] for s, t in staged], "delete": [str(p) for p in delete]}
        journal = stage(data / JOURNAL, json.dumps(plan, ensure_ascii=False, indent=1), staging, steps)
        steps.next()
        os.replace(journal, data / JOURNAL)
        sync_folder(data)
    except OSError as exc:
        for staging, _ in staged:
            staging.unlink(missing_ok=True)
        raise SourceError(exc.filename or data, f"cannot write: {exc.strerror or exc}") from exc
    try:
        for staging, target in staged:
            steps.next()
            os.replace(staging, target)
        for path in delete:
            steps.next()
            path.unlink(missing_ok=True)
        for folder in sorted({t.parent for _, t in staged} | {p.parent for p in delete}):
            sync_folder(folder)
    except OSError as exc:
        raise SourceError(exc.filename or data, f"cannot write: {exc.strerror or exc}; the next run finishes the switch") from exc
    (data / JOURNAL).unlink()
    return changed + delete
