"""All exports together: deterministic bytes, hostile text, the example site, no events."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import subprocess
import sys
from pathlib import Path

import feedparser
import icalendar
import lxml.etree
import pytest
from export_sample import EVIL, PUBLISHED, SITE, exports, url, vevents

from dateline.content import load_site
from dateline.model import Content, Timeline
from dateline.site.exports import render_exports

REPO = Path(__file__).resolve().parents[2]


def test_output_is_byte_identical_across_runs_and_hash_seeds(files):
    assert exports(SITE, pages=["about.html", "tags/war.html"]) == files
    code = ("import hashlib, sys; sys.path.insert(0, %r); import export_sample as t; "
            "out = t.exports(t.SITE); "
            "print({k: hashlib.sha256(v).hexdigest() for k, v in sorted(out.items())})")
    results = {
        subprocess.run([sys.executable, "-c", code % str(Path(__file__).parents[1])],
                       env={"PYTHONHASHSEED": seed, "PATH": ""}, capture_output=True,
                       text=True, check=True).stdout
        for seed in ("0", "1", "12345")
    }
    assert len(results) == 1
    here = {k: hashlib.sha256(v).hexdigest() for k, v in
            sorted(exports(SITE).items())}
    assert results == {f"{here}\n"}


@pytest.mark.parametrize("site_url", [SITE, None])
def test_hostile_title_keeps_every_format_well_formed(site_url):
    out = exports(site_url)
    for name in ("feed.xml", "sitemap.xml"):
        if name in out:
            lxml.etree.fromstring(out[name])
    feed = feedparser.parse(out["feed.xml"])
    assert feed.bozo == 0
    clean = EVIL.replace("\x0b", "").replace("\x00", "")
    assert clean in [e.title for e in feed.entries]
    assert clean in [str(e["SUMMARY"]) for e in vevents(out["events.ics"]).values()]
    for name in ("timeline.json", "events.json"):
        json.loads(out[name])
    list(csv.reader(io.StringIO(out["events.csv"].decode(), newline="")))


def test_example_site_exports_are_valid():
    content = load_site(REPO)
    assert content.errors == []
    out = render_exports(content, url, content.timeline.url or SITE)
    assert feedparser.parse(out["feed.xml"]).bozo == 0
    assert len(vevents(out["events.ics"])) == len(content.events)
    assert len(json.loads(out["timeline.json"])["events"]) == len(content.events)


def test_empty_timeline_and_odd_page_paths():
    out = render_exports(Content(Timeline(date_base=PUBLISHED), []), url, SITE,
                         pages=["/tags/a b.html", "/tags/a b.html"])
    feed = feedparser.parse(out["feed.xml"])
    assert feed.bozo == 0 and feed.entries == []
    assert feed.feed.updated == "2022-12-06T00:00:00Z"  # the timeline's base, not the clock
    assert icalendar.Calendar.from_ical(out["events.ics"]).walk("VEVENT") == []
    locs = [loc.text for loc in lxml.etree.fromstring(out["sitemap.xml"]).iter("{*}loc")]
    assert locs == [SITE, SITE + "tags/a%20b.html"]
    assert json.loads(out["events.json"]) == []
