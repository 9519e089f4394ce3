"""File sizes beside every download: each link in a page's content to a file of the site that is not a page gets
its size, read from the built file itself as the page is written (the dataset, the sources and the archives are in
the site by then: MkDocs copies every file before it writes the pages). The same files give the same sizes, so the
pages stay the same from build to build.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

LINK_START = re.compile(r'<a\b[^>]*?\shref="([^"]+)"[^>]*>')


def dutch_size(size: int) -> str:
    """A file size as a Dutch reader writes it: decimal comma, kB and MB of 1000.

    >>> dutch_size(812), dutch_size(45_600), dutch_size(1_234_567), dutch_size(23_456_789)
    ('812 bytes', '46 kB', '1,2 MB', '23 MB')
    """
    for unit, factor in (("MB", 1_000_000), ("kB", 1_000)):
        if size >= factor:
            value = size / factor
            shown = f"{value:.1f}".replace(".", ",") if value < 10 else str(round(value))
            return f"{shown} {unit}"
    return f"{size} bytes"


class FileSizes:
    """The sizes of a site's files, each read once per build."""

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir.resolve()
        self.known: dict[str, int | None] = {}  # by the link's path from the site's root

    def size_of(self, page_url: str, href: str) -> int | None:
        """The size of the site's file a link on the page at ``page_url`` opens; None for a page, an anchor or
        another host."""
        if href.endswith("/") or "#" in href or "?" in href or href.endswith(".html"):
            return None  # a page or an anchor: most links, told apart without parsing them
        target = urlsplit(urljoin("/" + page_url, html.unescape(href)))
        if target.scheme or target.netloc or target.fragment or target.query:
            return None
        path = unquote(target.path)
        if path.endswith("/") or path.endswith(".html"):
            return None
        if path not in self.known:  # the same few files are linked from thousands of pages: resolved once each
            file = (self.site_dir / path.lstrip("/")).resolve()
            inside = file.is_relative_to(self.site_dir) and file.is_file()
            self.known[path] = file.stat().st_size if inside else None
        return self.known[path]

    def add_to(self, output: str, page_url: str) -> str:
        """The page with ``(1,2 MB)`` after each link in its content (its first ``<article>``) to a file of the
        site."""
        start = output.find("<article")
        end = output.find("</article>", start)
        if start < 0 or end < 0:
            return output
        pieces, position = [output[:start]], start
        for link in LINK_START.finditer(output, start, end):
            size = self.size_of(page_url, link.group(1))
            closing = output.find("</a>", link.end(), end)
            if size is None or closing < 0:
                continue
            closing += len("</a>")
            pieces += [output[position:closing], f'<span class="svdu-size"> ({dutch_size(size)})</span>']
            position = closing
        return "".join([*pieces, output[position:]])
