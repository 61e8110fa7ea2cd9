"""Small readers of a python-pptx deck the tests share: its shapes inside groups, its parts."""

from __future__ import annotations

import io
import zipfile

from pptx.enum.shapes import MSO_SHAPE_TYPE


def leaves(shape):
    """Every shape that is not a group, the shapes inside groups included (a timeline or
    map is one group of many)."""
    if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
        for child in shape.shapes:
            yield from leaves(child)
    else:
        yield shape


def package_entries(presentation) -> dict[str, object]:
    """The saved package's parts by name, without docProps (its times differ run to run);
    an embedded workbook as its own parts without its docProps, for the same reason (a chart
    python-pptx adds stamps its workbook with the second it was made: two decks made across
    a second's turn differed there, and only there)."""
    raw = io.BytesIO()
    presentation.save(raw)
    with zipfile.ZipFile(raw) as package:
        return {name: _workbook(package.read(name)) if name.endswith(".xlsx")
                else package.read(name)
                for name in package.namelist() if not name.startswith("docProps/")}


def _workbook(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as workbook:
        return {name: workbook.read(name) for name in workbook.namelist()
                if not name.startswith("docProps/")}
