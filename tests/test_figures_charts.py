"""The shared figure decisions (``builder.charts``): number formats as PowerPoint prints
them, axis scales, projection and clipping, and label layouts that never collide."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from builder.text.nobreak import bind
from builder.text.words import words_for
from builder.charts.geo import Projection, clip_line, clip_polygon, read_outline
from builder.charts.geometry import Box
from builder.charts.labels import wrap_labels
from builder.charts.maps import map_scene
from builder.text.numbers import format_number, format_problem
from builder.charts.scale import category_scale, nice_scale
from builder.charts.scene import Text
from builder.charts.style import FigureStyle
from builder.charts.timeline import timeline_scene
from builder.layout import load_layout
from builder.model import MapFigure, TimelineFigure
from builder.resolve.document import resolve
from builder.load.source import load_source

DATA = Path(__file__).parent / "data"
SAMPLE = Path(__file__).resolve().parent.parent / "sources" / "korean-war.yaml"

ENGLISH = words_for("en")  # the words a figure style speaks unless told otherwise


@pytest.fixture(scope="module")
def style() -> FigureStyle:
    layout = load_layout(None)
    from builder.text.fonts import faces

    return FigureStyle.from_layout(layout.palette, faces(layout.fonts.body), 9.0)


@pytest.mark.parametrize("value,code,shown", [
    (1234567, "#,##0", "1,234,567"),
    (1234.56, "#,##0.0", "1,234.6"),
    (0.256, "0%", "26%"),
    (0.2567, "0.0%", "25.7%"),
    (1234, "$#,##0", "$1,234"),
    (-1234.5, "#,##0", "-1,235"),
    (2.5, "0", "3"),  # Excel rounds half away from zero
    (-2.5, "0", "-3"),
    (36574, '#,##0" dead"', "36,574 dead"),
    (120.5, '#,##0.0"k"', "120.5k"),
    (2500000, '#,##0.0,,"M"', "2.5M"),
    (5, '0 "km"', "5 km"),
    (0.5, "#,##0.00", "0.50"),
    (3.5, "0.##", "3.5"),
    (-4, "#,##0;(#,##0)", "(4)"),
    (0, "#,##0;-#,##0;\"none\"", "none"),
    (12, "General", "12"),
    (1.25, "General", "1.25"),
])
def test_number_formats_print_what_powerpoint_shows(value: float, code: str, shown: str) -> None:
    assert format_number(value, code) == shown


@pytest.mark.parametrize("code,problem", [("", "empty"), ('0"x', "quote"), ("0.0.0", "decimal"),
                                          ("0;0;0;0;0", "four sections")])
def test_bad_number_formats_are_named(code: str, problem: str) -> None:
    assert problem in format_problem(code)


@pytest.mark.parametrize("code", ["#,##0", "0.0%", '$#,##0.0"k"', "#,##0;(#,##0)", "General"])
def test_good_number_formats_pass(code: str) -> None:
    assert format_problem(code) is None


@pytest.mark.parametrize("low,high,maximum,step", [
    (0, 137899, 140000, 20000), (0, 302.25, 350, 50), (0, 46, 50, 10), (0, 0.9, 1.0, 0.2),
    (0, 0, 1, 0.2), (0, 100000, 100000, 20000),
])
def test_nice_scale_covers_the_data_with_round_steps(low, high, maximum, step) -> None:
    scale = nice_scale(low, high)
    assert (scale.minimum, scale.maximum, scale.step) == (0, maximum, step)
    assert scale.ticks[0] == 0 and scale.ticks[-1] == maximum


def test_negative_values_extend_the_scale_below_zero() -> None:
    scale = nice_scale(-12, 40)
    assert scale.minimum < -12 and scale.maximum >= 40 and 0 in scale.ticks


def test_stacked_scale_sums_each_category() -> None:
    assert category_scale([(10, 20), (5, 25)], stacked=True).maximum == 50
    assert category_scale([(10, 20), (5, 25)], stacked=False).maximum == 25


@pytest.mark.parametrize("kind", ["equirectangular", "mercator"])
def test_projection_maps_bounds_onto_the_box_north_up(kind: str) -> None:
    bounds = (124.0, 33.0, 131.0, 43.0)
    aspect = Projection.aspect(kind, bounds)
    project = Projection(bounds, kind, 100, 100 * aspect)
    assert project(124, 43) == pytest.approx((0, 0))
    assert project(131, 33) == pytest.approx((100, 100 * aspect))
    assert project(127.5, 38)[1] < project(127.5, 37)[1]  # north is up


def test_mercator_stretches_north_more_than_equirectangular() -> None:
    bounds = (124.0, 33.0, 131.0, 43.0)
    assert Projection.aspect("mercator", bounds) > Projection.aspect("equirectangular", bounds)


def test_clipping_keeps_only_what_is_inside_the_bounds() -> None:
    bounds = (0.0, 0.0, 10.0, 10.0)
    square = [(-5, -5), (5, -5), (5, 5), (-5, 5)]
    clipped = clip_polygon(square, bounds)
    assert all(0 <= x <= 10 and 0 <= y <= 10 for x, y in clipped)
    assert set(clipped) == {(0, 0), (5, 0), (5, 5), (0, 5)}
    assert clip_polygon([(20, 20), (30, 20), (30, 30)], bounds) == []
    assert clip_line([(-5, 5), (15, 5)], bounds) == [[(0, 5), (10, 5)]]


def test_outline_reads_polygons_and_multipolygons() -> None:
    polygons, lines = read_outline(DATA / "peninsula.geojson")
    assert len(polygons) == 3 and lines == []


def test_long_category_labels_wrap_to_their_slot(style: FigureStyle) -> None:
    labels = wrap_labels(["United Kingdom of Great Britain", "Canada"], style.typeface, 9, 60)
    assert len(labels.lines[0]) > 1 and labels.lines[1] == ("Canada",)
    for lines in labels.lines:
        assert all(style.typeface.width(line, labels.size) <= 60 for line in lines)


def text_boxes(scene) -> list[tuple[str, Box]]:
    return [(item.text, Box(item.left, item.top, item.width, item.height))
            for item in scene.items if isinstance(item, Text)]


def assert_no_collisions(scene) -> None:
    frame = Box(0, 0, scene.width, scene.height)
    boxes = text_boxes(scene)
    for text, box in boxes:
        assert box.inside(frame), f"'{text}' leaves the figure"
    for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2):
        assert not box_a.overlaps(box_b, -0.01), f"'{a}' overlaps '{b}'"  # touching is fine


def figures_of(path: Path, kind: type):
    document = resolve(load_source(path), load_layout(None))
    return [n.figure for n in document.figures.values() if isinstance(n.figure, kind)], document


def sources() -> list[Path]:
    return [DATA / "all-figures.yaml"] + ([SAMPLE] if SAMPLE.is_file() else [])


@pytest.mark.parametrize("path", sources(), ids=lambda p: p.stem)
@pytest.mark.parametrize("width,size", [(470, 8.5), (870, 14), (300, 9)])
def test_timeline_labels_never_collide(path: Path, width: float, size: float,
                                       style: FigureStyle) -> None:
    figures, _ = figures_of(path, TimelineFigure)
    for figure in figures:
        scene = timeline_scene(figure, style.resized(size), width, 1000)
        assert_no_collisions(scene)
        if width < 400:
            continue  # a narrow column may force a stem across a label; text never collides
        stems = [item for item in scene.items if getattr(item, "role", "") == "stem"]
        labels = [box for text, box in text_boxes(scene) if not text.isdigit()]
        for stem in stems:
            (x, y1), (_, y2) = stem.points
            for box in labels:
                crossed = (box.left < x < box.right and min(y1, y2) < box.bottom - 0.01
                           and max(y1, y2) > box.top + 0.01)
                assert not crossed, f"a stem at x={x:.1f} runs through a label"


@pytest.mark.parametrize("path", sources(), ids=lambda p: p.stem)
@pytest.mark.parametrize("width,height,size", [
    (873.6, 300, 14),  # a 16:9 slide under title, caption and credit
    (873.6, 299, 15),  # history-101
    # the 4:3 large-print box, made taller: the lanes cannot fit, the keyed list does (at
    # 204 pt, the real slide, its number row makes the deck continue the list over two
    # slides: tests/test_deck_timeline_floor.py)
    (648, 260, 18),
])
def test_slide_timeline_keeps_its_floor_and_every_event(path: Path, width, height, size,
                                                        style: FigureStyle) -> None:
    """Given a floor (the deck's), a timeline never scales its text below it while a label
    form or the list form fits: every date and label is drawn once, at the floor or above,
    inside the box, with no two texts overlapping."""
    figures, _ = figures_of(path, TimelineFigure)
    for figure in figures:
        scene = timeline_scene(figure, style.resized(size), width, height, min_size=size)
        assert scene.height <= height + 1e-6 and scene.width <= width + 1e-6
        texts = [item for item in scene.items if isinstance(item, Text)]
        assert min(item.size for item in texts) >= size - 1e-6
        shown = [" ".join(item.text.split()) for item in texts]
        for event in figure.events:
            assert shown.count(ENGLISH.date(event.date, short=True)) >= 1
            assert " ".join(event.label.split()) in shown
        assert_no_collisions(scene)


def test_a_dense_slide_timeline_lists_its_events_under_the_axis(style: FigureStyle) -> None:
    """The sample's twelve events at 18 pt in 648 × 260 pt: two columns in date order, each
    row's date level with its label, the first column's rows left of the second's."""
    figures, _ = figures_of(SAMPLE, TimelineFigure)
    scene = timeline_scene(figures[0], style.resized(18), 648, 260, min_size=18)
    dates = [item for item in scene.items if isinstance(item, Text) and item.role == "date"]
    labels = [item for item in scene.items if isinstance(item, Text)
              and item.role == "event-label"]
    assert len(dates) == len(labels) == len(figures[0].events)
    for date, label in zip(dates, labels):
        assert label.top == date.top and label.left > date.left + date.width
    columns = sorted({date.left for date in dates})
    assert len(columns) == 2
    ordered = sorted(dates, key=lambda item: (item.left, item.top))
    # (a span too wide for the date column sets its end under its start)
    assert [d.text.replace("–\n", "– ") for d in ordered] == [
        bind(ENGLISH.date(e.date, short=True))
        for e in sorted(figures[0].events, key=lambda e: e.date)]


def test_horizontal_bar_value_axis_has_at_most_four_steps() -> None:
    """Its numbers stand side by side, so the shared scale gives them room: the guide and the
    deck both use ``chart_scale``."""
    from builder.charts.plots import HORIZONTAL_MAX_TICKS, chart_scale

    document = resolve(load_source(SAMPLE), load_layout(None))
    bars = [n.figure for n in document.figures.values() if n.figure.kind == "bar"
            and n.figure.orientation == "horizontal"]
    assert bars
    for figure in bars:
        scale = chart_scale(figure)
        assert len(scale.ticks) - 1 <= HORIZONTAL_MAX_TICKS
        assert scale.maximum >= max(v for one in figure.series for v in one.values)


def test_map_line_labels_do_not_sit_on_the_coast(style: FigureStyle) -> None:
    """On the sample's slide-sized map (219 × 365 pt at 14 pt), no line's name crosses the
    coastline or a drawn line, and every name stays within a few lines of its line."""
    from builder.charts.leaders import box_distance, segment_hits
    from builder.charts.scene import Path as ScenePath

    figures, document = figures_of(SAMPLE, MapFigure)
    scene = map_scene(figures[0], style.resized(14), 219, 365, document.asset, 14)
    coast = [segment for item in scene.items if isinstance(item, ScenePath)
             and item.role == "land"
             for segment in zip(item.points, item.points[1:] + item.points[:1])]
    drawn = [segment for item in scene.items if isinstance(item, ScenePath)
             and item.role in ("map-line", "area")
             for segment in zip(item.points, item.points[1:])]
    labels = [(item.text, Box(item.left, item.top, item.width, item.height))
              for item in scene.items if isinstance(item, Text) and item.role == "line-label"]
    assert len(labels) == 3
    for text, box in labels:
        assert not any(segment_hits(box, a, b) for a, b in drawn), text
        assert not any(segment_hits(box, a, b) for a, b in coast), text
        assert min(box_distance(box, a, b) for a, b in drawn) <= 14 * 4, text


@pytest.mark.parametrize("path", sources(), ids=lambda p: p.stem)
@pytest.mark.parametrize("width,height,size", [(470, 330, 8.5), (870, 400, 14), (250, 300, 9)])
def test_map_labels_never_collide_or_leave_the_frame(path: Path, width, height, size,
                                                     style: FigureStyle) -> None:
    figures, document = figures_of(path, MapFigure)
    for figure in figures:
        scene = map_scene(figure, style.resized(size), width, height, document.asset)
        assert scene.width <= width + 1e-6 and scene.height <= height + 1e-6
        assert_no_collisions(scene)


def test_close_places_honour_their_position_and_part(style: FigureStyle, tmp_path: Path) -> None:
    """Seoul and Inch'on are 30 km apart: each label keeps its side when it can."""
    figures, document = figures_of(DATA / "all-figures.yaml", MapFigure)
    scene = map_scene(figures[0], style, 470, 330, document.asset)
    boxes = dict(text_boxes(scene))
    from builder.charts.geo import Projection as P

    figure = figures[0]
    aspect = P.aspect(figure.projection, figure.bounds)
    project = P(figure.bounds, figure.projection, scene.width, scene.width * aspect)
    seoul_x, _ = project(126.98, 37.57)
    inchon_x, _ = project(126.63, 37.46)
    assert boxes["Seoul"].left > seoul_x  # position: right (the default)
    assert boxes["Inch’on"].right < inchon_x  # position: left (its apostrophe set by resolve)


@pytest.mark.parametrize("code,high", [("#,##0", 3), ("#,##0", 16), ("0%", 0.07), ("0.0%", 0.9),
                                       ('#,##0,"k"', 4200)])
def test_axis_ticks_never_print_the_same_label_twice(code: str, high: float) -> None:
    from builder.text.numbers import format_resolution

    scale = nice_scale(0, high, resolution=format_resolution(code))
    shown = [format_number(t, code) for t in scale.ticks]
    assert len(set(shown)) == len(shown), shown


def test_categories_too_long_for_their_slot_are_turned(style: FigureStyle) -> None:
    labels = wrap_labels(["Democratic People's Republic of Korea", "Belgium"], style.typeface,
                         9, 20)
    assert labels.rotated and labels.lines == (("Democratic People's Republic of Korea",),
                                               ("Belgium",))
