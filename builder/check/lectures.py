"""The built lectures ``check`` is given: a folder and stem per lecture, and the one-line summary.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from builder.check.manifest import SUFFIX, manifest_path, stem_of
from builder.errors import InputError

OUTPUT_SUFFIXES = {"pdf": ".pdf", "pptx": ".pptx"}


@dataclass(frozen=True)


class Lecture:
    """The files of one built lecture: ``<stem>.manifest.json``, ``.pdf`` and ``.pptx``."""

    folder: Path
    stem: str
    named: frozenset[str] = frozenset()  # formats the user named explicitly (must exist)

    @property
    def manifest(self) -> Path:
        return manifest_path(self.folder, self.stem)

    def output(self, fmt: str) -> Path:
        return self.folder / f"{self.stem}{OUTPUT_SUFFIXES[fmt]}"

    @property
    def label(self) -> str:
        from builder.load.source import display_path

        return display_path(self.folder / self.stem)


@dataclass(frozen=True)


class CheckSummary:
    """What one lecture's check compared, for the one-line report."""

    lecture: str
    sections: int
    figures: int
    formats: tuple[str, ...]

    def line(self) -> str:
        counts = f"{_count(self.sections, 'section')}, {_count(self.figures, 'figure')}"
        if len(self.formats) == 2:
            return f"checked: {counts} match"
        only = {"pdf": "guide", "pptx": "deck"}.get(self.formats[0], "?") if self.formats else "no"
        return f"checked: {counts} against the manifest ({only} only; nothing to compare it with)"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def find_lectures(paths: Iterable[Path]) -> list[Lecture]:
    """Every lecture named by the paths: folders (their manifests, recursively) or files."""
    found: dict[tuple[Path, str], set[str]] = {}
    for path in paths:
        path = Path(path)
        if path.is_dir():
            manifests = sorted(path.rglob(f"*{SUFFIX}"))
            if not manifests:
                raise InputError(f"{path}: no *{SUFFIX} to check (build first)")
            for manifest in manifests:
                found.setdefault((manifest.parent, stem_of(manifest)), set())
            continue
        fmt = next((f for f, suffix in OUTPUT_SUFFIXES.items() if path.name.endswith(suffix)), None)
        if fmt is None and not path.name.endswith(SUFFIX):
            raise InputError(f"{path}: not a folder, a {SUFFIX}, a .pdf or a .pptx")
        lecture = Lecture(path.parent, stem_of(path))
        siblings = [lecture.manifest, *(lecture.output(f) for f in OUTPUT_SUFFIXES)]
        if not any(s.exists() for s in siblings):
            raise InputError(f"{path}: no such file (nor a manifest or output beside it)")
        named = found.setdefault((lecture.folder, lecture.stem), set())
        if fmt:
            named.add(fmt)
    return [Lecture(folder, stem, frozenset(named)) for (folder, stem), named in found.items()]
