"""Accessibility, read back from the files: the guide's tags and the deck's reading order.

The guide is checked with the independent ``pdfua`` checker, then its structure tree is
walked with pikepdf and its text read with pdfplumber (which reports the marked-content
sequence of every character): headings, figures' alt text, tables' header cells, links and
"no text outside a tag or an artifact". The deck is read with python-pptx: the order of
each slide's shapes, decorative flags, alt text, header rows, language and unique titles.
None of this uses the builder's own measuring or tagging code.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

from conftest import ROOT, SAMPLE

LAYOUTS = sorted((ROOT / "layouts").glob("*.yaml"))
SOURCES = sorted([*(ROOT / "sources").glob("*.yaml"), *(ROOT / "tests" / "corpus").glob("*.yaml")])
TEXT_OPERATORS = {"Tj", "TJ", "'", '"'}
DECORATIVE = "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative"
FURNITURE_LAST = ("logo", "footer", "slide-number")


def build(source: Path, layout: Path | None, out: Path) -> tuple[Path, Path]:
    from builder.cli import main

    args = ["build", str(source), "--out", str(out)]
    if layout is not None:
        args += ["--layout", str(layout)]
    assert main(args) == 0
    return next(out.glob("*.pdf")), next(out.glob("*.pptx"))


# --- the guide ---------------------------------------------------------------------------

def pdfua_findings(pdf: Path) -> list[dict]:
    result = subprocess.run([sys.executable, "-m", "pdfua", "check", "--format", "json",
                             str(pdf)], capture_output=True, text=True, check=False)
    assert result.returncode in (0, 1, 2, 3), result.stderr
    report = json.loads(result.stdout)
    files = report["files"] if isinstance(report, dict) and "files" in report else report
    findings: list[dict] = []
    for entry in files if isinstance(files, list) else [files]:
        findings += entry.get("findings", [])
    return findings


def kids(element) -> list:
    k = element.get("/K")
    if k is None:
        return []
    return list(k) if isinstance(k, pikepdf.Array) else [k]


def elements(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """Every structure element, depth first in tree (reading) order."""
    found = []

    def walk(element):
        found.append(element)
        for kid in kids(element):
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
                walk(kid)
    for top in kids(pdf.Root.StructTreeRoot):
        walk(top)
    return found


def content_items(element, pages: dict) -> list[tuple[int, int]]:
    """(page index, MCID) of everything the element and its descendants mark."""
    items = []
    page = pages.get(element.get("/Pg").objgen) if "/Pg" in element else None
    for kid in kids(element):
        if isinstance(kid, int):
            items.append((page, int(kid)))
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
            items.append((pages[kid.Pg.objgen], int(kid.MCID)))
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
            items += content_items(kid, pages)
    return items


def marked_texts(path: Path, pdf) -> tuple[dict, dict[tuple[int, int], str]]:
    """Page index by page object, and the text each marked-content id draws on each page
    (pdfplumber reads the MCIDs): what the structure tree's elements hold."""
    pages = {page.obj.objgen: index for index, page in enumerate(pdf.pages)}
    texts: dict[tuple[int, int], str] = {}
    with pdfplumber.open(path) as plumber:
        for index, page in enumerate(plumber.pages):
            for char in page.chars:
                if char.get("mcid") is not None:
                    key = (index, char["mcid"])
                    texts[key] = texts.get(key, "") + char["text"]
    return pages, texts


@pytest.fixture(scope="module")
def guide(sample_build: Path):
    path = sample_build / "korean-war.pdf"
    pdf = pikepdf.open(path)
    pages, texts = marked_texts(path, pdf)
    return path, pdf, pages, texts


def element_text(element, pages, texts) -> str:
    return "".join(texts.get(item, "") for item in content_items(element, pages))


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_sample_guide_passes_pdfua_check(guide):
    path = guide[0]
    findings = pdfua_findings(path)
    assert [f for f in findings if f.get("severity", "").lower() in ("error", "warning")] == []


