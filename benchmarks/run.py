"""The course-builder benchmark: ``python benchmarks/run.py [--quick] [--json FILE]``.

Measures what issue 13 promises, each in the setting a teacher meets it:

- **cold**: ``course-builder build sources/korean-war.yaml`` in a fresh process (guide, deck,
  manifest and check), wall time and peak memory (the child's ``ru_maxrss``);
- **warm**: the same build repeated in one long-lived process after a one-word edit of the
  source, as ``course-builder watch`` does it;
- **scale**: generated lectures of about 10, 100 and 1,000 slides, with and without figures,
  built in a process that has already built one small lecture (so imports and fonts are
  paid once): seconds per slide, which should not grow with the deck;
- **course**: an 8-lecture generated course, serial (``-j 1``) and on every core (``-j N``),
  plus the no-op rebuild that incremental builds make free;
- **pandoc**: the same sample as Markdown through ``pandoc`` to PPTX and through ``pandoc``
  → Typst → PDF with the ``typst`` Python package, when ``pypandoc-binary`` and ``typst`` are
  installed (they are optional, never dependencies of course-builder).

Not part of the test suite: wall times depend on the machine and its load, so the table
prints the machine and its load average with the numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SAMPLE = ROOT / "sources" / "korean-war.yaml"
sys.path.insert(0, str(HERE))

from generate import lecture_yaml, markdown_of, one_word_edit, write_course  # noqa: E402

MiB = 1024 * 1024


@dataclass
class Row:
    """One line of the table: a measurement repeated ``len(seconds)`` times."""

    name: str
    seconds: list[float] = field(default_factory=list)
    peak_mib: float | None = None
    slides: int | None = None
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.seconds) if self.seconds else float("nan")

    @property
    def per_slide_ms(self) -> float | None:
        return 1000 * self.median / self.slides if self.slides else None


# --------------------------------------------------------------------------- processes

def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT)] + [p for p in
                                         env.get("PYTHONPATH", "").split(os.pathsep) if p])
    env.setdefault("PYTHONHASHSEED", "0")
    return env


def bytecode() -> None:
    """Compile the tree's modules once (``builder/**/__pycache__``, ignored by git), for
    every process measured after.

    An installed course-builder runs from the bytecode pip compiled at install time; this
    tree runs from source, and with ``PYTHONDONTWRITEBYTECODE`` set (as on some machines) a
    fresh process would compile all ~150 of its modules again on every start (about 0.15 s
    of CPU in a cold build). ``--source-only`` measures that instead. (Not
    ``PYTHONPYCACHEPREFIX``: that hides the standard library's own bytecode too.)
    """
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "builder")],
                   env=_env(), check=True, stdout=subprocess.DEVNULL)


def timed(command: list[str], cwd: Path = ROOT) -> tuple[float, float, str]:
    """Run ``command``; its wall seconds, its own peak RSS in MiB, and its stdout."""
    seconds, peak, stdout, _ = timed_cpu(command, cwd)
    return seconds, peak, stdout


def timed_cpu(command: list[str], cwd: Path = ROOT) -> tuple[float, float, str, float]:
    """``timed`` and the CPU seconds (user + system) of the child and the processes it
    waited for (a build's forked deck process).

    ``os.wait4`` gives the rusage of exactly this child (``RUSAGE_CHILDREN`` would be the
    maximum over every child so far). CPU time says what a change saved when other work
    loads the machine and wall times scatter.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=_env(), stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {process.returncode}:\n{stderr[-2000:]}")
    return (seconds, usage.ru_maxrss * 1024 / MiB, stdout,
            usage.ru_utime + usage.ru_stime)


def child(*arguments: str) -> dict:
    """Run this script's ``--child`` mode in a fresh process; its JSON answer."""
    _, peak, stdout = timed([sys.executable, str(Path(__file__).resolve()), "--child",
                             *arguments])
    answer = json.loads(stdout.strip().splitlines()[-1])
    answer["peak_mib"] = peak
    return answer


def supports(option: str) -> bool:
    """Whether this checkout's ``build`` knows ``option`` (so the benchmark runs on old trees)."""
    _, _, help_text = timed([sys.executable, "-m", "builder", "build", "--help"])
    return option in help_text


# --------------------------------------------------------------------------- child modes

def _build_in_process(source: Path, out: Path, *extra: str) -> None:
    import contextlib
    import io

    from builder.cli import main

    with contextlib.redirect_stdout(io.StringIO()):
        status = main(["build", str(source), "--out", str(out), *extra])
    if status != 0:
        raise SystemExit(f"build of {source} exited {status}")


def _slides(deck: Path) -> int:
    """The deck's slide count from its zip directory: loading it with python-pptx here would
    add ~115 MiB at 1,000 slides to the peak this process reports for the build."""
    import re
    import zipfile

    with zipfile.ZipFile(deck) as archive:
        return sum(1 for name in archive.namelist()
                   if re.fullmatch(r"ppt/slides/slide\d+\.xml", name))


def child_warm(work: str, repeats: str) -> None:
    """Build the sample once, then rebuild it after each of ``repeats`` one-word edits."""
    work_dir = Path(work)
    source = work_dir / "sources" / SAMPLE.name
    shutil.copytree(SAMPLE.parent, source.parent, dirs_exist_ok=True)
    text = SAMPLE.read_text(encoding="utf-8")
    out = work_dir / "out"
    seconds = []
    try:
        from builder.watch import Lecture, Watcher
        from builder.worker import DeckWorker
    except ImportError:  # an older tree: rebuild with `build` in this one process
        _build_in_process(source, out, "-j", "1")
        for generation in range(int(repeats)):
            source.write_text(one_word_edit(text, generation), encoding="utf-8")
            start = time.perf_counter()
            _build_in_process(source, out, "-j", "1")
            seconds.append(time.perf_counter() - start)
        print(json.dumps({"seconds": seconds}))
        return
    import io

    log, errors = io.StringIO(), io.StringIO()
    watcher = Watcher([Lecture(source, None, out)], out=log, err=errors)
    watcher.build_all()  # as `watch` does: build, settle, fork the deck worker, then wait
    if hasattr(watcher, "settle"):
        watcher.settle()
    if DeckWorker.possible():
        watcher.worker = DeckWorker()
    cpu, worker_cpu = [], []
    worker_pid = getattr(watcher.worker, "pid", None)
    try:
        for generation in range(int(repeats)):
            source.write_text(one_word_edit(text, generation), encoding="utf-8")
            start, used, theirs = time.perf_counter(), _cpu_self(), _cpu_of(worker_pid)
            watcher.rebuild([source])
            seconds.append(time.perf_counter() - start)
            cpu.append(_cpu_self() - used)
            if theirs is not None and (after := _cpu_of(worker_pid)) is not None:
                worker_cpu.append(after - theirs)
    finally:
        if watcher.worker is not None:
            watcher.worker.close()
    if errors.getvalue() or log.getvalue().count("built in") != int(repeats) + 1:
        raise SystemExit(f"watch rebuilds failed:\n{errors.getvalue()}{log.getvalue()}")
    print(json.dumps({"seconds": seconds, "worker": watcher.worker is not None, "cpu": cpu,
                      "worker_cpu": worker_cpu}))


def _cpu_self() -> float:
    times = os.times()
    return times.user + times.system


def _cpu_of(pid: int | None) -> float | None:
    """User+system seconds a live process has used (Linux ``/proc``), or None."""
    if pid is None:
        return None
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def child_scale(work: str, target_slides: str, figures: str) -> None:
    """Build a lecture of about ``target_slides`` slides after a warm-up build; its time."""
    work_dir, target, with_figures = Path(work), int(target_slides), figures == "1"
    work_dir.mkdir(parents=True, exist_ok=True)
    per_section = 1 if target <= 300 else 2  # a source holds at most 200 sections

    def build(sections: int, name: str) -> tuple[float, int]:
        source = work_dir / f"{name}.yaml"
        source.write_text(lecture_yaml(sections, with_figures, per_section=per_section),
                          encoding="utf-8")
        start = time.perf_counter()
        _build_in_process(source, work_dir / "out")
        seconds = time.perf_counter() - start
        return seconds, _slides(work_dir / "out" / f"{name}.pptx")

    small, large = per_section, 3 * per_section
    _, one = build(small, "warm-1")  # warm-up: imports, fonts, layouts
    _, three = build(large, "warm-3")
    per_group = max(0.5, (three - one) / (large - small))
    fixed = one - per_group * small
    sections = max(1, round((target - fixed) / per_group))
    seconds, slides = build(sections, f"lecture-{target}")
    print(json.dumps({"seconds": [seconds], "slides": slides, "sections": sections}))


CHILDREN = {"warm": child_warm, "scale": child_scale}


# --------------------------------------------------------------------------- measurements

def measure_cold(repeats: int, work: Path) -> Row:
    row = Row("cold: sample, fresh process")
    cpu = []
    for index in range(repeats):
        seconds, peak, _, used = timed_cpu([sys.executable, "-m", "builder", "build",
                                            str(SAMPLE), "--out", str(work / f"cold-{index}")])
        row.seconds.append(seconds)
        cpu.append(used)
        row.peak_mib = max(row.peak_mib or 0.0, peak)
    row.note = f"CPU (user+sys, both processes) median {statistics.median(cpu):.2f} s"
    return row


def measure_warm(repeats: int, work: Path) -> Row:
    answer = child("warm", str(work / "warm"), str(repeats))
    row = Row("warm: one-word edit, same process", answer["seconds"], answer["peak_mib"])
    if answer.get("cpu"):
        row.note = f"CPU (user+sys) median {statistics.median(answer['cpu']):.2f} s in the " \
                   "watch process" + (f", {statistics.median(answer['worker_cpu']):.2f} s in its " \
                                      "deck worker" if answer.get("worker_cpu") else "")
    return row


def measure_scale(sizes: list[int], figures: bool, work: Path) -> list[Row]:
    rows = []
    for size in sizes:
        answer = child("scale", str(work / f"scale-{size}-{int(figures)}"), str(size),
                       "1" if figures else "0")
        label = "with figures" if figures else "no figures"
        rows.append(Row(f"lecture ~{size} slides, {label}", answer["seconds"],
                        answer["peak_mib"], answer["slides"]))
    return rows


def measure_course(lectures: int, sections: int, work: Path, jobs: int) -> list[Row]:
    folder = work / "course"
    layout = write_course(folder, lectures, sections)
    has_jobs, has_force = supports("--jobs") or supports("-j"), supports("--force")
    rows = []
    settings = [("serial (-j 1)", ["-j", "1"] if has_jobs else [])]
    if has_jobs:
        settings.append((f"parallel (-j {jobs})", ["-j", str(jobs)]))
    for label, options in settings:
        out = work / f"course-out-{label[:3]}"
        shutil.rmtree(out, ignore_errors=True)
        seconds, peak, _ = timed([sys.executable, "-m", "builder", "build", str(layout),
                                  "--out", str(out), *options])
        rows.append(Row(f"course: {lectures} lectures, {label}", [seconds], peak))
    if has_force:
        seconds, peak, _ = timed([sys.executable, "-m", "builder", "build", str(layout),
                                  "--out", str(out)])
        rows.append(Row(f"course: {lectures} lectures, nothing changed", [seconds], peak,
                        note="every lecture skipped"))
    return rows


def pandoc_available() -> str | None:
    try:
        import pypandoc  # noqa: F401
        import typst  # noqa: F401
    except ImportError:
        return None
    import pypandoc

    try:
        return pypandoc.get_pandoc_path()
    except OSError:
        return None


def measure_pandoc(repeats: int, work: Path, pandoc: str) -> Row:
    """md → pptx (pandoc) and md → Typst (pandoc) → PDF (typst), each a fresh process."""
    import yaml

    folder = work / "pandoc"
    folder.mkdir(parents=True, exist_ok=True)
    markdown = folder / "sample.md"
    markdown.write_text(markdown_of(yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))),
                        encoding="utf-8")
    row = Row("pandoc: md → pptx + md → typst → pdf")
    for _ in range(repeats):
        start = time.perf_counter()
        peak = 0.0
        for command in ([pandoc, str(markdown), "-o", str(folder / "sample.pptx")],
                        [pandoc, str(markdown), "-t", "typst", "-s", "-o",
                         str(folder / "sample.typ")],
                        [sys.executable, "-c", "import sys, typst; typst.compile(sys.argv[1], "
                         "output=sys.argv[2])", str(folder / "sample.typ"),
                         str(folder / "sample.pdf")]):
            peak = max(peak, timed(command, folder)[1])
        row.seconds.append(time.perf_counter() - start)
        row.peak_mib = max(row.peak_mib or 0.0, peak)
    return row


