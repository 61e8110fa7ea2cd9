"""How a reference is cited: one order of pieces, which the guide and the deck both set.

The style is a plain author–title one, shaped by the reference's kind:

* book: Author. *Title*. 2nd ed. Publisher, 1999.
* article: Author. “Title.” *Journal* 27 (1), 17–21, 1973.
* lecture: Author. “Title.” Lecture, Publisher, 1961.
* web: Author. “Title.” Publisher, 2024. URL (accessed November 30, 2026).

A reference without a kind is cited like a book. Renderers map each piece's ``style`` to
their own italics and links; the text of a piece may carry the source's inline markup.

A reference whose title is written in Chinese, Japanese or Korean is cited the way that
language cites (``cjk_cite``), in any lecture: titles in brackets instead of italics or
quotation marks (『書名』「論文名」, 《书名》, 『책』「논문」), the language's commas and full
stop (、。 ，。; Korean keeps ", ." and its spaces), no space between pieces in Chinese and
Japanese, and its own words ("講義", "（2026年11月30日閲覧）。").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from builder.model import Reference
from builder.text.scripts import CJK_LANGUAGES, han_language, part_language
from builder.text.typography import quoted
from builder.text.words import Words, words_for

QUOTED_KINDS = ("article", "lecture", "web")


@dataclass(frozen=True)
class Piece:
    """One piece of a citation, already punctuated (``"Hochschild, Adam."``).

    Pieces are set one after another with a space between them, except before a piece that
    is ``attached`` (the ``, 1973.`` after an italic journal name).
    """

    text: str
    style: Literal["plain", "italic", "link"] = "plain"
    attached: bool = False


def cite(reference: Reference, words: Words = Words(), han: str | None = None
         ) -> tuple[Piece, ...]:
    """The pieces of one bibliography entry, in print order, in the words' language.

    ``han`` is the language Han characters are read in across the lecture
    (``Document.han_language``); without it, the reference's own text decides.
    """
    language = reference_language(reference, words.language, han)
    if language is not None:
        own = words if words.base == language else words_for(language)
        return cjk_cite(reference, own)
    pieces: list[Piece] = []
    if reference.author:
        pieces.append(Piece(sentence(reference.author)))
    if reference.kind in QUOTED_KINDS:
        pieces.append(Piece(quoted(sentence(reference.title), words.language)))
    else:
        pieces.append(Piece(sentence(reference.title), "italic"))
    if reference.edition:
        pieces.append(Piece(sentence(edition_label(reference.edition))))
    year = str(reference.year) if reference.year else ""
    if reference.kind == "article" and reference.publisher:
        journal, numbers = journal_parts(reference.publisher.rstrip(". "))
        pieces.append(Piece(journal, "italic"))
        if numbers:  # volume, issue and pages are not part of the journal's name
            pieces.append(Piece(numbers))
        pieces.append(Piece(f", {year}." if year else ".", attached=True))
    else:
        container = ", ".join(part for part in (
            words("lecture") if reference.kind == "lecture" else "", reference.publisher or "", year)
            if part)
        if container:
            pieces.append(Piece(sentence(container)))
    if reference.url:
        pieces.append(Piece(reference.url, "link"))
    if reference.accessed:
        pieces.append(Piece(words("accessed", date=words.date(reference.accessed))))
    if reference.note:
        pieces.append(Piece(reference.note))
    return tuple(pieces)


# where a journal's name ends: its volume, a number followed by an issue, pages or nothing
_VOLUME = re.compile(r",?\s+(?=\d+[A-Za-z]?\s*(?:\(|,|:|\.|$))")


def journal_parts(publisher: str) -> tuple[str, str]:
    """An article's ``publisher`` as (journal name, volume/issue/pages):
    ``The American Statistician 27 (1), 17–21`` → (``The American Statistician``,
    ``27 (1), 17–21``); only the name is set in italics. ("…", "") when no volume follows."""
    match = _VOLUME.search(publisher)
    if match is None or not publisher[:match.start()].strip():
        return publisher, ""
    return publisher[:match.start()], publisher[match.end():]


def edition_label(edition: str) -> str:
    """``2nd`` → ``2nd ed.``; ``Revised edition`` stays as written."""
    text = edition.strip()
    return text if re.search(r"\bed(ition|\.)?\b|éd|Aufl", text, re.IGNORECASE) else f"{text} ed."


def sentence(text: str) -> str:
    """Text ending in a full stop, unless it already ends in punctuation."""
    return text if text.rstrip("*”’\"")[-1:] in ".?!" else text + "."


def reference_language(reference: Reference, document_language: str, han: str | None = None
                       ) -> str | None:
    """``ja``, ``ko`` or ``zh`` when the reference's title is in that language's script (a
    Japanese title in an English lecture too), else None (cited the Western way)."""
    title = reference.title
    if not title or max(title) < "\u1100":
        return None
    base = document_language.split("-")[0].lower()
    if base in CJK_LANGUAGES:
        return base if part_language(title, "en", base) in CJK_LANGUAGES else None
    own = " ".join(filter(None, (reference.author, title, reference.publisher)))
    language = part_language(title, document_language, han or han_language(own))
    return language if language in CJK_LANGUAGES else None


# how each language brackets a title and joins the pieces of a citation
_BOOK = {"ja": ("『", "』"), "zh": ("《", "》"), "ko": ("『", "』")}
_PART = {"ja": ("「", "」"), "zh": ("“", "”"), "ko": ("「", "」")}
_AFTER_AUTHOR = {"ja": "", "zh": "：", "ko": ", "}
_COMMA = {"ja": "、", "zh": "，", "ko": ", "}
_STOP = {"ja": "。", "zh": "。", "ko": "."}
_YEAR = {"ja": "{}年", "zh": "{}年", "ko": "{}"}


def cjk_cite(reference: Reference, words: Words) -> tuple[Piece, ...]:
    """One entry as Chinese, Japanese or Korean cites it:

    * ja: 福澤諭吉『学問のすゝめ』岩波書店、1942年。 / 著者「論文名」『雑誌名』、1973年。
    * zh: 梁启超：《饮冰室合集》，中华书局，1989年。 / 作者：“篇名”，《期刊》，1973年。
    * ko: 유길준, 『서유견문』, 교순사, 1895. / 저자, 「논문」, 『학술지』, 1973.

    A web page adds its URL and the language's "accessed" words (（2026年11月30日閲覧）。).
    """
    lang = words.base
    comma, stop = _COMMA[lang], _STOP[lang]
    book, part = _BOOK[lang], _PART[lang]
    title = reference.title.strip().rstrip("。.")
    quoted_kind = reference.kind in QUOTED_KINDS
    pieces = [f"{part[0]}{title}{part[1]}" if quoted_kind else f"{book[0]}{title}{book[1]}"]
    after: list[str] = []
    if reference.edition:
        after.append(reference.edition.strip())
    publisher = (reference.publisher or "").strip().rstrip("。.")
    if reference.kind == "article" and publisher:
        pieces.append(f"{book[0]}{publisher}{book[1]}")
        publisher = ""
    if reference.kind == "lecture":
        after.append(words("lecture"))
    if publisher:
        after.append(publisher)
    if reference.year:
        after.append(_YEAR[lang].format(reference.year))
    head = (reference.author.strip() + _AFTER_AUTHOR[lang]) if reference.author else ""
    if lang == "ja":  # a bracketed title is set against what follows, without a comma
        body = head + "".join(pieces) + comma.join(after)
    else:
        body = head + comma.join(pieces + after)
    out = [Piece(body + stop)]
    spaced = lang == "ko"
    if reference.url:
        out.append(Piece(reference.url, "link", attached=not spaced))
    if reference.accessed:
        out.append(Piece(words("accessed", date=words.date(reference.accessed)),
                         attached=not spaced))
    if reference.note:
        out.append(Piece(reference.note, attached=not spaced))
    return tuple(out)
