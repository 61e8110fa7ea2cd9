"""A listed timeline ties each mark to its line: numbered badges over the marks, the same
numbers before the list's dates; marks stand off the band's year numbers; a timeline with
room to spare on a slide grows its text to fill the slide. Read back from the decks
(python-pptx shape positions, names and font sizes) and from the shared scenes."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pptx import Presentation

from builder.charts.scene import Circle, Text
from builder.charts.spread import Slot, spread
from builder.charts.style import FigureStyle
from builder.charts.timeline import timeline_scene
from builder.deck import render_deck
from builder.deck.figurekit import figure_min_size
from builder.layout import load_layout
from builder.load.source import load_source
from builder.model import TimelineFigure
from builder.resolve.document import resolve
from builder.text.fonts import faces
from tests.conftest import ROOT
from tests.pptx_readback import leaves as _leaves

CORPUS = ROOT / "tests" / "corpus"
LAYOUTS = ROOT / "layouts"


def _box(shape) -> tuple[float, float, float, float]:
    return (shape.left / 12700, shape.top / 12700, (shape.left + shape.width) / 12700,
            (shape.top + shape.height) / 12700)


def _overlap(a, b, slack: float = 0.0) -> bool:
    return (a[0] < b[2] - slack and b[0] < a[2] - slack and a[1] < b[3] - slack
            and b[1] < a[3] - slack)


def _role(shape) -> str:
    return shape.name.rsplit(" ", 1)[0]


def _numbers(text: str) -> list[int]:
    match = re.fullmatch(r"(\d+)(?:–(\d+))?", text.strip())
    assert match, text
    first = int(match.group(1))
    return list(range(first, int(match.group(2) or first) + 1))


def _deck(lecture: str, layout: str):
    document = resolve(load_source(CORPUS / f"{lecture}.yaml"),
                       load_layout(LAYOUTS / f"{layout}.yaml"), None)
    return document, Presentation(io.BytesIO(render_deck(document)))


def _timeline_slides(document, deck):
    timelines = {n.figure.id: n.figure for n in document.figures.values()
                 if isinstance(n.figure, TimelineFigure)}
    for number, slide in enumerate(deck.slides, 1):
        for shape in slide.shapes:
            key = shape.name.removeprefix("figure-")
            if key in timelines:
                yield number, slide, shape, timelines[key]


@pytest.mark.parametrize("lecture", ["meiji-restoration", "cuban-missile-crisis"])
def test_a_listed_timeline_numbers_its_marks_and_its_list(lecture: str) -> None:
    document, deck = _deck(lecture, "default")
    listed = 0
    for number, slide, group, figure in _timeline_slides(document, deck):
        leaves = list(_leaves(group))
        badges = [leaf for leaf in leaves if _role(leaf) == "key-number"]
        if not badges:
            continue  # a laned slide: labels stand by their own marks
        listed += 1
        keys = [leaf for leaf in leaves if _role(leaf) == "key"]
        years = [_box(leaf) for leaf in leaves if _role(leaf) == "year"]
        marks = [_box(leaf) for leaf in leaves if _role(leaf) == "event"]
        band = [_box(leaf) for leaf in leaves if _role(leaf) == "axis"][0]
        # the row's numbers and the list's numbers are the same, each event once in the list
        row_top = min(_box(leaf)[1] for leaf in keys)
        in_row = [b for b in badges if _box(b)[3] <= band[1] + 0.5]
        in_list = [b for b in badges if _box(b)[1] >= band[3] - 0.5]
        count = len(figure.events)
        assert sorted(n for b in in_list for n in _numbers(b.text_frame.text)) == list(
            range(1, count + 1)), (number, slide.shapes.title.text)
        assert sorted(n for b in in_row for n in _numbers(b.text_frame.text)) == list(
            range(1, count + 1))
        # badges apart, above the band, in date order left to right
        boxes = sorted((_box(key) for key in keys), key=lambda box: box[0])
        for left, right in zip(boxes, boxes[1:]):
            assert left[2] <= right[0] + 0.5, (number, left, right)
        assert all(box[3] <= band[1] for box in boxes) and row_top >= _box(group)[1] - 0.5
        row = sorted(in_row, key=lambda b: b.left)
        assert [_numbers(b.text_frame.text)[0] for b in row] == sorted(
            _numbers(b.text_frame.text)[0] for b in row)
        # every mark stands clear of the band's year numbers
        for mark in marks:
            assert mark[3] <= band[1] + 0.01, (number, mark, band)
            assert not any(_overlap(mark, year) for year in years)
        assert any(_role(leaf) == "leader" for leaf in leaves)
    assert listed, "no listed timeline in the deck"


def test_marks_stand_off_the_band_in_every_form() -> None:
    """Lanes and list alike: no event dot overlaps a year label of the band (the dots used to
    sit on its top edge, over "1865")."""
    layout = load_layout(None)
    style = FigureStyle.from_layout(layout.palette, faces(layout.fonts.body), 9.0)
    paths = [ROOT / "sources" / "korean-war.yaml", CORPUS / "meiji-restoration.yaml",
             CORPUS / "revolution-francaise.yaml", CORPUS / "cuban-missile-crisis.yaml"]
    for path in paths:
        document = resolve(load_source(path), load_layout(None))
        for numbered in document.figures.values():
            figure = numbered.figure
            if not isinstance(figure, TimelineFigure):
                continue
            for width, height, size, floor in ((470, 1000, 8.5, None), (873, 300, 14, 14)):
                scene = timeline_scene(figure, style.resized(size), width, height, floor)
                years = [item for item in scene.items
                         if isinstance(item, Text) and item.role == "year"]
                for dot in (item for item in scene.items
                            if isinstance(item, Circle) and item.role == "event"):
                    for year in years:
                        assert not (year.left < dot.cx + dot.radius
                                    and dot.cx - dot.radius < year.left + year.width
                                    and year.top < dot.cy + dot.radius
                                    and dot.cy - dot.radius < year.top + year.height), (
                            figure.id, width, year.text)


@pytest.mark.parametrize("lecture,layout", [("cuban-missile-crisis", "default"),
                                            ("meiji-restoration", "large-print"),
                                            ("cuban-missile-crisis", "large-print")])
def test_a_slide_timeline_fills_the_room_its_slide_gives_it(lecture: str, layout: str) -> None:
    """Between the slide's title and the figure's caption, the timeline takes most of the
    height (a short list or a continued part of three events once filled its top third),
    with text at the floor or larger and never larger than the slide's body text."""
    document, deck = _deck(lecture, layout)
    floor = figure_min_size(document)
    body = document.layout.deck.sizes.body
    seen = 0
    by_figure: dict[str, set[float]] = {}
    for number, slide, group, figure in _timeline_slides(document, deck):
        caption = next(s for s in slide.shapes if s.name.startswith("caption-"))
        title = slide.shapes.title
        room = caption.top / 12700 - (title.top + title.height) / 12700
        height = group.height / 12700
        assert height >= 0.6 * room, (number, round(height), round(room))
        sizes = [run.font.size.pt for leaf in _leaves(group) if leaf.has_text_frame
                 for paragraph in leaf.text_frame.paragraphs for run in paragraph.runs]
        assert floor - 0.01 <= min(sizes) and max(sizes) <= body + 0.01, (number, sizes)
        by_figure.setdefault(figure.id, set()).update(sizes)
        seen += 1
    assert seen
    for key, sizes in by_figure.items():  # a continued timeline is set alike on every slide
        assert len(sizes) == 1, (key, sorted(sizes))


