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


def encode_file(entry: ParsedFile) -> list:
    """One parsed file as [stat, digest, problems, event or None]."""
    problems = [[getattr(p, name) for name in _PROBLEM] for p in entry.problems]
    event = None if entry.event is None else [_encode_value(getattr(entry.event, name))
                                              for name in _EVENT]
    return [list(entry.stat), entry.digest, problems, event]


def _encode_value(value: object) -> object:
    if isinstance(value, DateValue):
        return {"date": value.value}
    if isinstance(value, Source):
        return {"source": [_encode_value(getattr(value, n)) for n in _SOURCE]}
    if isinstance(value, Media):
        return {"media": [getattr(value, n) for n in _MEDIA]}
    if isinstance(value, dt.date):
        return {"day": value.isoformat()}
    if isinstance(value, tuple):
        return list(value)
    return value


_AT = {name: i for i, name in enumerate(_EVENT)}
_TUPLE_AT = tuple(_AT[name] for name in ("tags", "people", "places", "review"))
_DATE_AT, _SOURCE_AT, _MEDIA_AT = _AT["date"], _AT["source"], _AT["media"]


class Decoder:
    """Turns encode_file() output back into ParsedFile objects; raises ValueError/TypeError/
    KeyError/DateError (a ValueError) on anything that is not what encode_file() writes."""

    def __init__(self) -> None:
        # A few hundred distinct dates and publication days among ten thousand events.
        self._dates: dict[str, DateValue] = {}
        self._days: dict[str, dt.date] = {}

    def file(self, raw: list) -> ParsedFile:
        """One parsed file from its JSON form."""
        stat, file_digest, problems, event = raw
        if not (isinstance(file_digest, str) and isinstance(problems, list)):
            raise TypeError("not a parsed file")
        return _make(ParsedFile, _FILE, (tuple(stat), None if event is None else self.event(event),
                                         tuple(_problem(p) for p in problems), file_digest))

    def event(self, raw: list) -> Event:
        """One event from its JSON form."""
        if type(raw) is not list or len(raw) != len(_EVENT):
            raise ValueError("an event of another shape")
        for i in _TUPLE_AT:
            raw[i] = tuple(raw[i])
        text = raw[_DATE_AT]["date"]
        date = self._dates.get(text)
        if date is None:
            date = self._dates[text] = parse_value(text)
        raw[_DATE_AT] = date
        if raw[_SOURCE_AT] is not None:
            raw[_SOURCE_AT] = self._source(raw[_SOURCE_AT]["source"])
        if raw[_MEDIA_AT] is not None:
            raw[_MEDIA_AT] = _make(Media, _MEDIA, raw[_MEDIA_AT]["media"])
        return _make(Event, _EVENT, raw)

    def _source(self, values: list) -> Source:
        source = _make(Source, _SOURCE, values)
        published = source.published
        if published is not None:
            day = self._days.get(published["day"])
            if day is None:
                day = self._days[published["day"]] = dt.date.fromisoformat(published["day"])
            source.__dict__["published"] = day
        return source


def _make(cls: type, names: tuple[str, ...], values: list | tuple) -> object:
    # As pickle makes an instance: the dict filled in directly (the dataclasses are frozen).
    if len(values) != len(names):
        raise ValueError(f"a {cls.__name__} of another shape")
    obj = object.__new__(cls)
    obj.__dict__.update(zip(names, values, strict=False))  # lengths checked above
    return obj


def _problem(raw: list) -> Problem:
    return Problem(**dict(zip(_PROBLEM, raw, strict=True)))
