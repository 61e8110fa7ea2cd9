"""Chart part names and image parts found by counting (builder/deck/partnames.py) are the ones
python-pptx finds by walking the package."""

from __future__ import annotations

import io
from pathlib import Path

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE

from builder.deck import partnames
from tests.pptx_readback import package_entries as _entries

ROOT = Path(__file__).resolve().parent.parent
LOGO = ROOT / "layouts" / "assets" / "history-101-crest.png"


def _deck(counted: bool) -> dict[str, bytes]:
    presentation = Presentation()
    if counted:
        partnames.install(presentation.part.package)
        partnames.install(presentation.part.package)  # idempotent
    layout = presentation.slide_layouts[6]
    for index in range(9):
        slide = presentation.slides.add_slide(layout)
        if index % 2 == 0:
            data = CategoryChartData()
            data.categories = ["North", "South"]
            data.add_series("First", (index, 2))
            slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, 0, 0, 100, 100, data)
        slide.shapes.add_picture(str(LOGO), 0, 0, 50, 50)  # the same image on every slide
        if index == 4:
            slide.shapes.add_picture(io.BytesIO(_other_png()), 60, 0, 50, 50)
        if index == 5:
            slide.notes_slide.notes_text_frame.text = "a notes page (not counted)"
    return _entries(presentation)


def _other_png() -> bytes:
    from PIL import Image

    raw = io.BytesIO()
    Image.new("RGB", (3, 2), (200, 10, 10)).save(raw, format="PNG")
    return raw.getvalue()


def test_counted_package_is_python_pptx_package() -> None:
    ours, theirs = _deck(counted=True), _deck(counted=False)
    assert sorted(ours) == sorted(theirs)
    assert ours == theirs
    assert sum(name.startswith("ppt/charts/chart") for name in ours) == 5
    assert sum(name.startswith("ppt/media/") for name in ours) == 2


def test_next_name_follows_python_pptx_rule_with_a_gap() -> None:
    """python-pptx counts down from one more than the names taken: with chart2 alone the next
    is chart1, then chart3."""
    presentation = Presentation()
    package = presentation.part.package
    walking = package.next_partname
    partnames.install(package)
    data = CategoryChartData()
    data.categories = ["A"]
    data.add_series("S", (1,))
    slides = [presentation.slides.add_slide(presentation.slide_layouts[6]) for _ in range(3)]
    for slide in slides:
        slide.shapes.add_chart(XL_CHART_TYPE.PIE, 0, 0, 100, 100, data)
    first = slides[0].part.rels
    chart_rid = next(rid for rid, rel in first.items() if rel.reltype.endswith("/chart"))
    first.pop(chart_rid)  # chart1 leaves the package (a deck never does this)
    fresh = partnames._PartNames(package, walking)  # a memory filled after the removal
    assert walking("/ppt/charts/chart%d.xml") == "/ppt/charts/chart1.xml"  # the gap
    assert fresh("/ppt/charts/chart%d.xml") == "/ppt/charts/chart1.xml"
    assert fresh("/ppt/charts/chart%d.xml") == "/ppt/charts/chart4.xml"  # chart1 now taken
    assert fresh("/ppt/theme/theme%d.xml") == walking("/ppt/theme/theme%d.xml")  # not counted
