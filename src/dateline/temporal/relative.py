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
from collections.abc import Callable, Collection, Iterable
from typing import Any

from dateline.dates import DateError, DateValue, parse_value

_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_UNIT = r"(day|week|month|year|decade)s?"
_COUNT = re.compile(rf"(?i)(?:some\s+|about\s+|nearly\s+|almost\s+|just\s+)?"
                    rf"(\d+|{'|'.join(_NUMBERS)})\s+{_UNIT}\s+(later|after(?:wards)?|earlier|before)"
                    r"(?:\s+(?:that|this))?")
# "Two days after that": the count from the story's last date, which the tagger leaves out.
_COUNT_THAT = re.compile(rf"(?i)\b(?:\d+|{'|'.join(_NUMBERS)})\s+{_UNIT}\s+(?:after|before)\s+"
                         r"(?:that|this)\b(?=\s*[,.;])")
# "next week" alone counts from the publication day; "the next week" from the story's date.
# One unit only: "the following weeks" is a vague stretch, not the next week. Not decades:
# "in the next decade" in news is mostly the one ahead of the reader, not of the story.
_ONE = r"(day|week|month|year)"
_NEXT = re.compile(rf"(?i)(?:the\s+(next|previous)|(?:the\s+)?(following|preceding))\s+{_ONE}"
                   rf"|the\s+{_ONE}\s+(after|before)")
_SAME = re.compile(rf"(?i)(?:that|the\s+same)\s+{_ONE}")
# A part of the story's day: "that evening" is the day just named, "the next morning" the
# day after it, "the night before" the day before it.
_PART = r"(?:morning|afternoon|evening|night)"
_PART_SAME = re.compile(rf"(?i)(?:(?:later|earlier|late|early)\s+)?(?:that|the\s+same)\s+{_PART}")
_PART_NEXT = re.compile(rf"(?i)(?:early\s+|late\s+)?the\s+(?:next|following)\s+{_PART}")
_PART_BEFORE = re.compile(rf"(?i)the\s+(?:previous\s+{_PART}|{_PART}\s+before)")
# How fine a value must be for a step of each unit to keep its precision.
_NEEDS = {"day": ("day",), "week": ("day",), "month": ("day", "month"),
          "year": ("day", "month", "season", "year"),
          "decade": ("day", "month", "season", "year")}


def step(text: str) -> tuple[str, int] | None:
    """("day", 2) for "two days later", ("month", -1) for "the previous month", ("day", 0)
    for "that day"; None when the phrase does not count from another date."""
    t = " ".join(text.split()).strip(" .,;:")
    m = _COUNT.fullmatch(t)
    if m:
        n = int(m[1]) if m[1].isdigit() else _NUMBERS[m[1].lower()]
        n = n if m[3].lower().startswith(("later", "after")) else -n
        # "two weeks later" after a day is that day fortnight, not "the week after next".
        # "a decade later" after 1910 is 1920: ten years on, at the anchor's year.
        unit = m[2].lower()
        return ("day", 7 * n) if unit == "week" else ("year", 10 * n) if unit == "decade" \
            else (unit, n)
    m = _NEXT.fullmatch(t)
    if m:
        word = (m[1] or m[2] or "").lower()
        if word:
            return m[3].lower(), 1 if word in ("next", "following") else -1
        return m[4].lower(), 1 if m[5].lower() == "after" else -1
    m = _SAME.fullmatch(t)
    if m:
        return m[1].lower(), 0
    if _PART_SAME.fullmatch(t):
        return "day", 0
    if _PART_NEXT.fullmatch(t):
        return "day", 1
    if _PART_BEFORE.fullmatch(t):
        return "day", -1
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
    if unit == "decade":  # "the next decade" after 2005: the 2010s
        start = (first.year // 10 + n) * 10
        return f"{start:04d}/{start + 9:04d}"
    return f"{first.year + n:04d}"


_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]
_SEASONS = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}
_WHICH = r"(that|the\s+same|the\s+following|the\s+next|the\s+previous|the\s+preceding)"
# "that September", "the previous November", "the following spring": a month or season
# of the story's own time, counted from its last date, not from the publication day.
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_NAMED = re.compile(rf"(?i){_WHICH}\s+({'|'.join(_MONTHS)}|{'|'.join(_SEASONS)}|"
                    rf"{'|'.join(_WEEKDAYS)})")
