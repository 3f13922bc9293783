"""The date model: ISO 8601 / EDTF partial dates and intervals, as stored in event files.

A value names an interval of days with an honest precision: `2022-02` is all of February,
never the 5th. Parsing is strict and pure (no dateparser here): natural phrases such as
"late 2020" are turned into these forms by `dateline.temporal.normalize` before they reach this module.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
# EDTF level 1 seasons, northern hemisphere: 21 spring .. 24 winter (winter runs into next year).
SEASONS = {21: ("spring", 3, 5), 22: ("summer", 6, 8), 23: ("autumn", 9, 11), 24: ("winter", 12, 2)}
QUALIFIERS = {"~": "approximate", "?": "uncertain", "%": "approximate and uncertain"}

_PART = re.compile(r"(?P<y>\d{4})(?:-(?P<m>\d{2}))?(?:-(?P<d>\d{2}))?(?P<q>[~?%])?")
_DECADE = re.compile(r"(?P<c>\d{3})X(?P<q>[~?%])?")
_CENTURY = re.compile(r"(?P<c>\d{2})XX(?P<q>[~?%])?")


class DateError(ValueError):
    """A value that is not a date in the contract's forms; the message says why."""


@dataclass(frozen=True)
class Bound:
    """One side of an interval: its first and last day and how precisely it was given."""

    first: dt.date
    last: dt.date
    precision: str  # day, month, season, year, decade, century
    text: str
    qualifier: str = ""


@dataclass(frozen=True)
class DateValue:
    """A normalized date: a single bound or an interval START/END of bounds."""

    start: Bound
    end: Bound | None = None  # None for a single date, not an interval

    @property
    def first(self) -> dt.date:
        """The first day the value can mean."""
        return self.start.first

    @property
    def last(self) -> dt.date:
        """The last day the value can mean."""
        return (self.end or self.start).last

    @property
    def is_interval(self) -> bool:
        return self.end is not None

    @property
    def precision(self) -> str:
        """day, month, season, year, decade, century, or span for an interval."""
        return "span" if self.end is not None else self.start.precision

    @property
    def qualifier(self) -> str:
        return self.start.qualifier or (self.end.qualifier if self.end else "")

    @cached_property  # every export and page asks for it, many times over
    def value(self) -> str:
        """The canonical string form, as written back to YAML and into <time datetime>."""
        return self.start.text if self.end is None else f"{self.start.text}/{self.end.text}"

    @property
    def iso(self) -> str:
        """A valid HTML <time datetime> value: the most precise date form that stays honest."""
        if self.end is None and self.start.precision in ("day", "month", "year"):
            return self.start.text.rstrip("~?%")
        a, b = self.first, self.last
        # HTML has no interval form: give the finest period that holds the whole span.
        if (a.year, a.month) == (b.year, b.month):
            return a.isoformat() if a == b else a.strftime("%Y-%m")
        return str(a.year)

    def sort_key(self) -> tuple[dt.date, dt.date]:
        """Chronological order: by first day, then the shorter (more precise) value first."""
        return (self.first, self.last)

    def display(self) -> str:
        """A phrase that reads naturally: "February 2022", "late 2020", "3–4 December 2022"."""
        text = _display_unqualified(self)
        q = self.qualifier
        if q == "~":
            return f"c. {text}"
        if q:
            return f"{text}?" if q == "?" else f"c. {text}?"
        return text


def parse_value(raw: object) -> DateValue:
    """Parse a stored date value (str, int year or datetime.date from YAML) into a DateValue.

    Raises DateError with a short reason ("no such day") for anything else.
    """
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, dt.date):
        return DateValue(_day(raw.year, raw.month, raw.day, raw.isoformat(), ""))
    if isinstance(raw, bool) or not isinstance(raw, (str, int)):
        raise DateError(f"expected a date such as 2022-02-24, found {type(raw).__name__}")
    text = str(raw).strip()
    if "/" in text:
        left, _, right = text.partition("/")
        if "/" in right:
            raise DateError("an interval has one '/' between its start and end")
        start, end = _bound(left.strip()), _bound(right.strip())
        if end.last < start.first:
            raise DateError(f"interval ends ({right.strip()}) before it starts ({left.strip()})")
        return DateValue(start, end)
    return DateValue(_bound(text))


