"""The printable PDF study guide (reportlab platypus).

``render_guide`` turns a resolved Document into PDF bytes: styles from the layout, the parts
in the layout's order (``parts.build_story``), laid out by ``template.GuideTemplate`` in as
many passes as the contents and the "of M" page total need. Same inputs, same bytes.
"""

from __future__ import annotations

from io import BytesIO

from builder.guide import kinsoku, structure
from builder.guide.context import Context
from builder.guide.parts import build_story
from builder.guide.styles import Styles
from builder.guide.template import GuideTemplate
from builder.resolve.document import Document
from builder.text.typography import in_documents_language

kinsoku.install()  # East Asian runs cut by reportlab keep the line-breaking rules


@in_documents_language
def render_guide(document: Document) -> bytes:
    """The study guide for ``document`` as PDF bytes; RenderError names the block at fault."""
    styles = Styles(document)
    parts = document.layout.guide.parts
    first = "title" if parts and parts[0] == "title_page" else "body"
    buffer = BytesIO()
    template = GuideTemplate(buffer, document, styles, first)
    context = Context(document, styles, template.width, template.height)
    template.render(build_story(context))
    return structure.finish(buffer.getvalue(), context.tags, template.recorder,
                             document.language)
