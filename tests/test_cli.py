"""The command line: exit codes, one-line errors, schema output and the scaffold."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from builder.cli import main
from tests.conftest import ROOT


def test_validate_good_source_exits_0(tmp_path: Path, capsys) -> None:
    target = tmp_path / "intro.yaml"
    assert main(["new", str(target)]) == 0
    assert main(["validate", str(target)]) == 0
    assert f"{target}: ok" in capsys.readouterr().out


def test_validate_bad_source_exits_2_with_one_line_per_problem(write_source, capsys) -> None:
    path = write_source("title: [a]\nsections:\n  - title: One\n    blocks:\n      - paragraph: Hi\n")
    assert main(["validate", str(path)]) == 2
    error = capsys.readouterr().err.strip().splitlines()
    assert error == [f"{path}:1:8: title: expected text, got a list"]


def test_bad_input_has_no_traceback_but_debug_shows_one(write_source) -> None:
    path = write_source("title: T\ntitle: U\n")
    quiet = subprocess.run([sys.executable, "-m", "builder", "validate", str(path)],
                           capture_output=True, text=True, cwd=ROOT)
    assert quiet.returncode == 2
    assert "Traceback" not in quiet.stderr
    assert f"{path}:2:1: title: duplicate key 'title'" in quiet.stderr


def test_missing_file_is_bad_input(tmp_path: Path, capsys) -> None:
    assert main(["validate", str(tmp_path / "nope.yaml")]) == 2
    assert "nope.yaml:1:1: file not found" in capsys.readouterr().err


def test_new_refuses_to_overwrite(tmp_path: Path, capsys) -> None:
    target = tmp_path / "intro.yaml"
    assert main(["new", str(target)]) == 0
    before = target.read_text()
    assert main(["new", str(target)]) == 2
    assert target.read_text() == before
    assert "already exists" in capsys.readouterr().err


def test_new_scaffold_is_commented_and_titled(tmp_path: Path) -> None:
    target = tmp_path / "cold-war-origins.yaml"
    main(["new", str(target)])
    text = target.read_text()
    assert text.startswith("# yaml-language-server: $schema=")
    assert "title: Cold War Origins" in text


@pytest.mark.parametrize("kind", ["source", "layout"])
def test_schema_prints_json_schema(kind: str, capsys) -> None:
    assert main(["schema", kind]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["type"] == "object"


@pytest.mark.parametrize("kind", ["source", "layout"])
def test_committed_schema_files_are_current(kind: str, capsys) -> None:
    main(["schema", kind])
    printed = json.loads(capsys.readouterr().out)
    committed = json.loads((ROOT / "schema" / f"{kind}.json").read_text(encoding="utf-8"))
    assert committed == printed, f"regenerate: python -m builder schema {kind} > schema/{kind}.json"


def test_unknown_format_is_bad_input(write_source, tmp_path: Path, capsys) -> None:
    path = write_source("title: T\nsections:\n  - title: One\n    blocks:\n      - paragraph: Hi\n")
    assert main(["build", str(path), "--out", str(tmp_path / "out"), "--format", "docx"]) == 2
    assert "unknown format 'docx'" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_validate_imports_no_renderer() -> None:
    """validate must stay light: no reportlab or python-pptx (later: watch mode, hostile input)."""
    code = ("import sys; from builder.cli import main; "
            "status = main(['validate', 'sources/korean-war.yaml', 'layouts/']); "
            "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('reportlab', 'pptx')); "
            "print(status, heavy)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip().splitlines()[-1] == "0 []", result.stdout + result.stderr


def test_script_ends_without_teardown_but_flushes_and_runs_exit_handlers(write_source) -> None:
    """``python -m builder`` leaves by ``os._exit`` (``cli.run``: no interpreter teardown), so
    what it printed into a pipe and the exit handlers (coverage's, multiprocessing's) must
    still be there, and a bad input still exits 2 with its one line."""
    good = subprocess.run([sys.executable, "-c", "import atexit, sys; import builder.cli; "
                           "atexit.register(lambda: print('exit handler ran')); "
                           "sys.argv[1:] = ['validate', 'sources/korean-war.yaml']; "
                           "builder.cli.run()"], capture_output=True, text=True, cwd=ROOT)
    assert good.returncode == 0, good.stderr
    assert good.stdout.splitlines() == ["sources/korean-war.yaml: ok", "exit handler ran"]
    bad = write_source("title: [a]\nsections:\n  - title: One\n    blocks:\n      - paragraph: Hi\n")
    result = subprocess.run([sys.executable, "-m", "builder", "validate", str(bad)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"{bad}:1:8: title: expected text, got a list"]


def test_only_a_process_first_cold_build_freezes_what_it_holds(tmp_path: Path) -> None:
    """``gc.freeze`` pins whatever is alive, garbage not yet collected too: a process that
    builds again and again (a test run, the benchmark) freezes once, at its first cold build
    (``worker.DeckWorker``), never at the later ones (the frozen count only falls as frozen
    objects are freed)."""
    code = ("import gc, sys\n"
            "from builder.cli import main\n"
            "from builder.worker import DeckWorker\n"
            "counts = []\n"
            "for run in range(2):\n"
            "    assert main(['build', 'sources/korean-war.yaml', '--out', sys.argv[1]]) == 0\n"
            "    counts.append(gc.get_freeze_count())\n"
            "print(DeckWorker.possible(), counts[0] > 0, counts[1] <= counts[0])\n")
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True,
                            text=True, cwd=ROOT)
    possible, first, second = result.stdout.strip().splitlines()[-1].split()
    assert second == "True", result.stdout + result.stderr
    if possible == "True":  # two cores and fork: the first build forked its deck worker
        assert first == "True"
