"""Property tests: whole sources generated from the model never crash the builder.

Hypothesis writes lectures block by block and figure by figure, mostly well formed and now
and then hostile (NaN, huge numbers, control characters, unknown keys, wrong types, long
text). Whatever it writes, ``validate`` and ``build`` answer exit 0 or exit 2 with clean
lines, never exit 3; a build that succeeds wrote a PDF and a deck that open and passed the
read-back check (a failed check would be exit 1).

Every built example is also validated, and the two must agree (validate finds everything build
rejects as input, and nothing else): the same exit status, and for a refusal the same lines.

Examples: the ``ci`` profile (the default) runs 200 sources through ``validate`` and a tenth
of that through full builds; ``--hypothesis-profile thorough`` runs 2,000 through each (its
builds make the guide or the deck, drawn per example, to finish within the hour). With
``PROPERTY_LOG=file`` each build's outcome is appended to ``file`` (to count them).
"""

from __future__ import annotations

import io
import os
import re
import string
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from builder.cli import main

NOISE = re.compile(r"Traceback|<class |invalid literal|internal error|could not convert")
LINE = re.compile(r"^(\S.*:\d+:\d+: \S.*|course-builder: error: \S.*)$")

# --- text --------------------------------------------------------------------------------------
WORDS = st.sampled_from(["war", "cell", "Hypothesis", "**bold**", "*italic*", "H₂O", "Straße",
                         "Ελλάδα", "café", "1,000", "50%", "—", "“quoted”", "x²", "naïve", "Ω",
                         "state: of", "a", "very-long-compound-word-without-any-break", "&", "<b>"])
PLAIN = st.lists(WORDS, min_size=1, max_size=12).map(" ".join)
HOSTILE_TEXT = st.one_of(
    st.text(alphabet=string.printable, min_size=0, max_size=30),
    st.sampled_from(["", " ", "\x07bell", "nul\x00", "\ud800", "x" * 600, "#", "- item", "[a]"]),
)


# One decision per example, shared by every draw in it: a clean source (about three in five)
# never draws from a ``bad`` strategy, so it builds and the render path is exercised; a hostile
# one draws bad values now and then. Without it, the thirty-odd chances of a bad value in one
# source made almost every example a refusal (197 of 200).
HOSTILE = st.shared(st.integers(0, 4).map(lambda n: n >= 3), key="hostile source")


def rarely(good, bad, one_in: int = 40):
    """In a hostile source, one draw in ``one_in`` from ``bad``; in a clean one, ``good``."""
    return HOSTILE.flatmap(lambda hostile: st.integers(1, one_in).flatmap(
        lambda n: bad if n == 1 else good) if hostile else good)


def clean_or(good, hostile_too):
    """``good`` in a clean source; ``good`` or ``hostile_too`` in a hostile one."""
    return HOSTILE.flatmap(lambda hostile: st.one_of(good, hostile_too) if hostile else good)


TEXT = rarely(PLAIN, HOSTILE_TEXT)
NUMBER = rarely(st.one_of(st.integers(-1000, 100_000), st.floats(-1e6, 1e6, allow_nan=False)),
                st.sampled_from([float("nan"), float("inf"), -float("inf"), 1e308, 10 ** 20,
                                 "12", "n/a", True, None]), one_in=8)
GOOD_NUMBER = st.integers(0, 10_000)
YEAR = rarely(st.one_of(st.integers(1800, 2030).map(str),
                        st.sampled_from(["1950-06", "1950-06-25", "1962-10-27 14:00", "300 BCE",
                                         "1951-07/1953-07"])),
              st.sampled_from(["0000", "1950-13", "yesterday", 1950]), one_in=10)


def maybe(strategy, chance_of_none: float = 0.5):
    return st.one_of(st.none(), strategy) if chance_of_none else strategy


# --- blocks ------------------------------------------------------------------------------------
BULLET = st.one_of(TEXT, st.fixed_dictionaries({"text": TEXT, "items": st.lists(TEXT, min_size=1,
                                                                                max_size=3)}))
QUESTION = st.one_of(
    st.fixed_dictionaries({"question": TEXT, "answer": TEXT}),
    st.fixed_dictionaries({"question": TEXT, "choices": st.lists(PLAIN, min_size=2, max_size=4),
                           "answer": clean_or(st.sampled_from(["A", "B"]),
                                              st.sampled_from(["C", "Z"]))}),
)


@st.composite
def table(draw) -> dict:
    width = draw(st.integers(1, 4))
    rows = draw(st.lists(st.lists(PLAIN, min_size=width, max_size=width), min_size=1, max_size=4))
    if draw(HOSTILE) and draw(st.booleans()) and draw(st.booleans()):
        rows[0] = rows[0] + ["extra cell"]  # now and then a row wider than the header
    return {"header": draw(st.lists(PLAIN, min_size=width, max_size=width)), "rows": rows}


