"""The date model: stored forms, precision, order and display."""

import datetime as dt

import pytest

from dateline.dates import DateError, looks_like_value, parse_value

D = dt.date


@pytest.mark.parametrize(
    "raw, first, last, precision",
    [
        ("2022", D(2022, 1, 1), D(2022, 12, 31), "year"),
        (2022, D(2022, 1, 1), D(2022, 12, 31), "year"),
        ("2022-02", D(2022, 2, 1), D(2022, 2, 28), "month"),
        ("2024-02", D(2024, 2, 1), D(2024, 2, 29), "month"),
        ("2022-02-24", D(2022, 2, 24), D(2022, 2, 24), "day"),
        (D(2022, 2, 24), D(2022, 2, 24), D(2022, 2, 24), "day"),
        ("2022-12-03/2022-12-04", D(2022, 12, 3), D(2022, 12, 4), "span"),
        ("2020-09/2020-12", D(2020, 9, 1), D(2020, 12, 31), "span"),
        ("1990/1999", D(1990, 1, 1), D(1999, 12, 31), "span"),
        ("2021-21", D(2021, 3, 1), D(2021, 5, 31), "season"),
        ("2021-24", D(2021, 12, 1), D(2022, 2, 28), "season"),
        ("199X", D(1990, 1, 1), D(1999, 12, 31), "decade"),
        ("19XX", D(1900, 1, 1), D(1999, 12, 31), "century"),
        ("2020~", D(2020, 1, 1), D(2020, 12, 31), "year"),
    ],
)
def test_parse_value_interval_and_precision(raw, first, last, precision):
    value = parse_value(raw)
    assert (value.first, value.last, value.precision) == (first, last, precision)


@pytest.mark.parametrize(
    "raw, reason",
    [
        ("2022-02-30", "no such day"),
        ("2022-13", "no month 13"),
        ("2022-12/2022-01", "ends"),
        ("February", "cannot read"),
        ("2022/2023/2024", "one '/'"),
        (True, "found bool"),
        ([2022], "found list"),
    ],
)
def test_parse_value_rejects_with_reason(raw, reason):
    with pytest.raises(DateError, match=reason):
        parse_value(raw)


@pytest.mark.parametrize(
    "raw, shown",
    [
        ("2022-02", "February 2022"),
        ("2020", "2020"),
        ("2020-09/2020-12", "late 2020"),
        ("2020-01/2020-04", "early 2020"),
        ("2020-05/2020-08", "mid 2020"),
        ("2022-12-03/2022-12-04", "3–4 December 2022"),
        ("2022-02-24", "24 February 2022"),
        ("1990/1999", "the 1990s"),
        ("1960/1963", "the early 1960s"),
        ("2021-21", "spring 2021"),
        ("2012-07/2012-09", "Q3 2012"),
        ("2022-03-21/2022-03-31", "late March 2022"),
        ("19XX", "the 20th century"),
        ("2020~", "c. 2020"),
        ("2021-11-28/2022-01-03", "28 November 2021 – 3 January 2022"),
    ],
)
def test_display_reads_naturally(raw, shown):
    assert parse_value(raw).display() == shown


def test_sort_is_chronological_with_shorter_first_on_ties():
    values = ["2022-02-24", "2022", "2020-09/2020-12", "2022-02", "2020", "2022-02-01"]
    ordered = sorted(values, key=lambda v: parse_value(v).sort_key())
    assert ordered == ["2020", "2020-09/2020-12", "2022", "2022-02-01", "2022-02", "2022-02-24"]


def test_html_datetime_never_invents_precision():
    assert parse_value("2022-02").iso == "2022-02"
    assert parse_value("2020").iso == "2020"
    assert parse_value("2022-12-03/2022-12-04").iso == "2022-12"
    assert parse_value("2020-09/2020-12").iso == "2020"


def test_looks_like_value_separates_forms_from_phrases():
    assert looks_like_value("2022-02-24") and looks_like_value("2020-09/2020-12")
    assert not looks_like_value("late 2020") and not looks_like_value("February")
