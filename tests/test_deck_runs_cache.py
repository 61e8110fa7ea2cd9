"""Deck text runs are typeset once per text and language (builder/deck/fit.py ``runs``):
a remembered run must be what typesetting gives in the language being set now."""

from __future__ import annotations

from builder.deck import fit
from builder.text.inline import Run
from builder.text.typography import for_deck, speaking


def test_runs_follow_the_language_being_set() -> None:
    text = 'He said "*non*" -- 1950-53'
    seen = {}
    for language in ("en", "fr", "de", "en", "fr"):
        with speaking(language):
            got = fit.runs(text)
            assert "".join(run.text for run in got) == for_deck(text.replace("*", ""))
            assert fit.plain_runs(text) == (Run(for_deck(text)),)
        seen.setdefault(language, got)
        assert seen[language] == got
    assert seen["en"] != seen["fr"] != seen["de"]
