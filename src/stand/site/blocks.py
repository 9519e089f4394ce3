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
PLACEHOLDER = re.compile(r"<!-- stand-block (\d+) -->")
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


def whole_elements(chunk: str) -> bool:
    """Whether a paragraph of Markdown is block-level HTML elements alone, one after another on lines of their own,
    which Markdown passes through unchanged.

    >>> (whole_elements('<p class="a">x <b>y</b></p>'), whole_elements("<div>a</div>\\n<nav>b</nav>"),
    ...  whole_elements("<pre>x</pre>"))
    (True, True, False)
    >>> whole_elements("<p>a</p><p>b</p>"), whole_elements("<div><!-- x --></div>"), whole_elements("Tekst <p>a</p>")
    (False, False, False)
    """
    if "<!--" in chunk or "markdown=" in chunk:
        return False
    position = 0
    while (start := BLOCK_START.match(chunk, position)) is not None:
        depth = 0
        for tag in re.compile(rf"<(/?){start[1]}[\s>]").finditer(chunk, position):
            depth += -1 if tag[1] else 1
            if depth == 0:
                break
        if depth != 0 or not chunk.startswith(f"</{start[1]}>", tag.start()):
            return False
        position = tag.end()
        if position == len(chunk):
            return True
        if chunk[position] != "\n":
            return False
        position += 1
    return False


def cut_blocks(markdown: str, blocks: tuple[Block, ...] = ()) -> tuple[str, tuple[Block, ...]]:
    """The Markdown with each paragraph of whole HTML elements (see :func:`whole_elements`) swapped for the
    placeholder of a new block, numbered after ``blocks``; and all the blocks."""
    found = list(blocks)
    chunks = markdown.split("\n\n")
    for index, chunk in enumerate(chunks):
        element = chunk.strip("\n")  # more blank lines than one are still one paragraph break
        if whole_elements(element):
            block = Block(len(found), (element,))
            found.append(block)
            chunks[index] = chunk.replace(element, block.placeholder)
    return "\n\n".join(chunks), tuple(found)


def with_blocks(html: str, blocks: tuple[Block, ...]) -> str:
    """A finished page with each placeholder replaced by its block; each must be there exactly once.

    >>> with_blocks("<p>a</p><!-- stand-block 0 --><p>b</p>", (Block(0, ("<ol></ol>",)),))
    '<p>a</p><ol></ol><p>b</p>'
    """
    by_number = {block.number: block for block in blocks}
    seen = dict.fromkeys(by_number, 0)

    def block_html(found: re.Match) -> str:
        number = int(found[1])
        if number not in by_number:
            return found[0]
        seen[number] += 1
        return by_number[number].html()

    html = PLACEHOLDER.sub(block_html, html) if blocks else html  # one pass over the page, not one per block
    for number, times in seen.items():
        if times != 1:
            raise ValueError(f"the page holds {times} placeholders of block {number}, not 1")
    return html
