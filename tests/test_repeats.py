"""Repeats of one event merged, and two events of one person kept apart. Invented
sentences only."""

from __future__ import annotations

from extract_util import titles

from dateline.extract.candidate import deeds


def test_one_person_doing_two_things_is_two_events() -> None:
    got = titles("Anna Berg resigned in 2012 over a row about the harbour. "
                 "Anna Berg was flown to Oslo on 14 October 2012.")
    assert got["2012"] == "Anna Berg resigned over a row about the harbour"
    assert got["2012-10-14"] == "Anna Berg was flown to Oslo"


def test_deeds_are_a_titles_words_other_than_its_names() -> None:
    assert deeds("Anna Berg was flown to Oslo") == {"flown"}
