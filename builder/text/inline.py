"""Inline emphasis: ``**bold**`` and ``*italic*`` are the only markup a source may use.

Everything else is literal text, ``<``, ``>`` and ``&`` included: renderers escape what
they must (reportlab's mini-HTML) and never interpret source text as markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPEN = r"(?<![\w*\\])"
_CLOSE = r"(?![\w*])"
_TOKEN = re.compile(
    _OPEN + r"(?:\*\*\*(?=\S)(?P<both>.+?)(?<=\S)\*\*\*"
    r"|\*\*(?=\S)(?P<bold>.+?)(?<=\S)\*\*"
    r"|\*(?=[^\s*])(?P<italic>.+?)(?<=[^\s\\])\*)" + _CLOSE
)
_ESCAPE = re.compile(r"\\([*\\])")


@dataclass(frozen=True)
class Run:
    """A stretch of text with one style."""

    text: str
    bold: bool = False
    italic: bool = False


def parse_inline(text: str) -> list[Run]:
    """Split text into styled runs.

    Emphasis markers count only at word edges, so ``M*A*S*H`` and ``5*3`` stay literal;
    ``\\*`` is a literal asterisk anywhere.
    """
    runs: list[Run] = []
    position = 0
    for match in _TOKEN.finditer(text):
        if match.start() > position:
            runs.append(Run(_unescape(text[position:match.start()])))
        if match.group("both") is not None:
            runs.append(Run(_unescape(match.group("both")), bold=True, italic=True))
        elif match.group("bold") is not None:
            runs += [Run(r.text, bold=True, italic=r.italic) for r in parse_inline(match.group("bold"))]
        else:
            runs += [Run(r.text, bold=r.bold, italic=True) for r in parse_inline(match.group("italic"))]
        position = match.end()
    if position < len(text):
        runs.append(Run(_unescape(text[position:])))
    merged: list[Run] = []
    for run in runs:
        if merged and (merged[-1].bold, merged[-1].italic) == (run.bold, run.italic):
            merged[-1] = Run(merged[-1].text + run.text, run.bold, run.italic)
        elif run.text:
            merged.append(run)
    return merged


def _unescape(text: str) -> str:
    return _ESCAPE.sub(r"\1", text)


def plain(text: str) -> str:
    """The text without emphasis markers, for measuring, outlines and metadata."""
    return "".join(run.text for run in parse_inline(text))
