"""A course layout names its lectures; ``build <layout>`` builds them all into one folder."""

from __future__ import annotations

import pickle
import textwrap
from pathlib import Path

import pytest

from builder.cli import main
from builder.course import LectureJob, build_job, course_slug, plan_course
from builder.errors import LayoutError
from builder.layout import load_layout
from tests.conftest import ROOT

LECTURE = """
title: {title}
sections:
  - title: Causes
    blocks:
      - paragraph: Why it began.
      - bullets: [One cause, Another cause]
  - title: Consequences
    blocks:
      - paragraph: What followed.
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


@pytest.fixture
def course(tmp_path: Path) -> Path:
    """A two-lecture course whose lectures sit in a folder beside the layout's folder."""
    write(tmp_path / "lectures" / "marshall-plan.yaml", LECTURE.format(title="The Marshall Plan"))
    write(tmp_path / "lectures" / "berlin-airlift.yaml", LECTURE.format(title="The Berlin Airlift"))
    return write(tmp_path / "layouts" / "cold-war.yaml", f"""
        extends: {ROOT / 'layouts' / 'history-101.yaml'}
        course:
          code: HIST 240
          title: The Cold War
          lectures: [../lectures/marshall-plan.yaml, ../lectures/berlin-airlift.yaml]
    """)


@pytest.mark.parametrize("course_yaml, slug", [
    ("course: {code: HIST 101}", "hist-101"),
    ("course: {code: 'Écon 2.01'}", "econ-2-01"),
    ("course: {title: Modern World History}", "modern-world-history"),
    ("description: no course", "plain"),
])
def test_course_slug(tmp_path: Path, course_yaml: str, slug: str) -> None:
    assert course_slug(load_layout(write(tmp_path / "plain.yaml", course_yaml))) == slug


def test_plan_has_one_job_per_lecture_in_the_course_folder(course: Path, tmp_path: Path) -> None:
    jobs = plan_course(load_layout(course), tmp_path / "out", ("pdf",), "instructor")
    assert [job.source.name for job in jobs] == ["marshall-plan.yaml", "berlin-airlift.yaml"]
    assert {job.out_dir for job in jobs} == {tmp_path / "out" / "hist-240"}
    assert all(job.source.is_absolute() and job.edition == "instructor" for job in jobs)


def test_a_layout_without_lectures_is_not_a_course(tmp_path: Path) -> None:
    layout = load_layout(write(tmp_path / "c.yaml", "course:\n  code: X 1\n"))
    with pytest.raises(LayoutError) as caught:
        plan_course(layout, tmp_path)
    [problem] = caught.value.problems
    assert str(problem).startswith(f"{tmp_path / 'c.yaml'}:2:3: course.lectures: this layout "
                                   "lists no lectures")


def test_a_job_is_plain_data_so_lectures_can_build_in_parallel(course: Path,
                                                              tmp_path: Path) -> None:
    [job, _] = plan_course(load_layout(course), tmp_path / "out", ("pdf",), check=False)
    copy = pickle.loads(pickle.dumps(job))
    assert isinstance(copy, LectureJob) and copy.layout == job.layout
    result = build_job(copy)
    assert result.outputs["pdf"] == tmp_path / "out" / "hist-240" / "marshall-plan.pdf"
    assert result.outputs["pdf"].stat().st_size > 1000


def test_building_a_course_layout_builds_every_lecture(course: Path, tmp_path: Path,
                                                      capsys) -> None:
    out = tmp_path / "out"
    assert main(["build", str(course), "--out", str(out), "--no-check"]) == 0
    built = sorted(path.name for path in (out / "hist-240").iterdir()
                   if path.suffix in (".pdf", ".pptx"))
    assert built == ["berlin-airlift.pdf", "berlin-airlift.pptx", "marshall-plan.pdf",
                     "marshall-plan.pptx"]
    assert capsys.readouterr().out.count("wrote ") >= 4


def test_without_out_a_course_builds_into_output(course: Path, tmp_path: Path,
                                                 monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["build", str(course), "--no-check", "--format", "pdf"]) == 0
    assert sorted(p.name for p in (tmp_path / "output" / "hist-240").glob("*.pdf")) == \
        ["berlin-airlift.pdf", "marshall-plan.pdf"]


def test_one_bad_lecture_fails_the_build_once_the_others_are_written(course: Path,
                                                                     tmp_path: Path,
                                                                     capsys) -> None:
    write(tmp_path / "lectures" / "marshall-plan.yaml", "title: [broken]\nsections: []\n")
    out = tmp_path / "out"
    assert main(["build", str(course), "--out", str(out), "--no-check", "--format", "pdf"]) == 2
    assert "marshall-plan.yaml:1:8: title: expected text" in capsys.readouterr().err
    assert (out / "hist-240" / "berlin-airlift.pdf").is_file()


def test_a_course_layout_takes_no_layout_option(course: Path, tmp_path: Path, capsys) -> None:
    assert main(["build", str(course), "--layout", str(course), "--out", str(tmp_path)]) == 2
    assert "build it without --layout" in capsys.readouterr().err


def test_the_shipped_history_course_builds_its_lectures(tmp_path: Path) -> None:
    """The whole pipeline, checks included, on the shipped course (needs both renderers)."""
    assert main(["build", str(ROOT / "layouts" / "history-101.yaml"), "--out", str(tmp_path)]) == 0
    folder = tmp_path / "hist-101"
    assert (folder / "korean-war.pdf").is_file() and (folder / "korean-war.pptx").is_file()
