"""Country names in the lecture's language: a Spanish lecture's map may name Perú and Brasil,
a Japanese one ブラジル, beside the English names and ISO codes; a misspelling still hears a
'did you mean' at its line and column, in the lecture's language."""

from __future__ import annotations

import json

import pytest

from builder import atlas
from builder.cli import main
from tests.conftest import ROOT

SOURCE = """\
title: Independencia
date: 2026-01-15
language: {language}
instructor: T
essential_question: ¿Dónde?
objectives: [Leer un mapa]
takeaways: [Mapas]
sections:
  - title: América del Sur
    blocks:
      - figure: m
figures:
  - id: m
    kind: map
    caption: América del Sur
    alt: Un mapa.
    countries: {countries}
    points:
      - {{label: Lima, lon: -77.03, lat: -12.05}}
review_questions:
  - question: ¿Dónde?
    answer: Allí.
bibliography:
  - title: Una fuente
    author: Un autor
    url: https://example.org/
    accessed: 2026-01-10
"""


@pytest.mark.parametrize("name,key", [
    ("Brasil", "076"), ("Perú", "604"), ("Pérou", "604"), ("Brasilien", "076"),
    ("ブラジル", "076"), ("브라질", "076"), ("巴西", "076"), ("Estados Unidos", "840"),
    ("Alemania", "276"), ("Corée du Sud", "410"), ("Brazil", "076"), ("BR", "076"),
    ("BRA", "076"), ("076", "076"),
])
def test_a_country_is_found_in_every_lecture_language(name: str, key: str) -> None:
    assert atlas.lookup(name) == key


def test_an_english_name_keeps_its_english_meaning() -> None:
    assert atlas.lookup("Congo") == atlas.lookup("COG")
    assert atlas.lookup("Georgia") == atlas.lookup("GE")


def test_the_hint_speaks_the_lectures_language() -> None:
    assert atlas.suggestion("Brasill", "es") == "Brasil"
    assert atlas.suggestion("Brazill", "en") == "Brazil"
    assert atlas.suggestion("Allemagne", "en") is None or atlas.lookup("Allemagne") == "276"
    assert atlas.suggestion("Frnace") == "France"


@pytest.mark.parametrize("language,countries", [
    ("es", "[Perú, Brasil, Chile, Argentina]"),
    ("fr", "[Pérou, Brésil, Chili]"),
    ("ja", "[ペルー, ブラジル, チリ]"),
    ("es", "[PE, BRA, Chile]"),
])
def test_lecture_language_names_validate(write_source, capsys, language, countries) -> None:
    path = write_source(SOURCE.format(language=language, countries=countries))
    assert main(["validate", str(path)]) == 0, capsys.readouterr().err


def test_a_misspelt_spanish_name_is_reported_at_its_line(write_source, capsys) -> None:
    path = write_source(SOURCE.format(language="es", countries="[Perú, Brasill]"))
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:17:" in err and "'Brasill'" in err and "did you mean 'Brasil'?" in err, err


def test_a_spanish_map_builds_with_its_names_shaded(write_source, tmp_path, capsys) -> None:
    path = write_source(SOURCE.format(language="es", countries="[Perú, Brasil]"))
    assert main(["build", str(path), "--out", str(tmp_path / "out"), "--root",
                 str(tmp_path)]) == 0, capsys.readouterr().err
    from builder.charts.mapframe import map_geography, region
    from builder.load.source import load_source

    figure = load_source(path).lecture.figures[0]
    west, south, east, north = region(figure)
    assert west < -73 and east > -35 and south < -33 and north > 5  # Peru and Brazil
    assert map_geography(figure, 470, 380, page=True).shaded


def test_the_vendored_names_carry_their_licence() -> None:
    data = ROOT / "builder" / "atlas" / "data"
    document = json.loads((data / "names.json").read_text(encoding="utf-8"))
    assert document["languages"] == ["en", "fr", "de", "es", "ja", "ko", "zh"]
    assert "MIT" in (data / "LICENSE-i18n-iso-countries.txt").read_text(encoding="utf-8")
    assert "i18n-iso-countries" in (data / "NOTICE.txt").read_text(encoding="utf-8")
