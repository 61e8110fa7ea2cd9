"""The build command end to end: defaults, outputs, and never a partial or clobbered file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from builder.cli import main

GOOD = """
title: Build Test
sections:
  - title: First
    blocks:
      - paragraph: Hello & welcome.
  - title: Second
    blocks:
      - bullets: [One, Two]
"""


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_build_writes_pdf_pptx_and_manifest(write_source, tmp_path: Path) -> None:
    source = write_source(GOOD, "build-test.yaml")
    out = tmp_path / "out"
    assert main(["build", str(source), "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "build-test.manifest.json", "build-test.pdf", "build-test.pptx"]


def test_format_pdf_alone_writes_only_the_pdf(write_source, tmp_path: Path) -> None:
    source = write_source(GOOD, "only.yaml")
    out = tmp_path / "out"
    assert main(["build", str(source), "--out", str(out), "--format", "pdf"]) == 0
    assert not (out / "only.pptx").exists()
    assert (out / "only.pdf").read_bytes().startswith(b"%PDF-")


def test_build_without_arguments_builds_every_source(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "sources").mkdir()
    for name in ("one", "two"):
        (tmp_path / "sources" / f"{name}.yaml").write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["build", "--no-check"]) == 0
    assert {p.name for p in (tmp_path / "output").iterdir()} >= {
        "one.pdf", "one.pptx", "two.pdf", "two.pptx"}


@pytest.mark.parametrize("breakage", [
    pytest.param(("title: [broken]", "title: Build Test"), id="invalid-source"),
    pytest.param(("Hello \ue000 welcome.", "Hello & welcome."), id="glyph-no-font-has"),
])
def test_failed_build_leaves_previous_outputs_untouched(write_source, tmp_path: Path, capsys,
                                                        breakage: tuple[str, str]) -> None:
    source = write_source(GOOD, "keep.yaml")
    out = tmp_path / "out"
    assert main(["build", str(source), "--out", str(out)]) == 0
    before = _snapshot(out)
    new, old = breakage
    source.write_text(GOOD.replace(old, new), encoding="utf-8")
    assert main(["build", str(source), "--out", str(out)]) == 2
    error = capsys.readouterr().err
    assert f"{source}:" in error and "Traceback" not in error
    assert _snapshot(out) == before
    assert not [name for name in os.listdir(out) if name.endswith(".tmp")]
