"""Outputs are the same bytes with and without the optional C accelerators (issue 13).

reportlab uses the ``_rl_accel`` extension (PyPI ``rl_accel``) when it can import it, and
PyYAML uses libyaml (``yaml._yaml``) when it was built with it; either changes how numbers and
text widths are computed inside the process. Here the sample and a corpus lecture are built
in fresh processes once with every accelerator this machine has (``rl_accel`` installed into
a scratch folder when it is missing and pip can fetch it) and once with every accelerator
blocked, and the PDF and the deck must match byte for byte. With no accelerator to be had
the test skips: there is nothing to compare.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ACCELERATORS = ("_rl_accel", "yaml._yaml")
BLOCKED = (  # a module set to None in sys.modules makes its import fail, as if not installed
    "import runpy, sys\n"
    "for name in sys.argv.pop(1).split(','):\n"
    "    sys.modules[name] = None\n"
    "runpy.run_module('builder', run_name='__main__', alter_sys=True)\n"
)
CASES = [("sources/korean-war.yaml", "layouts/history-101.yaml"),
         ("tests/corpus/cuban-missile-crisis.yaml", "layouts/default.yaml")]


def _importable(name: str, path: list[str]) -> bool:
    probe = f"import sys; sys.path[:0] = {path!r}; import {name}"
    return subprocess.run([sys.executable, "-c", probe], capture_output=True).returncode == 0


@pytest.fixture(scope="module")
def accelerated(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], list[str]]:
    """(extra sys.path entries, the accelerators importable with them)."""
    extra: list[str] = []
    if importlib.util.find_spec("_rl_accel") is None:
        target = tmp_path_factory.mktemp("rl_accel")
        try:
            fetched = subprocess.run(
                [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                 "--disable-pip-version-check", "--target", str(target), "rl_accel"],
                capture_output=True, timeout=180).returncode == 0
        except (OSError, subprocess.TimeoutExpired):
            fetched = False
        if fetched:
            extra = [str(target)]
    present = [name for name in ACCELERATORS if _importable(name, extra)]
    if not present:
        pytest.skip("no optional accelerator is installed or installable here")
    return extra, present


def _build(source: str, layout: str, out: Path, extra: list[str], blocked: list[str]
           ) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([*extra, str(ROOT),
                                         *filter(None, [env.get("PYTHONPATH")])])
    arguments = ["build", str(ROOT / source), "--layout", str(ROOT / layout), "--out",
                 str(out), "--no-check"]
    if blocked:
        command = [sys.executable, "-c", BLOCKED, ",".join(blocked), *arguments]
    else:
        command = [sys.executable, "-m", "builder", *arguments]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    stem = Path(source).stem
    return {fmt: hashlib.sha256((out / f"{stem}.{fmt}").read_bytes()).hexdigest()
            for fmt in ("pdf", "pptx")}


@pytest.mark.parametrize("source, layout", CASES)
def test_outputs_do_not_depend_on_accelerators(source, layout, accelerated, tmp_path):
    extra, present = accelerated
    blocked_run = _build(source, layout, tmp_path / "plain", extra, list(ACCELERATORS))
    fast_run = _build(source, layout, tmp_path / "fast", extra, [])
    assert fast_run == blocked_run, f"{source} in {layout} differs with {present}"


def test_blocking_really_blocks(accelerated, tmp_path):
    """The blocked run has none of the accelerators (else the comparison proves nothing)."""
    extra, present = accelerated
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([*extra, str(ROOT)]))
    probe = ("import sys\n"
             f"for name in {list(ACCELERATORS)!r}: sys.modules[name] = None\n"
             "import reportlab.lib.rl_accel as r, yaml\n"
             "print(sorted(r._py_funcs), yaml.__with_libyaml__)\n")
    blocked = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True,
                             text=True, check=True).stdout
    assert "fp_str" in blocked and "False" in blocked
    probe_fast = "import reportlab.lib.rl_accel as r, yaml; print(sorted(r._c_funcs), yaml.__with_libyaml__)"
    fast = subprocess.run([sys.executable, "-c", probe_fast], env=env, capture_output=True,
                          text=True, check=True).stdout
    if "_rl_accel" in present:
        assert "fp_str" in fast
    if "yaml._yaml" in present:
        assert fast.strip().endswith("True")
