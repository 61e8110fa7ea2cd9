"""Timelines and maps on slides: the shared scene painted as one group of native shapes.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from builder.charts import scene as sc
from builder.charts.figures import scene_for
from builder.charts.geometry import centred
from builder.charts.mapkey import key_parts, key_scene, may_continue
from builder.charts.maps import KEEP, map_scene
from builder.charts.markup import emphasis
from builder.charts.style import FigureStyle
from builder.deck.scenexml import ScenePainter
from builder.deck.figurekit import (
    EMU_PER_POINT,
    FigureBox,
    figure_max_size,
    figure_min_size,
    figure_style,
    finish_figure,
)
from builder.model import MapFigure, TimelineFigure
from builder.model.dates import DateSpan
from builder.resolve.document import Document
from builder.resolve.scenecache import cached_scene


def add_scene_group(slide, document: Document, figure, box: FigureBox, whole=None,
                    first_key: int = 0, key_part: tuple[int, int] | None = None):
    """The figure's scene as one group of native shapes centred in ``box``. ``whole``: the
    timeline ``figure`` is a part of, continued over slides, so every part is set in one
    size and form (``part_setting``); ``first_key``: where its list's numbers go on from; ``key_part``:
    of a map whose key continues over slides, the slice of its key this slide lists."""
    style = figure_style(document)
    width, height = box.width / EMU_PER_POINT, box.height / EMU_PER_POINT
    if isinstance(figure, MapFigure):
        style, arguments, options = map_request(document, figure, box)
        whole_map = cached_scene(map_scene, document, figure, *arguments, **options)
        if key_part is not None:  # the key continued: its entries in columns
            scene = key_scene(whole_map.rest[key_part[0]:key_part[1]], style,
                              figure_min_size(document), width, height)
        else:
            scene = sc.thickened(whole_map, style.size)
    else:
        cap, listed = part_setting(document, whole, box) if whole is not None else (None, False)
        scene = _scene(document, figure, width, height, cap, first_key, listed)
    x, y = centred(box.left, box.top, box.width, box.height, scene.width * EMU_PER_POINT,
                   scene.height * EMU_PER_POINT)
    group = slide.shapes.add_group_shape()
    fonts = document.layout.fonts
    painter = ScenePainter(group._element, (style.typeface.deck_name, fonts.east_asian,
                                            fonts.complex_script), x, y, scene.width)
    painter.level_with = _Levels([item for item in scene.items if isinstance(item, sc.Text)])
    painter.styled = emphasis(figure)
    for item in scene.items:
        painter.paint(item)
    painter.finish()
    finish_figure(group, figure)
    return group


def map_request(document: Document, figure: MapFigure, box: FigureBox
                ) -> tuple[FigureStyle, tuple, dict]:
    """The style a map on a slide is set in and the arguments of its ``map_scene`` (after
    the figure): the one request ``add_scene_group`` makes, which ``deck.ahead`` computes
    in advance. A map is as tall as the body and about as wide as a column: larger labels
    would push a line's name away from its line, which misleads more than small text does;
    its names may stand in the box's room beside the map."""
    floor = figure_min_size(document)
    style = figure_style(document).resized(floor)
    width, height = box.width / EMU_PER_POINT, box.height / EMU_PER_POINT
    return style, (style, width, height, document.asset, floor), {"beside": True}


def map_parts(document: Document, figure: MapFigure, box: FigureBox
              ) -> list[tuple[int, int] | None]:
    """The slides a map takes: the map (``None``), then its key's continuation, a slice of
    the entries its slide had no room for on each slide of its own."""
    style, arguments, options = map_request(document, figure, box)
    floor = figure_min_size(document)
    width, height = box.width / EMU_PER_POINT, box.height / EMU_PER_POINT
    if not may_continue(figure, style, floor, width, height, KEEP):
        return [None]  # planned without its scene (``deck.ahead`` computes it meanwhile)
    rest = cached_scene(map_scene, document, figure, *arguments, **options).rest
    if not rest:
        return [None]
    return [None, *key_parts(rest, style, floor, width, height)]


def _scene(document: Document, figure, width: float, height: float,
           max_size: float | None = None, first_key: int = 0,
           listed: bool = False) -> sc.Scene:
    """A timeline or chart scene for a ``width`` × ``height`` box (points), remembered, so
    planning a timeline's parts and drawing them compute each scene once; its text grows
    with room to spare up to ``max_size`` (the deck's body size unless given); ``listed``:
    a timeline in its list form only."""
    options = {"first_key": first_key, "listed": True} if listed else {"first_key": first_key}
    return cached_scene(scene_for, document, figure, figure_style(document), width, height,
                        document.asset, figure_min_size(document),
                        max_size or figure_max_size(document), **options)


