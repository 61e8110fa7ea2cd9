"""Time at any scale: dates to the hour and before the common era, an axis unit chosen from
the span, readable bounded tick labels, and timelines from one day to three millennia that
read cleanly in the page's and the slide's forms."""

from __future__ import annotations

import itertools
import time

import pytest

from builder.charts.geometry import Box
from builder.charts.scene import Text
from builder.charts.style import FigureStyle
from builder.charts.timeaxis import time_scale
from builder.charts.timeline import timeline_scene
from builder.layout import load_layout
from builder.model import TimelineFigure, parse_date


@pytest.fixture(scope="module")
def style() -> FigureStyle:
    layout = load_layout(None)
    from builder.text.fonts import faces

    return FigureStyle.from_layout(layout.palette, faces(layout.fonts.body), 9.0)


@pytest.mark.parametrize(("text", "shown", "canonical"), [
    ("1962-10-27 14:00", "October 27, 1962, 14:00", "1962-10-27T14:00"),
    ("1962-10-27T09:30", "October 27, 1962, 09:30", "1962-10-27T09:30"),
    ("300 BCE", "300 BCE", "300 BCE"),
    ("-300", "300 BCE", "300 BCE"),
    (-44, "44 BCE", "44 BCE"),
    ("44 BC/14", "44 BCE – 14", "44 BCE/0014"),
    ("800", "800", "0800"),
])
def test_dates_to_the_hour_and_before_the_common_era(text, shown: str, canonical: str) -> None:
    date = parse_date(text)
    assert date.display() == shown
    assert str(date) == canonical
    assert parse_date(str(date)) == date  # what the manifest writes reads back


@pytest.mark.parametrize(("text", "message"), [
    ("0", "there is no year 0"),
    ("1962-10-27 24:00", "hour 24 is not between 0 and 23"),
    ("-5 BCE", "not both"),
    ("1962-10-27 14:00/1962-10-27 09:00", "ends"),
])
def test_impossible_dates_are_named(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_date(text)


def test_years_before_the_common_era_run_on_without_a_year_zero() -> None:
    one_bce, one_ce = parse_date("1 BCE").start, parse_date("1").start
    assert one_bce.last_day() == one_ce.first_day()
    assert sorted([one_ce, one_bce]) == [one_bce, one_ce]
    assert parse_date("1962-10-27").start.last_day() - parse_date("1962-10-27").start.first_day() == 1


class _Event:
    def __init__(self, date: str, label: str = "Something happened") -> None:
        self.date = parse_date(date)
        self.label = label
        self.detail = None


SPANS = {  # name: (first, last, unit of the cells, some labels the band must show)
    "one day": ("1962-10-27 06:00", "1962-10-27 21:00", "hour", {"12:00"}),
    "thirteen days": ("1962-10-16", "1962-10-28", "day", {"Oct 16"}),
    "eight years": ("1945-08", "1953-07-27", "year", {"1950"}),
    "seventy years": ("1947", "2016", "year", {"1950s"}),
    "three thousand years": ("1200 BCE", "1800", "year", {"500 BCE", "1 CE"}),
}


@pytest.mark.parametrize("name", list(SPANS))
@pytest.mark.parametrize("width", [250.0, 470.0, 870.0])
def test_the_axis_unit_follows_the_span(name: str, width: float, style: FigureStyle) -> None:
    """The cells are the coarsest natural unit giving four or more of them; the labels that
    fit keep apart, stay few (at most one per 20 pt) and are written as people write time."""
    first, last, kind, expected = SPANS[name]
    scale = time_scale([_Event(first), _Event(last)], None, None, 0.0, width)
    assert scale.unit.kind == kind
    unit, labels = scale.labels(lambda t: style.typeface.width(t, 9, bold=True) + 1, 7.0)
    assert 1 <= len(labels) <= max(2, width / 20)
    texts = [text for _, text in labels]
    if width >= 470:
        assert expected & set(texts), texts
    assert not any("*" in text or text.startswith("-") for text in texts)


def _figure(events, start=None, end=None) -> TimelineFigure:
    return TimelineFigure.model_validate({
        "kind": "timeline", "id": "t", "caption": "c", "alt": "a", "start": start, "end": end,
        "events": [{"date": d, "label": label} for d, label in events]})


CRISIS = [("1962-10-16", "Kennedy sees the U-2 photographs"),
          ("1962-10-18", "Gromyko meets Kennedy"), ("1962-10-20", "Kennedy chooses a quarantine"),
          ("1962-10-22", "Kennedy addresses the nation"), ("1962-10-23", "OAS backs it"),
          ("1962-10-24", "Quarantine takes effect"), ("1962-10-25", "Stevenson at the UN"),
          ("1962-10-26", "Khrushchev's first letter"), ("1962-10-27", "U-2 shot down"),
          ("1962-10-27", "Khrushchev's second letter"),
          ("1962-10-28", "Khrushchev agrees to withdraw"),
          ("1962-10-24/1962-10-28", "Naval quarantine")]
FIGURES = {
    "one day": _figure([("1962-10-27 09:00", "Second letter broadcast"),
                        ("1962-10-27 12:00", "U-2 shot down"),
                        ("1962-10-27 16:00", "ExComm meets"),
                        ("1962-10-27 19:45", "Robert Kennedy meets Dobrynin")]),
    "thirteen days": _figure(CRISIS, "1962-10-16", "1962-10-28"),
    "eight years": _figure([("1945-08", "Korea divided"), ("1950-06-25", "Invasion"),
                            ("1951-07/1953-07-27", "Peace talks"),
                            ("1953-07-27", "Armistice")], 1945, 1953),
    "three thousand years": _figure([("1200 BCE", "Bronze Age collapse"),
                                     ("44 BCE", "Caesar killed"), ("476", "Fall of Rome"),
                                     ("1453", "Constantinople falls"), ("1789", "Revolution")]),
}


def _boxes(scene) -> list[tuple[str, Box]]:
    return [(item.text, Box(item.left, item.top, item.width, item.height))
            for item in scene.items if isinstance(item, Text)]


def _assert_clean(scene) -> None:
    """No label leaves the figure or overlaps another; no stem runs through a label."""
    frame = Box(0, 0, scene.width, scene.height)
    boxes = _boxes(scene)
    for text, box in boxes:
        assert box.inside(frame), f"'{text}' leaves the figure"
    for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2):
        assert not box_a.overlaps(box_b, -0.01), f"'{a}' overlaps '{b}'"
    for stem in (item for item in scene.items if getattr(item, "role", "") == "stem"):
        (x, y1), (_, y2) = stem.points
        for text, box in boxes:
            crossed = (box.left < x < box.right and min(y1, y2) < box.bottom - 0.01
                       and max(y1, y2) > box.top + 0.01)
            assert not crossed, f"a stem at x={x:.1f} runs through '{text}'"


