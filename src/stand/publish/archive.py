"""Frozen versions: each released version's files in one zip, committed once and never rebuilt.

A release is archived as ``releases/<version>/stand-van-de-uitvoering-<version>.zip``
(published at ``/data/archief/<version>/``) and its SHA-256 is written in
CHANGELOG.md. The zip is deterministic (sorted entries, one fixed timestamp,
fixed permissions), so archiving the same files twice gives the same bytes;
the committed zip is what counts, and a test checks it against the CHANGELOG.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

from .metadata import NAME

RELEASES_DIR = "releases"
TIMESTAMP = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can say: no clock in the archive


def archive_name(version: str) -> str:
    """
    >>> archive_name("1.0.0")
    'stand-van-de-uitvoering-1.0.0.zip'
    """
    return f"{NAME}-{version}.zip"


def archive_path(root: Path, version: str) -> Path:
    return root / RELEASES_DIR / version / archive_name(version)


def site_path(version: str) -> str:
    """Where the site publishes an archive, under /data/."""
    return f"archief/{version}/{archive_name(version)}"


def deterministic_zip(files: dict[str, bytes], folder: str) -> bytes:
    """The files in a zip under ``folder/``, sorted, each with the same timestamp and permissions."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(f"{folder}/{name}", date_time=TIMESTAMP)
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, whatever machine builds it
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, files[name])
    return buffer.getvalue()


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def archived_dataset(root: Path, version: str) -> dict | None:
    """The whole-dataset JSON inside a version's archive, or None when that version has no archive."""
    path = archive_path(root, version)
    if not path.is_file():
        return None
    with zipfile.ZipFile(path) as archive:
        name = next((n for n in archive.namelist() if n.endswith(f"/{NAME}.json")), None)
        return json.loads(archive.read(name)) if name else None