# --------------------------------------------------------------------------- the report

def machine() -> dict[str, str]:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = " ".join(f"{value:.2f}" for value in os.getloadavg()) if hasattr(os, "getloadavg") \
        else "?"
    return {"cpu": model, "cores": str(os.cpu_count()), "python": platform.python_version(),
            "system": f"{platform.system()} {platform.release()}", "load": load}


def table(rows: list[Row], pandoc: Row | None) -> str:
    base = pandoc.median if pandoc and pandoc.seconds else None
    lines = [f"| {'measurement':<44} | runs | median s |   min s | peak MiB | ms/slide | × pandoc |",
             f"| {'-' * 44} | ---: | -------: | ------: | -------: | -------: | -------: |"]
    for row in rows + ([pandoc] if pandoc else []):
        per = f"{row.per_slide_ms:8.1f}" if row.per_slide_ms else " " * 8
        ratio = f"{row.median / base:8.2f}" if base else " " * 8
        peak = f"{row.peak_mib:8.0f}" if row.peak_mib else " " * 8
        lines.append(f"| {row.name:<44} | {len(row.seconds):4d} | {row.median:8.2f} | "
                     f"{min(row.seconds):7.2f} | {peak} | {per} | {ratio} |")
    return "\n".join(lines)


def targets(rows: dict[str, Row], pandoc: Row | None) -> list[str]:
    """Each target of issue 13 with the number that decides it."""
    out = []
    base = pandoc.median if pandoc else None
    cold, warm = rows.get("cold"), rows.get("warm")
    if base and cold:
        out.append(_verdict(f"cold build ≤ 3× pandoc ({cold.median / base:.2f}×)",
                            cold.median <= 3 * base))
    if base and warm:
        out.append(_verdict(f"warm rebuild ≤ 1× pandoc cold ({warm.median / base:.2f}×)",
                            warm.median <= base))
    if cold and cold.peak_mib:
        out.append(_verdict(f"sample peak memory ≤ 120 MiB ({cold.peak_mib:.0f} MiB)",
                            cold.peak_mib <= 120))
    for label in ("no figures", "with figures"):
        scale = [row for key, row in rows.items() if key.startswith("scale") and label in row.name]
        if len(scale) >= 2 and all(row.per_slide_ms for row in scale):
            small, large = scale[0], scale[-1]
            growth = large.per_slide_ms / small.per_slide_ms
            out.append(_verdict(f"time per slide {small.slides}→{large.slides} slides, {label}, "
                                f"within 1.5× ({growth:.2f}×)", growth <= 1.5))
            if large.slides and large.slides >= 900:
                out.append(_verdict(f"peak memory at {large.slides} slides, {label} ≤ 250 MiB "
                                    f"({large.peak_mib:.0f} MiB)", large.peak_mib <= 250))
    return out