# "on 2 June the following year", "in May of that year": the year comes from the story.
_YEAR_AFTER = re.compile(rf"(?i),?\s+(?:of\s+)?{_WHICH}\s+year\b")
_LEAD = re.compile(rf"(?i){_WHICH}\s+$")


def _direction(word: str) -> int:
    word = word.lower().split()[-1]
    return 1 if word in ("following", "next") else -1 if word in ("previous", "preceding") else 0


def named_in_story(phrase: str, anchor: DateValue) -> str | None:
    """The value of "that September" / "the following spring" counted from ``anchor``."""
    m = _NAMED.fullmatch(" ".join(phrase.split()))
    if m is None:
        return None
    n, word = _direction(m[1]), m[2].lower()
    year, month = anchor.first.year, anchor.first.month
    if word in _WEEKDAYS:
        # "the following Monday" after a Friday; "that Friday" in the anchor's week.
        if anchor.first != anchor.last:
            return None  # a weekday counts from a day, not from a month
        ahead = (_WEEKDAYS.index(word) - anchor.first.weekday()) % 7
        if n > 0:
            ahead = ahead or 7
        elif n < 0:
            ahead = ahead - 7 if ahead else -7
        else:
            # "that Tuesday" is a day of the anchor's own week, before it as well as after:
            # "said on Wednesday that Tuesday's quake" is the day before, not six days on.
            ahead = _WEEKDAYS.index(word) - anchor.first.weekday()
        return (anchor.first + dt.timedelta(days=ahead)).isoformat()
    if word in _SEASONS:
        season = _SEASONS[word]
        here = (month % 12) // 3 + 21  # the anchor's own season: Dec-Feb winter, ...
        if n > 0 and season <= here or n < 0 and season >= here:
            year += n
        return f"{year:04d}-{season}"
    target = _MONTHS.index(word) + 1
    if n > 0 and target <= month or n < 0 and target >= month:
        year += n
    return f"{year:04d}-{target:02d}"


def _reyear(value: str, year: int) -> str | None:
    """``value`` (a month or day the tagger read against the publication year) in ``year``."""
    m = re.fullmatch(r"\d{4}(-\d{2}(?:-\d{2})?)", value)
    return f"{year:04d}{m[1]}" if m else None


# "gave him until noon on Monday", "has until Friday", "a deadline of June 30": a day set
# ahead for someone, not a day the story has reached; "that evening" after it is the day
# the deadline was given.
_DEADLINE = re.compile(r"(?i)(?:\b(?:gave|give[sn]?|giving|granted|grants?|granting|set|sets)"
                       r"\s+(?:[\w'’]+\s+){0,3}?(?:until|till)|\b(?:has|have|had)\s+(?:until|till)|"
                       r"\bdeadline\s+(?:of|on|for))\s+(?:[\w.:]+\s+){0,2}?$")


def is_deadline(text: str, start: int) -> bool:
    """Whether the date at ``start`` is a deadline given to someone ("gave him until noon
    on Monday to resign"): it dates neither the giving nor what the story tells next."""
    return bool(_DEADLINE.search(text, max(0, start - 60), start))


_FIND = re.compile(rf"(?i)\b(?:{_COUNT_THAT.pattern[6:]}|{_NEXT.pattern[4:]}|{_SAME.pattern[4:]}|"
                   rf"{_PART_SAME.pattern[4:]}|{_PART_NEXT.pattern[4:]}|{_PART_BEFORE.pattern[4:]})\b")


