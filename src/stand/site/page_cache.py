"""Finished generated pages kept between builds, keyed by everything that makes them: a build renders only what changed.

At 200 reports a build makes about 2,900 pages, and after one changed report
nearly all of them come out as before. A page's key is the SHA-256 of its
Markdown (blocks included) and of a salt that covers every other input: this
package's code and templates, mkdocs.yml, overrides/, the versions of MkDocs,
the theme and Markdown, the site's address and whether it is served. So an
entry is never stale. What changes with every data change but says nothing
of the page (the version line and the preview notice) is kept out of the
entry as placeholders (see :mod:`stand.site.footer`). Entries no build used are removed by
:meth:`PageCache.prune`. An entry lost before a build only means rendering that page again; one
that becomes unreadable while a build uses it stops that build with a message.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from importlib import metadata
from pathlib import Path

OTHER_SALTS_KEPT = 2  # e.g. `mkdocs serve` beside `mkdocs build`, and the code before the last change
PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "jinja2", "mkdocs-macros-plugin", "pymdown-extensions")


def tree_digest(*folders: Path) -> str:
    """The digest of every file under the folders, by path and content, in a fixed order."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(f"{path.relative_to(folder)}\0".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def build_salt(config_file: Path, custom_dir: str | None, *facts: object) -> str:
    """What every page depends on besides its own Markdown: code, configuration, theme overrides, versions, ``facts``."""
    versions = []
    for name in PACKAGES:
        try:
            versions.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} absent")
    parts = [tree_digest(Path(__file__).resolve().parent.parent), config_file.read_bytes().hex(), *versions, *map(repr, facts)]
    if custom_dir and Path(custom_dir).is_dir():
        parts.append(tree_digest(Path(custom_dir)))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


class PageCache:
    """Entries ``<key>.html``, the finished page, and ``<key>.json``, its anchors and links, in a folder per salt.

    A folder per salt keeps builds that differ (``mkdocs serve`` and ``mkdocs build``, or two
    checkouts of the code) from removing each other's pages while both run.
    """

    def __init__(self, root: Path, salt: str) -> None:
        self.root = root
        self.folder = root / salt[:16]
        self.salt = salt
        self.used: set[str] = set()

    def key(self, source_path: str, text: str) -> str:
        """The key of a page from its source path and everything MkDocs and the plugin make it from."""
        digest = hashlib.sha256(f"{self.salt}\0{source_path}\0".encode())
        digest.update(text.encode("utf-8", "surrogatepass"))
        self.used.add(digest.hexdigest())
        return digest.hexdigest()

    def has(self, key: str) -> bool:
        return (self.folder / f"{key}.html").is_file() and (self.folder / f"{key}.json").is_file()

    def html(self, key: str) -> str:
        return (self.folder / f"{key}.html").read_text(encoding="utf-8")

    def anchors(self, key: str) -> tuple[list[str], dict[str, dict[str, str]]]:
        """The ids in the page, and its links to anchors by target page source path (anchor -> the link as written)."""
        data = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
        return data["anchors"], data["links"]

    def put(self, key: str, html: str, anchors: list[str], links: dict[str, dict[str, str]]) -> None:
        """Each file written beside and renamed into place, the page first; a cache that cannot be written only costs time."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for name, text in ((f"{key}.html", html), (f"{key}.json", json.dumps({"anchors": anchors, "links": links}, sort_keys=True))):
                staging = self.folder / f".{name}.{os.getpid()}"
                staging.write_text(text, encoding="utf-8")
                os.replace(staging, self.folder / name)
        except OSError:
            pass

    def prune(self) -> None:
        """Only the entries this build used stay, and the folders of the last few other salts."""
        for path in sorted(self.folder.iterdir()) if self.folder.is_dir() else []:
            if path.stem not in self.used and path.suffix in (".html", ".json"):
                path.unlink(missing_ok=True)
        others = [f for f in self.root.iterdir() if f.is_dir() and f != self.folder] if self.root.is_dir() else []
        for folder in sorted(others, key=lambda f: (f.stat().st_mtime, f.name), reverse=True)[OTHER_SALTS_KEPT:]:
            shutil.rmtree(folder, ignore_errors=True)
