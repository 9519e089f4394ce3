"""HTML that skips Markdown: long runs of markup rendered once, put into the page after MkDocs converted it.

Python-Markdown and MkDocs each parse a page's raw HTML in pure Python, and at
200 reports the tracker's item lists are two thirds of all generated Markdown,
each item on up to 16 filter pages. So an item is rendered once, its links
relative to a marker instead of to one page, and a page carries only a
placeholder that the plugin swaps for the block as it writes the page
(:meth:`stand.site.plugin.StandPlugin.on_post_page`).
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

# Where a block's links start. Autoescaping turns every "&" from the data into "&amp;", so this
# marker in rendered HTML can only have come from View.href (see render.View, built with this base).
PORTABLE_BASE = Markup("&base;")


@dataclass(frozen=True)
class Block:
    """A run of HTML shown where its placeholder stands, its links made relative to the page (``base``)."""

    number: int  # the block's place among its page's blocks
    parts: tuple[str, ...]  # portable HTML: links start with PORTABLE_BASE
    base: str  # from the page to the site root, e.g. "../../"
    anchors: tuple[str, ...]  # the ids inside, for MkDocs' anchor validation

    @property
    def placeholder(self) -> Markup:
        """An HTML comment on a line of its own: Markdown passes it through as it is.

        >>> str(Block(0, ("<b>",), "", ()).placeholder)
        '<!-- stand-block 0 -->'
        """
        return Markup(f"<!-- stand-block {self.number} -->")

    def html(self) -> str:
        """
        >>> Block(0, ('<a href="&base;x/">&amp;base;</a>',), "../", ()).html()
        '<a href="../x/">&amp;base;</a>'
        """
        return "".join(self.parts).replace(PORTABLE_BASE, self.base)


def with_blocks(html: str, blocks: tuple[Block, ...]) -> str:
    """A finished page with each placeholder replaced by its block; each must be there exactly once.

    >>> with_blocks("<p>a</p><!-- stand-block 0 --><p>b</p>", (Block(0, ("<ol></ol>",), "", ()),))
    '<p>a</p><ol></ol><p>b</p>'
    """
    for block in blocks:
        if html.count(block.placeholder) != 1:
            raise ValueError(
                f"the page holds {html.count(block.placeholder)} placeholders of block {block.number}, not 1"
            )
        html = html.replace(block.placeholder, block.html())
    return html