GOOD_BLOCK = st.one_of(
    st.builds(lambda t: {"paragraph": t}, TEXT),
    st.builds(lambda b: {"bullets": b}, st.lists(BULLET, min_size=1, max_size=4)),
    st.builds(lambda terms: {"key_terms": terms}, st.lists(
        st.fixed_dictionaries({"term": PLAIN, "definition": TEXT}), min_size=1, max_size=3)),
    st.builds(lambda people: {"people": people}, st.lists(st.fixed_dictionaries(
        {"name": PLAIN, "role": TEXT}, optional={"born": st.integers(-500, 2100),
                                                 "died": st.integers(-500, 2100)}),
        min_size=1, max_size=3)),
    st.builds(lambda q: {"quote": q}, st.fixed_dictionaries({"text": TEXT, "speaker": PLAIN},
                                                            optional={"date": YEAR})),
    st.builds(lambda s: {"statistics": s}, st.lists(st.fixed_dictionaries(
        {"value": st.one_of(PLAIN, GOOD_NUMBER), "label": TEXT}), min_size=1, max_size=4)),
    st.builds(lambda c: {"callout": c}, st.fixed_dictionaries(
        {"text": TEXT}, optional={"kind": clean_or(st.sampled_from(["note", "tip", "warning"]),
                                                  st.just("alarm")),
                                  "title": PLAIN})),
    st.builds(lambda d: {"discussion": d}, TEXT),
    st.builds(lambda q: {"questions": q}, st.lists(QUESTION, min_size=1, max_size=3)),
    st.builds(lambda t: {"table": t}, table()),
    st.builds(lambda events: {"timeline": events}, st.lists(
        st.fixed_dictionaries({"date": YEAR, "label": PLAIN}), min_size=1, max_size=4)),
)
BLOCK = rarely(GOOD_BLOCK, st.sampled_from([
    {"paragraf": "typo"}, {"paragraph": ["a", "list"]}, {}, "bare text",
    {"paragraph": "two kinds", "bullets": ["x"]}]), one_in=30)


# --- figures -----------------------------------------------------------------------------------
@st.composite
def category_chart(draw, kind: str) -> dict:
    count = draw(st.integers(1, 5))
    values = clean_or(st.lists(GOOD_NUMBER, min_size=count, max_size=count),
                      st.lists(NUMBER, min_size=count, max_size=count))
    figure = {"kind": kind, "categories": draw(st.lists(PLAIN, min_size=count, max_size=count)),
              "series": draw(st.lists(st.fixed_dictionaries({"name": PLAIN, "values": values}),
                                      min_size=1, max_size=3))}
    if draw(st.booleans()):
        figure["number_format"] = draw(clean_or(
            st.sampled_from(["#,##0", "0.0%", '#,##0,"k"', "0.00", "$#,##0;($#,##0)"]),
            st.sampled_from(["0.0.0", "[<0]0"])))
    if kind == "bar" and draw(st.booleans()):
        figure["orientation"] = "horizontal"
        figure["stacked"] = draw(st.booleans())
    return figure


@st.composite
def pie(draw) -> dict:
    count = draw(st.integers(1, 5))
    return {"kind": draw(st.sampled_from(["pie", "donut"])),
            "categories": draw(st.lists(PLAIN, min_size=count, max_size=count)),
            "values": draw(clean_or(st.lists(st.integers(1, 500), min_size=count, max_size=count),
                                    st.lists(NUMBER, min_size=count, max_size=count)))}


@st.composite
def timeline_figure(draw) -> dict:
    events = draw(st.lists(st.fixed_dictionaries({"date": YEAR, "label": PLAIN}),
                           min_size=2, max_size=6))
    figure = {"kind": "timeline", "events": events}
    if draw(st.integers(0, 4)) == 0:
        figure["start"] = draw(clean_or(st.sampled_from([1800, "1900", "500 BCE"]),
                                        st.just(-10 ** 9)))
    return figure


@st.composite
def map_figure(draw) -> dict:
    west = draw(st.integers(-170, 150))
    south = draw(st.integers(-80, 60))
    east, north = west + draw(st.integers(2, 25)), south + draw(st.integers(2, 20))
    inside_lon = st.floats(west, east, allow_nan=False)
    inside_lat = st.floats(south, north, allow_nan=False)
    point = st.fixed_dictionaries({"label": PLAIN, "lon": rarely(inside_lon, NUMBER, 8),
                                   "lat": inside_lat})
    line = st.fixed_dictionaries({"coordinates": st.lists(st.tuples(inside_lon, inside_lat).map(list),
                                                          min_size=2, max_size=5)},
                                 optional={"width": rarely(st.floats(0.5, 4), NUMBER, 8),
                                           "style": st.sampled_from(["solid", "dashed"])})
    return {"kind": "map", "bounds": [west, south, min(east, 180), min(north, 85)],
            "points": draw(st.lists(point, max_size=5)), "lines": draw(st.lists(line, max_size=2))}


FIGURE_BODY = rarely(st.one_of(category_chart("bar"), category_chart("line"), pie(),
                               timeline_figure(), table().map(lambda t: {"kind": "table", **t}),
                               map_figure()),
                     st.sampled_from([{"kind": "image", "path": "../outside.png"},
                                      {"kind": "histogram"}]), one_in=15)


