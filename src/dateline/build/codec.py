"""Parsed event files to JSON-ready lists and back, for the build cache (no pickle).

A decoded Event is made the way pickle makes one (the instance dict filled in directly), so
loading ten thousand of them costs little more than parsing the JSON; but only the classes
named here can come out, and only with plain strings, numbers and lists inside.

SHAPE names every field of every class stored: when a class gains or loses a field, the
cache's version changes with it, and a cache written for the old shape is simply not used.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from dateline.content import ParsedFile
from dateline.dates import DateValue, parse_value
from dateline.digests import digest
from dateline.model import Event, Media, Problem, Source

_EVENT = tuple(f.name for f in dataclasses.fields(Event))
_SOURCE = tuple(f.name for f in dataclasses.fields(Source))
_MEDIA = tuple(f.name for f in dataclasses.fields(Media))
_PROBLEM = tuple(f.name for f in dataclasses.fields(Problem))
_FILE = tuple(f.name for f in dataclasses.fields(ParsedFile))
SHAPE = digest(*_EVENT, "|", *_SOURCE, "|", *_MEDIA, "|", *_PROBLEM, "|", *_FILE)[:8]


_EVENT_KEYS = frozenset(_EVENT)
_SOURCE_KEYS = frozenset(_SOURCE)
_MEDIA_KEYS = frozenset(_MEDIA)
_TUPLES = ("tags", "people", "places", "review")
# file() fills these four in by name: a ParsedFile of another shape is refused, not half made.
_FILE_AS_KNOWN = _FILE == ("stat", "event", "problems", "digest")


def encode_file(entry: ParsedFile) -> dict:
    """One parsed file as a JSON-ready dict (its event as a dict of its fields, or None)."""
    problems = [[getattr(p, name) for name in _PROBLEM] for p in entry.problems]
    event = None if entry.event is None else {name: _encode_value(getattr(entry.event, name))
                                              for name in _EVENT}
    return {"stat": list(entry.stat), "digest": entry.digest, "problems": problems, "event": event}


def _encode_value(value: object) -> object:
    if isinstance(value, DateValue):
        return value.value
    if isinstance(value, Source):
        return {n: _encode_value(getattr(value, n)) for n in _SOURCE}
    if isinstance(value, Media):
        return {n: getattr(value, n) for n in _MEDIA}
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_encode_value(v) for v in value]
    return value


class Decoder:
    """Turns encode_file() output back into ParsedFile objects; raises ValueError/TypeError/
    KeyError/DateError (a ValueError) on anything that is not what encode_file() writes."""

    def __init__(self) -> None:
        # A few thousand distinct dates and publication days among ten thousand events.
        self._dates: dict[str, DateValue] = {}
        self._days: dict[str, dt.date] = {}

    def file(self, raw: dict) -> ParsedFile:
        """One parsed file from its JSON form."""
        problems, event, file_digest = raw["problems"], raw["event"], raw["digest"]
        if not _FILE_AS_KNOWN:
            raise ValueError("a parsed file of another shape")
        if not (isinstance(file_digest, str) and isinstance(problems, list)):
            raise TypeError("not a parsed file")
        return _make(ParsedFile, {
            "stat": tuple(raw["stat"]), "event": None if event is None else self.event(event),
            "problems": tuple(_problem(p) for p in problems) if problems else (),
            "digest": file_digest})

    def event(self, raw: dict) -> Event:
        """One event from its JSON form."""
        if raw.keys() != _EVENT_KEYS:
            raise ValueError("an event of another shape")
        for name in _TUPLES:
            raw[name] = tuple(raw[name])
        date = self._dates.get(raw["date"])
        if date is None:
            date = self._dates[raw["date"]] = parse_value(raw["date"])
        raw["date"] = date
        source, media = raw["source"], raw["media"]
        if source is not None:
            raw["source"] = self._source(source)
        if not isinstance(raw["sources"], list):
            raise TypeError("sources of another shape")
        raw["sources"] = tuple(self._source(s) for s in raw["sources"])
        if media is not None:
            if media.keys() != _MEDIA_KEYS:
                raise ValueError("media of another shape")
            raw["media"] = _make(Media, media)
        return _make(Event, raw)


    def _source(self, source: dict) -> Source:
        if source.keys() != _SOURCE_KEYS:
            raise ValueError("a source of another shape")
        day = source["published"]
        if day is not None:
            found = self._days.get(day)
            if found is None:
                found = self._days[day] = dt.date.fromisoformat(day)
            source["published"] = found
        reading = source["reading"]
        if reading is not None:
            date = self._dates.get(reading)
            if date is None:
                date = self._dates[reading] = parse_value(reading)
            source["reading"] = date
        return _make(Source, source)


def _make(cls: type, fields: dict) -> object:
    # As pickle makes an instance: its dict set directly (the dataclasses are frozen).
    obj = object.__new__(cls)
    object.__setattr__(obj, "__dict__", fields)
    return obj


def _problem(raw: list) -> Problem:
    return Problem(**dict(zip(_PROBLEM, raw, strict=True)))