def test_catalog_declares_a_tagged_pdf_ua_document(guide):
    _, pdf, _, _ = guide
    root = pdf.Root
    assert root.MarkInfo.Marked is True
    assert str(root.Lang) == "en"
    assert root.ViewerPreferences.DisplayDocTitle is True
    xmp = root.Metadata.read_bytes().decode("utf-8")
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp
    assert "The Korean War" in re.search(r"<dc:title>.*?</dc:title>", xmp, re.S).group(0)
    assert all(page.obj.Tabs == "/S" for page in pdf.pages)
    for page in pdf.pages:  # every font embedded, with a Unicode map
        for font in page.obj.Resources.get("/Font", {}).values():
            assert "/ToUnicode" in font
            descriptor = font.get("/FontDescriptor")
            assert descriptor is not None and "/FontFile2" in descriptor


def test_sections_are_headings_in_reading_order(guide):
    from builder.load.source import load_source
    from builder.text.inline import plain

    _, pdf, pages, texts = guide
    headings = [squash(element_text(e, pages, texts)) for e in elements(pdf) if e.S == "/H1"]
    lecture = load_source(SAMPLE).lecture
    sections = [squash(plain(section.title)) for section in lecture.sections]
    found = [title for title in headings if title in sections]
    assert found == sections
    assert headings[0] == squash(plain(lecture.title))  # the cover title opens the document


def test_every_figure_has_its_alt_text_and_a_caption(guide):
    from builder.load.source import load_source

    _, pdf, pages, texts = guide
    lecture = load_source(SAMPLE).lecture
    alts = {figure.alt for figure in lecture.figures}
    figures = [e for e in elements(pdf) if e.S == "/Figure"]
    assert figures
    for figure in figures:
        assert str(figure.Alt) in alts
        siblings = kids(figure.P)
        after = siblings[[s.objgen if isinstance(s, pikepdf.Object) else None
                          for s in siblings].index(figure.objgen) + 1]
        assert after.S == "/Caption" and "Figure" in element_text(after, pages, texts)


def layout_bbox(element) -> list[float] | None:
    """The /BBox of an element's /Layout attributes (``/A`` a dictionary or an array)."""
    attributes = element.get("/A")
    if attributes is None:
        return None
    for owner in attributes if isinstance(attributes, pikepdf.Array) else [attributes]:
        if owner.get("/O") == "/Layout" and "/BBox" in owner:
            return [float(value) for value in owner.BBox]
    return None


def test_every_figure_carries_the_box_it_is_drawn_in(guide):
    """/A << /O /Layout /BBox >>: what the figure's marked content draws (lines, shapes,
    labels, read back with pdfplumber) lies inside the box, and the box is not much larger."""
    path, pdf, pages, _ = guide
    figures = [e for e in elements(pdf) if e.S == "/Figure"]
    assert figures
    with pdfplumber.open(path) as plumber:
        for figure in figures:
            box = layout_bbox(figure)
            assert box is not None and box[0] < box[2] and box[1] < box[3], str(figure.Alt)
            items = content_items(figure, pages)
            page_index = items[0][0]
            page = plumber.pages[page_index]
            mcids = {mcid for index, mcid in items if index == page_index}
            drawn = [o for kind in ("rects", "lines", "curves", "chars", "images")
                     for o in getattr(page, kind) if o.get("mcid") in mcids]
            assert drawn, str(figure.Alt)
            height = float(page.height)
            extent = (min(o["x0"] for o in drawn), min(height - o["bottom"] for o in drawn),
                      max(o["x1"] for o in drawn), max(height - o["top"] for o in drawn))
            assert extent[0] >= box[0] - 1 and extent[1] >= box[1] - 1, (extent, box)
            assert extent[2] <= box[2] + 1 and extent[3] <= box[3] + 1, (extent, box)
            assert all(abs(a - b) <= 12 for a, b in zip(extent, box)), (extent, box)


def test_every_table_has_header_cells_with_scope(guide):
    _, pdf, _, _ = guide
    tables = [e for e in elements(pdf) if e.S == "/Table"]
    assert len(tables) >= 3
    for table in tables:
        rows = [kid for kid in kids(table) if kid.get("/S") == "/TR"]
        assert rows
        headers = [cell for row in rows for cell in kids(row) if cell.S == "/TH"]
        assert headers
        assert all(str(cell.A.Scope) in ("/Column", "/Row") for cell in headers)
        widths = {len(kids(row)) for row in rows}
        assert len(widths) == 1  # a regular grid: every row has every cell


