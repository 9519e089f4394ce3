"""Long lists split into pages of a fixed size, so no page grows with the number of reports.

Page 1 lives at the list's own address, page n at ``<address>pagina-n/``: the
first page of every list keeps the address it always had.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

PAGE_SIZE = 50
T = TypeVar("T")


def numbered_path(path: str, number: int) -> str:
    """The address of page ``number`` of the list at ``path``.

    >>> numbered_path("cijfers/", 1), numbered_path("cijfers/", 3)
    ('cijfers/', 'cijfers/pagina-3/')
    """
    return path if number == 1 else f"{path}pagina-{number}/"


@dataclass(frozen=True)
class Paged(Generic[T]):
    """One page of a list: its items, where it stands, and its neighbours' addresses."""

    path: str  # the address of the list's first page
    number: int
    pages: int
    items: list[T]
    total: int
    first: int  # the position of this page's first item in the whole list, from 1

    @property
    def own_path(self) -> str:
        return numbered_path(self.path, self.number)

    @property
    def previous(self) -> str | None:
        return numbered_path(self.path, self.number - 1) if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return numbered_path(self.path, self.number + 1) if self.number < self.pages else None


def paginate(path: str, items: list[T], size: int = PAGE_SIZE) -> list[Paged[T]]:
    """Every page of a list; an empty list is one empty page, so the list's address always exists.

    >>> [(p.own_path, p.items, p.first) for p in paginate("x/", [1, 2, 3], size=2)]
    [('x/', [1, 2], 1), ('x/pagina-2/', [3], 3)]
    """
    count = max(1, -(-len(items) // size))
    return [Paged(path, n + 1, count, items[n * size : (n + 1) * size], len(items), n * size + 1) for n in range(count)]
