"""Where raw Open XML is touched (python-pptx's lesson): names follow the schema.

Native charts' own XML is in ``chartxml``; everything else in the deck renderer uses
python-pptx's public API.
"""

from __future__ import annotations

from pptx.oxml.ns import qn


def set_alt_text(shape, text: str, title: str | None = None) -> None:
    """Set a shape's ``descr`` (alt text) on its ``p:cNvPr``, as PowerPoint's Alt Text pane does."""
    properties = shape._element.xpath("./*[1]/p:cNvPr")[0]
    properties.set("descr", text)
    if title:
        properties.set("title", title)


def alt_text(shape) -> str:
    """A shape's ``descr`` as written (for reading decks back)."""
    return shape._element.xpath("./*[1]/p:cNvPr")[0].get("descr", "")


def font_slots(run) -> dict[str, str]:
    """The typefaces a run names, by slot (``latin``, ``ea``, ``cs``), for reading decks back."""
    properties = run._r.rPr
    if properties is None:
        return {}
    return {tag: element.get("typeface") for tag in ("latin", "ea", "cs")
            if (element := properties.find(qn(f"a:{tag}"))) is not None}


def set_font_slots(run, latin: str, east_asian: str, complex_script: str) -> None:
    """Set the Latin, East Asian and complex-script typefaces of a run (``a:latin/a:ea/a:cs``).

    Without ``a:ea`` PowerPoint draws Hangul or Chinese in the Latin font, as boxes.
    The schema fixes their order inside ``a:rPr``: after fills and effects, before
    ``a:sym``, hyperlinks and ``a:extLst``.
    """
    set_property_fonts(run._r.get_or_add_rPr(), latin, east_asian, complex_script)


def set_property_fonts(properties, latin: str, east_asian: str, complex_script: str) -> None:
    """The same three slots on any ``a:rPr``/``a:defRPr`` element (charts' text properties)."""
    for tag in ("a:latin", "a:ea", "a:cs"):
        for element in properties.findall(qn(tag)):
            properties.remove(element)
    later = {qn(tag) for tag in ("a:sym", "a:hlinkClick", "a:hlinkMouseOver", "a:rtl", "a:extLst")}
    anchor = next((child for child in properties if child.tag in later), None)
    for tag, face in (("a:latin", latin), ("a:ea", east_asian), ("a:cs", complex_script)):
        element = properties.makeelement(qn(tag), {"typeface": face})
        if anchor is None:
            properties.append(element)
        else:
            anchor.addprevious(element)


def set_chart_fonts(chart, latin: str, east_asian: str, complex_script: str) -> None:
    """Name all three typeface slots in every text property of a chart.

    python-pptx's ``chart.font.name`` writes only ``a:latin``; Hangul or Chinese in a
    category or label would then fall back to whatever the viewer picks. Every ``a:defRPr``
    (chart, axes, legend, labels) and ``a:rPr`` (axis titles) gets ``latin``/``ea``/``cs``.
    """
    space = chart._chartSpace
    for properties in space.xpath(".//a:defRPr | .//a:rPr"):
        set_property_fonts(properties, latin, east_asian, complex_script)


def set_decorative(shape) -> None:
    """Mark a shape decorative (``adec:decorative val="1"`` in ``p:cNvPr/a:extLst``), as
    PowerPoint's "Mark as decorative" does: screen readers skip it and the accessibility
    checker stops asking for its alt text. Bands, rules and panels carry no information."""
    properties = shape._element.xpath("./*[1]/p:cNvPr")[0]
    ext_list = properties.find(qn("a:extLst"))
    if ext_list is None:
        ext_list = properties.makeelement(qn("a:extLst"), {})
        properties.append(ext_list)
    for ext in ext_list.findall(qn("a:ext")):
        if ext.get("uri") == DECORATIVE_URI:
            ext_list.remove(ext)
    ext = ext_list.makeelement(qn("a:ext"), {"uri": DECORATIVE_URI})
    ext.append(ext.makeelement(f"{{{DECORATIVE_NS}}}decorative", {"val": "1"},
                               nsmap={"adec": DECORATIVE_NS}))
    ext_list.append(ext)


DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
DECORATIVE_NS = "http://schemas.microsoft.com/office/drawing/2017/decorative"
_CNVPR = qn("p:cNvPr")
_DECORATIVE_PATH = f"{qn('a:extLst')}/{qn('a:ext')}/{{{DECORATIVE_NS}}}decorative"


