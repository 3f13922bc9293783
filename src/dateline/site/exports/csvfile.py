"""events.csv: one RFC 4180 row per event, guarded against spreadsheet formula injection."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from dateline.model import Event
from dateline.site.text import clean

CSV_COLUMNS = ("id", "date", "first_day", "last_day", "precision", "display", "title",
               "date_text", "tags", "people", "places", "source_title", "source_url",
               "source_published", "quote")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # OWASP CSV injection prefixes


def _cell(text: str) -> str:
    """Guard a spreadsheet cell: a leading =, +, -, @ would start a formula."""
    text = clean(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def events_csv(rows: list[bytes]) -> bytes:
    """events.csv from each event's row (UTF-8): lists joined with ";", formula-injection guarded."""
    return _csv_line(CSV_COLUMNS).encode("utf-8") + b"".join(rows)


def _csv_line(cells: Iterable[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(cells)  # RFC 4180
    return out.getvalue()


def csv_row(e: Event) -> str:
    """One event's line of events.csv, CRLF included."""
    src = e.source
    published = src.published.isoformat() if src and src.published else ""
    row = [e.id, e.date.value, e.date.first.isoformat(), e.date.last.isoformat(),
           e.date.precision, e.date.display(), e.title, e.date_text, ";".join(e.tags),
           ";".join(e.people), ";".join(e.places), src.title if src else "",
           src.url if src else "", published, src.quote if src else ""]
    return _csv_line([_cell(c) for c in row])
