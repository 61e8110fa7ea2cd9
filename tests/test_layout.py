"""Layouts merge over the packaged default along ``extends:`` chains; paths become absolute."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from builder.load.files import project_root_set

from builder.layout import DEFAULT_LAYOUT, load_layout, read_layout
from builder.layout.merge import deep_merge
from builder.layout.values import Color
from builder.load.yamlfile import load_yaml
from tests.conftest import ROOT

LAYOUTS = ROOT / "layouts"
SHIPPED = ("default", "history-101", "large-print")


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


@pytest.mark.parametrize("base, override, merged", [
    ({"a": 1, "b": {"c": 2, "d": 3}}, {"b": {"d": 4}}, {"a": 1, "b": {"c": 2, "d": 4}}),
    ({"chart": [1, 2, 3]}, {"chart": [9]}, {"chart": [9]}),
    ({"a": {"b": 1}}, {"a": "scalar"}, {"a": "scalar"}),
    ({"a": 1}, {"new": {"x": 1}}, {"a": 1, "new": {"x": 1}}),
])
def test_deep_merge_merges_mappings_and_replaces_lists(base, override, merged) -> None:
    assert deep_merge(base, override) == merged


def test_a_mapping_merges_key_by_key_over_the_default(tmp_path: Path) -> None:
    layout = load_layout(write(tmp_path, "narrow.yaml", """
        guide:
          margins: {left: 1in}
    """))
    default = load_layout()
    assert layout.guide.margins.left == 72
    assert layout.guide.margins.right == default.guide.margins.right
    assert layout.guide.sizes == default.guide.sizes
    assert layout.palette == default.palette


def test_a_list_replaces_the_parents_list(tmp_path: Path) -> None:
    layout = load_layout(write(tmp_path, "three.yaml", """
        palette:
          chart: ["#1F3A5F", "#B00020", "#006B3C"]
        deck:
          parts: [title, sections]
    """))
    assert layout.palette.chart == ("1F3A5F", "B00020", "006B3C")
    assert layout.deck.parts == ("title", "sections")


def test_a_chain_merges_most_general_first(tmp_path: Path) -> None:
    write(tmp_path, "base.yaml", """
        description: the base
        figure_word: Fig.
        guide: {page_size: Letter, sizes: {body: 12}}
    """)
    write(tmp_path, "middle.yaml", """
        extends: base
        guide: {sizes: {body: 13}}
    """)
    leaf = write(tmp_path, "leaf.yaml", """
        extends: middle
        deck: {size: "4:3"}
    """)
    layout = load_layout(leaf)
    assert layout.guide.page_size == "Letter"
    assert layout.guide.sizes.body == 13
    assert layout.figure_word == "Fig."
    assert layout.deck.size == "4:3"
    assert layout.name == "leaf"  # a name is never inherited
    assert layout.description == "the base"
    assert [path.name for path in layout.chain] == ["layout.yaml", "base.yaml", "middle.yaml",
                                                    "leaf.yaml"]
    assert layout.file == leaf.resolve()


@pytest.mark.parametrize("extends", ["default", None])
def test_extends_default_is_the_packaged_default(tmp_path: Path, extends: str | None) -> None:
    text = f"extends: {extends}\n" if extends else "description: plain\n"
    layout = load_layout(write(tmp_path, "plain.yaml", text))
    assert layout.model_dump(exclude={"name", "description", "extends"}) == \
        load_layout().model_dump(exclude={"name", "description", "extends"})
    assert layout.chain == (DEFAULT_LAYOUT, (tmp_path / "plain.yaml").resolve())


def test_a_local_default_yaml_does_not_shadow_the_packaged_default(tmp_path: Path) -> None:
    layout = load_layout(write(tmp_path, "default.yaml", "extends: default\nfigure_word: Abb.\n"))
    assert layout.figure_word == "Abb."


@pytest.mark.parametrize("extends", ["../shared/base.yaml", "../shared/base"])
def test_paths_resolve_against_the_file_that_declared_them(tmp_path: Path, extends: str) -> None:
    """The parent's logo is found beside the parent, even when the child lives elsewhere."""
    (tmp_path / "shared" / "img").mkdir(parents=True)
    (tmp_path / "shared" / "img" / "logo.png").write_bytes((ROOT / "tests" / "data" / "tiny.png")
                                                           .read_bytes())
    write(tmp_path, "shared/base.yaml", """
        guide: {logo: img/logo.png}
        course: {code: X 1, lectures: [lectures/one.yaml]}
    """)
    write(tmp_path, "shared/lectures/one.yaml", "title: One\n")
    leaf = write(tmp_path, "courses/leaf.yaml", f"extends: {extends}\n")
    with project_root_set(tmp_path):  # ../shared is outside courses/: inside the project root
        layout = load_layout(leaf)
    assert layout.guide.logo == str((tmp_path / "shared" / "img" / "logo.png").resolve())
    assert layout.course.lectures == (str((tmp_path / "shared/lectures/one.yaml").resolve()),)
    assert Path(layout.guide.logo).is_absolute()


