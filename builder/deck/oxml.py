"""The one place raw Open XML is touched (python-pptx's lesson): names follow the schema.

Everything else in the deck renderer uses python-pptx's public API.
"""

from __future__ import annotations

from pptx.oxml.ns import qn


def set_alt_text(shape, text: str, title: str | None = None) -> None:
    """Set a shape's ``descr`` (alt text) on its ``p:cNvPr``, as PowerPoint's Alt Text pane does."""
    properties = shape._element.xpath("./*[1]/p:cNvPr")[0]
    properties.set("descr", text)
    if title:
        properties.set("title", title)


def set_font_slots(run, latin: str, east_asian: str, complex_script: str) -> None:
    """Set the Latin, East Asian and complex-script typefaces of a run (``a:latin/a:ea/a:cs``).

    Without ``a:ea`` PowerPoint draws Hangul or Chinese in the Latin font, as boxes.
    The schema fixes their order inside ``a:rPr``: after fills and effects, before
    ``a:sym``, hyperlinks and ``a:extLst``.
    """
    properties = run._r.get_or_add_rPr()
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
