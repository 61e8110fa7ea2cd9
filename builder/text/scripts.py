"""The language of a passage in another script: Japanese names in an English lecture.

A screen reader picks its voice from the language of the text; 明治 read by an English
voice is silence or noise. The content model has no language markup inside text, so the
language of a CJK or Hangul passage is decided from its script, here, once for both outputs:

* Hangul is Korean; kana (hiragana, katakana, the katakana middle dot) is Japanese;
* Han characters alone (東京, 長崎) take the lecture's Han language: Japanese if the
  lecture writes kana anywhere, Korean if it writes Hangul and no kana, Chinese otherwise.

A lecture whose own language is Japanese, Korean or Chinese needs no parts: its CJK text is
in the document's language. Text in other scripts (Cyrillic, Greek, Arabic) is not guessed:
a Greek letter in a formula is not Greek, and a Latin-script passage cannot be told apart.
"""

from __future__ import annotations

import re

CJK_LANGUAGES = ("ja", "ko", "zh")
DECK_TAGS = {"ja": "ja-JP", "ko": "ko-KR", "zh": "zh-CN", "ar": "ar-SA", "he": "he-IL"}
"""PowerPoint names languages by culture (``lang="ja-JP"``); the PDF's /Lang takes the
BCP 47 language alone."""


# kana, Hangul and Han as character classes: a whole lecture, or each run of a deck, is
# searched in C rather than character by character (it was ~5 % of a warm rebuild, then
# ~10 % of drawing a deck)
_KANA = re.compile("[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7ff\uffa0-\uffdc]")
_HAN = re.compile("[\u2e80-\u2fdf\u3005-\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
                  "\U00020000-\U0003ffff]")


def han_language(text: str) -> str:
    """The language Han characters are read in across ``text`` (a whole lecture)."""
    if not text or max(text) < "\u1100":  # no kana, no Hangul (a lecture in Latin script)
        return "zh"
    if _KANA.search(text):
        return "ja"
    if _HANGUL.search(text):
        return "ko"
    return "zh"


def _rtl_language(text: str) -> str | None:
    """``he`` for Hebrew letters, ``ar`` for Arabic ones (Persian and Urdu share the script
    and cannot be told apart by it: Arabic is the guess), else None."""
    for char in text:
        code = ord(char)
        if 0x0590 <= code <= 0x05FF or 0xFB1D <= code <= 0xFB4F:
            return "he"
        if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x08FF or 0xFB50 <= code <= 0xFEFC:
            return "ar"
    return None


def part_language(text: str, document_language: str, han: str) -> str | None:
    """The language of ``text`` (one run drawn in one font) when it is a CJK, Hangul, Arabic
    or Hebrew passage in a lecture of another language, else None (it reads as the
    document)."""
    if not text:
        return None
    top = max(text)
    if top < "\u0590":  # below Hebrew: Latin, Greek, Cyrillic (most runs)
        return None
    base = document_language.split("-")[0].lower()
    if top < "\u1100" or "\ufb1d" <= top <= "\ufefc":
        rtl = _rtl_language(text)
        return rtl if rtl != base else None
    if base in CJK_LANGUAGES:
        return None
    if _HANGUL.search(text):  # Hangul anywhere: Korean; else kana: Japanese; else Han
        return "ko"
    if _KANA.search(text):
        return "ja"
    return han if _HAN.search(text) else None
