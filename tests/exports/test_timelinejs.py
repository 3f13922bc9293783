"""timeline.json: TimelineJS slides at the precision the dates have."""

from __future__ import annotations

import json


def test_timelinejs_keeps_honest_precision(files):
    data = json.loads(files["timeline.json"])
    assert data["title"]["text"] == {"headline": "Test &amp; &lt;timeline&gt;",
                                     "text": "About, things"}
    slides = {s["unique_id"]: s for s in data["events"]}
    assert slides["day"]["start_date"] == {"year": 2022, "month": 2, "day": 24,
                                           "display_date": "24 February 2022"}
    assert "end_date" not in slides["day"]
    assert slides["month"]["start_date"] == {"year": 2022, "month": 11,
                                             "display_date": "November 2022"}
    assert slides["year"]["start_date"] == {"year": 2020, "display_date": "2020"}
    assert slides["weekend"]["end_date"] == {"year": 2022, "month": 12, "day": 4}
    assert slides["late"]["start_date"]["month"] == 9
    assert slides["late"]["end_date"] == {"year": 2020, "month": 12}
    assert slides["nineties"]["start_date"]["year"] == 1990
    assert slides["nineties"]["end_date"] == {"year": 1999}
    assert slides["day"]["group"] == "war" and "group" not in slides["weekend"]
    assert slides["evil"]["media"]["url"] == "https://img.example/i.jpg"
    # TimelineJS inserts headline and text as HTML: the markup must arrive escaped.
    headline = slides["evil"]["text"]["headline"]
    assert "<" not in headline and "&lt;/script&gt;" in headline and "\x0b" not in headline
