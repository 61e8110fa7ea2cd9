"""Figure text without its emphasis markers, for the places that draw it as plain text.

A source may write ``*italic*`` and ``**bold**`` in any text, figure labels included
(``Chlorophyll *a*``, a species in a timeline). Figure labels are measured, wrapped and
placed as plain strings by both outputs, and a native chart's categories and series
names cannot carry styled runs at all; so every figure is drawn from a copy whose
labels have the markers taken out (the words stay, never an asterisk). Captions and alt
text are the renderers' own, set with their styles as body text is.
"""

from __future__ import annotations

from builder.text.inline import Run, parse_inline, plain


def plain_figure(figure):
    """The figure with markup stripped from every label it draws (idempotent)."""
    return figure.with_labels(plain)


def emphasis(figure) -> dict[str, list[Run]]:
    """Every label of the figure that has emphasis, by its plain text → its styled runs.

    Scenes are laid out from the plain labels (``plain_figure``); a painter that can draw
    styled runs (reportlab strings, PowerPoint text runs) finds a label in a scene's text
    by its plain words and draws it in italic or bold as the source wrote it."""
    labels: list[str] = []

    def collect(label: str) -> str:
        labels.append(label)
        return label

    figure.with_labels(collect)  # the figure's own list of what it draws
    found: dict[str, list[Run]] = {}
    for label in labels:
        runs = parse_inline(label) if label else []
        if any(run.bold or run.italic for run in runs):
            found.setdefault(plain(label), runs)
    return found


def styled_lines(lines: tuple[str, ...], table: dict[str, list[Run]]
                 ) -> list[list[Run]] | None:
    """The text's lines as runs, emphasis where a label of ``table`` stands in them (a label
    may be wrapped over lines, or stand after a date or an arrow); None when none does."""
    if not table:
        return None
    joined = " ".join(lines)
    styles: list[tuple[bool, bool]] = [(False, False)] * len(joined)
    hit = False
    for text, runs in table.items():
        start = joined.find(text)
        while text and start >= 0:
            end = start + len(text)
            if ((start and joined[start - 1].isalnum())
                    or (end < len(joined) and joined[end].isalnum())):
                start = joined.find(text, start + 1)
                continue  # inside a longer word: not this label
            position = start
            for run in runs:
                for _ in run.text:
                    if position < len(joined):
                        styles[position] = (run.bold, run.italic)
                    position += 1
            hit = True
            start = joined.find(text, start + len(text))
    if not hit:
        return None
    result, position = [], 0
    for line in lines:
        runs: list[Run] = []
        for offset, char in enumerate(line):
            bold, italic = styles[position + offset]
            if runs and (runs[-1].bold, runs[-1].italic) == (bold, italic):
                runs[-1] = Run(runs[-1].text + char, bold, italic)
            else:
                runs.append(Run(char, bold, italic))
        result.append(runs)
        position += len(line) + 1
    return result
