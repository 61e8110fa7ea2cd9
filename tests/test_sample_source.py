"""The bundled sample, sources/korean-war.yaml: valid, complete and faithful to its article.

The article is History.com's "Was the Korean War a victory or defeat?" (the seed text). These
tests pin what the summary must keep from it (quotations verbatim, key numbers, life dates),
what it must drop (web-page debris) and the one correction it must make (China's massive
assaults came in late 1950, not 1951).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from builder.text.inline import plain
from builder.layout import load_layout
from builder.model import (Bullets, Callout, Lecture, MapFigure, Paragraph, Questions,
                           SubBullets, Timeline, TimelineFigure, block_kind)
from builder.resolve.document import resolve
from builder.load.source import load_source

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sources" / "korean-war.yaml"


@pytest.fixture(scope="module")
def source():
    return load_source(SAMPLE)


@pytest.fixture(scope="module")
def lecture(source) -> Lecture:
    return source.lecture


@pytest.fixture(scope="module")
def document(source):
    return resolve(source, load_layout())


def _strings(value) -> list[str]:
    """Every string in a dumped model, depth first."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []


@pytest.fixture(scope="module")
def texts(lecture) -> list[str]:
    return _strings(lecture.model_dump(mode="json"))


@pytest.fixture(scope="module")
def blob(texts) -> str:
    return "\n".join(texts)


def _blocks(lecture: Lecture, kind: type):
    return [block for section in lecture.sections for block in section.blocks
            if isinstance(block, kind)]


def test_first_line_points_at_the_schema():
    first = SAMPLE.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/source.json"


def test_sample_validates_and_cross_checks(lecture):
    assert lecture.title.startswith("The Korean War")
    assert lecture.language == "en"
    assert lecture.essential_question
    assert 4 <= len(lecture.objectives) <= 6
    assert 4 <= len(lecture.takeaways) <= 6
    assert lecture.bibliography


def test_has_enough_sections_with_notes(lecture):
    assert len(lecture.sections) >= 8
    assert all(section.notes for section in lecture.sections)
    assert len({section.key for section in lecture.sections}) == len(lecture.sections)


SAMPLE_BLOCK_KINDS = {"paragraph", "bullets", "key_terms", "people", "timeline", "quote",
                      "statistics", "figure", "table", "callout", "discussion", "questions"}


def test_uses_every_kind_of_block(lecture):
    used = {block_kind(block) for section in lecture.sections for block in section.blocks}
    assert SAMPLE_BLOCK_KINDS <= used, f"unused block kinds: {SAMPLE_BLOCK_KINDS - used}"
    assert any(isinstance(item, SubBullets) for block in _blocks(lecture, Bullets)
               for item in block.bullets), "expected two-level bullets"


def test_timeline_has_at_least_twelve_dated_events(document):
    assert len(document.timeline) >= 12
    dates = [str(event.date) for event in document.timeline]
    for expected in ("1945-08", "1950-04", "1950-06-25", "1950-09-15", "1951-04-11",
                     "1951-07/1953-07-27", "1953-07-27"):
        assert expected in dates
    assert dates == [str(event.date) for event in sorted(document.timeline, key=lambda e: e.date)]


def test_review_questions_mix_short_answer_and_multiple_choice(lecture, document):
    questions = lecture.review_questions
    assert len(questions) >= 10
    multiple = [q for q in questions if q.is_multiple_choice]
    short = [q for q in questions if not q.is_multiple_choice]
    assert multiple and short
    assert all(q.correct_index is not None for q in multiple)
    assert all(q.explanation for q in short[:3])
    assert _blocks(lecture, Questions), "expected a 'Check your understanding' block"
    assert len(document.questions) == len(questions) + sum(
        len(block.questions) for block in _blocks(lecture, Questions))


