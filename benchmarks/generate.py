"""Generated lectures and courses for the benchmark: any size, with or without figures.

The text is varied (numbered words) so nothing is cached by accident across sections, and
every figure kind that is cheap to describe (bar, line, pie, timeline) appears in turn. The
number of slides a section makes depends on the layout, so ``run.py`` counts the slides of
the deck it built rather than trusting a formula here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

WORDS = ("river treaty harvest council frontier census archive charter province mountain "
         "delta merchant garrison assembly colony railway famine reform harbour empire").split()


def _words(seed: int, count: int) -> str:
    return " ".join(WORDS[(seed * 7 + i * 3) % len(WORDS)] for i in range(count))


def _quote(text: str) -> str:
    """A YAML scalar that is always a string (JSON is YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _figure(index: int) -> list[str]:
    kind = ("bar", "line", "pie", "timeline")[index % 4]
    head = [f"  - id: fig-{index}", f"    kind: {kind}",
            f"    caption: {_quote('Figure of ' + _words(index, 4))}",
            f"    alt: {_quote('A ' + kind + ' chart of ' + _words(index + 1, 8) + '.')}"]
    if kind in ("bar", "line"):
        return head + ["    categories: [North, South, East, West]",
                       "    series:",
                       f"      - {{name: First, values: [{index % 7 + 1}, 4, 6, 3]}}",
                       f"      - {{name: Second, values: [2, {index % 5 + 2}, 3, 5]}}"]
    if kind == "pie":
        return head + ["    categories: [One, Two, Three]",
                       f"    values: [{index % 9 + 1}, 3, 4]"]
    return head + ["    start: 1900", "    end: 1960",
                   "    events:",
                   f"      - {{date: '1905', label: {_quote(_words(index, 3))}}}",
                   f"      - {{date: 1920-05, label: {_quote(_words(index + 2, 3))}}}",
                   f"      - {{date: 1933-03-04, label: {_quote(_words(index + 4, 2))}}}",
                   f"      - {{date: 1941/1945, label: {_quote(_words(index + 6, 2))}}}"]


def lecture_yaml(sections: int, figures: bool, title: str = "Generated lecture",
                 per_section: int = 1) -> str:
    """A valid source with ``sections`` groups of blocks, each a few slides long, ``per_section``
    groups to a section (a source holds at most 200 sections, so a 1,000-slide lecture puts
    two groups in each)."""
    groups, sections = sections, -(-sections // per_section)
    lines = [f"title: {_quote(title)}", "subtitle: A generated lecture for the benchmark",
             "date: 2027-01-15", "instructor: Benchmark", "language: en",
             "essential_question: What does a long lecture cost to build?",
             "objectives:", "  - Measure the cost of a slide", "  - Measure the cost of a page",
             "takeaways:", "  - Cost grows with the work", "sections:"]
    figure_ids: list[int] = []
    for s in range(groups):
        if s % per_section == 0:
            lines += [f"  - title: {_quote(f'Section {s + 1}: ' + _words(s, 3))}",
                      f"    notes: {_quote('Speaker notes for section ' + str(s + 1) + ': ' + _words(s, 12))}",
                      "    blocks:"]
        lines += [f"      - paragraph: {_quote('The **' + _words(s, 2) + '** ' + _words(s + 1, 30) + '.')}",
                  "      - bullets:"]
        lines += [f"          - {_quote(_words(s + b, 6).capitalize())}" for b in range(4)]
        lines += ["      - key_terms:",
                  f"          - term: {_quote(_words(s, 1).capitalize() + ' ' + str(s))}",
                  f"            definition: {_quote(_words(s + 3, 12).capitalize() + '.')}"]
        if figures:
            figure_ids.append(s)
            lines.append(f"      - figure: fig-{s}")
        lines.append(f"      - discussion: {_quote('Why did the ' + _words(s + 5, 3) + ' matter?')}")
    if figure_ids:
        lines.append("figures:")
        for index in figure_ids:
            lines += _figure(index)
    lines += ["review_questions:",
              "  - question: What grows with the work?", "    answer: The cost."]
    return "\n".join(lines) + "\n"


def one_word_edit(text: str, generation: int) -> str:
    """The source with one word of its first paragraph changed (a new word each generation)."""
    match = re.search(r"(paragraph: *>?-?\s*)(\S+)", text)
    if not match:
        return text + f"\n# edit {generation}\n"
    word = f"Edit{generation}"
    return text[: match.start(2)] + word + " " + text[match.start(2):]


def write_course(folder: Path, lectures: int, sections: int, figures: bool = True) -> Path:
    """``folder/course.yaml`` listing ``lectures`` generated sources; returns the layout path."""
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for index in range(lectures):
        name = f"lecture-{index + 1:02d}.yaml"
        (folder / name).write_text(lecture_yaml(sections, figures, f"Lecture {index + 1}"),
                                   encoding="utf-8")
        names.append(name)
    course = ["extends: default", "course:", "  code: BENCH 101", "  title: Benchmark course",
              "  lectures:"] + [f"    - {name}" for name in names]
    path = folder / "course.yaml"
    path.write_text("\n".join(course) + "\n", encoding="utf-8")
    return path


def markdown_of(data: Any) -> str:
    """The lecture as Markdown for the pandoc pipeline: title, headings, paragraphs, bullets.

    A fair stand-in for what pandoc is asked to do (one heading per section, its text as
    paragraphs and lists); figures and notes have no pandoc equivalent and are left out.
    """
    out = [f"% {data.get('title', '')}", ""]
    for key in ("objectives", "takeaways"):
        if data.get(key):
            out += [f"# {key.capitalize()}", ""] + [f"- {_text(item)}" for item in data[key]] + [""]
    for section in data.get("sections", []):
        out += [f"# {section.get('title', '')}", ""]
        for block in section.get("blocks", []):
            out += _block_markdown(block) + [""]
    return "\n".join(out) + "\n"


def _text(value: Any) -> str:
    if isinstance(value, dict):
        return " — ".join(str(v) for v in value.values() if isinstance(v, (str, int, float)))
    return str(value)


def _block_markdown(block: dict) -> list[str]:
    (kind, value), = [(k, v) for k, v in block.items() if k not in ("notes", "id")][:1] or [("", "")]
    if kind == "paragraph":
        return [str(value)]
    if kind in ("bullets", "questions"):
        lines = []
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                lines.append(f"- {item.get('text', _text(item))}")
                lines += [f"    - {_text(sub)}" for sub in item.get("items", [])]
            else:
                lines.append(f"- {item}")
        return lines
    if kind == "quote" and isinstance(value, dict):
        return [f"> {value.get('text', '')}", ">", f"> — {value.get('speaker', '')}"]
    if kind in ("key_terms", "people", "timeline", "statistics") and isinstance(value, list):
        return [f"- {_text(item)}" for item in value]
    if kind == "table" and isinstance(value, dict):
        rows = value.get("rows") or []
        header = value.get("columns") or (rows[0] if rows else [])
        lines = ["| " + " | ".join(str(c) for c in header) + " |",
                 "|" + "---|" * len(header)]
        return lines + ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    if isinstance(value, dict):
        return [_text(value)]
    return [str(value)] if kind != "figure" else []