def test_no_text_outside_a_tag_or_an_artifact(guide):
    _, pdf, _, _ = guide
    parents = dict(zip(list(pdf.Root.StructTreeRoot.ParentTree.Nums)[::2],
                       list(pdf.Root.StructTreeRoot.ParentTree.Nums)[1::2]))
    for index, page in enumerate(pdf.pages):
        stack: list[str] = []
        mcids = []
        for operands, operator in pikepdf.parse_content_stream(page):
            name = str(operator)
            if name == "BDC":
                properties = operands[1]
                if isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties:
                    stack.append("mcid")
                    mcids.append(int(properties.MCID))
                else:
                    stack.append(str(operands[0]))
            elif name == "BMC":
                stack.append(str(operands[0]))
            elif name == "EMC":
                stack.pop()
            elif name in TEXT_OPERATORS:
                # inside a piece (perhaps in a language span within it) or an artifact
                assert "mcid" in stack or "/Artifact" in stack, \
                    f"page {index + 1}: text outside any tag"
        assert stack == []
        # every MCID on the page belongs to exactly the element the parent tree names
        assert mcids == list(range(len(mcids)))
        assert len(parents[page.obj.StructParents]) == len(mcids)


def unlinked_annotations(pdf: pikepdf.Pdf) -> list[str]:
    """Link annotations that are not the OBJR of a described Link element with content of
    its own (an MCID: the link's text), by page."""
    nums = list(pdf.Root.StructTreeRoot.ParentTree.Nums)
    parents = dict(zip([int(n) for n in nums[::2]], nums[1::2]))
    problems = []
    for number, page in enumerate(pdf.pages, start=1):
        for annotation in page.obj.get("/Annots", []):
            if annotation.get("/Subtype") != "/Link":
                continue
            link = parents.get(int(annotation.get("/StructParent", -1)))
            contents = kids(link) if link is not None else []
            if link is None or link.S != "/Link" or not str(link.get("/Alt", "")).strip() \
                    or not str(annotation.get("/Contents", "")).strip() \
                    or not any(isinstance(kid, int) or (isinstance(kid, pikepdf.Dictionary)
                               and kid.get("/Type") in ("/MCR", "/StructElem"))
                               for kid in contents) \
                    or not any(isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") ==
                               "/OBJR" and kid.Obj.objgen == annotation.objgen
                               for kid in contents):
                problems.append(f"page {number}: {annotation.get('/A')}")
    return problems


def test_links_are_tagged_and_described(guide):
    """Every link annotation hangs, as an OBJR, in a Link element whose content is the link's
    text (a reference's URL reads as itself, inside its Link, not beside it), and both the
    element (/Alt) and the annotation (/Contents) describe it."""
    _, pdf, pages, texts = guide
    tree = pdf.Root.StructTreeRoot
    nums = list(tree.ParentTree.Nums)
    parents = dict(zip([int(n) for n in nums[::2]], nums[1::2]))
    urls = 0
    for page in pdf.pages:
        for annotation in page.obj.get("/Annots", []):
            assert str(annotation.Contents).strip() and "/StructParent" in annotation
            link = parents[int(annotation.StructParent)]
            assert link.S == "/Link"
            assert str(link.get("/Alt", "")).strip()
            assert [kid for kid in kids(link) if isinstance(kid, pikepdf.Dictionary)
                    and kid.get("/Type") == "/OBJR" and kid.Obj.objgen == annotation.objgen]
            text = squash(element_text(link, pages, texts))
            assert text, str(link.Alt)
            action = annotation.get("/A")
            if action is not None and "/URI" in action:
                urls += 1
                assert text == squash(str(action.URI)), (text, str(action.URI))
                assert str(action.URI) in str(link.Alt) and link.P.S != "/Link"
    assert urls  # the sample's sources list one


