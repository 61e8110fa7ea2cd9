"""Hostile inputs: every broken, extreme or malicious input ends in one clean answer.

Each case writes its inputs into a fresh project folder (made the working directory), puts an
old build of the lecture in the output folder, runs the command in-process and asserts: the exit
status; stderr only of ``path:line:col: …`` / ``course-builder: error: …`` lines, free of Python
noise; the old outputs byte-for-byte unchanged with no temporary left behind; a generous time
ceiling. Every case about the input (not the command line or the output folder) is also run
through ``validate``, which must give build's verdict: exit 0 where build succeeded, and where
build refused, exit 2 with the same lines (validate finds everything build rejects as input,
and nothing else).
"""

from __future__ import annotations

import json
import os
import re
import struct
import sys
import time
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from builder.cli import main
from tests.conftest import ROOT

FONTS = ROOT / "builder" / "fonts"
CEILING = 60.0  # seconds; generous on a shared two-core machine, the cases take ~1 s
NOISE = re.compile(r"Traceback|<class |invalid literal|Error:|Exception|\bself\b|0x[0-9a-f]{6,}"
                   r"|could not convert|cannot convert float|object has no attribute")
LINE = re.compile(r"^(\S.*:\d+:\d+: \S.*|course-builder: error: \S.*)$")

GOOD = """\
title: Hostile Test
sections:
  - title: First
    blocks:
      - paragraph: Hello.
"""


def lecture(*blocks: str, figures: str = "", title: str = "Hostile Test") -> str:
    """A small source with ``blocks`` (YAML text, one block each) and ``figures`` (YAML list)."""
    body = "".join(f"      - {block}\n" for block in blocks) or "      - paragraph: Hello.\n"
    text = f"title: {json.dumps(title)}\nsections:\n  - title: First\n    blocks:\n{body}"
    return text + (f"figures:\n{figures}" if figures else "")


def figure(kind: str, body: str, fid: str = "f") -> str:
    """One figure declared and shown: returns (block, figures yaml) joined as a source."""
    lines = "".join(f"    {line}\n" for line in body.strip("\n").splitlines())
    return lecture(f"figure: {fid}", figures=f"  - id: {fid}\n    kind: {kind}\n"
                   f"    caption: A figure\n    alt: A figure for the test\n{lines}")


def bar(values: str) -> str:
    return figure("bar", f"categories: [A, B]\nseries:\n  - {{name: S, values: {values}}}")


