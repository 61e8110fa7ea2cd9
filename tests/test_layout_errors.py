"""Every layout problem is one line, ``path:line:col: field: message``, in the file that caused it."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from builder.cli import main
from builder.errors import LayoutError
from builder.layout import load_layout, read_layout
from builder.load.files import project_root_set
from tests.conftest import ROOT

FONTS = ROOT / "builder" / "fonts"
TINY_PNG = ROOT / "tests" / "data" / "tiny.png"


def write_files(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")


def problems_of(folder: Path, name: str = "layout.yaml") -> list[str]:
    with pytest.raises(LayoutError) as caught, project_root_set(folder):
        load_layout(folder / name)
    return [str(problem).removeprefix(f"{folder}/") for problem in caught.value.problems]


# (id, files (the first is loaded), expected: "file:line:col: field: message start")
CASES = [
    ("unknown-key", {"layout.yaml": """
        extends: default
        guide:
          page_sise: Letter
     """}, "layout.yaml:3:3: guide.page_sise: unknown field 'page_sise'; "
           "did you mean 'page_size'?"),
    ("bad-colour", {"layout.yaml": """
        palette:
          primary: "#12345"
     """}, "layout.yaml:2:12: palette.primary: '#12345' is not a colour"),
    ("bad-length", {"layout.yaml": """
        guide:
          margins:
            left: 2furlongs
     """}, "layout.yaml:3:11: guide.margins.left: '2furlongs' is not a length"),
    ("negative-margin", {"layout.yaml": """
        guide:
          margins: {top: -1cm}
     """}, "layout.yaml:2:18: guide.margins.top: a margin cannot be negative"),
    ("cycle", {"layout.yaml": "extends: b\n", "b.yaml": "# b\nextends: layout\n"},
     "b.yaml:2:10: extends: extends cycle: layout → b → layout"),
    ("self-cycle", {"layout.yaml": "description: me\nextends: layout.yaml\n"},
     "layout.yaml:2:10: extends: extends cycle: layout → layout"),
    ("missing-parent", {"layout.yaml": "extends: corprate\n", "corporate.yaml": "extends: default\n"},
     "layout.yaml:1:10: extends: parent layout 'corprate' not found"),
    ("extends-not-text", {"layout.yaml": "extends: [a, b]\n"},
     "layout.yaml:1:10: extends: expected a layout name"),
    ("unknown-template-field", {"layout.yaml": """
        guide:
          footer: "Page {page} of {pages} · {lectur}"
     """}, "layout.yaml:2:37: guide.footer: unknown field '{lectur}'; did you mean '{lecture}'?"),
    ("page-field-on-a-slide", {"layout.yaml": "deck:\n  footer: '{lecture} · {page}'\n"},
     "layout.yaml:2:24: deck.footer: '{page}' has no value on a slide"),
    ("empty-template-field", {"layout.yaml": "guide:\n  header: 'Notes {}'\n"},
     "layout.yaml:2:18: guide.header: empty field '{}'"),
    ("unbalanced-template", {"layout.yaml": """
        deck:
          footer: "{course"
     """}, "layout.yaml:2:11: deck.footer: unbalanced '{' or '}'"),
    ("low-contrast", {"layout.yaml": """
        palette:
          muted: "#AAAAAA"
     """}, "layout.yaml:2:10: palette.muted: muted on background (captions and footers): "
           "#AAAAAA on #FFFFFF has contrast 2.32:1; WCAG AA text needs 4.5:1"),
    ("low-contrast-on-primary", {"layout.yaml": """
        palette:
          on_primary: "#4A6A8F"
     """}, "layout.yaml:2:15: palette.on_primary: on_primary on primary (title bars)"),
    ("slide-body-below-18", {"layout.yaml": """
        deck:
          sizes: {body: 16, min_body: 16}
     """}, "layout.yaml:2:17: deck.sizes.body: slide body size is 16 pt; slide text must be at "
           "least 18 pt"),
    ("min-body-above-body", {"layout.yaml": """
        deck:
          sizes: {body: 20, min_body: 22}
     """}, "layout.yaml:2:31: deck.sizes.min_body: min_body (22) is larger than body (20)"),
    ("missing-logo", {"layout.yaml": """
        guide:
          logo: assets/nope.png
     """}, "layout.yaml:2:9: guide.logo: image 'assets/nope.png' not found"),
    ("logo-not-an-image", {"layout.yaml": "deck:\n  logo: layout.yaml\n"},
     "layout.yaml:2:9: deck.logo: 'layout.yaml' is not a PNG or JPEG image"),
    ("missing-template", {"layout.yaml": "deck:\n  template: brand.pptx\n"},
     "layout.yaml:2:13: deck.template: template 'brand.pptx' not found"),
    ("template-not-pptx", {"layout.yaml": "deck:\n  template: brand.potx\n", "brand.potx": "x"},
     "layout.yaml:2:13: deck.template: 'brand.potx' is not a PowerPoint file"),
    ("template-not-zip", {"layout.yaml": "deck:\n  template: brand.pptx\n", "brand.pptx": "x"},
     "layout.yaml:2:13: deck.template: 'brand.pptx' is not a .pptx (not a zip archive)"),
    ("unknown-slide-kind", {"layout.yaml": "deck:\n  template_layouts:\n    sectoin: Title Only\n"},
     "layout.yaml:3:5: deck.template_layouts.sectoin: unknown slide kind 'sectoin'; "
     "did you mean 'section'?"),
    ("template-layouts-without-template", {"layout.yaml": "deck:\n  template_layouts:\n"
                                                          "    title: Title Slide\n"},
     "layout.yaml:3:5: deck.template_layouts: names template layouts but no deck.template"),
    ("unknown-font-family", {"layout.yaml": "fonts:\n  body: {name: Caladia}\n"},
     "layout.yaml:2:16: fonts.body.name: unknown font family 'Caladia': did you mean 'Caladea'?"),
    ("deck-font-name-for-a-family", {"layout.yaml": "fonts:\n  heading: {name: Cambria}\n"},
     "layout.yaml:2:19: fonts.heading.name: 'Cambria' is not bundled: use 'Caladea'"),
    ("missing-font-file", {"layout.yaml": "fonts:\n  body: {name: House, regular: house.ttf}\n"},
     "layout.yaml:2:32: fonts.body.regular: font 'house.ttf' not found"),
    ("font-not-truetype", {"layout.yaml": "fonts:\n  body: {name: House, regular: house.ttf}\n",
                           "house.ttf": "not a font"},
     "layout.yaml:2:32: fonts.body.regular: 'house.ttf' is not a TrueType (.ttf) font"),
    ("missing-lecture", {"layout.yaml": """
        course:
          code: X 1
          lectures:
            - lectures/one.yaml
     """}, "layout.yaml:4:7: course.lectures[0]: lecture 'lectures/one.yaml' not found"),
    ("duplicate-part", {"layout.yaml": "deck:\n  parts: [title, sections, title]\n"},
     "layout.yaml:2:10: deck.parts: parts listed twice: title"),
    ("chart-colour-too-light", {"layout.yaml": """
        palette:
          chart: ["#1F3A5F", "#F2D27A", "#2A8577"]
     """}, "layout.yaml:2:22: palette.chart[1]: chart[1] on background: #F2D27A on #FFFFFF has "
           "contrast 1.47:1; WCAG 1.4.11 graphics needs 3:1"),
    ("chart-neighbours-alike", {"layout.yaml": """
        palette:
          chart: ["#1F3A5F", "#24406A", "#B00020"]
     """}, "layout.yaml:2:22: palette.chart[1]: ΔE chart[0] #1F3A5F → chart[1] #24406A is only "
           "4 apart (CIE76 ΔE)"),
    ("problem-in-parent-is-reported-in-the-parent", {
        "layout.yaml": "extends: base\nfigure_word: Fig.\n",
        "base.yaml": "# the college's base\npalette:\n  text: '#BBBBBB'\n"},
     "base.yaml:3:9: palette.text: text on background (body text)"),
    ("override-in-child-is-reported-in-the-child", {
        "layout.yaml": "extends: base\npalette:\n  text: '#BBBBBB'\n",
        "base.yaml": "palette:\n  text: '#000000'\n"},
     "layout.yaml:3:9: palette.text: text on background (body text)"),
    ("parents-relative-logo-is-checked-beside-the-parent", {
        "child/layout.yaml": "extends: ../base.yaml\n",
        "base.yaml": "guide:\n  logo: logo.png\n"},
     "base.yaml:2:9: guide.logo: image 'logo.png' not found"),
]


@pytest.mark.parametrize("files, expected", [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_layout_problem_is_one_precise_line(tmp_path: Path, files: dict[str, str],
                                            expected: str) -> None:
    write_files(tmp_path, files)
    problems = problems_of(tmp_path, next(iter(files)))
    assert any(problem.startswith(expected) for problem in problems), problems


def test_missing_parent_lists_the_layouts_that_exist(tmp_path: Path) -> None:
    write_files(tmp_path, {"layout.yaml": "extends: corprate\n",
                           "corporate.yaml": "extends: default\n",
                           "print.yaml": "extends: default\n"})
    [problem] = problems_of(tmp_path)
    assert "did you mean 'corporate'?" in problem
    assert "corporate, default, print" in problem


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    write_files(tmp_path, {"layout.yaml": """
        palette:
          primary: red
        guide:
          logo: nope.png
          header: "{lectur}"
        deck:
          sizes: {body: 20, min_body: 30}
     """})
    problems = problems_of(tmp_path)
    assert [problem.split(": ")[1] for problem in problems] == [
        "palette.primary", "guide.logo", "guide.header", "deck.sizes.min_body"]


def test_template_layout_names_must_exist_in_the_template(tmp_path: Path) -> None:
    from pptx import Presentation

    Presentation().save(tmp_path / "brand.pptx")
    write_files(tmp_path, {"layout.yaml": """
        deck:
          template: brand.pptx
          template_layouts: {title: Title Slide, content: Title and Contnet}
     """})
    [problem] = problems_of(tmp_path)
    assert problem.startswith("layout.yaml:3:51: deck.template_layouts.content: the template "
                              "has no layout 'Title and Contnet'; did you mean 'Title and Content'?")
    write_files(tmp_path, {"layout.yaml": """
        deck:
          template: brand.pptx
          template_layouts: {title: Title Slide, content: Title and Content}
     """})
    layout = load_layout(tmp_path / "layout.yaml")
    assert layout.deck.template == str((tmp_path / "brand.pptx").resolve())


def test_not_strict_turns_accessibility_errors_into_warnings(tmp_path: Path) -> None:
    write_files(tmp_path, {"layout.yaml": "strict: false\npalette:\n  muted: '#AAAAAA'\n"})
    loaded = read_layout(tmp_path / "layout.yaml")
    assert [str(w).removeprefix(f"{tmp_path}/")[:31] for w in loaded.warnings] == \
        ["layout.yaml:3:10: palette.muted"]
    with pytest.raises(LayoutError):
        read_layout(tmp_path / "layout.yaml", strict=True)


def test_not_strict_never_hides_real_errors(tmp_path: Path) -> None:
    write_files(tmp_path, {"layout.yaml": "strict: false\npalette:\n  muted: grey\n"})
    with pytest.raises(LayoutError):
        read_layout(tmp_path / "layout.yaml", strict=False)


def test_cli_exits_2_with_the_line(tmp_path: Path, capsys) -> None:
    write_files(tmp_path, {"layout.yaml": "deck:\n  sizes: {body: 16, min_body: 16}\n"})
    assert main(["validate", str(tmp_path / "layout.yaml")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"{tmp_path}/layout.yaml:2:17: deck.sizes.body: slide body size is 16")


def test_cli_no_strict_builds_with_a_warning_on_stderr(tmp_path: Path, write_source,
                                                       capsys) -> None:
    """--no-strict lets a low-contrast layout through; the problem still shows, on stderr."""
    write_files(tmp_path, {"layout.yaml": "palette:\n  muted: '#AAAAAA'\n"})
    source = write_source("title: T\nsections:\n  - title: One\n    blocks:\n"
                          "      - paragraph: Hi\n", name="t.yaml")
    status = main(["build", str(source), "--layout", str(tmp_path / "layout.yaml"),
                   "--out", str(tmp_path / "out"), "--no-strict", "--format", "pdf"])
    err = capsys.readouterr().err
    assert f"{tmp_path}/layout.yaml:2:10: palette.muted:" in err and "warning" in err
    assert status == 0
