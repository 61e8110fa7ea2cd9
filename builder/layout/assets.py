"""Files a layout names (logos, fonts, a .pptx template, a course's lectures).

Each path is relative to the layout file that declared it, so a layout that ``extends:``
another from a different folder still finds the parent's logo. Paths are made absolute
here, once, and every file is checked before a renderer ever opens it: a missing logo is an
error at its line in the YAML, not a reportlab traceback halfway through a build.
"""

from __future__ import annotations

import difflib
import re
import zipfile
from pathlib import Path
from typing import Any, Callable

from builder.errors import Problem
from builder.text.fonts import BUNDLED
from builder.layout.merge import MergedLocated
from builder.layout.model import SLIDE_KINDS
from builder.load.files import LIMITS, FileProblem, check_file, confine, read_bytes
from builder.load.media import font_problem, image_problem, template_problem
from builder.load.yamlfile import PathKey

FONT_ROLES = ("heading", "body", "mono")
FONT_STYLES = ("regular", "bold", "italic", "bold_italic")
_LAYOUT_NAME = re.compile(rb'<p:cSld[^>]*\sname="([^"]*)"')


def check_assets(merged: MergedLocated) -> list[Problem]:
    """Make every file path in ``merged.data`` absolute and check each file; return problems.

    Each path must stay inside the layout's folder or the project root (``builder.load.files``),
    be a regular file within its kind's size limit, and be what its key says, checked in full.
    """
    problems: list[Problem] = []
    data = merged.data
    checks: list[tuple[PathKey, str, Callable[[Path, str], str | None]]] = [
        (("guide", "logo"), "image", _image_problem),
        (("deck", "logo"), "image", _image_problem),
        (("deck", "template"), "template", _template_problem),
    ]
    checks += [(("fonts", role, style), "font", _font_problem)
               for role in FONT_ROLES for style in FONT_STYLES]
    lectures = _get(data, ("course", "lectures"))
    if isinstance(lectures, list):
        checks += [(("course", "lectures", index), "source", _source_problem)
                   for index in range(len(lectures))]
    for where, kind, check in checks:
        value = _get(data, where)
        if not isinstance(value, str) or not value.strip():
            continue  # absent, or the wrong type: the model reports that
        shown = value.strip()
        try:
            file = confine(shown, merged.folder_of(where), _WHAT[kind])
            check_file(file, LIMITS[kind], _WHAT[kind], shown)
            message = check(file, shown)
        except FileProblem as problem:
            message = str(problem)
        else:
            _set(data, where, str(file))
        if message:
            problems.append(merged.problem(where, message))
    problems += _font_family_problems(merged)
    problems += _template_layout_problems(merged)
    return problems


_WHAT = {"image": "image", "template": "template", "font": "font", "source": "lecture"}


def _image_problem(file: Path, shown: str) -> str | None:
    return image_problem(read_bytes(file, LIMITS["image"], "image", shown), shown)


def _font_problem(file: Path, shown: str) -> str | None:
    return font_problem(read_bytes(file, LIMITS["font"], "font", shown), shown)


def _source_problem(file: Path, shown: str) -> str | None:
    if file.suffix.lower() not in (".yaml", ".yml"):
        return f"'{shown}' is not a lecture source (.yaml)"
    return None


def _template_problem(file: Path, shown: str) -> str | None:
    if file.suffix.lower() != ".pptx":
        return f"'{shown}' is not a PowerPoint file: the template must be a .pptx"
    return template_problem(read_bytes(file, LIMITS["template"], "template", shown), shown)


def template_layout_names(file: Path) -> list[str]:
    """Names of the slide layouts a .pptx template offers, as PowerPoint shows them."""
    names: list[str] = []
    with zipfile.ZipFile(file) as archive:
        for member in sorted(archive.namelist()):
            if member.startswith("ppt/slideLayouts/") and member.endswith(".xml"):
                match = _LAYOUT_NAME.search(archive.read(member))
                if match:
                    names.append(match.group(1).decode("utf-8"))
    return names


def _template_layout_problems(merged: MergedLocated) -> list[Problem]:
    """Keys of ``deck.template_layouts`` are our slide kinds; values, the template's layouts."""
    mapping = _get(merged.data, ("deck", "template_layouts"))
    template = _get(merged.data, ("deck", "template"))
    if not isinstance(mapping, dict) or not mapping:
        return []
    problems = []
    for kind in mapping:
        if kind not in SLIDE_KINDS:
            guess = difflib.get_close_matches(kind, SLIDE_KINDS, n=1)
            hint = f"; did you mean '{guess[0]}'?" if guess else ""
            problems.append(merged.problem(("deck", "template_layouts", kind),
                                           f"unknown slide kind '{kind}'{hint} (kinds: "
                                           f"{', '.join(SLIDE_KINDS)})", key=True))
    if not isinstance(template, str):
        return problems + [merged.problem(("deck", "template_layouts"),
                                          "names template layouts but no deck.template is given")]
    try:
        available = template_layout_names(Path(template))
    except (OSError, zipfile.BadZipFile, KeyError):
        return problems  # the template itself is reported
    for kind, name in mapping.items():
        if isinstance(name, str) and name not in available:
            guess = difflib.get_close_matches(name, available, n=1)
            hint = f"; did you mean '{guess[0]}'?" if guess else ""
            problems.append(merged.problem(
                ("deck", "template_layouts", kind),
                f"the template has no layout '{name}'{hint} (it has: {', '.join(available)})"))
    return problems


def _font_family_problems(merged: MergedLocated) -> list[Problem]:
    """A family that is not bundled must name its own regular file."""
    deck_names = {deck: family for family, (_, deck) in BUNDLED.items()}
    problems = []
    for role in FONT_ROLES:
        family = _get(merged.data, ("fonts", role))
        if not isinstance(family, dict) or not isinstance(family.get("name"), str):
            continue
        name = family["name"]
        if name in BUNDLED or family.get("regular"):
            continue
        if name in deck_names:
            message = (f"'{name}' is not bundled: use '{deck_names[name]}', which has the same "
                       f"metrics and which the deck names {name}")
        else:
            guess = difflib.get_close_matches(name, list(BUNDLED), n=1, cutoff=0.6)
            hint = f"did you mean '{guess[0]}'? " if guess else ""
            message = (f"unknown font family '{name}': {hint}use a bundled family "
                       f"({', '.join(BUNDLED)}) or give 'regular:' (and bold, italic) as .ttf files")
        problems.append(merged.problem(("fonts", role, "name"), message))
    return problems


def _get(data: Any, where: PathKey) -> Any:
    for part in where:
        if isinstance(data, dict) and isinstance(part, str):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


def _set(data: Any, where: PathKey, value: Any) -> None:
    for part in where[:-1]:
        data = data[part]
    data[where[-1]] = value
