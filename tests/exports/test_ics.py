"""events.ics: all-day spans, RFC 5545 escaping, folding and stable UIDs."""

from __future__ import annotations

import datetime as dt

import pytest
from export_sample import LONG, SITE, vevents


@pytest.mark.parametrize("uid, start, end", [
    ("day", dt.date(2022, 2, 24), dt.date(2022, 2, 25)),
    ("month", dt.date(2022, 11, 1), dt.date(2022, 12, 1)),
    ("weekend", dt.date(2022, 12, 3), dt.date(2022, 12, 5)),
    ("year", dt.date(2020, 1, 1), dt.date(2021, 1, 1)),
    ("late", dt.date(2020, 9, 1), dt.date(2021, 1, 1)),
    ("spring", dt.date(2021, 3, 1), dt.date(2021, 6, 1)),
])
def test_ics_all_day_spans(files, uid, start, end):
    event = vevents(files["events.ics"])[uid]
    assert event["DTSTART"].dt == start and event["DTEND"].dt == end
    assert event["DTSTART"].params["VALUE"] == "DATE"


def test_ics_properties_escaping_and_stable_ids(files, bare):
    events = vevents(files["events.ics"])
    day = events["day"]
    assert str(day["UID"]) == "day@example.org"
    assert day["DTSTAMP"].dt == dt.datetime(2022, 12, 6, tzinfo=dt.timezone.utc)
    assert events["month"]["DTSTAMP"].dt.date() == dt.date(2022, 11, 30)
    assert str(day["SUMMARY"]) == "Invasion"
    description = str(day["DESCRIPTION"])
    assert description.startswith("24 February 2022")
    assert 'He said, "no; never"\nthen left.' in description
    assert "https://news.example/a?x=1&y=2" in description
    assert str(day["URL"]) == SITE + "events/day.html"
    assert [str(c) for c in day["CATEGORIES"].cats] == ["war", "a,b;c"]
    unfolded = files["events.ics"].decode().replace("\r\n ", "")
    assert r'He said\, "no\; never"\nthen left.' in unfolded
    assert r"CATEGORIES:war,a\,b\;c" in unfolded
    bare_events = vevents(bare["events.ics"])
    assert str(bare_events["day"]["UID"]) == "day@dateline"
    assert "URL" not in bare_events["day"]


def test_ics_lines_are_crlf_and_folded_at_75_octets(files):
    data = files["events.ics"]
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # the long title really was folded
    for line in lines:
        line.decode("utf-8")  # a fold never splits a multi-byte character
    assert str(vevents(data)["long"]["SUMMARY"]) == LONG
