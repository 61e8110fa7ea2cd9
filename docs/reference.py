"""Write docs/reference.md, the field-by-field reference of sources and layouts, from the schema.

The JSON Schemas (``course-builder schema source|layout``) are generated from the models, so
a reference generated from them cannot drift from what the loader accepts; a test
(``tests/test_reference.py``) fails when this page is out of date. Run from the repository
root:

    python docs/reference.py            # rewrite docs/reference.md
    python docs/reference.py --check    # exit 1 if it is out of date
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from builder.model import BLOCK_KINDS  # noqa: E402  (after the path fix above)
from builder.schema import layout_schema, source_schema  # noqa: E402

TARGET = ROOT / "docs" / "reference.md"

INTRO = """\
# Source and layout reference

Every field a lecture source or a layout may contain, generated from the JSON Schemas that
the models produce (`course-builder schema source`, `course-builder schema layout`) by
`python docs/reference.py`; do not edit this page by hand. A field marked **required** must be
given; every other field may be left out. Text fields accept `**bold**` and `*italic*`.
See the [README](../README.md) for a walk-through and `sources/korean-war.yaml` and
`tests/corpus/` for complete sources.
"""

FIGURE_ORDER = ("BarFigure", "LineFigure", "PieFigure", "TimelineFigure", "TableFigure",
                "ImageFigure", "MapFigure")


def anchor(name: str, prefix: str) -> str:
    return f"{prefix}-{name.lower()}"


def describe_type(node: dict[str, Any], prefix: str) -> str:
    """A short, readable type: ``text``, ``list of [Question](#…)``, ``one of a, b``."""
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{anchor(name, prefix)})"
    if "const" in node:
        return f"`{node['const']}`"
    if "enum" in node:
        return "one of " + ", ".join(f"`{value}`" for value in node["enum"])
    for key in ("anyOf", "oneOf"):
        if key in node:
            options = [option for option in node[key] if option.get("type") != "null"]
            return " or ".join(dict.fromkeys(describe_type(option, prefix) for option in options))
    kind = node.get("type")
    if isinstance(kind, list):
        return " or ".join(kind)
    if kind == "array":
        items = node.get("items") or node.get("prefixItems")
        if isinstance(items, list):
            return "[" + ", ".join(describe_type(item, prefix) for item in items) + "]"
        return "list of " + describe_type(items or {}, prefix)
    if kind == "object" and "additionalProperties" in node and \
            isinstance(node["additionalProperties"], dict):
        return "mapping of " + describe_type(node["additionalProperties"], prefix)
    return {"string": "text", "integer": "whole number", "number": "number",
            "boolean": "true or false", "object": "mapping"}.get(kind, kind or "any")


def constraints(node: dict[str, Any]) -> str:
    notes = []
    for option in [node, *node.get("anyOf", [])]:
        for key, label in (("minLength", "at least {} characters"),
                           ("maxLength", "at most {} characters"),
                           ("minItems", "at least {} items"), ("maxItems", "at most {} items"),
                           ("minimum", "≥ {}"), ("maximum", "≤ {}"),
                           ("exclusiveMinimum", "> {}"), ("exclusiveMaximum", "< {}")):
            if key in option and not (key == "minLength" and option[key] == 1):
                notes.append(label.format(option[key]))
        if "pattern" in option:
            notes.append(f"pattern `{option['pattern']}`")
    return "; ".join(dict.fromkeys(notes))


def cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def table(definition: dict[str, Any], prefix: str) -> list[str]:
    properties = definition.get("properties", {})
    required = set(definition.get("required", ()))
    if not properties:
        return ["(no fields)", ""]
    lines = ["| field | type | | description |", "| --- | --- | --- | --- |"]
    for name, node in properties.items():
        flag = "**required**" if name in required else ""
        if "default" in node and node["default"] not in (None, [], ()):
            flag = f"default `{json.dumps(node['default'], ensure_ascii=False)}`"
        description = node.get("description") or next(
            (option["description"] for option in node.get("anyOf", ()) if "description" in option),
            "")
        extra = constraints(node)
        if extra:
            description = f"{description} ({extra})" if description else extra
        lines.append(f"| `{name}` | {cell(describe_type(node, prefix))} | {flag} | "
                     f"{cell(description)} |")
    return [*lines, ""]


def section(name: str, definition: dict[str, Any], prefix: str, level: str = "###",
            heading: str | None = None) -> list[str]:
    lines = [f'<a id="{anchor(name, prefix)}"></a>', "", f"{level} {heading or name}", ""]
    if definition.get("description"):
        lines += [cell(definition["description"]), ""]
    return lines + table(definition, prefix)


def source_reference() -> list[str]:
    schema = source_schema()
    defs = schema["$defs"]
    lines = ["## Sources", "", "A source file is one lecture. Its top-level fields:", ""]
    lines += section("Lecture", schema, "source", heading="Lecture (the file itself)")
    lines += section("Section", defs["Section"], "source")
    done = {"Section"}
    lines += ["### Blocks", "",
              "A section's `blocks:` is a list; each block is a mapping whose one key names its "
              "kind, with an optional `notes:` (speaker notes, deck only). A mapping with only "
              "`notes:` is a speaker-notes block.", ""]
    for kind, model in BLOCK_KINDS.items():
        lines += section(model.__name__, defs[model.__name__], "source", "####",
                         f"`{kind}:` ({model.__name__})")
        done.add(model.__name__)
    lines += ["### Figures", "",
              "Figures are declared once under `figures:` and shown with a `figure:` block "
              "naming their id. The `kind` field selects the fields:", ""]
    for name in FIGURE_ORDER:
        lines += section(name, defs[name], "source", "####")
        done.add(name)
    lines += ["### Parts of blocks, figures and the lecture", ""]
    for name in sorted(set(defs) - done):
        lines += section(name, defs[name], "source", "####")
    return lines


def layout_reference() -> list[str]:
    schema = layout_schema()
    lines = ["## Layouts", "",
             "Every layout field is optional: a layout is merged over the packaged default "
             "(`builder/defaults/layout.yaml`), and `extends:` names a parent layout.", ""]
    lines += section("Layout", schema, "layout", heading="Layout (the file itself)")
    for name in sorted(schema.get("$defs", {})):
        lines += section(name, schema["$defs"][name], "layout", "####")
    return lines


def render() -> str:
    lines = [INTRO, *source_reference(), *layout_reference()]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET.relative_to(ROOT)} is out of date: run python docs/reference.py",
                  file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
