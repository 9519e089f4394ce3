"""Writes the search index into the built site with Pagefind (the npm package pinned in package.json).

Pagefind's Node API takes the records of :mod:`stand.site.search` one by one (``pagefind_index.mjs``
beside this file, reading them from its standard input, one JSON line each) and writes ``pagefind/``
into the site: a small entry file, the WebAssembly search engine, and the index split into chunks and
one fragment per record, so a query downloads only the chunks of its words and the fragments of the
results it shows. Nothing is fetched from the network: the binary comes with the npm package
(``@pagefind/linux-x64`` and its siblings).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

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


class SearchIndex:
    """Pagefind indexing the records in a process of its own, straight into ``site_dir/pagefind/``, while MkDocs
    writes the pages: at 200 reports it takes 9 s, which the second core does beside the build.

    The records go to Pagefind as a file of JSON lines on its standard input: written in well under a second
    and never in memory all at once.
    """

    def __init__(self, records: Iterable[dict], root: Path, site_dir: Path) -> None:
        node = shutil.which("node")
        if node is None:
            raise SearchIndexError(
                "Node.js is needed to build the search index (Pagefind): install Node.js 20 or later"
            )
        self.bundle = site_dir / BUNDLE
        shutil.rmtree(self.bundle, ignore_errors=True)
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 -- read in finish(), closed in discard()
        with tempfile.TemporaryFile() as lines:
            for record in records:
                lines.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
            lines.seek(0)
            command = [node, str(SCRIPT), str(pagefind_package(root)), str(self.bundle)]
            self.process = subprocess.Popen(command, stdin=lines, stdout=self.log, stderr=subprocess.STDOUT)

    def finish(self) -> None:
        """Wait for Pagefind; then drop the files the site never loads."""
        if self.process.wait() != 0:
            self.log.seek(0)
            raise SearchIndexError(f"Pagefind failed: {self.log.read().decode('utf-8', 'replace').strip()}")
        for name in UNUSED:
            (self.bundle / name).unlink(missing_ok=True)

    def discard(self) -> None:
        """After the build, or its failure: Pagefind stopped."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self.log.close()
