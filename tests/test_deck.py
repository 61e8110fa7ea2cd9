"""The PowerPoint deck, read back with python-pptx: titles, notes, placeholders, alt text,
measured fit of every text box, fonts, reproducibility, and a LibreOffice round trip."""

from __future__ import annotations

import io
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Length

from builder.text import measure
from builder.text.fallback import segments, slot_of
from builder.deck import oxml, render_deck
from builder.errors import LayoutError
from builder.text.inline import Run, plain
from builder.layout import load_layout
from builder.resolve.document import resolve
from builder.load.source import load_source
from tests.conftest import SAMPLE

EMU = 12700
LECTURE = """
title: The Korean War, 1950–1953
subtitle: From a line drawn in 1945 to an armistice in 1953
date: 2026-02-10
instructor: History Department
notes: Lecture notes.
essential_question: "Was the Korean War a victory or a defeat?"
objectives: [Explain the division of Korea, Sequence the main events]
takeaways: [Korea is still divided]
sections:
  - title: Korea divided at the 38th parallel
    id: korea-divided
    notes: Section notes.
    blocks:
      - paragraph: In **August 1945** two aides divided the peninsula; *Syngman Rhee* (이승만)
          led the south and Kim Il Sung (김일성) the north.
        notes: Paragraph notes.
      - bullets:
          - The Republic of Korea in the south
          - text: The Democratic People's Republic in the north
            items: [Soviet-backed, Led by Kim Il Sung]
        notes: Bullet notes.
      - quote: {text: "The worst possible location in the world to fight this war.",
                speaker: Dean Acheson}
      - figure: losses
        notes: Figure block notes.
  - title: The invasion
    blocks:
      - timeline:
          - {date: 1950-06-25, label: North Korea invades, detail: 75000 soldiers}
          - {date: 1950-09-15, label: Inch'on landing}
          - {date: 1953-07-27, label: Armistice signed}
        notes: Timeline notes.
      - people:
          - {name: Harry S. Truman, role: President of the United States, born: 1884, died: 1972}
          - {name: 이승만 (Syngman Rhee), role: President of South Korea, born: 1875, died: 1965}
      - statistics: [{value: ~5 million, label: people died, note: more than half civilians}]
      - table:
          caption: Two views of the war
          header: [Question, Truman, MacArthur]
          rows: [["A wider war?", Did not want it, Did all he could to provoke it],
                 [Aim, Limited war, Victory]]
        notes: Table notes.
      - callout: {kind: warning, title: A correction, text: The assaults came in late 1950.}
      - key_terms: [{term: Armistice, definition: An agreement to stop fighting.}]
      - discussion: "Was Truman right to fire MacArthur?"
figures:
  - id: losses
    kind: bar
    caption: American *casualties*
    alt: Bar chart of American casualties.
    credit: History.com
    notes: Figure notes.
    categories: [Died, Wounded]
    series: [{name: People, values: [40000, 100000]}]
review_questions:
  - {question: "Who divided Korea?", choices: [Two aides, The UN], answer: A,
     explanation: In August 1945.}
bibliography:
  - {title: "Was the Korean War a victory or defeat?", publisher: History.com}
"""


def build(path: Path, edition: str | None = None, layout=None) -> tuple[object, bytes]:
    document = resolve(load_source(path), layout or load_layout(), edition)
    return document, render_deck(document)


def open_deck(data: bytes):
    return Presentation(io.BytesIO(data))


def all_shapes(shapes):
    for shape in shapes:
        yield shape
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from all_shapes(shape.shapes)


def title_of(slide) -> str:
    """A slide's title as read (the invisible word joiners that bind a range are dropped)."""
    title = slide.shapes.title
    return title.text_frame.text.replace("\u2060", "") if title is not None else ""


