"""Exports (dateline.feeds): parse every format with an independent parser and check it."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import subprocess
import sys
from pathlib import Path

import feedparser
import icalendar
import lxml.etree
import lxml.html
import pytest

from dateline import feeds
from dateline.content import load_site
from dateline.dates import parse_value
from dateline.feeds import event_jsonld, json_for_script, render_exports
from dateline.model import Content, Event, Media, Source, Timeline

REPO = Path(__file__).resolve().parents[1]
SITE = "https://example.org/tl/"
EVIL = 'A <b>bold</b> & "quoted" \'claim\'\x0b\x00 </script><script>alert(1)</script>'
LONG = "Ünïcödé " + "x" * 200  # multi-byte characters near the fold points too
PUBLISHED = dt.date(2022, 12, 6)


def ev(id: str, date: object, title: str = "", **kw: object) -> Event:
    return Event(id=id, date=parse_value(date), title=title or id, path=f"events/{id}.yaml", **kw)


def sample() -> Content:
    src = Source(title="The article", url="https://news.example/a?x=1&y=2",
                 published=PUBLISHED, quote='He said, "no; never"\nthen left.')
    events = [
        ev("day", "2022-02-24", "Invasion", tags=("war", "a,b;c"), source=src,
           people=("Vladimir Putin",), places=("Ukraine", "Belarus"), date_text="on 24 February"),
        ev("month", "2022-11", "Makei dies", tags=("diplomacy",), body="He *died* [here](x)."),
        ev("weekend", "2022-12-03/2022-12-04", "Shoigu visits Minsk"),
        ev("year", 2020, "Election", tags=("=cmd",), date_text="-in 2020"),
        ev("late", "2020-09/2020-12", "Crackdown"),
        ev("spring", "2021-21", "Spring"),
        ev("nineties", "199X", "The nineties"),
        ev("evil", "2021-06-01", EVIL, tags=(EVIL,), source=Source(quote=EVIL),
           media=Media(url="https://img.example/i.jpg", caption=EVIL, credit="@me")),
        ev("long", "2019-01-01", LONG),
    ]
    events.sort(key=Event.sort_key)
    return Content(Timeline(title="Test & <timeline>", description="About, things"), events)


def url(event: Event) -> str:
    return f"events/{event.slug}.html"


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return render_exports(sample(), url, SITE, pages=["about.html", "tags/war.html"])


@pytest.fixture(scope="module")
def bare() -> dict[str, bytes]:
    return render_exports(sample(), url, None)


# --- Atom -----------------------------------------------------------------------------------

def test_atom_is_valid_newest_first_with_absolute_links(files):
    lxml.etree.fromstring(files["feed.xml"])  # strict XML parser: raises if ill-formed
    feed = feedparser.parse(files["feed.xml"])
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "Test & <timeline>"
    titles = [e.title for e in feed.entries]
    assert titles[:3] == ["Shoigu visits Minsk", "Makei dies", "Invasion"]
    first = feed.entries[0]
    assert first.link == SITE + "events/weekend.html"
    assert first.id == SITE + "events/weekend.html"
    assert first.summary.startswith("3–4 December 2022 — Shoigu visits Minsk")
    # `updated` comes from the content, never the clock: source date, else the last day.
    by_title = {e.title: e for e in feed.entries}
    assert by_title["Invasion"].updated == "2022-12-06T00:00:00Z"
    assert by_title["Makei dies"].updated == "2022-11-30T00:00:00Z"
    assert feed.feed.updated == "2022-12-06T00:00:00Z"
    assert [t.term for t in by_title["Invasion"].tags] == ["war", "a,b;c"]
    assert "“He said" in by_title["Invasion"].summary
    assert len({e.id for e in feed.entries}) == len(feed.entries)


def test_atom_without_site_url_uses_relative_links_and_tag_ids(bare):
    feed = feedparser.parse(bare["feed.xml"])
    assert feed.bozo == 0
    entry = next(e for e in feed.entries if e.title == "Invasion")
    assert entry.link == "events/day.html"
    assert entry.id == "tag:dateline,2022:test-timeline/day"
    # Given the feed's own address, a reader resolves the links against it.
    resolved = feedparser.parse(bare["feed.xml"].decode(),
                                response_headers={"content-location": SITE + "feed.xml"})
    assert any(e.link == SITE + "events/day.html" for e in resolved.entries)


def test_feed_limit_keeps_newest():
    out = render_exports(sample(), url, SITE, feed_limit=2)
    assert [e.title for e in feedparser.parse(out["feed.xml"]).entries] == [
        "Shoigu visits Minsk", "Makei dies"]


# --- iCalendar ------------------------------------------------------------------------------

def vevents(data: bytes) -> dict[str, icalendar.Event]:
    cal = icalendar.Calendar.from_ical(data)
    return {str(e["UID"]).split("@")[0]: e for e in cal.walk("VEVENT")}


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


# --- TimelineJS -----------------------------------------------------------------------------

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


# --- CSV ------------------------------------------------------------------------------------

def test_csv_round_trip_and_formula_guard(files):
    text = files["events.csv"].decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert list(rows[0]) == list(feeds.CSV_COLUMNS)
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


# --- sitemap --------------------------------------------------------------------------------

def test_sitemap_only_with_site_url(files, bare):
    assert "sitemap.xml" not in bare
    root = lxml.etree.fromstring(files["sitemap.xml"])
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = root.xpath("//s:url/s:loc/text()", namespaces=ns)
    assert locs[0] == SITE
    assert SITE + "events/day.html" in locs and SITE + "tags/war.html" in locs
    assert len(locs) == len(set(locs)) == 1 + len(sample().events) + 2
    assert not root.xpath("//s:lastmod", namespaces=ns)


def test_sitemap_splits_into_an_index_past_the_limit(monkeypatch):
    monkeypatch.setattr(feeds, "SITEMAP_MAX_URLS", 4)
    out = render_exports(sample(), url, SITE)
    parts = sorted(k for k in out if k.startswith("sitemap-"))
    assert parts == ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"]
    index = lxml.etree.fromstring(out["sitemap.xml"])
    assert index.tag.endswith("sitemapindex")
    assert [loc.text for loc in index.iter("{*}loc")] == [SITE + p for p in parts]


# --- events.json ----------------------------------------------------------------------------

def test_search_index(files):
    rows = json.loads(files["events.json"])
    by_id = {r["id"]: r for r in rows}
    month = by_id["month"]
    assert month == {"id": "month", "url": "events/month.html", "title": "Makei dies",
                     "date": "2022-11", "first": "2022-11-01", "last": "2022-11-30",
                     "display": "November 2022", "precision": "month", "tags": ["diplomacy"],
                     "people": [], "places": [], "text": "makei dies he died here."}
    assert len(by_id["long"]["text"]) <= feeds.SEARCH_TEXT_CHARS
    assert "\x0b" not in files["events.json"].decode()
    assert files["events.json"] == json.dumps(rows, ensure_ascii=False, separators=(",", ":"),
                                              sort_keys=True).encode()


# --- determinism and odd text ---------------------------------------------------------------

def test_output_is_byte_identical_across_runs_and_hash_seeds(files):
    assert render_exports(sample(), url, SITE, pages=["about.html", "tags/war.html"]) == files
    code = ("import hashlib, sys; sys.path.insert(0, %r); import test_feeds as t; "
            "out = t.render_exports(t.sample(), t.url, t.SITE); "
            "print({k: hashlib.sha256(v).hexdigest() for k, v in sorted(out.items())})")
    results = {
        subprocess.run([sys.executable, "-c", code % str(Path(__file__).parent)],
                       env={"PYTHONHASHSEED": seed, "PATH": ""}, capture_output=True,
                       text=True, check=True).stdout
        for seed in ("0", "1", "12345")
    }
    assert len(results) == 1
    here = {k: hashlib.sha256(v).hexdigest() for k, v in
            sorted(render_exports(sample(), url, SITE).items())}
    assert results == {f"{here}\n"}


@pytest.mark.parametrize("site_url", [SITE, None])
def test_hostile_title_keeps_every_format_well_formed(site_url):
    out = render_exports(sample(), url, site_url)
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


# --- JSON-LD --------------------------------------------------------------------------------

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
