"""Raw Open XML for slide text, built directly (``oxml``'s sibling, the same rule: names follow
the schema): the deck writes thousands of runs, and python-pptx's property API costs about a
third of the deck's drawing time. Every function here writes exactly the elements and
attributes, in the same order, that the python-pptx calls it replaces would write, so the
saved bytes do not change; ``tests/test_deck_xml.py`` compares the two.
"""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass

from lxml import etree
from pptx.oxml.ns import qn

_EMU_PER_PT = 12700
_EMU_PER_CENTIPOINT = 127
_RUN_ESCAPE = re.compile(r"([\x00-\x08\x0B-\x1F])")


def centipoints(points: float) -> str:
    """``Pt(points).centipoints`` as python-pptx writes it (``sz``, ``spcPts/@val``)."""
    return str(int(points * _EMU_PER_PT) // _EMU_PER_CENTIPOINT)


def emu_of(points: float) -> str:
    """``Pt(points)`` in EMU as python-pptx writes it (``marL``, ``indent``)."""
    return str(int(points * _EMU_PER_PT))


@dataclass(frozen=True)
class RunXml:
    """One ``a:r`` as python-pptx's run API would write it (text, size, bold, italic, colour,
    the three typefaces), built directly: the same elements and attributes in the same order,
    without its per-property lookups (a third of the deck's drawing time)."""

    text: str
    size: str  # centipoints
    bold: bool
    italic: bool | None
    color: str  # RRGGBB
    latin: str
    east_asian: str
    complex_script: str
    plain_letters: bool = True


@dataclass(frozen=True)
class ParagraphXml:
    """One ``a:p``'s properties: ``a:pPr`` (alignment, spacing, bullet or indent) and runs."""

    align: str  # "l", "ctr", "r"
    line: str | None  # exact line spacing in centipoints, or None with ``line_percent``
    before: str | None
    after: str | None
    runs: tuple[RunXml, ...]
    margin: str | None = None  # marL (EMU)
    indent: str | None = None  # indent (EMU, negative for a hanging marker)
    bullet: tuple[str, str, str] | None = None  # (colour, typeface, marker)
    end_size: str | None = None  # a:defRPr/@sz for a paragraph without runs
    line_percent: str | None = None  # spcPct/@val (100000 = single)
    # East Asian text: punctuation that may not begin a line (、。）) moves the break earlier
    # rather than hanging past the box (hangingPunct="0", PowerPoint's own default, which
    # LibreOffice does not assume)
    no_hanging: bool = False
    rtl: bool = False  # a right-to-left paragraph (Arabic, Hebrew): rtl="1", bullet on the right


def is_fresh(paragraph_element) -> bool:
    """An ``a:p`` with nothing in it yet (as python-pptx adds one), which ``fill_paragraph``
    may fill; anything else goes through python-pptx's API, which merges."""
    return len(paragraph_element) == 0 and not paragraph_element.attrib


def fill_paragraph(p, spec: ParagraphXml) -> None:
    """Write ``spec`` into a fresh ``a:p`` exactly as python-pptx's API writes it
    (CT_TextParagraphProperties order: lnSpc, spcBef, spcAft, buClr, buFont, bu*, defRPr).

    A deck's paragraphs have a few dozen kinds of ``a:pPr`` and its runs a few dozen kinds of
    ``a:rPr``: each kind is built once and copied (one C call instead of a dozen)."""
    key = (spec.align, spec.rtl, spec.no_hanging, spec.margin, spec.indent, spec.line,
           spec.line_percent, spec.before, spec.after, spec.bullet, spec.end_size)
    p.append(deepcopy(_kind(_PARAGRAPH_PROPERTIES, key, _paragraph_properties, spec)))
    for run in spec.runs:
        add_run(p, run)


_KINDS = 4096  # kinds of properties remembered (a deck has dozens)
_PARAGRAPH_PROPERTIES: dict[tuple, object] = {}
_RUN_PROPERTIES: dict[tuple, object] = {}


def _kind(kinds: dict, key: tuple, build, spec):
    """The properties element of this kind, built the first time it is asked for (the
    memory bounded: a pathological deck with thousands of kinds starts afresh)."""
    properties = kinds.get(key)
    if properties is None:
        if len(kinds) > _KINDS:
            kinds.clear()
        properties = kinds[key] = build(spec)
    return properties


def _holder():
    """A parent for properties built once: an ``a:p`` declaring ``a:`` as the slides do, so
    a copy added to a slide's paragraph carries no namespace declaration of its own."""
    return etree.Element(_A_P, nsmap={"a": _A_NS})


def _paragraph_properties(spec: ParagraphXml):
    """The ``a:pPr`` of ``spec`` (see ``fill_paragraph``)."""
    sub = etree.SubElement
    properties = sub(_holder(), _A_PPR)
    properties.set("algn", spec.align)
    if spec.rtl:
        properties.set("rtl", "1")
    if spec.no_hanging:
        properties.set("hangingPunct", "0")
    if spec.margin is not None:
        properties.set("marL", spec.margin)
        properties.set("indent", spec.indent if spec.indent is not None else "0")
    if spec.line is not None:
        sub(sub(properties, _A_LNSPC), _A_SPCPTS).set("val", spec.line)
    elif spec.line_percent is not None:
        sub(sub(properties, _A_LNSPC), _A_SPCPCT).set("val", spec.line_percent)
    if spec.before is not None:
        sub(sub(properties, _A_SPCBEF), _A_SPCPTS).set("val", spec.before)
    if spec.after is not None:
        sub(sub(properties, _A_SPCAFT), _A_SPCPTS).set("val", spec.after)
    if spec.bullet is not None:
        color, face, marker = spec.bullet
        sub(sub(properties, _A_BUCLR), _A_SRGBCLR).set("val", color)
        sub(properties, _A_BUFONT).set("typeface", face)
        number = marker[:-1]
        if marker.endswith(".") and number.isdigit():
            element = sub(properties, _A_BUAUTONUM)
            element.set("type", "arabicPeriod")
            element.set("startAt", number)
        elif marker.endswith(".") and len(number) == 1 and number.isalpha():
            element = sub(properties, _A_BUAUTONUM)
            element.set("type", "alphaUcPeriod")
            element.set("startAt", str(ord(number.upper()) - ord("A") + 1))
        else:
            sub(properties, _A_BUCHAR).set("char", marker)
    if spec.end_size is not None:
        sub(properties, _A_DEFRPR).set("sz", spec.end_size)
    return properties


LINE_BREAK = "\u2028"  # a RunXml of this text alone is a line break: ``a:br``


def add_run(p, run: RunXml) -> None:
    """Append one ``a:r`` to an ``a:p`` (see ``RunXml``); a run whose text is ``LINE_BREAK``
    appends an ``a:br`` of the run's size instead."""
    sub = etree.SubElement
    if run.text == LINE_BREAK:
        sub(sub(p, _A_BR), _A_RPR).set("sz", run.size)
        return
    element = sub(p, _A_R)
    key = (run.size, run.bold, run.italic, run.plain_letters, run.color, run.latin,
           run.east_asian, run.complex_script)
    element.append(deepcopy(_kind(_RUN_PROPERTIES, key, _run_properties, run)))
    text = sub(element, _A_T)
    if run.text:
        text.text = _RUN_ESCAPE.sub(lambda match: "_x%04X_" % ord(match.group(1)), run.text)


def _run_properties(run: RunXml):
    """The ``a:rPr`` of ``run`` (see ``add_run``)."""
    sub = etree.SubElement
    properties = sub(sub(_holder(), _A_R), _A_RPR)
    properties.set("sz", run.size)
    properties.set("b", "1" if run.bold else "0")
    if run.italic is not None:
        properties.set("i", "1" if run.italic else "0")
    if run.plain_letters:
        properties.set("cap", "none")
        properties.set("spc", "0")
    sub(sub(properties, _A_SOLIDFILL), _A_SRGBCLR).set("val", run.color)
    sub(properties, _A_LATIN).set("typeface", run.latin)
    sub(properties, _A_EA).set("typeface", run.east_asian)
    sub(properties, _A_CS).set("typeface", run.complex_script)
    return properties


_A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
_A_P = qn("a:p")
(_A_PPR, _A_LNSPC, _A_SPCPTS, _A_SPCPCT, _A_SPCBEF, _A_SPCAFT, _A_BUCLR, _A_SRGBCLR, _A_BUFONT,
 _A_BUAUTONUM, _A_BUCHAR, _A_DEFRPR, _A_R, _A_RPR, _A_SOLIDFILL, _A_LATIN, _A_EA, _A_CS,
 _A_T) = (qn(f"a:{tag}") for tag in (
     "pPr", "lnSpc", "spcPts", "spcPct", "spcBef", "spcAft", "buClr", "srgbClr", "buFont",
     "buAutoNum", "buChar", "defRPr", "r", "rPr", "solidFill", "latin", "ea", "cs", "t"))


def add_filled_shape(shapes, autoshape, x: int, y: int, cx: int, cy: int, name: str,
                     color: str):
    """``shapes.add_shape`` with a solid ``color`` fill, no outline and no shadow (bands,
    rules, panels), as python-pptx's fill/line/shadow API writes them: ``a:solidFill``,
    ``a:ln/a:noFill`` and an empty ``a:effectLst`` after ``a:prstGeom``."""
    from pptx.shapes.autoshape import AutoShapeType, Shape

    from builder.deck.shapexml import add_autoshape

    element = add_autoshape(shapes._spTree, AutoShapeType(autoshape).prst, x, y, cx, cy, name,
                            shapes._next_shape_id)
    properties = element[1]
    sub = etree.SubElement
    sub(sub(properties, _A_SOLIDFILL), _A_SRGBCLR).set("val", color)
    sub(sub(properties, _A_LN), _A_NOFILL)
    sub(properties, _A_EFFECTLST)
    shapes._recalculate_extents()
    return Shape(element, shapes)


_A_LN, _A_NOFILL, _A_EFFECTLST = qn("a:ln"), qn("a:noFill"), qn("a:effectLst")
_A_BR = qn("a:br")


_DEFAULT_INSET_X, _DEFAULT_INSET_Y = 91440, 45720  # python-pptx drops an inset at its default
ANCHORS = {"top": "t", "middle": "ctr", "bottom": "b"}


def prepare_fresh_body(body, inset_x: int, inset_y: int, anchor: str) -> bool:
    """``text.prepare_frame`` on a new text box's ``a:bodyPr`` (``wrap="none"`` holding
    ``a:spAutoFit``) or a new placeholder's (empty): square wrap, ``a:noAutofit``, the insets
    (EMU) and the anchor, as python-pptx writes them. False, touching nothing, for any other
    ``a:bodyPr``."""
    if len(body) == 0 and not body.attrib:  # a placeholder's, as python-pptx clones it
        body.set("wrap", "square")
    elif len(body) == 1 and body[0].tag == _A_SPAUTOFIT and dict(body.attrib) == {"wrap": "none"}:
        body.set("wrap", "square")
        body.remove(body[0])
    else:
        return False
    _fixed_box(body, inset_x, inset_y, anchor)
    return True


def prepare_shape_body(body, inset_x: int, inset_y: int, anchor: str) -> bool:
    """``text.prepare_frame`` on a new autoshape's ``a:bodyPr`` (``rtlCol="0"
    anchor="ctr"``, empty): ``wrap``, ``a:noAutofit``, the insets (EMU), the anchor set in
    its place, as python-pptx writes them. False, touching nothing, for any other."""
    if len(body) or dict(body.attrib) != {"rtlCol": "0", "anchor": "ctr"}:
        return False
    body.set("wrap", "square")
    _fixed_box(body, inset_x, inset_y, anchor)
    return True


def _fixed_box(body, inset_x: int, inset_y: int, anchor: str) -> None:
    """What ``text.prepare_frame`` sets on a body it has made wrap: ``a:noAutofit``, the insets
    that differ from the defaults (EMU), and the anchor, in python-pptx's order."""
    etree.SubElement(body, _A_NOAUTOFIT)
    for name, value, default in (("lIns", inset_x, _DEFAULT_INSET_X),
                                 ("rIns", inset_x, _DEFAULT_INSET_X),
                                 ("tIns", inset_y, _DEFAULT_INSET_Y),
                                 ("bIns", inset_y, _DEFAULT_INSET_Y)):
        if value != default:
            body.set(name, str(value))
    body.set("anchor", ANCHORS[anchor])


_A_SPAUTOFIT, _A_NOAUTOFIT = qn("a:spAutoFit"), qn("a:noAutofit")
