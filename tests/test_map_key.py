"""Every place of a map is named, on the map or in its key (issue 11): a crowded map in large
print, whose names cannot all stand on it, lists the rest in a key that takes more rows (the
map shrinking to make room) and never ends "… and 6 more", which would name those places
nowhere. Read back from the deck with python-pptx."""

from __future__ import annotations

import io

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from builder.deck import render_deck
from builder.layout import load_layout
from builder.load.source import load_source
from builder.resolve.document import resolve
from tests.conftest import ROOT
from tests.pptx_readback import leaves

# twenty places within a few degrees of one another: the map cannot set every name
PLACES = [f"{town} market ({1200 + 7 * i})" for i, town in enumerate(
    ["Ashford", "Bexley", "Croydon", "Dartford", "Epsom", "Farnham", "Guildford", "Harlow",
     "Ilford", "Jaywick", "Kingston", "Luton", "Maidstone", "Newbury", "Oxted", "Purley",
     "Reigate", "Staines", "Tilbury", "Uxbridge"])]

SOURCE = """\
title: Towns round London
date: 2026-01-15
instructor: T
essential_question: Where?
objectives: [Read a map]
takeaways: [Maps]
sections:
  - title: Towns
    blocks:
      - figure: m
figures:
  - id: m
    kind: map
    caption: Twenty towns round London
    alt: A map of twenty towns.
    bounds: [-3.0, 50.5, 2.0, 52.7]
    points:
{points}review_questions:
  - question: Where?
    answer: There.
bibliography:
  - title: A source
    author: An author
    url: https://example.org/
    accessed: 2026-01-10
"""


def _texts(shape):
    return (leaf.text_frame.text for leaf in leaves(shape) if leaf.has_text_frame)


def _large_print_map(write_source, names, lon, lat, per_row, step):
    """The places on a grid (``per_row`` a row from (lon, lat), ``step`` degrees apart),
    built in large print: the document, its deck, and the map's groups (map, then key)."""
    points = "".join(
        f"      - {{label: \"{name}\", lon: {lon + (i % per_row) * step[0]:.2f}, "
        f"lat: {lat + (i // per_row) * step[1]:.2f}, marker: city}}\n"
        for i, name in enumerate(names))
    path = write_source(SOURCE.format(points=points))
    document = resolve(load_source(path),
                       load_layout(ROOT / "layouts" / "large-print.yaml"), None)
    deck = Presentation(io.BytesIO(render_deck(document)))
    groups = [shape for slide in deck.slides for shape in slide.shapes
              if shape.shape_type == MSO_SHAPE_TYPE.GROUP and shape.name == "figure-m"]
    return document, deck, groups


def test_a_crowded_large_print_map_names_every_place(write_source) -> None:
    _, deck, groups = _large_print_map(write_source, PLACES, -0.9, 51.3, 5, (0.2, 0.12))
    assert groups
    text = " ".join(t for group in groups for t in _texts(group))
    text = text.replace("\n", " ").replace("\v", " ").replace("\u00a0", " ")
    assert "Also marked" in text  # the case this is about: a key was needed
    assert "more" not in text, text
    assert [name for name in PLACES if name not in text] == [], text
    for group in groups:  # the longer key stays on the slide
        assert group.top + group.height <= deck.slide_height


def test_a_key_too_long_for_its_slide_continues_on_the_next(write_source) -> None:
    """Sixty long-named places on one large-print map: the map keeps most of its slide (no
    thumbnail) and the key goes on over the slides after it ("Also marked:", one entry a
    line), so every place is named (tests/mapcheck.py reads the continued key too) and
    nothing leaves the slide."""
    from tests import mapcheck

    names = [f"{town} market no. {i}" for i, town in enumerate(PLACES * 3)]
    document, deck, groups = _large_print_map(write_source, names, -2.8, 50.7, 10,
                                              (0.48, 0.33))
    assert len(groups) >= 2  # the map, then its key continued
    for group in groups:
        assert group.top + group.height <= deck.slide_height
    figure = next(n.figure for n in document.figures.values() if n.figure.id == "m")
    (_, _, view), = mapcheck.views(deck, {"m": figure})
    assert view.frame[3] - view.frame[1] > 0.5 * groups[0].height / 12700
    assert [p for p in mapcheck.problems(view) if "named nowhere" in p] == []
    assert "more" not in view.key
