"""YAML's pitfalls for people who write prose: found in the node tree, said with the fix.

Two slips turn a teacher's sentence into something else without a word from YAML:
a comma inside a flow list (``[About 4,000, About 42,000]`` is four items) and ``: `` inside
unquoted text (``- Cause: effect`` is a mapping; ``paragraph: The ratio: 3 to 1`` does not
parse). Both are reported as one line that says to quote the text.
"""

from __future__ import annotations

import re

import yaml

_ENDS_WITH_DIGITS = re.compile(r"\d{1,3}$")
_THOUSANDS_TAIL = re.compile(r"^\d{3}(?!\d)")
_PLAIN = (None, "")  # an unquoted scalar's style: None in pure PyYAML, '' from libyaml


def split_number(node: yaml.SequenceNode) -> tuple[yaml.Node, str] | None:
    """In a flow list, an item ending in digits, a comma with no space, then three digits:
    the node where the split happened and the number as written (``4,000``). A comma
    followed by a space (``[33.0, 131.4]``) separates on purpose."""
    if not node.flow_style:
        return None
    items = node.value
    for first, second in zip(items, items[1:]):
        if (isinstance(first, yaml.ScalarNode) and isinstance(second, yaml.ScalarNode)
                and first.style in _PLAIN and second.style in _PLAIN
                and second.start_mark.index - first.end_mark.index == 1  # "4,000": no space
                and _ENDS_WITH_DIGITS.search(first.value) and _THOUSANDS_TAIL.match(second.value)):
            head = _ENDS_WITH_DIGITS.search(first.value).group(0)
            return first, f"{head},{_THOUSANDS_TAIL.match(second.value).group(0)}"
    return None


def split_number_message(number: str) -> str:
    return (f"'{number}' was split into two list items at its comma (in [ … ] a comma separates "
            f"items): quote each item, e.g. ['About {number}', …], or write the list one item "
            f"per line with '- '")


def inline_mapping_text(node: yaml.MappingNode) -> str | None:
    """``Cause: effect`` written on one line where text was probably meant, else None."""
    if node.flow_style or len(node.value) != 1:
        return None
    key, value = node.value[0]
    if not (isinstance(key, yaml.ScalarNode) and isinstance(value, yaml.ScalarNode)):
        return None
    if key.style not in _PLAIN or value.style not in _PLAIN or key.start_mark.line != value.end_mark.line:
        return None
    return f"{key.value}: {value.value}"


def colon_message(line_text: str) -> str:
    """The fix for 'mapping values are not allowed here' on ``line_text``."""
    stripped = line_text.strip()
    prefix = "- " if stripped.startswith("- ") else ""
    body = stripped[len(prefix):]
    key, sep, value = body.partition(": ")
    if sep and value and re.fullmatch(r"[A-Za-z_][\w-]*", key):
        quoted = value.replace("\\", "\\\\").replace('"', '\\"')
        return (f"': ' inside text that is not in quotes; quote the whole text: "
                f"{prefix}{key}: \"{quoted}\"")
    return "': ' inside text that is not in quotes; put the whole text in double quotes"