def chain(text: str, mentions: Iterable[Any], usable: Any,
          published: dt.date | None = None, passing: Collection[int] = (),
          sentence_of: Callable[[int], int] | None = None) -> list[Any]:
    """Re-date relative mentions from the latest usable date before them, in text order.

    Anaphoric phrases the tagger left out ("the following day", "that day") are added.
    `usable(mention)` says whether a mention may serve as an anchor. A relative mention with
    no anchor, or one too coarse for its unit, gets value None. With ``published``, "the
    same day" just after a month or season ahead of it ("is expected to report in the
    summer") is the past day told before that plan. A date told in passing (its start in
    ``passing``; extract/reference.py) anchors only the relative dates of its own sentence
    (``sentence_of`` gives a start's sentence: "captained the side in 1992, entered
    politics four years later"); the next sentences count from the story's last date that
    was not told in passing.
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
    # The latest anchor not told in passing, and the sentence of the one in passing.
    main_anchor: DateValue | None = None
    passing_in: int | None = None
    day_before_plan: DateValue | None = None
    taken_to = -1
    ordered = sorted(found, key=lambda m: m.start)
    for at, mention in enumerate(ordered):
        if mention.start < taken_to:
            continue  # the "the following year" of "2 June the following year", now read
        # The tagger's extent may leave out a leading "the" or "that": look back for it.
        before = text[max(0, mention.start - 20):mention.start]
        lead = _LEAD.search(before) or re.search(r"(?i)\bthe\s+$", before)
        phrase = (lead.group() if lead else "") + mention.text
        relative = step(phrase)
        story = named_in_story(phrase, anchor) if anchor is not None else None
        after = _YEAR_AFTER.match(text, mention.end)
        if relative is not None and re.search(r"(?i)\b(?:before|after)$", mention.text) \
                and re.match(r"[ \t]+[\w\"“]", text[mention.end:mention.end + 3]):
            # "a day before an Oct. 28 deadline" counts from the date that follows; "two
            # weeks before the UK is due to leave" from no date of the text.
            nxt = ordered[at + 1] if at + 1 < len(ordered) else None
            value = None
            if nxt is not None and nxt.value and re.fullmatch(
                    r"(?i)\s+(?:(?:the|an?|its|their|this)\s+)?", text[mention.end:nxt.start]):
                with contextlib.suppress(DateError):
                    value = shift(parse_value(nxt.value), *relative)
            relative = None
            mention = dataclasses.replace(mention, value=value)
        if relative is not None:
            # "Said on Monday a review would report in the summer. Shares fell on the same
            # day": that day is Monday's; a plan ahead is not the day the story is on.
            here = day_before_plan if relative == ("day", 0) and day_before_plan else anchor
            if passing_in is not None and main_anchor is not None and sentence_of is not None \
                    and sentence_of(mention.start) != passing_in:
                here = main_anchor
            value = shift(here, *relative) if here is not None else None
            mention = dataclasses.replace(mention, value=value)
        elif story is not None:
            mention = dataclasses.replace(mention, value=story)
        elif after is not None and anchor is not None and mention.value \
                and not re.search(r"\d{4}", mention.text):
            value = _reyear(mention.value, anchor.first.year + _direction(after[1]))
            if value is not None:
                taken_to = after.end()
                mention = dataclasses.replace(mention, value=value, end=after.end(),
                                              text=text[mention.start:after.end()])
        if mention.value is not None and usable(mention) and not is_deadline(text, mention.start):
            with contextlib.suppress(DateError):  # a value the tagger made but cannot anchor
                value = parse_value(mention.value)
                plan = published is not None and value.first > published and value.first != value.last
                day_before_plan = anchor if plan and anchor is not None and anchor.first == anchor.last \
                    and published is not None and anchor.last <= published else None
                anchor = value
                if mention.start in passing and sentence_of is not None:
                    passing_in = sentence_of(mention.start)
                else:
                    passing_in, main_anchor = None, value
        out.append(mention)
    return out
