"""The deck's compiled XPath queries (builder/deck/pptxspeed.py) answer as lxml's own do.

Every query string python-pptx's source holds is run on every element of a drawn slide (a
title, a body with bullets, a picture-less table and a group), both ways.
"""

from __future__ import annotations

import re
from pathlib import Path

import pptx
from lxml import etree
from pptx import Presentation
from pptx.oxml.ns import _nsmap
from pptx.oxml.xmlchemy import BaseOxmlElement
from pptx.util import Inches

from builder.deck import pptxspeed


def _queries() -> list[str]:
    found: set[str] = set()
    for path in Path(pptx.__file__).parent.rglob("*.py"):
        found.update(re.findall(r'xpath\(\s*"([^"%{]+)"', path.read_text(encoding="utf-8")))
    return sorted(found)


def test_compiled_queries_answer_as_lxml() -> None:
    pptxspeed.install()
    assert BaseOxmlElement.xpath is pptxspeed._xpath
    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[1])
    slide.shapes.title.text = "Title"
    body = slide.placeholders[1].text_frame
    body.text = "first"
    body.add_paragraph().text = "second"
    slide.shapes.add_table(2, 2, Inches(1), Inches(1), Inches(3), Inches(1))
    group = slide.shapes.add_group_shape()
    group.shapes.add_textbox(Inches(1), Inches(3), Inches(1), Inches(1)).text = "boxed"
    queries = _queries()
    assert len(queries) > 30 and "./*[1]/p:nvPr/p:ph" in queries
    elements = [element for element in slide._element.iter()
                if isinstance(element, BaseOxmlElement)]
    for element in elements:
        for query in queries:
            expected = etree._Element.xpath(element, query, namespaces=_nsmap)
            assert element.xpath(query) == expected, (element.tag, query)


def test_cached_qn_is_everywhere_and_answers_as_the_plain_one() -> None:
    import sys

    from pptx.oxml import ns

    pptxspeed.install()
    for name, module in sys.modules.items():
        if name.partition(".")[0] in ("pptx", "builder") and hasattr(module, "qn"):
            assert module.qn in (pptxspeed.qn, pptxspeed._PLAIN_QN)
            if name.startswith("pptx.oxml"):
                assert module.qn is pptxspeed.qn, name
    assert ns.qn is pptxspeed.qn
    for tag in ("a:rPr", "p:sp", "c:chart", "r:id", "a14:hiddenFill", "mc:AlternateContent"):
        if tag.partition(":")[0] in ns._nsmap:
            assert pptxspeed.qn(tag) == pptxspeed._PLAIN_QN(tag)
