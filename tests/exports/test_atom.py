"""feed.xml: valid Atom, newest first, links absolute or resolvable."""

from __future__ import annotations

import feedparser
import lxml.etree
from export_sample import SITE, exports


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
    out = exports(SITE, feed_limit=2)
    assert [e.title for e in feedparser.parse(out["feed.xml"]).entries] == [
        "Shoigu visits Minsk", "Makei dies"]
