"""The one error type the pipeline raises for bad input."""

from __future__ import annotations

from pathlib import Path


class SourceError(Exception):
    """Bad input: names the file and the problem, so the CLI can print one clear line.

    >>> str(SourceError("data/sources/x.pdf", "the PDF is encrypted"))
    'data/sources/x.pdf: the PDF is encrypted'
    """

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")
