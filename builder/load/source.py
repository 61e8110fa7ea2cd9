"""Load a lecture source: YAML → validated ``Lecture`` → cross-checked, or every problem at once.

Cross-checks are what a schema cannot say: ids are unique, every figure reference resolves,
every declared figure is used, and every file a figure names exists and can be read.
This module must stay free of reportlab and python-pptx so ``validate`` stays light.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from builder import atlas
from builder.errors import Problem, SourceError
from builder.text.numbers import format_problem
from builder.model import (FIGURE_KINDS, BLOCK_KINDS, FigureRef, ImageFigure, Lecture, MapFigure,
                           TimelineFigure)
from builder.load.files import LIMITS, FileProblem, confine, display_path, read_bytes, read_text
from builder.load.media import geojson_problem, image_problem
from builder.load.validate import validate
from builder.load.yamlfile import Located, load_yaml

KIND_NAMES = {"block": (*BLOCK_KINDS, "notes"), "kind": FIGURE_KINDS}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg"}


@dataclass(frozen=True)
class Source:
    """A validated lecture and where it came from (assets resolve relative to ``folder``)."""

    path: Path
    lecture: Lecture
    located: Located

    @property
    def folder(self) -> Path:
        return self.path.parent

    @property
    def stem(self) -> str:
        return self.path.stem


def load_source(path: str | Path, text: str | None = None) -> Source:
    """Load, validate and cross-check one source; raise SourceError listing every problem."""
    path = Path(path)
    located, problems = load_yaml(path, text, display_path=display_path(path))
    if problems:
        raise SourceError(problems)
    lecture = validate(Lecture, located, SourceError, KIND_NAMES)
    problems = cross_check(lecture, located, path.parent)
    if problems:
        raise SourceError(problems)
    return Source(path, lecture, located)


def cross_check(lecture: Lecture, located: Located, folder: Path) -> list[Problem]:
    """Problems that span fields: ids, figure references, assets."""
    problems: list[Problem] = []
    section_ids = Counter(section.key for section in lecture.sections)
    for index, section in enumerate(lecture.sections):
        if section_ids[section.key] > 1:
            field = "id" if section.id else "title"
            problems.append(located.problem(("sections", index, field),
                                            f"section id '{section.key}' is used by "
                                            f"{section_ids[section.key]} sections; give each an id"))
            section_ids[section.key] = -1  # report each clash once
    figure_ids = Counter(figure.id for figure in lecture.figures)
    declared = {figure.id for figure in lecture.figures}
    for index, figure in enumerate(lecture.figures):
        if figure_ids[figure.id] > 1:
            problems.append(located.problem(("figures", index, "id"),
                                            f"figure id '{figure.id}' is declared twice"))
    used: set[str] = set()
    for s_index, section in enumerate(lecture.sections):
        for b_index, block in enumerate(section.blocks):
            if isinstance(block, FigureRef):
                used.add(block.figure)
                if block.figure not in declared:
                    problems.append(located.problem(
                        ("sections", s_index, "blocks", b_index, "figure"),
                        f"no figure '{block.figure}' is declared"
                        + (f" (declared: {', '.join(sorted(declared))})" if declared else "")))
    for index, figure in enumerate(lecture.figures):
        if figure.id not in used:
            problems.append(located.problem(("figures", index, "id"),
                                            f"figure '{figure.id}' is declared but never shown: "
                                            f"add '- figure: {figure.id}' to a section"))
        problems += _check_assets(figure, index, located, folder)
        problems += _check_figure_data(figure, index, located, lecture.language)
    return problems


def _check_assets(figure, index: int, located: Located, folder: Path) -> list[Problem]:
    """Every file a figure names: inside the root, a regular file of bounded size, well formed."""
    if isinstance(figure, ImageFigure):
        where, value, kind = ("figures", index, "path"), figure.path, "image"
    elif isinstance(figure, MapFigure) and figure.outline:
        where, value, kind = ("figures", index, "outline"), figure.outline, "outline file"
    else:
        return []
    try:
        file = confine(value, folder, kind)
        if kind == "image":
            if file.suffix.lower() not in IMAGE_SUFFIXES:
                return [located.problem(where, f"'{value}' is not a PNG or JPEG image "
                                               "(.png, .jpg or .jpeg)")]
            message = image_problem(read_bytes(file, LIMITS["image"], kind, value), value)
        else:
            message = geojson_problem(read_text(file, LIMITS["data"], kind, value), value)
    except FileProblem as problem:
        message = str(problem)
    return [located.problem(where, message)] if message else []


def _check_figure_data(figure, index: int, located: Located,
                       language: str = "en") -> list[Problem]:
    """What one field cannot say, reported at the exact item: a number format PowerPoint
    would reject, a timeline event off its axis, a map place or line outside the world or
    the map."""
    problems: list[Problem] = []
    where = ("figures", index)
    number_format = getattr(figure, "number_format", None)
    if number_format is not None:
        problem = format_problem(number_format)
        if problem:
            problems.append(located.problem((*where, "number_format"),
                                            f"number format '{number_format}': {problem}"))
    if isinstance(figure, TimelineFigure):
        problems += _check_timeline(figure, where, located)
    if isinstance(figure, MapFigure):
        problems += _check_map(figure, where, located, language)
    return problems


def _check_timeline(figure: TimelineFigure, where, located: Located) -> list[Problem]:
    """The axis's ``end`` after its ``start``, and every event on the axis (each compared as
    the periods they name: an axis ending 1962 runs to the last hour of 1962)."""
    first, last = figure.start, figure.end
    low = first.start.first_day() if first is not None else None
    high = last.start.last_day() if last is not None else None
    if low is not None and high is not None and high <= low:
        return [located.problem((*where, "end"), f"the axis ends ({last}) before it starts "
                                                 f"({first})")]
    problems = []
    for number, event in enumerate(figure.events):
        date = event.date
        if (low is not None and date.start.first_day() < low - 1e-9) or (
                high is not None and date.last.last_day() > high + 1e-9):
            axis = f"{first if first is not None else '…'}–{last if last is not None else '…'}"
            problems.append(located.problem((*where, "events", number, "date"),
                                            f"{date} lies outside the axis {axis}: widen "
                                            "'start'/'end' or drop the event"))
    return problems


def _check_map(figure: MapFigure, where, located: Located,
               language: str = "en") -> list[Problem]:
    problems = []
    for group in ("lines", "areas"):
        for number, item in enumerate(getattr(figure, group)):
            for point_number, (lon, lat) in enumerate(item.coordinates):
                path = (*where, group, number, "coordinates", point_number)
                if not -180 <= lon <= 180:
                    problems.append(located.problem(path, f"longitude {lon:g} is not between "
                                                          "-180 and 180"))
                elif not -90 <= lat <= 90:
                    problems.append(located.problem(path, f"latitude {lat:g} is not between "
                                                          "-90 and 90"))
    for number, name in enumerate(figure.countries):
        if atlas.lookup(name) is None:
            close = atlas.suggestion(name, language)
            hint = f"did you mean '{close}'?" if close else \
                "write its name as in an atlas or its ISO code (CU, CUB)"
            problems.append(located.problem((*where, "countries", number),
                                            f"'{name}' is not a country the world map knows: "
                                            f"{hint}"))
    if problems:
        return problems
    frame = atlas.region(
        figure.bounds, figure.countries,
        [(point.lon, point.lat) for point in figure.points if not point.off_map])
    west, south, east, north = atlas.written(frame)  # as the source writes a box
    for number, point in enumerate(figure.points):
        if point.off_map:
            continue
        if not atlas.contains(frame, point.lon, point.lat):
            problems.append(located.problem(
                (*where, "points", number),
                f"'{point.label}' ({point.lon:g}, {point.lat:g}) lies outside the map's region "
                f"[{west:g}, {south:g}, {east:g}, {north:g}]: " + _swapped(figure.bounds, point)
                + "widen 'bounds', add its country, mark it 'off_map: true' for an arrow at "
                "the edge, or drop the point"))
    return problems


def _swapped(bounds, point) -> str:
    """The fix for a box whose west and east were written the wrong way round: a west
    greater than east means the box crosses the 180° meridian, the long way round the
    world, and leaves out exactly the strip the source meant."""
    if bounds is None or bounds[0] <= bounds[2] or not bounds[2] <= point.lon <= bounds[0]:
        return ""
    west, south, east, north = bounds
    return (f"a west greater than east crosses the 180° meridian; for the region between "
            f"them write [{east:g}, {south:g}, {west:g}, {north:g}]; or ")
