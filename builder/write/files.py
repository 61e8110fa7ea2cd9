"""Write outputs all together or not at all.

A reader sees every old file or every new one, never a mix: the new bytes go to hidden
temporary files beside their targets (flushed to disk), the old files are kept aside, then each
temporary is renamed over its target. If any step fails, the renames already done are undone
from the kept-aside files, so a failed build leaves the folder byte-for-byte as it was. Errors
of the file system (``--out`` is a file, a read-only folder, under ``/proc``) become one
``OutputError`` sentence, never a traceback.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from builder.errors import OutputError


def prepare_folder(folder: Path) -> None:
    """Create ``folder`` (and parents) or explain why it cannot hold outputs."""
    try:
        if folder.exists() and not folder.is_dir():
            raise OutputError(f"{folder}: is a file, not a folder: give --out a folder")
        folder.mkdir(parents=True, exist_ok=True)
    except OutputError:
        raise
    except OSError as error:
        raise OutputError(f"{folder}: cannot create the output folder ({_reason(error)})") from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"{folder}: cannot write to the output folder (permission denied)")


def prepare_outputs(paths: list[Path]) -> None:
    """Before any work: each output's folder can be written and no output path is a folder."""
    for folder in dict.fromkeys(path.parent for path in paths):
        prepare_folder(folder)
    for path in paths:
        if path.is_dir():
            raise OutputError(f"{path}: is a folder, so the output cannot be written there: "
                              "remove or rename the folder")


@contextmanager
def staging_folder(out_dir: Path) -> Iterator[Path]:
    """A hidden folder inside ``out_dir`` for outputs not yet accepted; always removed."""
    try:
        folder = Path(tempfile.mkdtemp(prefix=".staging-", dir=out_dir))
    except OSError as error:
        raise OutputError(f"{out_dir}: cannot write to the output folder ({_reason(error)})") from None
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def stage_bytes(path: Path, data: bytes) -> None:
    """Write a file nobody reads yet (inside ``staging_folder``); disk trouble is an OutputError."""
    try:
        path.write_bytes(data)
    except OSError as error:
        raise OutputError(f"{path.parent.parent}: cannot write the outputs ({_reason(error)}); "
                          "nothing was changed") from None


def write_atomic(path: Path, data: bytes) -> None:
    """Write one file atomically (old or new content, never half)."""
    write_together({path: data})


def write_all(files: dict[Path, bytes]) -> None:
    """Kept for callers of the first writer: the same as ``write_together``."""
    write_together(files)


def write_together(files: dict[Path, bytes]) -> None:
    """Write every file or none: on any failure, each target keeps its previous bytes."""
    prepare_outputs(list(files))
    staged: dict[Path, Path] = {}
    kept: dict[Path, Path | None] = {}
    done: list[Path] = []
    try:
        for path, data in files.items():
            staged[path] = _stage(path, data)
        for path in files:
            kept[path] = _keep_aside(path)
        for path in files:
            os.replace(staged.pop(path), path)
            done.append(path)
    except OSError as error:
        _undo(done, kept)
        raise OutputError(f"{_failed_path(error, files)}: cannot write the output "
                          f"({_reason(error)}); nothing was changed") from None
    except BaseException:
        _undo(done, kept)
        raise
    finally:
        for temporary in staged.values():
            _remove(temporary)
        for backup in kept.values():
            if backup is not None:
                _remove(backup)


def _stage(path: Path, data: bytes) -> Path:
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
    except BaseException:
        _remove(Path(temporary))
        raise
    return Path(temporary)


def _keep_aside(path: Path) -> Path | None:
    """A hard link to the current file (so undo can restore it), or None when there is none."""
    if not path.exists():
        return None
    backup = path.with_name(f".{path.name}.{os.getpid()}.old")
    _remove(backup)
    try:
        os.link(path, backup)
    except OSError:  # no hard links here: copy instead
        backup.write_bytes(path.read_bytes())
    return backup


def _undo(done: list[Path], kept: dict[Path, Path | None]) -> None:
    for path in reversed(done):
        backup = kept.get(path)
        try:
            if backup is None:
                path.unlink(missing_ok=True)
            else:
                os.replace(backup, path)
                kept[path] = None
        except OSError:
            pass


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


def _failed_path(error: OSError, files: dict[Path, bytes]) -> str:
    name = str(error.filename or "")
    return name if name in {str(path) for path in files} else str(next(iter(files)).parent)


def _reason(error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return "the disk is full"
    return (error.strerror or "input/output error").lower()
