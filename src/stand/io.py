"""Files in and out, for every room: YAML read and written one way, writes a crash cannot leave half done.

Every room reads and writes through here, so these rules are written once:

- hand-kept YAML (manifest, vocabulary, corrections, curation, publication)
  is read strictly (:func:`load_yaml`): no duplicate keys, no aliases, every
  failure one :class:`SourceError` naming the file;
- generated YAML in ``data/`` is read fast with libyaml (:func:`read_data`)
  and written deterministically (:func:`dump_yaml`);
- a single file is written beside its target and renamed into place
  (:func:`write_atomic`); a set of files in ``data/`` is switched in through a
  journal (:func:`replace_files`), so a crash at any moment leaves the old set
  or the new one, and every reader refuses a half-switched ``data/``;
- caches live under ``.cache/<name>/`` (:func:`cache_folder`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Hashable
from pathlib import Path

import yaml

from .errors import SourceError

JOURNAL = ".extract-journal.json"  # in data/ while a set of files is being switched in
NEW = ".new"  # a staged file: beside its target, named .<target>.new


class StrictLoader(yaml.SafeLoader):
    """Safe YAML that also refuses duplicate keys (the second silently won) and aliases (a hand-kept file needs
    none, and a few nested ones expand into gigabytes)."""

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed", self.peek_event().start_mark)
        return super().compose_node(parent, index)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, Hashable):
                raise yaml.constructor.ConstructorError(None, None, "a key that is a list or mapping", key_node.start_mark)
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep)


def load_yaml(path: Path) -> object:
    """A hand-kept YAML file, parsed strictly; every failure is a SourceError naming it."""
    if not path.is_file():
        raise SourceError(path, "file not found")
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=StrictLoader)  # noqa: S506 - a safe loader
    except UnicodeDecodeError as exc:
        raise SourceError(path, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except yaml.YAMLError as exc:
        raise SourceError(path, f"invalid YAML: {' '.join(str(exc).split())[:300]}") from exc
    except RecursionError as exc:
        raise SourceError(path, "invalid YAML: nested too deeply") from exc


_FastLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_data(path: Path) -> dict:
    """A generated file of data/ (libyaml where installed), or SourceError naming it: no traceback on damaged data."""
    refuse_mid_update(path.parent if path.parent.name != "reports" else path.parent.parent)
    try:
        data = yaml.load(path.read_bytes().decode("utf-8"), Loader=_FastLoader)  # noqa: S506 - a safe loader
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise SourceError(path, f"cannot be read ({type(exc).__name__}); run `make data` to write it again") from exc
    if not isinstance(data, dict):
        raise SourceError(path, "is not a mapping; run `make data` to write it again")
    return data


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


def cache_folder(root: Path, name: str) -> Path:
    """Where a cache of the project at ``root`` lives: ``.cache/<name>/``; deleting it only costs time."""
    return root / ".cache" / name


def _file_mode() -> int:
    """What a new file's mode is under the current umask, so a staged file gets the mode a plain write gives."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def staged_name(target: Path) -> Path:
    return target.with_name(f".{target.name}{NEW}")


def write_staged(target: Path, content: str | bytes) -> Path:
    """``content`` written and synced to ``.<name>.new`` beside ``target``, ready to be renamed into place."""
    staged = staged_name(target)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(staged, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(staged, _file_mode())
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    return staged


def write_atomic(target: Path, content: str | bytes) -> None:
    """Write one file so that a crash leaves the old file or the new one, never a part."""
    os.replace(write_staged(target, content), target)


def refuse_mid_update(data: Path) -> None:
    """Readers of data/ stop while a switch is unfinished, so nobody sees a mix of old and new files."""
    if (data / JOURNAL).exists():
        raise SourceError(data / JOURNAL, "data/ was left mid-update by an interrupted `stand extract`: run it again")


def finish_interrupted(data: Path) -> list[str]:
    """Finish what a killed run left: switch a journalled set in; staged files without a journal are removed."""
    notes = []
    journal = data / JOURNAL
    if journal.is_file():
        try:
            plan = json.loads(journal.read_text(encoding="utf-8"))
            for target in plan["replace"]:
                if staged_name(data / target).exists():
                    os.replace(staged_name(data / target), data / target)
            for target in plan["delete"]:
                (data / target).unlink(missing_ok=True)
        except (ValueError, KeyError, TypeError) as exc:
            raise SourceError(journal, f"unreadable journal of an interrupted run ({exc}); restore data/ from git and remove it") from exc
        except OSError as exc:
            raise SourceError(exc.filename or journal, f"cannot finish an interrupted run: {exc.strerror or exc}") from exc
        journal.unlink()
        notes.append(f"finished the writes of an interrupted run ({data.name}/{JOURNAL})")
    stale = sorted(p for p in data.rglob(f".*{NEW}") if p.is_file())
    for path in stale:
        path.unlink()
    if stale:
        notes.append(f"removed {len(stale)} staged file(s) of a run that died before switching")
    return notes


def replace_files(data: Path, files: dict[Path, str], delete: list[Path]) -> list[Path]:
    """Switch the files under ``data`` to ``files`` (and without ``delete``) all at once; returns what changed.

    Each changed file is staged beside its target and synced; the journal naming them is the commit
    point; then the renames; then the journal goes. A crash before the journal leaves the old set
    (its staged files are removed by the next run), after it the next run finishes the switch.
    """
    changed = [path for path, text in sorted(files.items()) if not path.is_file() or path.read_text(encoding="utf-8") != text]
    if not changed and not delete:
        return []
    try:
        for path in changed:
            write_staged(path, files[path])
        plan = {"replace": [str(p.relative_to(data)) for p in changed], "delete": [str(p.relative_to(data)) for p in delete]}
        write_atomic(data / JOURNAL, json.dumps(plan, ensure_ascii=False, indent=1))
        _sync_folder(data)
    except OSError as exc:
        for path in changed:
            staged_name(path).unlink(missing_ok=True)
        raise SourceError(exc.filename or data, f"cannot write: {exc.strerror or exc}") from exc
    try:
        for path in changed:
            os.replace(staged_name(path), path)
        for path in delete:
            path.unlink(missing_ok=True)
        for folder in sorted({p.parent for p in changed} | {p.parent for p in delete}):
            _sync_folder(folder)
    except OSError as exc:
        raise SourceError(exc.filename or data, f"cannot write: {exc.strerror or exc}; the next run finishes the switch") from exc
    (data / JOURNAL).unlink()
    return changed + delete
