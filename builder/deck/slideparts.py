"""New slides and notes pages without python-pptx's two scans that grow with the deck.

python-pptx's ``slides.add_slide`` finds the next slide id by reading every ``p:sldId``, and
``slide.notes_slide`` names the new notes part by walking every part of the package; both are
linear per slide, so a 1,000-slide lecture paid for them a million times. This module does the
same thing python-pptx does, in the same order and with the same names and ids, counting
instead of searching. Like ``oxml``, it is the one place that touches python-pptx internals
for it.
"""

from __future__ import annotations

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml.slide import CT_NotesSlide
from pptx.parts.slide import NotesSlidePart, SlidePart

MIN_SLIDE_ID = 256  # the schema's first slide id
MAX_SLIDE_ID = 2147483647


class _FrozenSlidePart(SlidePart):
    """A finished slide whose XML tree was serialized: bytes, not thousands of elements."""

    @property
    def blob(self) -> bytes:
        return self._frozen_blob


class _FrozenNotesSlidePart(NotesSlidePart):
    @property
    def blob(self) -> bytes:
        return self._frozen_blob


def _freeze(part, frozen_class) -> None:
    part._frozen_blob = part.blob
    part.__dict__.pop("slide", None)
    part.__dict__.pop("notes_slide", None)
    part._element = None
    part.__class__ = frozen_class


class SlideMaker:
    """Adds slides (and their notes pages) to one presentation, remembering the counters.

    Only this object may add slides once it exists: it counts the slides and notes pages
    instead of looking them up.
    """

    def __init__(self, presentation) -> None:
        self.presentation = presentation
        self.part = presentation.part
        self.id_list = self.part._element.get_or_add_sldIdLst()
        used = [int(one.get("id")) for one in self.id_list.sldId_lst]
        self.next_id = max([MIN_SLIDE_ID - 1, *used]) + 1
        self.slides = len(used)
        self.notes = sum(1 for part in self.part.package.iter_parts()
                         if str(part.partname).startswith("/ppt/notesSlides/notesSlide"))
        self._notes_master = None

    def add_slide(self, layout):
        """A new slide on ``layout``, exactly as ``presentation.slides.add_slide`` makes it."""
        if self.next_id > MAX_SLIDE_ID:  # python-pptx then searches for a free id
            return self.presentation.slides.add_slide(layout)
        self.slides += 1
        partname = PackURI(f"/ppt/slides/slide{self.slides}.xml")
        slide_part = SlidePart.new(partname, self.part.package, layout.part)
        r_id = self.part.relate_to(slide_part, RT.SLIDE)
        slide = slide_part.slide
        slide.shapes.clone_layout_placeholders(layout)
        self.id_list._add_sldId(id=self.next_id, rId=r_id)
        self.next_id += 1
        return slide

    def freeze(self, slide) -> None:
        """Serialize a finished slide (and its notes page) now and let its XML tree go.

        A deck is drawn slide by slide and a drawn slide is never touched again, so its part
        can hold the bytes it will be saved as: a 1,000-slide deck then never has 1,000 slide
        trees in memory at once. The saved package is byte-for-byte the same.
        """
        slide_part = slide.part
        try:
            notes_part = slide_part.part_related_by(RT.NOTES_SLIDE)
        except KeyError:
            notes_part = None
        if notes_part is not None and type(notes_part) is NotesSlidePart:
            _freeze(notes_part, _FrozenNotesSlidePart)
        if type(slide_part) is SlidePart:
            _freeze(slide_part, _FrozenSlidePart)

    def notes_slide(self, slide):
        """The slide's notes page, created as ``slide.notes_slide`` would create it."""
        slide_part = slide.part
        try:
            return slide_part.part_related_by(RT.NOTES_SLIDE).notes_slide
        except KeyError:
            pass
        if self._notes_master is None:
            self._notes_master = self.part.notes_master_part
        master = self._notes_master
        self.notes += 1
        notes_part = NotesSlidePart(PackURI(f"/ppt/notesSlides/notesSlide{self.notes}.xml"),
                                    CT.PML_NOTES_SLIDE, slide_part.package, CT_NotesSlide.new())
        notes_part.relate_to(master, RT.NOTES_MASTER)
        notes_part.relate_to(slide_part, RT.SLIDE)
        notes = notes_part.notes_slide
        notes.clone_master_placeholders(master.notes_master)
        slide_part.relate_to(notes_part, RT.NOTES_SLIDE)
        return notes
