"""events.json: the index the client-side finder on the index page searches and filters."""

from __future__ import annotations

import re

from dateline.model import Event
from dateline.site.text import clean, source_quote

SEARCH_TEXT_CHARS = 600

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKS = re.compile(r"[*_`#>|]+")


def _search_text(event: Event) -> str:
    body = _MD_MARKS.sub(" ", _MD_LINK.sub(r"\1", event.body))  # link text, not link targets
    text = " ".join((event.title, event.date_text, source_quote(event), body))
    return " ".join(clean(text).lower().split())[:SEARCH_TEXT_CHARS]


def search_index(rows: list[str]) -> bytes:
    """events.json from each event's encoded row: a compact, deterministic JSON list.

    Each row carries "filters" (the values the index page's filter uses, "tags:war") when
    the exports were given filter_keys.
    """
    return f"[{','.join(rows)}]".encode()


def search_row(e: Event, url: str, filters: list[str] | None) -> dict:
    """One event's row of the search index."""
    # Cleaned field by field, not with strip_json: this file grows with the timeline.
    return {
        "id": e.id, "url": clean(url), "title": clean(e.title), "date": e.date.value,
        "first": e.date.first.isoformat(), "last": e.date.last.isoformat(),
        "display": e.date.display(), "precision": e.date.precision,
        "tags": [clean(t) for t in e.tags], "people": [clean(t) for t in e.people],
        "places": [clean(t) for t in e.places], "text": _search_text(e),
        **({"filters": filters} if filters is not None else {}),
    }
