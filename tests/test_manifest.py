"""The build manifest and the build's own check, through ``build`` with stand-in renderers.

The stand-ins render a Document to the renderer contract (see test_check.py), so the
manifest and the wiring in build/commands are tested without the real renderers.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from builder import __version__, build
from builder.cli import main
from builder.text.inline import plain
from builder.model import FigureRef
from builder.resolve.document import Document
from tests.test_check import FigureSpec, SectionSpec, deck_bytes, guide_bytes

SOURCE = """
    title: The Korean War
    sections:
      - title: Introduction
        blocks:
          - paragraph: Why it *matters*.
      - title: The War Begins
        id: begins
        blocks:
          - figure: casualties
      - title: China Enters the War
        blocks:
          - paragraph: October 1950.
    figures:
      - id: casualties
        kind: bar
        caption: Casualties by *year*
        alt: Bar chart of casualties in 1950 and 1951.
        categories: ["1950", "1951"]
        series:
          - {name: Casualties, values: [3, 5]}
    """


def _specs(document: Document) -> tuple[list[SectionSpec], list[FigureSpec]]:
    sections = [SectionSpec(s.key, plain(s.title)) for s in document.lecture.sections]
    figures = [FigureSpec(b.figure, plain(document.figures[b.figure].caption), s.key)
               for s in document.lecture.sections for b in s.blocks if isinstance(b, FigureRef)]
    return sections, figures


@pytest.fixture
def stand_in_renderers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(build.RENDERERS, "pdf", lambda document: guide_bytes(*_specs(document)))
    monkeypatch.setitem(build.RENDERERS, "pptx", lambda document: deck_bytes(*_specs(document)))


@pytest.fixture
def source(write_source) -> Path:
    return write_source(SOURCE, "korean-war.yaml")


def _build(source: Path, out: Path, *extra: str) -> int:
    return main(["build", str(source), "--out", str(out), *extra])


@pytest.mark.usefixtures("stand_in_renderers")
def test_build_writes_a_manifest_of_what_the_files_contain(source: Path, tmp_path: Path,
                                                           capsys) -> None:
    out = tmp_path / "out"
    assert _build(source, out) == 0
    manifest = json.loads((out / "korean-war.manifest.json").read_text())
    assert manifest["sections"] == [
        {"id": "introduction", "title": "Introduction", "pdf_page": 2, "deck_slide": 2},
        {"id": "begins", "title": "The War Begins", "pdf_page": 3, "deck_slide": 3},
        {"id": "china-enters-the-war", "title": "China Enters the War", "pdf_page": 4,
         "deck_slide": 5}]
    assert manifest["figures"] == [{"id": "casualties", "number": 1,
                                    "caption": "Figure 1. Casualties by year",
                                    "pdf_page": 3, "deck_slide": 4}]
    assert manifest["builder"] == {"name": "course-builder", "version": __version__}
    assert manifest["edition"] == "student"
    assert manifest["outputs"] == {"pdf": "korean-war.pdf", "pptx": "korean-war.pptx"}
    assert manifest["inputs"]["source"] == {
        "path": "../korean-war.yaml", "sha256": hashlib.sha256(source.read_bytes()).hexdigest()}
    layout = manifest["inputs"]["layout"]
    assert layout["files"][0]["path"] == "course-builder:defaults/layout.yaml"
    assert len(layout["sha256"]) == 64
    out_lines = capsys.readouterr().out.splitlines()
    assert out_lines[-1] == "checked: 3 sections, 1 figure match"


@pytest.mark.usefixtures("stand_in_renderers")
def test_rebuilding_gives_an_identical_manifest(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _build(source, out)
    first = (out / "korean-war.manifest.json").read_bytes()
    _build(source, out)
    assert (out / "korean-war.manifest.json").read_bytes() == first
    assert b"\n" == first[-1:] and json.dumps(json.loads(first), sort_keys=True, indent=2,
                                               ensure_ascii=False).encode() + b"\n" == first


@pytest.mark.usefixtures("stand_in_renderers")
def test_manifest_hashes_change_with_their_inputs(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _build(source, out, "--edition", "student")
    before = json.loads((out / "korean-war.manifest.json").read_text())
    source.write_text(source.read_text().replace("October 1950.", "25 October 1950."))
    _build(source, out, "--edition", "instructor")
    after = json.loads((out / "korean-war.manifest.json").read_text())
    assert before["inputs"]["source"]["sha256"] != after["inputs"]["source"]["sha256"]
    assert (before["edition"], after["edition"]) == ("student", "instructor")


def test_image_assets_are_hashed(write_source, tmp_path: Path, stand_in_renderers) -> None:
    (tmp_path / "photo.png").write_bytes((Path(__file__).parent / "data" / "tiny.png").read_bytes())
    text = SOURCE.replace("- paragraph: October 1950.", "- figure: photo") + (
        "  - id: photo\n"
        "        kind: image\n"
        "        caption: A photograph\n"
        "        alt: A small test image.\n"
        "        path: photo.png\n")
    source = write_source(text, "korean-war.yaml")
    assert _build(source, tmp_path / "out") == 0
    manifest = json.loads((tmp_path / "out" / "korean-war.manifest.json").read_text())
    digest = hashlib.sha256((tmp_path / "photo.png").read_bytes()).hexdigest()
    assert manifest["inputs"]["assets"] == [{"path": "photo.png", "sha256": digest}]
    assert [f["caption"] for f in manifest["figures"]] == ["Figure 1. Casualties by year",
                                                           "Figure 2. A photograph"]


@pytest.mark.usefixtures("stand_in_renderers")
def test_no_check_still_writes_the_manifest(source: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    assert _build(source, out, "--no-check") == 0
    assert (out / "korean-war.manifest.json").exists()
    assert "checked" not in capsys.readouterr().out


@pytest.mark.usefixtures("stand_in_renderers")
def test_single_format_build_records_what_exists(source: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    assert _build(source, out, "--format", "pdf") == 0
    manifest = json.loads((out / "korean-war.manifest.json").read_text())
    assert manifest["outputs"] == {"pdf": "korean-war.pdf"}
    assert [s["deck_slide"] for s in manifest["sections"]] == [None, None, None]
    assert [s["pdf_page"] for s in manifest["sections"]] == [2, 3, 4]
    assert capsys.readouterr().out.splitlines()[-1] == (
        "checked: 3 sections, 1 figure against the manifest "
        "(guide only; nothing to compare it with)")


@pytest.mark.usefixtures("stand_in_renderers")
def test_stale_output_left_by_an_earlier_build_is_caught(source: Path, tmp_path: Path,
                                                          capsys) -> None:
    out = tmp_path / "out"
    _build(source, out)
    source.write_text(source.read_text().replace("title: The War Begins", "title: War Breaks Out"))
    assert _build(source, out, "--format", "pdf") == 0
    capsys.readouterr()
    assert main(["check", str(out)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"course-builder: error: {out / 'korean-war'}: section 'begins': titled 'War Breaks Out' "
        "in the manifest and the guide (page 3) but 'The War Begins' in the deck (slide 3)"]


def test_build_fails_with_exit_1_when_a_renderer_breaks_the_contract(
        source: Path, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    def deck_without_last_section(document: Document) -> bytes:
        sections, figures = _specs(document)
        return deck_bytes(sections[:-1], figures)

    monkeypatch.setitem(build.RENDERERS, "pdf", lambda document: guide_bytes(*_specs(document)))
    monkeypatch.setitem(build.RENDERERS, "pptx", deck_without_last_section)
    out = tmp_path / "out"
    assert _build(source, out) == 1
    captured = capsys.readouterr()
    assert "checked" not in captured.out
    assert captured.err.splitlines() == [
        f"course-builder: error: {out / 'korean-war'}: section 'China Enters the War' "
        "(china-enters-the-war): in the manifest and the guide (page 4) but missing from the deck"]
    assert list(out.iterdir()) == []  # all outputs or none: a failed check replaces nothing


@pytest.mark.usefixtures("stand_in_renderers")
def test_layout_files_and_edition_are_recorded(source: Path, tmp_path: Path) -> None:
    layout = tmp_path / "mine.yaml"
    layout.write_text("name: mine\nedition: instructor\n")
    assert _build(source, tmp_path / "out", "--layout", str(layout)) == 0
    manifest = json.loads((tmp_path / "out" / "korean-war.manifest.json").read_text())
    digest = hashlib.sha256(layout.read_bytes()).hexdigest()
    assert manifest["inputs"]["layout"]["name"] == "mine"
    assert manifest["inputs"]["layout"]["files"][1:] == [{"path": "../mine.yaml", "sha256": digest}]
    assert manifest["edition"] == "instructor"


def test_unreadable_output_fails_the_build_with_exit_1(source: Path, tmp_path: Path, capsys,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(build.RENDERERS, "pdf", lambda document: guide_bytes(*_specs(document)))
    monkeypatch.setitem(build.RENDERERS, "pptx", lambda document: b"not a presentation")
    assert _build(source, tmp_path / "out") == 1
    [line] = capsys.readouterr().err.splitlines()
    assert "the deck korean-war.pptx cannot be read" in line
    assert list((tmp_path / "out").iterdir()) == []  # a build that fails its check writes nothing
