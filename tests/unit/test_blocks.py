"""Blocks skip Markdown only where Markdown would have passed the HTML through as it is."""

from __future__ import annotations

import markdown
import pytest
from mkdocs.config import load_config

from conftest import ROOT
from stand.publish.corpus import Corpus
from stand.site.blocks import Block, cut_blocks, with_blocks
from stand.site.pages import all_pages


def site_markdown() -> markdown.Markdown:
    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)


def test_every_cut_block_is_html_markdown_leaves_as_it_is():
    """Each block of every page of the real site, converted alone with the site's Markdown extensions, stays itself."""
    converter = site_markdown()
    changed = []
    for page in all_pages(Corpus.load(ROOT / "data"), "https://example.org/"):
        for block in page.blocks[1:] if page.path.startswith("oproepen/") else page.blocks:
            html = block.html()
            if converter.reset().convert(html) != html:
                changed.append(f"{page.path}: {html[:80]}")
    assert changed == []


def test_elements_on_lines_of_their_own_are_one_block_markdown_leaves_as_it_is():
    """A list's table and its pager (on a second page of a list, which the real site does not have)."""
    html = '<div class="t"><table><tr><td>a</td></tr></table></div>\n<nav class="p"><p>Pagina 1 van 2</p></nav>'
    markdown_text, blocks = cut_blocks(f"# Kop\n\n{html}\n")
    assert markdown_text == "# Kop\n\n<!-- stand-block 0 -->\n" and blocks[0].html() == html
    assert site_markdown().convert(html) == html


def test_text_around_html_stays_markdown():
    markdown_text, blocks = cut_blocks("# Kop\n\n<p>a</p>\n\nTekst <b>vet</b>\n\n<p>b</p><p>c</p>")
    assert markdown_text == "# Kop\n\n<!-- stand-block 0 -->\n\nTekst <b>vet</b>\n\n<p>b</p><p>c</p>"
    assert [b.html() for b in blocks] == ["<p>a</p>"]


def test_each_placeholder_is_replaced_by_its_block_once_and_a_missing_or_repeated_one_stops_the_page():
    blocks = (Block(0, ("<ol></ol>",)), Block(1, ('<a href="&base;x/">x</a>',), "../"))
    page = "<p>a</p><!-- stand-block 1 --><!-- stand-block 0 --><!-- stand-block 7 -->"
    assert with_blocks(page, blocks) == '<p>a</p><a href="../x/">x</a><ol></ol><!-- stand-block 7 -->'
    for broken, times in (("<!-- stand-block 0 -->", 0), (page + "<!-- stand-block 1 -->", 2)):
        with pytest.raises(ValueError, match=f"holds {times} placeholders of block 1"):
            with_blocks(broken, blocks)
