"""The render check over the whole corpus: every deck drawn by LibreOffice, every guide read
back by poppler, and no word overlapping another or leaving what holds it.

This is deliberately independent of the builder's own text measurement (see
``tests/render_check.py``): it catches what the builder believes fits but another renderer
draws otherwise. It runs where LibreOffice and poppler are installed (``.ci/run`` installs
them) and is skipped elsewhere. Each failing case prints its findings one per line.
"""

from __future__ import annotations

import shutil

import pytest

import render_check
from corpus_builds import CASES, Case
from test_corpus import known_failure

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="poppler's pdftotext is not installed")
needs_libreoffice = pytest.mark.skipif(not render_check.available(),
                                       reason="LibreOffice (soffice) or poppler is not installed")

KNOWN_DECK: dict[str, str] = {}
KNOWN_GUIDE: dict[str, str] = {}
"""Part of a case id → the owner and the defect, for render findings not fixed yet (xfail, not
strict: a fix shows as XPASS and the entry goes)."""


def _built(case: Case, corpus_builds):
    build = corpus_builds[case.id]
    if build.returncode != 0:
        pytest.skip(f"does not build yet ({known_failure(case) or 'see test_corpus'})")
    return build


def _param(case: Case, known: dict[str, str]):
    reason = next((why for part, why in known.items() if part in f"{case.id}-"), None)
    marks = [pytest.mark.xfail(reason=reason, strict=False)] if reason else []
    return pytest.param(case, id=case.id, marks=marks)


def _deck_cases() -> list[Case]:
    """The instructor decks: each holds every slide of the student deck (the student edition
    only drops the answer slides and the speaker notes), so drawing these checks both at
    half the cost of a LibreOffice run."""
    return [case for case in CASES if case.edition == "instructor"]


@pytest.fixture(scope="session")
def rendered_decks(corpus_builds, corpus_matrix):
    """Every built instructor deck of the corpus as LibreOffice drew it: converted in a few
    runs by the background matrix (``tests/corpus_builds.py``) while the other builds go on;
    reading a deck waits for its run (a failed run raises its error there)."""
    return corpus_matrix.rendered()


def _report(findings) -> str:
    return f"{len(findings)} finding(s):\n" + "\n".join(map(str, findings))


@needs_libreoffice
@pytest.mark.parametrize("case", [_param(case, KNOWN_DECK) for case in _deck_cases()])
def test_deck_text_stays_in_its_shapes_and_never_overlaps(case, corpus_builds, rendered_decks):
    build = _built(case, corpus_builds)
    findings = render_check.check_deck(build.pptx, rendered_decks[case.id], f"{case.id}.pptx")
    assert not findings, _report(findings)


@needs_poppler
@pytest.mark.parametrize("case", [_param(case, KNOWN_GUIDE) for case in CASES])
def test_guide_text_stays_in_the_margins_and_never_overlaps(case, corpus_builds):
    from builder.layout.load import load_layout

    build = _built(case, corpus_builds)
    margins = load_layout(case.layout, warn=lambda problem: None).guide.margins
    findings = render_check.check_guide(
        build.pdf, render_check.Margins(margins.top, margins.right, margins.bottom, margins.left),
        f"{case.id}.pdf")
    assert not findings, _report(findings)


# ------------------------------------------------------------------------------------------
# The check itself can fail: it finds overlaps and escapes that are really there.


def _page(*words):
    return render_check.Page(1, 600, 800, tuple(
        render_check.Word(text, render_check.Box(*box), line) for text, box, line in words))


def test_the_check_sees_two_lines_printed_over_each_other():
    page = _page(("first", (10, 10, 60, 24), 0), ("second", (30, 14, 90, 28), 1))
    assert [(a.text, b.text) for a, b in render_check.overlapping_words(page)] == \
        [("first", "second")]


def test_the_check_allows_lines_set_solid_and_words_side_by_side():
    page = _page(("one", (10, 10, 40, 24), 0), ("two", (42, 10, 70, 24), 0),
                 ("below", (10, 21, 50, 35), 1))  # 3 pt of 14: ascent meeting descent
    assert render_check.overlapping_words(page) == []


def test_the_check_ignores_vertical_axis_titles():
    page = _page(("Percent", (10, 10, 22, 80), 0), ("other", (5, 30, 40, 44), 1))
    assert render_check.overlapping_words(page) == []


def test_a_word_below_its_frame_has_escaped_it():
    frame = render_check.Frame("body", "text", render_check.Box(0, 0, 100, 50),
                               "overflowingtext", {"overflowing", "text"})
    word = render_check.Word("text", render_check.Box(10, 60, 40, 74), 3)
    assert render_check._home(word, [frame]) is frame
    assert word.box.escape(frame.box, 1.5, 3.8) > 0
