"""Guide pagination keeps lists and dated rows with their neighbours: no list's last bullet
(or last sub-bullet) alone at the top of a page, no timeline row alone at a page's foot, and a
short table flows over a page break rather than moving whole and leaving the page's foot
empty. Read back from the written PDFs (pdfplumber: each line's text and left edge)."""

from __future__ import annotations

import io
from functools import lru_cache

import pdfplumber
import pytest

from builder.guide import render_guide
from builder.guide.tables import no_lone_rows
from builder.layout import load_layout
from builder.load.source import load_source
from builder.resolve.document import resolve
from tests.conftest import ROOT


@lru_cache(maxsize=None)
def _pages(lecture: str, layout: str) -> list[list[tuple[float, str]]]:
    """Each page's body lines as (left edge, text without spaces), headers and footers out."""
    document = resolve(load_source(ROOT / "tests" / "corpus" / f"{lecture}.yaml"),
                       load_layout(ROOT / "layouts" / f"{layout}.yaml"), "student")
    pages = []
    with pdfplumber.open(io.BytesIO(render_guide(document))) as pdf:
        for page in pdf.pages:
            rows: dict[int, list[dict]] = {}
            for char in page.chars:
                if char["text"].strip() and 60 < char["top"] < page.height - 60:
                    rows.setdefault(round(char["top"] / 2), []).append(char)
            lines = []
            for key in sorted(rows):
                chars = sorted(rows[key], key=lambda char: char["x0"])
                lines.append((chars[0]["x0"], "".join(char["text"] for char in chars)))
            pages.append(lines)
    return pages


def _lone_items_at_top(pages) -> list[str]:
    """Pages opening with a list item (• or –) that is its list's last, the list having
    begun on the page before."""
    found = []
    for number, (lines, following) in enumerate(zip(pages, pages[1:]), start=2):
        if not lines or not following or following[0][1][:1] not in "•–":
            continue
        left, text = following[0]
        rest = iter(following[1:])
        after = next((line for line in rest
                      if not (line[0] > left + 3 and line[1][:1] not in "•–")), None)
        previous = lines[-1]
        same_list = previous[1][:1] in "•–" or previous[0] > left - 20
        if same_list and (after is None or after[1][:1] not in "•–"):
            found.append(f"page {number} opens with the lone last item {text[:40]!r}")
    return found


@pytest.mark.parametrize("lecture,layout", [("photosynthesis", "default"),
                                            ("describing-data", "history-101")])
def test_no_list_ends_alone_at_the_top_of_a_page(lecture: str, layout: str) -> None:
    """Before: photosynthesis default p6 opened with "Green light (≈ 500–570 nm)…", the
    list's last bullet; describing-data history-101 p5 with the last sub-bullet "In the
    example: 4 − 3 = 1…"."""
    pages = _pages(lecture, layout)
    assert not _lone_items_at_top(pages)
    marks = {"photosynthesis": "Greenlight(", "describing-data": "Intheexample:"}
    page = next(lines for lines in pages if any(marks[lecture] in text for _, text in lines))
    line = next(index for index, (_, text) in enumerate(page) if marks[lecture] in text)
    assert line > 0 and page[line - 1][1][:1] in "•–" or page[line - 1][0] > page[line][0]


def test_a_timeline_row_never_ends_a_page_alone() -> None:
    """describing-data large print p8 ended with the one row "1733", its four others on p9:
    the timeline's first two rows stay together (and its last two)."""
    pages = _pages("describing-data", "large-print")
    dates = ("1733", "1809", "1835", "1893", "1973")
    on = [next(number for number, lines in enumerate(pages)
               if any(text.startswith(date) for _, text in lines)) for date in dates]
    assert on[0] == on[1] and on[-2] == on[-1], on


def test_a_table_keeps_its_header_with_two_rows_and_its_last_row_with_one() -> None:
    """The rule itself, on row heights: short rows are never alone at either end; a row
    taller than ``TALL_ROW`` of a page may be; a one-row table moves whole."""
    frame = 700.0
    assert no_lone_rows([20, 30, 30, 30, 30], frame) == [
        ("NOSPLIT", (0, 0), (-1, 2)), ("NOSPLIT", (0, 3), (-1, 4))]
    assert no_lone_rows([30, 30, 30], frame, header_rows=0) == [
        ("NOSPLIT", (0, 0), (-1, 1)), ("NOSPLIT", (0, 1), (-1, 2))]
    assert no_lone_rows([20, 200, 30, 200], frame) == [("NOSPLIT", (0, 0), (-1, 1))]
    assert no_lone_rows([20, 30], frame) == [("NOSPLIT", (0, 0), (-1, -1))]


@pytest.mark.parametrize("lecture,layout,first_of_last", [
    # the bibliography's last reference had the last page to itself
    ("meiji-restoration", "large-print", "W.G.Beasley.TheMeijiRestoration"),
    # the glossary's last term opened a page alone
    ("photosynthesis", "history-101", None),
    ("plate-tectonics", "default", None)])
def test_a_glossary_or_bibliography_never_leaves_its_last_entry_alone(
        lecture, layout, first_of_last) -> None:
    """The last two entries of a glossary and of the sources are kept together (parts.
    last_not_alone): the page where the last one lands holds the one before it too."""
    pages = _pages(lecture, layout)
    document = resolve(load_source(ROOT / "tests" / "corpus" / f"{lecture}.yaml"),
                       load_layout(ROOT / "layouts" / f"{layout}.yaml"), "student")
    if first_of_last is not None:
        with pdfplumber.open(io.BytesIO(render_guide(document))) as pdf:
            last_page = pdf.pages[-1].extract_text().replace(" ", "")
        assert first_of_last in last_page, last_page[:200]
    terms = [term.term.replace(" ", "") for term in document.glossary]
    lines = [(number, text) for number, page in enumerate(pages) for _, text in page]
    where = {text: number for number, text in lines if text in terms}
    assert where[terms[-1]] == where[terms[-2]], (terms[-2:], where)
