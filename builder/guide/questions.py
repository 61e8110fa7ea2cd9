"""Review questions and their answers, shared by in-section question blocks and back matter.

Numbers come from ``document.questions`` so the guide, the deck and the answer key agree.
The student edition leaves ruled lines under short-answer questions; only the instructor
edition prints answers.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from builder.guide.context import Context, tag
from builder.guide.flowables import AnswerLines
from builder.guide.tables import unbreakable
from builder.model import choice_letter
from builder.resolve.document import NumberedQuestion

ANSWER_LINES = 3


def question_flowables(context: Context, numbered: NumberedQuestion) -> list[Flowable]:
    """One numbered question with its lettered choices or answer lines, kept together."""
    styles = context.styles
    question = numbered.question
    where = question.where
    tags = context.tags
    with tags.within("LI"):  # the caller opened the numbered list
        number = tags.leaf("Lbl")
        with tags.within("LBody"):
            parts: list[Flowable] = [context.paragraph(question.question, styles.question,
                                                       where, bullet=f"{numbered.number}.",
                                                       label=number)]
            if question.choices:
                with tags.within("L", O="List", ListNumbering="UpperAlpha"):
                    for index, choice in enumerate(question.choices):
                        with tags.within("LI"):
                            letter = tags.leaf("Lbl")
                            parts.append(context.paragraph(choice, styles.choice, where,
                                                           bullet=choice_letter(index),
                                                           role="LBody", label=letter))
            elif context.document.edition.shows_answer_lines:  # the lines are artifacts
                parts.append(Spacer(1, styles.line * 0.3))
                parts.append(AnswerLines(ANSWER_LINES, styles.line * 1.55, styles.colors.rule,
                                         indent=styles.question.paragraph.leftIndent))
    return tag([Spacer(1, styles.line * 0.55), unbreakable(tag(parts, where), context.width,
                                                           styles)], where)


def answer_flowables(context: Context, numbered: NumberedQuestion) -> list[Flowable]:
    """One line of the answer key: number, answer, then the explanation if any."""
    styles = context.styles
    question = numbered.question
    where = question.where
    with context.tags.within("LI"):
        number = context.tags.leaf("Lbl")
        with context.tags.within("LBody"):
            parts: list[Flowable] = [context.paragraph(question.answer_text, styles.answer,
                                                       where, bullet=f"{numbered.number}.",
                                                       label=number)]
            if question.explanation:
                parts.append(context.paragraph(question.explanation, styles.explanation,
                                               where))
    return tag([Spacer(1, styles.line * 0.4), unbreakable(tag(parts, where), context.width,
                                                          styles)], where)
