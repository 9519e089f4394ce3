"""Freeze a released version: its dataset files in releases/<version>/stand-van-de-uitvoering-<version>.zip.

Run once, when the version is released (the CHANGELOG entry naming the data digest); it refuses to
overwrite an archive, which is never rebuilt. The archive's links start with the site's address (SITE_URL,
else data/publication.yaml's site_url); where neither is known they are paths from the site's root, as in
1.0.0. Prints the line for the CHANGELOG entry.
"""

import sys
from pathlib import Path

from stand.publish.corpus import Corpus
from stand.publish.dataset import build_files
from stand.publish.publication import address, load_publication
from stand.publish.urls import site_base
from stand.publish.versions import (
    SITE_ONLY,
    archive_name,
    archive_path,
    data_digest,
    dataset_version,
    deterministic_zip,
    sha256,
)

ROOT = Path(__file__).resolve().parent.parent
version = dataset_version(ROOT / "CHANGELOG.md", data_digest(ROOT / "data"))
target = archive_path(ROOT, version.number)
if not version.released or target.exists():
    sys.exit(f"error: {target.relative_to(ROOT)}: needs a released version, and is never overwritten")
base = site_base(address(load_publication(ROOT / "data")))
files = build_files(ROOT, base, Corpus.load(ROOT / "data"), version, archive=True)
own = {name: content for name, content in files.items() if not name.startswith(SITE_ONLY)}
content = deterministic_zip(own, archive_name(version.number).removesuffix(".zip"))
target.parent.mkdir(parents=True, exist_ok=True)
target.write_bytes(content)
print(f"Archief: `{archive_name(version.number)}`, SHA-256 `{sha256(content)}`")
