"""Vocabulary, number words and calendar arithmetic for the date normalizer's grammar.

Nothing here imports dateparser. Values are the contract forms of DESIGN.md ("date forms"):
``2022``, ``2022-02``, ``2022-02-24`` and ``START/END`` intervals of those, EDTF seasons
(``2021-21`` .. ``2021-24``) and EDTF centuries (``18XX``). The rules that read phrases
into these values are in `dateline.temporal.rules`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

MONTHS: dict[str, int] = {}
for _i, _name in enumerate(calendar.month_name):
    if _i:
        MONTHS[_name.lower()] = _i
        MONTHS[_name.lower()[:3]] = _i
MONTHS.update({"sept": 9, "jun": 6, "jul": 7})
# Longest first so that the alternation prefers "september" over "sep".
MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
# "may" is also a verb; the tagger only accepts it with a day, a year or a qualifier.

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAYS.update({"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
                 "fri": 4, "sat": 5, "sun": 6})
WEEKDAY_RE = "|".join(sorted(WEEKDAYS, key=len, reverse=True))

# EDTF season codes (northern hemisphere): spring 21 .. winter 24.
SEASONS = {"spring": 21, "summer": 22, "fall": 23, "autumn": 23, "winter": 24}
SEASON_MONTHS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 2)}
SEASON_RE = "spring|summer|fall|autumn|winter"

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
            "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
            "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
            "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
            "twentieth": 20, "thirtieth": 30}
UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
         "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
         "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
         "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                "seventies": 7, "eighties": 8, "nineties": 9}

_UNIT_RE = "|".join(UNITS)
_TENS_RE = "|".join(TENS)
_ORD_RE = "|".join(ORDINALS)
_SMALL_RE = rf"(?:(?:{_TENS_RE})(?:[- ](?:{_UNIT_RE}|{_ORD_RE}))?|{_UNIT_RE}|{_ORD_RE})"
_TEEN_RE = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"


def _small_number(words: str) -> tuple[int, bool]:
    """'twenty-first' -> (21, True); 'six' -> (6, False).  The bool says 'ordinal'."""
    total, ordinal = 0, False
    for part in re.split(r"[- ]", words):
        if part in TENS:
            total += TENS[part]
        elif part in UNITS:
            total += UNITS[part]
        elif part in ORDINALS:
            total += ORDINALS[part]
            ordinal = True
    return total, ordinal


def _suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def words_to_digits(text: str) -> str:
    """Spell out number words as digits: years ('nineteen ninety-six' -> '1996', 'two
    thousand and one' -> '2001'), cardinals ('two weeks' -> '2 weeks') and ordinals
    ('march eighth' -> 'march 8th', 'third quarter' -> '3rd quarter')."""

    def year_pair(m: re.Match[str]) -> str:
        hi = UNITS[m.group(1)]
        if m.group(2) == "hundred":
            return str(hi * 100)
        lo = m.group(3)
        low = UNITS[lo] if lo in UNITS else _small_number(lo)[0]
        return str(hi * 100 + low)

    text = re.sub(rf"\b({_TEEN_RE}) (?:(hundred)|(?:oh )?((?:{_TENS_RE})(?:-(?:{_UNIT_RE}))?"
                  rf"|{_UNIT_RE}))\b(?![- ](?:{_UNIT_RE}|{_TENS_RE}))", year_pair, text)
    text = re.sub(rf"\btwo thousand(?:(?: and)? ({_SMALL_RE}))?\b",
                  lambda m: str(2000 + (_small_number(m.group(1))[0] if m.group(1) else 0)),
                  text)

    def small(m: re.Match[str]) -> str:
        n, ordinal = _small_number(m.group(0))
        return f"{n}{_suffix(n)}" if ordinal else str(n)

    return re.sub(rf"\b{_SMALL_RE}\b", small, text)


# --------------------------------------------------------------------------- values


def ymd(d: dt.date) -> str:
    """A day value."""
    return d.isoformat()


def ym(y: int, m: int) -> str:
    """A month value, normalizing month overflow (13 -> January next year)."""
    y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
    return f"{y:04d}-{m:02d}"


def span(a: str, b: str) -> str:
    """An interval value, collapsed when both ends are the same."""
    return a if a == b else f"{a}/{b}"


def last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def week_of(d: dt.date) -> str:
    """The ISO week (Monday..Sunday) containing d, as a day interval."""
    monday = d - dt.timedelta(days=d.weekday())
    return span(ymd(monday), ymd(monday + dt.timedelta(days=6)))


def quarter(y: int, q: int) -> str:
    return span(ym(y, 3 * q - 2), ym(y, 3 * q))


def season(y: int, code: int) -> str:
    return f"{y:04d}-{code}"


def season_bounds(y: int, code: int) -> tuple[dt.date, dt.date]:
    a, b = SEASON_MONTHS[code]
    end_y = y + 1 if code == 24 else y
    return dt.date(y, a, 1), dt.date(end_y, b, last_day(end_y, b))


def decade(start: int) -> str:
    return f"{start:04d}/{start + 9:04d}"


def century(n: int) -> str:
    """The nth century in the TimeML/EDTF reading: the 19th century is 18XX (1800-1899)."""
    return f"{n - 1:02d}XX"


def add_months(y: int, m: int, delta: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + delta
    return k // 12, k % 12 + 1


def shift_days(d: dt.date, months: int = 0, years: int = 0) -> dt.date:
    """d moved by whole months/years, clamping the day (Jan 31 + 1 month -> Feb 28)."""
    y, m = add_months(d.year + years, d.month, months)
    return dt.date(y, m, min(d.day, last_day(y, m)))


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


_THIRDS = {"early": (0, 1), "mid": (1, 2), "late": (2, 3)}


def qualify(value: str, which: str) -> str:
    """Apply early/mid/late to a value: of a year months 1-4/5-8/9-12, of a month days
    1-10/11-20/21-end, of a season its first two months/middle month/last month and the
    next, of a decade years 0-3/4-6/7-9, of a century years 0-33/34-66/67-99.
    Other values are returned whole (a coarser but honest answer beats an invented one)."""
    if re.fullmatch(r"\d{4}", value):
        y = int(value)
        lo, hi = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[which]
        return span(ym(y, lo), ym(y, hi))
    m = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if m and int(m.group(2)) <= 12:
        y, mo = int(m.group(1)), int(m.group(2))
        lo, hi = {"early": (1, 10), "mid": (11, 20), "late": (21, last_day(y, mo))}[which]
        return span(ymd(dt.date(y, mo, lo)), ymd(dt.date(y, mo, hi)))
    m = re.fullmatch(r"(\d{4})-(2[1-4])", value)
    if m:
        # Readers take seasons as the sky's (summer from late June): "late summer" runs
        # into September, "early spring" is March and April, "midwinter" its middle month.
        y, (a, _b) = int(m.group(1)), SEASON_MONTHS[int(m.group(2))]
        lo, hi = {"early": (0, 1), "mid": (1, 1), "late": (2, 3)}[which]
        return span(ym(*add_months(y, a, lo)), ym(*add_months(y, a, hi)))
    m = re.fullmatch(r"(\d{3})0/\1(9)", value)
    if m:
        d0 = int(m.group(1)) * 10
        lo, hi = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}[which]
        return span(f"{d0 + lo:04d}", f"{d0 + hi:04d}")
    m = re.fullmatch(r"(\d{2})XX", value)
    if m:
        # "the early 20th century" is its first third, not the whole century.
        c0 = int(m.group(1)) * 100
        lo, hi = {"early": (0, 33), "mid": (34, 66), "late": (67, 99)}[which]
        return span(f"{c0 + lo:04d}", f"{c0 + hi:04d}")
    return value


def half(value: str, which: int) -> str | None:
    """First (1) or second (2) half of a year or a decade value."""
    if re.fullmatch(r"\d{4}", value):
        y = int(value)
        return span(ym(y, 1), ym(y, 6)) if which == 1 else span(ym(y, 7), ym(y, 12))
    m = re.fullmatch(r"(\d{4})-(2[1-4])", value)
    if m:
        # Readers take seasons as the sky's (summer from late June): "late summer" runs
        # into September, "early spring" is March and April, "midwinter" its middle month.
        y, (a, _b) = int(m.group(1)), SEASON_MONTHS[int(m.group(2))]
        lo, hi = {"early": (0, 1), "mid": (1, 1), "late": (2, 3)}[which]
        return span(ym(*add_months(y, a, lo)), ym(*add_months(y, a, hi)))
    m = re.fullmatch(r"(\d{3})0/\1(9)", value)
    if m:
        d0 = int(m.group(1)) * 10
        return span(f"{d0:04d}", f"{d0 + 4:04d}") if which == 1 else span(
            f"{d0 + 5:04d}", f"{d0 + 9:04d}")
    return None


def ends(value: str) -> tuple[str, str]:
    """The first and last component of a value ('2020-09/2020-12' -> both parts)."""
    if "/" in value:
        a, b = value.split("/", 1)
        return a, b
    return value, value


def first_day(value: str) -> dt.date | None:
    """The first day a simple value covers (for ordering the ends of a range)."""
    a = ends(value)[0]
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", a)
    if not m:
        return None
    mo = int(m.group(2) or 1)
    if mo > 12:  # season
        mo = SEASON_MONTHS.get(mo, (1, 1))[0]
    return safe_date(int(m.group(1)), mo, int(m.group(3) or 1))


# --------------------------------------------------------------------------- resolvers


def month_year(mo: int, base: dt.date, tense: str | None, rel: str | None = None) -> int:
    """Year of a bare month name: the next from base's month on (future), the nearest for a
    deadline ('near'), else (past, unknown) the latest not after base's month;
    'last'/'next' exclude the base month."""
    if rel in ("last", "past", "previous"):
        return base.year if mo < base.month else base.year - 1
    if rel in ("next", "coming", "following"):
        return base.year if mo > base.month else base.year + 1
    if rel == "this":
        return base.year
    if tense == "future":
        return base.year if mo >= base.month else base.year + 1
    if tense == "near":
        # A deadline ("through January"): the nearest such month, six months either way.
        diff = (mo - base.month + 6) % 12 - 6
        return base.year + (base.month + diff - 1) // 12
    return base.year if mo <= base.month else base.year - 1


def month_day(mo: int, day: int, base: dt.date, tense: str | None) -> str | None:
    """A month and day without a year: the nearest such day, unless the tense (past when
    unknown) points the other way and that day is over two months off ("payable Dec. 7"
    in a past-tense sentence in late October is still this December)."""
    cands = [d for y in (base.year - 1, base.year, base.year + 1)
             if (d := safe_date(y, mo, day))]
    if not cands:
        return None
    return ymd(nearest_by_tense(cands, base, tense))


def nearest_by_tense(cands: list[dt.date], base: dt.date, tense: str | None) -> dt.date:
    """The candidate nearest to base, unless the tense points the other way and it is far."""
    near = min(cands, key=lambda d: abs((d - base).days))
    if tense == "future" and (base - near).days > 60:
        return min(d for d in cands if d >= base)
    if tense in ("past", None) and (near - base).days > 60:
        return max(d for d in cands if d <= base)
    return near


def weekday(wd: int, base: dt.date, tense: str | None, rel: str | None = None) -> str:
    """A weekday: 'last'/'next' strictly before/after base, 'this' within base's ISO week,
    otherwise by tense (past and default: the latest such day not after base; a deadline,
    'near': the nearest)."""
    back = (base.weekday() - wd) % 7
    fwd = (wd - base.weekday()) % 7
    if rel in ("last", "past", "previous"):
        return ymd(base - dt.timedelta(days=back or 7))
    if rel in ("next", "coming", "following"):
        return ymd(base + dt.timedelta(days=fwd or 7))
    if rel == "this":
        return ymd(base + dt.timedelta(days=wd - base.weekday()))
    if tense == "future" or tense == "near" and fwd <= back:
        return ymd(base + dt.timedelta(days=fwd))
    return ymd(base - dt.timedelta(days=back))


def season_value(code: int, base: dt.date, tense: str | None, rel: str | None) -> str:
    """A season without a year, resolved like a month: by 'last'/'this'/'next' or tense."""
    this_year = base.year - 1 if code == 24 and base.month <= 2 else base.year
    if rel == "this":
        return season(this_year, code)
    years = range(base.year - 2, base.year + 2)
    spans = [(y, *season_bounds(y, code)) for y in years]
    if rel in ("last", "past", "previous"):
        return season(max(y for y, _a, b in spans if b < base), code)
    # A deadline ("until at least the summer", tense "near") is a season not yet over.
    if rel in ("next", "coming", "following") or tense in ("future", "near"):
        strict = rel is not None
        return season(min(y for y, a, b in spans if (a > base if strict else b >= base)),
                         code)
    return season(max(y for y, a, _b in spans if a <= base), code)


def quarter_year(q: int, base: dt.date, tense: str | None) -> int:
    """Year of 'the third quarter': the latest such quarter begun by base (past/default),
    the next one not yet over (future)."""
    start = dt.date(base.year, 3 * q - 2, 1)
    if start <= base:
        # A quarter of this year that ended long ago is next year's in a future sentence;
        # one just ended is still being reported on ("will report third-quarter results").
        ended = dt.date(base.year, 3 * q, last_day(base.year, 3 * q))
        return base.year + 1 if tense == "future" and (base - ended).days > 100 else base.year
    return base.year if tense == "future" else base.year - 1


def reported_quarter(base: dt.date) -> tuple[int, int]:
    """The latest completed quarter: what 'the quarter' means in an earnings story."""
    y, q = base.year, (base.month - 1) // 3  # quarter before the current one
    return (y - 1, 4) if q == 0 else (y, q)


def year_of(token: str, base: dt.date) -> int:
    """'1990' -> 1990; a two-digit "'90" -> the latest such year not far after base."""
    y = int(token)
    if len(token) == 2:
        y += (base.year // 100) * 100
        if y > base.year + 10:
            y -= 100
    return y
