"""HTML that skips Markdown: a page's raw HTML put into the page after MkDocs converted the rest.

Python-Markdown and MkDocs each parse a page's raw HTML in pure Python, and nearly all of a
generated page is raw HTML (paragraphs, tables, the comparison's rows). So every top-level HTML
element that Markdown would pass through as it is becomes a block: the page carries only a
placeholder, and the plugin swaps it for the block as it writes the page
(:meth:`stand.site.plugin.StandPlugin.on_post_page`). The tracker's items, each on up to 16 filter
pages, are rendered once, their links relative to a marker instead of to one page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

# Where a portable block's links start. Autoescaping turns every "&" from the data into "&amp;", so this
# marker in rendered HTML can only have come from View.href (see render.View, built with this base).
PORTABLE_BASE = Markup("&base;")
# An HTML block Markdown passes through: a block-level element at the start of a paragraph.
BLOCK_START = re.compile(r"<(p|div|ul|ol|dl|table|blockquote|details|nav|section|figure|h[1-6])[\s>]")


@dataclass(frozen=True)
class Block:
    """A run of HTML shown where its placeholder stands, its links made relative to the page (``base``)."""

    number: int  # the block's place among its page's blocks
    parts: tuple[str, ...]  # HTML; in a portable block, links start with PORTABLE_BASE
    base: str = ""  # from the page to the site root, e.g. "../../", for a portable block

    @property
    def placeholder(self) -> Markup:
        """An HTML comment on a line of its own: Markdown passes it through as it is.

        >>> str(Block(0, ("<b>",)).placeholder)
        '<!-- stand-block 0 -->'
        """
        return Markup(f"<!-- stand-block {self.number} -->")

    def html(self) -> str:
        """
        >>> Block(0, ('<a href="&base;x/">&amp;base;</a>',), "../").html()
        '<a href="../x/">&amp;base;</a>'
        """
        html = "".join(self.parts)
        return html.replace(PORTABLE_BASE, self.base) if self.base else html


def whole_element(chunk: str) -> bool:
    """Whether a paragraph of Markdown is one block-level HTML element, which Markdown passes through unchanged.

    >>> whole_element('<p class="a">x <b>y</b></p>'), whole_element("<p>a</p><p>b</p>"), whole_element("<pre>x</pre>")
    (True, False, False)
    >>> whole_element("<div><div>a</div>\\n</div>"), whole_element("<div><!-- x --></div>"), whole_element("Tekst <p>a</p>")
    (True, False, False)
    """
    start = BLOCK_START.match(chunk)
    if start is None or "<!--" in chunk or "markdown=" in chunk or not chunk.endswith(f"</{start[1]}>"):
        return False
    depth = 0
    for tag in re.finditer(rf"<(/?){start[1]}[\s>]", chunk):
        depth += -1 if tag[1] else 1
        if depth == 0:
            return tag.end() == len(chunk)
    return False


def cut_blocks(markdown: str, blocks: tuple[Block, ...] = ()) -> tuple[str, tuple[Block, ...]]:
    """The Markdown with each whole HTML element (see :func:`whole_element`) swapped for the placeholder of a new
    block, numbered after ``blocks``; and all the blocks."""
    found = list(blocks)
    chunks = markdown.split("\n\n")
    for index, chunk in enumerate(chunks):
        if whole_element(chunk):
            block = Block(len(found), (chunk,))
            found.append(block)
            chunks[index] = block.placeholder
    return "\n\n".join(chunks), tuple(found)


def with_blocks(html: str, blocks: tuple[Block, ...]) -> str:
    """A finished page with each placeholder replaced by its block; each must be there exactly once.

    >>> with_blocks("<p>a</p><!-- stand-block 0 --><p>b</p>", (Block(0, ("<ol></ol>",)),))
    '<p>a</p><ol></ol><p>b</p>'
    """
    for block in blocks:
        if html.count(block.placeholder) != 1:
            raise ValueError(
                f"the page holds {html.count(block.placeholder)} placeholders of block {block.number}, not 1"
            )
        html = html.replace(block.placeholder, block.html())
    return html
