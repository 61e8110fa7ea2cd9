"""End to end: ``python -m builder build`` with the real renderers, then tamper and ``check``.

Each tamper is one a person could make by hand or a stale build could leave behind; each
must fail with exit 1 and one precise line naming what differs.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pptx import Presentation

from tests.conftest import ROOT, SAMPLE

SOURCE = """
    title: The Korean War
    sections:
      - title: Introduction
        blocks:
          - paragraph: Why the war *still* matters.
      - title: The War Begins
        id: begins
        blocks:
          - paragraph: North Korean forces crossed the 38th parallel in June 1950.
          - figure: casualties
      - title: China Enters the War
        id: china-enters
        blocks:
          - paragraph: Chinese forces crossed the Yalu in October 1950.
    figures:
      - id: casualties
        kind: bar
        caption: Casualties by *year*
        alt: Bar chart of casualties, 3 thousand in 1950 and 5 thousand in 1951.
        categories: ["1950", "1951"]
        series:
          - {name: Casualties, values: [3, 5]}
    """


def run(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "builder", *arguments], capture_output=True,
                          text=True, cwd=ROOT, timeout=600)


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One fresh build of a three-section lecture with one bar figure (``lecture.yaml`` and
    ``out/`` in one folder), built once for the tests that tamper with a copy of it."""
    folder = tmp_path_factory.mktemp("e2e")
    source = folder / "lecture.yaml"
    source.write_text(textwrap.dedent(SOURCE).lstrip("\n"), encoding="utf-8")
    result = run("build", str(source), "--out", str(folder / "out"))
    assert result.returncode == 0, result.stderr
    return folder


@pytest.fixture
def built(pristine: Path, tmp_path: Path) -> Path:
    """A copy of the fresh build in this test's folder (its source beside it, as the manifest
    names it: relative to the outputs); returns the output folder."""
    shutil.copy2(pristine / "lecture.yaml", tmp_path / "lecture.yaml")
    return Path(shutil.copytree(pristine / "out", tmp_path / "out"))


def check_fails(out: Path) -> str:
    result = run("check", str(out))
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    return result.stderr


def test_fresh_build_passes(write_source, tmp_path: Path) -> None:
    source = write_source(SOURCE, "lecture.yaml")
    out = tmp_path / "out"
    result = run("build", str(source), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "checked: 3 sections, 1 figure match"
    assert (out / "lecture.manifest.json").exists()
    again = run("check", str(out))
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip().endswith("lecture: checked: 3 sections, 1 figure match")
    manifest = (out / "lecture.manifest.json").read_bytes()
    assert run("build", str(source), "--out", str(out)).returncode == 0
    assert (out / "lecture.manifest.json").read_bytes() == manifest


def _slide_with(deck, shape_name: str) -> int:
    return next(index for index, slide in enumerate(deck.slides)
                if any(shape.name == shape_name for shape in slide.shapes))


def test_deleted_section_slide_is_named(built: Path) -> None:
    deck = Presentation(str(built / "lecture.pptx"))
    slides = deck.slides._sldIdLst
    slides.remove(slides[_slide_with(deck, "section-china-enters")])
    deck.save(str(built / "lecture.pptx"))
    error = check_fails(built)
    assert re.search(r"lecture: section 'China Enters the War' \(china-enters\): in the manifest "
                     r"and the guide \(page \d+\) but missing from the deck\n", error), error
    assert len(error.splitlines()) == 1, error


def test_guide_from_an_older_source_is_caught(built: Path, tmp_path: Path) -> None:
    old_guide = tmp_path / "old.pdf"
    shutil.copy(built / "lecture.pdf", old_guide)
    source = tmp_path / "lecture.yaml"
    source.write_text(source.read_text().replace("title: The War Begins", "title: War Breaks Out"))
    assert run("build", str(source), "--out", str(built)).returncode == 0
    shutil.copy(old_guide, built / "lecture.pdf")
    error = check_fails(built)
    assert re.search(r"lecture: section 'begins': titled 'War Breaks Out' in the manifest and the "
                     r"deck \(slide \d+\) but 'The War Begins' in the guide \(page \d+\)\n",
                     error), error


def test_guide_rebuilt_alone_from_a_newer_source_is_caught(built: Path, tmp_path: Path) -> None:
    source = tmp_path / "lecture.yaml"
    source.write_text(source.read_text().replace("title: The War Begins", "title: War Breaks Out"))
    assert run("build", str(source), "--out", str(built), "--format", "pdf").returncode == 0
    error = check_fails(built)
    assert re.search(r"section 'begins': titled 'War Breaks Out' in the manifest and the guide "
                     r"\(page \d+\) but 'The War Begins' in the deck \(slide \d+\)\n", error), error


def test_caption_changed_in_the_deck_only_is_caught(built: Path) -> None:
    deck = Presentation(str(built / "lecture.pptx"))
    box = next(shape for slide in deck.slides for shape in slide.shapes
               if shape.name == "caption-casualties")
    runs = box.text_frame.paragraphs[0].runs
    runs[0].text = "Figure 1. Deaths by year"
    for extra in runs[1:]:
        extra._r.getparent().remove(extra._r)
    deck.save(str(built / "lecture.pptx"))
    error = check_fails(built)
    assert re.search(r"lecture: figure 'casualties' \(Figure 1\): caption 'Figure 1\. Deaths by "
                     r"year' in the deck \(slide \d+\) but 'Figure 1\. Casualties by year' in the "
                     r"guide \(page \d+\) and the manifest\n", error), error
    assert len(error.splitlines()) == 1, error


@pytest.mark.parametrize("missing, noun", [("lecture.pdf", "the guide"),
                                           ("lecture.pptx", "the deck")])
def test_missing_output_is_caught(built: Path, missing: str, noun: str) -> None:
    (built / missing).unlink()
    error = check_fails(built)
    assert error.splitlines() == [f"course-builder: error: {built / 'lecture'}: {noun} {missing} "
                                  "is missing"]


def test_sample_lecture_builds_and_checks(tmp_path: Path) -> None:
    result = run("build", str(SAMPLE), "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"checked: \d+ sections, \d+ figures match", result.stdout.splitlines()[-1])


def test_a_section_may_share_its_key_with_a_figure_id(write_source, tmp_path: Path) -> None:
    """Sections and figures are kept apart by the check: 'Photon energy' (photon-energy) and a
    figure photon-energy on another slide are legitimate content, not a mismatch."""
    source = write_source(SOURCE.replace("id: begins", "id: casualties"), "lecture.yaml")
    result = run("build", str(source), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert run("check", str(tmp_path / "out")).returncode == 0