def png(width: int, height: int, pixels: bytes | None = None) -> bytes:
    """A PNG whose header says ``width`` × ``height``; ``pixels`` is the raw IDAT payload."""
    def chunk(tag: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + tag + data
                + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    if pixels is None:
        pixels = zlib.compress(b"".join(b"\x00" + b"\x80" * 3 * width for _ in range(height)))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def jpeg_claiming(width: int, height: int) -> bytes:
    """JPEG markers with a frame header of ``width`` × ``height`` and no real picture."""
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + sof + b"\xff\xd9"


def image_source(path: str) -> str:
    return figure("image", f"path: {json.dumps(path)}")


def map_source(extra: str) -> str:
    return figure("map", f"bounds: [120, 30, 135, 45]\n{extra}")


def timeline(events: str, extra: str = "") -> str:
    return figure("timeline", f"{extra}events:\n{events}")


def geojson(text: str) -> Callable[[Path], None]:
    def make(project: Path) -> None:
        (project / "land.geojson").write_text(text, encoding="utf-8")
    return make


def layout(text: str) -> str:
    return "extends: default\n" + text


@dataclass
class Case:
    """One hostile input: files to write, the command's arguments, the answer expected."""

    files: dict[str, str | bytes | Callable[[Path], None]]
    args: tuple[str, ...] = ("lecture.yaml",)
    status: int | tuple[int, ...] = 2
    says: str = ""  # a phrase the error must contain
    lines: int | None = 1  # how many error lines; None: any number
    validate: bool = True  # about the input: `validate` gives the verdict build gave
    same_lines: bool = True  # validate's refusal reads as build's, line for line
    seconds: float = CEILING


def _src(text: str, **extra) -> dict:
    return {"lecture.yaml": text, **extra}


def _symlink(target: str, name: str) -> Callable[[Path], None]:
    def make(project: Path) -> None:
        (project / name).symlink_to(target)
    return make


def _fifo(name: str) -> Callable[[Path], None]:
    def make(project: Path) -> None:
        os.mkfifo(project / name)
    return make


def _folder(name: str) -> Callable[[Path], None]:
    def make(project: Path) -> None:
        (project / name).mkdir(parents=True)
    return make


def _outside(project: Path) -> None:
    """A real picture one folder above the project: readable, but outside the root."""
    (project.parent / "secret.png").write_bytes(png(4, 4))


def _big_file(name: str, size: int) -> Callable[[Path], None]:
    def make(project: Path) -> None:
        with open(project / name, "wb") as stream:
            stream.truncate(size)
    return make


def _many(template: str, count: int) -> str:
    return "".join(template.format(i=i) for i in range(count))


EVENT = "  - {{date: '1962-10-{day:02d}', label: 'Event {i}'}}\n"
CASES: dict[str, Case] = {
    # --- reading the source itself ------------------------------------------------------------
    "not-utf8": Case(_src("title: Caf\xe9\n".encode("latin-1")), says="not UTF-8"),
    "utf16": Case(_src("title: x\n".encode("utf-16")), says="UTF-8"),
    "empty-file": Case(_src(""), says="empty"),
    "binary-garbage": Case(_src(bytes(range(256)) * 4)),
    "source-dev-zero": Case({"lecture.yaml": _symlink("/dev/zero", "lecture.yaml")},
                            says="not a regular file"),
    "source-dev-zero-direct": Case({}, args=("/dev/zero",), says="not a regular file"),
    "source-fifo": Case({"lecture.yaml": _fifo("lecture.yaml")}, says="not a regular file"),
    "source-symlink-loop": Case({"lecture.yaml": _symlink("lecture.yaml", "lecture.yaml")}),
    "source-is-a-folder": Case({"lecture.yaml": _folder("lecture.yaml")}, says="folder",
                               same_lines=False),  # validate reads a folder's .yaml files
    "source-missing": Case({}, says="not found"),
    "source-6mb": Case({"lecture.yaml": _big_file("lecture.yaml", 6_000_000)}, says="too large"),
    "alias-bomb": Case(_src("a: &a [x,x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n"
        for p, c in zip("abcdefgh", "bcdefghi")) + GOOD), says="too large"),
    "deep-nesting": Case(_src("title: " + "[" * 100_000 + "]" * 100_000 + "\n"), says="deep"),
    "duplicate-key": Case(_src(GOOD + "title: Again\n"), says="duplicate key"),
    "tab-indent": Case(_src("title: x\nsections:\n\t- title: y\n")),
    "python-tag": Case(_src("title: !!python/object/apply:os.system [echo hi]\n" + GOOD[GOOD.index("sections"):])),
    "control-char-title": Case(_src(lecture(title="Bell\x07 title")), says="control character"),
    "nul-in-paragraph": Case(_src(lecture('paragraph: "a\\0b"')), says="control character"),
    "lone-surrogate": Case(_src(lecture('paragraph: "a\\ud800b"')), says="surrogate"),
    "thousands-split": Case(_src(lecture(
        "questions:\n          - question: How many?\n"
        "            choices: [About 4,000, About 42,000]\n            answer: A")), says="quote"),
    "date-split-in-flow-list": Case(_src(lecture(
        "questions:\n          - question: When?\n"
        "            choices: [July 8, 1853, January 3, 1868]\n            answer: A")),
        says="'July 8, 1853' was split"),
    "comma-in-flow-mapping-value": Case(_src(map_source(
        "points:\n  - {label: 浦賀 Uraga (Perry, 1853), lon: 139.7, lat: 35.2}")),
        says='quote the label: label: "浦賀 Uraga (Perry, 1853)"'),
    "colon-in-value": Case(_src(lecture("paragraph: The ratio: 3 to 1")), says="quote"),
    "colon-in-bullet": Case(_src(lecture("bullets:\n          - Cause: the war began\n"
                                         "          - Another point")), says="quote"),
    "glyph-no-font-has": Case(_src(lecture('paragraph: "A ringed planet \\U0001FA90 here"',
                                           'paragraph: "Private \\uE000 use"')),
                              says="no available font", lines=2),
    "hangul-and-kanji-need-installed-fonts": Case(_src(lecture(
        "paragraph: 한국 전쟁 and 東京 in one line"), title="조선 Korea"), status=0),
    "lecture-date-bce": Case(_src("date: 300 BCE\n" + GOOD), status=0),
    "lecture-date-year-9999-range": Case(_src("date: 9998/9999\n" + GOOD), status=(0, 2),
                                         lines=None),
    # --- numbers ------------------------------------------------------------------------------
    "nan-value": Case(_src(bar("[.nan, 1]")), says="finite"),
    "inf-value": Case(_src(bar("[.inf, 1]")), says="finite"),
    "minus-inf-value": Case(_src(bar("[-.inf, 1]")), says="finite"),
    "1e308-value": Case(_src(bar("[1.0e308, 1]")), says="at most"),
    "1e308-text-value": Case(_src(bar("['1e308', 1]")), says="at most"),
    "huge-int-value": Case(_src(bar(f"[{10**400}, 1]"))),
    "nan-pie": Case(_src(figure("pie", "categories: [A, B]\nvalues: [.nan, 2]")), says="finite"),
    "nan-line": Case(_src(figure("line", "categories: [A, B]\nseries:\n  - {name: S, values: [1, .nan]}")),
                     says="finite"),
    "odd-number-format": Case(_src(figure(
        "bar", "categories: [A, B]\nnumber_format: '#,##0.' \nseries:\n  - {name: S, values: [1, 2]}")),
        status=(0, 2)),
    "bracket-number-format": Case(_src(figure(
        "bar", "categories: [A, B]\nnumber_format: '[Red][<0]0;;;@@@@'\nseries:\n  - {name: S, values: [1, 2]}")),
        status=(0, 2)),
    "long-number-format": Case(_src(figure(
        "bar", "categories: [A, B]\nnumber_format: '0." + "0" * 400 + "'\nseries:\n  - {name: S, values: [1, 2]}"))),
    "timeline-year-minus-billion": Case(_src(timeline(
        "  - {date: '1950', label: A}\n  - {date: '1953', label: B}\n", "start: -1000000000\n"))),
    "timeline-billion-bce": Case(_src(timeline(
        "  - {date: '1950', label: A}\n  - {date: '1953', label: B}\n",
        "start: 1000000000 BCE\n")), status=(0, 2), lines=None),
    "timeline-1-to-9999": Case(_src(timeline(
        "  - {date: '0001', label: A}\n  - {date: '9998', label: B}\n", "start: 1\nend: 9999\n")),
        status=(0, 2), lines=None),
    "timeline-300-events-one-day": Case(_src(timeline(_many(
        "  - {{date: '1962-10-16', label: 'Event {i}'}}\n", 300))), status=0),  # ~8 s, was 137
    "person-born-huge": Case(_src(lecture(
        "people:\n          - {name: A, role: B, born: 100000000000000000000}"))),
    "map-nan-bounds": Case(_src(figure("map", "bounds: [.nan, 30, 135, 45]")), says="finite"),
    "map-line-width-inf": Case(_src(map_source(
        "lines:\n  - coordinates: [[121, 31], [130, 40]]\n    width: .inf")), says="finite"),
    "map-line-width-huge": Case(_src(map_source(
        "lines:\n  - coordinates: [[121, 31], [130, 40]]\n    width: 100000")), says="at most"),
    "map-nan-coordinate": Case(_src(map_source(
        "lines:\n  - coordinates: [[121, .nan], [130, 40]]")), says="finite"),
    "map-point-nan": Case(_src(map_source("points:\n  - {label: P, lon: .nan, lat: 35}")),
                          says="finite"),
    # (block style: 5,001 flow mappings would send the whole file to pure-Python YAML, ~9 s of
    # the suite spent on the parser rather than the limit; flow style is "table-5000-rows")
    "map-5001-points": Case(_src(map_source("points:\n" + "".join(
        f"  - label: 'P{i}'\n    lon: {120 + (i % 80) * 0.18:.2f}\n"
        f"    lat: {30 + (i // 80) * 0.23:.2f}\n" for i in range(5001)))), says="at most 5,000"),
    # --- GeoJSON outlines ---------------------------------------------------------------------
    "geojson-nan": Case(_src(map_source("outline: land.geojson"), **{"land.geojson": geojson(
        '{"type": "Polygon", "coordinates": [[[NaN, 1], [2, 2], [3, 1], [NaN, 1]]]}')}), says="NaN"),
    "geojson-deep": Case(_src(map_source("outline: land.geojson"), **{"land.geojson": geojson(
        '{"type": "Polygon", "coordinates": ' + "[" * 100_000 + "]" * 100_000 + "}")}),
        says="deep"),
    "geojson-text-coordinates": Case(_src(map_source("outline: land.geojson"), **{
        "land.geojson": geojson('{"type": "Polygon", "coordinates": [[["a", "b"], [2, 2], '
                                '[3, 1], ["a", "b"]]]}')}), says="longitude"),
    "geojson-not-json": Case(_src(map_source("outline: land.geojson"), **{
        "land.geojson": geojson("<html>not json</html>")}), says="not JSON"),
    "geojson-100k-vertices": Case(_src(map_source("outline: land.geojson"), **{
        "land.geojson": geojson(json.dumps({"type": "Polygon", "coordinates": [[
            [120 + 15 * (i % 1000) / 1000, 30 + 15 * (i // 1000) / 100] for i in range(100_000)]
            + [[120, 30]]]}))}), status=0),  # simplified to the map's scale: ~2 s more
    "geojson-over-250k-vertices": Case(_src(map_source("outline: land.geojson"), **{
        "land.geojson": geojson(json.dumps({"type": "Polygon", "coordinates": [[
            [120 + (i % 500) / 50, 30 + (i // 500) / 50] for i in range(250_001)]]}))}),
        says="more than 250,000"),
    "geojson-outside-root": Case(_src(map_source("outline: /etc/passwd")), says="outside"),
    "geojson-too-large": Case(_src(map_source("outline: land.geojson"),
                                   **{"land.geojson": _big_file("land.geojson", 30_000_000)}),
                              says="too large"),
    # --- extreme sizes --------------------------------------------------------------------------
    "table-5000-rows": Case(_src(lecture("table:\n          header: [A, B]\n          rows:\n"
                                         + _many("            - [r{i}, v{i}]\n", 5000))),
                            status=(0, 2), lines=None),
    "table-60-columns": Case(_src(lecture(
        "table:\n          header: [" + ", ".join(f"C{i}" for i in range(60)) + "]\n"
        "          rows:\n            - [" + ", ".join(f"v{i}" for i in range(60)) + "]")),
        status=(0, 2), lines=None),
    "paragraph-200k": Case(_src(lecture("paragraph: " + "word " * 40_000)), status=(0, 2),
                           lines=None),
    "word-5000-in-title": Case(_src(lecture(title="W" * 5000)), status=(0, 2), lines=None),
    "sections-500": Case(_src("title: Many\nsections:\n" + _many(
        "  - title: 'Section {i}'\n    blocks:\n      - paragraph: Text {i}.\n", 500)),
        status=(0, 2), lines=None),
    # --- images a source names ----------------------------------------------------------------
    "image-absolute-etc-passwd": Case(_src(image_source("/etc/passwd")), says="outside"),
    "image-climbs-out": Case(_src(image_source("../secret.png"), secret=_outside), says="outside"),
    "image-symlink-out": Case(_src(image_source("pic.png"), secret=_outside,
                                   **{"pic.png": _symlink("../secret.png", "pic.png")}),
                              says="outside"),
    "image-url": Case(_src(image_source("https://example.org/a.png")), says="URL"),
    "image-file-url": Case(_src(image_source("file:///etc/passwd")), says="URL"),
    "image-bomb-png": Case(_src(image_source("bomb.png"), **{"bomb.png": png(60000, 60000, b"")})),
    "image-bomb-jpeg": Case(_src(image_source("bomb.jpg"),
                                 **{"bomb.jpg": jpeg_claiming(60000, 60000)})),
    "image-only-magic": Case(_src(image_source("magic.png"), **{"magic.png": b"\x89PNG\r\n\x1a\n"})),
    "image-truncated-png": Case(_src(image_source("cut.png"), **{"cut.png": png(64, 64)[:120]})),
    "image-gif-named-png": Case(_src(image_source("gif.png"), **{
        "gif.png": b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"})),
    "image-dev-zero-link": Case(_src(image_source("z.png"), **{"z.png": _symlink("/dev/zero", "z.png")})),
    "image-fifo": Case(_src(image_source("p.png"), **{"p.png": _fifo("p.png")}),
                       says="not a regular file"),
    "image-folder": Case(_src(image_source("d.png"), **{"d.png": _folder("d.png")}),
                         says="folder"),
    "image-missing": Case(_src(image_source("nowhere.png")), says="not found"),
    # --- layouts ------------------------------------------------------------------------------
    "logo-etc-passwd": Case({"lecture.yaml": GOOD, "l.yaml": layout("guide:\n  logo: /etc/passwd\n")},
                            args=("lecture.yaml", "--layout", "l.yaml"), says="outside"),
    "logo-only-magic": Case({"lecture.yaml": GOOD, "l.yaml": layout("deck:\n  logo: m.png\n"),
                             "m.png": b"\x89PNG\r\n\x1a\n"}, args=("lecture.yaml", "--layout", "l.yaml")),
    "logo-bomb": Case({"lecture.yaml": GOOD, "l.yaml": layout("guide:\n  logo: m.png\n"),
                       "m.png": png(60000, 60000, b"")}, args=("lecture.yaml", "--layout", "l.yaml")),
    "font-garbage": Case({"lecture.yaml": GOOD, "f.ttf": b"\x00\x01\x00\x00" + os.urandom(4000),
                          "l.yaml": layout("fonts:\n  body: {name: Mine, regular: f.ttf}\n")},
                         args=("lecture.yaml", "--layout", "l.yaml"), says="font"),
    "font-outside": Case({"lecture.yaml": GOOD,
                          "l.yaml": layout("fonts:\n  body: {name: Mine, regular: /etc/passwd}\n")},
                         args=("lecture.yaml", "--layout", "l.yaml"), says="outside"),
    "template-broken": Case({"lecture.yaml": GOOD, "t.pptx": b"PK\x05\x06" + b"\x00" * 18,
                             "l.yaml": layout("deck:\n  template: t.pptx\n")},
                            args=("lecture.yaml", "--layout", "l.yaml")),
    "extends-outside": Case({"lecture.yaml": GOOD, "l.yaml": "extends: /etc/passwd\n"},
                            args=("lecture.yaml", "--layout", "l.yaml"), says="outside"),
    "extends-climbs": Case({"lecture.yaml": GOOD, "l.yaml": "extends: ../../../../etc/x.yaml\n"},
                           args=("lecture.yaml", "--layout", "l.yaml"), says="outside"),
    "page-10km": Case({"lecture.yaml": GOOD, "l.yaml": layout("guide:\n  page_size: [10km, 10km]\n")},
                      args=("lecture.yaml", "--layout", "l.yaml"), lines=None),
    "page-10000000mm": Case({"lecture.yaml": GOOD,
                             "l.yaml": layout("guide:\n  page_size: [10000000mm, 10000000mm]\n")},
                            args=("lecture.yaml", "--layout", "l.yaml"), says="at most"),
    "page-tiny": Case({"lecture.yaml": GOOD, "l.yaml": layout("guide:\n  page_size: [1mm, 1mm]\n")},
                      args=("lecture.yaml", "--layout", "l.yaml")),
    "layout-dev-zero": Case({"lecture.yaml": GOOD}, args=("lecture.yaml", "--layout", "/dev/zero"),
                            says="not a regular file"),
    "layout-control-char": Case({"lecture.yaml": GOOD,
                                 "l.yaml": layout('guide:\n  header: "x\\x1b[31m"\n')},
                                args=("lecture.yaml", "--layout", "l.yaml"), says="control character"),
    "course-lecture-outside": Case({"c.yaml": layout("course:\n  lectures: [/etc/passwd]\n")},
                                   args=("c.yaml",), says="outside"),
    # --- outputs ------------------------------------------------------------------------------
    "out-is-a-file": Case({"lecture.yaml": GOOD, "o": "I am a file"},
                          args=("lecture.yaml", "--out", "o"), says="is a file", validate=False),
    "out-under-proc": Case({"lecture.yaml": GOOD}, args=("lecture.yaml", "--out", "/proc/x/y"),
                           validate=False),
    "deck-path-is-a-folder": Case({"lecture.yaml": GOOD, "deck": _folder("out/lecture.pptx")},
                                  says="folder", validate=False),
    "same-output-name": Case({"lecture.yaml": GOOD, "a/lecture.yaml": GOOD},
                             args=("lecture.yaml", "a/lecture.yaml"), says="would both write", validate=False),
    "unknown-format": Case({"lecture.yaml": GOOD}, args=("lecture.yaml", "--format", "docx"),
                           validate=False),
}


def _snapshot(folder: Path) -> dict[str, bytes | None]:
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else None)
            for p in sorted(folder.rglob("*"))}


def _write(project: Path, files: dict) -> None:
    for name, content in files.items():
        path = project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if callable(content):
            content(project)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def _old_outputs(out: Path) -> None:
    """What an earlier build left: a failed build must leave every byte of it."""
    for name in ("lecture.pdf", "lecture.pptx", "lecture.manifest.json"):
        if not (out / name).exists():
            (out / name).write_bytes(b"old " + name.encode())


def _run(args: list[str], capsys) -> tuple[int, list[str], float]:
    started = time.perf_counter()
    status = main(args)
    elapsed = time.perf_counter() - started
    error = capsys.readouterr().err
    return status, [line for line in error.splitlines() if line.strip()], elapsed


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_input_gets_a_clean_answer(name: str, tmp_path: Path, monkeypatch, capsys) -> None:
    case = CASES[name]
    project = tmp_path / "project"
    project.mkdir()
    monkeypatch.chdir(project)
    _write(project, case.files)
    out = project / "out"
    if not out.exists():
        out.mkdir()
    if out.is_dir():
        _old_outputs(out)
    before = _snapshot(out)
    args = ["build", *case.args] + ([] if "--out" in case.args else ["--out", "out"])
    status, lines, elapsed = _run(args, capsys)
    wanted = case.status if isinstance(case.status, tuple) else (case.status,)
    assert status in wanted, f"exit {status}: {lines}"
    assert elapsed < case.seconds
    for line in lines:
        if status == 0:
            continue
        assert LINE.match(line) and not NOISE.search(line), line
    if status != 0:
        assert lines, "a refusal says why"
        if case.lines is not None:
            assert len(lines) == case.lines, lines
        assert not case.says or case.says.lower() in "\n".join(lines).lower(), lines
        assert _snapshot(out) == before, "a failed build changed or left outputs"
    if case.validate:
        v_status, v_lines, _ = _run(["validate", *case.args], capsys)
        assert v_status == status, f"validate said {v_status}, build {status}: {v_lines}"
        assert all(LINE.match(line) and not NOISE.search(line) for line in v_lines), v_lines
        if status == 2 and case.same_lines:
            assert v_lines == lines


def test_there_are_at_least_sixty_cases() -> None:
    assert len(CASES) >= 60


def test_outside_the_root_does_not_tell_whether_the_file_exists(tmp_path: Path, monkeypatch,
                                                                  capsys) -> None:
    monkeypatch.chdir(tmp_path)
    answers = []
    for target in ("/etc/passwd", "/etc/no-such-file-here"):
        (tmp_path / "lecture.yaml").write_text(image_source(target), encoding="utf-8")
        status, lines, _ = _run(["validate", "lecture.yaml"], capsys)
        assert status == 2
        answers.append(lines[-1].replace(target, "X"))
    assert answers[0] == answers[1]


def test_root_option_widens_the_confinement(tmp_path: Path, monkeypatch, capsys) -> None:
    project = tmp_path / "project"
    project.mkdir()
    _outside(project)
    (project / "lecture.yaml").write_text(image_source("../secret.png"), encoding="utf-8")
    monkeypatch.chdir(project)
    assert _run(["validate", "lecture.yaml"], capsys)[0] == 2
    assert _run(["validate", "--root", str(tmp_path), "lecture.yaml"], capsys)[0] == 0
