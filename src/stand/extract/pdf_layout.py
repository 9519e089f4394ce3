"""One PDF page's runs -> lines in reading order.

Runs on one baseline close together make a line; a small raised number
beside a line is a footnote marker, written into the line as ``(n)`` so the
footnote linker finds it as it finds the OCR export's markers. Columns are
found from the page's own word positions: a vertical gap in the middle of
the text that no narrow line crosses. Lines that span it (a heading across
the page) divide the page into bands; within a band the left column is
read top to bottom, then the right.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .pdf_text import Run

SOFT_BREAK = "\u00ad"  # ends a line whose last word continues on the next line
CLOSING = tuple(".,;:!?)”’")  # punctuation that follows its word without a space


@dataclass
class Line:
    runs: list[Run]
    markers: list[tuple[float, str]] = field(default_factory=list)  # (x, number) of superscripts beside it

    @property
    def x0(self) -> float:
        return min(r.x0 for r in self.runs)

    @property
    def x1(self) -> float:
        return max(r.x1 for r in self.runs)

    @property
    def baseline(self) -> float:
        return self.runs[0].baseline

    @property
    def size(self) -> float:
        """The size most of the line's characters are set in."""
        return max(self.runs, key=lambda r: len(r.text)).size

    @property
    def bold(self) -> bool:
        return all(r.bold for r in self.runs)

    @property
    def text(self) -> str:
        pieces = [
            piece for _, piece in sorted([(r.x0, r.text) for r in self.runs] + [(x, f"({n})") for x, n in self.markers])
        ]
        text = pieces[0]
        for piece in pieces[1:]:
            text += piece if piece.startswith(CLOSING) else " " + piece
        return text + SOFT_BREAK if self.runs[-1].hyphen else text


def is_marker(run: Run, line: Line) -> bool:
    """A superscript footnote number: smaller, raised above the line, right beside it."""
    raised = run.baseline - line.baseline
    return (
        run.text.isdigit()
        and len(run.text) <= 2
        and run.size < 0.85 * line.size
        and 0.1 * line.size < raised < 0.8 * line.size
        and line.x0 - line.size < run.x0 < line.x1 + line.size
    )


def build_lines(runs: list[Run]) -> list[Line]:
    """Runs on one baseline (and close together) make one line; superscripts join the line they sit on."""
    lines: list[Line] = []
    for run in sorted(runs, key=lambda r: (-round(r.baseline, 1), r.x0)):
        line = lines[-1] if lines else None
        if (
            line
            and abs(run.baseline - line.baseline) <= 0.15 * line.size
            and -0.5 * line.size < run.x0 - line.x1 < 1.5 * line.size
            and abs(run.size - line.size) < 0.5
        ):
            line.runs.append(run)
        else:
            lines.append(Line([run]))
    kept = []
    for line in lines:
        single = line.runs[0] if len(line.runs) == 1 and not line.markers else None
        host = (
            next((other for other in lines if other is not line and single and is_marker(single, other)), None)
            if single
            else None
        )
        if host is not None:
            host.markers.append((single.x0, single.text))
        else:
            kept.append(line)
    return kept


def gutter(lines: list[Line], body_size: float) -> tuple[float, float] | None:
    """The x of a gap between two columns of body text, if the page has one.

    Only narrow body lines count: a heading across both columns does not
    close the gap, it separates one band of columns from the next.
    """
    body = [line for line in lines if abs(line.size - body_size) < 0.5]
    if len(body) < 4:
        return None
    left, right = min(line.x0 for line in body), max(line.x1 for line in body)
    width = right - left
    narrow = [(line.x0, line.x1) for line in body if line.x1 - line.x0 < 0.6 * width]
    if len(narrow) < 4:
        return None
    crossing = {
        x: sum(1 for x0, x1 in narrow if x0 < x < x1) for x in range(int(left + 0.25 * width), int(left + 0.75 * width))
    }
    if not crossing:  # text in a sliver of the page: no room for columns
        return None
    fewest = min(crossing.values())
    if fewest > 0.05 * len(narrow):
        return None
    clear = [x for x, n in crossing.items() if n == fewest]
    runs: list[list[int]] = []
    for x in clear:
        if runs and x == runs[-1][-1] + 1:
            runs[-1].append(x)
        else:
            runs.append([x])
    widest = max(runs, key=len)
    if len(widest) < 0.8 * body_size:
        return None
    middle = (widest[0] + widest[-1]) / 2
    sides = sum(1 for x0, x1 in narrow if x1 <= middle), sum(1 for x0, x1 in narrow if x0 >= middle)
    return (widest[0], widest[-1] + 1) if min(sides) >= 2 else None


def reading_order(lines: list[Line], body_size: float) -> list[Line]:
    """Top to bottom; with columns, each band's left column before its right."""
    gap = gutter(lines, body_size)
    if gap is None:
        return lines
    start, end = gap

    def separates(line: Line) -> bool:
        """Spans both columns, or is a heading with nothing beside it in the other column."""
        if line.x0 < start and line.x1 > end + body_size:
            return True
        beside = [
            o for o in lines if (o.x0 >= start) != (line.x0 >= start) and abs(o.baseline - line.baseline) < line.size
        ]
        return line.size >= 1.15 * body_size and not beside

    ordered: list[Line] = []
    band: list[Line] = []
    for line in lines + [None]:
        if line is None or separates(line):
            ordered += [entry for entry in band if entry.x0 < start] + [entry for entry in band if entry.x0 >= start]
            band = []
            if line is not None:
                ordered.append(line)
        else:
            band.append(line)
    return ordered


def line_spacing(pages: list[list[Line]], body_size: float) -> float:
    """The usual distance between consecutive lines of body text in the document (its leading).

    The most common gap, so the larger gaps between paragraphs stand out from it.
    """
    gaps: Counter[float] = Counter()
    for lines in pages:
        for a, b in zip(lines, lines[1:], strict=False):
            if (
                abs(a.size - body_size) < 0.5
                and abs(b.size - body_size) < 0.5
                and 0 < a.baseline - b.baseline < 3 * body_size
            ):
                gaps[round((a.baseline - b.baseline) * 2) / 2] += 1
    return gaps.most_common(1)[0][0] if gaps else 1.2 * body_size
