"""Private helpers for the date normalizer: vocabulary, text cleaning and calendar arithmetic.

Nothing here imports dateparser; `dateline.normalize` builds its rule table on top of
these pieces.  Values are the contract forms of DESIGN.md ("date forms"): ``2022``,
``2022-02``, ``2022-02-24`` and ``START/END`` intervals of those, EDTF seasons
(``2021-21`` .. ``2021-24``) and EDTF centuries (``18XX``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable

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
    1-10/11-20/21-end, of a decade years 0-3/4-6/7-9.  Other values are returned whole
    (a coarser but honest answer beats an invented one)."""
    if re.fullmatch(r"\d{4}", value):
        y = int(value)
        lo, hi = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[which]
        return span(ym(y, lo), ym(y, hi))
    m = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if m and int(m.group(2)) <= 12:
        y, mo = int(m.group(1)), int(m.group(2))
        lo, hi = {"early": (1, 10), "mid": (11, 20), "late": (21, last_day(y, mo))}[which]
        return span(ymd(dt.date(y, mo, lo)), ymd(dt.date(y, mo, hi)))
    m = re.fullmatch(r"(\d{3})0/\1(9)", value)
    if m:
        d0 = int(m.group(1)) * 10
        lo, hi = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}[which]
        return span(f"{d0 + lo:04d}", f"{d0 + hi:04d}")
    return value


def half(value: str, which: int) -> str | None:
    """First (1) or second (2) half of a year or a decade value."""
    if re.fullmatch(r"\d{4}", value):
        y = int(value)
        return span(ym(y, 1), ym(y, 6)) if which == 1 else span(ym(y, 7), ym(y, 12))
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
    return ymd(_nearest_by_tense(cands, base, tense))


def _nearest_by_tense(cands: list[dt.date], base: dt.date, tense: str | None) -> dt.date:
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
    if rel in ("next", "coming", "following") or tense == "future":
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


# --------------------------------------------------------------------------- the grammar
# Each rule is a regex that must match the whole cleaned phrase and a handler that returns
# a value (or None for "a date word, but no interval").  Rules are tried in order; the
# first that matches decides, so specific forms come before general ones.

PASS = "<pass>"  # a handler's "not mine after all": the next rule gets a try
Handler = Callable[[re.Match[str], dt.date, "str | None"], "str | None"]
_RULES: list[tuple[re.Pattern[str], Handler]] = []


