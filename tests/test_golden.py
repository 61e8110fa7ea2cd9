"""Golden manifest of the sample: sections, figures and slide titles, read from the outputs.

Any change to what the guide or the deck carries shows up here as a diff. When the change
is intended, rewrite the golden file on purpose: ``python -m pytest tests/test_golden.py
--update-golden`` and commit it with the change that caused it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

GOLDEN = Path(__file__).parent / "golden" / "korean-war.json"


def _slide_title(slide) -> str:
    title = slide.shapes.title
    return title.text_frame.text.replace("\n", " ").replace("\v", " ") if title is not None else ""


def summarise(folder: Path) -> dict:
    """What the outputs carry, as comparable JSON (no dates, producers or byte offsets)."""
    reader = PdfReader(folder / "korean-war.pdf")
    deck = Presentation(folder / "korean-war.pptx")
    manifest = json.loads((folder / "korean-war.manifest.json").read_text(encoding="utf-8"))
    return {
        "guide": {
            "outline": [item.title for item in reader.outline if not isinstance(item, list)],
            "metadata_title": reader.metadata.title,
        },
        "deck": {"slide_titles": [_slide_title(slide) for slide in deck.slides]},
        "sections": [{"id": s["id"], "title": s["title"]} for s in manifest["sections"]],
        "figures": [{"id": f["id"], "number": f["number"], "caption": f["caption"]}
                    for f in manifest["figures"]],
    }


def test_sample_matches_golden_manifest(sample_build: Path, request: pytest.FixtureRequest) -> None:
    current = summarise(sample_build)
    if request.config.getoption("--update-golden"):
        GOLDEN.write_text(json.dumps(current, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert current == golden, "outputs changed: if on purpose, rerun with --update-golden"
