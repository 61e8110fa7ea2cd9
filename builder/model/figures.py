"""Figures: declared once at lecture level, drawn natively by each renderer.

A figure is an envelope (id, caption, alt text, credit) plus kind-specific data. The
``kind`` key selects the model, so an unknown kind or a field that belongs to another kind
is reported at its line like any other mistake.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Literal, Union

from pydantic import Field, ValidationInfo, field_validator, model_validator

from builder.model.base import Model
from builder.model.dates import Date, PointDate
from builder.model.limits import (MAX_EVENTS, MAX_MAP_ITEMS, MAX_PARAGRAPH, MAX_TABLE_COLUMNS,
                                  MAX_TABLE_ROWS, MAX_TITLE, MAX_VERTICES, MAX_WIDTH, Finite,
                                  Latitude, Longitude)

Identifier = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80,
                                  description="lowercase letters, digits and hyphens")]
Text = Annotated[str, Field(min_length=1, max_length=MAX_PARAGRAPH)]
Title = Annotated[str, Field(min_length=1, max_length=MAX_TITLE)]  # a heading or a label


_LABEL_FIELDS = ("value_axis_title", "category_axis_title", "category_header")


class FigureBase(Model):
    """What every figure has, whatever its kind."""

    id: Identifier
    caption: Text
    alt: Text = Field(description="Alternative text read by screen readers: what the figure shows.")
    credit: str | None = Field(default=None, description="Source or credit line printed under it.")
    notes: str | None = Field(default=None, description="Speaker notes for the figure's slide.")

    def with_labels(self, change: Callable[[str], str]):
        """A copy with ``change`` applied to every label the figure draws itself (axis
        titles, categories, series names, data headings, table cells, event labels, map
        names): the one list of a figure's own text, for stripping markup
        (``charts.markup``) and for the body's typography (``resolve``: quotation marks,
        no-break spaces). Captions and alt text are the renderers' body text."""
        update: dict = {}
        for name in _LABEL_FIELDS:
            value = getattr(self, name, None)
            if value:
                update[name] = change(value)
        if getattr(self, "categories", None) and self.kind != "map":
            update["categories"] = tuple(change(c) for c in self.categories)
        if getattr(self, "series", None):
            update["series"] = tuple(s.model_copy(update={"name": change(s.name)})
                                     for s in self.series)
        if self.kind in ("pie", "donut") and getattr(self, "header", None):
            update["header"] = tuple(change(cell) for cell in self.header)
        if self.kind == "table":  # a table figure's cells are figure text too
            update["header"] = tuple(change(cell) for cell in self.header)
            update["rows"] = tuple(tuple(change(cell) for cell in row) for row in self.rows)
        if self.kind == "timeline":
            update["events"] = tuple(e.model_copy(update={"label": change(e.label)})
                                     for e in self.events)
        if self.kind == "map":
            for group in ("points", "lines", "areas"):
                update[group] = tuple(item.model_copy(update={"label": change(item.label)})
                                      if item.label else item for item in getattr(self, group))
        changed = {name: value for name, value in update.items() if value != getattr(self, name)}
        return self.model_copy(update=changed) if changed else self


class Series(Model):
    """One named row of numbers, one value per category."""

    name: Title
    values: tuple[Finite, ...]


class ValueAxis(Model):
    """Where a value axis starts and ends and how far apart its ticks are (each optional:
    what is left out is chosen from the data, as without it)."""

    min: Finite | None = Field(default=None, description="Lowest value on the axis")
    max: Finite | None = Field(default=None, description="Highest value on the axis")
    step: Finite | None = Field(default=None, gt=0, description="Distance between ticks")

    @model_validator(mode="after")
    def _ordered(self):
        if self.min is not None and self.max is not None and self.max <= self.min:
            raise ValueError(f"max ({self.max:g}) must be above min ({self.min:g})")
        if self.step is not None and self.min is not None and self.max is not None \
                and (self.max - self.min) / self.step > 50:
            raise ValueError(f"a step of {self.step:g} gives more than 50 ticks from "
                             f"{self.min:g} to {self.max:g}; choose a larger step")
        return self


