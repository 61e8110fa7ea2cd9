"""Read YAML safely and remember where every key and value stood.

PyYAML's SafeLoader builds no objects, but it silently keeps the last of two equal keys and
turns ``1950-06-25`` into a ``datetime.date``. We compose the node tree ourselves so that
duplicate keys become errors, dates stay text (the model parses them), and every value can
be traced back to ``line:col`` for error messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from builder.errors import Problem
from builder.load.files import FileProblem, read_text
from builder.load.hints import (colon_message, inline_mapping_text, question_mark_message,
                                split_date, split_date_message, split_number,
                                split_number_message, split_value, split_value_message)

PathKey = tuple[str | int, ...]
MAX_NODES = 200_000  # an alias bomb expands past this long before it exhausts memory
MAX_BYTES = 5_000_000  # a lecture summary is kilobytes; megabytes mean a wrong or hostile file


class _Loader(yaml.SafeLoader):
    """SafeLoader without the timestamp resolver: dates remain strings."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

if getattr(yaml, "__with_libyaml__", False):
    class _CLoader(yaml.CSafeLoader):
        """The same loader on libyaml's parser: the same nodes and marks, about 7× faster."""

    _CLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
else:  # pragma: no cover - PyYAML built without libyaml
    _CLoader = None

C_DEPTH_LIMIT = 5_000  # libyaml's composer recurses in C: past ~10⁵ levels it crashes the process


def _shallow(text: str) -> bool:
    """Whether ``text`` surely nests less than ``C_DEPTH_LIMIT`` deep (so libyaml may parse it).

    Each level of nesting needs a flow bracket or, in block style, more indentation or one
    more indicator (``-``, ``:``, ``?``) on the same line, and a mapping and a sequence may
    share an indentation: twice the longest line plus the brackets bounds the depth.
    """
    longest = max(map(len, text.splitlines()), default=0)
    return text.count("[") + text.count("{") + 4 * longest + 2 < C_DEPTH_LIMIT


MAX_FLOW_DEPTH = 100  # [ [ [ … levels; PyYAML's scanner slows quadratically with flow depth
_BRACKETS = re.compile(r"[\[\]{}]")


def _too_deep(text: str) -> int | None:
    """The offset where flow brackets nest past ``MAX_FLOW_DEPTH``, else None (checked before
    parsing, so ten thousand ``[`` cost a scan, not minutes of PyYAML)."""
    depth = 0
    for match in _BRACKETS.finditer(text):
        depth = depth + 1 if match.group() in "[{" else max(depth - 1, 0)
        if depth > MAX_FLOW_DEPTH:
            return match.start()
    return None


def _loader(text: str) -> Any:
    """libyaml when present and safe for ``text``; a text libyaml rejects is parsed again in
    pure Python (see ``load_yaml``) so every error message is PyYAML's own."""
    return _CLoader(text) if _CLoader is not None and _shallow(text) else _Loader(text)


@dataclass
class Located:
    """Plain data from a YAML file plus the position of each value and each mapping key."""

    path: str
    data: Any
    values: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    keys: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    inline: dict[PathKey, str] = field(default_factory=dict)  # ``Cause: effect`` one-line mappings

    def position(self, where: PathKey, *, key: bool = False) -> tuple[int, int]:
        """1-based (line, column) of the value at ``where`` (or its key), else its nearest parent."""
        table = self.keys if key else self.values
        probe = tuple(where)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), (1, 1))

    def problem(self, where: PathKey, message: str, *, key: bool = False) -> Problem:
        line, column = self.position(where, key=key)
        return Problem(self.path, line, column, message, format_path(where))


