"""Slide titles a listener can tell apart: the one rule for continued and repeated titles.

A screen reader announces each slide by its title, and PowerPoint's accessibility checker
flags slides that share one. The planner gives every slide the title of what it shows
(a block continued over three slides gets its title three times; every discussion prompt is
"Discussion"); ``unique_titles`` then decides, once for the whole deck:

1. A content title used in more than one section (a "Discussion", a "By the numbers")
   takes its section's title, on every such slide: "Discussion: The invasion".
2. Content slides of one section that share a title are one thing continued (a block over
   three slides; a section's text resumed after a figure): each is numbered,
   "Title (1 of 3)", "Title (2 of 3)", "Title (3 of 3)".
3. A lone content slide named like its own section slide (a section whose text fits one
   slide) says what it holds: "Stalemate and talks – key points" (``section_points``), a
   figure "Figure: The islands"; one named like another fixed slide takes its section's
   title (rule 1's form). A continuation
   mark is never made up for a slide that continues nothing: no "(2)" without a "(1)".
4. Should a title still repeat, a counter in the continued form: "… (2 of 2)".

Title and section slides keep their titles: the deck's sections are named as in the guide.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from builder.deck.specs import FigureSlide, SectionSlide, SlideSpec, TitleSlide
from builder.text.typography import NBSP
from builder.text.words import Words

FIXED = (TitleSlide, SectionSlide)


def continued(title: str, index: int, count: int, words: Words = Words()) -> str:
    """The title of slide ``index`` (1-based) of ``count`` showing one continued thing:
    "Title (2 of 3)", "Titre (2 sur 3)". The counter is never split over two lines (a
    title that wraps keeps "(2 of 3)" whole rather than leave "3)" alone)."""
    if count <= 1:
        return title
    head, _, tail = words("continued", title="\0", index=index, count=count).partition("\0")
    lead = tail[:len(tail) - len(tail.lstrip())]
    return head + title + lead + tail.lstrip().replace(" ", NBSP)


def unique_titles(slides: Sequence[SlideSpec], words: Words = Words()) -> list[SlideSpec]:
    """The slides with continuations numbered and repeated titles made distinct."""
    sections = _sections(slides)
    content = [index for index, slide in enumerate(slides) if not isinstance(slide, FIXED)]
    used_in: dict[str, set[int]] = {}
    for index in content:
        used_in.setdefault(slides[index].title, set()).add(sections[index][0])
    titles = [slide.title for slide in slides]
    for index in content:  # a title in several sections takes each section's
        section = sections[index][1]
        if len(used_in[titles[index]]) > 1 and section and section != titles[index]:
            titles[index] = words("in_section", title=titles[index], section=section)
    series: dict[tuple[int, str], list[int]] = {}
    for index in content:
        series.setdefault((sections[index][0], titles[index]), []).append(index)
    for members in series.values():
        for position, index in enumerate(members, start=1):
            titles[index] = continued(titles[index], position, len(members), words)
    fixed = {title for slide, title in zip(slides, titles) if isinstance(slide, FIXED)}
    for index in content:  # a lone slide named like a fixed one (its own section slide)
        section = sections[index][1]
        if titles[index] in fixed and section:
            if titles[index] != section:
                titles[index] = words("in_section", title=titles[index], section=section)
            elif isinstance(slides[index], FigureSlide):  # "Figure: The islands"
                titles[index] = words("in_section", title=words("figure"), section=section)
            else:
                titles[index] = words("section_points", section=section)
    seen = set(fixed)
    finished: list[SlideSpec] = []
    for index, slide in enumerate(slides):
        title = base = titles[index]
        count = 1
        while not isinstance(slide, FIXED) and title in seen:
            count += 1
            title = continued(base, count, count, words)
        seen.add(title)
        finished.append(slide if title == slide.title else replace(slide, title=title))
    return finished


def _sections(slides: Sequence[SlideSpec]) -> list[tuple[int, str]]:
    """Each slide's section (its number and title), from the section slide before it."""
    current = (-1, "")
    found = []
    for slide in slides:
        if isinstance(slide, SectionSlide):
            current = (current[0] + 1, slide.title)
        found.append(current)
    return found
