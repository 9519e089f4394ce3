"""The genre at scale: extraction, build, rebuild, page weight and the PDF path on N synthetic reports.

Every figure is printed beside its goal (issue 14), and build times also as a
ratio to an anchor measured in the same run on the same machine: MkDocs
building the same number of plain Markdown pages with the same theme. The
corpus comes from ``benchmark_corpus.py``; each step runs as its own process,
so its time and peak memory are its own.
"""

from __future__ import annotations

import gzip
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml
from benchmark_corpus import plan, write_corpus

STAND = Path(sys.executable).with_name("stand")
PAGE_LIMIT = 60_000  # bytes of gzipped HTML per page
Line = Callable[..., None]  # report_line(label, value, goal, met)


def measured(command: list[str], cwd: Path) -> tuple[float, float]:
    """Seconds and peak memory (MB: the largest of the process and the children it waited for) of one command."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors, env={**os.environ, "SITE_URL": "http://127.0.0.1:8000/"})
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"{' '.join(command)} failed:\n{errors.read().decode()[-3000:]}")
    return seconds, usage.ru_maxrss / 1024


def extract(project: Path, *options: str) -> tuple[float, float]:
    return measured([str(STAND), "--root", str(project), "extract", *options], project)


def build(project: Path, site: Path) -> tuple[float, float]:
    return measured([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(project / "mkdocs.yml"), "-d", str(site)], project)


def anchor_project(target: Path, pages: int) -> Path:
    """A plain MkDocs project (same theme, search on) with ``pages`` Markdown pages of report-like prose."""
    paragraph = " ".join((Path(__file__).resolve().parent.parent / "data/sources/logius-2023.txt").read_text(encoding="utf-8").split()[:120])
    docs = target / "docs"
    for number in range(pages):
        page = docs / f"p{number // 100}" / f"{number}.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f"# Pagina {number}\n\n" + "\n\n".join(f"## Deel {k}\n\n{paragraph}" for k in range(4)) + "\n", encoding="utf-8")
    config = {"site_name": "Anker", "theme": {"name": "material", "language": "nl", "font": False}, "plugins": [{"search": {"lang": "nl"}}]}
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return target


def page_weights(site: Path) -> list[int]:
    return sorted(len(gzip.compress(p.read_bytes(), 6)) for p in site.rglob("*.html"))


def whole_index(site: Path, line: Line) -> None:
    """The search download per query where no search figure is handed in: Material's lunr index, downloaded whole."""
    index = site / "search" / "search_index.json"
    if index.is_file():
        size = len(gzip.compress(index.read_bytes(), 6))
        line("  search download per query (whole index)", f"{size / 1024:,.0f} KiB", "< 300 KiB", size < 300 * 1024)


def changed_one_report(project: Path, report_id: str) -> None:
    """An edit a maintainer might make: one sentence of one source changes."""
    source = project / "data" / "sources" / f"{report_id}.txt"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("gaat goed.", "gaat al jaren goed.", 1) if "gaat goed." in text else text + "\nEen zin erbij.\n", encoding="utf-8")


def text_figures(count: int, folder: Path, line: Line, search: Callable[[Path], None] | None = None) -> None:
    """Extraction, build, one-report rebuild, memory and page weight for ``count`` reports as text."""
    project = folder / f"text-{count}"
    reports = write_corpus(count, project)
    print(f"\n== {count} reports ({len({r.organisation_id for r in reports})} organisations), text exports ==")
    seconds, peak = extract(project)
    line("  extract, cold", f"{seconds:.1f} s", "< 20 s at 200", seconds < 20 * count / 200 or seconds < 20)
    line("  extract, cold: peak memory", f"{peak:.0f} MB")
    seconds, _ = extract(project)
    line("  extract, nothing changed", f"{seconds:.2f} s", "< 2 s", seconds < 2)
    seconds, _ = extract(project, "--check")
    line("  extract --check, nothing changed", f"{seconds:.2f} s", "< 2 s", seconds < 2)
    cold, peak = build(project, folder / f"site-{count}")
    pages = page_weights(folder / f"site-{count}")
    anchor, _ = build(anchor_project(folder / f"anchor-{count}", len(pages)), folder / f"anchor-site-{count}")
    line(f"  mkdocs build, cold ({len(pages)} pages)", f"{cold:.1f} s", "< 60 s", cold < 60)
    line(f"  anchor: plain MkDocs, {len(pages)} pages", f"{anchor:.1f} s", f"ratio {cold / anchor:.1f}x")
    line("  mkdocs build: peak memory", f"{peak:.0f} MB", "< 500 MB", peak < 500)
    changed_one_report(project, reports[-1].id)
    seconds_extract, _ = extract(project)
    seconds_build, _ = build(project, folder / f"site-{count}")
    total = seconds_extract + seconds_build
    line("  one report changed: extract + build", f"{seconds_extract:.1f} + {seconds_build:.1f} s", "< 30 s in all", total < 30)
    line("  page weight, gzipped HTML: median", f"{statistics.median(pages) / 1000:.1f} KB", "< 60 KB")
    line("  page weight, gzipped HTML: p90", f"{pages[int(0.9 * (len(pages) - 1))] / 1000:.1f} KB", "< 60 KB")
    line("  page weight, gzipped HTML: max", f"{pages[-1] / 1000:.1f} KB", "< 60 KB", pages[-1] < PAGE_LIMIT)
    over = sum(1 for size in pages if size > PAGE_LIMIT)
    line("  pages over 60 KB gzipped", f"{over}", "0", over == 0)
    if search:  # the hook: what a page view and a first query download, for a built site folder
        search(folder / f"site-{count}")
    else:
        whole_index(folder / f"site-{count}", line)
    dataset = sum(p.stat().st_size for p in (folder / f"site-{count}" / "data").rglob("*") if p.is_file())
    line("  dataset (site /data/)", f"{dataset / 1e6:.1f} MB")


def pdf_figures(count: int, folder: Path, line: Line) -> None:
    """The PDF path on the whole corpus typeset as PDFs: ms per page and peak memory of a cold extraction."""
    project = folder / f"pdf-{count}"
    start = time.perf_counter()
    write_corpus(count, project, pdf=True)
    made = time.perf_counter() - start
    print(f"\n== {count} reports as PDFs (typeset in {made:.0f} s) ==")
    seconds, peak = extract(project)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    pages = sum(yaml.load(p.read_text(encoding="utf-8"), Loader=loader)["source"]["pages"] for p in (project / "data/reports").glob("*.yaml"))  # noqa: S506
    line(f"  extract, cold ({pages:,} PDF pages)", f"{seconds:.1f} s")
    line("  PDF path per page", f"{1000 * seconds / pages:.1f} ms", "< 50 ms", 1000 * seconds / pages < 50)
    line("  PDF path: peak memory", f"{peak:.0f} MB", "flat in N")


def scale_figures(sizes: list[int], pdf_sizes: list[int], folder: Path, line: Line, search: Callable[[Path], None] | None = None) -> None:
    """Every size as text, then as PDFs; ``search`` prints the search figures of a built site (scripts/benchmark.py)."""
    for count in sizes:
        text_figures(count, folder, line, search)
    for count in pdf_sizes:
        pdf_figures(count, folder, line)
    print(f"\n(corpus: {', '.join(str(len(plan(n))) for n in sizes)} reports; {os.cpu_count()} cores)")
