"""Deterministic YAML and all-or-nothing writes.

Everything is rendered to text in memory first; only when every file is
ready are they written, each to a temporary file beside its target and then
renamed over it, so a failure never leaves ``data/`` half written.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import yaml


class _Dumper(yaml.SafeDumper):
    """Block-style YAML, long text folded readably, keys in the order given."""


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


def write_files(files: dict[Path, str]) -> list[Path]:
    """Write all files or none; returns the paths whose content changed."""
    staged: list[tuple[Path, str]] = []
    try:
        for path, text in sorted(files.items()):
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
            staged.append((path, temporary))  # before writing, so a failed write is cleaned up too
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
    except OSError:
        for _, temporary in staged:
            os.unlink(temporary)
        raise
    changed = []
    for path, temporary in staged:
        if path.is_file() and path.read_text(encoding="utf-8") == files[path]:
            os.unlink(temporary)
            continue
        os.replace(temporary, path)
        changed.append(path)
    return changed
