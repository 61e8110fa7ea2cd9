"""Every lecture of the corpus, in every shipped layout and both editions, built once.

The corpus (``tests/corpus/*.yaml`` and the shipped ``sources/*.yaml``) is the project's
promise that *any* lecture builds: a biology lecture full of formulas, a crisis told day by
day, a map of another continent, a lecture in French, names in kanji. Building the whole
matrix is the slowest thing the suite does, so it happens once per session, through the
command line exactly as a teacher would run it, and every test that needs a corpus output
shares these builds.

The matrix is built *in the background*: ``tests/conftest.py`` starts it (``start``) as soon
as pytest has collected tests that need it, in a separate process (``python
tests/corpus_builds.py --serve``) that runs the builds in a pool of worker processes, one per
core, and hands LibreOffice each batch of finished instructor decks for the render check
while the other builds go on. The tests that read the matrix are moved to the end of the
session, so the rest of the suite runs meanwhile on the other core instead of waiting.

When the suite runs in several pytest processes (pytest-xdist, see ``tests/conftest.py``),
they share one matrix: the first to need it starts the background process under a folder
they all know (``start_or_attach``), the others read the same published builds, and the
controlling process ends it when every worker is done (``stop_at``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, ThreadPoolExecutor, wait
from dataclasses import asdict, dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Iterator, Mapping

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "tests" / "corpus").glob("*.yaml")) + sorted((ROOT / "sources").glob("*.yaml"))
LAYOUTS = sorted((ROOT / "layouts").glob("*.yaml"))
EDITIONS = ("student", "instructor")
RESULTS = "matrix.json"
ENDED = "ended.json"
"""Written by the background process as it exits, however it exits (readers in other test
processes cannot poll it)."""
OWNER = "owner"
"""A folder made by the one test process that starts the matrix (``os.mkdir`` is atomic)."""
PID = "pid.json"
DECK_BATCHES = 3
"""Instructor decks go to LibreOffice in this many runs: each run starts once (start-up costs
a few seconds) and the first ones overlap the builds still going."""


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
BY_ID = {case.id: case for case in CASES}


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


def _workers(count: int) -> int:
    return max(1, min(count, os.cpu_count() or 1))


def _pool(count: int) -> ProcessPoolExecutor:
    """Workers are spawned (not forked) and each imports the builder once for many builds."""
    return ProcessPoolExecutor(max_workers=_workers(count), mp_context=get_context("spawn"))


def build_all(root: Path, cases: list[Case] = CASES) -> dict[str, Build]:
    """Build every case into its own folder under ``root``, one worker process per core."""
    with _pool(len(cases)) as pool:
        builds = list(pool.map(_build, cases, [root] * len(cases)))
    return {build.case.id: build for build in builds}


# ------------------------------------------------------------------------------------------
# The background matrix: one process builds, converts, and writes RESULTS when done.


def _renderable(build: Build) -> bool:
    return build.case.edition == "instructor" and build.returncode == 0 and build.pptx.exists()


def _convert(builds: list[Build], root: Path, batch: int) -> tuple[dict[str, str], str]:
    """One LibreOffice run over a batch of decks (copied under unique names, as LibreOffice
    names each PDF after its deck): case id → PDF path, and what went wrong if anything."""
    import render_check  # beside this file, on the path of the test session and of --serve

    staging = root / "decks" / str(batch)
    staging.mkdir(parents=True, exist_ok=True)
    decks = {build.case.id: Path(shutil.copy(build.pptx, staging / f"{build.case.id}.pptx"))
             for build in builds}
    try:
        converted = render_check.convert_decks(list(decks.values()), root / "deck-pdfs",
                                               root / "lo-profiles" / str(batch))
    except (OSError, RuntimeError, subprocess.SubprocessError) as error:
        return {}, f"LibreOffice run {batch} ({', '.join(decks)}): {error}"
    return {key: str(converted[path]) for key, path in decks.items()}, ""


def _publish(path: Path, value: dict) -> None:
    """Write one result where the test session looks for it, atomically: present means done."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    partial.write_text(json.dumps(value), encoding="utf-8")
    partial.replace(path)


