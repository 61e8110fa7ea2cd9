"""Dates as teachers write them."""

from __future__ import annotations

import pytest

from builder.model import parse_date


@pytest.mark.parametrize(("text", "shown"), [
    ("1950", "1950"),
    (1950, "1950"),
    ("1950-06", "June 1950"),
    ("1950-06-25", "June 25, 1950"),
    ("1951-07/1953-07-27", "July 1951 – July 27, 1953"),
])
def test_display(text, shown: str) -> None:
    assert parse_date(text).display() == shown


@pytest.mark.parametrize(("text", "message"), [
    ("1950-02-30", "day 30 does not exist in February 1950"),
    ("1950-00", "month 0 is not between 1 and 12"),
    ("June 1950", "is not a date"),
    ("1953/1950", "ends (1950) before it starts (1953)"),
])
def test_invalid(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_date(text)


def test_order_follows_time() -> None:
    dates = [parse_date(t) for t in ("1953-07-27", "1950", "1950-06-25", "1945-08")]
    assert [str(d) for d in sorted(dates)] == ["1945-08", "1950", "1950-06-25", "1953-07-27"]
