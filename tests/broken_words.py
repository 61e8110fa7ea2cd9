"""Words broken across lines with no hyphen, read back from a PDF with poppler.

``pdftotext -bbox-layout`` groups the words of a page into blocks of lines, as the program that
drew them set them. A line that ends in a piece of a word the lecture wrote, and the next line
that begins with its rest ("Grundrechtsgewährleistun" / "gen", "江" / "戸"), is a word cut
where no break was allowed; a piece ending in a hyphen is a hyphenated word, not a finding.
Nothing here uses the builder's own measuring code.
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Iterable

_XHTML = "{http://www.w3.org/1999/xhtml}"
_PUNCTUATION = ",.;:!?()[]{}«»“”„‘’\"'…·、。，（）「」『』《》\u200b\u00a0"
_EAST_ASIAN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def source_words(texts: Iterable[str]) -> set[str]:
    """The words of some source text, casefolded (also each part of a hyphenated word)."""
    words: set[str] = set()
    for text in texts:
        for word in re.findall(r"[^\W\d_][\w'’\-]*", text):
            words.add(word.strip("-’'").casefold())
            words.update(part.casefold() for part in word.split("-") if part)
    return words


def lines(pdf: Path) -> list[tuple[int, list[list[str]]]]:
    """Each block of each page as its lines of words: [(page number, [[word, …], …]), …]."""
    out = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", out))
    blocks = []
    for number, page in enumerate(root.iter(f"{_XHTML}page"), 1):
        for block in page.iter(f"{_XHTML}block"):
            found = [[word.text or "" for word in line.iter(f"{_XHTML}word")]
                     for line in block.iter(f"{_XHTML}line")]
            blocks.append((number, [line for line in found if line]))
    return blocks


def _bare(word: str) -> str:
    return word.strip(_PUNCTUATION)


def broken(pdf: Path, words: set[str], names: Iterable[str] = ()) -> list[str]:
    """Places where a line ends inside a source word without a hyphen: a line's last word
    and the next line's first join into a source word (or the start of one) though neither
    is a word itself; and East Asian ``names`` cut between two of their characters."""
    names = [name for name in names if len(name) > 1]
    found = []
    for page, block in lines(pdf):
        for above, below in zip(block, block[1:]):
            end, start = _bare(above[-1]), _bare(below[0])
            if not end or not start or end.endswith(("-", "\u00ad", "‐")):
                continue
            if _EAST_ASIAN.search(end[-1]) and _EAST_ASIAN.search(start[0]):
                found += [f"p{page}: {end!r} / {start!r} cuts {name}" for name in names
                          for cut in range(1, len(name))
                          if end.endswith(name[:cut]) and start.startswith(name[cut:])]
                continue
            if end.casefold() in words and start.casefold() in words:
                continue
            joined = (end + start).casefold()
            if joined in words or (len(joined) > 3 and end.casefold() not in words and any(
                    word.startswith(joined) for word in words)):
                found.append(f"p{page}: {end!r} / {start!r}")
    return found
