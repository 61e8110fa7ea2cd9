"""How a reference is cited: one order of pieces, which the guide and the deck both set.

The style is a plain author–title one, shaped by the reference's kind:

* book: Author. *Title*. 2nd ed. Publisher, 1999.
* article: Author. “Title.” *Journal 27 (1), 17–21*, 1973.
* lecture: Author. “Title.” Lecture, Publisher, 1961.
* web: Author. “Title.” Publisher, 2024. URL (accessed November 30, 2026).

A reference without a kind is cited like a book. Renderers map each piece's ``style`` to
their own italics and links; the text of a piece may carry the source's inline markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from builder.model import Reference
from builder.text.typography import quoted
from builder.text.words import Words

QUOTED_KINDS = ("article", "lecture", "web")


@dataclass(frozen=True)
class Piece:
    """One piece of a citation, already punctuated (``"Hochschild, Adam."``).

    Pieces are set one after another with a space between them, except before a piece that
    is ``attached`` (the ``, 1973.`` after an italic journal name).
    """

    text: str
    style: Literal["plain", "italic", "link"] = "plain"
    attached: bool = False


def cite(reference: Reference, words: Words = Words()) -> tuple[Piece, ...]:
    """The pieces of one bibliography entry, in print order, in the words' language."""
    pieces: list[Piece] = []
    if reference.author:
        pieces.append(Piece(sentence(reference.author)))
    if reference.kind in QUOTED_KINDS:
        pieces.append(Piece(quoted(sentence(reference.title), words.language)))
    else:
        pieces.append(Piece(sentence(reference.title), "italic"))
    if reference.edition:
        pieces.append(Piece(sentence(edition_label(reference.edition))))
    year = str(reference.year) if reference.year else ""
    if reference.kind == "article" and reference.publisher:
        pieces.append(Piece(reference.publisher.rstrip(". "), "italic"))
        pieces.append(Piece(f", {year}." if year else ".", attached=True))
    else:
        container = ", ".join(part for part in (
            words("lecture") if reference.kind == "lecture" else "", reference.publisher or "", year)
            if part)
        if container:
            pieces.append(Piece(sentence(container)))
    if reference.url:
        pieces.append(Piece(reference.url, "link"))
    if reference.accessed:
        pieces.append(Piece(words("accessed", date=words.date(reference.accessed))))
    if reference.note:
        pieces.append(Piece(reference.note))
    return tuple(pieces)


def edition_label(edition: str) -> str:
    """``2nd`` → ``2nd ed.``; ``Revised edition`` stays as written."""
    text = edition.strip()
    return text if re.search(r"\bed(ition|\.)?\b|éd|Aufl", text, re.IGNORECASE) else f"{text} ed."


def sentence(text: str) -> str:
    """Text ending in a full stop, unless it already ends in punctuation."""
    return text if text.rstrip("*”’\"")[-1:] in ".?!" else text + "."