def test_spread_keeps_order_and_gap_and_moves_least() -> None:
    slots = [Slot(40, 10), Slot(42, 10), Slot(44, 10), Slot(80, 10)]
    centres = spread(slots, 2, 0, 100)
    assert centres[:3] == pytest.approx([30, 42, 54])  # the crowd spreads about its middle
    for (a, sa), (b, sb) in zip(zip(centres, slots), zip(centres[1:], slots[1:])):
        assert b - a >= (sa.width + sb.width) / 2 + 2 - 1e-9
    assert centres[3] == pytest.approx(80)  # a box with room stays at its anchor
    edge = spread([Slot(1, 10), Slot(2, 10)], 0, 0, 100)
    assert edge[0] == pytest.approx(5) and edge[1] == pytest.approx(15)  # kept inside


def test_a_listed_column_sets_its_labels_on_one_edge() -> None:
    """Dates of one kind ("8 Jul 1853", "31 Mar 1854") in a column: every label starts at
    the same x (each label used to start where its own date ended, a ragged column); a span's
    much longer date may keep its label after it."""
    layout = load_layout(None)
    style = FigureStyle.from_layout(layout.palette, faces(layout.fonts.body), 14.0)
    document = resolve(load_source(CORPUS / "meiji-restoration.yaml"), layout)
    figure = next(n.figure for n in document.figures.values()
                  if isinstance(n.figure, TimelineFigure))
    scene = timeline_scene(figure, style, 873.6, 300, min_size=14)
    numbers = [item for item in scene.items if isinstance(item, Text)
               and item.role == "key-number" and item.top > 60]
    labels = [item for item in scene.items if isinstance(item, Text)
              and item.role == "event-label"]
    assert len(labels) == len(figure.events) and numbers
    points = {event.label.split()[0] for event in figure.events if not event.date.is_range}
    labels = [label for label in labels if label.lines[0].split()[0] in points]
    columns: dict[float, set[float]] = {}
    for label in labels:
        column = max(n.left for n in numbers if n.left <= label.left)
        columns.setdefault(round(column, 1), set()).add(round(label.left, 1))
    assert len(columns) >= 2
    assert all(len(edges) == 1 for edges in columns.values()), columns


def test_a_continued_list_goes_on_numbering_on_one_axis() -> None:
    """The large-print deck continues the thirteen days' list over slides: the numbers go
    on from slide to slide (1–6, then 7–11, not 1–6 and 1–5), and every part stands on the
    same axis (the same band labels)."""
    document, deck = _deck("cuban-missile-crisis", "large-print")
    numbers: list[int] = []
    bands = []
    parts = 0
    for number, slide, group, figure in _timeline_slides(document, deck):
        leaves = list(_leaves(group))
        band = [_box(leaf) for leaf in leaves if _role(leaf) == "axis"][0]
        listed = [leaf for leaf in leaves if _role(leaf) == "key-number"
                  and _box(leaf)[1] >= band[3] - 0.5]
        numbers += [n for leaf in listed for n in _numbers(leaf.text_frame.text)]
        bands.append([leaf.text_frame.text for leaf in leaves if _role(leaf) == "year"])
        parts += 1
        count = len(figure.events)
    assert parts >= 2
    assert sorted(numbers) == list(range(1, count + 1)), numbers
    assert all(band == bands[0] for band in bands), bands
