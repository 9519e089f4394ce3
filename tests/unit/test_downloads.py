"""The size beside each download link: links in the page's content to the site's own files, nothing else."""

from __future__ import annotations

from stand.site.downloads import FileSizes


def test_a_download_in_the_content_gets_its_size_and_pages_anchors_other_hosts_and_the_menu_do_not(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "tabel.csv").write_bytes(b"x" * 45_600)
    (tmp_path / "bron.txt").write_bytes(b"y" * 812)
    page = (
        '<nav><a href="../data/tabel.csv">menu</a></nav><article class="md-content__inner">'
        '<a class="k" href="../data/tabel.csv">CSV</a>, <a href="../bron.txt" title="t">bron</a>, '
        '<a href="../rapporten/">pagina</a>, <a href="#kop">kop</a>, <a href="https://example.org/x.csv">elders</a>, '
        '<a href="../ontbreekt.csv">weg</a></article><footer><a href="../bron.txt">voet</a></footer>'
    )
    sized = FileSizes(tmp_path).add_to(page, "over/")
    assert sized == page.replace(">CSV</a>", '>CSV</a><span class="svdu-size"> (46 kB)</span>').replace(
        ">bron</a>", '>bron</a><span class="svdu-size"> (812 bytes)</span>'
    )
    assert FileSizes(tmp_path).add_to("<p>geen inhoud</p>", "over/") == "<p>geen inhoud</p>"
