"""Records that passed the dataset's schema before, kept between builds: a build validates only what is new.

Validating every record of 200 reports against the JSON Schema takes longer than
anything else in the dataset build, and after one changed report almost every
record is the same as last time. The digests of valid records are kept in
``.cache/dataset/``, one file per schema (by the schema's own digest), so a
changed schema starts afresh. A lost or damaged file only means validating everything.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def store(cache_dir: Path, schema_bytes: bytes) -> Path:
    return cache_dir / f"valid-{hashlib.sha256(schema_bytes).hexdigest()[:16]}.txt"


def known_valid(cache_dir: Path, schema_bytes: bytes) -> set[str]:
    try:
        return set(store(cache_dir, schema_bytes).read_text(encoding="ascii").split())
    except (OSError, ValueError):
        return set()


def remember(cache_dir: Path, schema_bytes: bytes, digests: set[str]) -> None:
    """Written beside and renamed into place; the file of another schema is removed."""
    target = store(cache_dir, schema_bytes)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        for old in cache_dir.glob("valid-*.txt"):
            if old != target:
                old.unlink(missing_ok=True)
        staging = target.with_name(f".{target.name}.{os.getpid()}")
        staging.write_text("\n".join(sorted(digests)) + "\n", encoding="ascii")
        os.replace(staging, target)
    except OSError:
        pass
