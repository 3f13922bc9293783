"""Dates relative to the event just mentioned: "two days later", "the next month", "that day".

The tagger reads every phrase against the publication date; in a narrative these phrases
count from the previous date in the text instead. A chained date keeps no finer precision
than its anchor: "two days later" after "in March" names no day, so it is dropped rather
than guessed.
"""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import datetime as dt
import itertools
import re
from collections.abc import Iterable
from typing import Any

from dateline.dates import DateError, DateValue, parse_value

_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_UNIT = r"(day|week|month|year)s?"
_COUNT = re.compile(rf"(?i)(?:some\s+|about\s+|nearly\s+|almost\s+|just\s+)?"
                    rf"(\d+|{'|'.join(_NUMBERS)})\s+{_UNIT}\s+(later|after(?:wards)?|earlier|before)")
# "next week" alone counts from the publication day; "the next week" from the story's date.
_NEXT = re.compile(rf"(?i)(?:the\s+(next|previous)|(?:the\s+)?(following|preceding))\s+{_UNIT}"
                   rf"|the\s+{_UNIT}\s+(after|before)")
_SAME = re.compile(rf"(?i)(?:that|the\s+same)\s+{_UNIT}")
# How fine a value must be for a step of each unit to keep its precision.
_NEEDS = {"day": ("day",), "week": ("day",), "month": ("day", "month"),
          "year": ("day", "month", "season", "year")}


def step(text: str) -> tuple[str, int] | None:
    """("day", 2) for "two days later", ("month", -1) for "the previous month", ("day", 0)
    for "that day"; None when the phrase does not count from another date."""
    t = " ".join(text.split()).strip(" .,;:")
    m = _COUNT.fullmatch(t)
    if m:
        n = int(m[1]) if m[1].isdigit() else _NUMBERS[m[1].lower()]
        return m[2].lower(), n if m[3].lower().startswith(("later", "after")) else -n
    m = _NEXT.fullmatch(t)
    if m:
        word = (m[1] or m[2] or "").lower()
        if word:
            return m[3].lower(), 1 if word in ("next", "following") else -1
        return m[4].lower(), 1 if m[5].lower() == "after" else -1
    m = _SAME.fullmatch(t)
    if m:
        return m[1].lower(), 0
    return None


def shift(anchor: DateValue, unit: str, n: int) -> str | None:
    """The anchor moved by n units, at the unit's precision; None if the anchor is too coarse."""
    first, last = anchor.first, anchor.last
    precision = anchor.precision
    if anchor.is_interval:  # a span is only as precise as the period that holds it
        precision = ("day" if first == last else "month" if first.timetuple()[:2] == last.timetuple()[:2]
                     else "year" if first.year == last.year else "span")
    if precision not in _NEEDS[unit]:
        return None
    if unit == "day":
        return (first + dt.timedelta(days=n)).isoformat()
    if unit == "week":
        day = first + dt.timedelta(weeks=n)
        monday = day - dt.timedelta(days=day.weekday())
        return f"{monday.isoformat()}/{(monday + dt.timedelta(days=6)).isoformat()}"
    if unit == "month":
        months = first.year * 12 + first.month - 1 + n
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    return f"{first.year + n:04d}"


_FIND = re.compile(rf"(?i)\b(?:{_NEXT.pattern[4:]}|{_SAME.pattern[4:]})\b")


def chain(text: str, mentions: Iterable[Any], usable: Any) -> list[Any]:
    """Re-date relative mentions from the latest usable date before them, in text order.

    Anaphoric phrases the tagger left out ("the following day", "that day") are added.
    `usable(mention)` says whether a mention may serve as an anchor. A relative mention with
    no anchor, or one too coarse for its unit, gets value None.
    """
    found = list(mentions)
    if not found:
        return found
    kind = type(found[0])
    # One bisection per phrase (not a scan of every mention) keeps this linear: a phrase
    # overlaps a mention iff the furthest end among mentions starting before it ends is
    # past its start.
    taken = sorted((m.start, m.end) for m in found)
    starts = [a for a, _ in taken]
    reach = list(itertools.accumulate((b for _, b in taken), max))
    for m in _FIND.finditer(text):
        i = bisect.bisect_left(starts, m.end())
        if i == 0 or reach[i - 1] <= m.start():
            found.append(kind(start=m.start(), end=m.end(), text=m.group(), value=None))
    out: list[Any] = []
    anchor: DateValue | None = None
    for mention in sorted(found, key=lambda m: m.start):
        # The tagger's extent may leave out a leading "the": look back for it.
        lead = text[max(0, mention.start - 4):mention.start]
        phrase = ("the " if re.fullmatch(r"(?i)the\s", lead) else "") + mention.text
        relative = step(phrase)
        if relative is not None:
            value = shift(anchor, *relative) if anchor is not None else None
            mention = dataclasses.replace(mention, value=value)
        if mention.value is not None and usable(mention):
            with contextlib.suppress(DateError):  # a value the tagger made but cannot anchor
                anchor = parse_value(mention.value)
        out.append(mention)
    return out
