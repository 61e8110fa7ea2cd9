"""Bounds on what a source may ask for: numbers that print, counts that build in seconds.

Each limit is far above what a lecture needs (a chart value of a quadrillion, a table of a
thousand rows) and low enough that no input can make a build run for minutes or draw
nonsense. NaN and infinity are never numbers a teacher means: they are refused where they
stand. A limit's message says what the limit is, so the fix is obvious.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

MAX_VALUE = 1e15  # a chart value: larger than any economy in cents, small enough to format
MAX_YEAR = 9999  # dates are written with four digits (see builder.model.dates)
MAX_SECTIONS = 200
MAX_BLOCKS = 400  # in one section
MAX_ITEMS = 500  # bullets, key terms, people, events of a block
MAX_TABLE_ROWS = 1000
MAX_TABLE_COLUMNS = 12  # the widest table that still reads on an A5 page or a slide
MAX_EVENTS = 1000  # on one timeline figure (300 on one day build in seconds as a list)
MAX_MAP_ITEMS = 5000  # points, lines or areas on one map (5,000 places build in ~14 s CPU)
MAX_VERTICES = 20_000  # coordinates of one map line or area
MAX_TITLE = 500  # characters of a title or label: three lines, not a paragraph
MAX_PARAGRAPH = 20_000  # characters of one paragraph (several pages)
MAX_WIDTH = 50.0  # points: a map line's stroke

Finite = Annotated[float, Field(allow_inf_nan=False, ge=-MAX_VALUE, le=MAX_VALUE)]
Longitude = Annotated[float, Field(allow_inf_nan=False, ge=-180, le=180)]
Latitude = Annotated[float, Field(allow_inf_nan=False, ge=-90, le=90)]
Year = Annotated[int, Field(ge=-MAX_YEAR, le=MAX_YEAR)]
