"""Hostile file systems and process models: a folder the build may not write, a spawn pool.

The machine runs the suite as root, and root writes anywhere, so a read-only ``--out`` is
tested in a child process without that power: an unprivileged user when the interpreter is
reachable for one, else root without the capabilities that override file permissions
(``setpriv`` drops CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH and CAP_FOWNER). Skipped when
neither is possible.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

GOOD = "title: Read Only\nsections:\n  - title: First\n    blocks:\n      - paragraph: Hello.\n"
DROP = "-dac_override,-dac_read_search,-fowner"


def _unprivileged() -> list[str] | None:
    """A command prefix that runs a child unable to write where permissions forbid it."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    for prefix in ([setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"],
                   [setpriv, f"--bounding-set={DROP}", f"--inh-caps={DROP}"]):
        probe = subprocess.run([*prefix, sys.executable, "-c", "import builder, reportlab, pptx"],
                               capture_output=True, cwd=ROOT, env=_env(), check=False)
        if probe.returncode == 0:
            return prefix
    return None


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("where", ["read-only-out", "out-inside-read-only"])
def test_a_folder_the_build_cannot_write_gets_one_line_and_no_outputs(where: str,
                                                                        tmp_path: Path) -> None:
    prefix = _unprivileged()
    if prefix is None:
        pytest.skip("no way to run a build without root's power over file permissions")
    project = tmp_path / "project"
    project.mkdir()
    (project / "lecture.yaml").write_text(GOOD, encoding="utf-8")
    locked = project / "locked"
    locked.mkdir()
    out = locked if where == "read-only-out" else locked / "out"
    if out == locked:
        for name in ("lecture.pdf", "lecture.pptx", "lecture.manifest.json"):
            (locked / name).write_bytes(b"old " + name.encode())
    before = _snapshot(locked)
    for folder in (tmp_path, project):
        folder.chmod(0o755)
    (project / "lecture.yaml").chmod(0o644)
    locked.chmod(0o555)
    try:
        result = subprocess.run([*prefix, sys.executable, "-m", "builder", "build", "lecture.yaml",
                                 "--out", str(out)], capture_output=True, text=True,
                                cwd=project, env=_env(), timeout=300, check=False)
    finally:
        locked.chmod(0o755)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode == 2, result.stderr
    assert len(lines) == 1 and "Traceback" not in result.stderr, lines
    assert "cannot" in lines[0] and str(out) in lines[0], lines
    assert _snapshot(locked) == before, "outputs changed or left behind"
    assert not any(p.name.startswith(".staging") for p in locked.rglob("*"))


def _picture(path: Path) -> None:
    import struct
    import zlib

    def chunk(tag: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + tag + data
                + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF))
    pixels = zlib.compress(b"".join(b"\x00" + b"\x80" * 12 for _ in range(4)))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", pixels) + chunk(b"IEND", b""))


def test_a_spawned_worker_confines_to_the_root_the_job_carries(tmp_path: Path,
                                                               monkeypatch) -> None:
    """``--root`` travels in the job, not in module state a spawned process would not have."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from builder.course import LectureJob, build_course
    from builder.errors import InputError
    from builder.layout import load_layout
    from builder.load.files import project_root_set

    top = tmp_path / "top"
    (top / "shared").mkdir(parents=True)
    (top / "project").mkdir()
    _picture(top / "shared" / "pic.png")
    source = top / "project" / "lecture.yaml"
    source.write_text(GOOD.replace("      - paragraph: Hello.\n", "      - figure: pic\n")
                      + "figures:\n  - id: pic\n    kind: image\n    path: ../shared/pic.png\n"
                      "    caption: A picture\n    alt: A grey square\n", encoding="utf-8")
    monkeypatch.chdir(top / "project")
    layout = load_layout(None)
    context = multiprocessing.get_context("spawn")

    def spawned(function, jobs):
        with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
            return list(pool.map(function, jobs))

    with project_root_set(top):
        job = LectureJob(source, layout, top / "project" / "out", ("pdf",), check=False)
    assert job.root == top.resolve()
    assert len(build_course([job], mapper=spawned)) == 1
    assert (top / "project" / "out" / "lecture.pdf").stat().st_size > 0
    with pytest.raises(InputError, match="outside the project"):  # the root is what allowed it
        build_course([LectureJob(source, layout, top / "project" / "out2", ("pdf",),
                                 check=False)], mapper=spawned)
