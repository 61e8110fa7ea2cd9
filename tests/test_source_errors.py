"""Bad sources: each problem is one line with the exact line, column and a useful message."""

from __future__ import annotations

import pytest

from builder.errors import SourceError
from builder.load.source import load_source

VALID_TAIL = """
sections:
  - title: One
    blocks:
      - paragraph: Hello
"""

CASES = [
    pytest.param("title: [a, b]\n" + VALID_TAIL, "1:8: title: expected text, got a list",
                 id="text-field-given-a-list"),
    pytest.param("title: T\nsubtitle: {a: 1}\n" + VALID_TAIL,
                 "2:11: subtitle: expected text, got a mapping", id="text-field-given-a-mapping"),
    pytest.param("title: T\ntitle: U\n" + VALID_TAIL,
                 "2:1: title: duplicate key 'title' (first given on line 1)", id="duplicate-key"),
    pytest.param("title: T\nsections: [\n", "3:1: YAML syntax error", id="yaml-syntax"),
    pytest.param("title: [T\nlanguage: en\n", "2:9: YAML syntax error: expected ',' or ']', but got "
                 "':' (while parsing a flow sequence that starts at 1:8)", id="yaml-unclosed-list"),
    pytest.param("title: T\ntitel: U\n" + VALID_TAIL,
                 "2:1: titel: unknown field 'titel'; did you mean 'title'?", id="unknown-key"),
    pytest.param("title: T\npeople: [{name: A, role: B}]\n" + VALID_TAIL,
                 "2:1: people: unknown field 'people' here: 'people' goes under sections → blocks",
                 id="block-kind-at-the-top-level"),
    pytest.param("title: T\nsections:\n  - title: One\n    blocks:\n      - paragraf: Hi\n",
                 "5:9: sections[0].blocks[0].paragraf: unknown block kind 'paragraf'; "
                 "did you mean 'paragraph'?", id="unknown-block-kind"),
    pytest.param("title: T\nsections:\n  - title: One\n    blocks: []\n",
                 "4:13: sections[0].blocks: must not be empty", id="empty-blocks"),
    pytest.param("title: T\nsections:\n  - blocks:\n      - paragraph: Hi\n",
                 "3:5: sections[0]: missing required field 'title'", id="missing-title"),
    pytest.param("title: T\ndate: 1950-13-02\n" + VALID_TAIL,
                 "2:7: date: month 13 is not between 1 and 12", id="bad-month"),
    pytest.param("title: T\ndate: June 1950\n" + VALID_TAIL,
                 "2:7: date: 'June 1950' is not a date", id="unparsable-date"),
    pytest.param("title: T\nsections:\n  - title: One\n    blocks:\n      - timeline:\n"
                 "          - {date: 1953-07/1951-07, label: Talks}\n",
                 "6:20: sections[0].blocks[0].timeline[0].date: the range ends", id="reversed-range"),
    pytest.param("title: T\nsections:\n  - title: One\n    blocks:\n      - figure: nope\n",
                 "5:17: sections[0].blocks[0].figure: no figure 'nope' is declared",
                 id="unresolved-figure"),
    pytest.param("title: T\nsections:\n  - title: One\n    blocks:\n      - paragraph: Hi\n"
                 "  - title: One\n    blocks:\n      - paragraph: Again\n",
                 "3:12: sections[0].title: section id 'one' is used by 2 sections",
                 id="duplicate-section-id"),
    pytest.param("title: T\n" + VALID_TAIL + "figures:\n  - id: unused\n    kind: bar\n"
                 "    caption: C\n    alt: A\n    categories: [a]\n    series: [{name: s, values: [1]}]\n",
                 "8:9: figures[0].id: figure 'unused' is declared but never shown", id="unused-figure"),
    pytest.param("title: T\nsections:\n  - title: One\n    blocks:\n      - figure: f\n"
                 "figures:\n  - id: f\n    kind: bar\n    caption: C\n"
                 "    categories: [a]\n    series: [{name: s, values: [1]}]\n",
                 "7:5: figures[0]: missing required field 'alt'", id="missing-alt-text"),
    pytest.param("title: T\nsections:\n  - title: One\n    blocks:\n      - questions:\n"
                 "          - question: Q?\n            choices: [a, b]\n            answer: D\n",
                 "8:21: sections[0].blocks[0].questions[0].answer: answer 'D' is not one of the choices",
                 id="answer-not-a-choice"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_bad_source_reports_line_and_column(write_source, text: str, expected: str) -> None:
    path = write_source(text)
    with pytest.raises(SourceError) as caught:
        load_source(path)
    lines = caught.value.lines()
    assert any(line.startswith(f"{path}:{expected}") or line.startswith(str(path) + ":" + expected)
               for line in lines), "\n".join(lines)


def test_every_problem_of_a_file_is_reported_together(write_source) -> None:
    path = write_source("title: [a]\nsubtitle: [b]\nsections:\n  - title: One\n"
                        "    blocks:\n      - paragraph: [c]\n")
    with pytest.raises(SourceError) as caught:
        load_source(path)
    assert [line.split(": ")[0].split(":", 1)[1] for line in caught.value.lines()] == [
        "1:8", "2:11", "6:20"]


def test_yaml_objects_are_never_constructed(write_source) -> None:
    path = write_source("title: !!python/object/apply:os.system ['echo hi']\n" + VALID_TAIL)
    with pytest.raises(SourceError) as caught:
        load_source(path)
    assert ":1:8:" in caught.value.lines()[0]


def test_alias_bomb_is_refused(write_source) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 7)]
    path = write_source("\n".join(lines) + "\ntitle: T\n" + VALID_TAIL)
    with pytest.raises(SourceError, match="too large"):
        load_source(path)


@pytest.mark.parametrize(("text", "message"), [
    ("title: " + "[" * 5000 + "]" * 5000 + "\n", "nested too deeply"),
    ("title: " + "x" * 5_000_001 + "\n", "too large"),
])
def test_hostile_sizes_are_one_line_errors(write_source, text: str, message: str) -> None:
    with pytest.raises(SourceError, match=message):
        load_source(write_source(text))
