"""events.ics: an iCalendar (RFC 5545) file of all-day events, one VEVENT per event."""

from __future__ import annotations

import datetime as dt

from dateline.model import Event, Timeline
from dateline.site.text import absolute, clean, source_quote, stamp_date


def _ics_text(text: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and newline escaped."""
    text = clean(text).replace("\r\n", "\n").replace("\r", "\n")
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


def icalendar(timeline: Timeline, vevents: list[bytes]) -> bytes:
    """events.ics from each event's VEVENT (UTF-8), each spanning every day its date can mean."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//dateline//dateline//EN",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH", f"X-WR-CALNAME:{_ics_text(timeline.title)}"]
    if timeline.description:
        lines.append(f"X-WR-CALDESC:{_ics_text(timeline.description)}")
    head = "".join(_fold(line) + "\r\n" for line in lines)
    return head.encode("utf-8") + b"".join(vevents) + b"END:VCALENDAR\r\n"


def _description(event: Event) -> str:
    description = event.date.display()
    if event.date_text:
        description += f" (“{event.date_text}”)"
    if source_quote(event):
        description += f"\n\n“{source_quote(event)}”"
    if event.source and event.source.url:
        src = event.source
        description += f"\n\nSource: {src.title or src.url}\n{src.url}"
    return description


def vevent(event: Event, url: str, base: str, host: str) -> str:
    """One event's VEVENT, folded, with CRLF line ends."""
    value = event.date
    # DTEND is exclusive for dates: the day after the last day the value can mean.
    end = value.last + dt.timedelta(days=1) if value.last < dt.date.max else value.last
    lines = [
        "BEGIN:VEVENT",
        # The slug, not the id as written: ids compare ignoring case, so a change of case
        # must not look like a new event to a subscribed calendar.
        f"UID:{_ics_text(event.slug)}@{_ics_text(host)}",
        f"DTSTAMP:{_ics_date(stamp_date(event))}T000000Z",
        f"DTSTART;VALUE=DATE:{_ics_date(value.first)}",
        f"DTEND;VALUE=DATE:{_ics_date(end)}",
        f"SUMMARY:{_ics_text(event.title)}",
        f"DESCRIPTION:{_ics_text(_description(event))}",
    ]
    if base:
        lines.append(f"URL:{absolute(base, url)}")
    if event.tags:
        lines.append("CATEGORIES:" + ",".join(_ics_text(t) for t in event.tags))
    lines.append("END:VEVENT")
    return "".join(_fold(line) + "\r\n" for line in lines)
