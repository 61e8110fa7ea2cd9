"""Turn located YAML data into a validated model, or into one clear line per problem.

Pydantic finds the problems; this module says them the way a teacher can act on them:
``sources/x.yaml:42:7: sections[3].title: expected text, got a list``.
"""

from __future__ import annotations

import difflib
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from builder.errors import InputError, Problem
from builder.model.base import Model
from builder.load.yamlfile import Located, PathKey

M = TypeVar("M", bound=BaseModel)


def describe(value: Any) -> str:
    """A value's kind in a teacher's words, for 'expected X, got Y'."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, int) and abs(value) >= 10 ** 16:
        return f"a number with {len(str(abs(value)))} digits"
    if isinstance(value, (int, float)):
        return f"a number ({value:g})"
    if isinstance(value, str):
        return f"text ('{value[:40]}')" if value.strip() else "empty text"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


_EXPECTED = {
    "string_type": "text", "int_type": "a whole number", "int_parsing": "a whole number",
    "int_from_float": "a whole number", "float_type": "a number", "float_parsing": "a number",
    "bool_type": "true or false", "bool_parsing": "true or false", "list_type": "a list",
    "tuple_type": "a list", "dict_type": "a mapping", "model_type": "a mapping",
    "model_attributes_type": "a mapping",
}


def field_names(model: type[BaseModel], seen: set[type] | None = None) -> set[str]:
    """Every field name reachable from ``model``: the vocabulary for did-you-mean."""
    seen = seen if seen is not None else set()
    if model in seen:
        return set()
    seen.add(model)
    names = set(model.model_fields)
    for info in model.model_fields.values():
        for candidate in _models_in(info.annotation):
            names |= field_names(candidate, seen)
    return names


def field_home(root: type[BaseModel], name: str) -> tuple[str, ...] | None:
    """The shortest field path from ``root`` to a model that has ``name`` as a field.

    A field written at the wrong level (a block kind such as ``people:`` at the top of a source)
    is in the vocabulary, so did-you-mean would only echo it back; where it belongs is the fix.
    """
    queue: list[tuple[type[BaseModel], tuple[str, ...]]] = [(root, ())]
    seen: set[type] = set()
    while queue:
        model, path = queue.pop(0)
        if model in seen:
            continue
        seen.add(model)
        if name in model.model_fields and path:
            return path
        for field, info in model.model_fields.items():
            queue += [(candidate, (*path, field)) for candidate in _models_in(info.annotation)]
    return None


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    found = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    for arg in getattr(annotation, "__args__", ()) or ():
        found += _models_in(arg)
    for meta in getattr(annotation, "__metadata__", ()) or ():
        found += _models_in(meta)
    origin = getattr(annotation, "__origin__", None)
    if origin is not None and origin is not annotation:
        found += _models_in(origin) if isinstance(origin, type) and issubclass(origin, BaseModel) else []
    return found


def _data_path(data: Any, loc: tuple[Any, ...]) -> PathKey:
    """Map a pydantic ``loc`` onto the YAML data, skipping union tags and other synthetic parts."""
    path: list[str | int] = []
    current = data
    for part in loc:
        if isinstance(current, dict) and isinstance(part, str) and part in current:
            path.append(part)
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            path.append(part)
            current = current[part]
    return tuple(path)


def _value_at(data: Any, path: PathKey) -> Any:
    for part in path:
        data = data[part]
    return data


def problems_from(error: ValidationError, located: Located, root: type[BaseModel],
                  kind_names: dict[str, tuple[str, ...]] | None = None) -> list[Problem]:
    """One Problem per pydantic error, located in the YAML and phrased for people."""
    vocabulary = sorted(field_names(root))
    problems: list[Problem] = []
    seen: set[tuple[PathKey, str]] = set()
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        kind = item["type"]
        path = _data_path(located.data, loc)
        value = _value_at(located.data, path)
        at_key = False
        if kind == "extra_forbidden":
            name = str(loc[-1])
            path = (*_data_path(located.data, loc[:-1]), name)
            message = f"unknown field '{name}'"
            # A known field at the top level is one written a level too high (`people:` beside
            # `sections:`); deeper down, a shortest path would only be a guess.
            home = field_home(root, name) if name in vocabulary and len(path) == 1 else None
            guess = difflib.get_close_matches(name, vocabulary, n=1, cutoff=0.7)
            if home:
                message += f" here: '{name}' goes under {' → '.join(home)}"
            elif guess and guess[0] != name:
                message += f"; did you mean '{guess[0]}'?"
            at_key = True
        elif kind == "missing":
            message = f"missing required field '{loc[-1]}'"
        elif kind in ("union_tag_not_found", "union_tag_invalid"):
            message = _unknown_kind(value, item, kind_names or {})
            if isinstance(value, dict) and "kind" in value:
                path = (*path, "kind")
            elif isinstance(value, dict) and value:
                at_key, path = True, (*path, next(iter(value)))
        elif kind in _EXPECTED:
            message = f"expected {_EXPECTED[kind]}, got {describe(value)}"
        elif kind == "literal_error":
            expected = item.get("ctx", {}).get("expected", "")
            message = f"expected {expected}, got {describe(value)}"
        elif kind in _LIMITS:
            message = _limit_message(kind, item.get("ctx", {}), value)
        elif kind in ("value_error", "assertion_error"):
            message = str(item["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
        elif kind == "string_pattern_mismatch" and "[a-z0-9]" in str(item.get("ctx", {}).get("pattern", "")):
            message = f"'{value}' is not a valid id: use lowercase letters, digits and hyphens"
        elif kind == "too_short":
            if isinstance(value, (list, str)) and value and _has_item_errors(error, loc):
                continue  # pydantic's echo of an item that failed; the item's error says why
            message = "must not be empty" if not value else str(item["msg"]).lower()
        else:
            message = str(item["msg"])
            message = message[:1].lower() + message[1:]
        colon = _colon_text(located, path, vocabulary)
        if colon is not None:
            path, message, at_key = colon
        if (path, message) in seen:
            continue
        seen.add((path, message))
        problems.append(located.problem(path, message, key=at_key))
    return sorted(problems, key=lambda problem: (problem.line, problem.column))


def _colon_text(located: Located, path: PathKey,
                vocabulary: list[str]) -> tuple[PathKey, str, bool] | None:
    """When an error lies in ``Cause: effect`` written where text belongs, one hint instead.

    YAML reads an unquoted ``word: more`` as a mapping; if ``word`` is no field we know, the
    teacher meant text, and every error beneath it says the same thing: quote the text.
    """
    for length in range(len(path), -1, -1):
        text = located.inline.get(path[:length])
        if text is None:
            continue
        key = text.partition(": ")[0]
        if key in vocabulary or difflib.get_close_matches(key, vocabulary, n=1, cutoff=0.8):
            return None
        quoted = text.replace("\\", "\\\\").replace('"', '\\"')
        return (path[:length], f"'{text}' was read as a field '{key}' because of ': '; if it "
                               f"is text, put it in quotes: \"{quoted}\"", False)
    return None


_LIMITS = ("finite_number", "greater_than", "greater_than_equal", "less_than", "less_than_equal",
           "string_too_long", "too_long")


def _limit_message(kind: str, context: dict, value: Any) -> str:
    """A bound the model sets, said with the bound: the fix is to come inside it."""
    if kind == "finite_number":
        return "NaN and infinity are not values a figure can show: give a finite number"
    if kind == "string_too_long":
        size = len(value) if isinstance(value, str) else 0
        return (f"the text is {size:,} characters long; at most {context.get('max_length', 0):,} "
                "fit here: shorten it or split it")
    if kind == "too_long":
        return (f"{context.get('actual_length', 0):,} items; at most "
                f"{context.get('max_length', 0):,} fit here: split them over several")
    bound = next(iter(context.values()), None)
    words = {"greater_than": "above", "greater_than_equal": "at least", "less_than": "below",
             "less_than_equal": "at most"}[kind]
    shown = f"{bound:,g}" if isinstance(bound, float) else f"{bound:,}" if isinstance(bound, int) else bound
    return f"{describe(value)} is out of range: must be {words} {shown}"


def _has_item_errors(error: ValidationError, loc: tuple[Any, ...]) -> bool:
    return any(tuple(other["loc"][:len(loc)]) == loc and len(other["loc"]) > len(loc)
               for other in error.errors(include_url=False))


def _unknown_kind(value: Any, item: dict, kind_names: dict[str, tuple[str, ...]]) -> str:
    tag = str(item.get("ctx", {}).get("discriminator", "")).strip("'")
    choices = kind_names.get(tag) or kind_names.get("block", ())
    if tag == "kind" or "kind" in (value if isinstance(value, dict) else {}):
        choices = kind_names.get("kind", choices)
        given = value.get("kind") if isinstance(value, dict) else None
        if given is None:
            return f"missing 'kind': one of {', '.join(choices)}"
        guess = difflib.get_close_matches(str(given), choices, n=1)
        hint = f"; did you mean '{guess[0]}'?" if guess else ""
        return f"unknown figure kind '{given}'{hint} (one of {', '.join(choices)})"
    if not isinstance(value, dict):
        return f"expected a block such as 'paragraph: …', got {describe(value)}"
    keys = list(value)
    known = [k for k in keys if k in choices]
    if len(known) > 1:
        return f"one block has two kinds ({', '.join(known)}): split it into two blocks"
    unknown = next((k for k in keys if k != "notes"), keys[0] if keys else "")
    guess = difflib.get_close_matches(unknown, choices, n=1)
    hint = f"; did you mean '{guess[0]}'?" if guess else ""
    return f"unknown block kind '{unknown}'{hint} (one of {', '.join(choices)})"


def attach_locations(model: BaseModel, located: Located, path: PathKey = ()) -> None:
    """Record each model's ``path:line:col`` so renderers can point at the block they fail on."""
    if isinstance(model, Model):
        line, column = located.position(path)
        object.__setattr__(model, "__pydantic_private__", {**(model.__pydantic_private__ or {}),
                                                           "_where": f"{located.path}:{line}:{column}"})
    for name in type(model).model_fields:
        value = getattr(model, name)
        _attach_value(value, located, (*path, name))


def _attach_value(value: Any, located: Located, path: PathKey) -> None:
    if isinstance(value, BaseModel):
        attach_locations(value, located, path)
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            _attach_value(item, located, (*path, index))


def validate(model: type[M], located: Located, error: type[InputError],
             kind_names: dict[str, tuple[str, ...]] | None = None) -> M:
    """Validate located data against ``model``; raise ``error`` with every problem found."""
    if not isinstance(located.data, dict):
        raise error([located.problem((), f"expected a mapping at the top of the file, "
                                         f"got {describe(located.data)}")])
    try:
        result = model.model_validate(located.data)
    except ValidationError as failure:
        raise error(problems_from(failure, located, model, kind_names)) from None
    attach_locations(result, located)
    return result