def frame_overflow(frame, width: float, height: float, faces_by_name) -> str | None:
    """Recompute a text frame's height from its text, sizes and box with builder.text.measure."""
    inner_width = width - (frame.margin_left + frame.margin_right) / EMU
    inner_height = height - (frame.margin_top + frame.margin_bottom) / EMU
    total = 0.0
    for index, paragraph in enumerate(frame.paragraphs):
        runs = paragraph.runs
        if not runs:
            continue
        size = max(run.font.size.pt for run in runs)
        spacing = paragraph.line_spacing
        assert isinstance(spacing, Length), "line spacing must be exact points, as measured"
        faces = faces_by_name[runs[0].font.name]
        available = inner_width - oxml.paragraph_margin(paragraph) / EMU
        lines = measure.wrap_runs([Run(r.text, bool(r.font.bold), bool(r.font.italic))
                                   for r in runs], faces, size, available)
        total += lines * spacing.pt + (paragraph.space_before.pt if index else 0.0)
    if total > inner_height + 0.5:
        return f"needs {total:.1f}pt, has {inner_height:.1f}pt: {frame.text[:60]!r}"
    return None


def overflows(presentation, document) -> list[str]:
    faces_by_name = {faces.deck_name: faces for faces in document.fonts.values()}
    slide_width = presentation.slide_width
    slide_height = presentation.slide_height
    problems = []
    for number, slide in enumerate(presentation.slides, start=1):
        for shape in all_shapes(slide.shapes):
            if shape.shape_type != MSO_SHAPE_TYPE.GROUP:
                if (shape.left < 0 or shape.top < 0 or shape.left + shape.width > slide_width
                        or shape.top + shape.height > slide_height):
                    problems.append(f"slide {number} {shape.name}: outside the slide")
            if shape.has_text_frame and shape.text_frame.text.strip():
                problem = frame_overflow(shape.text_frame, shape.width / EMU,
                                         shape.height / EMU, faces_by_name)
                if problem:
                    problems.append(f"slide {number} {shape.name}: {problem}")
            if getattr(shape, "has_table", False) and shape.has_table and not shape.name.startswith(
                    "figure-"):
                table = shape.table
                assert sum(row.height for row in table.rows) <= shape.height + EMU
                for row in table.rows:
                    for cell, column in zip(row.cells, table.columns):
                        problem = frame_overflow(cell.text_frame, column.width / EMU,
                                                 row.height / EMU, faces_by_name)
                        if problem:
                            problems.append(f"slide {number} table cell: {problem}")
    return problems


@pytest.fixture(scope="module")
def deck(tmp_path_factory):
    """The lecture's deck, drawn once for the tests that read it (none modifies it)."""
    path = tmp_path_factory.mktemp("deck") / "lecture.yaml"
    path.write_text(textwrap.dedent(LECTURE).lstrip("\n"), encoding="utf-8")
    document, data = build(path)
    return document, open_deck(data)


def test_titles_include_every_section_in_order(deck):
    document, presentation = deck
    titles = [title_of(slide) for slide in presentation.slides]
    positions = [titles.index(plain(section.title)) for section in document.lecture.sections]
    assert positions == sorted(positions)
    assert titles[0] == "The Korean War, 1950–1953"
    for section in document.lecture.sections:
        slide = presentation.slides[titles.index(plain(section.title))]
        named = [shape for shape in slide.shapes if shape.name == f"section-{section.key}"]
        assert len(named) == 1 and named[0].text_frame.text == plain(section.title)


def test_every_slide_has_a_title_and_no_empty_placeholder(deck):
    _, presentation = deck
    for number, slide in enumerate(presentation.slides, start=1):
        assert title_of(slide).strip(), f"slide {number} has no title"
        for placeholder in slide.placeholders:
            assert placeholder.has_text_frame and placeholder.text_frame.text.strip(), (
                f"slide {number}: empty placeholder {placeholder.name}")


def test_student_deck_has_no_speaker_notes(deck):
    _, presentation = deck
    notes = [slide.notes_slide.notes_text_frame.text for slide in presentation.slides
             if slide.has_notes_slide]
    assert not any(text.strip() for text in notes)


