"""events.json: the index the client-side finder on the index page searches and filters."""

from __future__ import annotations

import re

from dateline.model import Event
from dateline.site.text import clean, source_quote

SEARCH_TEXT_CHARS = 600

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKS = re.compile(r"[*_`#>|]+")


# The filter value of an event that several articles report (the finder's "Sources").
SEVERAL_SOURCES = "sources:several"


def _search_text(event: Event) -> str:
    body = _MD_MARKS.sub(" ", _MD_LINK.sub(r"\1", event.body))  # link text, not link targets
    # Every source's title and quote can be searched, the event's own first; the text is
    # cut at SEARCH_TEXT_CHARS, so the other articles' titles come before the long parts.
    titles = [s.title for s in event.sources[1:]]
    quotes = [s.quote for s in event.sources[1:]]
    text = " ".join((event.title, event.date_text, *titles, source_quote(event), body,
                     *quotes))
    return " ".join(clean(text).lower().split())[:SEARCH_TEXT_CHARS]


def search_index(rows: list[bytes]) -> bytes:
    """events.json from each event's encoded row: a compact, deterministic JSON list.

    Each row carries "filters" (the values the index page's filter uses, "tags:war") when
    the exports were given filter_keys.
    """
    return b"[" + b",".join(rows) + b"]"


def search_row(e: Event, url: str, filters: list[str] | None) -> dict:
    """One event's row of the search index."""
    # Cleaned field by field, not with strip_json: this file grows with the timeline.
    return {
        "id": e.id, "url": clean(url), "title": clean(e.title), "date": e.date.value,
        "first": e.date.first.isoformat(), "last": e.date.last.isoformat(),
        "display": e.date.display(), "precision": e.date.precision,
        "tags": [clean(t) for t in e.tags], "people": [clean(t) for t in e.people],
        "places": [clean(t) for t in e.places], "text": _search_text(e),
        **({"sources": [clean(s.title or s.url) for s in e.sources]} if e.several_sources
           else {}),
        **({"filters": [*filters, *([SEVERAL_SOURCES] if e.several_sources else [])]}
           if filters is not None else {}),
    }
