"""A page's extracted text, remembered by what the text is extracted from.

Extracting text is most of reading a guide back, and a watch reads the guide back after
every save although an edit changes one or two pages. pypdf extracts a page's text from its
content stream and the resources it names (fonts and their character maps, forms, images)
and from nothing else, so a page whose content and resources are byte for byte those of a
page extracted before has that page's text. The page is still read from the file every time:
only the extraction is skipped, never the reading, so the check still verifies what was
written.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from typing import Any

from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

LIMIT = 1024  # pages remembered: a watched course's guides, about 2 KiB of text each
_SKIP = {"/Parent"}  # leads back up the page tree, to every page
# what of a page dictionary text extraction reads (not its links, which lead to other pages)
PAGE_KEYS = ("/Contents", "/Resources", "/Rotate", "/MediaBox", "/CropBox", "/UserUnit")

_texts: OrderedDict[bytes, str] = OrderedDict()


def _feed(hasher: Any, value: Any, seen: set[int]) -> None:
    """Hash a PDF object and everything it refers to (each indirect object once)."""
    if isinstance(value, IndirectObject):
        if value.idnum in seen:
            hasher.update(b"R")
            return
        seen.add(value.idnum)
        value = value.get_object()
    if isinstance(value, StreamObject):
        hasher.update(b"S%d:" % len(value._data))
        hasher.update(value._data)
    if isinstance(value, DictionaryObject):
        hasher.update(b"<<")
        for key in sorted(value):
            if key in _SKIP:
                continue
            hasher.update(str(key).encode("utf-8", "surrogatepass") + b" ")
            _feed(hasher, value.raw_get(key), seen)
        hasher.update(b">>")
    elif isinstance(value, ArrayObject):
        hasher.update(b"[")
        for item in value:
            _feed(hasher, item, seen)
        hasher.update(b"]")
    elif not isinstance(value, StreamObject):
        hasher.update(repr(value).encode("utf-8", "surrogatepass") + b";")


def digest(page: Any) -> bytes:
    """What a page's extracted text depends on, hashed: its content streams, resources,
    rotation and boxes (pypdf has copied inherited ones onto the page) and all they refer to."""
    hasher = hashlib.sha256()
    seen: set[int] = set()
    for key in PAGE_KEYS:
        hasher.update(key.encode("ascii"))
        _feed(hasher, page.raw_get(key) if key in page else None, seen)
    return hasher.digest()


def text_of(page: Any) -> str:
    """``page.extract_text()``, or the text of a page read before with the same digest."""
    try:
        key = digest(page)
    except Exception:  # noqa: BLE001 - a page this cannot hash is simply extracted
        return page.extract_text() or ""
    if key in _texts:
        _texts.move_to_end(key)
        return _texts[key]
    text = page.extract_text() or ""
    _texts[key] = text
    if len(_texts) > LIMIT:
        _texts.popitem(last=False)
    return text


def forget() -> None:
    _texts.clear()
