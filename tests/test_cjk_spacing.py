"""Where East Asian text meets Latin text, LibreOffice sets about a quarter em of space (its
"Asian/Latin spacing", on by default; a PowerPoint file has no attribute to switch it off and
PowerPoint sets none), so "(明治維新)" reads "( 明治維新 )" there. The deck measures with that
space allowed (``measure.wrap_runs(script_gap=…)``), so a slide planned to fit does fit when
LibreOffice draws it; read back with LibreOffice where it is installed."""

from __future__ import annotations

from pathlib import Path

import pytest

import render_check
from builder.cli import main
from builder.deck.fit import SCRIPT_GAP
from builder.layout import load_layout
from builder.text import measure
from builder.text.fonts import faces
from builder.text.inline import Run


def test_the_deck_allows_for_the_space_where_scripts_meet() -> None:
    body = faces(load_layout().fonts.body)
    assert measure.script_changes("Edo (江戸), Kyoto")[0] == 2
    assert measure.script_changes("福澤諭吉 (Fukuzawa)")[0] == 1  # a space takes no side
    text = "Edo (江戸) Kyoto (京都) Osaka (大阪) Nagasaki (長崎)"
    plain = measure.runs_width([Run(text)], body, 20)
    assert measure.wrap_runs([Run(text)], body, 20, plain + 1) == 1
    assert measure.wrap_runs([Run(text)], body, 20, plain + 1, SCRIPT_GAP) == 2  # 8 × ¼ em more
    latin = "Edo and Kyoto and Osaka and Nagasaki"
    width = measure.runs_width([Run(latin)], body, 20)
    assert measure.wrap_runs([Run(latin)], body, 20, width + 1, SCRIPT_GAP) == 1  # no CJK


PLACES = ["Edo (江戸)", "Kyoto (京都)", "Osaka (大阪)", "Nagasaki (長崎)", "Satsuma (薩摩)",
          "Chōshū (長州)", "Tosa (土佐)", "Hizen (肥前)", "Mito (水戸)", "Aizu (会津)"]


@pytest.mark.skipif(not render_check.available(), reason="LibreOffice or poppler missing")
def test_mixed_script_bullets_stay_in_their_box_as_libreoffice_draws_them(tmp_path: Path) -> None:
    items = []
    for shift in range(10):
        places = PLACES[shift:] + PLACES[:shift]
        items.append("The domains " + ", ".join(places[:7]) + " and the city of " + places[7])
    source = tmp_path / "domains.yaml"
    source.write_text("title: Domains\nsections:\n  - title: Han\n    blocks:\n      - bullets:\n"
                      + "".join(f'          - "{item}"\n' for item in items), encoding="utf-8")
    assert main(["build", str(source), "--out", str(tmp_path), "-j", "1"]) == 0
    deck = tmp_path / "domains.pptx"
    pdf = render_check.convert_decks([deck], tmp_path / "pdf", render_check.temporary_profile())
    assert render_check.check_deck(deck, pdf[deck]) == []


A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _lecture_with_a_long_japanese_reference(tmp_path: Path) -> Path:
    source = tmp_path / "gakumon.yaml"
    source.write_text(
        "title: Gakumon\nsections:\n  - title: Learning\n    blocks:\n"
        "      - paragraph: Fukuzawa wrote for everyone.\n"
        "bibliography:\n"
        "  - {title: 学問のすゝめ, author: 福澤諭吉, publisher: 岩波書店（岩波文庫）, year: 1942}\n"
        "  - {title: 文明論之概略, author: 福澤諭吉, publisher: 岩波書店（岩波文庫）、初版, year: 1931}\n",
        encoding="utf-8")
    return source


