"""``course-builder check``: prove the guide and the deck of a lecture say the same thing.

The files themselves are opened (``builder.check.readback``), never trusted through the manifest:
the same sections in the same order (the guide's headings and outline against the deck's
section slides), every figure in both with the same number and caption, and everything the
manifest promises present where it says. Each lecture is compared three ways (manifest,
guide, deck) row by row, so one deleted slide reads as one sentence rather than a cascade.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

from builder.check.lectures import OUTPUT_SUFFIXES, CheckSummary, Lecture, find_lectures
from builder.check.manifest import load_manifest
from builder.check.readback import (
    DeckFigure,
    DeckSection,
    PdfFigure,
    PdfSection,
    deck_figures,
    deck_sections,
    lines_starting_with,
    normalize_text,
    open_deck,
    open_pdf,
    pdf_figures,
    pdf_page_text,
    pdf_sections,
    text_on_page,
)
from builder.errors import CheckError

_LABEL = re.compile(r"^(.*?\d+)\.(\s|$)")


@dataclass


class _Guide:
    path: Path
    sections: list[PdfSection]
    figures: list[PdfFigure]
    reader: Any


@dataclass


class _Deck:
    path: Path
    sections: list[DeckSection]
    figures: list[DeckFigure]


@dataclass


class _Report:
    """Mismatch lines for one lecture, each prefixed with the lecture it is about."""

    label: str
    lines: list[str] = field(default_factory=list)

    def add(self, message: str) -> None:
        self.lines.append(f"{self.label}: {message}")


# --------------------------------------------------------------------------- finding the files


# --------------------------------------------------------------------------- reading

def _read_guide(path: Path, report: _Report, opened: Any = None) -> _Guide | None:
    try:
        reader = open_pdf(opened if opened is not None else path)
        guide = _Guide(path, pdf_sections(reader), pdf_figures(reader), reader)
    except Exception as error:  # noqa: BLE001 - any unreadable file is a mismatch to report
        report.add(f"the guide {path.name} cannot be read ({type(error).__name__}: {error})")
        return None
    if not guide.sections and not guide.figures:
        report.add(f"the guide {path.name} has no named destinations 'section-…' or 'figure-…' "
                   "(the guide renderer must write them)")
        return None
    return guide


def _read_deck(path: Path, report: _Report, opened: Any = None) -> _Deck | None:
    try:
        presentation = open_deck(opened if opened is not None else path)
        deck = _Deck(path, deck_sections(presentation), deck_figures(presentation))
    except Exception as error:  # noqa: BLE001 - any unreadable file is a mismatch to report
        report.add(f"the deck {path.name} cannot be read ({type(error).__name__}: {error})")
        return None
    if not deck.sections and not deck.figures:
        report.add(f"the deck {path.name} has no shapes named 'section-…', 'figure-…' or "
                   "'caption-…' (the deck renderer must name them)")
        return None
    return deck


# --------------------------------------------------------------------------- comparing

def _places(*pairs: tuple[str, bool]) -> str:
    """``"the guide and the manifest"`` from the names whose flag is set."""
    names = [name for name, present in pairs if present]
    return " and ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " and " + names[-1]


def _found_in(expected: list[dict] | None, guide: "_Guide | None", deck: "_Deck | None",
              wanted: dict | None, page: int | None, slide: int | None) -> dict[str, str | None]:
    """Where one section or figure was found, per output that was read (None: missing there)."""
    places: dict[str, str | None] = {}
    if expected is not None:
        places["the manifest"] = "the manifest" if wanted else None
    if guide is not None:
        places["the guide"] = f"the guide (page {page})" if page else None
    if deck is not None:
        places["the deck"] = f"the deck (slide {slide})" if slide else None
    return places


def _presence(report: _Report, name: str, places: dict[str, str | None],
              disturbed: set[str]) -> None:
    """One line when something is in some places but not others.

    ``places`` maps each place that was read (manifest, guide, deck) to where the item is
    there (``"the guide (page 3)"``) or None. An output missing an item is ``disturbed``: its
    later pages or slides moved, so comparing their numbers would only repeat this line.
    """
    absent = [place for place, where in places.items() if where is None]
    if not absent:
        return
    disturbed.update(place for place in absent if place != "the manifest")
    present = [where for where in places.values() if where is not None]
    report.add(f"{name}: in {_places(*[(w, True) for w in present])} but missing from "
               f"{_places(*[(place, True) for place in absent])}")


def _section_name(key: str, *titles: str | None) -> str:
    title = next((t for t in titles if t), None)
    return f"section '{title}' ({key})" if title else f"section '{key}'"


def _order_diff(name_a: str, a: list[str], name_b: str, b: list[str]) -> str:
    """A readable listing of two orders: ``-`` where a has a line, ``+`` where b has it."""
    body = [f"    {line}" for line in difflib.ndiff(a, b) if not line.startswith("?")]
    return (f"sections are in a different order, {name_a} (-) against {name_b} (+):\n"
            + "\n".join(body))


def _compare_sections(report: _Report, expected: list[dict] | None, guide: _Guide | None,
                      deck: _Deck | None, disturbed: set[str]) -> None:
    """Presence, titles, headings and order of the sections in the manifest, guide and deck."""
    in_manifest = {s["id"]: s for s in expected} if expected is not None else {}
    in_guide = {s.key: s for s in guide.sections} if guide else {}
    in_deck = {s.key: s for s in deck.sections} if deck else {}
    for key in dict.fromkeys([*in_manifest, *in_guide, *in_deck]):
        wanted, printed, shown = in_manifest.get(key), in_guide.get(key), in_deck.get(key)
        name = _section_name(key, wanted and wanted["title"], printed and printed.title,
                             shown and shown.title)
        places = _found_in(expected, guide, deck, wanted, printed and printed.page,
                           shown and shown.slide)
        _presence(report, name, places, disturbed)
        if printed and printed.title is None:
            report.add(f"{name}: the guide's heading on page {printed.page} has no outline entry")
        elif printed and not text_on_page(printed.title, pdf_page_text(guide.reader, printed.page)):
            report.add(f"{name}: the heading is not printed on the guide's page {printed.page}")
        titles = [(places[place], title) for place, title in
                  [("the manifest", wanted and wanted["title"]),
                   ("the guide", printed and printed.title), ("the deck", shown and shown.title)]
                  if title]
        distinct = list(dict.fromkeys(normalize_text(t) for _, t in titles))
        if len(distinct) > 1:
            parts = [f"'{value}' in " + _places(*[(where, normalize_text(t) == value)
                                                  for where, t in titles])
                     for value in distinct]
            report.add(f"section '{key}': titled " + " but ".join(parts))
    _compare_order(report, [("the manifest", list(in_manifest), in_manifest),
                            ("the guide", list(in_guide), in_guide),
                            ("the deck", list(in_deck), in_deck)],
                   {"the manifest": expected is not None, "the guide": guide is not None,
                    "the deck": deck is not None}, disturbed)


def _compare_order(report: _Report, lists: list[tuple[str, list[str], dict]],
                   was_read: dict[str, bool], disturbed: set[str]) -> None:
    """Sections the outputs share but in another order, as a listing of both orders."""
    lists = [entry for entry in lists if was_read[entry[0]]]
    if len(lists) < 2:
        return
    reference_name, reference, _ = lists[0]
    for other_name, other, _ in lists[1:]:
        common = set(reference) & set(other)
        if [k for k in reference if k in common] != [k for k in other if k in common]:
            disturbed.add(other_name)
            report.add(_order_diff(reference_name, [_line(k, lists) for k in reference],
                                   other_name, [_line(k, lists) for k in other]))


def _line(key: str, lists: list[tuple[str, list[str], dict]]) -> str:
    for _, _, by_key in lists:
        item = by_key.get(key)
        title = item.get("title") if isinstance(item, dict) else getattr(item, "title", None)
        if title:
            return f"{normalize_text(title)} ({key})"
    return f"({key})"


def _label(caption: str) -> str | None:
    """``Figure 2`` from ``Figure 2. Caption`` (``Fig. 2`` works too)."""
    match = _LABEL.match(caption)
    return match.group(1) if match else None


def _what_page_shows(caption: str, figure: PdfFigure) -> str:
    label = _label(caption)
    shown = lines_starting_with(f"{label}.", figure.page_text) if label else []
    return f" (it shows '{shown[0]}')" if shown else ""


def _compare_figures(report: _Report, expected: list[dict] | None, guide: _Guide | None,
                     deck: _Deck | None, disturbed: set[str]) -> None:
    """Presence, shapes and captions of the figures in the manifest, guide and deck."""
    in_manifest = {f["id"]: f for f in expected} if expected is not None else {}
    in_guide = {f.id: f for f in guide.figures} if guide else {}
    in_deck = {f.id: f for f in deck.figures} if deck else {}
    for figure_id in dict.fromkeys([*in_manifest, *in_guide, *in_deck]):
        wanted = in_manifest.get(figure_id)
        printed, shown = in_guide.get(figure_id), in_deck.get(figure_id)
        name = _figure_name(figure_id, (wanted and wanted["caption"]) or (shown and shown.caption))
        slide = shown and (shown.slide or shown.caption_slide)
        places = _found_in(expected, guide, deck, wanted, printed and printed.page, slide)
        _presence(report, name, places, disturbed)
        if shown and shown.caption is None:
            report.add(f"{name}: the deck has no caption box 'caption-{figure_id}' (slide {slide})")
        if shown and shown.slide is None:
            report.add(f"{name}: the deck has a caption on slide {shown.caption_slide} but no "
                       f"shape 'figure-{figure_id}'")
        _compare_caption(report, name, wanted, printed, shown)


def _figure_name(figure_id: str, caption: str | None) -> str:
    label = _label(caption) if caption else None
    return f"figure '{figure_id}'" + (f" ({label})" if label else "")


def _compare_positions(report: _Report, expected: dict[str, Any], guide: _Guide | None,
                       deck: _Deck | None, disturbed: set[str]) -> None:
    """Pages and slides recorded in the manifest, for outputs whose structure is intact."""
    # sections and figures are keyed apart: a section may share its key with a figure's id
    pages = {**{("section", s.key): s.page for s in guide.sections},
             **{("figure", f.id): f.page for f in guide.figures}} \
        if guide and "the guide" not in disturbed else {}
    slides = {**{("section", s.key): s.slide for s in deck.sections},
              **{("figure", f.id): f.slide or f.caption_slide for f in deck.figures}} \
        if deck and "the deck" not in disturbed else {}
    rows = [(_section_name(row["id"], row["title"]), "section", row) for row in expected["sections"]]
    rows += [(_figure_name(row["id"], row["caption"]), "figure", row) for row in expected["figures"]]
    for name, kind, row in rows:
        page, slide = pages.get((kind, row["id"])), slides.get((kind, row["id"]))
        if page is not None and row.get("pdf_page") is not None and page != row["pdf_page"]:
            report.add(f"{name}: on page {page} of the guide but page {row['pdf_page']} "
                       "in the manifest")
        if slide is not None and row.get("deck_slide") is not None and slide != row["deck_slide"]:
            report.add(f"{name}: on slide {slide} of the deck but slide {row['deck_slide']} "
                       "in the manifest")


def _compare_caption(report: _Report, name: str, wanted: dict | None, printed: PdfFigure | None,
                     shown: DeckFigure | None) -> None:
    """The manifest's caption (or, without one, the deck's) must be in the deck and on the page."""
    deck_caption = normalize_text(shown.caption) if shown and shown.caption is not None else None
    reference = normalize_text(wanted["caption"]) if wanted else deck_caption
    if reference is None:
        return
    deck_differs = deck_caption is not None and deck_caption != reference
    guide_lacks = printed is not None and not printed.shows(reference)
    page = f"the guide's page {printed.page}" if printed else ""
    slide = f"slide {shown.caption_slide}" if shown else ""
    if deck_differs and guide_lacks:
        report.add(f"{name}: caption '{reference}' in the manifest is neither on {page}"
                   f"{_what_page_shows(reference, printed)} nor in the deck ({slide}: "
                   f"'{deck_caption}')")
    elif deck_differs:
        report.add(f"{name}: caption '{deck_caption}' in the deck ({slide}) but '{reference}' "
                   f"in the guide (page {printed.page}) and the manifest" if printed else
                   f"{name}: caption '{deck_caption}' in the deck ({slide}) but '{reference}' "
                   "in the manifest")
    elif guide_lacks:
        others = "the deck and the manifest" if wanted and deck_caption else (
            "the manifest" if wanted else "the deck")
        report.add(f"{name}: caption '{reference}' in {others} is not printed on {page}"
                   f"{_what_page_shows(reference, printed)}")


# --------------------------------------------------------------------------- one lecture

def check_lecture(lecture: Lecture, formats: Sequence[str] | None = None,
                  opened: dict[str, Any] | None = None) -> tuple[CheckSummary, list[str]]:
    """Compare one lecture's manifest, guide and deck; return the summary and the mismatches.

    ``formats`` limits which outputs are read (a single-format build checks only what it
    wrote); by default every output the manifest lists or that exists beside it is read, so
    a stale file left by an earlier build is caught. ``opened`` holds files the manifest
    just read back from disk (format → reader), reused rather than parsed again.
    """
    opened = opened or {}
    report = _Report(lecture.label)
    expected: dict[str, Any] | None = None
    if lecture.manifest.exists():
        try:
            expected = load_manifest(lecture.manifest)
        except ValueError as error:
            report.add(f"the manifest {lecture.manifest.name} is unusable: {error}")
    else:
        report.add(f"the manifest {lecture.manifest.name} is missing (build again)")

    listed = set(expected.get("outputs", {})) if expected else set(OUTPUT_SUFFIXES)
    wanted_formats = set(formats) if formats is not None else listed | set(lecture.named) | {
        fmt for fmt in OUTPUT_SUFFIXES if lecture.output(fmt).exists()}
    noun = {"pdf": "the guide", "pptx": "the deck"}
    readers = {"pdf": _read_guide, "pptx": _read_deck}
    read: dict[str, Any] = {}
    for fmt in OUTPUT_SUFFIXES:
        if fmt not in wanted_formats:
            continue
        path = lecture.output(fmt)
        if not path.exists():
            report.add(f"{noun[fmt]} {path.name} is missing")
            continue
        read[fmt] = readers[fmt](path, report, opened.get(fmt))

    guide, deck = read.get("pdf"), read.get("pptx")
    sections = expected["sections"] if expected else None
    figures = expected["figures"] if expected else None
    if guide is not None or deck is not None:
        disturbed: set[str] = set()
        _compare_sections(report, sections, guide, deck, disturbed)
        _compare_figures(report, figures, guide, deck, disturbed)
        if expected is not None:
            _compare_positions(report, expected, guide, deck, disturbed)
    seen = guide or deck
    summary = CheckSummary(
        lecture.label,
        len(sections) if sections is not None else len(seen.sections) if seen else 0,
        len(figures) if figures is not None else len(seen.figures) if seen else 0,
        tuple(fmt for fmt in OUTPUT_SUFFIXES if read.get(fmt) is not None))
    return summary, report.lines


def check_paths(paths: Iterable[Path]) -> int:
    """Check every lecture the paths name; print one line per match, raise on any mismatch."""
    mismatches: list[str] = []
    summaries: list[CheckSummary] = []
    for lecture in find_lectures(paths):
        summary, lines = check_lecture(lecture)
        mismatches += lines
        if not lines:
            summaries.append(summary)
    for summary in summaries:
        print(f"{summary.lecture}: {summary.line()}")
    if mismatches:
        raise CheckError(mismatches)
    return 0


def check_build(outputs: dict[str, Path], stem: str,
                opened: dict[str, Any] | None = None) -> CheckSummary:
    """Check what one build wrote (only the formats it wrote); raise CheckError on a mismatch.

    Takes the written paths rather than the pipeline's result type, so that ``check`` sits
    below the pipeline and never imports it.
    """
    if not outputs:
        raise ValueError("nothing was built to check")
    folder = next(iter(outputs.values())).parent
    summary, lines = check_lecture(Lecture(folder, stem), formats=tuple(outputs), opened=opened)
    if lines:
        raise CheckError(lines)
    return summary
