"""events.json: the finder's index, compact and deterministic."""

from __future__ import annotations

import json

from dateline.site.search import SEARCH_TEXT_CHARS


def test_search_index(files):
    rows = json.loads(files["events.json"])
    by_id = {r["id"]: r for r in rows}
    month = by_id["month"]
    assert month == {"id": "month", "url": "events/month.html", "title": "Makei dies",
                     "date": "2022-11", "first": "2022-11-01", "last": "2022-11-30",
                     "display": "November 2022", "precision": "month", "tags": ["diplomacy"],
                     "people": [], "places": [], "text": "makei dies he died here."}
    assert len(by_id["long"]["text"]) <= SEARCH_TEXT_CHARS
    assert "\x0b" not in files["events.json"].decode()
    assert files["events.json"] == json.dumps(rows, ensure_ascii=False, separators=(",", ":"),
                                              sort_keys=True).encode()
