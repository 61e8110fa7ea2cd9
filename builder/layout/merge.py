"""Merge layout files along their ``extends:`` chain, remembering which file gave each value.

``yamlload.Located`` knows positions in one file. A merged layout mixes several files, so a
problem must be reported in the file that supplied the offending value, not in the file that
was asked for. ``MergedLocated`` keeps, for every path, the file as well as the line:col.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from builder.errors import Problem
from builder.load.yamlfile import Located, PathKey, format_path

Origin = tuple[str, int, int]  # file as displayed, line, column


def deep_merge(base: Any, override: Any) -> Any:
    """Mappings merge key by key; anything else (lists included) is replaced."""
    if isinstance(base, dict) and isinstance(override, dict):
        merged = dict(base)
        for key, value in override.items():
            merged[key] = deep_merge(base[key], value) if key in base else value
        return merged
    return override


@dataclass
class MergedLocated(Located):
    """A ``Located`` over merged data whose positions also name the file they are in."""

    value_files: dict[PathKey, str] = field(default_factory=dict)
    key_files: dict[PathKey, str] = field(default_factory=dict)
    real_files: dict[str, Path] = field(default_factory=dict)

    @classmethod
    def of(cls, located: Located, file: Path) -> "MergedLocated":
        """Start a merge from one file (normally the packaged default)."""
        merged = cls(located.path, None)
        merged.overlay(located, file)
        return merged

    def overlay(self, located: Located, file: Path, data: Any = None) -> None:
        """Merge ``located`` (one file, already checked; ``data`` overrides its data) over this."""
        data = located.data if data is None else data
        self.real_files[located.path] = file
        self.path = located.path
        self._forget(self.data, data, ())
        for where, position in located.values.items():
            self.values[where] = position
            self.value_files[where] = located.path
        for where, position in located.keys.items():
            self.keys[where] = position
            self.key_files[where] = located.path
        self.data = deep_merge(self.data, data)

    def _forget(self, base: Any, override: Any, where: PathKey) -> None:
        """Drop the positions of values an override replaces, so no stale line is reported."""
        if isinstance(base, dict) and isinstance(override, dict):
            for key, value in override.items():
                if key in base:
                    self._forget(base[key], value, (*where, key))
            return
        for table, files in ((self.values, self.value_files), (self.keys, self.key_files)):
            for path in [p for p in table if p[:len(where)] == where and len(p) > len(where)]:
                del table[path]
                files.pop(path, None)

    def origin(self, where: PathKey, *, key: bool = False) -> Origin:
        """File, line and column of the value at ``where`` (or its key), else its nearest parent."""
        probe = tuple(where)
        while probe:
            if key and probe in self.keys:
                return (self.key_files[probe], *self.keys[probe])
            if probe in self.values:
                return (self.value_files[probe], *self.values[probe])
            probe = probe[:-1]
        return self.value_files.get((), self.path), *self.values.get((), (1, 1))

    def folder_of(self, where: PathKey) -> Path:
        """The folder of the file that supplied the value at ``where``: relative paths start here."""
        return self.real_files[self.origin(where)[0]].parent

    def line_text(self, where: PathKey) -> str:
        """The text of the line holding the value at ``where`` (empty if unreadable)."""
        path, line, _ = self.origin(where)
        try:
            return self.real_files[path].read_text(encoding="utf-8").splitlines()[line - 1]
        except (OSError, IndexError, UnicodeDecodeError):
            return ""

    def position(self, where: PathKey, *, key: bool = False) -> tuple[int, int]:
        _, line, column = self.origin(where, key=key)
        return line, column

    def problem(self, where: PathKey, message: str, *, key: bool = False) -> Problem:
        path, line, column = self.origin(where, key=key)
        return Problem(path, line, column, message, format_path(where))
