"""The generated pages of one build: which are finished already, and how the others are finished and kept.

A page whose key (its front matter, its Markdown with its blocks, and the build's salt) names an
entry of the page cache is finished: MkDocs reads only its front matter, renders the empty
template :data:`FINISHED_TEMPLATE`, and the plugin writes the kept page instead. Every other page
is converted as always; the plugin puts its blocks in (:mod:`stand.site.blocks`) and keeps it.
Either way MkDocs' anchor validation knows the page as if it had converted all of it. A page
that made MkDocs warn while it was converted is not kept: a kept page would not warn again, and a
``--strict`` build must keep failing until the cause is gone.
"""

from __future__ import annotations

import logging

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page as MkDocsPage

from .blocks import Block, with_blocks
from .page_cache import PageCache
from .pages import Page

FINISHED_TEMPLATE = "stand-finished.html"


class WarningCount(logging.Handler):
    """How many warnings MkDocs has logged so far."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class GeneratedPages:
    """One build's generated pages: kept ones by key, fresh ones with their blocks, and which of them warned."""

    def __init__(self, cache: PageCache) -> None:
        self.cache = cache
        self.finished: dict[str, str] = {}  # source path -> key of its kept page
        self.fresh: dict[str, tuple[str, tuple[Block, ...]]] = {}  # source path -> key and blocks of a page to convert
        self.warnings = WarningCount()
        self.warned: set[str] = set()  # pages that made MkDocs warn while converted: never kept
        self.warnings_before = 0

    def listen(self, on: bool) -> None:
        """Count MkDocs' warnings during this build (on), or stop counting."""
        logger = logging.getLogger("mkdocs")
        if on:
            logger.addHandler(self.warnings)
        else:
            logger.removeHandler(self.warnings)

    def converting(self, page: MkDocsPage) -> None:
        self.warnings_before = self.warnings.count

    def source(self, page: Page) -> str:
        """What MkDocs reads of a page: its front matter alone when it is kept, else all of it."""
        key = self.cache.key(page.path, page.front_matter + page.text())
        if self.cache.has(key):
            self.finished[page.path] = key
            return page.front_matter
        self.fresh[page.path] = (key, page.blocks)
        return page.source()

    def converted(self, page: MkDocsPage, files: Files) -> None:
        """After Markdown conversion: a kept page gets the anchors and links it had, a fresh one the ids in its blocks."""
        name = page.file.src_uri
        if self.warnings.count > self.warnings_before:
            self.warned.add(name)
        if name in self.finished:
            anchors, links = self.cache.anchors(self.finished[name])
            page.present_anchor_ids = set(anchors)
            page.links_to_anchors = {target: own for path, own in links.items() if (target := files.get_file_from_path(path))}
        elif name in self.fresh:
            for block in self.fresh[name][1]:
                page.present_anchor_ids = (page.present_anchor_ids or set()) | set(block.anchors)
            page.markdown = None  # converted: the Markdown of 2,900 pages need not stay in memory until they are written

    def finished_html(self, name: str) -> str:
        return self.cache.html(self.finished[name])

    def with_blocks(self, name: str, output: str) -> str:
        return with_blocks(output, self.fresh[name][1]) if name in self.fresh else output

    def keep(self, page: MkDocsPage, html: str) -> None:
        """A fresh page as written, for the next build."""
        name = page.file.src_uri
        if name in self.fresh and name not in self.warned:
            links = {target.src_uri: dict(own) for target, own in (page.links_to_anchors or {}).items()}
            self.cache.put(self.fresh[name][0], html, sorted(page.present_anchor_ids or ()), links)