class _CategoryChart(FigureBase):
    categories: tuple[Text, ...] = Field(min_length=1)
    series: tuple[Series, ...] = Field(min_length=1)
    number_format: str = Field(default="#,##0", description="Excel-style format, e.g. #,##0 or 0.0%")
    value_axis: ValueAxis | None = Field(
        default=None, description="Fix the value axis: {min: 0, max: 1, step: 0.2}")
    value_axis_title: str | None = None
    category_axis_title: str | None = None
    category_header: Title | None = Field(
        default=None, description="Heading of the categories column in the chart's data (the "
        "deck's editable chart): default the category axis title, else 'Category'")
    legend: bool | None = Field(default=None, description="Show a legend (default: when 2+ series)")

    @field_validator("series")
    @classmethod
    def _series_match_categories(cls, series: tuple[Series, ...], info: ValidationInfo):
        categories = info.data.get("categories")
        if categories is None:
            return series
        for index, one in enumerate(series):
            if len(one.values) != len(categories):
                raise ValueError(
                    f"series[{index}] '{one.name}' has {len(one.values)} values "
                    f"but there are {len(categories)} categories"
                )
        return series

    @field_validator("value_axis")
    @classmethod
    def _axis_holds_the_data(cls, axis, info: ValidationInfo):
        series = info.data.get("series")
        if axis is None or not series:
            return axis
        stacked = info.data.get("stacked", False)
        values = [v for one in series for v in one.values]
        if stacked:  # a stacked bar reaches the sum of its positive (or negative) parts
            columns = list(zip(*(one.values for one in series)))
            values = [sum(v for v in c if v > 0) for c in columns] + \
                     [sum(v for v in c if v < 0) for c in columns]
        if axis.max is not None and max(values) > axis.max + 1e-12:
            raise ValueError(f"max {axis.max:g} is below the largest value, {max(values):g}")
        if axis.min is not None and min(values) < axis.min - 1e-12:
            raise ValueError(f"min {axis.min:g} is above the smallest value, {min(values):g}")
        return axis


class BarFigure(_CategoryChart):
    kind: Literal["bar"]
    orientation: Literal["vertical", "horizontal"] = "vertical"
    stacked: bool = False


class LineFigure(_CategoryChart):
    kind: Literal["line"]


class PieFigure(FigureBase):
    kind: Literal["pie", "donut"]
    categories: tuple[Text, ...] = Field(min_length=1)
    values: tuple[Finite, ...] = Field(min_length=1)
    number_format: str = "#,##0"
    header: tuple[Title, Title] | None = Field(
        default=None, description="Column headings of the pie's data, [categories, values] "
        "(the deck's editable chart): default 'Category' and the caption")

    @field_validator("values")
    @classmethod
    def _values_fit(cls, values: tuple[float, ...], info: ValidationInfo):
        categories = info.data.get("categories")
        if categories is not None and len(values) != len(categories):
            raise ValueError(f"{len(values)} values for {len(categories)} categories")
        negative = [v for v in values if v < 0]
        if negative:
            raise ValueError(f"a pie cannot show negative values ({negative[0]:g})")
        if values and sum(values) == 0:
            raise ValueError("a pie needs at least one value above zero")
        return values


class TimelineEvent(Model):
    """Something that happened on a date, or over a span (drawn as a bar)."""

    date: Date
    label: Title
    detail: str | None = None


class TimelineFigure(FigureBase):
    kind: Literal["timeline"]
    events: tuple[TimelineEvent, ...] = Field(min_length=2, max_length=MAX_EVENTS)
    start: PointDate | None = Field(
        default=None, description="Where the axis starts: a year, month, day or hour "
        "(1945, 1962-10-14, 1962-10-27 06:00), or an age in deep time (541 Ma: the axis then "
        "reads in ages before present); default: the events' extent")
    end: PointDate | None = Field(
        default=None, description="Where the axis ends (the end of that year, month, day or "
        "hour; 0 ka is the present); default: the events' extent")


class TableData(Model):
    """A header row and body rows of equal width: the table block's and the table figure's."""

    header: tuple[Text, ...] = Field(min_length=1, max_length=MAX_TABLE_COLUMNS)
    rows: tuple[tuple[str, ...], ...] = Field(min_length=1, max_length=MAX_TABLE_ROWS)

    @field_validator("rows")
    @classmethod
    def _rows_fit_header(cls, rows: tuple[tuple[str, ...], ...], info: ValidationInfo):
        header = info.data.get("header")
        for index, row in enumerate(rows if header is not None else ()):
            if len(row) != len(header):
                raise ValueError(f"rows[{index}] has {len(row)} cells; the header has {len(header)}")
        return rows