def set_plain_letters(run) -> None:
    """Undo letter styling a template may pass down (``cap="all"``, letter spacing), which
    would make the text wider than it was measured."""
    properties = run._r.get_or_add_rPr()
    properties.set("cap", "none")
    properties.set("spc", "0")


def set_bullet(paragraph, marker: str, margin: int, color: str, font: str,
               hang: int | None = None) -> None:
    """Give a paragraph a hanging marker: ``•``, ``–``, or an auto number such as ``3.``/``C.``.

    ``margin`` (EMU) is the text's left edge (``marL``); the marker hangs ``hang`` left of it
    (``indent`` = -hang, by default the whole margin), so wrapped lines align under the
    text, as measured.
    """
    properties = paragraph._p.get_or_add_pPr()
    properties.set("marL", str(margin))
    properties.set("indent", str(-(margin if hang is None else hang)))
    for tag in ("a:buClr", "a:buSzPct", "a:buFont", "a:buNone", "a:buChar", "a:buAutoNum"):
        for element in properties.findall(qn(tag)):
            properties.remove(element)
    color_element = properties.makeelement(qn("a:buClr"), {})
    color_element.append(color_element.makeelement(qn("a:srgbClr"), {"val": color}))
    elements = [color_element, properties.makeelement(qn("a:buFont"), {"typeface": font})]
    number = marker[:-1]
    if marker.endswith(".") and number.isdigit():
        elements.append(properties.makeelement(
            qn("a:buAutoNum"), {"type": "arabicPeriod", "startAt": number}))
    elif marker.endswith(".") and len(number) == 1 and number.isalpha():
        elements.append(properties.makeelement(
            qn("a:buAutoNum"), {"type": "alphaUcPeriod",
                                "startAt": str(ord(number.upper()) - ord("A") + 1)}))
    else:
        elements.append(properties.makeelement(qn("a:buChar"), {"char": marker}))
    # CT_TextParagraphProperties: lnSpc, spcBef, spcAft, buClr…, buSzX, buFont, bu*, tabLst…
    later = {qn(tag) for tag in ("a:tabLst", "a:defRPr", "a:extLst")}
    anchor = next((child for child in properties if child.tag in later), None)
    for element in elements:
        if anchor is None:
            properties.append(element)
        else:
            anchor.addprevious(element)


def set_no_hanging_punctuation(paragraph) -> None:
    """Punctuation that may not begin a line moves the break earlier instead of hanging past
    the box (PowerPoint's default; LibreOffice hangs it unless told)."""
    paragraph._p.get_or_add_pPr().set("hangingPunct", "0")


def set_right_to_left(paragraph) -> None:
    """A right-to-left paragraph (Arabic, Hebrew): set from the right, bullet on the right."""
    properties = paragraph._p.get_or_add_pPr()
    properties.set("algn", "r")
    properties.set("rtl", "1")


def set_indent(paragraph, margin: int) -> None:
    """Indent a paragraph without a marker (a continued bullet keeps its text edge)."""
    properties = paragraph._p.get_or_add_pPr()
    properties.set("marL", str(margin))
    properties.set("indent", "0")


def paragraph_margin(paragraph) -> int:
    """The paragraph's left margin (``marL``) in EMU as written, 0 when absent (for read-back)."""
    properties = paragraph._p.pPr
    return int(properties.get("marL", "0")) if properties is not None else 0


def remove_shape(shape) -> None:
    """Delete a shape (an unused placeholder) from its slide's shape tree."""
    element = shape._element
    element.getparent().remove(element)


def remove_all_slides(presentation) -> None:
    """Drop the slides a template ships with, keeping its masters and layouts."""
    slide_ids = presentation.slides._sldIdLst
    for slide_id in list(slide_ids):
        presentation.part.drop_rel(slide_id.get(qn("r:id")))
        slide_ids.remove(slide_id)


THEME_RELATIONSHIP = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme")


