"""Exports for subscribing and reusing a timeline: Atom, iCalendar, TimelineJS, CSV, sitemap,
a search index, and JSON-LD for event pages.

Pure functions of the validated content: no I/O and no clock. Every timestamp is derived
from the events themselves, so a rebuild of unchanged content is byte-identical (feed readers
and calendars then see nothing new, and the atomic writer has nothing to rewrite).
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from urllib.parse import quote, urlsplit

from dateline.dates import Bound, DateValue
from dateline.model import Content, Event, Timeline

ATOM_NS = "http://www.w3.org/2005/Atom"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
SITEMAP_MAX_URLS = 50_000  # the sitemaps.org limit per file; beyond it we write an index
SEARCH_TEXT_CHARS = 600
# The tag: URI date must never change, or every reader would see every entry as new again.
TAG_DATE = "2022"
_EPOCH = dt.date(1970, 1, 1)  # the feed's `updated` when there are no events at all

# Characters XML 1.0 forbids (and iCalendar's TEXT too), plus C1 controls: dropped, since
# no reader can do anything useful with them and one would make the whole file unreadable.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_URL_SAFE = "/:@!$&'()*+,;=-._~%?#"  # keep what is already a valid URL; encode the rest
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # OWASP CSV injection prefixes


class Fragments(dict):
    """Each event's pieces of the big exports from the previous build, keyed by what they show.

    A key is (event file digest, date, page URL, site base, filter keys); the value is the
    event's (VEVENT, TimelineJS slide, CSV row, search row). The big exports list every
    event; with this memo a rebuild after one edit formats one event again, not ten thousand.
    """

    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        self.used: set[tuple] = set()  # the keys this build asked for

    @property
    def touched(self) -> bool:
        """Whether any export was made with it this build."""
        return bool(self.used)

    def fresh(self) -> dict[tuple, tuple[str, ...]]:
        """The pieces this build used, for the next one (others would only pile up)."""
        return {k: v for k, v in self.items() if k in self.used}


def render_exports(content: Content, event_url: Callable[[Event], str], site_url: str | None,
                   pages: Iterable[str] = (), feed_limit: int | None = None,
                   filter_keys: Callable[[Event], list[str]] | None = None,
                   memo: Fragments | None = None) -> dict[str, bytes]:
    """All export files, keyed by their path relative to site/.

    event_url(event) is the event page's path relative to the site root; site_url is the
    site's absolute address ("" or None when unknown: URLs then stay relative and no sitemap
    is written). pages are further page paths for the sitemap; feed_limit keeps only the
    newest entries in feed.xml (None: all).
    """
    base = _site_base(site_url)
    urls = {e.slug: event_url(e) for e in content.events}
    memo = Fragments() if memo is None else memo
    pieces = _event_pieces(content, urls, base, filter_keys, memo)
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
                  memo: Fragments) -> list[tuple[str, ...]]:
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
        memo.used.add(key)
        found = memo.get(key)
        if found is None:
            found = memo[key] = (
                _vevent(e, url, base, host), _dumps(_strip_json(_slide(e, url, base))).decode(),
                _csv_row(e), _dumps(_search_row(e, url, filters)).decode())
        out.append(found)
    return out


# --- shared helpers -------------------------------------------------------------------------

def _clean(text: str) -> str:
    # isprintable() is a C-speed scan that is true for most text: skip the regex then.
    return text if text.isprintable() else _CONTROL.sub("", text)


def _site_base(site_url: str | None) -> str:
    url = _clean(site_url or "").strip()
    return url.rstrip("/") + "/" if url else ""


def _absolute(base: str, path: str) -> str:
    """base + path, percent-encoding what a URL may not hold; relative when base is ""."""
    # Not urljoin: a path starting with "/" would drop a project site's /repo/ prefix.
    return base + quote(_clean(path).lstrip("/"), safe=_URL_SAFE)


def _stamp_date(event: Event) -> dt.date:
    """The event's deterministic "last changed" day: its source's publication, else its end."""
    source = event.source
    return source.published if source and source.published else event.date.last


def _quote(event: Event) -> str:
    return event.source.quote if event.source else ""


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


# --- Atom -----------------------------------------------------------------------------------

def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, {k: _clean(v) for k, v in attrs.items()})
    if text is not None:
        el.text = _clean(text)
    return el


def _xml_bytes(root: ET.Element) -> bytes:
    # The namespace goes in as a plain xmlns attribute: ET.register_namespace would change
    # a process-wide table that other code (trafilatura, lxml users) shares.
    ET.indent(root)  # one element a line: diffs between builds stay readable
    text = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n{text}\n'.encode()


def _timestamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def atom_feed(content: Content, urls: dict[str, str], base: str,
              limit: int | None = None) -> bytes:
    """feed.xml: Atom 1.0, newest event first; relative links resolve against the feed."""
    timeline = content.timeline
    events = content.events[::-1][:limit]  # they come in timeline order
    feed = ET.Element("feed", {"xmlns": ATOM_NS, "xml:lang": _clean(timeline.language)})
    _sub(feed, "title", timeline.title)
    if timeline.description:
        _sub(feed, "subtitle", timeline.description)
    _sub(feed, "id", base or _tag(timeline, ""))
    updated = max((_stamp_date(e) for e in events), default=timeline.date_base or _EPOCH)
    _sub(feed, "updated", _timestamp(updated))
    _sub(feed, "link", rel="self", type="application/atom+xml", href=_absolute(base, "feed.xml"))
    _sub(feed, "link", rel="alternate", type="text/html", href=base or "./")
    # Atom requires an author on the feed when entries carry none.
    _sub(_sub(feed, "author"), "name", timeline.author or timeline.title)
    _sub(feed, "generator", "dateline")
    for event in events:
        url = _absolute(base, urls[event.slug])
        entry = _sub(feed, "entry")
        _sub(entry, "id", url if base else _tag(timeline, event.slug))
        _sub(entry, "title", event.title)
        _sub(entry, "updated", _timestamp(_stamp_date(event)))
        _sub(entry, "link", rel="alternate", type="text/html", href=url)
        summary = f"{event.date.display()} — {event.title}"
        if _quote(event):
            summary += f"\n\n“{_quote(event)}”"
        _sub(entry, "summary", summary, type="text")
        for tag in event.tags:
            _sub(entry, "category", term=tag)
    return _xml_bytes(feed)


def _tag(timeline: Timeline, slug: str) -> str:
    """A tag: URI (RFC 4151) for a site with no known address, named after its title."""
    name = re.sub(r"[^a-z0-9]+", "-", timeline.title.lower()).strip("-") or "timeline"
    return f"tag:dateline,{TAG_DATE}:{name}" + (f"/{slug}" if slug else "")


# --- iCalendar ------------------------------------------------------------------------------

def _ics_text(text: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and newline escaped."""
    text = _clean(text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\n", "\\n")


def _fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character (RFC 5545 3.1)."""
    data = line.encode("utf-8")
    parts, limit = [], 75
    while len(data) > limit:
        cut = limit
        while data[cut] & 0xC0 == 0x80:  # a continuation byte: back off to the char start
            cut -= 1
        parts.append(data[:cut])
        data, limit = data[cut:], 74  # continuation lines start with one space
    parts.append(data)
    return b"\r\n ".join(parts).decode("utf-8")


def _ics_date(day: dt.date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def icalendar(timeline: Timeline, vevents: list[str]) -> bytes:
    """events.ics: one all-day VEVENT per event, spanning every day its date can mean."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//dateline//dateline//EN",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH", f"X-WR-CALNAME:{_ics_text(timeline.title)}"]
    if timeline.description:
        lines.append(f"X-WR-CALDESC:{_ics_text(timeline.description)}")
    head = "".join(_fold(line) + "\r\n" for line in lines)
    return (head + "".join(vevents) + "END:VCALENDAR\r\n").encode("utf-8")


def _vevent(event: Event, url: str, base: str, host: str) -> str:
    value = event.date
    # DTEND is exclusive for dates: the day after the last day the value can mean.
    end = value.last + dt.timedelta(days=1) if value.last < dt.date.max else value.last
    description = value.display()
    if event.date_text:
        description += f" (“{event.date_text}”)"
    if _quote(event):
        description += f"\n\n“{_quote(event)}”"
    if event.source and event.source.url:
        src = event.source
        description += f"\n\nSource: {src.title or src.url}\n{src.url}"
    lines = [
        "BEGIN:VEVENT",
        # The slug, not the id as written: ids compare ignoring case, so a change of case
        # must not look like a new event to a subscribed calendar.
        f"UID:{_ics_text(event.slug)}@{_ics_text(host)}",
        f"DTSTAMP:{_ics_date(_stamp_date(event))}T000000Z",
        f"DTSTART;VALUE=DATE:{_ics_date(value.first)}",
        f"DTEND;VALUE=DATE:{_ics_date(end)}",
        f"SUMMARY:{_ics_text(event.title)}",
        f"DESCRIPTION:{_ics_text(description)}",
    ]
    if base:
        lines.append(f"URL:{_absolute(base, url)}")
    if event.tags:
        lines.append("CATEGORIES:" + ",".join(_ics_text(t) for t in event.tags))
    lines.append("END:VEVENT")
    return "".join(_fold(line) + "\r\n" for line in lines)


# --- TimelineJS -----------------------------------------------------------------------------

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


def _dumps(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True,
                      ).encode("utf-8")


def _strip_json(data: object) -> object:
    """Drop control characters from every string in a JSON-able structure."""
    if isinstance(data, str):
        return _clean(data)
    if isinstance(data, dict):
        return {_clean(k): _strip_json(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_strip_json(v) for v in data]
    return data


def timelinejs(timeline: Timeline, slides: list[str]) -> bytes:
    """timeline.json for TimelineJS3. Its headline and text are inserted as HTML: escape them."""
    esc = html.escape
    title = {"text": {"headline": esc(timeline.title), "text": esc(timeline.description)}}
    # The same bytes as dumping {"events": [...], "title": ...} with sorted keys, built from
    # per-event pieces so that one edit re-encodes one slide.
    return f'{{"events":[{",".join(slides)}],"title":{_dumps(_strip_json(title)).decode()}}}'.encode()


def _slide(event: Event, url: str, base: str) -> dict:
    esc = html.escape
    value, display = event.date, event.date.display()
    # Multi-unit periods (a season, a decade) need an end date even as a single value.
    is_span = value.end is not None or value.start.precision in ("season", "decade",
                                                                 "century")
    text = f"<p>{esc(display)}</p>"
    if _quote(event):
        text += f"<blockquote>{esc(_quote(event))}</blockquote>"
    text += f'<p><a href="{esc(_absolute(base, url))}">More</a></p>'
    slide: dict = {
        "start_date": _tl_date(value.start, value.first, display),
        "display_date": display,
        "text": {"headline": esc(event.title), "text": text},
        "unique_id": event.id,
    }
    if is_span:
        slide["end_date"] = _tl_date(value.end or value.start, value.last)
    if event.tags:
        slide["group"] = event.tags[0]
    if event.media:
        m = event.media
        media = {"url": m.url, "caption": esc(m.caption), "credit": esc(m.credit)}
        if m.alt:
            media["alt"] = m.alt
        slide["media"] = media
    return slide


# --- CSV ------------------------------------------------------------------------------------

CSV_COLUMNS = ("id", "date", "first_day", "last_day", "precision", "display", "title",
               "date_text", "tags", "people", "places", "source_title", "source_url",
               "source_published", "quote")


def _cell(text: str) -> str:
    """Guard a spreadsheet cell: a leading =, +, -, @ would start a formula."""
    text = _clean(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def events_csv(rows: list[str]) -> bytes:
    """events.csv: one row per event, lists joined with ";", formula-injection guarded."""
    return (_csv_line(CSV_COLUMNS) + "".join(rows)).encode("utf-8")


def _csv_line(cells: Iterable[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(cells)  # RFC 4180
    return out.getvalue()


def _csv_row(e: Event) -> str:
    src = e.source
    published = src.published.isoformat() if src and src.published else ""
    row = [e.id, e.date.value, e.date.first.isoformat(), e.date.last.isoformat(),
           e.date.precision, e.date.display(), e.title, e.date_text, ";".join(e.tags),
           ";".join(e.people), ";".join(e.places), src.title if src else "",
           src.url if src else "", published, src.quote if src else ""]
    return _csv_line([_cell(c) for c in row])


# --- sitemap --------------------------------------------------------------------------------

def sitemaps(content: Content, urls: dict[str, str], base: str,
             pages: Iterable[str] = ()) -> dict[str, bytes]:
    """sitemap.xml (an index of sitemap-N.xml past 50,000 URLs); no lastmod: no clock."""
    locs = [base]
    locs += [_absolute(base, urls[e.slug]) for e in content.events]
    locs += [_absolute(base, p) for p in pages]
    locs = list(dict.fromkeys(locs))  # first occurrence wins; keeps the order deterministic
    chunks = [locs[i:i + SITEMAP_MAX_URLS] for i in range(0, len(locs), SITEMAP_MAX_URLS)]
    if len(chunks) == 1:
        return {"sitemap.xml": _urlset(chunks[0])}
    files = {f"sitemap-{i}.xml": _urlset(chunk) for i, chunk in enumerate(chunks, 1)}
    index = ET.Element("sitemapindex", {"xmlns": SITEMAP_NS})
    for name in files:
        _sub(_sub(index, "sitemap"), "loc", _absolute(base, name))
    files["sitemap.xml"] = _xml_bytes(index)
    return files


def _urlset(locs: list[str]) -> bytes:
    root = ET.Element("urlset", {"xmlns": SITEMAP_NS})
    for loc in locs:
        _sub(_sub(root, "url"), "loc", loc)
    return _xml_bytes(root)


# --- client-side search index ---------------------------------------------------------------

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKS = re.compile(r"[*_`#>|]+")


def _search_text(event: Event) -> str:
    body = _MD_MARKS.sub(" ", _MD_LINK.sub(r"\1", event.body))  # link text, not link targets
    text = " ".join((event.title, event.date_text, _quote(event), body))
    return " ".join(_clean(text).lower().split())[:SEARCH_TEXT_CHARS]


def search_index(rows: list[str]) -> bytes:
    """events.json: a compact, deterministic index for client-side search and filtering.

    Each row carries "filters" (the values the index page's filter uses, "tags:war") when
    render_exports() was given filter_keys.
    """
    return f"[{','.join(rows)}]".encode()


def _search_row(e: Event, url: str, filters: list[str] | None) -> dict:
    # Cleaned field by field, not with _strip_json: this file grows with the timeline.
    return {
        "id": e.id, "url": _clean(url), "title": _clean(e.title), "date": e.date.value,
        "first": e.date.first.isoformat(), "last": e.date.last.isoformat(),
        "display": e.date.display(), "precision": e.date.precision,
        "tags": [_clean(t) for t in e.tags], "people": [_clean(t) for t in e.people],
        "places": [_clean(t) for t in e.places], "text": _search_text(e),
        **({"filters": filters} if filters is not None else {}),
    }


# --- JSON-LD --------------------------------------------------------------------------------

_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                  "\u2028": "\\u2028", "\u2029": "\\u2029"}


def json_for_script(data: object) -> str:
    """JSON to embed in <script type="application/ld+json">: "</script>" cannot end it early.

    <, > and & become \\u escapes (still the same JSON string for any parser), as do U+2028
    and U+2029, which older JavaScript treats as line breaks inside string literals.
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return re.sub("[<>&\u2028\u2029]", lambda m: _SCRIPT_UNSAFE[m.group()], text)


def event_jsonld(event: Event, page_url: str, timeline: Timeline) -> dict:
    """A schema.org Event for the event's page, with dates only as precise as they are known."""
    start, end = _date_range(event.date)
    description = event.date.display()
    if _quote(event):
        description += f": “{_quote(event)}”"
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
    src = event.source
    if src and (src.url or src.title):
        article: dict = {"@type": "NewsArticle"}
        if src.title:
            article["headline"] = src.title
        if src.url:
            article["url"] = src.url
        if src.published:
            article["datePublished"] = src.published.isoformat()
        data["subjectOf"] = article
    if event.media:
        data["image"] = event.media.url
    return _strip_json(data)  # type: ignore[return-value]
