"""Outputs depend on the inputs only, never on what the process built before.

A watch or a serial course build keeps one process alive across lectures and layouts, with
process-wide caches (registered fonts, measured widths, figure scenes): a lecture built after
others must come out byte for byte as it does in a fresh process.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from builder.cli import main

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "builder" / "fonts"

LECTURE = """\
title: Determinism
subtitle: The same inputs, the same bytes
sections:
  - title: First
    blocks:
      - paragraph: "Hello, *world*, a **bold** claim about 1950–1953, in several words."
      - bullets: [One point, Another point that is a little longer than the first]
      - figure: counts
  - title: Second
    blocks:
      - paragraph: Seoul (서울) and 東京 need fallback fonts.
figures:
  - id: counts
    kind: bar
    caption: Counts by year
    alt: Bar chart of counts in 1950 and 1951.
    categories: ["1950", "1951"]
    series:
      - {name: Counts, values: [3, 5]}
"""


def _project(tmp_path: Path) -> Path:
    """A lecture, and a layout whose body family is named like a bundled one but draws from
    another file (a teacher's own "Carlito" files): the two must never be confused."""
    project = tmp_path / "project"
    project.mkdir()
    (project / "lecture.yaml").write_text(LECTURE, encoding="utf-8")
    for style in ("Regular", "Bold", "Italic", "BoldItalic"):
        shutil.copy(FONTS / f"LiberationSans-{style}.ttf", project / f"own-{style}.ttf")
    (project / "other.yaml").write_text(textwrap.dedent("""\
        extends: default
        fonts:
          body: {name: Carlito, regular: own-Regular.ttf, bold: own-Bold.ttf,
                 italic: own-Italic.ttf, bold_italic: own-BoldItalic.ttf}
        """), encoding="utf-8")
    return project


def _outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / f"lecture.{name}").read_bytes() for name in ("pdf", "pptx")}


def _in_process(project: Path, out: Path, *extra: str) -> dict[str, bytes]:
    assert main(["build", str(project / "lecture.yaml"), "--out", str(out), "-j", "1",
                 *extra]) == 0
    return _outputs(out)


def _fresh(project: Path, out: Path, *extra: str) -> dict[str, bytes]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get(
        "PYTHONPATH", "")])}
    subprocess.run([sys.executable, "-m", "builder", "build", str(project / "lecture.yaml"),
                    "--out", str(out), "-j", "1", *extra], check=True, env=env,
                   capture_output=True)
    return _outputs(out)


def test_a_lecture_rebuilt_after_another_layout_is_unchanged(tmp_path: Path) -> None:
    project = _project(tmp_path)
    first = _in_process(project, tmp_path / "a1")
    _in_process(project, tmp_path / "b", "--layout", str(project / "other.yaml"))
    again = _in_process(project, tmp_path / "a2")
    assert again == first


def test_a_family_named_like_another_draws_from_its_own_files(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _in_process(project, tmp_path / "a")  # registers the bundled Carlito first
    other = ("--layout", str(project / "other.yaml"))
    after = _in_process(project, tmp_path / "b", *other)
    assert after == _fresh(project, tmp_path / "b-fresh", *other)


def test_two_processes_warm_caches_and_a_fresh_serial_build_agree(tmp_path: Path) -> None:
    """The guide and the deck drawn at once in two processes (``-j 2``), after other builds
    filled this process's caches, give the bytes of a serial build in a fresh process."""
    project = _project(tmp_path)
    _in_process(project, tmp_path / "other", "--layout", str(project / "other.yaml"))
    _in_process(project, tmp_path / "warm")
    parallel = _in_process(project, tmp_path / "parallel", "-j", "2")
    assert parallel == _fresh(project, tmp_path / "fresh")


def test_a_deck_worker_draws_what_a_serial_build_draws(tmp_path: Path) -> None:
    """A watch's long-lived deck worker (``builder.worker``) gives the same bytes, build after
    build, as this process drawing both outputs; a deck error reaches the caller."""
    import pytest

    from builder.build import build_lecture
    from builder.layout.load import load_layout
    from builder.worker import DeckWorker

    if not DeckWorker.possible():
        pytest.skip("needs two cores, fork and a single thread")
    project = _project(tmp_path)
    serial = _in_process(project, tmp_path / "serial")
    worker = DeckWorker()
    try:
        for index in range(2):
            out = tmp_path / f"worker-{index}"
            result = build_lecture(project / "lecture.yaml", load_layout(None), out, worker=worker)
            assert result.checked is not None
            assert _outputs(out) == serial
        assert worker.alive
    finally:
        worker.close()
    assert not worker.alive


def test_a_deck_read_back_where_it_was_drawn_reads_as_its_file(tmp_path: Path) -> None:
    """A parallel build reads the deck back in the process that drew it, from its bytes; the
    manifest and the check then see what reading the staged file would show."""
    from builder.check.readback import deck_figures, deck_sections, read_deck_ahead

    project = _project(tmp_path)
    out = tmp_path / "out"
    _in_process(project, out)
    deck = out / "lecture.pptx"
    ahead = read_deck_ahead(deck.read_bytes())
    assert ahead is not None
    assert deck_sections(ahead) == deck_sections(deck) != []
    assert deck_figures(ahead) == deck_figures(deck) != []
    assert read_deck_ahead(b"PK\x05\x06" + b"\x00" * 18) is None


def test_a_map_draws_its_countries_in_the_same_order_under_any_hash_seed() -> None:
    """Shaded countries were kept in a set of codes: their rings, and so the deck's shapes,
    came out in another order in a process with another PYTHONHASHSEED."""
    probe = ("import sys; from pathlib import Path; from builder.layout import load_layout; "
             "from builder.load.source import load_source; from builder.resolve.document "
             "import resolve; from builder.charts.mapframe import map_geography; "
             "d = resolve(load_source(Path(sys.argv[1])), load_layout(None), None); "
             "f = next(n.figure for n in d.figures.values() if n.figure.kind == 'map' "
             "and len(n.figure.countries) > 1); "
             "import hashlib; print(hashlib.sha256(repr(map_geography(f, 600.0, 400.0, "
             "False).shaded).encode()).hexdigest())")
    source = ROOT / "tests" / "corpus" / "scramble-for-africa.yaml"
    answers = set()
    for seed in ("4", "6"):  # seeds under which the two codes' set order differs
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": os.pathsep.join(
            [str(ROOT), os.environ.get("PYTHONPATH", "")])}
        answers.add(subprocess.run([sys.executable, "-c", probe, str(source)], env=env,
                                   check=True, capture_output=True, text=True).stdout)
    assert len(answers) == 1