def set_theme(presentation, colors: dict[str, str], major: str, minor: str, east_asian: str,
              complex_script: str, name: str) -> None:
    """Write the layout's palette and fonts into the master's theme (``a:clrScheme``,
    ``a:fontScheme``), so PowerPoint's colour and font pickers offer the course's look."""
    from lxml import etree

    part = presentation.slide_master.part.part_related_by(THEME_RELATIONSHIP)
    root = etree.fromstring(part.blob)
    scheme = root.find(f"{qn('a:themeElements')}/{qn('a:clrScheme')}")
    if scheme is not None:
        scheme.set("name", name)
        for slot, value in colors.items():
            element = scheme.find(qn(f"a:{slot}"))
            if element is None:
                continue
            for child in list(element):
                element.remove(child)
            element.append(element.makeelement(qn("a:srgbClr"), {"val": value}))
    fonts = root.find(f"{qn('a:themeElements')}/{qn('a:fontScheme')}")
    if fonts is not None:
        fonts.set("name", name)
        for tag, face in (("a:majorFont", major), ("a:minorFont", minor)):
            group = fonts.find(qn(tag))
            if group is None:
                continue
            for slot, value in (("a:latin", face), ("a:ea", east_asian), ("a:cs", complex_script)):
                element = group.find(qn(slot))
                if element is not None:
                    element.set("typeface", value)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def is_decorative(shape) -> bool:
    """True when the shape is marked decorative (``adec:decorative val="1"``)."""
    element = shape._element
    properties = element[0].find(_CNVPR) if len(element) else None  # ./*[1]/p:cNvPr
    return properties is not None and marked_decorative(properties)


def marked_decorative(properties) -> bool:
    """``is_decorative`` of a shape's ``p:cNvPr``."""
    if not len(properties):
        return False
    marks = properties.findall(_DECORATIVE_PATH)
    return any(mark.get("val") in ("1", "true") for mark in marks)


def reorder_shapes(slide, shapes) -> None:
    """Put the slide's shapes in this order in ``p:spTree`` (reading and stacking order).

    The tree's own ``p:nvGrpSpPr``/``p:grpSpPr`` stay first and any ``p:extLst`` last.
    Moving an element costs lxml a walk of its whole subtree (a map group of thousands of
    shapes), so the heaviest run of shapes already in order stays where it is and only the
    others move, each to just after the shape it follows.
    """
    reorder_elements(slide.shapes._spTree, [shape._element for shape in shapes])


def reorder_elements(tree, elements: list) -> None:
    """``reorder_shapes`` of a shape tree's shape elements."""
    place = {id(element): index for index, element in enumerate(tree)}
    kept = _heaviest_in_order([place[id(element)] for element in elements],
                              [_weight(element) for element in elements])
    previous = None
    for index, element in enumerate(elements):
        if index not in kept:
            anchor = previous if previous is not None else tree.find(qn("p:grpSpPr"))
            anchor.addnext(element)
        previous = element


def _weight(element) -> int:
    """About what moving a shape costs: a group's whole subtree (a map of thousands of
    shapes), else its children (counting a text box's every run cost more than moving it)."""
    if element.tag == _GRP_SP:
        return sum(1 for _ in element.iter())
    return 1 + len(element)


_GRP_SP = qn("p:grpSp")


def _heaviest_in_order(positions: list[int], weights: list[int]) -> set[int]:
    """Indices of the increasing subsequence of ``positions`` with the largest total weight
    (quadratic in the number of shapes on a slide, which is small: figures are groups)."""
    best = list(weights)
    before = [-1] * len(positions)
    for later in range(len(positions)):
        for earlier in range(later):
            if positions[earlier] < positions[later] and \
                    best[earlier] + weights[later] > best[later]:
                best[later] = best[earlier] + weights[later]
                before[later] = earlier
    kept: set[int] = set()
    index = max(range(len(best)), key=best.__getitem__) if best else -1
    while index >= 0:
        kept.add(index)
        index = before[index]
    return kept


def set_language(part_element, language: str, run_language=None) -> None:
    """Give every text run, line break and paragraph end below ``part_element`` the language
    ``language`` (``lang`` on ``a:rPr``/``a:endParaRPr``), as PowerPoint's Language dialog
    does: screen readers pick their voice from it, spelling checkers their dictionary.
    ``run_language(text)`` may name another for a run (a Japanese name: ``ja-JP``)."""
    for run in part_element.iter(_RUN_TAGS):
        properties = run.find(_RPR)
        if properties is None:
            properties = run.makeelement(_RPR, {})
            run.insert(0, properties)
        own = run_language(run.findtext(_T) or "") if run_language else None
        properties.set("lang", own or language)
    for end in part_element.iter(_END_PARA):
        end.set("lang", language)


_RUN_TAGS = (qn("a:r"), qn("a:br"), qn("a:fld"))
_RPR, _T, _END_PARA = qn("a:rPr"), qn("a:t"), qn("a:endParaRPr")


def set_chart_language(chart_space, language: str) -> None:
    """A native chart's text in ``language``: its runs and paragraph ends, and the default
    run properties its labels and axis text inherit (``a:defRPr lang``; python-pptx writes
    ``en-US`` on the chart's paragraph end)."""
    set_language(chart_space, language)
    for default in chart_space.iter(qn("a:defRPr")):
        default.set("lang", language)


