"""Part names and image parts found by counting, not by walking the whole package.

python-pptx names a new chart part, and the workbook embedded in it, by walking every
relationship of the package (``Package.next_partname``), and finds an image already in the
package (the course logo, added on every slide) by walking it again and hashing what it
finds: each step is linear in the deck, so a 1,000-slide lecture with a chart every few
slides spent most of its drawing time there. ``install`` gives one presentation's package a
memory of the names and images it holds, filled by one walk on first use and kept up to date
as parts are added; each answer is the one python-pptx's walk would give, as long as parts
are only added (a deck being drawn never removes one once its first slide exists).
"""

from __future__ import annotations

from typing import Callable

from pptx.opc.packuri import PackURI
from pptx.package import _ImageParts
from pptx.parts.image import Image, ImagePart

COUNTED = ("/ppt/charts/chart%d.xml", "/ppt/embeddings/Microsoft_Excel_Sheet%d.xlsx")
"""The templates counted: only chart parts and their workbooks are named through
``next_partname`` while a deck is drawn (slides and notes pages are counted by
``slideparts``)."""


class _PartNames:
    """``Package.next_partname`` for the ``COUNTED`` templates: python-pptx's rule (from one
    more than the number of names with the template's prefix, downwards, the first name not
    taken) over the names remembered for that prefix."""

    def __init__(self, package, walking: Callable[[str], PackURI]) -> None:
        self._package = package
        self._walking = walking
        self._taken: dict[str, set[str]] = {}

    def __call__(self, tmpl: str) -> PackURI:
        if tmpl not in COUNTED:
            return self._walking(tmpl)
        taken = self._taken.get(tmpl)
        if taken is None:
            prefix = tmpl[: (tmpl % 42).find("42")]
            taken = self._taken[tmpl] = {str(part.partname) for part in
                                         self._package.iter_parts()
                                         if part.partname.startswith(prefix)}
        for number in range(len(taken) + 1, 0, -1):
            candidate = tmpl % number
            if candidate not in taken:
                taken.add(candidate)
                return PackURI(candidate)
        raise AssertionError("no part name left")  # pragma: no cover - as python-pptx's


class _ImagesBySha1(_ImageParts):
    """The package's image parts, found by the SHA-1 of their bytes from a table (built by
    one walk, the first part of a digest kept, as the walk finds it first)."""

    def __init__(self, package) -> None:
        super().__init__(package)
        self._by_sha1: dict[str, ImagePart] | None = None

    def _table(self) -> dict[str, ImagePart]:
        if self._by_sha1 is None:
            self._by_sha1 = {}
            for part in self:
                if hasattr(part, "sha1"):  # python-pptx skips parts it cannot hash (SVG)
                    self._by_sha1.setdefault(part.sha1, part)
        return self._by_sha1

    def _find_by_sha1(self, sha1: str) -> ImagePart | None:
        return self._table().get(sha1)

    def get_or_add_image_part(self, image_file) -> ImagePart:
        image = Image.from_file(image_file)
        part = self._find_by_sha1(image.sha1)
        if part is None:
            part = ImagePart.new(self._package, image)
            self._table()[image.sha1] = part
        return part


def install(package) -> None:
    """Count ``package``'s chart names and remember its images from now on (idempotent)."""
    if not isinstance(package.__dict__.get("next_partname"), _PartNames):
        package.next_partname = _PartNames(package, package.next_partname)
    if not isinstance(package.__dict__.get("_image_parts"), _ImagesBySha1):
        package.__dict__["_image_parts"] = _ImagesBySha1(package)
