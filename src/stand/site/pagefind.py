"""Writes the search index into the built site with Pagefind (the npm package pinned in package.json).

Pagefind's Node API takes the records of :mod:`stand.site.search` one by one (``pagefind_index.mjs``
beside this file, reading them from a file) and writes ``pagefind/`` into the site: a small entry file, the WebAssembly
search engine, and the index split into chunks and one fragment per record, so a query downloads
only the chunks of its words and the fragments of the results it shows. Nothing is fetched from
the network: the binary comes with the npm package (``@pagefind/linux-x64`` and its siblings).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from .work_folders import ending_with_parent, work_folder

SCRIPT = Path(__file__).with_name("pagefind_index.mjs")
BUNDLE = "pagefind"  # the folder in the site
# Pagefind's ready-made interfaces and the engine for pages without a language: the site has its
# own search page (docs/assets/search.js) and every record is Dutch, so these are never loaded.
UNUSED = (
    "pagefind-component-ui.css",
    "pagefind-component-ui.js",
    "pagefind-highlight.js",
    "pagefind-modular-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-ui.css",
    "pagefind-ui.js",
    "wasm.unknown.pagefind",
)


class SearchIndexError(Exception):
    """The index could not be written; the message says what to do."""


def pagefind_package(root: Path) -> Path:
    """The installed npm package: in the project's node_modules, or in that of this source checkout."""
    for folder in (root, *Path(__file__).resolve().parents):
        package = folder / "node_modules" / "pagefind"
        if (package / "lib" / "index.js").is_file():
            return package
    raise SearchIndexError("Pagefind is not installed: run `npm ci` in the project folder (package.json pins it)")


class IndexJob:
    """Pagefind indexing ``records`` in a process of its own, while MkDocs writes the pages.

    The index takes seconds at 200 reports; it needs only the records, not the pages, so it
    runs on the second core and :meth:`finish` puts it into the site once MkDocs is done.
    """

    def __init__(self, records: list[dict], root: Path) -> None:
        node = shutil.which("node")
        if node is None:
            raise SearchIndexError("Node.js is needed to build the search index (Pagefind): install Node.js 20 or later")
        package = pagefind_package(root)
        self.folder = work_folder(root, "pagefind")
        (self.folder / "records.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
        self.log = open(self.folder / "log.txt", "w+", encoding="utf-8")  # noqa: SIM115 -- read in finish(), closed in discard()
        command = [node, str(SCRIPT), str(package), str(self.folder / BUNDLE), str(self.folder / "records.json")]
        self.process = subprocess.Popen(ending_with_parent(command), stdout=self.log, stderr=subprocess.STDOUT)

    def finish(self, site_dir: Path) -> Path:
        """Wait for Pagefind and replace ``site_dir/pagefind/`` with its index; return that folder."""
        if self.process.wait() != 0:
            self.log.seek(0)
            raise SearchIndexError(f"Pagefind failed: {self.log.read().strip()}")
        bundle = site_dir / BUNDLE
        shutil.rmtree(bundle, ignore_errors=True)
        shutil.move(self.folder / BUNDLE, bundle)
        for name in UNUSED:
            (bundle / name).unlink(missing_ok=True)
        return bundle

    def discard(self) -> None:
        """After the build (or its failure): Pagefind stopped and its folder gone."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self.log.close()
        shutil.rmtree(self.folder, ignore_errors=True)
