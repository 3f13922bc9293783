"""feed.xml: an Atom 1.0 feed of the newest events, with timestamps from the content only."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

from dateline.model import Content, Event, Source, Timeline
from dateline.site.exports.xmltree import sub, xml_bytes
from dateline.site.text import absolute, clean, source_quote, stamp_date

ATOM_NS = "http://www.w3.org/2005/Atom"
# The tag: URI date must never change, or every reader would see every entry as new again.
TAG_DATE = "2022"
_EPOCH = dt.date(1970, 1, 1)  # the feed's `updated` when there are no events at all


def _timestamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _tag(timeline: Timeline, slug: str) -> str:
    """A tag: URI (RFC 4151) for a site with no known address, named after its title."""
    # Not urls.slugify: these ids are already in readers' feeds, and slugify's ASCII folding
    # and length limit would give a non-ASCII or long title new ids, so every entry anew.
    name = re.sub(r"[^a-z0-9]+", "-", timeline.title.lower()).strip("-") or "timeline"
    return f"tag:dateline,{TAG_DATE}:{name}" + (f"/{slug}" if slug else "")


def _entry(feed: ET.Element, event: Event, url: str, base: str, timeline: Timeline) -> None:
    entry = sub(feed, "entry")
    sub(entry, "id", url if base else _tag(timeline, event.slug))
    sub(entry, "title", event.title)
    sub(entry, "updated", _timestamp(stamp_date(event)))
    sub(entry, "link", rel="alternate", type="text/html", href=url)
    summary = f"{event.date.display()} — {event.title}"
    if source_quote(event):
        summary += f"\n\n“{source_quote(event)}”"
    if event.several_sources:
        summary += "\n\nReported by:" + "".join(f"\n- {_cited(s)}" for s in event.sources)
    sub(entry, "summary", summary, type="text")
    if event.several_sources:
        # Each article as a related link: feed readers show them beside the entry.
        for s in event.sources:
            if s.url:
                sub(entry, "link", rel="related", type="text/html", href=s.url,
                    **({"title": s.title} if s.title else {}))
    for tag in event.tags:
        sub(entry, "category", term=tag)


def _cited(source: Source) -> str:
    """One source in a summary: title, day, its phrase and reading of the date."""
    out = source.title or source.url
    if source.published:
        out += f", {source.published.isoformat()}"
    if source.reading is not None:
        phrase = f"“{source.date_text}”, " if source.date_text else ""
        out += f" ({phrase}{source.reading.display()})"
    return out


def atom_feed(content: Content, urls: dict[str, str], base: str,
              limit: int | None = None) -> bytes:
    """feed.xml: Atom 1.0, newest event first; relative links resolve against the feed."""
    timeline = content.timeline
    events = content.events[::-1][:limit]  # they come in timeline order
    feed = ET.Element("feed", {"xmlns": ATOM_NS, "xml:lang": clean(timeline.language)})
    sub(feed, "title", timeline.title)
    if timeline.description:
        sub(feed, "subtitle", timeline.description)
    sub(feed, "id", base or _tag(timeline, ""))
    updated = max((stamp_date(e) for e in events), default=timeline.date_base or _EPOCH)
    sub(feed, "updated", _timestamp(updated))
    sub(feed, "link", rel="self", type="application/atom+xml", href=absolute(base, "feed.xml"))
    sub(feed, "link", rel="alternate", type="text/html", href=base or "./")
    # Atom requires an author on the feed when entries carry none.
    sub(sub(feed, "author"), "name", timeline.author or timeline.title)
    sub(feed, "generator", "dateline")
    for event in events:
        _entry(feed, event, absolute(base, urls[event.slug]), base, timeline)
    return xml_bytes(feed)