def _verdict(text: str, met: bool) -> str:
    return f"{'met    ' if met else 'NOT met'}  {text}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="fewer repeats and smaller scale runs (about 1–2 minutes)")
    parser.add_argument("--repeats", type=int, help="runs per cold/warm/pandoc measurement")
    parser.add_argument("--only", default="cold,warm,scale,course,pandoc",
                        help="comma-separated parts to run (default: all)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="-j for the parallel course build (default: the machine's cores)")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    parser.add_argument("--source-only", action="store_true",
                        help="no precompiled bytecode: every process compiles the tree's "
                             "modules when PYTHONDONTWRITEBYTECODE is set")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)
    if arguments.child:
        CHILDREN[arguments.child[0]](*arguments.child[1:])
        return 0

    only = set(arguments.only.split(","))
    repeats = arguments.repeats or (3 if arguments.quick else 5)
    before = machine()
    print(f"machine: {before['cpu']}, {before['cores']} cores, Python {before['python']}, "
          f"{before['system']}; load average before: {before['load']}", flush=True)
    rows: dict[str, Row] = {}
    pandoc_row = None
    with tempfile.TemporaryDirectory(prefix="cb-bench-") as scratch:
        work = Path(scratch)
        if not arguments.source_only:
            bytecode()
            print("bytecode: the tree's modules compiled once beforehand, as an installed "
                  "course-builder has them (--source-only: without)", flush=True)
        steps = []
        if "pandoc" in only:
            pandoc = pandoc_available()
            if pandoc:
                steps.append(("pandoc", lambda: measure_pandoc(repeats, work, pandoc)))
            else:
                print("pandoc pipeline skipped: pip install pypandoc-binary typst", flush=True)
        if "cold" in only:
            steps.append(("cold", lambda: measure_cold(repeats, work)))
        if "warm" in only:
            steps.append(("warm", lambda: measure_warm(repeats, work)))
        if "scale" in only:
            sizes = [10, 100, 1000]
            steps.append(("scale-0", lambda: measure_scale(sizes, False, work)))
            steps.append(("scale-1", lambda: measure_scale(sizes, True, work)))
        if "course" in only:
            sections = 4 if arguments.quick else 8
            steps.append(("course", lambda: measure_course(8, sections, work, arguments.jobs)))
        for key, step in steps:
            start = time.perf_counter()
            print(f"… {key}", end="", flush=True)
            result = step()
            print(f" ({time.perf_counter() - start:.0f} s)", flush=True)
            if key == "pandoc":
                pandoc_row = result
            elif isinstance(result, list):
                rows.update({f"{key}-{index}": row for index, row in enumerate(result)})
            else:
                rows[key] = result
    after = machine()
    print()
    print(table(list(rows.values()), pandoc_row))
    print()
    for row in rows.values():
        if row.note:
            print(f"{row.name}: {row.note}")
    for line in targets(rows, pandoc_row):
        print(line)
    print(f"\nload average after: {after['load']} (numbers taken under load are noisy)")
    if arguments.json:
        arguments.json.write_text(json.dumps(
            {"machine": before, "load_after": after["load"],
             "rows": [asdict(row) | {"median": row.median} for row in rows.values()],
             "pandoc": asdict(pandoc_row) | {"median": pandoc_row.median} if pandoc_row else None},
            indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
