"""The date normalizer's grammar: one rule per phrase shape, tried in order.

Each rule reads a cleaned phrase ("late 2020", "the first week of March", "two years ago")
into a contract value, using the vocabulary and calendar arithmetic of
`dateline.temporal.vocabulary`. Nothing here imports dateparser.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from dateline.temporal.vocabulary import (
    DECADE_WORDS,
    MONTH_RE,
    MONTHS,
    SEASON_RE,
    SEASONS,
    WEEKDAY_RE,
    WEEKDAYS,
    add_months,
    century,
    decade,
    ends,
    first_day,
    half,
    last_day,
    month_day,
    month_year,
    nearest_by_tense,
    qualify,
    quarter,
    quarter_year,
    reported_quarter,
    safe_date,
    season,
    season_value,
    span,
    week_of,
    weekday,
    year_of,
    ym,
    ymd,
)

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


@rule(rf"(last|this past|past|previous|next|this coming|coming) (?:{_MON} {_DAY}|{_DAY} (?:of )?{_MON})")
def _rel_month_day(m, base, tense):
    """'last Oct. 23': the latest such day before base; 'next May 5' the first after."""
    g = m.groups()
    mo, d = (g[1], g[2]) if g[1] else (g[4], g[3])
    back = _rel(g[0]) == "last"
    cands = [x for y in range(base.year - 1, base.year + 2)
             if (x := safe_date(y, MONTHS[mo], int(d))) and (x < base if back else x > base)]
    if not cands:
        return None
    return ymd(max(cands) if back else min(cands))


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
    if not 1 <= n <= 30:
        return None
    return qualify(century(n), m.group(1)) if m.group(1) else century(n)


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
        value = season(year_of(year, base), code)
    elif m.group(6):
        value = season(base.year + {"this": 0, "last": -1, "next": 1}[m.group(6)], code)
    else:
        value = season_value(code, base, tense, _rel(m.group(1)))
    # "the late summer of 2008" is part of the season: the EDTF season code would be wider.
    return qualify(value, m.group(2)) if m.group(2) else value


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


@rule(r"(day|week|weekend|month|year) (before last|after next)")
def _two_back(m, base, tense):
    """'the week before last', 'the year after next': two units from this one."""
    step = -2 if m.group(2) == "before last" else 2
    unit = m.group(1)
    if unit == "day":
        return ymd(base + dt.timedelta(days=step))
    if unit in ("week", "weekend"):
        monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=step)
        if unit == "weekend":
            return span(ymd(monday + dt.timedelta(days=5)), ymd(monday + dt.timedelta(days=6)))
        return week_of(monday)
    if unit == "month":
        return ym(*add_months(base.year, base.month, step))
    return f"{base.year + step:04d}"


@rule(r"(?:(a|an|one|\d+) )?(day|week|month|year)s? (before|after) (.+)")
def _offset_from(m, base, tense):
    """'the day before last Tuesday', 'three days after Christmas', 'two years after 2010':
    a count of units from a date the phrase names, at no finer precision than that date."""
    inner = sub_value(m.group(4), base, tense)
    count = m.group(1) or "1"
    n = int(count) if count.isdigit() else 1
    n = -n if m.group(3) == "before" else n
    unit = m.group(2)
    if not inner or "/" in inner:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", inner):
        d = dt.date.fromisoformat(inner)
        if unit in ("day", "week"):
            return ymd(d + dt.timedelta(days=n * (7 if unit == "week" else 1)))
        if unit == "month":
            y, mo = add_months(d.year, d.month, n)
            day = safe_date(y, mo, d.day)
            return ymd(day) if day else ym(y, mo)
        day = safe_date(d.year + n, d.month, d.day)
        return ymd(day) if day else None
    mm = re.fullmatch(r"(\d{4})-(\d{2})", inner)
    if mm and int(mm.group(2)) <= 12 and unit in ("month", "year"):
        y, mo = int(mm.group(1)), int(mm.group(2))
        return ym(*add_months(y, mo, n)) if unit == "month" else ym(y + n, mo)
    if re.fullmatch(r"\d{4}", inner) and unit == "year":
        return f"{int(inner) + n:04d}"
    return None


@rule(r"turn of (?:the )?(?:(\d{1,2})(?:st|nd|rd|th) )?(century|millennium)")
def _turn_of(m, base, tense):
    """'the turn of the century': about the boundary year nearest the base (the last one
    gone by in the past tense, the next in the future); 'of the 20th century' is 1900."""
    size = 100 if m.group(2) == "century" else 1000
    if m.group(1):
        if m.group(2) != "century":
            return None
        return f"{(int(m.group(1)) - 1) * 100:04d}~"
    before = base.year // size * size
    after = before + size
    if tense == "future":
        year = after
    elif tense == "past":
        year = before
    else:
        year = before if base.year - before <= after - base.year else after
    return f"{year:04d}~"


@rule(r"weekend")
def _the_weekend(m, base, tense):
    """'over the weekend': the last one gone by, or in the future tense the coming one
    (a weekend that includes base is that one)."""
    sat = base - dt.timedelta(days=(base.weekday() - 5) % 7)
    if tense == "future" and base.weekday() < 5:
        sat += dt.timedelta(days=7)
    return span(ymd(sat), ymd(sat + dt.timedelta(days=1)))


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
    return ymd(nearest_by_tense(cands, base, tense))
