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
from dataclasses import dataclass
from pathlib import Path

import yaml
from benchmark_corpus import plan, write_corpus

STAND = Path(sys.executable).with_name("stand")
PAGE_LIMIT = 60_000  # bytes of gzipped HTML per page
Line = Callable[..., None]  # report_line(label, value, goal, met)


@dataclass(frozen=True)
class Run:
    """One command: wall seconds, CPU seconds (its own and its children's) and peak memory in MB (the largest
    process)."""

    seconds: float
    cpu: float
    peak: float

    def __str__(self) -> str:
        return f"{self.seconds:.1f} s (cpu {self.cpu:.1f})"


def measured(command: list[str], cwd: Path) -> Run:
    """Wall time, CPU time and peak memory of one command: on a shared machine the CPU time says what the wall time
    cannot."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(
            command,
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            stderr=errors,
            env={**os.environ, "SITE_URL": "http://127.0.0.1:8000/"},
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"{' '.join(command)} failed:\n{errors.read().decode()[-3000:]}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def extract(project: Path, *options: str) -> Run:
    return measured([str(STAND), "--root", str(project), "extract", *options], project)


def build(project: Path, site: Path) -> Run:
    return measured(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        project,
    )


def anchor_project(target: Path, pages: int) -> Path:
    """A plain MkDocs project (same theme, a one-entry navigation) with ``pages`` Markdown pages of report-like
    prose."""
    paragraph = " ".join(
        (Path(__file__).resolve().parent.parent / "data/sources/logius-2023.txt")
        .read_text(encoding="utf-8")
        .split()[:120]
    )
    docs = target / "docs"
    for number in range(pages):
        page = docs / f"p{number // 100}" / f"{number}.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(
            f"# Pagina {number}\n\n" + "\n\n".join(f"## Deel {k}\n\n{paragraph}" for k in range(4)) + "\n",
            encoding="utf-8",
        )
    (docs / "index.md").write_text("# Anker\n\n" + paragraph + "\n", encoding="utf-8")
    # A bounded navigation, as the site has: a full navigation of every page would make each page grow with N.
    config = {
        "site_name": "Anker",
        "theme": {"name": "material", "language": "nl", "font": False},
        "plugins": [],  # the site has no MkDocs search plugin either (Pagefind indexes it)
        "nav": [{"Home": "index.md"}],
        "validation": {"nav": {"omitted_files": "ignore"}},
    }
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
    source.write_text(
        text.replace("gaat goed.", "gaat al jaren goed.", 1) if "gaat goed." in text else text + "\nEen zin erbij.\n",
        encoding="utf-8",
    )


def logged(log: Path, text: str, times: int, server: subprocess.Popen, limit: float = 900) -> float:
    """Wait until ``text`` appears ``times`` times in the log of a running server; the moment it did."""
    deadline = time.perf_counter() + limit
    while log.read_text(encoding="utf-8", errors="replace").count(text) < times:
        if time.perf_counter() > deadline or server.poll() is not None:
            raise SystemExit(f"no '{text}' in {log}:\n{log.read_text(encoding='utf-8', errors='replace')[-2000:]}")
        time.sleep(0.1)
    return time.perf_counter()


def serve_reload(project: Path, report_id: str, port: int) -> float:
    """`mkdocs serve` running, one source changes and `stand extract` writes data/: seconds until the browser
    reloads."""
    log = project / "serve.log"
    with open(log, "wb") as out:
        command = [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "-f",
            str(project / "mkdocs.yml"),
            "--dev-addr",
            f"127.0.0.1:{port}",
        ]
        server = subprocess.Popen(command, cwd=project, stdout=out, stderr=subprocess.STDOUT)
        try:
            logged(log, "Serving on", 1, server)
            changed_one_report(project, report_id)
            extract(project)
            start = time.perf_counter()
            return logged(log, "Reloading browsers", 1, server) - start
        finally:
            server.terminate()
            server.wait()


def text_figures(count: int, folder: Path, line: Line, search: Callable[[Path], None] | None = None) -> None:
    """Extraction, build, one-report rebuild, memory and page weight for ``count`` reports as text."""
    project = folder / f"text-{count}"
    reports = write_corpus(count, project)
    print(
        f"\n== {count} reports ({len({r.organisation_id for r in reports})} organisations), text exports; "
        f"load {os.getloadavg()[0]:.1f} =="
    )
    cold = extract(project)
    line("  extract, cold", str(cold), "< 20 s at 200", cold.seconds < 20)
    line("  extract, cold: peak memory", f"{cold.peak:.0f} MB")
    again = extract(project)
    line("  extract, nothing changed", str(again), "< 2 s", again.seconds < 2)
    check = extract(project, "--check")
    line("  extract --check, nothing changed", str(check), "< 2 s", check.seconds < 2)
    site = build(project, folder / f"site-{count}")
    pages = page_weights(folder / f"site-{count}")
    anchor = build(anchor_project(folder / f"anchor-{count}", len(pages)), folder / f"anchor-site-{count}")
    line(f"  mkdocs build, cold ({len(pages)} pages)", str(site), "< 60 s", site.seconds < 60)
    line(f"  anchor: plain MkDocs, {len(pages)} pages", str(anchor))
    ratio = site.seconds / anchor.seconds
    line("  cold build / anchor", f"{ratio:.1f}x (cpu {site.cpu / anchor.cpu:.1f}x)", "<= 4x", ratio <= 4)
    line("  mkdocs build: peak memory", f"{site.peak:.0f} MB", "< 500 MB", site.peak < 500)
    changed_one_report(project, reports[-1].id)
    one, rebuilt = extract(project), build(project, folder / f"site-{count}")
    total = one.seconds + rebuilt.seconds
    line(
        "  one report changed: extract + build",
        f"{one.seconds:.1f} + {rebuilt.seconds:.1f} s",
        "< 30 s in all",
        total < 30,
    )
    ratio = f"{rebuilt.seconds / site.seconds:.2f}x (cpu {rebuilt.cpu / site.cpu:.2f}x)"
    line("  one report changed: build / cold build", ratio, "<= 1x", rebuilt.seconds <= site.seconds)
    line("  one report changed: cpu", f"{one.cpu:.1f} + {rebuilt.cpu:.1f} s")
    line("  page weight, gzipped HTML: median", f"{statistics.median(pages) / 1000:.1f} KB", "< 60 KB")
    line("  page weight, gzipped HTML: p90", f"{pages[int(0.9 * (len(pages) - 1))] / 1000:.1f} KB", "< 60 KB")
    line("  page weight, gzipped HTML: max", f"{pages[-1] / 1000:.1f} KB", "< 60 KB", pages[-1] < PAGE_LIMIT)
    over = sum(1 for size in pages if size > PAGE_LIMIT)
    line("  pages over 60 KB gzipped", f"{over}", "0", over == 0)
    if search:  # the hook: what a page view and a first query download, for a built site folder
        search(folder / f"site-{count}")
    else:
        whole_index(folder / f"site-{count}", line)
    seconds = serve_reload(project, reports[-2].id, 18700 + count % 1000)
    line("  mkdocs serve: data change to reload", f"{seconds:.1f} s", "seconds")
    dataset = sum(p.stat().st_size for p in (folder / f"site-{count}" / "data").rglob("*") if p.is_file())
    line("  dataset (site /data/)", f"{dataset / 1e6:.1f} MB")


def pdf_figures(count: int, folder: Path, line: Line) -> None:
    """The PDF path on the whole corpus typeset as PDFs: ms per page and peak memory of a cold extraction."""
    project = folder / f"pdf-{count}"
    start = time.perf_counter()
    write_corpus(count, project, pdf=True)
    made = time.perf_counter() - start
    print(f"\n== {count} reports as PDFs (typeset in {made:.0f} s); load {os.getloadavg()[0]:.1f} ==")
    run = extract(project)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    pages = sum(
        yaml.load(p.read_text(encoding="utf-8"), Loader=loader)["source"]["pages"]
        for p in (project / "data/reports").glob("*.yaml")
    )  # noqa: S506
    line(f"  extract, cold ({pages:,} PDF pages)", str(run))
    line(
        "  PDF path per page",
        f"{1000 * run.seconds / pages:.1f} ms (cpu {1000 * run.cpu / pages:.1f})",
        "< 50 ms",
        1000 * run.seconds / pages < 50,
    )
    line("  PDF path: peak memory", f"{run.peak:.0f} MB", "flat in N")


def scale_figures(
    sizes: list[int], pdf_sizes: list[int], folder: Path, line: Line, search: Callable[[Path], None] | None = None
) -> None:
    """Every size as text, then as PDFs; ``search`` prints the search figures of a built site (scripts/benchmark.py)."""
    for count in sizes:
        text_figures(count, folder, line, search)
    for count in pdf_sizes:
        pdf_figures(count, folder, line)
    print(f"\n(corpus: {', '.join(str(len(plan(n))) for n in sizes)} reports; {os.cpu_count()} cores)")