def rule(pattern: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        _RULES.append((re.compile(pattern), fn))
        return fn
    return register


def apply_rules(t: str, base: dt.date, tense: str | None) -> tuple[bool, str | None]:
    """(True, value) from the first rule matching the cleaned phrase t, else (False, None)."""
    for rx, fn in _RULES:
        m = rx.fullmatch(t)
        if m:
            value = fn(m, base, tense)
            if value is not PASS:
                return True, value
    return False, None


def sub_value(t: str, base: dt.date, tense: str | None) -> str | None:
    """Normalize an inner phrase (of a range or qualifier) with the same rules."""
    return apply_rules(t.strip(" ,"), base, tense)[1] if t.strip(" ,") else None


_ORD = r"(1st|2nd|3rd|4th)"
_REL = r"(last|this|next|past|previous|coming|current|following|latest|present|same|" \
       r"this past|this coming|recent|most recent)"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_MON = rf"({MONTH_RE})\.?"
_YEAR = r"(\d{4})"
_BACK = {"last", "past", "previous", "this past", "recent", "most recent"}
_FWD = {"next", "coming", "following", "this coming"}
_VAGUE = (r"recently|lately|recent|past|future|formerly|once|soon|previously|eventually|"
          r"someday|sometime|earlier|later|then|time|that time|moment|so far|yet|already|"
          r"now and then|day|days|weeks|months|years|the day|that day|that year|that month|"
          r"that week|that quarter|"
          r"a while|long ago|the other day|one day|some day|this time|the same time|"
          r"the time|meantime|meanwhile|nowadays?|ever|never|always|before|after|since|"
          r"earlier that day|later that day|the following day|the next day|the day before|"
          r"the next morning|same day|afterwards?|beforehand|ahead|next|last|first|today's")


def _rel(word: str | None) -> str | None:
    if word in _BACK:
        return "last"
    if word in _FWD:
        return "next"
    return "this" if word in ("this", "current", "present", "same") else word


@rule(r"now|right now|just now|currently|current|presently|at present|present|these days|"
      r"at the moment|at this moment|this moment|the present|today|nowadays|so far this year"
      r"|to date")
def _present(m, base, tense):
    if m.group(0) == "so far this year":
        return f"{base.year:04d}"
    return ymd(base)


@rule(_VAGUE)
def _vague(m, base, tense):
    return None


@rule(r"(.+?) (?:and beyond|or later|or earlier|or before|or after|onwards?|and later|"
      r"and earlier|at the latest|at the earliest)")
def _open_ended(m, base, tense):
    # "1994 or later": the anchor is the only interval the phrase names.
    return sub_value(m.group(1), base, tense)


@rule(r"(?:from |between )?(.+?) ?(?: to | and | until | till | through | thru |-|/) ?(.+)")
def _range(m, base, tense):
    left, right = m.group(1), m.group(2)
    if re.fullmatch(r"\d{4}", left) and re.fullmatch(r"\d{2}", right):
        right = left[:2] + right  # "1994-96"
    ry = re.search(r"(?:\d{4}|(?:this|last|next) year)$", right)
    if ry and not re.search(r"\d{4}|'\d\d|year", left) and re.search(MONTH_RE, left):
        left = f"{left} {ry.group(0)}"  # "from March 3 to May 5, 2020"
    a, b = sub_value(left, base, tense), sub_value(right, base, tense)
    if not a or not b:
        return PASS
    fa = first_day(a)
    if fa and not re.search(r"\d{4}|year", right) and re.search(MONTH_RE, right):
        # "from December 2019 to March": the end is the first such month after the start.
        b = sub_value(f"{right} {fa.year}", base, tense) or b
        fb = first_day(b)
        if fb and fb < fa:
            b = sub_value(f"{right} {fa.year + 1}", base, tense) or b
    return span(ends(a)[0], ends(b)[1])


def _numeric_date(t: str, base: dt.date) -> str | None:
    """ISO 2022-02-24 / 2022-02, and slashed days: 24/02/2022 (day first when the first
    number can't be a month), otherwise month first as in US news (02/24/2022)."""
    m = re.fullmatch(r"(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?", t)
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        if not 1 <= mo <= 12:
            return None
        if m.group(3) is None:
            return ym(y, mo)
        d = safe_date(y, mo, int(m.group(3)))
        return ymd(d) if d else None
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?", t)
    if not m:
        return None
    a, b = int(m.group(1)), int(m.group(2))
    mo, d = (b, a) if a > 12 else (a, b)
    if m.group(3) is None:
        return month_day(mo, d, base, None) if 1 <= mo <= 12 else None
    day = safe_date(year_of(m.group(3), base), mo, d) if 1 <= mo <= 12 else None
    return ymd(day) if day else None


@rule(r"\d{4}-\d{1,2}-\d{1,2}|\d{4}/\d{1,2}/\d{1,2}|\d{4}-\d{2}|\d{1,2}[/.-]\d{1,2}[/.-]"
      r"(?:\d{2}|\d{4})|\d{1,2}/\d{1,2}")
def _numeric(m, base, tense):
    return _numeric_date(m.group(0), base)


@rule(rf"(?:{_REL} )?({WEEKDAY_RE})\.?,? (?:the )?(.*\d.*)")
def _weekday_date(m, base, tense):
    """'Saturday, April 25': the weekday picks the year when the text gives none."""
    rest = m.group(3)
    if re.search(r"\d{4}|'\d\d", rest):
        return sub_value(rest, base, tense) or PASS
    md = re.fullmatch(rf"{_MON} {_DAY}|{_DAY} (?:of )?{_MON}", rest)
    if not md:
        return PASS
    g = md.groups()
    mo, d = MONTHS[g[0] or g[3]], int(g[1] or g[2])
    wd = WEEKDAYS[m.group(2)]
    cands = [x for y in range(base.year - 1, base.year + 2)
             if (x := safe_date(y, mo, d)) and x.weekday() == wd]
    if not cands:
        return month_day(mo, d, base, tense)
    return ymd(min(cands, key=lambda x: abs((x - base).days)))


@rule(r"year[- ]?end|end of (?:the )?year|(\d{4}) year[- ]end|end of (?:the )?(\d{4})")
def _year_end(m, base, tense):
    """Year-end is the accounting term for 31 December; 'the end of 1990' is late 1990."""
    if m.group(2):
        return qualify(m.group(2), "late")
    if m.group(0).startswith("end"):
        return qualify(f"{base.year:04d}", "late")
    if m.group(1):
        return f"{m.group(1)}-12-31"
    # In a past-tense sentence ("the change since year-end") it is the last one gone by.
    return f"{base.year - 1 if tense == 'past' else base.year:04d}-12-31"


@rule(rf"{_MON} {_DAY},? {_YEAR}|{_DAY} (?:of )?{_MON},? {_YEAR}")
def _full_date(m, base, tense):
    g = m.groups()
    mo, d, y = (g[0], g[1], g[2]) if g[0] else (g[4], g[3], g[5])
    day = safe_date(int(y), MONTHS[mo], int(d))
    return ymd(day) if day else None


@rule(rf"{_MON} {_DAY},? (this|last|next) year|{_DAY} (?:of )?{_MON},? (this|last|next) year")
def _date_rel_year(m, base, tense):
    g = m.groups()
    mo, d, rel = (g[0], g[1], g[2]) if g[0] else (g[4], g[3], g[5])
    y = base.year + {"this": 0, "last": -1, "next": 1}[rel]
    day = safe_date(y, MONTHS[mo], int(d))
    return ymd(day) if day else None


@rule(rf"{_MON} {_DAY}|{_DAY} (?:of )?{_MON}")
def _month_day(m, base, tense):
    g = m.groups()
    mo, d = (g[0], g[1]) if g[0] else (g[3], g[2])
    return month_day(MONTHS[mo], int(d), base, tense)


@rule(rf"{_MON},? (?:of |in )?{_YEAR}|{_MON},? '(\d\d)")
def _month_year(m, base, tense):
    g = m.groups()
    mo, y = (g[0], g[1]) if g[0] else (g[2], g[3])
    return ym(year_of(y, base), MONTHS[mo])


@rule(rf"{_MON},? (?:of )?(this|last|next) year")
def _month_rel_year(m, base, tense):
    return ym(base.year + {"this": 0, "last": -1, "next": 1}[m.group(2)], MONTHS[m.group(1)])


@rule(rf"(?:{_REL} )?{_MON}")
def _month(m, base, tense):
    mo = MONTHS[m.group(2)]
    return ym(month_year(mo, base, tense, _rel(m.group(1))), mo)


@rule(r"(?:fiscal |calendar |the year |year |fy ?|model year )?(\d{4})|'(\d\d)|fy(\d\d)")
def _year(m, base, tense):
    token = m.group(1) or m.group(2) or m.group(3)
    y = year_of(token, base)
    return f"{y:04d}" if 1000 <= y <= 2199 else None


@rule(r"(early|mid|late)?[- ]?(\d{3})0'?s|(early|mid|late)?[- ]?'?(\d)0'?s|"
      r"(early|mid|late)?[- ]?(twenties|thirties|forties|fifties|sixties|seventies|eighties|"
      r"nineties)")
def _decade(m, base, tense):
    which = m.group(1) or m.group(3) or m.group(5)
    if m.group(2):
        if m.group(2).endswith("0") and m.group(2) != "200":
            return century(int(m.group(2)[:2]) + 1)  # "the 1800s" is the century
        start = int(m.group(2)) * 10
    else:
        digit = int(m.group(4)) if m.group(4) else DECADE_WORDS[m.group(6)]
        start = (base.year // 100) * 100 + digit * 10
        if start > base.year:
            start -= 100
    value = decade(start)
    return qualify(value, which) if which else value


@rule(r"(?:(early|mid|late)[- ])?(\d{1,2})(?:st|nd|rd|th) century")
def _century(m, base, tense):
    n = int(m.group(2))
    return century(n) if 1 <= n <= 30 else None


@rule(rf"{_REL} (century|decade)")
def _rel_century(m, base, tense):
    step = {"last": -1, "next": 1}.get(_rel(m.group(1)) or "", 0)
    if m.group(2) == "decade":
        return decade((base.year // 10 + step) * 10)
    return century(base.year // 100 + 1 + step)


_QUAL = {"early": "early", "mid": "mid", "late": "late", "beginning of": "early",
         "start of": "early", "first part of": "early", "middle of": "mid", "end of": "late",
         "close of": "late", "latter part of": "late", "later part of": "late",
         "last part of": "late", "dawn of": "early", "the end of": "late",
         "the beginning of": "early", "the start of": "early", "the middle of": "mid"}


@rule(r"(early|mid|late|(?:the )?(?:beginning|start|first part|middle|end|close|latter part|"
      r"later part|last part|dawn) of)[- ](?:the )?(.+)")
def _qualified(m, base, tense):
    inner = m.group(2)
    value = sub_value(inner, base, tense)
    if value is None:
        return None
    if re.fullmatch(r"(?:this |that |the )?(?:week|weekend)", inner):
        return value
    return qualify(value, _QUAL[m.group(1)])


@rule(r"(?:earlier|later|early|late)? ?(?:in )?(?:the |this )?"
      r"(?:full |whole |entire |fiscal |calendar )?(week|month|year)|"
      r"(?:earlier|later) (this|last|next) (week|month|year)")
def _this_unit(m, base, tense):
    unit = m.group(1) or m.group(3) or "year"
    step = {"last": -1, "next": 1}.get(m.group(2) or "", 0)
    if unit == "week":
        return week_of(base + dt.timedelta(days=7 * step))
    if unit == "month":
        return ym(*add_months(base.year, base.month, step))
    return f"{base.year + step:04d}"


@rule(rf"{_REL} (day|week|weekend|month|year|quarter|fiscal year|financial year|"
      rf"half|period|season)|(?:this|last|next) (?:fiscal|financial) (year|quarter)")
def _rel_unit(m, base, tense):
    if m.group(1) in ("following", "same"):
        return None  # anaphoric: "the following year" counts from a time we don't know
    rel = _rel(m.group(1)) if m.group(1) else "this"
    unit = m.group(2) or m.group(3)
    step = {"last": -1, "next": 1}.get(rel or "", 0)
    if rel in ("latest",) or unit == "period":
        if unit in ("quarter", "period"):
            return quarter(*reported_quarter(base))
        step = -1 if unit != "day" else 0
    if unit == "day":
        return ymd(base + dt.timedelta(days=step))
    if unit == "week":
        return week_of(base + dt.timedelta(days=7 * step))
    if unit == "weekend":
        sat = base - dt.timedelta(days=base.weekday()) + dt.timedelta(days=5 + 7 * step)
        return span(ymd(sat), ymd(sat + dt.timedelta(days=1)))
    if unit == "month":
        return ym(*add_months(base.year, base.month, step))
    if unit == "quarter":
        y, q = base.year, (base.month - 1) // 3 + 1 + step
        return quarter(y + (q - 1) // 4, (q - 1) % 4 + 1)
    if unit == "half":
        h = (base.month - 1) // 6 + step
        return half(f"{base.year + h // 2:04d}", h % 2 + 1)
    if unit == "season":
        return None
    return f"{base.year + step:04d}"


_YEAR_AGO = r"(?:year-ago|year-earlier|year ago|year earlier|prior-year|prior year|" \
            r"previous-year|previous year|comparable|corresponding|same)"


@rule(rf"(?:{_YEAR_AGO} ?)+(?:{_ORD}[- ])?(?:fiscal )?(quarter|period|year|month|week|day)?"
      r"(?: (?:a|1) year (?:ago|earlier)| last year| of last year)?|"
      r"(?:a |1 )year (?:ago|earlier|before)|last year (quarter|period)|"
      r"(quarter|period) (?:a|1) year (?:ago|earlier)")
def _year_ago(m, base, tense):
    unit = m.group(2) or m.group(3) or m.group(4)
    if unit in ("quarter", "period"):
        y, q = reported_quarter(base)
        return quarter(y - 1, int(m.group(1)[0]) if m.group(1) else q)
    if unit == "month":
        return ym(base.year - 1, base.month)
    if unit in ("week", "day"):
        return None
    return f"{base.year - 1:04d}"


@rule(rf"(?:fiscal |calendar )?(?:{_YEAR} |(this|last|next) year )?(?:fiscal[- ])?{_ORD}[- ]"
      rf"(?:fiscal[- ])?quarter(?:,? (?:of |in )?(?:fiscal |calendar )?(?:{_YEAR}|(this|last|"
      rf"next) year))?|q([1-4])(?:[- ]?(?:{_YEAR}|'(\d\d)))?|{_YEAR}[- ]q([1-4])")
def _quarter(m, base, tense):
    g = m.groups()
    q = int((g[2] or g[5] or g[9])[0])
    year = g[0] or g[3] or g[6] or g[7] or g[8]
    rel = g[1] or g[4]
    if year:
        return quarter(year_of(year, base), q)
    if rel:
        return quarter(base.year + {"this": 0, "last": -1, "next": 1}[rel], q)
    return quarter(quarter_year(q, base, tense), q)


@rule(r"(?:(?:fiscal |the )?(\d{4}) )?(quarter|period)|(?:fiscal )?quarter")
def _the_quarter(m, base, tense):
    y, q = reported_quarter(base)
    if m.group(1) and m.group(2) == "period":
        return m.group(1)  # "the 1988 period" may be any part of 1988: say only the year
    if m.group(1):
        return quarter(int(m.group(1)), q)  # "the 1988 quarter": the same quarter that year
    return quarter(y, q)


@rule(r"(?:(1st|2nd|first|second|last|latter|final|back|front)[- ]half|(1st|first|last|final) 2 "
      r"quarters)(?: of (?:the )?(.+))?|"
      r"(?:(\d{4})|(this|last|next) year) (1st|2nd|first|second)[- ]half|h([12])(?: (\d{4}))?")
def _half(m, base, tense):
    g = m.groups()  # "the first two quarters" is the first half too
    which_word = g[0] or g[1] or g[5] or ("1st" if g[6] == "1" else "2nd")
    which = 1 if which_word in ("1st", "first", "front") else 2
    if g[2]:
        inner = sub_value(g[2], base, tense)
        return half(inner, which) if inner else None
    if g[3] or g[7]:
        return half(g[3] or g[7], which)
    if g[4]:
        return half(f"{base.year + {'this': 0, 'last': -1, 'next': 1}[g[4]]:04d}", which)
    y = base.year if which == 1 or base.month > 6 or tense == "future" else base.year - 1
    return half(f"{y:04d}", which)


@rule(rf"(?:{_REL} |(early|mid|late)[- ])?({SEASON_RE})(?:,? (?:of )?(?:{_YEAR}|'(\d\d)|"
      rf"(this|last|next) year))?|{_YEAR} ({SEASON_RE})")
def _season(m, base, tense):
    name = m.group(3) or m.group(8)
    code = SEASONS[name]
    year = m.group(4) or m.group(5) or m.group(7)
    if year:
        return season(year_of(year, base), code)
    if m.group(6):
        return season(base.year + {"this": 0, "last": -1, "next": 1}[m.group(6)], code)
    return season_value(code, base, tense, _rel(m.group(1)))


_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14}


@rule(r"(a|an|one|a few|few|several|a couple of|couple of|\d+|\d+ 1/2|\d+\.\d+|some)? ?"
      r"(day|week|fortnight|month|year|decade|century)s? (ago|earlier|before|back|previously|"
      r"prior|later|after|from now|hence|on|afterwards?|from today|since)|(?:in|within) "
      r"(a|an|one|\d+) (day|week|month|year)s?(?: time)?")
def _offset(m, base, tense):
    count_word = m.group(1) or m.group(4) or "a"
    unit = m.group(2) or m.group(5)
    if not re.fullmatch(r"\d+|a|an|one", count_word):
        return None  # "a few years ago" names no interval
    n = 1 if not count_word.isdigit() else int(count_word)
    sign = -1 if m.group(3) in ("ago", "earlier", "before", "back", "previously", "prior",
                                "since") else 1
    if unit in _UNIT_DAYS:
        d = base + dt.timedelta(days=sign * n * _UNIT_DAYS[unit])
        return ymd(d) if unit == "day" else week_of(d)
    if unit == "month":
        return ym(*add_months(base.year, base.month, sign * n))
    years = n * {"year": 1, "decade": 10, "century": 100}[unit]
    return f"{base.year + sign * years:04d}"


@rule(r"(the day before |the day after )?(yesterday|today|tomorrow)|(?:the )?day before "
      r"(?:yesterday)|(?:the )?day after (?:tomorrow)")
def _deictic(m, base, tense):
    if m.group(2) is None:
        return ymd(base + dt.timedelta(days=-2 if "before" in m.group(0) else 2))
    step = {"yesterday": -1, "today": 0, "tomorrow": 1}[m.group(2)]
    if m.group(1):
        step += -1 if "before" in m.group(1) else 1
    return ymd(base + dt.timedelta(days=step))


@rule(r"(?:the )?day (before|after) (.+)")
def _day_before(m, base, tense):
    """'the day before last Tuesday': one day from a day value."""
    inner = sub_value(m.group(2), base, tense)
    if not inner or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", inner):
        return None
    step = -1 if m.group(1) == "before" else 1
    return ymd(dt.date.fromisoformat(inner) + dt.timedelta(days=step))


@rule(rf"(?:{_REL} )?({WEEKDAY_RE})\.?(?: (this|last|next) week)?")
def _weekday(m, base, tense):
    wd = WEEKDAYS[m.group(2)]
    if m.group(3):
        step = {"this": 0, "last": -7, "next": 7}[m.group(3)]
        monday = base - dt.timedelta(days=base.weekday() - step)
        return ymd(monday + dt.timedelta(days=wd))
    return weekday(wd, base, tense, _rel(m.group(1)))


@rule(r"week of (.+)")
def _week_of(m, base, tense):
    inner = sub_value(m.group(1), base, tense)
    d = first_day(inner) if inner and re.fullmatch(r"\d{4}-\d{2}-\d{2}", inner) else None
    return week_of(d) if d else None


def _nth_weekday(y: int, mo: int, wd: int, n: int) -> dt.date:
    """The nth (1-based; -1 = last) given weekday of a month."""
    if n < 0:
        d = dt.date(y, mo, last_day(y, mo))
        return d - dt.timedelta(days=(d.weekday() - wd) % 7)
    d = dt.date(y, mo, 1)
    return d + dt.timedelta(days=(wd - d.weekday()) % 7 + 7 * (n - 1))


# US/UK public holidays news refers to by name: fixed days, or nth weekday rules.
_HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "new year day": lambda y: dt.date(y, 1, 1),
    "new year eve": lambda y: dt.date(y, 12, 31),
    "valentine day": lambda y: dt.date(y, 2, 14),
    "independence day": lambda y: dt.date(y, 7, 4),
    "fourth of july": lambda y: dt.date(y, 7, 4),
    "4th of july": lambda y: dt.date(y, 7, 4),
    "halloween": lambda y: dt.date(y, 10, 31),
    "veterans day": lambda y: dt.date(y, 11, 11),
    "armistice day": lambda y: dt.date(y, 11, 11),
    "christmas eve": lambda y: dt.date(y, 12, 24),
    "christmas": lambda y: dt.date(y, 12, 25),
    "christmas day": lambda y: dt.date(y, 12, 25),
    "boxing day": lambda y: dt.date(y, 12, 26),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "martin luther king day": lambda y: _nth_weekday(y, 1, 0, 3),
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1),
    "easter": lambda y: easter(y),
    "easter sunday": lambda y: easter(y),
    "easter monday": lambda y: easter(y) + dt.timedelta(days=1),
    "good friday": lambda y: easter(y) - dt.timedelta(days=2),
}
_HOLIDAY_RE = "|".join(sorted(_HOLIDAYS, key=len, reverse=True))


def easter(y: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(y, month, day + 1)


@rule(rf"(?:{_REL} )?({_HOLIDAY_RE})(?:,? {_YEAR})?( week)?")
def _holiday(m, base, tense):
    value = _holiday_day(m, base, tense)
    return week_of(dt.date.fromisoformat(value)) if m.group(4) else value


def _holiday_day(m: re.Match[str], base: dt.date, tense: str | None) -> str:
    fn = _HOLIDAYS[m.group(2)]
    if m.group(3):
        return ymd(fn(int(m.group(3))))
    rel = _rel(m.group(1))
    cands = [fn(y) for y in (base.year - 1, base.year, base.year + 1)]
    if rel == "this":
        return ymd(cands[1])
    if rel == "next":
        return ymd(min(d for d in cands if d > base))
    if rel == "last":
        return ymd(max(d for d in cands if d < base))
    # Like a month and day: the nearest, unless the tense says otherwise and it is far.
    return ymd(_nearest_by_tense(cands, base, tense))
