"""When a table reads better turned: one rule for body tables and figure tables alike.

A wide, short table (Anscombe's eleven (x, y) pairs as two rows of twelve columns) cannot
keep its numbers whole across a narrow or large-print slide; the same data as twelve rows of
two columns fits easily. Both the deck's body tables (``builder.deck.arrange``) and its
figure tables ask this module, so a table is turned by the same rule wherever it appears.
"""

from __future__ import annotations

from typing import Sequence, TypeVar

Cell = TypeVar("Cell")


def may_transpose(header: Sequence[object], rows: Sequence[Sequence[object]]) -> bool:
    """Whether turning could help: more columns than rows (the header counted as a row).

    A table as long as it is wide, or longer, gains nothing from turning: its columns stay
    as many and only its reading direction would change.
    """
    return bool(rows) and len(header) > len(rows) + 1


def transposed(header: Sequence[Cell], rows: Sequence[Sequence[Cell]]
               ) -> tuple[tuple[Cell, ...], tuple[tuple[Cell, ...], ...]]:
    """Columns as rows: the first column (each row's label, "y") becomes the header after
    the header's own first cell ("x"); each further column becomes a row ("10", "8.04")."""
    columns = list(zip(header, *rows))
    return tuple(columns[0]), tuple(tuple(column) for column in columns[1:])


def prefer_transposed(as_given: Sequence[object], turned: Sequence[object],
                      is_table) -> bool:
    """Choose the turned setting when it keeps a real table where the given one would not
    (``is_table(slide)``), or when both are tables (or both lists) and it needs fewer slides.

    ``as_given`` and ``turned`` are the slides (or pages) each orientation needs.
    """
    given_table = all(is_table(part) for part in as_given)
    turned_table = all(is_table(part) for part in turned)
    if turned_table != given_table:
        return turned_table
    return len(turned) < len(as_given)