def part_setting(document: Document, figure: TimelineFigure, box: FigureBox
                 ) -> tuple[float | None, bool]:
    """The one text size and the one form for every part of a timeline continued over
    slides: the list form for all when any part needs it (the sample's large print drew
    part 1 in lanes and part 2 as a list numbered from 7, numbers 1–6 shown nowhere), and
    the smallest size any part grows to on its own in that form (a part of three events
    could grow further than one of four; set alike, the slides read as one figure).
    (None, False) when it takes one slide."""
    parts = timeline_parts(document, figure, box)
    if len(parts) < 2:
        return None, False
    width, height = box.width / EMU_PER_POINT, box.height / EMU_PER_POINT
    listed = any(_is_list(_scene(document, sliced(figure, part), width, height, None,
                                 part[0])) for part in parts)
    size = min(max((item.size for item in _scene(document, sliced(figure, part), width,
                                                  height, None, part[0], listed).items
                    if isinstance(item, sc.Text)), default=figure_max_size(document))
               for part in parts)
    return size, listed


def _is_list(scene: sc.Scene) -> bool:
    """Whether a timeline scene is the list form (its rows are numbered)."""
    return any(isinstance(item, sc.Text) and item.role == "key-number" for item in scene.items)


def _legible(scene: sc.Scene, floor: float) -> bool:
    return all(item.size >= floor - 0.01 for item in scene.items if isinstance(item, sc.Text))


def timeline_parts(document: Document, figure: TimelineFigure, box: FigureBox
                   ) -> list[tuple[int, int]]:
    """Slices of the timeline's events that each draw in the EMU ``box`` with every label at
    the deck's ``figure_min_size``; one slice when the whole timeline does.

    A scene too tall for its box is scaled down as a last resort, text included: 13 events on
    a large-print slide came out at 6 pt beside 24 pt bullets. Rather than shrink, the events
    are spread evenly over as many slides as keep every label at the floor, each slide's
    timeline drawn on its own (the list form continued), as a long table continues."""
    floor = figure_min_size(document)
    width, height = box.width / EMU_PER_POINT, box.height / EMU_PER_POINT
    events = len(figure.events)
    for count in range(1, events // 2 + 1):  # evenly: 13 events as 4, 3, 3, 3, not 3 … 1
        cuts = [round(index * events / count) for index in range(count + 1)]
        parts = list(zip(cuts, cuts[1:]))
        if all(_legible(_scene(document, sliced(figure, part), width, height), floor)
               for part in parts):
            return parts
    return [(start, min(start + 2, events)) for start in range(0, events, 2)]


def sliced(figure: TimelineFigure, part: tuple[int, int] | None) -> TimelineFigure:
    """The timeline with only the events ``part`` (start, end) of it; whole when ``None``.
    Every part of a continued timeline keeps one axis: the source's ``start``/``end``, else
    from the first of all its events to the last (a part's own events drew a shorter axis
    on some slides than on others)."""
    if part is None or part == (0, len(figure.events)):
        return figure
    first = min((event.date for event in figure.events), key=lambda d: d.start.first_day())
    last = max((event.date for event in figure.events), key=lambda d: d.last.last_day())
    return figure.model_copy(update={
        "events": figure.events[part[0]:part[1]],
        "start": figure.start or DateSpan(first.start),
        "end": figure.end or DateSpan(last.last)})


class _Levels:
    """The labels level with a label (some line of each at the same height), found by the
    labels' tops sorted once: a timeline of 300 labels asked each of the others, 90,000 times."""

    def __init__(self, texts: list[sc.Text]) -> None:
        self.texts = sorted(texts, key=lambda text: text.top)
        self.tops = [text.top for text in self.texts]
        self.tallest = max((text.height for text in texts), default=0.0)

    def __call__(self, item: sc.Text) -> list[sc.Text]:
        bottom = item.top + item.height
        first = bisect_right(self.tops, item.top - self.tallest)
        last = bisect_left(self.tops, bottom)
        return [other for other in self.texts[first:last] if other is not item
                and other.top + other.height > item.top]


def filled_at_once(group):
    """The group's shapes, to be added all at once, then ``group._element.recalculate_extents()``.

    python-pptx recomputes a group's extents over every child and scans every shape id of the
    slide after each shape it adds (quadratic in the group's size): ids are counted here
    instead (nothing else may add to the slide until the group is finished) and the extents
    are computed once, over the finished group, which gives the same values.
    """
    shapes = group.shapes
    shapes.turbo_add_enabled = True
    shapes._recalculate_extents = _later
    return shapes


def _later() -> None:
    """Stands in for the group's per-shape extent update while it is being filled."""
