"""timeline.json: the TimelineJS3 data file, one slide per event."""

from __future__ import annotations

import datetime as dt
import html

from dateline.dates import Bound
from dateline.model import Event, Timeline
from dateline.site.text import absolute, dumps, source_quote, strip_json


def _tl_date(bound: Bound, day: dt.date, display: str | None = None) -> dict:
    """A TimelineJS date object with only the parts the value really has."""
    out: dict = {"year": day.year}
    if bound.precision in ("day", "month", "season"):
        out["month"] = day.month
    if bound.precision == "day":
        out["day"] = day.day
    if display:
        out["display_date"] = display
    return out


def timelinejs(timeline: Timeline, slides: list[bytes]) -> bytes:
    """timeline.json for TimelineJS3. Its headline and text are inserted as HTML: escape them."""
    esc = html.escape
    title = {"text": {"headline": esc(timeline.title), "text": esc(timeline.description)}}
    # The same bytes as dumping {"events": [...], "title": ...} with sorted keys, built from
    # per-event pieces so that one edit re-encodes one slide.
    return b'{"events":[' + b",".join(slides) + b'],"title":' + dumps(strip_json(title)) + b"}"


def _media(event: Event) -> dict | None:
    m = event.media
    if not m:
        return None
    esc = html.escape
    media = {"url": m.url, "caption": esc(m.caption), "credit": esc(m.credit)}
    if m.alt:
        media["alt"] = esc(m.alt)
    return media


def slide(event: Event, url: str, base: str) -> dict:
    """One event's TimelineJS slide (strings not yet cleaned of control characters)."""
    esc = html.escape
    value, display = event.date, event.date.display()
    # Multi-unit periods (a season, a decade) need an end date even as a single value.
    is_span = value.end is not None or value.start.precision in ("season", "decade",
                                                                 "century")
    text = f"<p>{esc(display)}</p>"
    if event.several_sources:
        # Every article that reports it, each quote cited: the slide says who said what.
        for s in event.sources:
            cite = esc(s.title or s.url) + (f", {s.published.isoformat()}" if s.published else "")
            if s.url:
                cite = f'<a href="{esc(s.url)}">{cite}</a>'
            if s.reading is not None and not s.agrees_with(value):
                cite += f" (gives {esc(s.reading.display())})"
            text += f"<blockquote>{esc(s.quote)}<cite>{cite}</cite></blockquote>" if s.quote \
                else f"<p><cite>{cite}</cite></p>"
    elif source_quote(event):
        text += f"<blockquote>{esc(source_quote(event))}</blockquote>"
    text += f'<p><a href="{esc(absolute(base, url))}">More</a></p>'
    out: dict = {
        "start_date": _tl_date(value.start, value.first, display),
        "display_date": display,
        "text": {"headline": esc(event.title), "text": text},
        "unique_id": event.id,
    }
    if is_span:
        out["end_date"] = _tl_date(value.end or value.start, value.last)
    if event.tags:
        # TimelineJS writes the group into its navigation as HTML, like the headline.
        out["group"] = esc(event.tags[0])
    media = _media(event)
    if media:
        out["media"] = media
    return out
