"""Course builds on every core, incrementally: the same bytes as a serial, uncached build."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from builder.cli import main

LECTURE = """
title: {title}
sections:
  - title: Causes of {title}
    notes: Speaker notes for {title}.
    blocks:
      - paragraph: Why it began.
      - bullets: [One cause, Another cause]
      - figure: chart
  - title: Consequences
    blocks:
      - paragraph: What followed.
figures:
  - id: chart
    kind: bar
    caption: Two values
    alt: Bar chart of two values, 3 and 5.
    categories: [First, Second]
    series:
      - {{name: Value, values: [3, 5]}}
"""
TITLES = ["The Marshall Plan", "The Berlin Airlift", "The Korean Armistice"]


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


@pytest.fixture
def course(tmp_path: Path) -> Path:
    names = []
    for title in TITLES:
        name = title.lower().replace(" ", "-") + ".yaml"
        _write(tmp_path / "lectures" / name, LECTURE.format(title=title))
        names.append(f"../lectures/{name}")
    return _write(tmp_path / "layouts" / "course.yaml",
                  "course:\n  code: HIST 240\n  lectures: [" + ", ".join(names) + "]\n")


def _files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def test_parallel_build_writes_the_same_bytes_as_a_serial_one(course: Path, tmp_path: Path,
                                                            capsys) -> None:
    assert main(["build", str(course), "--out", str(tmp_path / "serial"), "-j", "1"]) == 0
    assert main(["build", str(course), "--out", str(tmp_path / "parallel"), "-j", "3"]) == 0
    serial, parallel = _files(tmp_path / "serial"), _files(tmp_path / "parallel")
    assert len(serial) == 3 * len(TITLES)
    assert serial == parallel
    captured = capsys.readouterr()
    assert captured.out.count("checked: 2 sections, 1 figure match") == 2 * len(TITLES)
    # not a terminal: one progress line per lecture
    assert sum(line.startswith("[") and ": built in " in line
               for line in captured.err.splitlines()) == 2 * len(TITLES)


def test_an_unchanged_lecture_is_skipped_and_a_changed_one_rebuilt(course: Path, tmp_path: Path,
                                                                 capsys) -> None:
    out = tmp_path / "out"
    assert main(["build", str(course), "--out", str(out), "-j", "2"]) == 0
    first = _files(out)
    capsys.readouterr()
    assert main(["build", str(course), "--out", str(out), "-j", "2"]) == 0
    captured = capsys.readouterr()
    assert captured.out.count("up to date:") == len(TITLES) and "wrote" not in captured.out
    assert _files(out) == first

    source = tmp_path / "lectures" / "the-berlin-airlift.yaml"
    source.write_text(source.read_text().replace("Why it began.", "Why it began at all."))
    assert main(["build", str(course), "--out", str(out), "-j", "2"]) == 0
    captured = capsys.readouterr()
    assert captured.out.count("up to date:") == len(TITLES) - 1
    assert "the-berlin-airlift.pdf" in captured.out

    # a damaged output is rebuilt; --force rebuilds everything
    (out / "hist-240" / "the-marshall-plan.pptx").write_bytes(b"damaged")
    assert main(["build", str(course), "--out", str(out), "-j", "1"]) == 0
    assert "the-marshall-plan.pptx" in capsys.readouterr().out
    assert (out / "hist-240" / "the-marshall-plan.pptx").read_bytes() == \
        first["hist-240/the-marshall-plan.pptx"]
    assert main(["build", str(course), "--out", str(out), "--force", "-j", "1"]) == 0
    assert "up to date" not in capsys.readouterr().out


def test_a_failed_lecture_in_a_parallel_build_is_reported_with_the_others_built(
        course: Path, tmp_path: Path, capsys) -> None:
    _write(tmp_path / "lectures" / "the-marshall-plan.yaml", "title: [broken]\nsections: []\n")
    out = tmp_path / "out"
    assert main(["build", str(course), "--out", str(out), "-j", "2", "--format", "pdf"]) == 2
    captured = capsys.readouterr()
    assert "the-marshall-plan.yaml:1:8: title: expected text" in captured.err
    assert "the-marshall-plan: failed" in captured.err
    assert (out / "hist-240" / "the-berlin-airlift.pdf").is_file()


def test_jobs_must_be_a_positive_number(course: Path, capsys) -> None:
    with pytest.raises(SystemExit):
        main(["build", str(course), "-j", "0"])
    assert "use at least 1 process" in capsys.readouterr().err


def test_one_lecture_renders_its_guide_and_deck_in_two_processes_with_the_same_bytes(
        course: Path, tmp_path: Path) -> None:
    source = tmp_path / "lectures" / "the-marshall-plan.yaml"
    assert main(["build", str(source), "--out", str(tmp_path / "one"), "-j", "1"]) == 0
    assert main(["build", str(source), "--out", str(tmp_path / "two"), "-j", "2"]) == 0
    assert _files(tmp_path / "one") == _files(tmp_path / "two")


def test_an_error_in_the_second_process_is_reported_as_in_one(course: Path, tmp_path: Path,
                                                              monkeypatch, capsys) -> None:
    from builder import build
    from builder.errors import RenderError

    def broken(document):
        raise RenderError("lecture.yaml:3:5: the deck cannot be drawn")

    monkeypatch.setitem(build.RENDERERS, "pptx", broken)
    source = tmp_path / "lectures" / "the-marshall-plan.yaml"
    assert main(["build", str(source), "--out", str(tmp_path / "out"), "-j", "2"]) == 2
    assert "lecture.yaml:3:5: the deck cannot be drawn" in capsys.readouterr().err
    assert not (tmp_path / "out" / "the-marshall-plan.pdf").exists()  # all outputs or none


def test_adaptations_made_in_the_second_process_are_reported(course: Path, tmp_path: Path,
                                                            capsys) -> None:
    source = tmp_path / "lectures" / "the-marshall-plan.yaml"
    long_title = " ".join(["An extraordinarily long section title that keeps going"] * 4)
    source.write_text(source.read_text().replace("title: Consequences", f"title: {long_title}"))
    assert main(["build", str(source), "--out", str(tmp_path / "one"), "-j", "1"]) == 0
    serial = [line for line in capsys.readouterr().err.splitlines() if "warning" in line]
    assert main(["build", str(source), "--out", str(tmp_path / "two"), "-j", "2"]) == 0
    parallel = [line for line in capsys.readouterr().err.splitlines() if "warning" in line]
    assert serial and parallel == serial
