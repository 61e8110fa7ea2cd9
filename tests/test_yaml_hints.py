"""YAML pitfalls met writing real lectures get one line with the fix, not YAML's words."""

from __future__ import annotations

import pytest

from builder.load import yamlfile
from builder.load.yamlfile import load_yaml


def _problems(text: str, pure: bool = False, monkeypatch=None) -> list[str]:
    if pure:
        monkeypatch.setattr(yamlfile, "_CLoader", None)
    _, problems = load_yaml("x.yaml", text)
    return [str(problem) for problem in problems]


@pytest.mark.parametrize("line,item", [
    ("header: [Side, Gave, Got, Public at the time?]", "Public at the time?"),
    ("header: [Side, Was it? yes, Got]", "Was it? yes"),
    ("point: {label: Why?, lon: 1}", "Why?"),
])
def test_a_question_mark_in_a_flow_item_says_quote_the_item(line: str, item: str,
                                                            monkeypatch) -> None:
    """Pure PyYAML refuses it (libyaml reads it as meant): the refusal says what to quote."""
    problems = _problems(f"table:\n  {line}\n", pure=True, monkeypatch=monkeypatch)
    assert len(problems) == 1
    assert f'quote the item: "{item}"' in problems[0], problems
    assert "expected ','" not in problems[0]


def test_a_question_mark_in_a_flow_item_reads_as_meant_with_libyaml() -> None:
    if yamlfile._CLoader is None:
        pytest.skip("PyYAML without libyaml")
    located, problems = load_yaml("x.yaml", "header: [Side, Public at the time?]\n")
    assert not problems and located.data == {"header": ["Side", "Public at the time?"]}


@pytest.mark.parametrize("pure", [False, True])
def test_a_comma_in_a_flow_mapping_value_says_quote_the_field(pure: bool, monkeypatch) -> None:
    text = "points:\n  - {label: 浦賀 Uraga (Perry, 1853), lon: 139.7, lat: 35.2}\n"
    problems = _problems(text, pure, monkeypatch)
    assert problems == ['x.yaml:2:13: points[0].label: \'浦賀 Uraga (Perry, 1853)\' was cut at its '
                        'comma (in { … } a comma separates fields): quote the label: '
                        'label: "浦賀 Uraga (Perry, 1853)"']


@pytest.mark.parametrize("pure", [False, True])
def test_a_date_split_at_its_comma_in_a_flow_list_says_quote_it(pure: bool, monkeypatch) -> None:
    problems = _problems("choices: [July 8, 1853, January 3, 1868]\n", pure, monkeypatch)
    assert len(problems) == 1 and "'July 8, 1853' was split into two list items" in problems[0]


@pytest.mark.parametrize("text", ["bounds: [120, 30, 135, 45]\n", "choices: [1853, 1868]\n",
                                  "point: {label: Uraga, lon: 139.7, lat: 35.2}\n",
                                  "names: [May, June]\n", "tags: [a, b]\n"])
def test_lists_and_mappings_meant_as_written_get_no_hint(text: str) -> None:
    assert _problems(text) == []
