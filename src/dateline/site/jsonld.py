"""JSON-LD for event pages: a schema.org Event, and JSON that is safe inside <script>."""

from __future__ import annotations

import datetime as dt
import json
import re

from dateline.dates import Bound, DateValue
from dateline.model import Event, Source, Timeline
from dateline.site.text import source_quote, strip_json

_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                  "\u2028": "\\u2028", "\u2029": "\\u2029"}


def json_for_script(data: object) -> str:
    """JSON to embed in <script type="application/ld+json">: "</script>" cannot end it early.

    <, > and & become \\u escapes (still the same JSON string for any parser), as do U+2028
    and U+2029, which older JavaScript treats as line breaks inside string literals.
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return re.sub("[<>&\u2028\u2029]", lambda m: _SCRIPT_UNSAFE[m.group()], text)


def _bound_iso(bound: Bound, day: dt.date) -> str:
    """One side of a value in ISO 8601 at no finer precision than it was given."""
    if bound.precision == "day":
        return day.isoformat()
    if bound.precision in ("month", "season"):  # a season is whole months
        return f"{day.year:04d}-{day.month:02d}"
    return f"{day.year:04d}"  # year, decade, century


def _date_range(value: DateValue) -> tuple[str, str | None]:
    """(start, end) in honest ISO form; end is None when the start alone names the period."""
    start, end = value.start, value.end or value.start
    first = _bound_iso(start, value.first)
    if value.end is None and start.precision in ("day", "month", "year"):
        return first, None
    return first, _bound_iso(end, value.last)


def _article(src: Source | None) -> dict | None:
    """A source as a schema.org NewsArticle, or None when there is nothing to say."""
    if not src or not (src.url or src.title):
        return None
    article: dict = {"@type": "NewsArticle"}
    if src.title:
        article["headline"] = src.title
    if src.url:
        article["url"] = src.url
    if src.published:
        article["datePublished"] = src.published.isoformat()
    return article


def event_jsonld(event: Event, page_url: str, timeline: Timeline) -> dict:
    """A schema.org Event for the event's page, with dates only as precise as they are known."""
    start, end = _date_range(event.date)
    description = event.date.display()
    if source_quote(event):
        description += f": “{source_quote(event)}”"
    data: dict = {
        "@context": "https://schema.org", "@type": "Event", "name": event.title,
        "startDate": start, "description": description, "url": page_url,
        "inLanguage": timeline.language,
    }
    if end:
        data["endDate"] = end
    if event.tags:
        data["keywords"] = ", ".join(event.tags)
    if event.places:
        data["location"] = [{"@type": "Place", "name": p} for p in event.places]
    if event.people:
        data["about"] = [{"@type": "Person", "name": p} for p in event.people]
    # Every article that reports the event (one object for one, as before: a list of one
    # would change the JSON-LD of every single-source page for nothing).
    articles = [a for a in map(_article, event.sources or (event.source,)) if a]
    if articles:
        data["subjectOf"] = articles[0] if len(articles) == 1 else articles
    if event.media:
        data["image"] = event.media.url
    return strip_json(data)  # type: ignore[return-value]
