"""Web addresses break only at their own punctuation, with no hyphen added, in both outputs:
after a slash, before a dot or hyphen (Chicago style), never between two letters."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pikepdf
import pytest
from hypothesis import given, strategies as st
from pptx import Presentation

import broken_words
import render_check
from builder.cli import main
from builder.text.addresses import address_pieces, glued, marked, spread

URL = ("https://www.conseil-constitutionnel.fr/le-bloc-de-constitutionnalite/"
       "declaration-des-droits-de-l-homme-et-du-citoyen-de-1789")

LECTURE = f"""
title: Adresses
language: fr
sections:
  - title: Une section
    blocks:
      - paragraph: Un paragraphe.
bibliography:
  - title: Déclaration des droits de l’homme et du citoyen de 1789
    kind: web
    publisher: Conseil constitutionnel
    url: {URL}
  - title: Un titre assez long pour que l’adresse commence loin sur la ligne qui la porte
    author: Quelqu’un
    url: {URL}?page=2&format=pdf#section-3
""" + "".join(f"""  - title: Titre{" long" * count}
    url: {{SHORT}}
""" for count in range(0, 24, 2))
SHORT = "https://www.ndl.go.jp/constitution/e/etc/c02.html"
LECTURE = LECTURE.replace("{SHORT}", SHORT)

# where a line may end inside an address: after "/", "=" or "&", or before ". - _ ~ # % ?"
_ENDS = re.compile(r"(/|[=&])$")
_STARTS = re.compile(r"^[-._~#%?]")


def _legal(end: str, start: str) -> bool:
    return bool(_ENDS.search(end) or _STARTS.match(start))


def test_an_address_is_cut_only_at_its_punctuation() -> None:
    pieces = address_pieces(URL)
    assert "".join(pieces) == URL
    assert pieces[:4] == ["https://", "www", ".conseil", "-constitutionnel"]
    for before, after in zip(pieces, pieces[1:]):
        assert _legal(before, after), (before, after)
    assert address_pieces("https://example.org/a?q=1&b=2#top") == [
        "https://", "example", ".org/", "a", "?q=", "1&", "b=", "2", "#top"]
    # the deck's text: a zero-width space at each break, a word joiner after each hyphen
    deck = marked(URL)
    assert deck.replace("\u200b", "").replace("\u2060", "") == URL
    assert "conseil\u200b-\u2060constitutionnel" in deck and "-\u200b" not in deck


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("addresses")
    source = out / "adresses.yaml"
    source.write_text(LECTURE, encoding="utf-8")
    assert main(["build", str(source), "--out", str(out), "-j", "1"]) == 0
    return out


ADDRESSES = (URL, f"{URL}?page=2&format=pdf#section-3")


def _bare(word: str) -> str:
    return word.replace("\u200b", "").replace("\u2060", "")


def _address_lines(lines: list[list[str]]) -> list[str]:
    """The pieces of an address as the lines show them, from the end of the line it starts
    on to the start of the line it ends on ([] when the block holds none)."""
    for index, line in enumerate(lines):
        if line and line[-1].startswith("https://") and _bare(line[-1]) != SHORT:
            shown = [_bare(line[-1])]
            for after in lines[index + 1:]:
                if "".join(shown) in ADDRESSES:
                    break
                shown.append(_bare(after[0]))
            return shown
    return []


def test_guide_addresses_break_at_punctuation_within_the_margin(built: Path) -> None:
    pdf = built / "adresses.pdf"
    found = []
    for _, block in broken_words.lines(pdf):
        shown = _address_lines(block)
        if shown:
            found.append(shown)
    assert len(found) == 2, found  # the two long ones; the short one is never broken:
    assert _whole_short(pdf) == 12
    for shown in found:
        assert len(shown) > 1  # too long for one line: it was broken…
        assert "".join(shown) in ADDRESSES  # …with nothing added
        for end, start in zip(shown, shown[1:]):
            assert _legal(end, start), (end, start)
    # every word inside the text column (no address runs past the right margin)
    with pikepdf.open(pdf) as document:
        width = float(document.pages[0].MediaBox[2])
    box = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    right = max(float(x) for x in re.findall(r'xMax="([\d.]+)"', box))
    assert right < width - 36
    # the link still goes to the whole address
    with pikepdf.open(pdf) as document:
        uris = {str(annotation.A.URI) for page in document.pages
                for annotation in page.obj.get("/Annots", []) if "/A" in annotation
                and "/URI" in annotation.A}
    assert URL in uris and f"{URL}?page=2&format=pdf#section-3" in uris


def _whole_short(pdf: Path) -> int:
    """How often the short address shows whole on one line (it fits any line)."""
    return sum(1 for _, block in broken_words.lines(pdf) for line in block for word in line
               if _bare(word) == SHORT)


def test_deck_addresses_break_at_punctuation_as_libreoffice_draws_them(built: Path) -> None:
    deck = built / "adresses.pptx"
    texts = [shape.text_frame.text for slide in Presentation(str(deck)).slides
             for shape in slide.shapes if shape.has_text_frame]
    assert any("conseil\u200b-\u2060constitutionnel" in text for text in texts)
    if not render_check.available():
        pytest.skip("LibreOffice or poppler missing: the deck is not drawn")
    pdf = render_check.convert_decks([deck], built / "lo",
                                     render_check.temporary_profile())[deck]
    found = [shown for _, block in broken_words.lines(pdf)
             if (shown := _address_lines(block))]
    assert found
    for shown in found:
        assert "".join(shown) in ADDRESSES
        for end, start in zip(shown, shown[1:]):
            assert _legal(end, start), (end, start)
    assert _whole_short(pdf) == 12
    assert render_check.check_deck(deck, pdf) == []


@given(st.text(alphabet="abcXYZ019/.-_?&=#%~:", min_size=1, max_size=60),
       st.integers(min_value=1, max_value=12))
def test_any_address_cut_and_marked_reads_as_itself(url: str, room: int) -> None:
    """Whatever the address, its pieces join back to it, the deck's marks strip back to it,
    and every piece ``spread`` leaves fits the line it was given."""
    assert "".join(address_pieces(url)) == url
    for shown in (marked(url), glued(url)):
        assert shown.replace("\u200b", "").replace("\u2060", "") == url
    assert all(len(piece) <= room for piece in spread(url, lambda text: len(text) <= room))
