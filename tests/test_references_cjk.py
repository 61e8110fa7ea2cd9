"""A reference written in Chinese, Japanese or Korean is cited the way its language cites:
titles in brackets (『』「」, 《》), the language's commas and full stop (、。 ，。; Korean
keeps ", ."), in an English lecture as in one of its own language; read back from both
outputs of a built lecture."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from builder.cli import main
from builder.model import Reference
from builder.resolve.references import cite
from builder.text.words import words_for


def _text(reference: Reference, language: str = "en", han: str | None = None) -> str:
    out = ""
    for piece in cite(reference, words_for(language), han):
        out += ("" if piece.attached or not out else " ") + (
            f"*{piece.text}*" if piece.style == "italic" else piece.text)
    return out


BOOK_JA = Reference(title="学問のすゝめ", author="福澤諭吉", publisher="岩波書店", year=1942,
                    kind="book")


@pytest.mark.parametrize(("reference", "language", "han", "printed"), [
    (BOOK_JA, "en", None, "福澤諭吉『学問のすゝめ』岩波書店、1942年。"),
    (BOOK_JA, "ja", None, "福澤諭吉『学問のすゝめ』岩波書店、1942年。"),
    (Reference(title="饮冰室合集", author="梁启超", publisher="中华书局", year=1989), "zh", None,
     "梁启超：《饮冰室合集》，中华书局，1989年。"),
    (Reference(title="서유견문", author="유길준", publisher="교순사", year=1895), "ko", None,
     "유길준, 『서유견문』, 교순사, 1895."),
    (Reference(title="明治維新の研究", author="井上清", publisher="歴史学研究", year=1973,
               kind="article"), "en", "ja", "井上清「明治維新の研究」『歴史学研究』1973年。"),
    (Reference(title="日本書紀", author="舎人親王", year=720), "en", "ja", "舎人親王『日本書紀』720年。"),
    (Reference(title="憲法の誕生", publisher="国立国会図書館", url="https://www.ndl.go.jp/",
               accessed="2026-11-30", kind="web"), "ja", None,
     "「憲法の誕生」国立国会図書館。https://www.ndl.go.jp/（2026年11月30日閲覧）。"),
    (Reference(title="헌법", publisher="국회도서관", url="https://x.kr/", accessed="2026-11-30",
               kind="web"), "ko", None, "「헌법」, 국회도서관. https://x.kr/ (2026년 11월 30일 접속)."),
    # a Western title in a Japanese lecture is cited the Western way
    (Reference(title="The Making of Modern Japan", author="Marius B. Jansen", publisher="Belknap",
               year=2000), "ja", None, "Marius B. Jansen. *The Making of Modern Japan.* Belknap, 2000."),
])
def test_a_cjk_reference_is_cited_in_its_languages_style(reference, language, han, printed):
    assert _text(reference, language, han) == printed


LECTURE = """\
title: 明治維新
language: {language}
sections:
  - title: 学問
    blocks:
      - paragraph: 福澤諭吉の『学問のすゝめ』。
bibliography:
  - {{title: 学問のすゝめ, author: 福澤諭吉, publisher: 岩波書店, year: 1942, kind: book}}
  - {{title: The Making of Modern Japan, author: Marius B. Jansen, publisher: Belknap, year: 2000}}
"""


@pytest.mark.parametrize("language", ["en", "ja"])
def test_both_outputs_cite_it_so(tmp_path: Path, language: str) -> None:
    source = tmp_path / "meiji.yaml"
    source.write_text(LECTURE.format(language=language), encoding="utf-8")
    assert main(["build", str(source), "--out", str(tmp_path), "-j", "1"]) == 0
    guide = "".join(page.extract_text() for page in PdfReader(tmp_path / "meiji.pdf").pages)
    deck = "\n".join(shape.text_frame.text for slide in Presentation(tmp_path / "meiji.pptx").slides
                     for shape in slide.shapes if shape.has_text_frame)
    for text in (guide.replace("\n", ""), deck):
        assert "福澤諭吉『学問のすゝめ』岩波書店、1942年。" in text
        assert "学問のすゝめ." not in text and "1942." not in text
        assert "Belknap, 2000." in text