ARTICLE_QUOTES = [
    pytest.param("If the best minds in the world had set out to find us the worst possible "
                 "location in the world to fight this damnable war", id="acheson-1"),
    pytest.param("the unanimous choice would have been Korea", id="acheson-2"),
    pytest.param("If we let Korea down", id="truman-1"),
    pytest.param("the Soviet[s] will keep right on going and swallow up one [place] after another",
                 id="truman-2"),
    pytest.param("regardless of the intrinsic strategic or economic value of the lands in question",
                 id="nsc-68"),
    pytest.param("“contain”", id="nsc-68-contain"),
    pytest.param("armed aggression against Chinese territory", id="china"),
    pytest.param("no substitute for victory", id="macarthur"),
    pytest.param("“go to Korea.”", id="eisenhower"),
    pytest.param("“limited war.”", id="limited-war"),
    pytest.param("“liberate”", id="liberate"),
    pytest.param("“appeasement,”", id="appeasement"),
    pytest.param("“repatriated.”", id="repatriated"),
    pytest.param("“demilitarized zone”", id="dmz"),
    pytest.param("“the Forgotten War”", id="forgotten-war"),
    pytest.param("“M*A*S*H,”", id="mash"),
]


@pytest.mark.parametrize("quotation", ARTICLE_QUOTES)
def test_every_quotation_from_the_article_is_kept_verbatim(blob, quotation):
    assert quotation in blob


def test_quote_blocks_name_their_speakers(lecture):
    speakers = " ".join(block.quote.speaker for section in lecture.sections
                        for block in section.blocks if hasattr(block, "quote"))
    for name in ("Acheson", "Truman", "MacArthur", "NSC-68", "Chinese"):
        assert name in speakers


def test_mash_stays_literal_under_inline_markup(texts):
    with_mash = [text for text in texts if "M*A*S*H" in text]
    assert with_mash
    assert all("M*A*S*H" in plain(text) for text in with_mash)


def test_text_uses_the_articles_typography(blob):
    assert "Inch’on" in blob
    assert "'" not in blob, "use the article's curly apostrophe ’"
    assert "People’s Republic of China" in blob
    assert "1972–1983" in blob or "from 1972 until 1983" in blob


KEY_NUMBERS = ["75,000", "1,500 square miles", "2-mile", "40,000", "100,000", "5 million",
               "10,000", "30,000", "19 steel statues", "10 percent", "June 25, 1950",
               "July 27, 1953", "April 11", "August 1945", "April 1950", "March 1951",
               "July 1951"]


@pytest.mark.parametrize("number", KEY_NUMBERS)
def test_key_numbers_and_dates_are_present(blob, number):
    assert number in blob


@pytest.mark.parametrize("debris", ["Scroll to Continue", "READ MORE", "Kentucky", "Minnesota",
                                    "How Americans Celebrated the Holidays",
                                    "Most Harrowing Battle"])
def test_web_page_debris_is_gone(blob, debris):
    assert debris.casefold() not in blob.casefold()


PEOPLE = [("Dean Acheson", 1893, 1971), ("Harry S. Truman", 1884, 1972),
          ("Douglas MacArthur", 1880, 1964), ("Syngman Rhee", 1875, 1965),
          ("Kim Il Sung", 1912, 1994), ("Mao Zedong", 1893, 1976),
          ("Dwight D. Eisenhower", 1890, 1969), ("Joseph Martin", None, None)]


@pytest.mark.parametrize(("name", "born", "died"), PEOPLE)
def test_people_have_the_articles_life_dates(document, name, born, died):
    person = next((p for p in document.people if p.name == name), None)
    assert person is not None, f"{name} missing"
    assert (person.born, person.died) == (born, died)
    assert person.role


def _is_chinese_assault(label: str) -> bool:
    label = label.casefold()
    return "chin" in label and ("assault" in label or "attack" in label or "offensive" in label)


def test_chinese_assaults_are_dated_late_1950_not_1951(lecture, document):
    events = list(document.timeline)
    for figure in lecture.figures:
        if isinstance(figure, TimelineFigure):
            events += figure.events
    assaults = [event for event in events if _is_chinese_assault(event.label)]
    assert assaults, "the Chinese assaults should be on the timeline"
    for event in assaults:
        assert event.date.start.year == 1950
        assert event.date.end is None or event.date.end.year == 1950


