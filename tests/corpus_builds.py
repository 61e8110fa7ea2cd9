"""Every lecture of the corpus, in every shipped layout and both editions, built once.

The corpus (``tests/corpus/*.yaml`` and the shipped ``sources/*.yaml``) is the project's
promise that *any* lecture builds: a biology lecture full of formulas, a crisis told day by
day, a map of another continent, a lecture in French, names in kanji. Building the whole
matrix is the slowest thing the suite does, so it happens once per session, through the
command line exactly as a teacher would run it (one process per build, run in parallel),
and every test that needs a corpus output shares these builds.
"""

from __future__ import annotations

import os
import sys
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "tests" / "corpus").glob("*.yaml")) + sorted((ROOT / "sources").glob("*.yaml"))
LAYOUTS = sorted((ROOT / "layouts").glob("*.yaml"))
EDITIONS = ("student", "instructor")


@dataclass(frozen=True)
class Case:
    """One build of the matrix: a source in a layout and an edition."""

    source: Path
    layout: Path
    edition: str

    @property
    def id(self) -> str:
        return f"{self.source.stem}-{self.layout.stem}-{self.edition}"


@dataclass(frozen=True)
class Build:
    case: Case
    out: Path
    returncode: int
    stdout: str
    stderr: str

    @property
    def pdf(self) -> Path:
        return self.out / f"{self.case.source.stem}.pdf"

    @property
    def pptx(self) -> Path:
        return self.out / f"{self.case.source.stem}.pptx"

    def report(self) -> str:
        """What a failing test prints: the command's own words."""
        return (f"build of {self.case.source.name} with {self.case.layout.name} "
                f"({self.case.edition}) exited {self.returncode}\n{self.stderr.strip()}")


CASES = [Case(source, layout, edition)
         for source in CORPUS for layout in LAYOUTS for edition in EDITIONS]


def _build(case: Case, root: Path) -> Build:
    """One build, in a worker process, through the command line's own entry point."""
    import contextlib
    import io

    from builder.cli import main

    out = root / case.id
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = main(["build", str(case.source), "--layout", str(case.layout),
                     "--edition", case.edition, "--out", str(out)])
    return Build(case, out, code, stdout.getvalue(), stderr.getvalue())


def build_all(root: Path, cases: list[Case] = CASES) -> dict[str, Build]:
    """Build every case into its own folder under ``root``, one worker process per core.

    Workers are spawned (not forked) and each imports the builder once for many builds.
    """
    workers = max(1, min(len(cases), os.cpu_count() or 1))
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
        builds = list(pool.map(_build, cases, [root] * len(cases)))
    return {build.case.id: build for build in builds}


if __name__ == "__main__":  # a quick survey: python tests/corpus_builds.py /tmp/corpus-out
    import time

    start = time.monotonic()
    results = build_all(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/corpus-builds"))
    for key, build in sorted(results.items()):
        last = build.stderr.strip().splitlines()[-1:] or [""]
        print(f"{'ok  ' if build.returncode == 0 else 'FAIL'} {key}: {last[0][:300]}")
    print(f"{len(results)} builds in {time.monotonic() - start:.0f} s")
