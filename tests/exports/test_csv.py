"""events.csv: a round trip through the csv module, formula cells guarded."""

from __future__ import annotations

import csv
import io

from export_sample import EVIL

from dateline.site.exports.csvfile import CSV_COLUMNS


def test_csv_round_trip_and_formula_guard(files):
    text = files["events.csv"].decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert list(rows[0]) == list(CSV_COLUMNS)
    by_id = {r["id"]: r for r in rows}
    day = by_id["day"]
    assert (day["date"], day["first_day"], day["last_day"], day["precision"]) == (
        "2022-02-24", "2022-02-24", "2022-02-24", "day")
    assert day["tags"] == "war;a,b;c" and day["places"] == "Ukraine;Belarus"
    assert day["quote"] == 'He said, "no; never"\nthen left.'
    assert day["source_url"] == "https://news.example/a?x=1&y=2"
    assert day["source_published"] == "2022-12-06"
    assert by_id["weekend"]["date"] == "2022-12-03/2022-12-04"
    assert by_id["weekend"]["precision"] == "span"
    assert by_id["year"]["tags"] == "'=cmd" and by_id["year"]["date_text"] == "'-in 2020"
    assert by_id["evil"]["title"] == EVIL.replace("\x0b", "").replace("\x00", "")
    assert all(not v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values())