def test_notes_present_where_the_source_has_them(write_source):
    presentation = open_deck(build(write_source(LECTURE), edition="instructor")[1])
    notes = [slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
             for slide in presentation.slides]
    assert notes[0] == "Lecture notes."
    section = next(index for index, slide in enumerate(presentation.slides)
                   if any(shape.name == "section-korea-divided" for shape in slide.shapes))
    assert notes[section] == "Section notes."
    assert notes[section + 1] == "Paragraph notes.\n\nBullet notes."
    joined = "\n".join(notes)
    for expected in ("Paragraph notes.", "Bullet notes.", "Figure notes.", "Figure block notes.",
                     "Timeline notes.", "Table notes.", "Answer: A. Two aides"):
        assert expected in joined
    figure_slide = next(slide for slide in presentation.slides
                        if any(shape.name == "caption-losses" for shape in slide.shapes))
    figure_notes = figure_slide.notes_slide.notes_text_frame.text
    assert "Figure notes." in figure_notes and "Figure block notes." in figure_notes
    table_slide = next(slide for slide in presentation.slides
                       if title_of(slide) == "Two views of the war")
    assert table_slide.notes_slide.notes_text_frame.text == "Table notes."


def test_figure_caption_box_matches_the_guide_caption(deck):
    document, presentation = deck
    captions = [shape for slide in presentation.slides for shape in slide.shapes
                if shape.name == "caption-losses"]
    assert [shape.text_frame.text for shape in captions] == [
        plain(document.figure("losses").caption)]
    assert captions[0].text_frame.text == "Figure 1. American casualties"


def test_every_graphic_has_alt_text(deck):
    _, presentation = deck
    graphics = 0
    for slide in presentation.slides:
        for shape in all_shapes(slide.shapes):
            if shape.shape_type in (MSO_SHAPE_TYPE.PICTURE, MSO_SHAPE_TYPE.GROUP) or (
                    shape.shape_type in (MSO_SHAPE_TYPE.CHART, MSO_SHAPE_TYPE.TABLE)):
                graphics += 1
                text = oxml.alt_text(shape)
                assert text.strip(), f"{shape.name} has no alt text"
                assert "/" not in text.split()[0] and not text.endswith((".png", ".jpg"))
    assert graphics >= 3  # the chart, the table and the timeline at least


def test_no_text_overflows_its_box(deck):
    document, presentation = deck
    assert overflows(presentation, document) == []


def test_long_bullet_list_splits_and_still_fits(write_source):
    items = ", ".join(f"Point {n} is a long bullet about the war that wraps onto another line"
                      for n in range(25))
    path = write_source(f"""
        title: Many bullets
        sections:
          - title: A very long list
            blocks:
              - bullets: [{items}]
              - paragraph: {" ".join(f"word{n}" for n in range(700))}
        """)
    document, data = build(path)
    presentation = open_deck(data)
    titles = [title_of(slide) for slide in presentation.slides]
    assert sum(title.startswith("A very long list (") for title in titles) >= 4
    assert overflows(presentation, document) == []
    body_sizes = {run.font.size.pt for slide in presentation.slides for shape in slide.shapes
                  if shape.name == "body" for p in shape.text_frame.paragraphs for run in p.runs}
    assert min(body_sizes) >= document.layout.deck.sizes.min_body


def test_east_asian_and_complex_script_slots_on_every_run(deck):
    document, presentation = deck
    fonts = document.layout.fonts
    hangul = 0
    for slide in presentation.slides:
        for shape in all_shapes(slide.shapes):
            if not shape.has_text_frame or shape.name.startswith("figure-"):
                continue
            for paragraph in shape.text_frame.paragraphs:
                for run in paragraph.runs:
                    slots = oxml.font_slots(run)
                    assert slots.get("cs") == fonts.complex_script, run.text
                    hangul += "이승만" in run.text
                    if any(slot_of(char) == "ea" for char in run.text):  # named as measured
                        drawn = segments(run.text, document.fonts["body"], bool(run.font.bold))
                        assert [piece.font.family for piece in drawn] == [slots.get("ea")]
                        assert slots.get("ea") != slots.get("latin")
                    else:
                        assert slots.get("ea") == fonts.east_asian, run.text
    assert hangul >= 1


