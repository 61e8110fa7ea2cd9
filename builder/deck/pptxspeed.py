"""Two per-call costs of python-pptx paid once: XPath compilation and tag-name parsing.

Every python-pptx element answers ``xpath(str)`` through lxml's ``_Element.xpath``, which
compiles the expression again each time: ~75 µs for the placeholder test
(``./*[1]/p:nvPr/p:ph``) that python-pptx runs for every shape it wraps, against ~9 µs for
the same query compiled once. The sample deck makes ~7,000 such calls (a fifth of drawing
it). ``install()`` swaps ``BaseOxmlElement.xpath`` for one that keeps the compiled
``etree.XPath`` per expression: the same XPath engine, namespaces and results, so the bytes
written are the same.

``qn("a:rPr")`` (a prefixed tag to lxml's ``{namespace}rPr``) builds a parsing object on
each of its ~40,000 calls in the sample deck (2.4 µs each); it is a pure function of a few
hundred tags, so ``install()`` also puts a cached one wherever python-pptx (or this
package) bound it.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from typing import Any

from lxml import etree
from pptx.oxml import ns
from pptx.oxml.ns import _nsmap
from pptx.oxml.xmlchemy import BaseOxmlElement

_PLAIN_QN = ns.qn


@lru_cache(maxsize=1024)  # python-pptx formats a few queries with an index: keep it bounded
def _compiled(expression: str) -> etree.XPath:
    return etree.XPath(expression, namespaces=_nsmap)


def _xpath(self: BaseOxmlElement, xpath_str: str) -> Any:
    """``BaseOxmlElement.xpath`` with the expression compiled once (see the module)."""
    return _compiled(xpath_str)(self)


@lru_cache(maxsize=None)
def qn(tag: str) -> str:
    """``pptx.oxml.ns.qn``, remembered per tag."""
    return _PLAIN_QN(tag)


def install() -> None:
    """Use the compiled queries and the cached ``qn`` from now on, in this process
    (idempotent): in ``pptx.oxml.ns`` for modules imported later, and in every module
    already loaded that imported the plain one by name."""
    BaseOxmlElement.xpath = _xpath  # type: ignore[method-assign]
    for name, module in list(sys.modules.items()):
        if name.partition(".")[0] in ("pptx", "builder") and \
                getattr(module, "qn", None) is _PLAIN_QN:
            module.qn = qn
