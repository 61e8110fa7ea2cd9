"""New slides and notes pages without python-pptx's two scans that grow with the deck.

python-pptx's ``slides.add_slide`` finds the next slide id by reading every ``p:sldId``, and
``slide.notes_slide`` names the new notes part by walking every part of the package; both are
linear per slide, so a 1,000-slide lecture paid for them a million times. This module does the
same thing python-pptx does, in the same order and with the same names and ids, counting
instead of searching. Like ``oxml``, it is the one place that touches python-pptx internals
for it.
"""

from __future__ import annotations

import io
from copy import deepcopy
from dataclasses import dataclass

from pptx.dml.color import RGBColor

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TARGET_MODE as RTM
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part, _Relationship
from pptx.opc.packuri import PackURI
from pptx.oxml.slide import CT_NotesSlide
from pptx.parts.slide import NotesSlidePart, SlidePart

from builder.deck import partnames

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


@dataclass(frozen=True)
class Drawn:
    """A finished slide as its bytes and what its relationships lead to, so a later build of
    the same slide can add it again without drawing it (``builder.deck.reuse``).

    ``rels`` holds (rId, relationship type, target) in the slide's order, a target being
    ``("part", partname)`` for a part the presentation had before its first slide (a slide
    layout), ``("external", url)``, ``("image", bytes)`` or ``("notes", bytes, notes_rels)``
    with the notes page's own (rId, type, ``"master"`` or ``"slide"``).
    """

    blob: bytes
    rels: tuple[tuple[str, str, tuple], ...]


def _frozen(frozen_class, partname: PackURI, content_type: str, package, blob: bytes):
    part = frozen_class.__new__(frozen_class)
    Part.__init__(part, partname, content_type, package)
    part._element = None
    part._frozen_blob = blob
    return part


def _relate(part, r_id: str, reltype: str, target, external: bool = False) -> None:
    """Add the relationship with exactly the id it had when the slide was drawn."""
    rels = part.rels
    rels._rels[r_id] = _Relationship(rels._base_uri, r_id, reltype,
                                     RTM.EXTERNAL if external else RTM.INTERNAL, target)


def _freeze(part, frozen_class) -> None:
    part._frozen_blob = part.blob
    part.__dict__.pop("slide", None)
    part.__dict__.pop("notes_slide", None)
    part._element = None
    part.__class__ = frozen_class


