"""Japanese and Chinese line breaking in the guide: kinsoku shori where reportlab cuts a run.

A run of East Asian text has no spaces, so reportlab sees it as one word; a word wider than
its line is cut by ``_splitWord`` / ``_splitFragWord`` (``splitLongWords``) wherever the
line is full, between any two characters. That put "。" or a small kana at the start of a
line, an opening bracket at the end of one, and a sentence's last character alone on the
next line ("…と言え" / "り", meiji large-print guide). Those two functions are wrapped here
(once, when the guide package is imported): a cut that breaks a rule is moved earlier by
giving the line it ends a little less room, so its last characters go to the next line
(oidashi), as many as the rule needs:

* no line starts with a closing bracket, 、。，．・：；！？, a small kana, the prolonged
  sound mark ー or an iteration mark (``NO_START``);
* no line ends with an opening bracket (``NO_END``);
* no cut between two Latin letters or digits inside the run ("1942年" stays whole);
* the run's last piece holds at least two characters when the piece before it can spare one;
* a short bracketed term ("（岩波文庫）", up to ``TERM`` characters) is not cut.

Only runs holding East Asian text are touched; a Latin word too wide for its line is cut as
before (``builder.text.hyphenate`` offers its breaks first). The deck's runs are broken by
LibreOffice and PowerPoint, which apply their own kinsoku rules.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import paragraph as _paragraph

NO_START = ("ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿーｰ"
            "、。，．,.・：；:;！？!?‼⁇」』）〕】〉》〙〗｝］)]}’”゛゜ゝゞヽヾ々〻〜～…‥")
NO_END = "「『（〔【〈《〘〖｛［([{‘“"
_EAST_ASIAN = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
_ALNUM = re.compile("[A-Za-z0-9]")
TRIES = 12  # moves per word: a rule needs one or two; a pathological run stops cutting finer


def moved(texts: list[str]) -> tuple[int, int] | None:
    """The first cut of ``texts`` (a word's pieces, one a line) that breaks a rule, as (the
    piece before it, how many of its last characters must go to the next line), or None."""
    for index, (before, after) in enumerate(zip(texts, texts[1:])):
        if not before or not after:
            continue
        last = index == len(texts) - 2
        count = 0
        while count < len(before) - 1:
            head, tail = before[:len(before) - count], before[len(before) - count:] + after
            if _forbidden(head, tail) or (last and _alone(tail) and len(head) > 2
                                          and _EAST_ASIAN.match(head[-1])):
                count += 1
                continue
            break
        if not count:
            count = _term_cut(before, after)
        if count:
            return index, count
    return None


_OPENING, _CLOSING = "「『（〔【〈《(", "」』）〕】〉》)"
TERM = 6  # characters inside brackets that are one term: "（岩波文庫）", "(黒船)"


def _term_cut(before: str, after: str) -> int:
    """How many characters go to the next line so a short bracketed term the cut falls
    inside starts it whole ("…（岩波" / "文庫）" → "…" / "（岩波文庫）"); 0 when none."""
    opening = max(before.rfind(mark) for mark in _OPENING)
    if opening <= 0 or len(before) - opening > TERM + 1 or any(
            mark in before[opening:] for mark in _CLOSING):
        return 0
    closing = min((at for at in (after.find(mark) for mark in _CLOSING) if at >= 0),
                  default=-1)
    if closing < 0 or len(before) - opening - 1 + closing > TERM:
        return 0
    return len(before) - opening


def _forbidden(head: str, tail: str) -> bool:
    """Whether a line may not end with ``head`` and the next start with ``tail``."""
    return (tail[0] in NO_START or head[-1] in NO_END or tail[0] in _BOUND
            or head[-1] in _BOUND or bool(_ALNUM.match(head[-1]) and _ALNUM.match(tail[0])))


_BOUND = "\u00a0\u202f\u2060"  # no-break spaces and the word joiner: the text's own no-breaks


def _alone(piece: str) -> bool:
    """Whether ``piece`` starts with one East Asian character, its closing marks, and then
    other text or nothing ("り –", "り。")."""
    if not _EAST_ASIAN.match(piece) or piece[0] in NO_START:
        return False
    rest = piece[1:].lstrip(NO_START)
    return not rest or not _EAST_ASIAN.match(rest)


def _piece_text(piece: Any) -> str:
    return piece if isinstance(piece, str) else "".join(text for _, text in piece[1:])


def _kept(word_text: str, first: float, widths: list[float], lineno: int,
          call: Callable[[float, list[float]], list],
          tail: Callable[[Any, int], float]) -> list:
    """reportlab's pieces of a word (``call`` with the first line's room and the later
    lines' widths), re-cut with less room on a line wherever a cut breaks a rule."""
    pieces = call(first, widths)
    if not _EAST_ASIAN.search(word_text):
        return pieces
    for _ in range(TRIES):
        found = moved([_piece_text(piece) for piece in pieces])
        if found is None:
            break
        index, count = found
        less = tail(pieces[index], count) + 0.01
        if index == 0:
            first -= less
        else:
            line = lineno + index
            widths = list(widths) + [widths[-1]] * max(0, line - len(widths) + 1)
            widths[line] -= less
        pieces = call(first, widths)
    return pieces


def _split_frag_word(w, maxWidth, maxWidths, lineno):  # noqa: N803 - reportlab's names
    """``_splitFragWord``: ``maxWidth`` is the room left on this line, later lines'
    widths are ``maxWidths[lineno + 1…]``."""
    def call(first: float, widths: list[float]) -> list:
        return _ORIGINAL_FRAG(w, first, widths, lineno)

    def tail(piece, count: int) -> float:
        width = 0.0
        for style, part in reversed(piece[1:]):
            take = part[-count:] if count < len(part) else part
            width += stringWidth(take, style.fontName, style.fontSize)
            count -= len(take)
            if count <= 0:
                break
        return width
    text = "".join(part for _, part in w[1:] if isinstance(part, str))
    return _kept(text, maxWidth, list(maxWidths), lineno, call, tail)


def _split_word(w, lineWidth, maxWidths, lineno, fontName, fontSize,  # noqa: N803
                encoding="utf8"):
    """``_splitWord``: ``lineWidth`` is what this line already holds, its width
    ``maxWidths[lineno]``; less room on the first line is more width already used."""
    text = w.decode(encoding) if isinstance(w, bytes) else w
    start = maxWidths[min(len(maxWidths) - 1, lineno)]

    def call(first: float, widths: list[float]) -> list:
        return _ORIGINAL_WORD(w, lineWidth + (start - first), widths, lineno, fontName,
                              fontSize, encoding)

    def tail(piece: str, count: int) -> float:
        return stringWidth(piece[-count:], fontName, fontSize)
    return _kept(text, start, list(maxWidths), lineno, call, tail)


_ORIGINAL_FRAG = getattr(_paragraph, "_splitFragWord", None)
_ORIGINAL_WORD = getattr(_paragraph, "_splitWord", None)


def install() -> None:
    """Wrap reportlab's long-word splitting (idempotent; a reportlab without the two
    functions keeps its own breaking)."""
    if _ORIGINAL_FRAG is not None and _paragraph._splitFragWord is _ORIGINAL_FRAG:
        _paragraph._splitFragWord = _split_frag_word
    if _ORIGINAL_WORD is not None and _paragraph._splitWord is _ORIGINAL_WORD:
        _paragraph._splitWord = _split_word
