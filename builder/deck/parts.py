"""The deck's parts around its sections: title, agenda, objectives, timeline, people, review
questions, takeaways and sources, one method each, named as ``layout.deck.parts`` names them.
"""

from __future__ import annotations

from dataclasses import replace

from builder.deck import fit
from builder.deck.arrange import join_notes
from builder.deck.grid import title_slide_boxes
from builder.deck.specs import Para, SlideSpec, TitleSlide
from builder.deck.textslides import BULLET, TextSlides, reference_runs
from builder.text import adapt
from builder.text.inline import plain


class PartSlides(TextSlides):
    """One ``part_<name>`` method per deck part; sections come from the planner's ``section``."""

    def part_title(self) -> list[SlideSpec]:
        lecture = self.lecture
        title_box, _, subtitle_box, details_box = title_slide_boxes(self.grid)
        largest = min(self.deck.sizes.title * 1.5, 60.0)
        title = plain(lecture.title)
        fitted = fit.adapt_title(title, self.heading_faces, title_box, largest, 24.0,
                                 self.min_size, max_lines=3)
        if fitted.adapted:
            adapt.note(lecture.where, f"title on the title slide: {fitted.adapted}")
        size = fitted.size
        subtitle = fit.runs(lecture.subtitle) if lecture.subtitle else ()
        subtitle_size = 0.0
        if subtitle:
            floor = min(self.min_size, fit.SMALLEST)
            subtitle_size = fit.largest_fitting(
                [Para(subtitle)], self.body_faces,
                fit.size_steps(max(self.body_size, self.min_size), floor),
                replace(subtitle_box, width=subtitle_box.width * fit.RENDER_SLACK))
            if subtitle_size is None or subtitle_size < self.min_size:
                subtitle_size = subtitle_size or floor
                adapt.note(lecture.where, f"subtitle set at {subtitle_size:g} pt, under the "
                                          f"layout's minimum {self.min_size:g} pt, to fit")
        details = [self.document.fill("{instructor} · {date}"), self.document.course_label]
        details = tuple(line for line in details if line)
        details, details_size = self.fit_details(details, details_box)
        return [TitleSlide(title, join_notes(lecture.notes), size, lecture.where,
                           subtitle=subtitle, details=details, subtitle_size=subtitle_size,
                           details_size=details_size)]

    def fit_details(self, details: tuple[str, ...], box) -> tuple[tuple[str, ...], float]:
        """The title slide's detail lines and their size: all of them at the minimum size
        if they fit, else the first; smaller (to ``fit.SMALLEST``) when even that would not.

        Measured in a box narrowed by ``fit.RENDER_SLACK``: a line within a few points of
        the width wraps in one renderer and not another (LibreOffice set the date of a
        large-print title slide on a line below its box), so it is planned as wrapping.
        """
        narrow = replace(box, width=box.width * fit.RENDER_SLACK)
        sizes = fit.size_steps(self.min_size, min(self.min_size, fit.SMALLEST))
        for lines in (details, details[:1]):
            paras = [Para(fit.plain_runs(line), gap=0.3 if index else 0.0)
                     for index, line in enumerate(lines)]
            size = fit.largest_fitting(paras, self.body_faces, sizes[:1], narrow)
            if size is not None or not lines:
                return lines, self.min_size
        paras = [Para(fit.plain_runs(details[0]))]
        size = fit.largest_fitting(paras, self.body_faces, sizes, narrow) or sizes[-1]
        return details[:1], size

    def part_agenda(self) -> list[SlideSpec]:
        units = [[Para(fit.plain_runs(plain(section.title)), 1, f"{index}.", 0.35)]
                 for index, section in enumerate(self.lecture.sections, start=1)]
        return self.text_slides(self.document.words("agenda"), units, max_bullets=max(self.deck.max_bullets, 12))

    def part_objectives(self) -> list[SlideSpec]:
        slides: list[SlideSpec] = []
        if self.lecture.objectives:
            slides += self.text_slides(self.document.words("objectives"),
                                       self.bullet_units(self.lecture.objectives),
                                       where=self.lecture.where, smallest=self.list_floor)
        if self.lecture.essential_question:
            slides += self.prompt(self.document.words("essential_question"), self.document.words("keep_in_mind"),
                                  "essential", [Para(fit.runs(self.lecture.essential_question))],
                                  None, self.lecture.where)
        return slides

    def part_sections(self) -> list[SlideSpec]:
        slides: list[SlideSpec] = []
        count = len(self.lecture.sections)
        for number, section in enumerate(self.lecture.sections, start=1):
            slides += self.section(section, number, count)
        return slides

    def part_timeline(self) -> list[SlideSpec]:
        if not self.document.timeline:
            return []
        return self.timeline_slides(self.document.words("timeline_of_events"), self.document.timeline, None,
                                    self.lecture.where)

    def part_people(self) -> list[SlideSpec]:
        if not self.document.people:
            return []
        return self.people_slides(self.document.words("people_to_know"), self.document.people, None,
                                  self.lecture.where)

    def part_questions(self) -> list[SlideSpec]:
        return self.question_slides(self.lecture.review_questions, None, self.lecture.where)

    def part_takeaways(self) -> list[SlideSpec]:
        if not self.lecture.takeaways:
            return []
        return self.text_slides(self.document.words("takeaways"), self.bullet_units(self.lecture.takeaways),
                                where=self.lecture.where, smallest=self.list_floor)

    def part_sources(self) -> list[SlideSpec]:
        if not self.lecture.bibliography:
            return []
        units = [[Para(reference_runs(reference, self.document.words,
                                        self.document.han_language), 1, BULLET, 0.5)]
                 for reference in self.lecture.bibliography]
        return self.text_slides(self.document.words("sources"), units, where=self.lecture.where)
