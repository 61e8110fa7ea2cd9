"""A listed timeline reads as a table: one date column as wide as the widest single date, a
span's end under its start (cut only at its dash, a date never torn), every name on one
left edge in its column (the band: tests/test_timeline_band_scale.py). Read back from the decks
(python-pptx shape positions and text) and from the guide's scene."""

from __future__ import annotations

import io
import re
from collections import defaultdict

import pytest
from pptx import Presentation

from builder.charts.scene import Text
from builder.charts.style import FigureStyle
from builder.charts.timeline import timeline_scene
from builder.deck import render_deck
from builder.layout import load_layout
from builder.load.source import load_source
from builder.model import TimelineFigure
from builder.resolve.document import resolve
from builder.text.fonts import faces
from tests.conftest import ROOT
from tests.pptx_readback import leaves as _leaves

CORPUS = ROOT / "tests" / "corpus"
LAYOUTS = ROOT / "layouts"
SPAN_END = re.compile(r"[ \u00a0]–$")


def _role(shape) -> str:
    return shape.name.rsplit(" ", 1)[0]


def _listed_slides(lecture: str, layout: str):
    document = resolve(load_source(CORPUS / f"{lecture}.yaml"),
                       load_layout(LAYOUTS / f"{layout}.yaml"), None)
    deck = Presentation(io.BytesIO(render_deck(document)))
    ids = {n.figure.id for n in document.figures.values()
           if isinstance(n.figure, TimelineFigure)}
    for number, slide in enumerate(deck.slides, 1):
        for shape in slide.shapes:
            if shape.name.removeprefix("figure-") in ids:
                leaves = list(_leaves(shape))
                if any(_role(leaf) == "date" for leaf in leaves):
                    yield number, leaves


@pytest.mark.parametrize("lecture,layout", [("meiji-restoration", "default"),
                                            ("revolution-francaise", "history-101"),
                                            ("revolution-francaise", "large-print")])
def test_listed_names_stand_in_one_column_after_one_date_column(lecture, layout) -> None:
    seen = 0
    for number, leaves in _listed_slides(lecture, layout):
        seen += 1
        rows = defaultdict(list)  # a column's left edge (its numbers' x) → its rows
        numbers = [leaf for leaf in leaves if _role(leaf) == "key-number"
                   and leaf.top > min(l.top for l in leaves if _role(l) == "date") - 12700]
        dates = sorted((leaf for leaf in leaves if _role(leaf) == "date"),
                       key=lambda leaf: (leaf.left, leaf.top))
        labels = [leaf for leaf in leaves if _role(leaf) == "event-label"]
        assert len(dates) == len(labels) == len(numbers), number
        for date in dates:
            rows[round(date.left / 12700)].append(date)
        for column, column_dates in rows.items():
            # one date column: every date box as wide as the others in its column
            assert len({d.width for d in column_dates}) == 1, (number, column)
            right = column_dates[0].left + column_dates[0].width
            beside = []  # each date's own name on its line (a name under its date: none)
            for date in column_dates:
                same_line = [l for l in labels
                             if abs(l.top - date.top) < 127 and l.left > date.left]
                if same_line:
                    beside.append(min(same_line, key=lambda l: l.left))
            # every name beside its date starts on one edge, after the date column
            assert len({l.left for l in beside}) <= 1, (number, column)
            assert all(l.left >= right for l in beside), (number, column)
            for date in column_dates:
                lines = date.text_frame.text.split("\n")
                # a date is cut only after a span's dash: the start's line ends in "–"
                assert len(lines) <= 2, (number, lines)
                if len(lines) == 2:
                    assert SPAN_END.search(lines[0]), (number, lines)
    assert seen, f"no listed timeline in the {layout} deck of {lecture}"


def test_the_guide_keeps_the_layout_text_size_when_its_list_fits() -> None:
    """The meiji default guide set its lanes at 7.5 pt (shrunk to fit) while the list form fit
    at the layout's 8.5 pt: at each size the lanes, then the list."""
    layout = load_layout(None)
    document = resolve(load_source(CORPUS / "meiji-restoration.yaml"), layout)
    style = FigureStyle.from_layout(layout.palette, faces(layout.fonts.body), 8.5)
    figure = next(n.figure for n in document.figures.values()
                  if isinstance(n.figure, TimelineFigure))
    scene = timeline_scene(figure, style, 471, 388)
    sizes = {item.size for item in scene.items if isinstance(item, Text)}
    assert min(sizes) >= 8.5 - 1e-6, sizes
