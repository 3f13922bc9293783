"""The date normalizer: contract forms, relative resolution, non-dates, the JSONL helper."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.temporal.normalize import normalize, normalize_jsonl, tense_of

BASE = dt.date(2022, 12, 6)  # a Tuesday


@pytest.mark.parametrize(("phrase", "want"), [
    # Seed-like cases (the example timeline's article was published 2022-12-06).
    ("in February", "2022-02"),
    ("late 2020", "2020-09/2020-12"),
    ("last weekend", "2022-12-03/2022-12-04"),
    ("in September", "2022-09"),
    ("in November", "2022-11"),
    ("this year", "2022"),
    ("Saturday 3 December 2022", "2022-12-03"),
    # Explicit dates in their common forms.
    ("4 July 2012", "2012-07-04"),
    ("July 4, 2012", "2012-07-04"),
    ("the 4th of July, 2012", "2012-07-04"),
    ("24/02/2022", "2022-02-24"),
    ("2022-02-24", "2022-02-24"),
    ("March 2019", "2019-03"),
    ("Sept. 2019", "2019-09"),
    ("1987", "1987"),
    ("fiscal 2021", "2021"),
    ("nineteen eighty-four", "1984"),
    ("the year two thousand", "2000"),
    # Deictic and relative.
    ("yesterday", "2022-12-05"),
    ("today", "2022-12-06"),
    ("tonight", "2022-12-06"),
    ("this morning", "2022-12-06"),
    ("last night", "2022-12-05"),
    ("tomorrow", "2022-12-07"),
    ("now", "2022-12-06"),
    ("last week", "2022-11-28/2022-12-04"),
    ("this week", "2022-12-05/2022-12-11"),
    ("next week", "2022-12-12/2022-12-18"),
    ("this weekend", "2022-12-10/2022-12-11"),
    ("last month", "2022-11"),
    ("next month", "2023-01"),
    ("last year", "2021"),
    ("next year", "2023"),
    ("earlier this month", "2022-12"),
    ("later this year", "2022"),
    ("three days ago", "2022-12-03"),
    ("two months ago", "2022-10"),
    ("five years ago", "2017"),
    ("a year earlier", "2021"),
    ("two weeks from now", "2022-12-19/2022-12-25"),
    ("last Friday", "2022-12-02"),
    ("next Friday", "2022-12-09"),
    ("Friday night", "2022-12-02"),
    # Qualifiers, seasons, quarters, halves, decades, centuries.
    ("early 2021", "2021-01/2021-04"),
    ("mid-2019", "2019-05/2019-08"),
    ("the end of 2019", "2019-09/2019-12"),
    ("early March 2020", "2020-03-01/2020-03-10"),
    ("mid-June 2020", "2020-06-11/2020-06-20"),
    ("late February 2024", "2024-02-21/2024-02-29"),
    ("early next year", "2023-01/2023-04"),
    ("spring 2021", "2021-21"),
    ("the winter of 2019", "2019-24"),
    ("last summer", "2022-22"),
    ("Q3 2012", "2012-07/2012-09"),
    ("the first quarter of 1998", "1998-01/1998-03"),
    ("the fourth quarter of 2005", "2005-10/2005-12"),
    ("the second half of 2013", "2013-07/2013-12"),
    ("the first half of 2013", "2013-01/2013-06"),
    ("the 1990s", "1990/1999"),
    ("the '80s", "1980/1989"),
    ("the nineties", "1990/1999"),
    ("the early 1960s", "1960/1963"),
    ("the mid-1970s", "1974/1976"),
    ("the late 1950s", "1957/1959"),
    ("the 19th century", "18XX"),
    ("the twentieth century", "19XX"),
    # Spans and anchors.
    ("since 2014", "2014"),
    ("from 1994 to 2020", "1994/2020"),
    ("1994-96", "1994/1996"),
    ("between March and May 2021", "2021-03/2021-05"),
    ("from December 2019 to March", "2019-12/2020-03"),
    ("Christmas Day 2021", "2021-12-25"),
    ("Thanksgiving 2021", "2021-11-25"),
])
def test_phrases(phrase: str, want: str) -> None:
    assert normalize(phrase, BASE) == want


@pytest.mark.parametrize("phrase", [
    "Makei, 64", "64", "48,000", "$2,000", "$64", "64%", "12 percent", "a sixth term",
    "3-1", "recently", "in the past", "the future", "soon", "once", "", "   ", "the day",
])
def test_not_dates(phrase: str) -> None:
    assert normalize(phrase, BASE) is None


def test_tense_decides_weekdays_and_months() -> None:
    past = "The minister met his counterpart on Thursday."
    future = "The minister will meet his counterpart on Thursday."
    assert normalize("Thursday", BASE, past) == "2022-12-01"
    assert normalize("Thursday", BASE, future) == "2022-12-08"
    assert normalize("Tuesday", BASE, "Officials said on Tuesday that talks had ended.") == \
        "2022-12-06"
    assert normalize("March", BASE, "Elections were held in March.") == "2022-03"
    assert normalize("March", BASE, "Elections will be held in March.") == "2023-03"
    assert normalize("December", BASE, "It snowed in December.") == "2022-12"


def test_month_day_prefers_the_nearest_unless_tense_says_far_otherwise() -> None:
    base = dt.date(2021, 10, 28)
    assert normalize("Nov. 15", base, "The dividend is payable Nov. 15.") == "2021-11-15"
    assert normalize("Jan. 10", base, "The offer expires Jan. 10.") == "2022-01-10"
    assert normalize("March 3", base, "The plant closed on March 3.") == "2021-03-03"


def test_tense_of() -> None:
    assert tense_of("He said the talks will resume on Friday.", "Friday") == "future"
    assert tense_of("The talks resumed on Friday.", "Friday") == "past"
    assert tense_of(None) is None
    assert tense_of("Talks are tough.", "Friday") is None


def test_deadline_phrases_look_ahead() -> None:
    base = dt.date(2021, 10, 28)
    sentence = "The lenders extended the loans through January."
    assert normalize("January", base, sentence) == "2022-01"


def test_quarter_words_follow_the_reporting_calendar() -> None:
    base = dt.date(2021, 10, 28)
    assert normalize("the third quarter", base, "Profit rose in the third quarter.") == \
        "2021-07/2021-09"
    assert normalize("the quarter", base) == "2021-07/2021-09"
    assert normalize("the year-ago quarter", base) == "2020-07/2020-09"
    sentence = "Third-quarter profit rose to $5 million from $4 million a year earlier."
    assert normalize("a year earlier", base, sentence) == "2020-07/2020-09"


def test_never_finer_than_the_text() -> None:
    for phrase in ("February", "in 2020", "last month", "the 1990s", "spring 2020"):
        value = normalize(phrase, BASE)
        assert value is not None and len(value.split("/")[0]) <= 7


def test_datetime_base_is_accepted() -> None:
    assert normalize("yesterday", dt.datetime(2022, 12, 6, 23, 0)) == "2022-12-05"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80), st.dates(min_value=dt.date(1900, 1, 1),
                                      max_value=dt.date(2100, 12, 31)))
def test_normalize_never_raises(text: str, base: dt.date) -> None:
    value = normalize(text, base, text)
    assert value is None or isinstance(value, str)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["late", "early", "mid-", "the", "last", "next", "of", "2020",
                                 "March", "Friday", "quarter", "'90s", "to", "-", "1st", "3",
                                 "week", "ago", "between", "and", "spring", ",", "year"]),
                max_size=6))
def test_normalize_never_raises_on_date_like_words(words: list[str]) -> None:
    normalize(" ".join(words), BASE, " ".join(words))


def test_jsonl_protocol() -> None:
    lines = [
        json.dumps({"text": "late 2020", "base": "2022-12-06", "sentence": "It was late 2020."}),
        "not json",
        json.dumps({"text": "recently", "base": "2022-12-06"}),
        json.dumps({"base": "2022-12-06"}),
        json.dumps({"text": "yesterday", "base": "2022-13-40"}),
        json.dumps({"text": "yesterday"}),
        "",
        json.dumps({"text": "in February"}),
    ]
    out = list(normalize_jsonl(lines, None))
    rows = [json.loads(line) for line, _ in out]
    assert rows[0] == {"text": "late 2020", "value": "2020-09/2020-12"}
    assert rows[1]["error"].startswith("line 2: ")
    assert rows[2] == {"text": "recently", "value": None}
    assert rows[3]["error"].startswith("line 4: ")
    assert rows[4]["error"].startswith("line 5: ")
    assert rows[5]["error"].startswith("line 6: ")
    assert rows[6]["error"].startswith("line 8: ")
    assert [ok for _, ok in out] == [True, False, True, False, False, False, False]
    line = json.dumps({"text": "in February"})
    with_default = list(normalize_jsonl([line], dt.date(2022, 12, 6)))
    assert json.loads(with_default[0][0]) == {"text": "in February", "value": "2022-02"}


def test_module_main_exit_status() -> None:
    good = json.dumps({"text": "this year", "base": "2022-12-06"}) + "\n"
    proc = subprocess.run([sys.executable, "-m", "dateline", "normalize"], input=good + "{\n",
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert json.loads(lines[0]) == {"text": "this year", "value": "2022"}
    assert "error" in json.loads(lines[1])


def test_import_does_not_load_dateparser() -> None:
    code = ("import sys, datetime, dateline.temporal.normalize as n, dateline.temporal.tagger as t;"
            "n.normalize('late 2020', datetime.date(2022, 12, 6));"
            "t.find_dates('It happened in February.', datetime.date(2022, 12, 6));"
            "print('dateparser' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=True)
    assert proc.stdout.strip() == "False"


def test_dateparser_fallback_is_loaded_once() -> None:
    # A form our grammar does not cover goes to dateparser, which is imported lazily.
    from dateline.temporal import normalize as mod

    assert normalize("Tuesday the 6th of December 2022 at noon", BASE) in (
        "2022-12-06", None)
    assert len(mod._PARSERS) <= 64


def test_a_modal_before_the_phrase_points_to_the_future() -> None:
    base = dt.date(2023, 5, 4)
    ahead = "The bank raised rates and signalled that more increases could follow in the summer."
    assert normalize("the summer", base, ahead) == "2023-22"
    # "could be found" reports what was possible then; a modal after the phrase does not count.
    assert normalize("Wednesday", dt.date(2000, 1, 7),
                     "The family could be found Wednesday in their home town.") == "2000-01-05"
    assert normalize("Tuesday", base, "The company said on Tuesday that prices may rise.") == "2023-05-02"


@pytest.mark.parametrize(("phrase", "sentence", "want"), [
    ("the week before last", None, "2022-11-21/2022-11-27"),
    ("the year after next", None, "2024"),
    ("the day after Christmas", None, "2022-12-26"),
    ("a week before 10 March 2021", None, "2021-03-03"),
    ("two months after May 2020", None, "2020-07"),
    ("three days after 2019", None, None),
    ("the beginning of next year", None, "2023-01/2023-04"),
    ("the turn of the century", "Trams will return by the turn of the century.", "2100~"),
    ("the turn of the 20th century", None, "1900~"),
])
def test_offsets_and_parts(phrase: str, sentence: str | None, want: str | None) -> None:
    assert normalize(phrase, dt.date(2022, 12, 6), sentence) == want


def test_a_deadline_reads_past_a_hedge_or_an_hour() -> None:
    # Sunday 18 April: "until 2pm on Monday" is tomorrow, "until at least the autumn" ahead.
    base = dt.date(2021, 4, 18)
    assert normalize("on Monday", base, "The airline had grounded its planes until 2pm on "
                                         "Monday.") == "2021-04-19"
    assert normalize("the autumn", base, "Analysts did not expect a cut until at least the "
                                         "autumn.") == "2021-23"


@pytest.mark.parametrize(("phrase", "want"), [
    ("the early 19th century", "1800/1833"),
    ("the mid-17th century", "1634/1666"),
    ("the late 20th century", "1967/1999"),
    ("the end of the 18th century", "1767/1799"),
    ("the 21st century", "20XX"),
])
def test_a_part_of_a_century_is_that_part_not_the_whole(phrase: str, want: str) -> None:
    assert normalize(phrase, dt.date(2022, 12, 6)) == want


@pytest.mark.parametrize(("phrase", "want"), [
    ("the late summer of 2011", "2011-08/2011-09"),
    ("early spring 2015", "2015-03/2015-04"),
    ("mid-autumn 2015", "2015-10"),
    ("late winter 2015", "2016-02/2016-03"),
    ("summer 2011", "2011-22"),  # a whole season keeps its EDTF code
])
def test_a_part_of_a_season_is_those_months_not_the_season(phrase: str, want: str) -> None:
    assert normalize(phrase, dt.date(2022, 12, 6)) == want
