"""Text and URL helpers shared by the page-side data and the exports: no I/O, no clock."""

from __future__ import annotations

import datetime as dt
import json
import re
from urllib.parse import quote

from dateline.model import Event
from dateline.urls import with_slash

# Characters XML 1.0 forbids (and iCalendar's TEXT too), plus C1 controls: dropped, since
# no reader can do anything useful with them and one would make the whole file unreadable.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_URL_SAFE = "/:@!$&'()*+,;=-._~%?#"  # keep what is already a valid URL; encode the rest


def clean(text: str) -> str:
    """text without the control characters no export format can carry."""
    # isprintable() is a C-speed scan that is true for most text: skip the regex then.
    return text if text.isprintable() else _CONTROL.sub("", text)


def site_base(site_url: str | None) -> str:
    """The site's absolute address ending in "/", or "" when it is not known."""
    url = clean(site_url or "").strip()
    return with_slash(url) if url else ""


def absolute(base: str, path: str) -> str:
    """base + path, percent-encoding what a URL may not hold; relative when base is ""."""
    # Not urljoin: a path starting with "/" would drop a project site's /repo/ prefix.
    return base + quote(clean(path).lstrip("/"), safe=_URL_SAFE)


def stamp_date(event: Event) -> dt.date:
    """The event's deterministic "last changed" day: its source's publication, else its end."""
    source = event.source
    return source.published if source and source.published else event.date.last


def source_quote(event: Event) -> str:
    """The quote of the event's source, or ""."""
    return event.source.quote if event.source else ""


def dumps(data: object) -> bytes:
    """Compact, key-sorted JSON in UTF-8: the same bytes for the same data, every build."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True,
                      ).encode("utf-8")


def strip_json(data: object) -> object:
    """Drop control characters from every string in a JSON-able structure."""
    if isinstance(data, str):
        return clean(data)
    if isinstance(data, dict):
        return {clean(k): strip_json(v) for k, v in data.items()}
    if isinstance(data, list):
        return [strip_json(v) for v in data]
    return data
