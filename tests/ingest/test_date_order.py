"""Day-first or month-first for all-numeric dates, from the evidence a page gives."""

from __future__ import annotations

from datetime import date

from detente.ingest.date_order import DAY_FIRST, NumericDateOrder


def test_a_value_above_twelve_decides() -> None:
    assert DAY_FIRST.read(25, 9, 2024) == date(2024, 9, 25)
    assert DAY_FIRST.read(9, 25, 2024) == date(2024, 9, 25)
    assert DAY_FIRST.read(31, 31, 2024) is None


def test_same_values_need_no_evidence() -> None:
    assert DAY_FIRST.read(5, 5, 2024) == date(2024, 5, 5)


def test_without_evidence_day_first() -> None:
    assert DAY_FIRST.read(9, 10, 2024) == date(2024, 10, 9)


def test_a_weekday_on_the_line_decides() -> None:
    assert DAY_FIRST.read(9, 10, 2024, weekday=1) == date(2024, 9, 10)  # Tuesday 10 September
    assert DAY_FIRST.read(9, 10, 2024, weekday=2) == date(2024, 10, 9)  # Wednesday 9 October
    assert DAY_FIRST.read(9, 10, 2024, weekday=6) == date(2024, 10, 9)  # fits neither: the usual order


def test_outlets_written_dates_in_day_month_order() -> None:
    order = NumericDateOrder.from_text("The talks opened on 4 March. Defense officials met on Tuesday.")
    assert order.read(9, 10, 2024) == date(2024, 10, 9)


def test_weekday_named_in_the_text() -> None:
    # 10 September 2024 was a Tuesday; 9 October 2024 a Wednesday (the day before: Tuesday too)
    tuesday = NumericDateOrder.from_text("The ministers met in Accra on Tuesday.")
    assert tuesday.read(9, 10, 2024) == date(2024, 10, 9)  # both readings fit: no decision, day first
    thursday = NumericDateOrder.from_text("The court sat on Thursday.")
    # 6 November 2025 was a Thursday; 11 June 2025 a Wednesday
    assert thursday.read(6, 11, 2025) == date(2025, 11, 6)
    monday = NumericDateOrder.from_text("The minister arrived on Monday.")
    # 11 June 2025 was a Wednesday; 6 November 2025 a Thursday: neither fits, day first
    assert monday.read(6, 11, 2025) == date(2025, 11, 6)
    tuesday_court = NumericDateOrder.from_text("The court sat on Tuesday.")  # the day before 11 June
    assert tuesday_court.read(6, 11, 2025) == date(2025, 6, 11)


def test_american_spelling_and_month_day_order_mean_month_first() -> None:
    text = "The Defense Department said on March 4 that the program center would open on June 2."
    assert NumericDateOrder.from_text(text).read(6, 11, 2025) == date(2025, 6, 11)


def test_american_spelling_alone_is_not_enough() -> None:
    text = "The defense ministry said the program would continue."
    assert NumericDateOrder.from_text(text).read(6, 11, 2025) == date(2025, 11, 6)


def test_british_spelling_keeps_day_first() -> None:
    text = "The defence centre opened on March 4 and the programme on June 2."
    assert NumericDateOrder.from_text(text).read(6, 11, 2025) == date(2025, 11, 6)


def test_may_the_verb_is_no_month() -> None:
    order = NumericDateOrder.from_text("Officials said 12 may attend. The Defense program opened March 4.")
    assert order.day_first_dates == 0
