"""Header and footer templates: ``"{course} · Page {page} of {pages}"``.

Checked when the layout loads, so that a typo such as ``{lectur}`` is an error at its line
and column (with a did-you-mean) rather than a literal ``{lectur}`` on every printed page.
"""

from __future__ import annotations

import difflib
import string

from builder.errors import Problem
from builder.layout.merge import MergedLocated
from builder.layout.model import TEMPLATE_FIELDS
from builder.load.yamlfile import PathKey

TEMPLATES: tuple[PathKey, ...] = (("guide", "header"), ("guide", "footer"), ("deck", "footer"))
PAGE_FIELDS = ("page", "pages", "page_of")
"""Page numbers exist in the guide only; slides are numbered by ``deck.slide_numbers``."""


def template_fields(template: str) -> list[str]:
    """The field names a template uses, in order; ValueError if its braces do not pair up."""
    return [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]


def check_templates(merged: MergedLocated) -> list[Problem]:
    """One problem per unknown field or unbalanced brace in the layout's templates."""
    problems: list[Problem] = []
    for where in TEMPLATES:
        section = merged.data.get(where[0])
        template = section.get(where[1]) if isinstance(section, dict) else None
        if not isinstance(template, str):
            continue
        try:
            names = template_fields(template)
        except ValueError:
            problems.append(merged.problem(where, "unbalanced '{' or '}': fields are written "
                                                  "{course}; write {{ or }} for a literal brace"))
            continue
        allowed = TEMPLATE_FIELDS if where[0] == "guide" else tuple(
            name for name in TEMPLATE_FIELDS if name not in PAGE_FIELDS)
        for name in names:
            if name not in allowed:
                problems.append(_at_field(merged, where, "{" + name, _unknown(name, allowed)))
    return problems


def _unknown(name: str, allowed: tuple[str, ...]) -> str:
    known = ", ".join("{" + field + "}" for field in allowed)
    if name in PAGE_FIELDS:
        return (f"'{{{name}}}' has no value on a slide: slides are numbered by "
                f"deck.slide_numbers (fields: {known})")
    if not name:
        return f"empty field '{{}}': name one of {known}"
    guess = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
    hint = f"; did you mean '{{{guess[0]}}}'?" if guess else ""
    return f"unknown field '{{{name}}}'{hint} (fields: {known})"


def _at_field(merged: MergedLocated, where: PathKey, needle: str, message: str) -> Problem:
    """Point at the field itself when the template sits on one line, else at the value."""
    problem = merged.problem(where, message)
    index = merged.line_text(where).find(needle, problem.column - 1)
    if index < 0:
        return problem
    return Problem(problem.path, problem.line, index + 1, problem.message, problem.field)
