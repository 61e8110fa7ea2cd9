"""Save a presentation reproducibly: same inputs, byte-identical .pptx.

python-pptx stamps the save time into the core properties and the zip entries carry the
current time; both are fixed here (the lecture's date, 1980-01-01 entries, a stable entry
order), so rebuilding an unchanged lecture does not produce a "changed" file.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

from builder.text.inline import plain
from builder.resolve.document import Document

FIXED_DATE = dt.datetime(2000, 1, 1)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
FIRST_ENTRIES = ("[Content_Types].xml", "_rels/.rels")


def document_date(document: Document) -> dt.datetime:
    """The lecture's date (its start) as the deck's created/modified time, else a fixed date
    (also for a date a timestamp cannot hold: a lecture dated 300 BCE, or after 9999)."""
    date = document.lecture.date
    if date is None or not dt.MINYEAR <= date.start.year <= dt.MAXYEAR:
        return FIXED_DATE
    start = date.start
    return dt.datetime(start.year, start.month or 1, start.day or 1)


def set_core_properties(presentation, document: Document) -> None:
    lecture = document.lecture
    properties = presentation.core_properties
    when = document_date(document)
    properties.title = plain(lecture.title)
    properties.subject = plain(lecture.subtitle) if lecture.subtitle else ""
    properties.author = document.fill("{instructor}") or "course-builder"
    properties.keywords = ", ".join(plain(keyword) for keyword in lecture.keywords)
    properties.language = document.language
    properties.category = document.course_label
    properties.comments = document.words(document.edition.word)
    properties.last_modified_by = "course-builder"
    properties.revision = 1
    properties.created = when
    properties.modified = when
    properties.last_printed = when


def save(presentation) -> bytes:
    """The presentation as bytes, with fixed entry times in a stable order.

    The package's parts are taken as python-pptx would write them (its ``PackageWriter``:
    content types, package relationships, each part and its relationships) and zipped once,
    here: saving through python-pptx and then rewriting its zip (``normalize_zip``)
    compressed every part twice and decompressed it once (~10 % of drawing a deck)."""
    from pptx.opc.serialized import PackageWriter

    package = presentation.part.package
    entries = _Entries()
    writer = PackageWriter(io.BytesIO(), package._rels, tuple(package.iter_parts()))
    writer._write_content_types_stream(entries)
    writer._write_pkg_rels(entries)
    writer._write_parts(entries)
    return _zipped(entries.blobs)


class _Entries:
    """A stand-in for python-pptx's zip writer: each member's bytes by name (a name written
    twice keeps its last bytes, as reading the zip back did)."""

    def __init__(self) -> None:
        self.blobs: dict[str, bytes] = {}

    def write(self, pack_uri, blob: bytes) -> None:
        self.blobs[pack_uri.membername] = blob


_STAMP = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")
EMBEDDED = (".xlsx", ".docx", ".pptx")


def normalize_zip(data: bytes, embedded: bool = False) -> bytes:
    """Fixed times, stable order; embedded workbooks (chart data) are normalized the same way,
    their own save-time stamps included."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = {info.filename: source.read(info) for info in source.infolist()}
    return _zipped(entries, embedded)


def _zipped(entries: dict[str, bytes], embedded: bool = False) -> bytes:
    """``entries`` as a zip: fixed times, stable order (``normalize_zip``)."""
    for name, content in entries.items():
        if name.lower().endswith(EMBEDDED) and content[:2] == b"PK":
            entries[name] = normalize_zip(content, embedded=True)
        elif embedded and name == "docProps/core.xml":
            entries[name] = _STAMP.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", content)
    names = [name for name in FIRST_ENTRIES if name in entries]
    names += sorted(name for name in entries if name not in FIRST_ENTRIES)
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            target.writestr(info, entries[name], compresslevel=6)
    return output.getvalue()
