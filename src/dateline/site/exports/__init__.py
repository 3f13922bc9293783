"""Exports for subscribing and reusing a timeline: Atom, iCalendar, TimelineJS, CSV, sitemap
and the search index, one module each.

Pure functions of the validated content: no I/O and no clock. Every timestamp is derived
from the events themselves, so a rebuild of unchanged content is byte-identical (feed readers
and calendars then see nothing new, and the atomic writer has nothing to rewrite).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, MutableMapping
from urllib.parse import urlsplit

from dateline.model import Content, Event
from dateline.site.exports.atom import atom_feed
from dateline.site.exports.csvfile import csv_row, events_csv
from dateline.site.exports.ics import icalendar, vevent
from dateline.site.exports.sitemap import sitemaps
from dateline.site.exports.timelinejs import slide, timelinejs
from dateline.site.search import search_index, search_row
from dateline.site.text import dumps, site_base, strip_json

# What render_exports() may be given to reuse each event's pieces between builds: a key
# (event file digest, date, page URL, site base, filter keys) -> (VEVENT, TimelineJS slide,
# CSV row, search row), each as the UTF-8 bytes it is in its file, so that unchanged pieces
# are joined as they were stored, never decoded and encoded again. Any mutable mapping will
# do; the build's also records the keys used.
Memo = MutableMapping[tuple, tuple[bytes, ...]]


def render_exports(content: Content, event_url: Callable[[Event], str], site_url: str | None,
                   pages: Iterable[str] = (), feed_limit: int | None = None,
                   filter_keys: Callable[[Event], list[str]] | None = None,
                   memo: Memo | None = None) -> dict[str, bytes]:
    """All export files, keyed by their path relative to site/.

    event_url(event) is the event page's path relative to the site root; site_url is the
    site's absolute address ("" or None when unknown: URLs then stay relative and no sitemap
    is written). pages are further page paths for the sitemap; feed_limit keeps only the
    newest entries in feed.xml (None: all). With a memo, an event's pieces made by an
    earlier call are reused, so a rebuild after one edit formats one event again.
    """
    base = site_base(site_url)
    urls = {e.slug: event_url(e) for e in content.events}
    pieces = _event_pieces(content, urls, base, filter_keys, {} if memo is None else memo)
    files = {
        "feed.xml": atom_feed(content, urls, base, feed_limit),
        "events.ics": icalendar(content.timeline, [p[0] for p in pieces]),
        "timeline.json": timelinejs(content.timeline, [p[1] for p in pieces]),
        "events.csv": events_csv([p[2] for p in pieces]),
        "events.json": search_index([p[3] for p in pieces]),
    }
    if base:
        files.update(sitemaps(content, urls, base, pages))
    return files


def _event_pieces(content: Content, urls: dict[str, str], base: str,
                  filter_keys: Callable[[Event], list[str]] | None,
                  memo: Memo) -> list[tuple[bytes, ...]]:
    """Each event's (VEVENT, TimelineJS slide, CSV row, search row), from the memo if it has them.

    One pass and one lookup per event for all four exports: with every event unchanged, this
    loop is what a rebuild of the exports costs.
    """
    host = urlsplit(base).hostname or "dateline"
    out = []
    for e in content.events:
        url = urls[e.slug]
        filters = filter_keys(e) if filter_keys else None
        key = (e.digest, e.date.value, url, base, tuple(filters) if filters is not None else None)
        found = memo.get(key)
        if found is None:
            found = memo[key] = (
                vevent(e, url, base, host).encode("utf-8"), dumps(strip_json(slide(e, url, base))),
                csv_row(e).encode("utf-8"), dumps(search_row(e, url, filters)))
        out.append(found)
    return out
