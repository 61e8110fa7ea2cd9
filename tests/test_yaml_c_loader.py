"""libyaml (when installed) parses sources and layouts; the result must be PyYAML's own.

``load_yaml`` uses PyYAML's C parser for speed and falls back to the pure-Python one for
texts it rejects or that nest too deeply for C recursion. Data, every position and every
problem must be identical either way.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from builder.load import yamlfile

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted([*ROOT.glob("sources/*.yaml"), *ROOT.glob("layouts/*.yaml"),
                *ROOT.glob("builder/defaults/*.yaml"), *ROOT.glob("tests/data/*.yaml")])
SNIPPETS = [
    "title: A\ntitle: B\n",                      # duplicate key
    "title: [unclosed\n",                        # syntax error
    "a:\n\t- tab\n",                             # tab indentation
    "date: 2027-02-09\nwhen: 1950-06-25\n",      # dates stay text
    "base: &b {x: 1}\nother: *b\nmerged: {<<: *b, y: 2}\n",
    "? [complex, key]\n: value\n",               # a key that is not text
    "list:\n- a\n- b: c\n  d: e\n",
    "text: !!binary aGVsbG8=\n",
    "x: !unknown tag\n",
    "",
    "# only a comment\n",
    "key: 'unterminated\n",
    "a: b: c\n",
]

needs_libyaml = pytest.mark.skipif(yamlfile._CLoader is None, reason="PyYAML without libyaml")


def _both(path: str, text: str | None, monkeypatch) -> tuple:
    fast = yamlfile.load_yaml(path, text)
    with monkeypatch.context() as patch:
        patch.setattr(yamlfile, "_CLoader", None)
        slow = yamlfile.load_yaml(path, text)
    return [(located.data, located.values, located.keys, problems)
            for located, problems in (fast, slow)]


@needs_libyaml
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_repository_yaml_is_identical_with_libyaml(path: Path, monkeypatch) -> None:
    fast, slow = _both(str(path), None, monkeypatch)
    assert fast == slow
    assert fast[0] is not None


@needs_libyaml
@pytest.mark.parametrize("text", SNIPPETS)
def test_problems_are_identical_with_libyaml(text: str, monkeypatch) -> None:
    fast, slow = _both("x.yaml", text, monkeypatch)
    assert fast == slow


@needs_libyaml
def test_libyaml_is_used_for_ordinary_files() -> None:
    text = (ROOT / "sources" / "korean-war.yaml").read_text(encoding="utf-8")
    assert isinstance(yamlfile._loader(text), yaml.CSafeLoader)


def test_deep_nesting_never_reaches_the_c_parser() -> None:
    """libyaml's composer recurses in C and would crash the process; the pure parser reports."""
    for text in ("[" * 100_000 + "]" * 100_000, "- " * 100_000 + "x"):
        assert not yamlfile._shallow(text)
        located, problems = yamlfile.load_yaml("deep.yaml", text)
        assert located.data is None and problems