def test_the_correction_is_explained_in_a_callout(lecture):
    corrections = [block.callout for block in _blocks(lecture, Callout)
                   if "November and December 1951" in block.callout.text]
    assert len(corrections) == 1
    callout = corrections[0]
    assert callout.kind in ("warning", "note")
    assert "1950" in callout.text and "July 1951" in callout.text
    prose = [block.paragraph for block in _blocks(lecture, Paragraph)]
    prose += [str(item) for block in _blocks(lecture, Bullets) for item in block.bullets]
    assert not any("1951" in text and "assault" in text for text in prose)
    assert any("November and December 1950" in text for text in prose)


def test_added_facts_are_flagged_in_notes(lecture):
    inchon = [block for block in _blocks(lecture, Timeline)
              if any(str(event.date) == "1950-09-15" for event in block.timeline)]
    assert inchon and "not in the article" in (inchon[0].notes or "")
    notes = " ".join(_strings(lecture.model_dump(mode="json")))
    assert "Eisenhower’s life dates (1890–1969) are not in the article" in notes


def test_figures_are_complete_and_each_used_once(lecture):
    used = [block.figure for section in lecture.sections for block in section.blocks
            if hasattr(block, "figure") and isinstance(block.figure, str)]
    ids = [figure.id for figure in lecture.figures]
    assert sorted(used) == sorted(ids)
    assert {figure.kind for figure in lecture.figures} >= {"bar", "timeline", "map"}
    for figure in lecture.figures:
        assert len(figure.alt) > 80, f"{figure.id}: alt text should describe the figure"
        assert figure.credit


def test_casualty_chart_is_honest_about_approximations(lecture):
    chart = next(figure for figure in lecture.figures if figure.kind == "bar")
    assert "approximate" in (chart.caption + (chart.credit or "")).casefold()
    values = dict(zip(chart.categories, chart.series[0].values))
    assert values["Americans died in action (almost 40,000)"] == 40000
    assert values["Americans wounded (more than 100,000)"] == 100000


def _outline_rings() -> dict[str, list[tuple[float, float]]]:
    data = json.loads((SAMPLE.parent / "data" / "korea-1-110m.geojson").read_text("utf-8"))
    return {feature["properties"]["name"]: [tuple(point) for point in
                                            feature["geometry"]["coordinates"][0]]
            for feature in data["features"]}


def test_map_armistice_line_is_the_shared_border_west_to_east(lecture):
    korea_map = next(figure for figure in lecture.figures if isinstance(figure, MapFigure))
    rings = _outline_rings()
    shared = set(rings["North Korea"]) & set(rings["South Korea"])
    line = next(line for line in korea_map.lines if "Armistice" in (line.label or ""))
    assert set(line.coordinates) == shared
    longitudes = [lon for lon, _ in line.coordinates]
    assert longitudes == sorted(longitudes)
    parallel = next(line for line in korea_map.lines if "38th" in (line.label or ""))
    assert parallel.style == "dashed"
    assert {lat for _, lat in parallel.coordinates} == {38.0}


def test_map_shows_the_places_the_article_names(lecture):
    korea_map = next(figure for figure in lecture.figures if isinstance(figure, MapFigure))
    labels = {point.label for point in korea_map.points}
    assert {"Seoul", "Pyongyang", "Inch’on", "Pusan", "Panmunjom"} <= labels
    assert any("Yalu" in (line.label or "") for line in korea_map.lines)
    positions = {point.label: point.position for point in korea_map.points}
    assert (positions["Inch’on"], positions["Seoul"]) == ("left", "right")
    west, south, east, north = korea_map.bounds
    for ring in _outline_rings().values():
        assert all(west <= lon <= east and south <= lat <= north for lon, lat in ring)


def test_outline_data_has_its_attribution():
    readme = (SAMPLE.parent / "data" / "README.md").read_text(encoding="utf-8")
    assert "Natural Earth" in readme and "public domain" in readme
    assert "world.geo.json" in readme