def as_day(raw: object) -> dt.date | None:
    """A publication day from YAML or front matter: a date, a datetime, or text that starts
    YYYY-MM-DD (a timestamp's time is dropped); None when empty. Raises DateError."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    try:
        return dt.date.fromisoformat(str(raw).strip()[:10])
    except ValueError:
        raise DateError(f"expected a day as YYYY-MM-DD, found {raw!r}") from None


def looks_like_value(text: str) -> bool:
    """True when text is written in the stored forms (so no phrase normalizing is needed)."""
    t = text.strip()
    parts = t.split("/") if t.count("/") == 1 else [t]
    return all(_PART.fullmatch(p) or _DECADE.fullmatch(p) or _CENTURY.fullmatch(p) for p in parts)


def _bound(text: str) -> Bound:
    m = _PART.fullmatch(text)
    if m:
        y, q = int(m["y"]), m["q"] or ""
        if m["m"] is None:
            return Bound(dt.date(y, 1, 1), dt.date(y, 12, 31), "year", text, q)
        mo = int(m["m"])
        if mo in SEASONS and m["d"] is None:
            _, a, b = SEASONS[mo]
            end_y = y + 1 if b < a else y
            last = dt.date(end_y, b, calendar.monthrange(end_y, b)[1])
            return Bound(dt.date(y, a, 1), last, "season", text, q)
        if not 1 <= mo <= 12:
            raise DateError(f"no month {mo} (months are 01-12, seasons 21-24)")
        if m["d"] is None:
            last_day = calendar.monthrange(y, mo)[1]
            return Bound(dt.date(y, mo, 1), dt.date(y, mo, last_day), "month", text, q)
        return _day(y, mo, int(m["d"]), text, q)
    m = _DECADE.fullmatch(text)
    if m:
        y = int(m["c"]) * 10
        return Bound(dt.date(y, 1, 1), dt.date(y + 9, 12, 31), "decade", text, m["q"] or "")
    m = _CENTURY.fullmatch(text)
    if m:
        y = int(m["c"]) * 100
        return Bound(dt.date(max(y, 1), 1, 1), dt.date(y + 99, 12, 31), "century", text, m["q"] or "")
    raise DateError(f"cannot read {text!r} as a date (use 2022, 2022-02, 2022-02-24 or START/END)")


def _day(y: int, mo: int, d: int, text: str, q: str) -> Bound:
    try:
        day = dt.date(y, mo, d)
    except ValueError:
        raise DateError(f"cannot read {text!r} (no such day)") from None
    return Bound(day, day, "day", text, q)


def _display_bound(b: Bound) -> str:
    f = b.first
    if b.precision == "day":
        return f"{f.day} {MONTHS[f.month - 1]} {f.year}"
    if b.precision == "month":
        return f"{MONTHS[f.month - 1]} {f.year}"
    if b.precision == "season":
        return f"{SEASONS[int(b.text[5:7])][0]} {f.year}"
    if b.precision == "decade":
        return f"the {f.year}s"
    if b.precision == "century":
        n = f.year // 100 + 1
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"the {n}{suffix} century"
    return str(f.year)


_THIRDS = {(1, 4): "early", (5, 8): "mid", (9, 12): "late"}


def _display_unqualified(v: DateValue) -> str:
    s, e = v.start, v.end
    if e is None:
        return _display_bound(s)
    a, b = s.first, e.last
    if s.precision == e.precision == "month" and a.year == b.year:
        third = _THIRDS.get((a.month, b.month))
        if third:
            return f"{third} {a.year}"
        if (a.month, b.month) in ((1, 3), (4, 6), (7, 9), (10, 12)):
            return f"Q{b.month // 3} {a.year}"
        return f"{MONTHS[a.month - 1]}–{MONTHS[b.month - 1]} {a.year}"
    if s.precision == e.precision == "day":
        if a.year == b.year and a.month == b.month:
            third = {(1, 10): "early", (11, 20): "mid"}.get((a.day, b.day))
            if third is None and a.day == 21 and b.day == calendar.monthrange(b.year, b.month)[1]:
                third = "late"
            if third:
                return f"{third} {MONTHS[a.month - 1]} {a.year}"
            return f"{a.day}–{b.day} {MONTHS[a.month - 1]} {a.year}"
        if a.year == b.year:
            return f"{a.day} {MONTHS[a.month - 1]} – {b.day} {MONTHS[b.month - 1]} {a.year}"
    if s.precision == e.precision == "year" and a.year % 10 == 0 and b.year == a.year + 9:
        return f"the {a.year}s"
    if s.precision == e.precision == "year" and a.year // 10 == b.year // 10:
        third = {(0, 3): "early", (4, 6): "mid", (7, 9): "late"}.get((a.year % 10, b.year % 10))
        if third:
            return f"the {third} {a.year // 10 * 10}s"
    return f"{_display_bound(s)} – {_display_bound(e)}"
