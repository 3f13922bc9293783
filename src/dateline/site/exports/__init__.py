"""Exports for subscribing and reusing a timeline: Atom, iCalendar, TimelineJS, CSV, sitemap
and the search index, one module each.

Pure functions of the validated content: no I/O and no clock. Every timestamp is derived
from the events themselves, so a rebuild of unchanged content is byte-identical (feed readers
and calendars then see nothing new, and the atomic writer has nothing to rewrite).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from dateline.model import Content, Event
from dateline.site.exports.atom import atom_feed
from dateline.site.exports.csvfile import csv_row, events_csv
from dateline.site.exports.ics import icalendar, vevent
from dateline.site.exports.joined import FILES, MARK, ExportMemo, Pieces, join_pieces
from dateline.site.exports.sitemap import sitemaps
from dateline.site.exports.timelinejs import slide, timelinejs
from dateline.site.search import search_index, search_row
from dateline.site.text import dumps, site_base, strip_json


def render_exports(content: Content, event_url: Callable[[Event], str], site_url: str | None,
                   pages: Iterable[str] = (), feed_limit: int | None = None,
                   filter_keys: Callable[[Event], list[str]] | None = None,
                   memo: ExportMemo | None = None, layout: str = "") -> dict[str, bytes]:
    """All export files, keyed by their path relative to site/.

    event_url(event) is the event page's path relative to the site root; site_url is the
    site's absolute address ("" or None when unknown: URLs then stay relative and no sitemap
    is written). pages are further page paths for the sitemap; feed_limit keeps only the
    newest entries in feed.xml (None: all). With a memo, the pieces of events an earlier
    build formatted are reused and this build's are left in `memo.made`; with the same
    `layout` as that build's (render.plan_build), a rebuild after one edit formats one event
    again and looks up nothing else.
    """
    base = site_base(site_url)
    events = content.events
    urls = {e.slug: event_url(e) for e in events}
    host = urlsplit(base).hostname or "dateline"

    def key(i: int) -> str:
        e = events[i]
        filters = filter_keys(e) if filter_keys else None
        return repr((e.digest, e.date.value, urls[e.slug], base,
                     tuple(filters) if filters is not None else None))

    def make(i: int) -> Pieces:
        e = events[i]
        url = urls[e.slug]
        return (vevent(e, url, base, host).encode("utf-8"), dumps(strip_json(slide(e, url, base))),
                csv_row(e).encode("utf-8"),
                dumps(search_row(e, url, filter_keys(e) if filter_keys else None)))

    def same(i: int, stored: str) -> bool:
        # A key starts with the digest of the event's file (key(): its repr, "('" digest
        # "', ", a digest being hex); the rest follows from the layout. Compared in place:
        # formatting ten thousand reprs was most of splicing the exports.
        d = events[i].digest
        return (stored.startswith("('") and stored.startswith(d, 2)
                and stored.startswith("', ", 2 + len(d)))

    # Each body is its export's pieces joined already (joined.SEPARATORS).
    framed = {"events.ics": lambda body: icalendar(content.timeline, [body]),
              "timeline.json": lambda body: timelinejs(content.timeline, [body]),
              "events.csv": lambda body: events_csv([body]),
              "events.json": lambda body: search_index([body])}
    # Each file is its frame around its body: found once with a mark for the body, so the
    # pieces are joined straight into the file (the body is twenty megabytes at 10,000 events).
    frames = [framed[name](MARK).split(MARK) for name in FILES]
    if all(len(frame) == 2 for frame in frames):
        joined = join_pieces(memo.previous() if memo else None, layout, len(events), key, make,
                             same, tuple((frame[0], frame[1]) for frame in frames))
        made = joined.files
    else:  # a frame that holds the mark itself (never in practice): frame each body whole
        joined = join_pieces(memo.previous() if memo else None, layout, len(events), key, make,
                             same)
        made = tuple(framed[name](bytes(body)) for name, body in zip(FILES, joined.bodies, strict=True))
    files = {"feed.xml": atom_feed(content, urls, base, feed_limit)}
    files.update(zip(FILES, made, strict=True))
    if memo is not None:
        memo.made = joined
        for name, frame in zip(FILES, frames, strict=True):
            if len(frame) == 2:
                memo.frames[name] = (frame[0], frame[1])
    if base:
        files.update(sitemaps(content, urls, base, pages))
    return files