def test_east_asian_paragraphs_do_not_hang_punctuation_past_the_box(tmp_path: Path) -> None:
    source = _lecture_with_a_long_japanese_reference(tmp_path)
    layout = Path(__file__).resolve().parent.parent / "layouts" / "large-print.yaml"
    assert main(["build", str(source), "--layout", str(layout), "--out", str(tmp_path),
                 "-j", "1"]) == 0
    deck = tmp_path / "gakumon.pptx"
    from pptx import Presentation

    marked = {}
    for slide in Presentation(str(deck)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                for paragraph in shape.text_frame.paragraphs:
                    properties = paragraph._p.find(f"{A}pPr")
                    if paragraph.text.strip() and properties is not None:
                        # (a:br before a bracketed term the line would cut: "\v")
                        marked[paragraph.text.replace("\v", "")] = properties.get("hangingPunct")
    assert marked["福澤諭吉『学問のすゝめ』岩波書店（岩波文庫）、1942年。"] == "0"
    assert marked["Fukuzawa wrote for everyone."] is None  # other paragraphs as they were
    if render_check.available():
        pdf = render_check.convert_decks([deck], tmp_path / "pdf", render_check.temporary_profile())
        assert render_check.check_deck(deck, pdf[deck]) == []


NAMES = ["江戸幕府", "薩長同盟", "戊辰戦争", "大政奉還", "五箇条の御誓文", "岩倉使節団", "慶應義塾",
         "帝国議会", "王政復古", "文明開化"]


def test_a_name_in_east_asian_script_is_carried_whole_not_cut() -> None:
    """LibreOffice breaks East Asian text between any two characters and takes no word
    joiner there, so where the measure carries "(江戸幕府)," to the next line (or it would end
    within ``fit.EAST_FILL`` of the edge) the deck writes a line break before it
    (``measure.LINE_BREAK``, an a:br): the lines counted are the lines drawn, and the name is
    never cut at the line's end."""
    from builder.deck import fit
    from builder.deck.specs import Para
    from builder.text.typography import speaking
    body = faces(load_layout().fonts.body)
    text = "ruled Japan from Edo (江戸幕府), limiting contact with Europeans"
    with speaking("en"):
        para = Para((Run(text),))
        for width in range(150, 330, 6):
            kept = fit.breakable(para, body, 22, width)
            for line in kept.text.split(measure.LINE_BREAK):
                assert "江戸幕府" in line or not any(c in line for c in "江戸幕府")
            lines = fit.para_lines(kept, body, 22, width)
            assert lines == measure.wrap_runs(list(kept.runs), body, 22,
                                              width * fit.WIDTH_SLACK, SCRIPT_GAP)
            # a name ending a hair from the edge is carried too (fit.EAST_FILL): at most a line
            assert lines - measure.wrap_runs([Run(text)], body, 22, width * fit.WIDTH_SLACK,
                                             SCRIPT_GAP) in (0, 1)
        assert fit.breakable(Para((Run("Edo (江戸)"),)), body, 22, 400).text == "Edo (江戸)"


@pytest.mark.skipif(not render_check.available(), reason="LibreOffice or poppler missing")
def test_libreoffice_never_cuts_a_name_of_the_lecture(tmp_path: Path) -> None:
    import broken_words
    items = []
    for shift in range(10):
        names = NAMES[shift:] + NAMES[:shift]
        items.append("The terms " + ", ".join(f"{word} ({name})" for word, name in
                                             zip(["shogunate", "alliance", "war", "return",
                                                  "oath", "mission", "school"], names)))
    source = tmp_path / "names.yaml"
    source.write_text("title: Names\nsections:\n  - title: Terms\n    blocks:\n      - bullets:\n"
                      + "".join(f'          - "{item}"\n' for item in items), encoding="utf-8")
    assert main(["build", str(source), "--out", str(tmp_path), "-j", "1"]) == 0
    deck = tmp_path / "names.pptx"
    pdf = render_check.convert_decks([deck], tmp_path / "pdf", render_check.temporary_profile())
    words = broken_words.source_words(items)
    assert broken_words.broken(pdf[deck], words, NAMES) == []
    assert broken_words.broken(tmp_path / "names.pdf", words, NAMES) == []
