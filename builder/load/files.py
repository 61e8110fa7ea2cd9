"""Every file an input names is opened here: confined to a root, bounded, never waited on.

Like Typst's project root, a path a source or layout names must resolve — after following
symlinks — inside the folder of the file that names it or inside the project root (``--root``,
default: the working directory). A path outside gets the same answer whether or not the file
exists, so a source cannot probe the machine. Only regular files are read (a device such as
``/dev/zero`` or a FIFO is refused before it is opened), and each kind of file has a size limit
checked before a byte is read.
"""

from __future__ import annotations

import os
import re
import stat
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:(//|[^\\/])")  # http://, file://, data:…; not C:\
_ROOT: list[Path | None] = [None]

MB = 1024 * 1024
LIMITS = {  # bytes; a lecture's inputs are small, anything larger is a wrong or hostile file
    "source": 5 * MB, "layout": 1 * MB, "image": 40 * MB, "data": 20 * MB, "font": 40 * MB,
    "template": 50 * MB,
}


class FileProblem(Exception):
    """Why a named file cannot be used, as a sentence for the line that names it."""


MARKERS = (".git", "pyproject.toml")  # a folder holding one of these is a project's top
PROJECT_FOLDERS = ("layouts", "sources")  # a file in <project>/layouts/ belongs to <project>
_PACKAGE = Path(__file__).resolve().parent.parent
SHIPPED = (_PACKAGE, _PACKAGE.parent / "layouts")  # course-builder's own files: never private


def project_root() -> Path:
    """The root every named file may live under (besides its naming file's folder)."""
    return (_ROOT[0] or Path.cwd()).resolve()


def roots_for(folder: Path) -> tuple[Path, ...]:
    """Where a file named from ``folder`` may live: ``folder``, the root and, unless ``--root``
    was given, the project ``folder`` belongs to (the parent of a ``layouts/`` or ``sources/``
    folder, or the nearest ancestor with ``.git`` or ``pyproject.toml``), so
    ``layouts/x.yaml`` may name ``../sources/y.yaml`` wherever the command runs."""
    roots = [folder, project_root(), *SHIPPED]
    if _ROOT[0] is None:
        if folder.name in PROJECT_FOLDERS:
            roots.append(folder.parent)
        for ancestor in (folder, *folder.parents):
            if any((ancestor / marker).exists() for marker in MARKERS):
                roots.append(ancestor)
                break
    return tuple(roots)


def given_root() -> Path | None:
    """The ``--root`` in effect (None: the working directory's project), for a job to carry
    into a worker process that does not inherit this module's state (a spawn pool)."""
    return _ROOT[0]


def set_project_root(root: Path | None) -> None:
    """Set by the CLI's ``--root``; ``None`` means the working directory."""
    _ROOT[0] = Path(root).resolve() if root is not None else None


@contextmanager
def project_root_set(root: Path | None) -> Iterator[None]:
    previous = _ROOT[0]
    set_project_root(root)
    try:
        yield
    finally:
        _ROOT[0] = previous


def confine(value: str, folder: Path, what: str = "file") -> Path:
    """The real path ``value`` names relative to ``folder``; raise FileProblem when refused."""
    text = value.strip()
    if _URL.match(text):
        raise FileProblem(f"'{text}' is a URL; course-builder reads only local files: download "
                          f"the {what} next to the file that names it and give its path")
    if "\x00" in text:
        raise FileProblem(f"the {what} path contains a NUL character")
    base = Path(folder).resolve()
    try:
        real = Path(os.path.realpath(base / text, strict=False))
    except (OSError, RuntimeError, ValueError):
        raise FileProblem(f"{what} '{text}' cannot be opened (a symlink loop?)") from None
    if not any(real.is_relative_to(root) for root in roots_for(base)):
        raise FileProblem(f"{what} '{text}' is outside the project folder ({project_root()}): "
                          f"copy it into the project, or give --root")
    return real


def _subject(what: str, shown: str) -> str:
    return f"{what} '{shown}'" if shown else what


def check_file(path: Path, limit: int, what: str = "file", shown: str = "") -> int:
    """Stat ``path`` without opening it: a regular file within ``limit`` bytes; return its size.

    ``shown`` is the name as the input wrote it (empty when the message's location names it).
    """
    subject = _subject(what, shown)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise FileProblem(f"{subject} not found") from None
    except (OSError, ValueError) as error:
        raise FileProblem(f"{subject} cannot be opened ({_reason(error)})") from None
    if stat.S_ISDIR(info.st_mode):
        raise FileProblem(f"{subject} is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise FileProblem(f"{subject} is not a regular file (it is a device, pipe or socket): "
                          "give a file saved on disk")
    if info.st_size > limit:
        raise FileProblem(f"{subject} is too large ({_size(info.st_size)}; "
                          f"the limit is {_size(limit)})")
    return info.st_size


def read_bytes(path: Path, limit: int, what: str = "file", shown: str = "") -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (checked before and while reading)."""
    subject = _subject(what, shown)
    check_file(path, limit, what, shown)
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise FileProblem(f"{subject} cannot be opened ({_reason(error)})") from None
    with os.fdopen(descriptor, "rb") as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):  # swapped since the stat
            raise FileProblem(f"{subject} is not a regular file")
        try:
            data = stream.read(limit + 1)
        except OSError as error:
            raise FileProblem(f"{subject} cannot be read ({_reason(error)})") from None
    if len(data) > limit:
        raise FileProblem(f"{subject} is too large (the limit is {_size(limit)})")
    return data


def read_text(path: Path, limit: int, what: str = "file", shown: str = "") -> str:
    """A UTF-8 text file (a byte-order mark is allowed) read with ``read_bytes``."""
    data = read_bytes(path, limit, what, shown)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise FileProblem(f"{_subject(what, shown)} is not UTF-8 text (byte "
                          f"0x{data[error.start]:02x} on line {line}): save it as UTF-8") from None


def display_path(path: Path) -> str:
    """Paths in messages: relative to the working directory when inside it."""
    try:
        return str(Path(os.path.realpath(path)).relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):
        return str(path)


def _reason(error: OSError | ValueError) -> str:
    if isinstance(error, OSError) and error.errno is not None and error.strerror:
        return error.strerror.lower()
    return "unreadable"


def _size(size: int) -> str:
    return f"{size / MB:.1f} MB" if size >= MB else f"{size:,} bytes"