@st.composite
def lecture(draw) -> dict:
    figures = draw(st.lists(FIGURE_BODY, max_size=2))
    declared = [{"id": f"fig-{index}", "caption": draw(PLAIN), "alt": draw(PLAIN), **body}
                for index, body in enumerate(figures)]
    sections = []
    for index in range(draw(st.integers(1, 3))):
        blocks = draw(st.lists(BLOCK, min_size=1, max_size=3))
        sections.append({"title": draw(TEXT), "blocks": blocks})
    for index, _ in enumerate(declared):
        sections[index % len(sections)]["blocks"].append({"figure": f"fig-{index}"})
    source = {"title": draw(TEXT), "sections": sections}
    if declared:
        source["figures"] = declared
    if draw(HOSTILE):  # any key (one misspelt) with a value of any of the types
        extra = draw(st.dictionaries(
            st.sampled_from(["subtitle", "instructor", "objectives", "takeaways", "date",
                             "colour"]),
            st.one_of(PLAIN, st.lists(PLAIN, min_size=1, max_size=3), YEAR), max_size=3))
    else:
        extra = draw(st.fixed_dictionaries({}, optional={
            "subtitle": PLAIN, "instructor": PLAIN, "date": YEAR,
            "objectives": st.lists(PLAIN, min_size=1, max_size=3),
            "takeaways": st.lists(PLAIN, min_size=1, max_size=3)}))
    source.update(extra)
    return source


def _dump(source: dict) -> str:
    """The source as a teacher might have typed it (block style, Unicode as is)."""
    stream = io.StringIO()
    yaml.safe_dump(source, stream, allow_unicode=True, sort_keys=False, width=100)
    return stream.getvalue()


def _lines(error: str) -> list[str]:
    return [line for line in error.splitlines() if line.strip()]


def _clean(error: str) -> None:
    lines = [line for line in error.splitlines() if line.strip()]
    for line in lines:
        assert LINE.match(line) and not NOISE.search(line), line


SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                       HealthCheck.data_too_large,
                                                       HealthCheck.function_scoped_fixture])
VALIDATE_EXAMPLES = settings.default.max_examples
# thorough (2,000) builds every example; ci builds a tenth (20), a build being ~50 validates
BUILD_EXAMPLES = (VALIDATE_EXAMPLES if VALIDATE_EXAMPLES >= 2000
                  else max(10, VALIDATE_EXAMPLES // 10))


def _log(outcome: str) -> None:
    log = os.environ.get("PROPERTY_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as stream:
            stream.write(outcome + "\n")


@settings(max_examples=VALIDATE_EXAMPLES, **SETTINGS)
@given(source=lecture())
def test_any_generated_source_is_valid_or_refused_cleanly(source: dict, tmp_path: Path,
                                                          capsys) -> None:
    path = tmp_path / "generated.yaml"
    path.write_text(_dump(source), encoding="utf-8")
    status = main(["validate", str(path)])
    _clean(capsys.readouterr().err)
    event(f"validate exit {status}")
    assert status in (0, 2)


# Both outputs per build in ci; the thorough profile's 2,000 builds make one output each, the
# guide or the deck as Hypothesis draws it (still read back and checked against the
# manifest): on a shared two-core machine the full pair would not finish in an hour.
FORMATS = (st.sampled_from(["pdf", "pptx"]) if BUILD_EXAMPLES >= 2000 else st.just("pdf,pptx"))


@settings(max_examples=BUILD_EXAMPLES, **SETTINGS)
@given(source=lecture(), formats=FORMATS)
def test_any_generated_source_builds_or_is_refused_cleanly(source: dict, formats: str,
                                                           tmp_path: Path, capsys) -> None:
    from pptx import Presentation
    from pypdf import PdfReader

    folder = Path(tempfile.mkdtemp(dir=tmp_path))  # Hypothesis may replay an example
    path = folder / "generated.yaml"
    path.write_text(_dump(source), encoding="utf-8")
    out = folder / "out"
    # -j 1: both outputs in this process (no fork per example; the outputs are the same)
    status = main(["build", str(path), "--out", str(out), "-j", "1", "--format", formats])
    captured = capsys.readouterr()
    _clean(captured.err)
    event(f"build exit {status}")
    _log(f"build {formats} {status}" if status in (0, 2) else f"build FAILED {status}")
    assert status in (0, 2), captured.err
    v_status = main(["validate", str(path)])
    v_err = capsys.readouterr().err
    assert v_status == status, f"validate {v_status}, build {status}: {captured.err}{v_err}"
    if status == 2:
        assert _lines(v_err) == _lines(captured.err)
    if status == 0:
        assert "checked:" in captured.out  # the read-back check ran and passed
        if "pdf" in formats:
            assert len(PdfReader(out / "generated.pdf").pages) >= 1
        if "pptx" in formats:
            assert len(Presentation(str(out / "generated.pptx")).slides) >= 1
    else:
        assert not out.exists() or not any(out.iterdir()), "a refused build wrote something"
