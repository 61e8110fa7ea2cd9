"""Incremental builds: skip a lecture whose inputs and outputs are what its manifest says.

A lecture is up to date when its manifest records the same inputs (the source, every layout
file of the chain, the layout's and the figures' assets, all by SHA-256), the same edition
and formats, the same course-builder (its version and a hash of its own code), a passed
check when one is asked for, and outputs whose bytes still hash as recorded. Anything else,
or ``--force``, rebuilds. The record is stamped into the manifest only once the build (and
its check) succeeded, so a failed build is never skipped next time.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from builder import __version__
from builder.check.manifest import inputs_of, manifest_path, sha256_file
from builder.resolve.document import Document
from builder.write.files import write_atomic

PACKAGE = Path(__file__).resolve().parent.parent
RECORD = "build"  # the manifest key this module owns


@lru_cache(maxsize=1)
def tool_fingerprint() -> str:
    """course-builder's version and a hash of its code and packaged data: a new version of
    the tool rebuilds everything, even before its version number moves."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".yaml", ".ttf", ".txt", ".png", ".svg"):
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            digest.update(path.read_bytes() if path.suffix != ".ttf"
                          else str(path.stat().st_size).encode())
    return f"{__version__}+{digest.hexdigest()[:16]}"


def record(outputs: dict[str, Path], checked: bool) -> dict[str, Any]:
    """What the manifest keeps so the next build can tell it may skip this lecture."""
    return {"tool": tool_fingerprint(), "checked": checked,
            "outputs": {fmt: sha256_file(path) for fmt, path in sorted(outputs.items())}}


def stamp(manifest: Path, outputs: dict[str, Path], checked: bool) -> None:
    """Add the build record to a written manifest (deterministic bytes, as the manifest's)."""
    from builder.check.manifest import dumps

    data = json.loads(manifest.read_text(encoding="utf-8"))
    data[RECORD] = record(outputs, checked)
    write_atomic(manifest, dumps(data))


def up_to_date(document: Document, source_path: Path, out_dir: Path,
               formats: Iterable[str], check: bool) -> bool:
    """Whether building ``document`` into ``out_dir`` would rewrite the same files."""
    path = manifest_path(out_dir, document.stem)
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(manifest, dict) or not isinstance(manifest.get(RECORD), dict):
        return False
    built = manifest[RECORD]
    formats = sorted(set(formats))
    if (built.get("tool") != tool_fingerprint() or (check and not built.get("checked"))
            or sorted(built.get("outputs") or {}) != formats
            or sorted(manifest.get("outputs") or {}) != formats
            or manifest.get("edition") != document.edition.edition):
        return False
    if manifest.get("inputs") != inputs_of(document, source_path, out_dir):
        return False
    return all(sha256_file(out_dir / f"{document.stem}.{fmt}") == built["outputs"][fmt]
               for fmt in formats)
