"""Where a web address may break across lines, the same in both outputs.

An address is not a word: hyphenating it ("conseil-co" / "nstitutionnel.fr") or adding a
hyphen changes the address a reader types. It breaks only at its own punctuation, with no
mark added, placed so that each line's end or start shows that the address goes on
(Chicago style): after a slash or the double slash ("https://" / "www…", "…/le-bloc/" /
"declaration…"), after ``=`` and ``&``, and before a dot, hyphen, underscore, tilde, ``#``,
``%`` or ``?`` (".fr" and "-constitutionnel" start their line: a dot ending a line reads as
a full stop, a hyphen ending one as a word hyphenated, and a reader, or pdftotext, would
drop it). A piece still wider than a whole line breaks between its characters, again with
no hyphen (``spread``).
"""

from __future__ import annotations

import re
from typing import Callable

# a break after "/" or "//" (never between the slashes), after "=" and "&", before
# ". - _ ~ # % ?": zero-width positions, so the pieces joined are the address again
_BREAK = re.compile(r"(?<=/)(?!/)|(?<=[=&])|(?=[-._~#%?])")
MIN_PIECE = 3  # characters a break leaves at the address's start or end ("https:/" / "/", ".fr")


def address_pieces(url: str) -> list[str]:
    """``url`` cut at every place it may break; ``"".join`` of the pieces is ``url``.

    >>> address_pieces("https://www.conseil-constitutionnel.fr/le-bloc")
    ['https://', 'www', '.conseil', '-constitutionnel', '.fr/', 'le', '-bloc']
    """
    cuts = [match.start() for match in _BREAK.finditer(url)
            if MIN_PIECE <= match.start() <= len(url) - 2]
    edges = [0, *sorted(set(cuts)), len(url)]
    return [url[a:b] for a, b in zip(edges, edges[1:]) if b > a]


def spread(url: str, fits: Callable[[str], bool]) -> list[str]:
    """The pieces of ``url`` with any piece that does not ``fits`` a whole line cut between
    its characters into pieces that do (greedy, no hyphen): every piece then fits a line."""
    out: list[str] = []
    for piece in address_pieces(url):
        while not fits(piece) and len(piece) > 1:
            cut = 1
            while cut < len(piece) - 1 and fits(piece[:cut + 1]):
                cut += 1
            out.append(piece[:cut])
            piece = piece[cut:]
        out.append(piece)
    return out


def lines(pieces: list[str], measured: Callable[[str], float], first: float,
          full: float) -> list[str]:
    """The pieces filled into lines, greedily: ``first`` points are left on the line the
    address starts on (it moves whole to the next line when its first piece does not fit
    there, as a renderer moves a word), every later line is ``full`` wide. The first line
    returned is empty when the address starts on a new line."""
    out = [""]
    room, used = first, 0.0
    for piece in pieces:
        wide = measured(piece)
        if out[-1] and used + wide > room:
            out.append("")
            room, used = full, 0.0
        elif not out[-1] and used + wide > room and room < full:
            out.append("")  # not even its first piece fits: the address starts a new line
            room, used = full, 0.0
        out[-1] += piece
        used += wide
    return out


ZWSP, WORD_JOINER = "\u200b", "\u2060"


def glued(url: str) -> str:
    """``url`` as one unbreakable word (a word joiner after each character a renderer would
    break after): an address that fits a line moves to the next line whole, as a word
    does, rather than breaking at its first slash ("https://" / "www…"). Breaks are added
    only where it is wider than its line (``marked``)."""
    bare = url.replace(ZWSP, "").replace(WORD_JOINER, "")
    return _GLUE.sub(lambda match: match.group(0) + WORD_JOINER, bare)


_GLUE = re.compile(r"[/\-?&=%](?=.)")


def marked(url: str, fits: Callable[[str], bool] = lambda text: True) -> str:
    """``url`` as a deck sets it: a zero-width space (a break, no mark) wherever it may
    break, and a word joiner after each hyphen, where LibreOffice and PowerPoint would
    otherwise break too ("conseil-" / "constitutionnel" reads as a hyphenated word). With
    ``fits``, a piece wider than a line is also cut between its characters."""
    bare = url.replace(ZWSP, "").replace(WORD_JOINER, "")
    return ZWSP.join(spread(bare, fits)).replace("-", "-" + WORD_JOINER)