class TableFigure(FigureBase, TableData):
    kind: Literal["table"]


class ImageFigure(FigureBase):
    kind: Literal["image"]
    path: Text = Field(description="PNG or JPEG file, relative to the source file")


class MapLine(Model):
    """A line in longitude/latitude, e.g. a border or a front."""

    label: str | None = None
    coordinates: tuple[tuple[Finite, Finite], ...] = Field(min_length=2,
                                                           max_length=MAX_VERTICES)
    style: Literal["solid", "dashed", "dotted"] = "solid"
    width: float = Field(default=1.5, gt=0, le=MAX_WIDTH, allow_inf_nan=False,
                         description="Stroke width in points")
    color: int = Field(default=0, ge=0, le=999, description="Index into the layout's chart palette")


class MapArea(Model):
    """A filled polygon (a zone, a front-line band)."""

    label: str | None = None
    coordinates: tuple[tuple[Finite, Finite], ...] = Field(min_length=3,
                                                           max_length=MAX_VERTICES)
    color: int = Field(default=1, ge=0, le=999, description="Index into the layout's chart palette")


class MapPoint(Model):
    """A labelled place."""

    label: Text
    lon: Longitude
    lat: Latitude
    marker: Literal["city", "capital", "battle", "none"] = "city"
    position: Literal["right", "left", "above", "below"] = "right"
    off_map: bool = Field(default=False, description="A place outside the map's frame, drawn "
                          "as an arrow at the frame's edge pointing to it (\"Moscow →\")")


class MapFigure(FigureBase):
    kind: Literal["map"]
    bounds: tuple[Longitude, Latitude, Longitude, Latitude] | None = Field(
        default=None, description="[west, south, east, north] in degrees: the least the map "
        "shows (default: around 'countries'). A west greater than east means the box crosses "
        "the 180° meridian: [110, -50, -65, 62] is the Pacific from Asia to the Americas")
    countries: tuple[Text, ...] = Field(
        default=(), description="Countries the map is about, by name or ISO code (Cuba, CU, "
        "CUB): shaded, and framed when 'bounds' is not given. A name may be written in "
        "English or in the lecture's language (Brasil, Brésil, ブラジル)")
    projection: Literal["auto", "equirectangular", "mercator"] = Field(
        default="auto", description="auto: Mercator for a large region away from the poles, "
        "else equirectangular at the region's middle latitude")
    outline: str | None = Field(default=None, description="GeoJSON land outline, relative to "
                                "source (rivers, historic borders); replaces the world outlines")
    world: bool | None = Field(default=None, description="Draw the bundled world outlines "
                               "(Natural Earth); default: when no 'outline' is given")
    areas: tuple[MapArea, ...] = Field(default=(), max_length=MAX_MAP_ITEMS)
    lines: tuple[MapLine, ...] = Field(default=(), max_length=MAX_MAP_ITEMS)
    points: tuple[MapPoint, ...] = Field(default=(), max_length=MAX_MAP_ITEMS)

    @field_validator("bounds")
    @classmethod
    def _bounds_ordered(cls, bounds):
        if bounds is None:
            return bounds
        west, south, east, north = bounds
        if not (-180 <= west <= 180 and -180 <= east <= 180 and west != east
                and -85 <= south < north <= 85):  # west > east: across the 180° meridian
            raise ValueError("bounds must be [west, south, east, north] with south < north, "
                             "latitudes within ±85 and west ≠ east (west > east crosses "
                             "the 180° meridian)")
        return bounds

    @model_validator(mode="after")
    def _region_given(self):
        if self.bounds is None and not self.countries:
            raise ValueError("a map needs 'bounds' [west, south, east, north] or 'countries' "
                             "to say which part of the world it shows")
        return self

    @property
    def draws_world(self) -> bool:
        return self.world if self.world is not None else self.outline is None

    # Points outside the region and unknown countries are reported by builder.load.source's
    # cross-check, at the point or the country.


Figure = Annotated[
    Union[BarFigure, LineFigure, PieFigure, TimelineFigure, TableFigure, ImageFigure, MapFigure],
    Field(discriminator="kind"),
]
FIGURE_KINDS = ("bar", "line", "pie", "donut", "timeline", "table", "image", "map")
