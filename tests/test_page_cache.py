"""Finished pages kept between builds (stand.site.page_cache): a build that reuses them writes the same site as one that does not.

Real strict builds of a copy of the project: cold, again, then after one changed sentence in a
report, compared byte for byte with a cold build of the same data.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import build_site, copy_site_project, extract
from stand.site.generated import GeneratedPages
from stand.site.page_cache import PageCache
from stand.site.pages import Page

CHANGED_FROM = "We moeten heel bewust met"
CHANGED_TO = "We moeten zeer bewust met"


def site_files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def built(project: Path, site_dir: Path, *options: str) -> dict[str, bytes]:
    result = build_site(project, site_dir, options=options)
    assert result.returncode == 0, result.stderr
    return site_files(site_dir)


def warm_and_cold(project: Path, folder: Path, *options: str) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The project built with its kept pages, then again with none."""
    warm = built(project, folder / "warm", *options)
    shutil.rmtree(project / ".cache" / "pages")
    return warm, built(project, folder / "cold", *options)


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict:
    """The same project built cold, again from its kept pages (one entry marked), and after a changed sentence."""
    folder = tmp_path_factory.mktemp("kept")
    project = copy_site_project(folder / "project")
    cache = project / ".cache" / "pages"
    cold = built(project, folder / "cold")
    entries = sorted(cache.rglob("*.html"))
    marked = next(p for p in entries if "Stand van de uitvoering 2022" in p.read_text(encoding="utf-8") and 'id="om-digid' in p.read_text(encoding="utf-8"))
    original = marked.read_text(encoding="utf-8")
    marked.write_text(original.replace("</article>", "<p>uit de bewaarde pagina</p></article>", 1), encoding="utf-8")
    marked_build = built(project, folder / "marked")
    marked.write_text(original, encoding="utf-8")
    again = built(project, folder / "again")
    source = project / "data" / "sources" / "logius-2023.txt"
    text = source.read_text(encoding="utf-8")
    assert text.count(CHANGED_FROM) == 1
    source.write_text(text.replace(CHANGED_FROM, CHANGED_TO), encoding="utf-8")
    assert extract(project) == 0
    changed = built(project, folder / "changed")
    kept_after_change = len(list(cache.rglob("*.html")))
    shutil.rmtree(cache)
    changed_cold = built(project, folder / "changed-cold")
    return {
        "cold": cold,
        "entries": len(entries),
        "marked": marked_build,
        "again": again,
        "changed": changed,
        "kept_after_change": kept_after_change,
        "changed_cold": changed_cold,
    }


def test_every_generated_page_is_kept_and_a_kept_page_is_what_the_next_build_writes(builds):
    generated = [name for name, content in builds["cold"].items() if name.endswith(".html") and b"svdu-breadcrumbs" in content]
    assert builds["entries"] >= len(generated) > 200  # every report, theme, example, topic and tracker page
    differing = [name for name in builds["cold"] if builds["marked"][name] != builds["cold"][name]]
    assert differing == ["logius/2022/index.html"]
    assert b"<p>uit de bewaarde pagina</p></article>" in builds["marked"]["logius/2022/index.html"]


def test_a_build_from_kept_pages_writes_the_same_site(builds):
    assert builds["again"] == builds["cold"]


def test_after_a_changed_sentence_kept_pages_give_the_site_a_cold_build_gives(builds):
    changed, cold = builds["changed"], builds["cold"]
    assert changed == builds["changed_cold"]
    assert CHANGED_TO.encode() in changed["logius/2023/index.html"] and CHANGED_FROM.encode() in cold["logius/2023/index.html"]
    # A page whose own text did not change was kept, and still shows the new data version in its footer.
    version = changed["logius/2022/index.html"].split(b'class="svdu-footer__version">')[1].split(b"<")[0]
    assert version != cold["logius/2022/index.html"].split(b'class="svdu-footer__version">')[1].split(b"<")[0]
    assert version.startswith(b"Data: versie 1.0.1-dev+")
    assert builds["kept_after_change"] == builds["entries"]  # entries no build uses are removed


def test_a_build_keeps_the_pages_it_used_and_the_folders_of_two_other_salts(tmp_path):
    root = tmp_path / "pages"
    for number, salt in enumerate(("a" * 64, "b" * 64, "c" * 64)):
        other = PageCache(root, salt)
        other.put(other.key("x/index.md", "x"), "<p>x</p>", [], {})
        os.utime(other.folder, (1_000_000 + number, 1_000_000 + number))  # a before b before c
    last = PageCache(root, "d" * 64)
    for text in ("kept", "gone"):
        last.put(last.key("y/index.md", text), f"<p>{text}</p>", ["y"], {"z/index.md": {"top": "../z/#top"}})
    this = PageCache(root, "d" * 64)
    kept = this.key("y/index.md", "kept")
    this.prune()
    assert sorted(p.name for p in root.iterdir()) == ["b" * 16, "c" * 16, "d" * 16]
    assert sorted(p.name for p in this.folder.iterdir()) == [f"{kept}.html", f"{kept}.json"]
    assert this.html(kept) == "<p>kept</p>" and this.anchors(kept) == (["y"], {"z/index.md": {"top": "../z/#top"}})


def test_what_changes_pages_outside_their_markdown_is_in_the_key(tmp_path):
    """A command-line option, and the title of a page the navigation names without one, change every page."""
    project = copy_site_project(tmp_path / "project")
    plain = built(project, tmp_path / "plain")
    warm, cold = warm_and_cold(project, tmp_path / "files", "--no-directory-urls")
    assert warm == cold and warm["logius/2022/index.html"] != plain["logius/2022/index.html"]
    assert b'href="../../index.html"' in warm["logius/2022/index.html"]
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - Data: data/index.md\n", "  - data/index.md\n"), encoding="utf-8")
    built(project, tmp_path / "untitled")
    page = project / "docs" / "data" / "index.md"
    text = page.read_text(encoding="utf-8")
    title = text.split("title: ", 1)[1].split("\n", 1)[0]
    page.write_text(text.replace(f"title: {title}", "title: Alles downloaden", 1), encoding="utf-8")
    warm, cold = warm_and_cold(project, tmp_path / "retitled")
    assert warm == cold and b"Alles downloaden" in warm["logius/2022/index.html"]


def test_a_page_that_warned_while_converted_is_not_kept(tmp_path):
    pages = GeneratedPages(PageCache(tmp_path, "s" * 64))
    page = Page("x/index.md", "X", "Over x", "# X\n")
    assert pages.source(page) == page.source()
    converted = SimpleNamespace(file=SimpleNamespace(src_uri="x/index.md"), present_anchor_ids={"x"}, links_to_anchors={}, markdown="# X")
    pages.listen(True)
    try:
        pages.converting(converted)
        logging.getLogger("mkdocs.structure.pages").warning("Doc file 'x/index.md' contains a link that goes nowhere")
        pages.converted(converted, files=None)
    finally:
        pages.listen(False)
    pages.keep(converted, "<p>X</p>")
    assert list(tmp_path.rglob("*.html")) == []
    pages.warned.clear()
    pages.keep(converted, "<p>X</p>")
    assert [p.read_text(encoding="utf-8") for p in tmp_path.rglob("*.html")] == ["<p>X</p>"]
