"""Allow ``python -m builder`` to behave exactly like the ``course-builder`` script."""

from builder.cli import run

run()