def _build_entry(build: Build) -> dict:
    return {**asdict(build), "case": build.case.id, "out": str(build.out)}


def serve(root: Path, cases: list[Case], render: bool) -> None:
    """Build ``cases`` in the order given (the order the session's tests read them), publish
    each build as it finishes (``root/builds/ID.json``), convert the built instructor decks in
    ``DECK_BATCHES`` LibreOffice runs that overlap the rest of the builds (``root/rendered/
    ID.json`` as each run ends), then write a summary to ``root / RESULTS``."""
    started = time.monotonic()
    instructor = sum(case.edition == "instructor" for case in cases)
    batch_size = max(1, -(-instructor // DECK_BATCHES))
    waiting: list[Build] = []
    conversions = []
    instructor_done = 0

    def converted(future) -> None:
        pdfs, problem = future.result()
        for key, pdf in pdfs.items():
            _publish(root / "rendered" / f"{key}.json", {"pdf": pdf})
        for key in future.keys:
            if key not in pdfs:
                _publish(root / "rendered" / f"{key}.json", {"problem": problem})

    with _pool(len(cases)) as pool, ThreadPoolExecutor(max_workers=DECK_BATCHES) as office:
        pending = {pool.submit(_build, case, root) for case in cases}
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                build = future.result()
                _publish(root / "builds" / f"{build.case.id}.json", _build_entry(build))
                if build.case.edition != "instructor":
                    continue
                instructor_done += 1
                if render and _renderable(build):
                    waiting.append(build)
                elif render:  # nothing to draw: say so rather than leave a reader waiting
                    _publish(root / "rendered" / f"{build.case.id}.json",
                             {"problem": f"{build.case.id} did not build a deck"})
                if waiting and (len(waiting) >= batch_size or instructor_done == instructor):
                    conversion = office.submit(_convert, waiting, root, len(conversions))
                    conversion.keys = [build.case.id for build in waiting]
                    conversion.add_done_callback(converted)
                    conversions.append(conversion)
                    waiting = []
        built = time.monotonic() - started
    _publish(root / RESULTS, {"builds": len(cases), "conversions": len(conversions),
                              "seconds": {"builds": round(built, 1),
                                          "total": round(time.monotonic() - started, 1)}})


class _Waiting(Mapping):
    """A mapping whose values arrive from the background process: reading one waits for it
    alone, so a test runs as soon as its own build is done."""

    def __init__(self, keys: list[str], fetch) -> None:
        self._keys, self._fetch, self._got = list(keys), fetch, {}

    def __getitem__(self, key: str):
        if key not in self._got:
            if key not in self._keys:
                raise KeyError(key)
            self._got[key] = self._fetch(key)
        return self._got[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


@dataclass
class Matrix:
    """The background build of the matrix, as one test process sees it: the process that
    started it holds ``process``; another (a pytest-xdist worker) only knows its ``pid``."""

    root: Path
    process: subprocess.Popen | None
    pid: int
    log: Path
    cases: list[Case]
    render: bool

    def _ended(self) -> bool:
        """Whether the background process is gone (it writes ENDED as it exits; a process
        killed outright is found dead or a zombie)."""
        if self.process is not None:
            return self.process.poll() is not None
        if (self.root / ENDED).exists():
            return True
        try:
            state = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            return not _alive(self.pid)
        return state in ("Z", "X")

    def _wait_for(self, path: Path) -> dict:
        while not path.exists():
            if self._ended() and not path.exists():
                raise RuntimeError(f"the corpus matrix process ended before {path.name}:\n"
                                   + self.log.read_text(encoding="utf-8")[-4000:])
            time.sleep(0.1)
        return json.loads(path.read_text(encoding="utf-8"))

    def _build(self, key: str) -> Build:
        entry = self._wait_for(self.root / "builds" / f"{key}.json")
        return Build(BY_ID[key], Path(entry["out"]), entry["returncode"], entry["stdout"],
                     entry["stderr"])

    def builds(self) -> Mapping[str, Build]:
        """Case id → its build, each waited for when first read."""
        return _Waiting([case.id for case in self.cases], self._build)

    def _rendered(self, key: str) -> Path:
        if not self.render:
            raise RuntimeError("the matrix was started without the render check")
        entry = self._wait_for(self.root / "rendered" / f"{key}.json")
        if "problem" in entry:
            raise RuntimeError(entry["problem"])
        return Path(entry["pdf"])

    def rendered(self) -> Mapping[str, Path]:
        """Case id → the instructor deck as LibreOffice drew it (waited for when read; a
        failed LibreOffice run raises its error there)."""
        return _Waiting([case.id for case in self.cases if case.edition == "instructor"],
                        self._rendered)

    def stop(self) -> None:
        """End the background process and its workers (done, or a session ended early)."""
        if self.process is not None:
            if self.process.poll() is None:
                _kill_group(self.process.pid)
            self.process.wait()
        else:
            stop_at(self.root)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, 15)
    except ProcessLookupError:
        pass


def start(root: Path, cases: list[Case], render: bool) -> Matrix:
    """Start building ``cases`` under ``root`` in the background (see ``serve``)."""
    root.mkdir(parents=True, exist_ok=True)
    log = root / "matrix.log"
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])
    command = [sys.executable, str(Path(__file__).resolve()), "--serve", str(root),
               *(["--render"] if render else []), *(case.id for case in cases)]
    with log.open("w", encoding="utf-8") as handle:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=handle,
                                   stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   start_new_session=True)
    _publish(root / PID, {"pid": process.pid, "render": render,
                          "cases": [case.id for case in cases]})
    return Matrix(root, process, process.pid, log, list(cases), render)


