"""Parsed event files to JSON-ready lists and back, for the build cache (no pickle).

Every object is stored as a row: a list of its fields' values in the order SHAPE names them,
not a dict with the names repeated in every entry. That keeps the JSON a third smaller and
lets a decoded object be made by zipping the names back on, which at ten thousand events
was most of a one-edit rebuild's cache load. An event's `source` is nearly always the first
of its `sources`; it is then stored as 0 ("the first source") and decoded as that very
object, so each event costs one Source instead of two.

A decoded Event is made the way pickle makes one (the instance dict filled in directly), so
loading ten thousand of them costs little more than parsing the JSON; but only the classes
named here can come out, and only with plain strings, numbers and lists inside.

SHAPE names every field of every class stored: when a class gains or loses a field, the
cache's version changes with it, and a cache written for the old shape is simply not used.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt

from dateline.content import ParsedFile
from dateline.dates import Bound, DateValue, parse_value
from dateline.digests import digest
from dateline.model import Event, Media, Problem, Source

_EVENT = tuple(f.name for f in dataclasses.fields(Event))
_SOURCE = tuple(f.name for f in dataclasses.fields(Source))
_MEDIA = tuple(f.name for f in dataclasses.fields(Media))
_PROBLEM = tuple(f.name for f in dataclasses.fields(Problem))
_FILE = tuple(f.name for f in dataclasses.fields(ParsedFile))
SHAPE = digest(*_EVENT, "|", *_SOURCE, "|", *_MEDIA, "|", *_PROBLEM, "|", *_FILE, "|rows")[:8]

_TUPLES = ("tags", "people", "places", "review")
_SAME_AS_FIRST = 0  # an event's `source` that is its first of `sources`
# file() fills these four in by name: a ParsedFile of another shape is refused, not half made.
_FILE_AS_KNOWN = _FILE == ("stat", "event", "problems", "digest")
# Decoder.event unpacks a row by position when Event has exactly these fields, in this order.
_EVENT_AS_KNOWN = _EVENT == ("id", "date", "title", "path", "date_text", "body", "tags", "people",
                             "places", "source", "date_basis", "media", "digest", "review",
                             "sources")
_SOURCE_AS_KNOWN = _SOURCE == ("title", "url", "published", "quote", "date_text", "reading")


def encode_file(entry: ParsedFile) -> list:
    """One parsed file as a JSON-ready row: [stat, digest, problems, event row or None]."""
    problems = [[getattr(p, name) for name in _PROBLEM] for p in entry.problems]
    return [list(entry.stat), entry.digest, problems,
            None if entry.event is None else _encode_event(entry.event)]


def _encode_event(event: Event) -> list:
    row = []
    for name in _EVENT:
        value = getattr(event, name)
        if name == "source" and value is not None and event.sources and value == event.sources[0]:
            row.append(_SAME_AS_FIRST)
        else:
            row.append(_encode_value(value))
    return row


def _encode_value(value: object) -> object:
    if isinstance(value, DateValue):
        return value.value
    if isinstance(value, Source):
        return [_encode_value(getattr(value, n)) for n in _SOURCE]
    if isinstance(value, Media):
        return [getattr(value, n) for n in _MEDIA]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_encode_value(v) for v in value]
    return value


class Decoder:
    """Turns encode_file() output back into ParsedFile objects; raises ValueError/TypeError/
    KeyError/IndexError/DateError (a ValueError) on anything that is not what encode_file()
    writes."""

    def __init__(self) -> None:
        # A few thousand distinct dates and publication days among ten thousand events.
        self._dates: dict[str, DateValue] = {}
        self._days: dict[str, dt.date] = {}

    def file(self, raw: list) -> ParsedFile:
        """One parsed file from its row."""
        stat, file_digest, problems, event = raw
        if not _FILE_AS_KNOWN:
            raise ValueError("a parsed file of another shape")
        if not (isinstance(file_digest, str) and isinstance(problems, list)
                and isinstance(stat, list)):
            raise TypeError("not a parsed file")
        return _make(ParsedFile, {
            "stat": tuple(stat), "event": None if event is None else self.event(event),
            "problems": tuple(_problem(p) for p in problems) if problems else (),
            "digest": file_digest})

    def files(self, entries: dict) -> dict[str, ParsedFile]:
        """A shard's parsed files ({shown path: row}) as file() would make them one by one.

        One loop with everything it calls bound to locals: at ten thousand files the calls
        from file() to event() to the constructors were half the time of decoding a shard.
        """
        if not (_FILE_AS_KNOWN and _EVENT_AS_KNOWN and _SOURCE_AS_KNOWN):
            return {shown: self.file(raw) for shown, raw in entries.items()}
        new, put, date_of, source_of, media_of = _new, _set, self._date, self._source, self._media
        event_cls, file_cls = Event, ParsedFile
        out = {}
        for shown, raw in entries.items():
            stat, file_digest, problems, row = raw
            if not (type(file_digest) is str and type(problems) is list and type(stat) is list):
                raise TypeError("not a parsed file")
            event = None
            if row is not None:
                if type(row) is not list:
                    raise TypeError("an event of another shape")
                (id_, date, title, path, date_text, body, tags, people, places, source,
                 date_basis, media, event_digest, review, sources) = row
                if type(sources) is not list:
                    raise TypeError("sources of another shape")
                sources = tuple([source_of(s) for s in sources]) if sources else ()
                if source == _SAME_AS_FIRST and not isinstance(source, bool):
                    source = sources[0]
                elif source is not None:
                    source = source_of(source)
                event = new(event_cls)
                put(event, "__dict__", {
                    "id": id_, "date": date_of(date), "title": title, "path": path,
                    "date_text": date_text, "body": body, "tags": tuple(tags),
                    "people": tuple(people), "places": tuple(places), "source": source,
                    "date_basis": date_basis,
                    "media": None if media is None else media_of(media),
                    "digest": event_digest, "review": tuple(review), "sources": sources,
                    "slug": id_.lower()})
            entry = out[shown] = new(file_cls)
            put(entry, "__dict__", {
                "stat": tuple(stat), "event": event,
                "problems": tuple([_problem(p) for p in problems]) if problems else (),
                "digest": file_digest})
        return out

    def event(self, row: list) -> Event:
        """One event from its row."""
        if not _EVENT_AS_KNOWN:
            return self._event_by_name(row)
        if type(row) is not list:
            raise TypeError("an event of another shape")
        # Unpacked by position, in the order _EVENT_AS_KNOWN checked: at ten thousand events
        # a dict zipped and then rewritten field by field cost twice as much.
        (id_, date, title, path, date_text, body, tags, people, places, source, date_basis,
         media, event_digest, review, sources) = row  # ValueError for another length
        if type(sources) is not list:
            raise TypeError("sources of another shape")
        sources = tuple([self._source(s) for s in sources]) if sources else ()
        if source == _SAME_AS_FIRST and not isinstance(source, bool):
            source = sources[0]  # IndexError when there is none: refused
        elif source is not None:
            source = self._source(source)
        if media is not None:
            media = self._media(media)
        date = self._date(date)
        # slug: what Event.slug (a cached_property) would put there on first use.
        return _make(Event, {
            "id": id_, "date": date, "title": title, "path": path, "date_text": date_text,
            "body": body, "tags": tuple(tags), "people": tuple(people), "places": tuple(places),
            "source": source, "date_basis": date_basis, "media": media, "digest": event_digest,
            "review": tuple(review), "sources": sources, "slug": id_.lower()})

    def _event_by_name(self, row: list) -> Event:
        # Never taken while Event has the fields _EVENT_AS_KNOWN names; kept so that a new
        # field cannot be decoded into the wrong one (SHAPE then changes the version too).
        if not isinstance(row, list):
            raise TypeError("an event of another shape")
        raw = dict(zip(_EVENT, row, strict=True))
        for name in _TUPLES:
            raw[name] = tuple(raw[name])
        raw["date"] = self._date(raw["date"])
        sources = raw["sources"]
        if not isinstance(sources, list):
            raise TypeError("sources of another shape")
        raw["sources"] = tuple([self._source(s) for s in sources])
        source = raw["source"]
        if source == _SAME_AS_FIRST and not isinstance(source, bool):
            raw["source"] = raw["sources"][0]
        elif source is not None:
            raw["source"] = self._source(source)
        if raw["media"] is not None:
            raw["media"] = self._media(raw["media"])
        raw["slug"] = raw["id"].lower()
        return _make(Event, raw)

    def _media(self, media: list) -> Media:
        if not isinstance(media, list):
            raise TypeError("media of another shape")
        return _make(Media, dict(zip(_MEDIA, media, strict=True)))

    def _date(self, value: str) -> DateValue:
        date = self._dates.get(value)
        if date is None:
            date = self._dates[value] = _plain_date(value) or parse_value(value)
        return date

    def _source(self, row: list) -> Source:
        if type(row) is not list:
            raise TypeError("a source of another shape")
        if _SOURCE_AS_KNOWN:
            title, url, day, quote, date_text, reading = row  # ValueError for another length
            source = {"title": title, "url": url, "published": day, "quote": quote,
                      "date_text": date_text, "reading": reading}
        else:
            source = dict(zip(_SOURCE, row, strict=True))
            day, reading = source["published"], source["reading"]
        if day is not None:
            found = self._days.get(day)
            if found is None:
                found = self._days[day] = dt.date.fromisoformat(day)
            source["published"] = found
        if reading is not None:
            source["reading"] = self._date(reading)
        return _make(Source, source)


def _plain_date(value: str) -> DateValue | None:
    """parse_value() of a plain year, month or day ("2010", "2010-03", "2010-03-13"), without
    its regular expression; None for any other form (parse_value reads those).

    Ten thousand events hold a few thousand distinct dates: parsing them was a fifth of
    decoding the cache. Whatever this makes is what parse_value makes (tests/test_cache.py).
    """
    if not (isinstance(value, str) and value.isascii()):
        return None
    n = len(value)
    if n == 10 and value[4] == "-" and value[7] == "-" and (
            value[:4] + value[5:7] + value[8:]).isdigit():
        day = dt.date(int(value[:4]), int(value[5:7]), int(value[8:]))  # ValueError: refused
        return DateValue(Bound(day, day, "day", value, ""))
    if n == 7 and value[4] == "-" and (value[:4] + value[5:]).isdigit() and "01" <= value[5:] <= "12":
        y, m = int(value[:4]), int(value[5:])
        return DateValue(Bound(dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1]),
                               "month", value, ""))
    if n == 4 and value.isdigit():
        y = int(value)
        return DateValue(Bound(dt.date(y, 1, 1), dt.date(y, 12, 31), "year", value, ""))
    return None


_new, _set = object.__new__, object.__setattr__  # looked up once: called 30,000 times a load


def _make(cls: type, fields: dict) -> object:
    # As pickle makes an instance: its dict set directly (the dataclasses are frozen).
    obj = _new(cls)
    _set(obj, "__dict__", fields)
    return obj


def _problem(raw: list) -> Problem:
    return Problem(**dict(zip(_PROBLEM, raw, strict=True)))