def test_lists_and_contents_are_tagged(guide):
    _, pdf, pages, texts = guide
    roles = Counter(str(e.S) for e in elements(pdf))
    for role in ("/L", "/LI", "/LBody", "/Lbl", "/TOC", "/TOCI", "/BlockQuote", "/Note",
                 "/Caption", "/Sect", "/H2"):
        assert roles[role], role
    items = [e for e in elements(pdf) if e.S == "/TOCI"]
    assert "Glossary" in "".join(element_text(e, pages, texts) for e in items)
    for item in items:  # an entry reads as its title and page, not its dot leaders
        link = kids(item)[0]
        assert re.fullmatch(r"[^.].* \d+", str(link.ActualText)), str(link.ActualText)
    # a question's number and a choice's letter are the items' labels, read before them
    labels = [squash(element_text(e, pages, texts)) for e in elements(pdf) if e.S == "/Lbl"]
    assert {"1.", "2.", "A", "B"} <= set(labels)
    preview = labels[:labels.index("10") + 1]  # the cover's "In this guide", two columns
    assert preview == [f"{n:02d}" for n in range(1, 11)]


# --- the deck ----------------------------------------------------------------------------

def shape_kind(shape) -> str:
    element = shape._element
    if element.xpath("./*[1]/p:cNvPr/a:extLst/a:ext/*[local-name()='decorative']"):
        return "decorative"
    if shape.is_placeholder and shape.placeholder_format.type in (1, 3):  # title, ctr title
        return "title"
    if shape.name in FURNITURE_LAST:
        return shape.name
    return "body"


def script_of(text: str) -> set[str]:
    return {"kana" if 0x3040 <= ord(c) <= 0x30FF else "hangul" if 0xAC00 <= ord(c) <= 0xD7A3
            else "han" if 0x4E00 <= ord(c) <= 0x9FFF else "other" for c in text}


def run_language(text: str, language: str, han: str) -> str:
    """What a deck run's ``lang`` should be: Hangul is Korean, kana Japanese, Han alone the
    lecture's Han language; other text the lecture's language (unless that is CJK itself)."""
    scripts = script_of(text)
    if language.split("-")[0] in ("ja", "ko", "zh"):
        return language
    if "hangul" in scripts:
        return "ko-KR"
    if "kana" in scripts:
        return "ja-JP"
    return han if "han" in scripts else language


def check_deck(path: Path, language: str) -> None:
    deck = Presentation(str(path))
    every_text = "".join(run.findtext(qn("a:t")) or "" for slide in deck.slides
                         for run in slide._element.iter(qn("a:r")))
    han = {"ja": "ja-JP", "ko": "ko-KR", "zh": "zh-CN"}[
        "ja" if "kana" in script_of(every_text) else
        "ko" if "hangul" in script_of(every_text) else "zh"]
    titles = []
    rank = {"title": 0, "body": 1, "logo": 2, "footer": 3, "slide-number": 4}
    for number, slide in enumerate(deck.slides, start=1):
        where = f"{path.name} slide {number}"
        shapes = list(slide.shapes)
        kinds = [shape_kind(shape) for shape in shapes]
        read = [kind for kind in kinds if kind != "decorative"]
        assert read and read[0] == "title", where
        assert [rank[k] for k in read] == sorted(rank[k] for k in read), (where, read)
        body = [s for s, k in zip(shapes, kinds) if k == "body"]
        for a, b in zip(body, body[1:]):  # top to bottom; side by side, left to right
            beside = b.top < a.top + a.height and a.top < b.top + b.height
            assert b.top >= a.top or (beside and b.left >= a.left), (where, a.name, b.name)
        for shape, kind in zip(shapes, kinds):
            if shape.name in ("band", "rule", "panel", "panel-bar", "quote-bar") or \
                    shape.name.endswith("-bar"):
                assert kind == "decorative", (where, shape.name)
            tag = shape._element.tag.rsplit("}", 1)[1]
            if kind != "decorative" and tag in ("pic", "graphicFrame", "grpSp"):
                descr = shape._element.xpath("./*[1]/p:cNvPr")[0].get("descr", "")
                assert descr.strip(), (where, shape.name)
            if getattr(shape, "has_chart", False) and shape.has_chart:  # the chart's own part
                space = shape.chart._chartSpace
                marks = space.xpath(".//a:defRPr | .//a:endParaRPr | .//a:rPr")
                assert {mark.get("lang") for mark in marks} <= {language}, (where, shape.name)
            if getattr(shape, "has_table", False) and shape.has_table:
                assert shape._element.xpath(".//a:tblPr")[0].get("firstRow") == "1", where
        for run in slide._element.iter(qn("a:r")):
            assert run.find(qn("a:rPr")).get("lang") == run_language(run.findtext(qn("a:t")),
                                                                     language, han), where
        titles.append(slide.shapes.title.text_frame.text)
    repeated = [title for title, count in Counter(titles).items() if count > 1]
    assert repeated == [], path.name
    series: dict[str, list[tuple[int, int]]] = {}
    for title in titles:
        match = re.fullmatch(r"(.*)\s\((\d+)\sof\s(\d+)\)", title)  # no-break spaces
        if match:
            series.setdefault(match.group(1), []).append((int(match.group(2)),
                                                          int(match.group(3))))
    for base, parts in series.items():  # each continued thing counts 1 … n, once each
        assert sorted(parts) == [(index, len(parts)) for index in range(1, len(parts) + 1)], base
        assert "(cont.)" not in base


