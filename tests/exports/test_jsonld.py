"""JSON-LD of event pages: honest dates, and no way out of its <script>."""

from __future__ import annotations

import json

import lxml.html
from export_sample import SITE, sample

from dateline.model import Timeline
from dateline.site.jsonld import event_jsonld, json_for_script


def test_json_for_script_cannot_break_out_of_its_script_element():
    data = event_jsonld(sample().events[0], "x.html", Timeline())
    data["name"] = "</script><script>alert(1)</script>\u2028&"
    page = ('<html><head><script type="application/ld+json">'
            f"{json_for_script(data)}</script></head><body></body></html>")
    scripts = lxml.html.fromstring(page).xpath("//script")
    assert len(scripts) == 1
    assert json.loads(scripts[0].text) == data
    assert "\u2028" not in json_for_script(data)


def test_event_jsonld_dates_only_as_precise_as_known():
    by_id = {e.id: e for e in sample().events}
    timeline = Timeline(language="en")
    day = event_jsonld(by_id["day"], SITE + "events/day.html", timeline)
    assert day["@type"] == "Event" and day["startDate"] == "2022-02-24"
    assert "endDate" not in day
    assert day["location"] == [{"@type": "Place", "name": "Ukraine"},
                               {"@type": "Place", "name": "Belarus"}]
    assert day["keywords"] == "war, a,b;c" and day["url"] == SITE + "events/day.html"
    assert day["subjectOf"]["datePublished"] == "2022-12-06"
    month = event_jsonld(by_id["month"], "m.html", timeline)
    assert (month["startDate"], month.get("endDate")) == ("2022-11", None)
    weekend = event_jsonld(by_id["weekend"], "w.html", timeline)
    assert (weekend["startDate"], weekend["endDate"]) == ("2022-12-03", "2022-12-04")
    late = event_jsonld(by_id["late"], "l.html", timeline)
    assert (late["startDate"], late["endDate"]) == ("2020-09", "2020-12")
    nineties = event_jsonld(by_id["nineties"], "n.html", timeline)
    assert (nineties["startDate"], nineties["endDate"]) == ("1990", "1999")
    assert "\x0b" not in json.dumps(event_jsonld(by_id["evil"], "e.html", timeline))
