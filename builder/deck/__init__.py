"""The PowerPoint lecture deck (python-pptx)."""


def render_deck(document):  # replaced by the deck renderer
    raise NotImplementedError("the PPTX deck renderer is not written yet")