def test_the_sample_deck_reads_in_order_with_unique_titles(sample_build: Path):
    check_deck(sample_build / "korean-war.pptx", "en")


@pytest.mark.skipif(shutil.which("openxml-audit") is None, reason="openxml-audit not installed")
def test_openxml_audit_finds_no_error(sample_build: Path):
    audit = subprocess.run(["openxml-audit", "--policy", "strict",
                            str(sample_build / "korean-war.pptx")],
                           capture_output=True, text=True, check=False)
    assert "Errors: 0" in audit.stdout, audit.stdout[-2000:]


# --- every source in every layout ------------------------------------------------------

KNOWN_A11Y: dict[tuple[str, str], str] = {}


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda path: path.stem)
@pytest.mark.parametrize("source", SOURCES, ids=lambda path: path.stem)
def test_every_source_in_every_layout_is_accessible(source: Path, layout: Path, corpus_builds,
                                                    request):
    known = KNOWN_A11Y.get((source.stem, layout.stem))
    if known:
        request.node.add_marker(pytest.mark.xfail(reason=known, strict=False))
    built = corpus_builds[f"{source.stem}-{layout.stem}-student"]  # shared: corpus_builds.py
    if built.returncode != 0:
        pytest.skip(f"does not build yet (see test_corpus): {built.stderr.strip()[-300:]}")
    pdf_path, deck_path = built.pdf, built.pptx
    findings = pdfua_findings(pdf_path)
    assert [f for f in findings if f.get("severity", "").lower() in ("error", "warning")] == []
    pdf = pikepdf.open(pdf_path)
    assert str(pdf.Root.Lang)
    assert all(str(f.Alt).strip() and layout_bbox(f) for f in elements(pdf) if f.S == "/Figure")
    assert unlinked_annotations(pdf) == []
    check_deck(deck_path, str(pdf.Root.Lang))


def test_the_layout_language_reaches_both_outputs_unless_the_source_names_one(write_source,
                                                                             tmp_path: Path):
    layout = tmp_path / "german.yaml"
    layout.write_text("extends: default\nname: german\nlanguage: de\n", encoding="utf-8")
    body = """
        title: Kurz
        sections:
          - title: Eins
            blocks: [{paragraph: Ein Satz.}]
        """
    for source, expected in ((write_source(body, "plain.yaml"), "de"),
                             (write_source("language: fr\n" + textwrap.dedent(body).lstrip(),
                                           "named.yaml"), "fr")):
        pdf_path, deck_path = build(source, layout, tmp_path / expected)
        pdf = pikepdf.open(pdf_path)
        assert str(pdf.Root.Lang) == expected
        assert f"<rdf:li>{expected}</rdf:li>" in pdf.Root.Metadata.read_bytes().decode()
        deck = Presentation(str(deck_path))
        assert deck.core_properties.language == expected
        assert {run.find(qn("a:rPr")).get("lang") for slide in deck.slides
                for run in slide._element.iter(qn("a:r"))} == {expected}


