"""Dates shown at the precision the source gave, never padded to a made-up day."""

from __future__ import annotations

from datetime import date

import pytest

from detente.web.dates import date_label, day_label, period_label, span_label


@pytest.mark.parametrize(
    ("start", "end", "precision", "shown"),
    [
        ("2025-11-13", "2025-11-13", "day", "13 Nov 2025"),
        ("2025-11-01", "2025-11-30", "month", "Nov 2025"),
        ("2025-01-01", "2025-12-31", "year", "2025"),
        ("2025-11-10", "2025-11-14", "day", "10–14 Nov 2025"),
        ("2025-10-30", "2025-11-02", "day", "30 Oct – 2 Nov 2025"),
        ("2025-12-30", "2026-01-02", "day", "30 Dec 2025 – 2 Jan 2026"),
        ("2025-11-01", "2026-01-31", "month", "Nov 2025 – Jan 2026"),
        ("2025-03-01", "2025-05-31", "month", "Mar–May 2025"),
        ("2024-01-01", "2025-12-31", "year", "2024–2025"),
        (date(2025, 11, 13), None, "day", "13 Nov 2025"),
        (None, None, "day", "undated"),
        ("2025-11-13", None, "unknown", "13 Nov 2025"),
    ],
)
def test_event_dates_are_shown_at_their_precision(start, end, precision, shown):
    assert date_label(start, end, precision) == shown


def test_spans_keep_each_end_at_its_own_precision():
    assert span_label("2018-01-01", "2025-12-01", "year", "month") == "2018 – Dec 2025"
    assert span_label("2025-11-13", "2025-11-13", "day", "day") == "13 Nov 2025"
    assert span_label(None, None) == ""
    assert day_label("2025-02-01", "month") == "Feb 2025" and day_label(None) == ""
    assert period_label("2025-02") == "Feb 2025" and period_label("2025") == "2025"
