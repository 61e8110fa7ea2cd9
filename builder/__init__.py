"""course-builder: one YAML lecture summary in, a PDF study guide and a PowerPoint deck out."""

__version__ = "0.1.0"