def _fill_background(slide, color: str | None) -> None:
    if color is not None:
        fill = slide.background.fill
        fill.solid()
        fill.fore_color.rgb = RGBColor.from_string(color)


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
        self._before = {part.partname: part for part in self.part.package.iter_parts()}
        self._fresh: dict[tuple[object, str | None], object] = {}
        partnames.install(self.part.package)  # charts named, images found, by counting

    def add_slide(self, layout, background: str | None = None):
        """A new slide on ``layout``, exactly as ``presentation.slides.add_slide`` makes it
        (then given a solid ``background`` colour, RRGGBB, as python-pptx's fill API sets it).

        The first slide on a layout (and background) is made by python-pptx; later ones are a
        copy of its fresh tree: cloning the layout's placeholders is the same work each time,
        and the new part is related without python-pptx's search of every existing slide's
        relationship (a new part cannot already be related)."""
        if self.next_id > MAX_SLIDE_ID:  # python-pptx then searches for a free id
            slide = self.presentation.slides.add_slide(layout)
            _fill_background(slide, background)
            return slide
        self.slides += 1
        partname = PackURI(f"/ppt/slides/slide{self.slides}.xml")
        package = self.part.package
        fresh = self._fresh.get((layout.part, background))
        if fresh is None:
            slide_part = SlidePart.new(partname, package, layout.part)
            slide = slide_part.slide
            slide.shapes.clone_layout_placeholders(layout)
            _fill_background(slide, background)
            self._fresh[(layout.part, background)] = deepcopy(slide_part._element)
        else:
            slide_part = SlidePart(partname, CT.PML_SLIDE, package, deepcopy(fresh))
            slide_part.rels._add_relationship(RT.SLIDE_LAYOUT, layout.part)
            slide = slide_part.slide
        r_id = self.part.rels._add_relationship(RT.SLIDE, slide_part)
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
        fresh = self._fresh.get(("notes", None))  # the first notes page's fresh tree, copied
        notes_part = NotesSlidePart(PackURI(f"/ppt/notesSlides/notesSlide{self.notes}.xml"),
                                    CT.PML_NOTES_SLIDE, slide_part.package,
                                    CT_NotesSlide.new() if fresh is None else deepcopy(fresh))
        notes_part.relate_to(master, RT.NOTES_MASTER)
        notes_part.relate_to(slide_part, RT.SLIDE)
        notes = notes_part.notes_slide
        if fresh is None:
            notes.clone_master_placeholders(master.notes_master)
            self._fresh[("notes", None)] = deepcopy(notes_part._element)
        slide_part.relate_to(notes_part, RT.NOTES_SLIDE)
        return notes

    def drawn(self, slide) -> Drawn | None:
        """A frozen slide (``freeze``) as a ``Drawn``; None when it relates to a part a replay
        could not make again exactly (a chart, a media file)."""
        part = slide.part
        if type(part) is not _FrozenSlidePart:
            return None
        rels = []
        for r_id, rel in part.rels.items():
            if rel.is_external:
                rels.append((r_id, rel.reltype, ("external", rel.target_ref)))
                continue
            target = rel.target_part
            if self._before.get(target.partname) is target:
                rels.append((r_id, rel.reltype, ("part", target.partname)))
            elif rel.reltype == RT.IMAGE:
                rels.append((r_id, rel.reltype, ("image", target.blob)))
            elif rel.reltype == RT.NOTES_SLIDE and type(target) is _FrozenNotesSlidePart:
                notes = []
                for notes_id, notes_rel in target.rels.items():
                    if notes_rel.is_external:
                        return None
                    if notes_rel.target_part is part:
                        notes.append((notes_id, notes_rel.reltype, "slide"))
                    elif notes_rel.reltype == RT.NOTES_MASTER:
                        notes.append((notes_id, notes_rel.reltype, "master"))
                    else:
                        return None
                rels.append((r_id, rel.reltype, ("notes", target._frozen_blob, tuple(notes))))
            else:
                return None
        return Drawn(part._frozen_blob, tuple(rels))

    def add_drawn(self, drawn: Drawn) -> bool:
        """Add a slide drawn by an earlier build, as ``add_slide`` and drawing it would have:
        the same part names, relationship ids, slide id and counters. False (nothing added)
        when a part it names is not in this presentation."""
        if self.next_id > MAX_SLIDE_ID or any(
                target[0] == "part" and target[1] not in self._before
                for _, _, target in drawn.rels):
            return False
        package = self.part.package
        self.slides += 1
        slide_part = _frozen(_FrozenSlidePart, PackURI(f"/ppt/slides/slide{self.slides}.xml"),
                             CT.PML_SLIDE, package, drawn.blob)
        r_id = self.part.rels._add_relationship(RT.SLIDE, slide_part)
        self.id_list._add_sldId(id=self.next_id, rId=r_id)
        self.next_id += 1
        for slide_id, reltype, target in drawn.rels:
            kind = target[0]
            if kind == "external":
                _relate(slide_part, slide_id, reltype, target[1], external=True)
            elif kind == "part":
                _relate(slide_part, slide_id, reltype, self._before[target[1]])
            elif kind == "image":
                _relate(slide_part, slide_id, reltype,
                        package.get_or_add_image_part(io.BytesIO(target[1])))
            else:
                _relate(slide_part, slide_id, reltype, self._add_notes(slide_part, *target[1:]))
        return True

    def _add_notes(self, slide_part, blob: bytes, rels: tuple) -> object:
        if self._notes_master is None:
            self._notes_master = self.part.notes_master_part
        self.notes += 1
        notes_part = _frozen(_FrozenNotesSlidePart,
                             PackURI(f"/ppt/notesSlides/notesSlide{self.notes}.xml"),
                             CT.PML_NOTES_SLIDE, slide_part.package, blob)
        for notes_id, reltype, target in rels:
            _relate(notes_part, notes_id, reltype,
                    slide_part if target == "slide" else self._notes_master)
        return notes_part
