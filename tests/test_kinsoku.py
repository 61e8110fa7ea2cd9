"""Japanese line breaking in the guide (kinsoku shori), read back with pdftotext: no line
starts with a closing mark or small kana, none ends with an opening bracket, no run's last
character stands alone on its line."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.platypus import paragraph as reportlab_paragraph

import broken_words
from builder.guide import kinsoku, render_guide
from builder.layout import load_layout
from builder.load.source import load_source
from builder.resolve.document import resolve
from builder.text.fallback import installed_font

# long runs with no space: reportlab cuts them where each line is full; the sentences put
# 。、」っ ょ ー and 「 at every offset, so some cut lands on each
SENTENCE = "ちょっと待って、「東京」へ行きましょう。コーヒーを飲みたいです。"
RUNS = [SENTENCE[shift:] + SENTENCE * 6 + "と言えり" for shift in range(0, 24, 3)]
LECTURE = "title: 禁則\nsections:\n  - title: 日本語\n    blocks:\n" + "".join(
    f"      - paragraph: \"{run} – it is said.\"\n" for run in RUNS)


def _findings(pdf: Path) -> list[str]:
    found = []
    for page, block in broken_words.lines(pdf):
        for above, below in zip(block, block[1:]):
            end, start = above[-1], below[0]
            if start[0] in kinsoku.NO_START or start[0] == "–" and "\u3040" <= end[-1]:
                found.append(f"p{page}: line starts with {start[:3]!r}")
            if end[-1] in kinsoku.NO_END:
                found.append(f"p{page}: line ends with {end[-3:]!r}")
            if "「" in end and "」" not in end[end.rfind("「"):] and "」" in start[:4]:
                found.append(f"p{page}: {end[-3:]!r} / {start[:3]!r} cuts a term")
            if len(start) == 1 and "\u3040" <= start <= "\u9fff" and "\u3040" <= end[-1]:
                found.append(f"p{page}: {end[-3:]!r} / {start!r} alone")
    return found


def test_cuts_that_break_a_rule_move_earlier() -> None:
    assert kinsoku.moved(["天は人と言え", "り\u00a0–"]) == (0, 1)  # "り" alone
    assert kinsoku.moved(["天は人と言え", "り。"]) == (0, 1)
    assert kinsoku.moved(["あいう", "。かき", "くけ"]) == (0, 1)  # 。 never starts a line
    assert kinsoku.moved(["あいう", "っかきくけこ", "くけ"]) == (0, 1)  # nor a small kana
    assert kinsoku.moved(["あい「", "かきくけこ"]) == (0, 1)  # 「 never ends one
    assert kinsoku.moved(["あいう「東", "京」かきくけ"]) == (0, 2)  # a short term whole
    assert kinsoku.moved(["「東京」かきくけこさしすせそたちつてと", "なにぬねの"]) is None
    assert kinsoku.moved(["年は19", "42年", "あいう"]) == (0, 2)  # "1942年" whole
    assert kinsoku.moved(["あいうえお", "かきくけこ", "さしすせそ"]) is None
    assert kinsoku.moved(["天は人と言えり", "\u00a0– it"]) == (0, 2)  # bound: "えり – it"


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory):
    if installed_font("東") is None:
        pytest.skip("no installed CJK face")
    path = tmp_path_factory.mktemp("kinsoku") / "kinsoku.yaml"
    path.write_text(LECTURE, encoding="utf-8")
    return resolve(load_source(path), load_layout(None), "student")


def test_guide_lines_keep_the_rules(document, tmp_path: Path) -> None:
    pdf = tmp_path / "kinsoku.pdf"
    pdf.write_bytes(render_guide(document))
    assert _findings(pdf) == []
    # and the text is all there: nothing lost or doubled by moving the cuts
    text = "".join("".join(line) for _, block in broken_words.lines(pdf) for line in block)
    assert all(run.replace(" ", "") in text.replace("\u00a0", "") for run in RUNS)


def test_reportlab_alone_breaks_them(document, tmp_path: Path, monkeypatch) -> None:
    """Without the wrapping, the same guide has lines that break the rules (the test above
    could fail)."""
    from builder.guide import warmwrap

    monkeypatch.setattr(reportlab_paragraph, "_splitFragWord", kinsoku._ORIGINAL_FRAG)
    monkeypatch.setattr(reportlab_paragraph, "_splitWord", kinsoku._ORIGINAL_WORD)
    warmwrap.forget()
    pdf = tmp_path / "plain.pdf"
    try:
        pdf.write_bytes(render_guide(document))
    finally:
        warmwrap.forget()
    assert _findings(pdf)
