"""The story's reference time (extract/reference.py): a relative date counts from the date
of the main clause before it, not from a date told in passing beside it."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.extract.events import extract_events
from dateline.extract.ingest import Article

pytest.importorskip("dateline.extract.nlp")

BASE = dt.date(2019, 6, 20)


def dates(text: str) -> dict[str, str]:
    article = Article(text=text, title="T", published=BASE, url=None, path="t.md")
    return {e.date_text: e.date for e in extract_events(article)}


def test_a_date_in_a_clause_told_in_passing_does_not_anchor_what_follows():
    got = dates("The strike began on March 4, two weeks after a similar walkout at the "
                "Lindqvist mill ended on Feb. 18. Three days later, dockers in Malmo joined "
                "the strike.")
    assert got["Three days later"] == "2019-03-07", got
    assert got["on March 4"] == "2019-03-04" and got["on Feb. 18"] == "2019-02-18", got


def test_a_relative_clause_date_is_background_too():
    got = dates("The ferry sank on 2 April off Kettle Point, which its crew had first "
                "charted on 9 March. The next day divers reached the wreck.")
    assert got["The next day"] == "2019-04-03", got


def test_a_complement_of_saying_is_what_the_story_tells():
    # The sinking, not the saying, is the time "two days later" counts from.
    got = dates("Officials said on 9 May that the barge sank on 2 May. Two days later, "
                "salvage crews reached the barge.")
    assert got["Two days later"] == "2019-05-04", got


def test_a_sentence_with_no_dated_main_clause_still_anchors_on_its_last_date():
    got = dates("Protests spread after the governor resigned on 11 March. Two days later, "
                "the assembly chose his successor.")
    assert got["Two days later"] == "2019-03-13", got


def test_a_date_in_passing_still_anchors_its_own_sentence():
    got = dates("Mr. Okafor, who won the regional title in 2003, entered politics four years "
                "later. In 2015 he founded a party, and two years later it won a seat.")
    assert got["four years later"] == "2007", got
    assert got["two years later"] == "2017", got
