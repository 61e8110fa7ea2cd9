"""A section timeline continued over slides keeps one text size: describing-data's large
print set "Timeline (1 of 2)" at 24 pt and "(2 of 2)" at 28 pt (and the sample's five
"Timeline of events" slides 28/28/26/24/28), so the parts read as different figures. Read
back from the decks: the run sizes of every text in each slide's timeline group."""

from __future__ import annotations

import io
import re
from collections import defaultdict

import pytest
from pptx import Presentation

from builder.deck import render_deck
from builder.layout import load_layout
from builder.load.source import load_source
from builder.resolve.document import resolve
from tests.conftest import ROOT
from tests.pptx_readback import leaves

PART = re.compile(r"\s*\(\d+\s+(?:of|sur)\s+\d+\)$")
SOURCES = {"describing-data": ROOT / "tests" / "corpus" / "describing-data.yaml",
           "revolution-francaise": ROOT / "tests" / "corpus" / "revolution-francaise.yaml",
           "korean-war": ROOT / "sources" / "korean-war.yaml"}


def _timeline_sizes(lecture: str, layout: str) -> dict[str, list[tuple[int, set[float]]]]:
    """Each section timeline's title (without its "(n of m)") → [(slide, run sizes)]."""
    document = resolve(load_source(SOURCES[lecture]),
                       load_layout(ROOT / "layouts" / f"{layout}.yaml"), None)
    deck = Presentation(io.BytesIO(render_deck(document)))
    found: dict[str, list] = defaultdict(list)
    for number, slide in enumerate(deck.slides, 1):
        for shape in slide.shapes:
            if shape.name != "timeline":
                continue
            sizes = {run.font.size.pt for leaf in leaves(shape) if leaf.has_text_frame
                     for paragraph in leaf.text_frame.paragraphs for run in paragraph.runs
                     if run.font.size is not None and run.text.strip()}
            title = slide.shapes.title.text_frame.text.replace("\u00a0", " ")
            found[PART.sub("", title)].append((number, sizes))
    return found


@pytest.mark.parametrize("lecture", sorted(SOURCES))
def test_a_continued_section_timeline_keeps_one_size(lecture) -> None:
    timelines = _timeline_sizes(lecture, "large-print")
    continued = {title: parts for title, parts in timelines.items() if len(parts) > 1}
    assert continued, lecture  # every one of these has a timeline over several slides
    for title, parts in continued.items():
        sizes = set().union(*(sizes for _, sizes in parts))
        # (a label's sub- or superscript may be smaller: one size for the dates/labels)
        assert len({max(s) for _, s in parts}) == 1, (title, parts)
        assert max(sizes) >= 24, (title, parts)  # large print: not shrunk for nothing


def test_a_section_timeline_listed_as_text_takes_the_fewest_slides() -> None:
    """plate-tectonics' large print lists its first section timeline as text (a label too
    long for the axis): 2 + 3 + 3 events on three half-empty slides at 28 pt, now 4 + 4 on
    two, smaller but above the floor, as listed people come down to fewer slides."""
    from builder.deck.plan import plan_deck
    from builder.deck.specs import TextSlide

    document = resolve(load_source(ROOT / "tests" / "corpus" / "plate-tectonics.yaml"),
                       load_layout(ROOT / "layouts" / "large-print.yaml"), None)
    slides = [slide for slide in plan_deck(document).slides
              if slide.title.startswith("Timeline: From continental drift")]
    assert slides and all(isinstance(slide, TextSlide) for slide in slides)
    assert len(slides) == 2, [len(slide.paras) for slide in slides]
    assert min(slide.size for slide in slides) >= 24


def test_a_continued_figure_timeline_keeps_one_form_and_size() -> None:
    """The sample's large print drew its war timeline's part 1 in lanes (events unnumbered)
    and part 2 as a list numbered from 7: numbers 1–6 were shown nowhere. Every part is now
    the list form, numbered on from the last part, in one size."""
    document = resolve(load_source(SOURCES["korean-war"]),
                       load_layout(ROOT / "layouts" / "large-print.yaml"), None)
    deck = Presentation(io.BytesIO(render_deck(document)))
    parts = [shape for slide in deck.slides for shape in slide.shapes
             if shape.name == "figure-war-timeline"]
    assert len(parts) > 1
    numbers, sizes = [], set()
    for part in parts:
        texts = [leaf for leaf in leaves(part) if leaf.has_text_frame]
        keyed = [leaf for leaf in texts if leaf.name.startswith("key-number ")]
        assert keyed, "every part is the list form"
        # each number twice: its badge over the band and its row
        numbers += sorted({int(leaf.text_frame.text) for leaf in keyed})
        sizes |= {run.font.size.pt for leaf in texts for paragraph in leaf.text_frame.paragraphs
                  for run in paragraph.runs if run.font.size is not None and run.text.strip()}
    assert numbers == list(range(1, len(numbers) + 1)), numbers
    assert len(sizes) == 1, sizes
