"""The one error type the pipeline raises for bad input."""

from __future__ import annotations

from pathlib import Path


class SourceError(Exception):
    """Bad input: names the file and each problem, so the CLI can print one clear line per problem.

    >>> str(SourceError("data/sources/x.pdf", "the PDF is encrypted"))
    'data/sources/x.pdf: the PDF is encrypted'
    >>> SourceError("x.txt", "page 2: one", "page 5: two").problems
    ['page 2: one', 'page 5: two']
    """

    def __init__(self, path: str | Path, problem: str, *more: str) -> None:
        self.path = str(path)
        self.problems = [problem, *more]
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")

    def __reduce__(self) -> tuple:
        """Rebuilt from its own arguments, so it crosses from a worker process intact.

        >>> import pickle; pickle.loads(pickle.dumps(SourceError("x.txt", "one", "two"))).problems
        ['one', 'two']
        """
        return (SourceError, (self.path, *self.problems))


MESSAGE_LIMIT = 1000  # characters of one printed line: enough for a path, a place, a dozen quotes and the advice


def clipped(message: str, limit: int = MESSAGE_LIMIT) -> str:
    """A message a terminal can show: one that quotes pages of hostile text keeps its start and its end (where the
    advice is), and says how much it left out.

    >>> clipped("a" * 10 + "b" * 10, limit=12)
    'aaaaaaaa … (8 characters left out) … bbbb'
    >>> clipped("short")
    'short'
    """
    if len(message) <= limit:
        return message
    head, tail = limit * 2 // 3, limit // 3
    return f"{message[:head]} … ({len(message) - head - tail} characters left out) … {message[-tail:]}"
