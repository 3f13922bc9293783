"""The temporal tagger: extents, values from each mention's own sentence, look-alikes."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.temporal.tagger import Mention, find_dates, split_sentences

BASE = dt.date(2022, 12, 6)  # a Tuesday


def found(text: str, base: dt.date = BASE) -> list[tuple[str, str | None]]:
    return [(m.text, m.value) for m in find_dates(text, base)]


def test_offsets_point_into_the_text() -> None:
    text = "The mayor, 71, resigned in February after a scandal."
    [m] = find_dates(text, BASE)
    assert m == Mention(text.index("February"), text.index("February") + 8, "February",
                        "2022-02")
    assert text[m.start:m.end] == m.text


@pytest.mark.parametrize(("text", "want"), [
    ("The mayor resigned in February.", [("February", "2022-02")]),
    ("Storms hit the coast in late 2020 and again this year.",
     [("late 2020", "2020-09/2020-12"), ("this year", "2022")]),
    ("The envoy flew to the capital last weekend.",
     [("last weekend", "2022-12-03/2022-12-04")]),
    ("They met on Saturday 3 December 2022 in the capital.",
     [("Saturday 3 December 2022", "2022-12-03")]),
    ("Prices rose steadily from 1994 to 2020.", [("from 1994 to 2020", "1994/2020")]),
    ("The plant closed in the 1990s.", [("the 1990s", "1990/1999")]),
    ("Sales fell in the third quarter.", [("the third quarter", "2022-07/2022-09")]),
    ("The bridge dates from the 19th century.", [("the 19th century", "18XX")]),
    ("Talks resumed two weeks ago.", [("two weeks ago", "2022-11-21/2022-11-27")]),
    ("Recently, the two sides agreed to talk.", [("Recently", None)]),
    ("The festival returns next spring.", [("next spring", "2023-21")]),
    ("Payments were due Feb. 24, the ministry said.", [("Feb. 24", "2022-02-24")]),
    ("The rebels attacked on Tuesday.", [("Tuesday", "2022-12-06")]),
    ("The council will vote on Thursday.", [("Thursday", "2022-12-08")]),
    ("It grew 5% between March and May 2021.",
     [("between March and May 2021", "2021-03/2021-05")]),
])
def test_finds_and_normalizes(text: str, want: list[tuple[str, str | None]]) -> None:
    assert found(text) == want


@pytest.mark.parametrize("text", [
    "The minister, 64, was re-elected to a sixth term.",
    "Some 48,000 troops and 2,020 tanks crossed, costing $64 million.",
    "Turnout was 64% and 1500 people marched.",
    "He may march on the capital; the sun rose.",
    "The score was 3-1 after 90 minutes.",
    "Flight 2019 landed at gate 12.",
    "Disney bought 20th Century Fox and its son ran 21st Century Fox.",
    "Graham Brady chairs the 1922 Committee of backbench MPs.",
    "Finland fought the Soviet Union in the Winter War and the Arab Spring followed.",
    "The Summer Olympics opened in Paris.",
    "Traffic peaked over the Easter holidays and the Christmas rush.",
])
def test_skips_look_alikes(text: str) -> None:
    assert found(text) == []


def test_each_mention_uses_its_own_sentence_for_tense() -> None:
    text = "The army withdrew on Friday. The talks will resume on Friday."
    assert [v for _, v in found(text)] == ["2022-12-02", "2022-12-09"]


def test_sentence_splitter_keeps_abbreviations() -> None:
    text = "Mr. Smith arrived on Feb. 3. He left in U.S. custody. Then it rained."
    spans = [text[a:b].strip() for a, b in split_sentences(text)]
    assert spans == ["Mr. Smith arrived on Feb. 3.", "He left in U.S. custody.",
                     "Then it rained."]


def test_month_sentence_end_is_not_part_of_the_extent() -> None:
    assert found("It happened in November.") == [("November", "2022-11")]
    assert found("Due Sept. 30.")[0][0] == "Sept. 30"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_find_dates_never_raises(text: str) -> None:
    for m in find_dates(text, BASE):
        assert text[m.start:m.end] == m.text


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["In", "late", "2020", "March", "May", "Friday", "the",
                                 "1990s", "from", "to", "and", "between", "last", "week",
                                 ",", ".", "Feb.", "24", "$", "%", "64", "quarter", "third"]),
                max_size=12))
def test_find_dates_never_raises_on_date_like_words(words: list[str]) -> None:
    text = " ".join(words)
    for m in find_dates(text, BASE):
        assert text[m.start:m.end] == m.text


@pytest.mark.parametrize(("text", "want"), [
    # A day before its month keeps the day, also where the sentence ends after the month.
    ("The wall was finished in late 2020. Work began on 12 June.",
     [("late 2020", "2020-09/2020-12"), ("12 June", "2022-06-12")]),
    ("The ferry sailed on 18 July.", [("18 July", "2022-07-18")]),
    # After "a" a year is a modifier, not a count of things.
    ("He was hurt in a 2010 raid on the camp.", [("2010", "2010")]),
    ("Revenue grew this fiscal year.", [("this fiscal year", "2022")]),
    # A deadline may fall on any day of the year (test_before_the_end_of_a_year_...).
    ("The depot will close by the end of the year.",
     [("the end of the year", "2022")]),
    ("Builders return at the start of next month.",
     [("the start of next month", "2023-01-01/2023-01-10")]),
    ("The pair last spoke the week before last.",
     [("the week before last", "2022-11-21/2022-11-27")]),
    ("The market reopened 3 days after Christmas 2021.",
     [("3 days after Christmas 2021", "2021-12-28")]),
    ("Two years after 2010, the mill shut.", [("Two years after 2010", "2012")]),
    ("Gas lamps lit the streets at the turn of the century.",
     [("the turn of the century", "2000~")]),
    ("The survey is due to be published in May.", [("May", "2023-05")]),
    # A weekday with its week is one day of that week, not the coming weekday and a week.
    ("The crew left on Thursday last week.", [("Thursday last week", "2022-12-01")]),
    ("The crew returns on Monday next week.", [("Monday next week", "2022-12-12")]),
    ("He quit on Monday, last week was hard.",
     [("Monday", "2022-12-05"), ("last week", "2022-11-28/2022-12-04")]),
])
def test_general_rules(text: str, want: list[tuple[str, str | None]]) -> None:
    assert found(text) == want


def test_an_offset_from_no_date_is_no_mention() -> None:
    assert found("Rain fell two days after the match.") == []


def test_an_offset_too_fine_for_its_anchor_keeps_the_anchor() -> None:
    # "days after 2019" names no day; the year it counts from is still a date.
    assert found("Prices fell days after 2019 began.") == [("2019", "2019")]


@pytest.mark.parametrize(("day_first", "value", "ambiguous"), [
    (None, "2021-03-04", True), (False, "2021-03-04", False), (True, "2021-04-03", False)])
def test_slashed_dates_follow_the_locale(day_first: bool | None, value: str,
                                         ambiguous: bool) -> None:
    [m] = find_dates("The form was signed on 03/04/2021.", BASE, day_first=day_first)
    assert (m.text, m.value, m.ambiguous) == ("03/04/2021", value, ambiguous)


@pytest.mark.parametrize("day_first", [None, False, True])
def test_a_slashed_date_with_one_reading_is_not_ambiguous(day_first: bool | None) -> None:
    [m] = find_dates("The form was signed on 13/04/2021.", BASE, day_first=day_first)
    assert (m.value, m.ambiguous) == ("2021-04-13", False)
    [m] = find_dates("The form was signed on 05/05/2021.", BASE, day_first=day_first)
    assert (m.value, m.ambiguous) == ("2021-05-05", False)


def test_mention_keeps_its_positional_fields() -> None:
    m = Mention(1, 5, "June", "2022-06")
    assert (m.start, m.end, m.text, m.value, m.ambiguous) == (1, 5, "June", "2022-06", False)


def test_given_sentences_decide_the_tense() -> None:
    text = "The army withdrew on Friday; the talks will resume on Friday."
    half = text.index(";") + 1
    mentions = find_dates(text, BASE, sentences=[(0, half), (half, len(text))])
    assert [m.value for m in mentions] == ["2022-12-02", "2022-12-09"]


def _prose(sentences: int) -> str:
    """Varied news-like sentences with years, months, days, counts and percentages."""
    import random

    rng = random.Random(7)
    months = ["January", "March", "May", "June", "October", "December"]
    out = []
    for i in range(sentences):
        y, n, mo = rng.randint(1950, 2030), rng.randint(2, 9999), rng.choice(months)
        out.append(rng.choice([
            f"The council met on {rng.randint(1, 28)} {mo} {y} and approved {n} homes.",
            f"In {y}, some {n} people marched; by late {y} the plan had failed.",
            f"Mr. Smith said on Tuesday that {n} jobs would go before {mo}.",
            f"Sales rose {rng.randint(1, 99)}% last year, the U.S. firm said in a {y} filing.",
            f"A {y} report counted {n:,} cars and 64 buses two weeks ago.",
        ]))
        if i % 7 == 6:
            out.append("\n\n")
    return " ".join(out)


def test_tagging_time_grows_linearly() -> None:
    import time

    text = _prose(6400)  # about 400 KB
    assert len(text) > 380_000

    def seconds(t: str) -> float:
        # CPU time of this process: other work on a shared machine does not count in it.
        started = time.process_time()
        find_dates(t, BASE)
        return time.process_time() - started

    eighth = min(seconds(text[: len(text) // 8]) for _ in range(3))
    whole = min(seconds(text) for _ in range(2))  # best of runs: the machine is shared
    # Linear work makes this about 8; the quadratic look-behinds made it about 64.
    assert whole / eighth < 16, (whole, eighth)


@pytest.mark.parametrize(("text", "want"), [
    ("The singer recorded the album in nineteen ninety-six.",
     [("nineteen ninety-six", "1996")]),
    ("The old pier burned in January nineteen seventy-nine.",
     [("January nineteen seventy-nine", "1979-01")]),
    ("Floods came in the winter of nineteen eighty-two.",
     [("the winter of nineteen eighty-two", "1982-24")]),
    # A year after a possessive or determiner modifies the noun after it...
    ("Their 2016 merger failed, and the firm's 2019 results were poor.",
     [("2016", "2016"), ("2019", "2019")]),
    ("Orders grew in fiscal 2021 sales reports.", [("fiscal 2021", "2021")]),
    ("Costs rose in the past year and in the latest quarter.",
     [("the past year", "2021"), ("the latest quarter", "2022-07/2022-09")]),
    ("Output fell in the 2019 period.", [("the 2019 period", "2019")]),
    ("We hope to finish by 2030 or later.", [("2030 or later", "2030")]),
    ("The crews worked over the weekend.", [("the weekend", "2022-12-03/2022-12-04")]),
    ("The crews will work over the weekend.", [("the weekend", "2022-12-10/2022-12-11")]),
    ("Shops close at year-end.", [("year-end", "2022-12-31")]),
    ("The ship sank nearly four years ago.", [("nearly four years ago", "2018")]),
    ("He called a week or so ago.", [("a week or so ago", "2022-11-28/2022-12-04")]),
    ("Police arrived early Tuesday.", [("early Tuesday", "2022-12-06")]),
    ("They spoke late yesterday.", [("late yesterday", "2022-12-05")]),
    ("The mayor met him last Oct. 23 at city hall.", [("last Oct. 23", "2022-10-23")]),
    ("The hearing is set for the week of March 6.",
     [("the week of March 6", "2023-03-06/2023-03-12")]),
    ("She flew home the day before last Tuesday.",
     [("the day before last Tuesday", "2022-11-28")]),
    ("He had written in the past about it.", [("the past", None)]),
    ("Profits doubled in this year's third quarter.",
     [("this year's third quarter", "2022-07/2022-09")]),
    ("Losses shrank in the last half of 2021.", [("the last half of 2021", "2021-07/2021-12")]),
    ("Crowds gathered during Easter week.", [("Easter week", "2022-04-11/2022-04-17")]),
    # "unspecified" after an article is an adjective, not a past-tense verb.
    ("The deal will be signed on a still unspecified date in January.",
     [("January", "2023-01")]),
])
def test_more_general_rules(text: str, want: list[tuple[str, str | None]]) -> None:
    assert found(text) == want


@pytest.mark.parametrize("text", [
    # ...but a count of people after one is still a count.
    "Its 2000 workers went on strike; the union's 1200 members agreed.",
    "The city's 1500 residents and its 2000 troops left.",
])
def test_counts_of_people_after_a_possessive_are_no_years(text: str) -> None:
    assert found(text) == []


def test_an_offset_from_an_event_has_no_value() -> None:
    assert found("Ten days before the vote, he resigned.") == [("Ten days before", None)]
    # Without a count there is no offset to apply: the date alone is the mention.
    assert found("Markets fell eight trading days after Oct. 12.") == [("Oct. 12", "2022-10-12")]


@pytest.mark.parametrize("text", [
    "Eastern Europe and the northeastern states traded.",
    "Sun Microsystems hired Jan Kavan.",
    "Prices rose in the past four years.",
])
def test_names_inside_words_and_short_forms_without_a_number_are_no_dates(text: str) -> None:
    assert found(text) == []


def test_short_forms_with_their_dot_or_a_number_are_dates() -> None:
    assert found("The shop closes on Sat 3 December.") == [("Sat 3 December", "2022-12-03")]
    assert found("It rained on Sun. after the fair.") == [("Sun.", "2022-12-04")]


def test_the_latest_period_is_the_reported_quarter() -> None:
    assert found("Profit doubled in the latest period.") == [
        ("the latest period", "2022-07/2022-09")]


def test_a_year_earlier_after_a_quarter_is_that_quarter_a_year_before() -> None:
    text = ("The bakery chain earned $4 million in the third quarter.\n\n"
            "Sales rose to $90 million from $80 million a year earlier.")
    assert found(text, dt.date(2022, 11, 2)) == [
        ("the third quarter", "2022-07/2022-09"), ("a year earlier", "2021-07/2021-09")]


def test_a_year_earlier_without_a_quarter_nearby_is_the_year_before() -> None:
    text = "In 2015 the chain opened. A year earlier it had no shops."
    assert found(text, dt.date(2022, 11, 2)) == [("2015", "2015"), ("A year earlier", "2021")]


def test_a_mention_outside_the_given_sentences_reads_its_own_words() -> None:
    text = "The army withdrew on Friday. The talks will resume on Friday."
    # Only the first sentence is given; the second Friday still reads "will".
    mentions = find_dates(text, BASE, sentences=[(0, 28)])
    assert [m.value for m in mentions] == ["2022-12-02", "2022-12-09"]


def test_the_quarter_in_earnings_prose_is_the_reported_quarter() -> None:
    base = dt.date(2022, 11, 2)
    assert found("The bakery lost $2 million in the quarter.", base) == [
        ("the quarter", "2022-07/2022-09")]
    assert found("Flats in the old Quarter cost a quarter of a million.", base) == []
    assert found("The quarter-to-quarter gain was small.", base) == []


def test_a_day_and_month_take_the_year_phrase_after_them() -> None:
    base = dt.date(2023, 8, 21)
    text = "The club was founded on 31 July last year. Voting took place on March 11 this year."
    assert [(m.text, m.value) for m in find_dates(text, base)] == [
        ("31 July last year", "2022-07-31"), ("March 11 this year", "2023-03-11")]


@pytest.mark.parametrize("text, want", [
    ("The leaders met on April 12 and 13 in Washington.", [("April 12 and 13", "2010-04-12/2010-04-13")]),
    ("Talks ran on 12-13 April 2010.", [("12-13 April 2010", "2010-04-12/2010-04-13")]),
    # A day, then a count: not a pair of days.
    ("Between April 2 and 13 people died.", [("April 2", "2010-04-02")]),
    ("It reached second in the 1928-29 season.", [("1928-29", "1928/1929")]),
])
def test_two_days_of_one_month(text: str, want: list[tuple[str, str]]) -> None:
    got = [(m.text, m.value) for m in find_dates(text, dt.date(2010, 4, 8))]
    assert got == want


def test_a_quarter_century_is_no_quarter() -> None:
    assert find_dates("She has spent much of the last quarter century on it.", BASE) == []
    assert [m.text for m in find_dates("Profit rose in the last quarter.", BASE)] == \
        ["the last quarter"]


def test_by_the_end_of_a_month_is_a_deadline_in_that_month() -> None:
    # Any day up to its last is in time: the month, not its last ten days.
    base = dt.date(2019, 5, 3)
    text = "The board hopes to pick a site by the end of June."
    assert [m.value for m in find_dates(text, base)] == ["2019-06"]
    text = "Work stopped at the end of March."
    assert [m.value for m in find_dates(text, base)] == ["2019-03-21/2019-03-31"]
    text = "The fund must be raised by the end of October 2020."
    assert [m.value for m in find_dates(text, base)] == ["2020-10"]


def test_by_the_end_of_the_month_is_the_month() -> None:
    # A deadline may fall on any day of it; without "by" the end is its last ten days.
    base = dt.date(2012, 7, 5)
    assert found("Papers are due by the end of the month.", base) == [
        ("the end of the month", "2012-07")]
    assert found("Sales rose at the end of the month.", base) == [
        ("the end of the month", "2012-07-21/2012-07-31")]


def test_before_the_end_of_a_year_is_a_deadline_in_that_year() -> None:
    # "by"/"before" the end of a year: any day of it is in time; without them the end is
    # the year's last months.
    base = dt.date(2014, 4, 8)
    assert found("The council hopes for a ruling before the end of the year.", base) == [
        ("the end of the year", "2014")]
    assert found("The tunnel was meant to open by the end of 2012.", base) == [
        ("the end of 2012", "2012")]
    assert found("Prices climbed at the end of the year.", base) == [
        ("the end of the year", "2014-09/2014-12")]


@pytest.mark.parametrize("text", [
    "A man in his sixties was seen near the pier.",
    "The new chair, a lawyer in her early forties, took over.",
    "Both are in their late twenties.",
    "The dam would cost $40 million in today's money.",
    "At today's prices the ticket is worth far more.",
])
def test_ages_and_todays_money_are_no_dates(text: str) -> None:
    assert found(text) == [], found(text)


def test_a_decade_word_without_a_person_is_still_a_decade() -> None:
    assert found("The band was formed in the sixties.") == [("the sixties", "1960/1969")]
    assert found("Prices rose today.") == [("today", "2022-12-06")]