def start_or_attach(root: Path, cases: list[Case], render: bool) -> Matrix:
    """The matrix under ``root``: started here by the first test process to ask, read by
    the others (which must ask for the same cases: pytest-xdist workers collect alike)."""
    root.mkdir(parents=True, exist_ok=True)
    try:
        os.mkdir(root / OWNER)
    except FileExistsError:
        deadline = time.monotonic() + 120
        while not (root / PID).exists():
            if time.monotonic() > deadline:
                raise RuntimeError(f"no corpus matrix started under {root}")
            time.sleep(0.05)
        entry = json.loads((root / PID).read_text(encoding="utf-8"))
        if entry["cases"] != [case.id for case in cases] or entry["render"] != render:
            raise RuntimeError("test processes asked for different corpus matrices")
        return Matrix(root, None, entry["pid"], root / "matrix.log", list(cases), render)
    return start(root, cases, render)


def stop_at(root: Path) -> None:
    """End the background matrix under ``root`` if one was started there and still runs
    (called by the process that controls the test workers, once they are all done)."""
    if not (root / PID).exists() or (root / ENDED).exists():
        return
    pid = json.loads((root / PID).read_text(encoding="utf-8"))["pid"]
    if _alive(pid):
        _kill_group(pid)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--serve"]:  # the background process started by ``start``
        root, rest = Path(argv[1]), argv[2:]
        render = "--render" in rest
        try:
            serve(root, [BY_ID[key] for key in rest if key != "--render"], render)
        except BaseException as error:  # readers in other processes see it in ENDED
            _publish(root / ENDED, {"error": repr(error)})
            raise
        _publish(root / ENDED, {"error": None})
        return 0
    # a quick survey: python tests/corpus_builds.py /tmp/corpus-out
    start_time = time.monotonic()
    results = build_all(Path(argv[0] if argv else "/tmp/corpus-builds"))
    for key, build in sorted(results.items()):
        last = build.stderr.strip().splitlines()[-1:] or [""]
        print(f"{'ok  ' if build.returncode == 0 else 'FAIL'} {key}: {last[0][:300]}")
    print(f"{len(results)} builds in {time.monotonic() - start_time:.0f} s")
    return 0


if __name__ == "__main__":
    # Run as the module ``corpus_builds`` (this file's folder is on the path), not as
    # ``__main__``: the builds that come back from the pool workers are of its classes.
    import corpus_builds

    sys.exit(corpus_builds.main(sys.argv[1:]))