def test_two_builds_are_byte_identical(write_source):
    path = write_source(LECTURE)
    assert build(path)[1] == build(path)[1]


def test_instructor_edition_shows_answers_on_their_own_slide(write_source):
    _, data = build(write_source(LECTURE), edition="instructor")
    titles = [title_of(slide) for slide in open_deck(data).slides]
    assert "Answer to question 1" in titles


def test_other_slide_sizes_and_layouts_fit(write_source, tmp_path):
    from PIL import Image

    Image.new("RGB", (200, 80), "#1F3A5F").save(tmp_path / "logo.png")
    layout_file = tmp_path / "four-three.yaml"
    layout_file.write_text("extends: default\nname: four-three\ndeck:\n  size: '4:3'\n"
                           "  sizes: {title: 40, section: 48, body: 28, min_body: 24, caption: 20,"
                           " footer: 16}\n  max_bullets: 4\n  logo: logo.png\n"
                           "  logo_position: top-right\n", encoding="utf-8")
    layout = load_layout(layout_file)
    document, data = build(write_source(LECTURE), layout=layout)
    presentation = open_deck(data)
    assert presentation.slide_width == 720 * EMU
    assert overflows(presentation, document) == []
    logos = [shape for slide in presentation.slides for shape in slide.shapes
             if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert logos and all(oxml.alt_text(logo) == "Course logo" for logo in logos)
    for slide in presentation.slides:
        title = slide.shapes.title
        for logo in (shape for shape in slide.shapes if shape.name == "logo"):
            if title.top < logo.top + logo.height and logo.top < title.top + title.height:
                assert title.left + title.width <= logo.left, "the title runs under the logo"
            for shape in slide.shapes:
                if shape.has_text_frame and shape.text_frame.text.strip():
                    assert not _intersect(shape, logo), f"the logo covers '{shape.name}'"
    kinds = {slide.slide_layout.name for slide in presentation.slides
             if any(shape.name == "logo" for shape in slide.shapes)}
    assert {"Title Slide", "Title Only"} <= kinds, "the logo is on title and content slides"


def _intersect(one, other) -> bool:
    return (one.left < other.left + other.width and other.left < one.left + one.width
            and one.top < other.top + other.height and other.top < one.top + one.height)


def test_template_with_a_missing_layout_name_lists_the_layouts(write_source, tmp_path):
    template = tmp_path / "template.pptx"
    Presentation().save(template)
    layout = load_layout()
    deck = layout.deck.model_copy(update={"template": str(template),
                                          "template_layouts": {"content": "No Such Layout"}})
    layout = layout.model_copy(update={"deck": deck})
    with pytest.raises(LayoutError, match="Title Only"):
        build(write_source(LECTURE), layout=layout)


def test_template_layouts_are_used_by_name(write_source, tmp_path):
    template = tmp_path / "template.pptx"
    Presentation().save(template)
    layout = load_layout()
    deck = layout.deck.model_copy(update={"template": str(template), "template_layouts": {
        "content": "Title Only", "section": "Section Header"}})
    layout = layout.model_copy(update={"deck": deck})
    document, data = build(write_source(LECTURE), layout=layout)
    presentation = open_deck(data)
    names = {slide.slide_layout.name for slide in presentation.slides}
    assert {"Title Slide", "Title Only", "Section Header"} <= names
    for slide in presentation.slides:
        assert all(p.text_frame.text.strip() for p in slide.placeholders)
    assert overflows(presentation, document) == []


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_the_deck(write_source, tmp_path):
    _, data = build(write_source(LECTURE))
    deck_file = tmp_path / "deck.pptx"
    deck_file.write_bytes(data)
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(deck_file)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "deck.pdf"
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")


def test_bands_rules_and_panels_are_marked_decorative(deck):
    _, presentation = deck
    uri = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
    names = set()
    for slide in presentation.slides:
        for shape in slide.shapes:
            properties = shape._element.xpath("./*[1]/p:cNvPr")[0]
            marked = any(ext.get("uri") == uri for ext in properties.iter(
                "{http://schemas.openxmlformats.org/drawingml/2006/main}ext"))
            if shape.name in ("band", "rule", "panel", "panel-bar", "quote-bar"):
                assert marked, f"'{shape.name}' is not marked decorative"
                names.add(shape.name)
            elif shape.has_text_frame and shape.text_frame.text.strip():
                assert not marked, f"'{shape.name}' holds text but is marked decorative"
    assert {"band", "rule", "panel"} <= names


def test_chart_text_names_all_three_font_slots(deck):
    _, presentation = deck
    charts = [shape.chart for slide in presentation.slides for shape in slide.shapes
              if shape.has_chart]
    assert charts
    for chart in charts:
        for properties in chart._chartSpace.xpath(".//a:defRPr | .//a:rPr"):
            slots = {child.tag.split("}")[1] for child in properties}
            assert {"latin", "ea", "cs"} <= slots


def test_figure_text_is_large_enough_to_read_from_the_back_of_the_room():
    """The sample's figures keep every label at 14 pt or more on the default slide (the
    crowded timeline sets dates beside their labels to fit its lanes), and every figure fills
    most of the body. Every shipped layout is checked below, against its own floor."""
    from builder.deck.grid import Grid

    document, data = build(SAMPLE)
    presentation = open_deck(data)
    grid = Grid.build(document.layout.deck)
    figures = [shape for slide in presentation.slides for shape in slide.shapes
               if shape.name.startswith("figure-")]
    assert {shape.name for shape in figures} == {"figure-korea-map", "figure-casualty-chart",
                                                 "figure-war-timeline"}
    for figure in figures:
        assert figure.height >= grid.body.height * 0.7 * EMU, figure.name
        sizes = [run.font.size.pt for shape in all_shapes([figure]) if shape.has_text_frame
                 for paragraph in shape.text_frame.paragraphs for run in paragraph.runs
                 if run.font.size is not None]
        caption = next(shape for slide in presentation.slides for shape in slide.shapes
                       if shape.name == "caption-" + figure.name.removeprefix("figure-"))
        if figure.name == "figure-korea-map":  # tall: full height, caption beside it
            assert caption.left >= figure.left + figure.width
            assert figure.height >= grid.body.height * 0.95 * EMU
        else:  # wide: caption underneath
            assert caption.top >= figure.top + figure.height
        if figure.shape_type == MSO_SHAPE_TYPE.GROUP:
            assert sizes and min(sizes) >= 14, (figure.name, min(sizes))


# --- deck figures in every shipped layout -------------------------------------------------

SHIPPED_LAYOUTS = ("default", "large-print", "history-101")


@pytest.fixture(scope="module", params=SHIPPED_LAYOUTS)
def shipped_deck(request):
    """(layout name, document, presentation) for the sample in one shipped layout."""
    from tests.conftest import ROOT

    layout = load_layout(ROOT / "layouts" / f"{request.param}.yaml")
    document, data = build(SAMPLE, layout=layout)
    return request.param, document, open_deck(data)


def figure_shapes(presentation) -> list[tuple[object, object]]:
    """(slide, figure shape) for every figure the deck draws."""
    return [(slide, shape) for slide in presentation.slides for shape in slide.shapes
            if shape.name.startswith("figure-")]


def figure_text_sizes(shape) -> list[float]:
    """Every text size a figure draws, in points: a chart's ``a:defRPr``/``a:rPr`` sizes
    (axes, labels, legend, titles), a group's or table's runs."""
    if shape.has_chart:
        return [int(sz) / 100 for sz in
                shape.chart._chartSpace.xpath(".//a:defRPr/@sz | .//a:rPr/@sz")]
    sizes = []
    for one in all_shapes([shape]):
        frames = ([cell.text_frame for row in one.table.rows for cell in row.cells]
                  if one.has_table else [one.text_frame] if one.has_text_frame else [])
        sizes += [run.font.size.pt for frame in frames for paragraph in frame.paragraphs
                  for run in paragraph.runs if run.font.size is not None]
    return sizes


def test_every_deck_figure_text_reaches_the_layout_floor(shipped_deck) -> None:
    """max(14 pt, 0.75 × the layout's smallest body text): 14 pt on the default and
    history-101 decks, 18 pt on large print (28 pt body, 24 pt smallest)."""
    from builder.deck.figurekit import figure_min_size

    name, document, presentation = shipped_deck
    floor = figure_min_size(document)
    assert floor == {"default": 14, "large-print": 18, "history-101": 15}[name]
    figures = figure_shapes(presentation)
    # the sample's three figures; a timeline may continue over slides (large print)
    assert len({shape.name for _, shape in figures}) == 3
    for _, shape in figures:
        sizes = figure_text_sizes(shape)
        assert sizes, shape.name
        assert min(sizes) >= floor - 1e-6, (name, shape.name, min(sizes))


def _extent(shape) -> tuple[int, int, int, int]:
    return shape.left, shape.top, shape.left + shape.width, shape.top + shape.height


def test_no_two_labels_in_a_deck_figure_overlap(shipped_deck) -> None:
    """Text boxes in a timeline or map group never overlap (a quarter point of rounding
    allowed), so no label is drawn over another."""
    name, _, presentation = shipped_deck
    slack = EMU // 4
    for _, shape in figure_shapes(presentation):
        if shape.shape_type != MSO_SHAPE_TYPE.GROUP:
            continue
        boxes = [(one.name, _extent(one)) for one in all_shapes(shape.shapes)
                 if one.has_text_frame and one.text_frame.text.strip()]
        assert len(boxes) > 5, shape.name
        for index, (first, a) in enumerate(boxes):
            for second, b in boxes[index + 1:]:
                apart = (a[2] <= b[0] + slack or b[2] <= a[0] + slack
                         or a[3] <= b[1] + slack or b[3] <= a[1] + slack)
                assert apart, (name, shape.name, first, second)


def test_every_deck_figure_shape_lies_inside_the_figure_box(shipped_deck) -> None:
    """Every shape a figure draws (a group's every child, a chart's frame) lies in the slide's
    body and clear of the caption: under the caption's top (less the gap) for a wide figure,
    left of the caption column for a tall one beside it."""
    from builder.deck.grid import CAPTION_GAP, SIDE_GAP, Grid

    name, document, presentation = shipped_deck
    body = Grid.build(document.layout.deck).body
    for slide, shape in figure_shapes(presentation):
        caption = next(one for one in slide.shapes
                       if one.name == "caption-" + shape.name.removeprefix("figure-"))
        left, top = body.left * EMU, body.top * EMU
        right, bottom = (body.left + body.width) * EMU, (body.top + body.height) * EMU
        if caption.left >= shape.left + shape.width:  # caption beside a tall figure
            right = caption.left - SIDE_GAP * EMU
        else:
            bottom = caption.top - CAPTION_GAP * EMU
        parts = list(all_shapes(shape.shapes)) if shape.shape_type == MSO_SHAPE_TYPE.GROUP \
            else [shape]
        for part in parts:
            x0, y0, x1, y1 = _extent(part)
            assert (x0 >= left - EMU and y0 >= top - EMU and x1 <= right + EMU
                    and y1 <= bottom + EMU), (name, shape.name, part.name)


def _deck_map_scene(document):
    """The sample map's scene exactly as the deck draws it: the planned figure box, the
    deck's label floor, room beside the frame for names."""
    from builder.charts.maps import map_scene
    from builder.deck.figurekit import figure_min_size, figure_style
    from builder.deck.grid import Grid, figure_boxes
    from builder.deck.plan import plan_deck
    from builder.deck.specs import FigureSlide

    grid = Grid.build(document.layout.deck)
    spec = next(slide for slide in plan_deck(document, grid).slides
                if isinstance(slide, FigureSlide) and slide.figure_id == "korea-map")
    area, _, _ = figure_boxes(grid, spec.caption_height, spec.credit_height, spec.figure_width,
                             spec.credit_width)
    floor = figure_min_size(document)
    figure = document.figure("korea-map").figure
    scene = map_scene(figure, figure_style(document).resized(floor), area.width, area.height,
                      document.asset, floor, beside=True)
    return figure, floor, area, scene


def test_deck_map_labels_sit_by_what_they_name(shipped_deck) -> None:
    """On every shipped layout each line's name lies within 1.5 × the label size of its line
    (or is joined to it by a leader, or carries a key sample of it), and each place's name
    within 1.2 × the size of its marker (or is joined to the marker by a leader); every name
    at the floor size or above, inside the figure box, clear of every other name, and wholly
    on the map or wholly beside it (never across the frame)."""
    from builder.charts.geo import Projection
    from builder.charts.geometry import Box as B
    from builder.charts.leaders import box_distance
    from builder.charts.scene import Path as ScenePath, Text

    name, document, _ = shipped_deck
    figure, floor, area, scene = _deck_map_scene(document)
    assert scene.width <= area.width + 1e-6 and scene.height <= area.height + 1e-6
    frame_path = next(item for item in scene.items
                      if isinstance(item, ScenePath) and item.role == "frame")
    (fx0, fy0), _, (fx1, fy1), _ = frame_path.points
    frame = B(fx0, fy0, fx1 - fx0, fy1 - fy0)
    project = Projection(figure.bounds, figure.projection, frame.width, frame.height, frame.left)
    paths = [item for item in scene.items if isinstance(item, ScenePath)]
    leaders = [path.points for path in paths if path.role == "leader"]
    keys = [path.points for path in paths if path.role == "line-key"]
    texts = [item for item in scene.items if isinstance(item, Text)]
    boxes = [B(t.left, t.top, t.width, t.height) for t in texts]

    def starts_on(box, point) -> bool:
        return box_distance(B(box.left - 0.5, box.top - 0.5, box.width + 1, box.height + 1),
                             point, point) == 0.0

    assert len(texts) == len(figure.points) + len([l for l in figure.lines if l.label])
    for text, box in zip(texts, boxes):
        label = " ".join(text.lines)
        assert text.size >= floor - 1e-6, (name, label)
        assert box.inside(B(0, 0, scene.width, scene.height)), (name, label)
        assert box.inside(frame) or not box.overlaps(frame), (name, label, "across the frame")
        for other in boxes:
            assert other is box or not box.overlaps(other, 0.5), (name, label)
        if text.role == "line-label":
            line = next(line for line in figure.lines if line.label == label)
            points = [project(*p) for p in line.coordinates]
            own = list(zip(points, points[1:]))
            distance = min(box_distance(box, a, b) for a, b in own)
            led = any(starts_on(box, start)
                      and min(box_distance(B(*end, 0, 0), a, b) for a, b in own) <= 1.0
                      for start, end in leaders)
            keyed = any(abs(key[-1][0] - box.left) <= text.size
                        and box.top <= key[0][1] <= box.bottom for key in keys)
            assert distance <= 1.5 * text.size or led or keyed, (name, label, distance)
        else:
            point = next(point for point in figure.points if point.label == label)
            x, y = project(point.lon, point.lat)
            distance = box_distance(box, (x, y), (x, y))
            led = any(starts_on(box, start) and abs(end[0] - x) + abs(end[1] - y) <= text.size
                      for start, end in leaders)
            assert distance <= 1.2 * text.size or led, (name, label, distance)
