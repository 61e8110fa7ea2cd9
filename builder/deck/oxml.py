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
    """Set the Latin, East Asian and complex-script typefaces of a run (``a:latin/a:ea/a:cs``)."""
    properties = run._r.get_or_add_rPr()
    for tag, face in (("a:latin", latin), ("a:ea", east_asian), ("a:cs", complex_script)):
        element = properties.find(qn(tag))
        if element is None:
            element = properties.makeelement(qn(tag), {})
            properties.append(element)
        element.set("typeface", face)
    # schema order inside a:rPr: ln, fills, effects, highlight, uLnTx…, latin, ea, cs, sym, hlink…
    for tag in ("a:latin", "a:ea", "a:cs"):
        element = properties.find(qn(tag))
        properties.remove(element)
    anchor = next((child for child in properties
                   if child.tag in (qn("a:sym"), qn("a:hlinkClick"), qn("a:hlinkMouseOver"),
                                    qn("a:rtl"), qn("a:extLst"))), None)
    for tag, face in (("a:latin", latin), ("a:ea", east_asian), ("a:cs", complex_script)):
        element = properties.makeelement(qn(tag), {"typeface": face})
        if anchor is None:
            properties.append(element)
        else:
            anchor.addprevious(element)