def test_a_body_shape_reaching_into_the_footer_does_not_pin_the_footer_before_it():
    from pptx.util import Emu

    from builder.deck.access import order_shapes

    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[5])  # title only
    footer = slide.shapes.add_textbox(Emu(457200), Emu(6403340), Emu(6172200), Emu(294640))
    footer.name = "footer"
    footer.text_frame.text = "The lecture"
    figure = slide.shapes.add_textbox(Emu(457200), Emu(1648460), Emu(5384800), Emu(4777740))
    figure.name = "figure"  # its box ends 1.8 pt inside the footer's (the Meiji map slide)
    figure.text_frame.text = "Also marked: …"
    panel = slide.shapes.add_shape(1, Emu(400000), Emu(1600000), Emu(6000000), Emu(4900000))
    panel.name = "panel"
    panel.text_frame.text = "on top of the figure"  # content over content keeps its order
    order_shapes(slide)
    assert [shape.name for shape in slide.shapes][1:] == ["figure", "panel", "footer"]


def test_a_passage_in_another_script_is_read_in_its_language(write_source, tmp_path: Path):
    """明治 in an English lecture: a Span with /Lang ja in the guide (its text its own
    content), lang="ja-JP" on its run in the deck; Hangul is Korean; English stays English."""
    source = write_source("""
        title: The Meiji Restoration
        sections:
          - title: Names
            blocks:
              - paragraph: The era name 明治 (Meiji) means enlightened rule; とくがわ is kana.
              - paragraph: Seoul is 서울 in Korean.
        """)
    pdf_path, deck_path = build(source, None, tmp_path / "out")
    assert [f for f in pdfua_findings(pdf_path)
            if f.get("severity", "").lower() in ("error", "warning")] == []
    pdf = pikepdf.open(pdf_path)
    pages, texts = marked_texts(pdf_path, pdf)
    spans = {squash(element_text(e, pages, texts)): str(e.Lang)
             for e in elements(pdf) if e.S == "/Span"}
    assert spans.get("明治") == "ja" and spans.get("とくがわ") == "ja", spans
    assert spans.get("서울") == "ko", spans
    assert str(pdf.Root.Lang) == "en"
    paragraphs = [squash(element_text(e, pages, texts)) for e in elements(pdf) if e.S == "/P"]
    assert any("明治(Meiji)" in text for text in paragraphs)  # the span reads in its place
    deck = Presentation(str(deck_path))
    languages = {(run.findtext(qn("a:t")) or "").strip(): run.find(qn("a:rPr")).get("lang")
                 for slide in deck.slides for run in slide._element.iter(qn("a:r"))}
    assert languages["明治"] == "ja-JP" and languages["서울"] == "ko-KR", languages
    assert {lang for text, lang in languages.items()
            if text and script_of(text) <= {"other"}} == {"en"}
    check_deck(deck_path, "en")


def test_reordering_a_slide_gives_exactly_the_order_asked_for():
    """reorder_shapes moves only the shapes outside the heaviest run already in order; the
    result is the order asked for, whatever the start (every permutation of five shapes)."""
    import itertools

    from pptx.util import Emu

    from builder.deck import oxml

    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[6])  # blank
    for index in range(5):
        box = slide.shapes.add_textbox(Emu(index * 1000), Emu(0), Emu(900), Emu(900))
        box.name = f"s{index}"
        for _ in range(index * 3):  # shapes of different weight (a map group is heavy)
            box.text_frame.add_paragraph().text = "x"
    for order in itertools.permutations(range(5)):
        by_name = {shape.name: shape for shape in slide.shapes}
        oxml.reorder_shapes(slide, [by_name[f"s{index}"] for index in order])
        assert [shape.name for shape in slide.shapes] == [f"s{index}" for index in order]
        tree = [element.tag.rsplit("}", 1)[1] for element in slide.shapes._spTree]
        assert tree[:2] == ["nvGrpSpPr", "grpSpPr"]