def format_path(where: PathKey) -> str:
    """``("sections", 3, "title")`` → ``sections[3].title``."""
    text = ""
    for part in where:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def load_yaml(path: str | Path, text: str | None = None, *, display_path: str | None = None) -> tuple[Located, list[Problem]]:
    """Parse one YAML document; return the located data and every problem found in it."""
    shown = display_path or str(path)
    if text is None:
        try:
            text = read_text(Path(path), MAX_BYTES, "file")
        except FileProblem as problem:
            return Located(shown, None), [Problem(shown, 1, 1, str(problem))]
    if len(text) > MAX_BYTES:
        return Located(shown, None), [Problem(shown, 1, 1, f"the file is too large "
                                              f"({len(text):,} characters; the limit is {MAX_BYTES:,})")]
    deep = _too_deep(text)
    if deep is not None:
        line = text.count("\n", 0, deep) + 1
        column = deep - (text.rfind("\n", 0, deep) + 1) + 1
        return Located(shown, None), [Problem(shown, line, column, "the YAML is nested too "
                                              f"deeply (more than {MAX_FLOW_DEPTH} levels)")]
    try:
        loader = _loader(text)
    except yaml.reader.ReaderError as error:
        return Located(shown, None), [_reader_problem(shown, text, error)]
    try:
        try:
            node = loader.get_single_node()
        except yaml.YAMLError:
            if isinstance(loader, _Loader):
                raise
            loader.dispose()
            loader = _Loader(text)
            node = loader.get_single_node()
    except RecursionError:
        return Located(shown, None), [Problem(shown, 1, 1, "the YAML is nested too deeply")]
    except yaml.reader.ReaderError as error:
        return Located(shown, None), [_reader_problem(shown, text, error)]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = error.problem or error.context or "invalid YAML"
        if reason == "mapping values are not allowed here" and mark is not None:
            lines = text.splitlines()
            reason = colon_message(lines[mark.line] if mark.line < len(lines) else "")
            return Located(shown, None), [Problem(shown, line, column, reason)]
        if mark is not None:
            lines = text.splitlines()
            hint = question_mark_message(error.problem or "", lines[mark.line]
                                         if mark.line < len(lines) else "", mark.column)
            if hint:
                return Located(shown, None), [Problem(shown, line, column, hint)]
        start = error.context_mark
        if error.problem and error.context and start and (start.line, start.column) != (
                mark.line, mark.column):
            reason += f" ({error.context} that starts at {start.line + 1}:{start.column + 1})"
        return Located(shown, None), [Problem(shown, line, column, f"YAML syntax error: {reason}")]
    finally:
        loader.dispose()
    located = Located(shown, None)
    if node is None:
        return located, [Problem(shown, 1, 1, "the file is empty")]
    problems: list[Problem] = []
    budget = [MAX_NODES]
    try:
        located.data = _convert(node, (), located, problems, loader, budget)
    except RecursionError:
        return Located(shown, None), [Problem(shown, 1, 1, "the YAML is nested too deeply")]
    return located, problems


def _reader_problem(shown: str, text: str, error: yaml.reader.ReaderError) -> Problem:
    """A character YAML refuses in a file (a control character), at its line and column."""
    before = text[:error.position]
    line = before.count("\n") + 1
    column = error.position - (before.rfind("\n") + 1) + 1
    character = error.character if isinstance(error.character, int) else ord(str(error.character)[:1] or "?")
    return Problem(shown, line, column, f"the file contains a control character "
                                        f"(U+{character:04X}) YAML does not allow: remove it")


def _convert(node: yaml.Node, where: PathKey, located: Located, problems: list[Problem],
             loader: _Loader, budget: list[int]) -> Any:
    budget[0] -= 1
    if budget[0] < 0:
        if budget[0] == -1:
            problems.append(Problem(located.path, *_mark(node), "the document is too large "
                                    "(aliases expand past 200,000 values)"))
        return None
    located.values[where] = _mark(node)
    if isinstance(node, yaml.MappingNode):
        text = inline_mapping_text(node)
        if text is not None:
            located.inline[where] = text
        cut = split_value(node)
        if cut is not None:
            problems.append(Problem(located.path, *_mark(cut[0]), split_value_message(*cut[1:]),
                                    format_path((*where, cut[1]))))
            return None
        result: dict[str, Any] = {}
        loader.flatten_mapping(node)
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(Problem(located.path, *_mark(key_node), "a key must be plain text"))
                continue
            key = str(loader.construct_object(key_node))
            if key in result:
                first_line = located.keys[(*where, key)][0]
                problems.append(Problem(located.path, *_mark(key_node),
                                        f"duplicate key '{key}' (first given on line {first_line})",
                                        format_path((*where, key))))
                continue
            located.keys[(*where, key)] = _mark(key_node)
            result[key] = _convert(value_node, (*where, key), located, problems, loader, budget)
        return result
    if isinstance(node, yaml.SequenceNode):
        split = split_number(node)
        if split is not None:
            problems.append(Problem(located.path, *_mark(split[0]),
                                    split_number_message(split[1]), format_path(where)))
        date = split_date(node) if split is None else None
        if date is not None:
            problems.append(Problem(located.path, *_mark(date[0]),
                                    split_date_message(date[1]), format_path(where)))
        return [_convert(item, (*where, index), located, problems, loader, budget)
                for index, item in enumerate(node.value)]
    try:
        value = loader.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError as error:
        problems.append(Problem(located.path, *_mark(node), f"YAML: {error.problem}"))
        return None
    except (ValueError, OverflowError):  # e.g. an int too long to convert
        problems.append(Problem(located.path, *_mark(node), "the number is too long",
                                format_path(where)))
        return None
    if isinstance(value, str):
        message = text_problem(value)
        if message:
            problems.append(Problem(located.path, *_mark(node), message, format_path(where)))
    return value


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
MAX_TEXT = 100_000  # characters in one value: a long chapter, not a lecture's paragraph


def text_problem(value: str) -> str | None:
    """Why a text value cannot be printed: invisible control characters, broken Unicode, size."""
    if len(value) > MAX_TEXT:
        return (f"the text is {len(value):,} characters long; at most {MAX_TEXT:,} fit in one "
                "value: split it")
    found = _CONTROL.search(value)
    if found:
        return (f"the text contains a control character (U+{ord(found.group()):04X}) at "
                f"character {found.start() + 1}: remove it")
    found = _SURROGATE.search(value)
    if found:
        return (f"the text contains a lone surrogate (U+{ord(found.group()):04X}), which is not "
                "a character: remove it")
    return None