@pytest.mark.parametrize("name", list(FIGURES))
@pytest.mark.parametrize("width,height,size,floor", [
    (470, 600, 9, None),       # the guide's column
    (873.6, 300, 14, 14),      # a 16:9 slide
    (648, 204, 18, 18),        # the 4:3 large-print slide
])
def test_every_scale_reads_cleanly(name: str, width, height, size, floor,
                                   style: FigureStyle) -> None:
    figure = FIGURES[name]
    scene = timeline_scene(figure, style.resized(size), width, height, min_size=floor)
    assert scene.height <= height + 1e-6
    _assert_clean(scene)
    texts = [" ".join(t.split()) for t, _ in _boxes(scene)]
    for event in figure.events:
        assert " ".join(event.label.split()) in texts
    assert not any("*" in text for text in texts)
    if name == "thirteen days":  # the year is the caption's; a day reads as a day
        assert "Oct 16" in texts and not any("1962" in text for text in texts)


def test_three_hundred_events_on_one_day_finish_in_seconds(style: FigureStyle) -> None:
    """Too many to lane: the list form, built in a few linear passes, every event listed."""
    events = [(f"1962-10-27 {h:02d}:{m:02d}", f"Message {h * 60 + m} received")
              for h in range(24) for m in range(0, 60, 4)][:300]
    figure = _figure(events)
    began = time.perf_counter()
    guide = timeline_scene(figure, style, 470, 650)
    deck = timeline_scene(figure, style.resized(14), 873.6, 300, min_size=14)
    assert time.perf_counter() - began < 30  # generous: seconds, not the minutes it took
    for scene in (guide, deck):
        _assert_clean(scene)
        labels = [item for item in scene.items
                  if isinstance(item, Text) and item.role == "event-label"]
        assert len(labels) == 300


@pytest.mark.parametrize("layout_name", ["default", "large-print"])
def test_page_figure_text_keeps_the_layouts_floor(layout_name: str) -> None:
    """On the page, timeline and map text never shrinks below 85 % of the layout's figure
    size: large print keeps large figure text (names that find no place go to the key)."""
    from pathlib import Path

    from builder.charts.figures import scene_for
    from builder.guide.figures import figure_style
    from builder.load.source import load_source
    from builder.resolve.document import resolve

    root = Path(__file__).resolve().parent.parent
    layout = load_layout(root / "layouts" / f"{layout_name}.yaml")
    document = resolve(load_source(root / "sources" / "korean-war.yaml"), layout)
    style = figure_style(document)
    for numbered in document.figures.values():
        figure = numbered.figure
        if figure.kind not in ("timeline", "map"):
            continue
        scene = scene_for(figure, style, 470, 560, document.asset)
        sizes = [item.size for item in scene.items if isinstance(item, Text)]
        assert min(sizes) >= style.size * 0.85 - 1e-6, (figure.id, min(sizes), style.size)