def test_bundled_fonts_are_recognised_and_custom_files_resolve(tmp_path: Path) -> None:
    fonts = ROOT / "builder" / "fonts"
    (tmp_path / "fonts").mkdir()
    for style in ("Regular", "Bold"):
        (tmp_path / "fonts" / f"House-{style}.ttf").write_bytes(
            (fonts / f"Caladea-{style}.ttf").read_bytes())
    layout = load_layout(write(tmp_path, "house.yaml", """
        fonts:
          heading: {name: House Serif, regular: fonts/House-Regular.ttf,
                    bold: fonts/House-Bold.ttf, deck_name: Cambria}
          body: {name: Liberation Sans}
    """))
    assert layout.fonts.heading.regular == str((tmp_path / "fonts/House-Regular.ttf").resolve())
    from builder.text.fonts import faces

    assert faces(layout.fonts.body).deck_name == "Arial"  # not the parent's Calibri
    assert faces(layout.fonts.heading).bold.name == "House-Bold.ttf"


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_layouts_validate_strictly(name: str) -> None:
    loaded = read_layout(LAYOUTS / f"{name}.yaml", strict=True)
    assert loaded.warnings == ()
    assert loaded.layout.name == name


def test_shipped_layouts_look_different() -> None:
    history = load_layout(LAYOUTS / "history-101.yaml")
    large = load_layout(LAYOUTS / "large-print.yaml")
    default = load_layout(LAYOUTS / "default.yaml")
    assert (default.guide.page_size, history.guide.page_size, large.guide.page_size) == \
        ("A4", "Letter", "A4")
    assert (history.deck.size, large.deck.size) == ("16:9", "4:3")
    assert history.fonts.heading.name == history.fonts.body.name == "Caladea"
    assert large.fonts.body.name == "Liberation Sans"
    assert large.guide.sizes.body >= 14 and large.deck.sizes.body >= 28
    assert len({default.palette.primary, history.palette.primary, large.palette.primary}) == 3
    assert Path(history.guide.logo).is_file() and Path(history.deck.logo).is_file()
    assert history.course.code == "HIST 101"
    assert history.course.lectures == (str((ROOT / "sources" / "korean-war.yaml").resolve()),)


def test_history_logos_print_sharp() -> None:
    """The logos are drawn at most LOGO_HEIGHT (56 pt) tall: at least 300 dpi there."""
    from PIL import Image

    from builder.guide.titlepage import LOGO_HEIGHT

    history = load_layout(LAYOUTS / "history-101.yaml")
    for logo in (history.guide.logo, history.deck.logo):
        with Image.open(logo) as image:
            assert image.format == "PNG" and image.height / (LOGO_HEIGHT / 72) >= 300


@pytest.mark.parametrize("orientation, expected", [("portrait", (612.0, 792.0)),
                                                   ("landscape", (792.0, 612.0))])
def test_page_points_apply_orientation(tmp_path: Path, orientation: str, expected) -> None:
    layout = load_layout(write(tmp_path, "o.yaml", f"""
        guide: {{page_size: Letter, orientation: {orientation}}}
    """))
    assert layout.guide.page_points == expected


@pytest.mark.parametrize("size, expected", [('"16:9"', (960.0, 540.0)), ('"4:3"', (720.0, 540.0)),
                                            ("[10in, 5in]", (720.0, 360.0))])
def test_slide_points(tmp_path: Path, size: str, expected) -> None:
    layout = load_layout(write(tmp_path, "s.yaml", f"deck: {{size: {size}}}\n"))
    assert layout.deck.slide_points == expected


def test_edition_comes_from_the_layout_and_the_flag_overrides_it(tmp_path: Path,
                                                                 write_source) -> None:
    from builder.resolve.document import resolve
    from builder.load.source import load_source

    source = load_source(write_source("title: T\nsections:\n  - title: One\n    blocks:\n"
                                      "      - paragraph: Hi\n"))
    layout = load_layout(write(tmp_path, "teacher.yaml", "edition: instructor\n"))
    assert resolve(source, layout).edition.is_instructor
    assert not resolve(source, layout, "student").edition.is_instructor
    assert not resolve(source, load_layout()).edition.is_instructor


def test_problems_in_a_parent_point_into_the_parent(tmp_path: Path) -> None:
    """Each model remembers the file that gave it, for renderer errors."""
    write(tmp_path, "base.yaml", "palette:\n  primary: '#7A1F2B'\n")
    layout = load_layout(write(tmp_path, "leaf.yaml", "extends: base\nfigure_word: Fig.\n"))
    assert layout.palette.where.startswith(f"{tmp_path / 'base.yaml'}:2:")
    assert layout.guide.where.startswith("builder/defaults/layout.yaml:") or \
        layout.guide.where.startswith(str(DEFAULT_LAYOUT))


def test_committed_layout_schema_accepts_each_shipped_layout() -> None:
    import jsonschema

    from builder.schema import layout_schema

    for name in SHIPPED:
        located, problems = load_yaml(LAYOUTS / f"{name}.yaml")
        assert not problems
        jsonschema.validate(located.data, layout_schema())


def test_default_colours_are_value_types() -> None:
    layout = load_layout()
    assert isinstance(layout.palette.primary, Color)
    assert layout.palette.primary.rgb == (0x1F, 0x3A, 0x5F)
