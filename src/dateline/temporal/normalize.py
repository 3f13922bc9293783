"""The one date normalizer: an English date phrase + a base date -> a contract date value.

``normalize("late 2020", base)`` -> ``"2020-09/2020-12"``.  The value forms are those of
DESIGN.md ("date forms"): ``2022``, ``2022-02``, ``2022-02-24``, ``START/END`` intervals,
EDTF seasons (``2021-21`` spring .. ``2021-24`` winter), decades as ``1990/1999`` and
centuries as ``18XX``.  ``None`` means "not a date" or "names no interval" ("recently").

Our own regex grammar (``dateline.temporal.rules``) handles the common news forms first; only
what it does not know falls back to dateparser, which is imported lazily (once) because its
import costs ~100 ms and the site build imports this module for hand-written phrases.

Relative phrases are resolved against ``base`` (the publication date) and the tense of the
containing sentence: "on Tuesday" in a past-tense sentence is the latest Tuesday not after
base, in a sentence with "will" the next one.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator

from dateline.temporal import rules as tr
from dateline.temporal import vocabulary as tv
from dateline.temporal.vocabulary import MONTH_RE, WEEKDAY_RE

__all__ = ["normalize", "normalize_jsonl", "tense_of"]

# ----------------------------------------------------------------------------- tense

_FUTURE = re.compile(
    r"\b(?:will|won't|wo n't|'ll|shall|going to|plans? to|planning to|planned to|"
    r"expects? to|expected to|intends? to|scheduled|is due|are due|"
    # "was due to end on Friday" is a plan already past; "is due to" looks ahead.
    r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )due to|set to|slated|"
    # A present-tense schedule: "the lockdown takes effect on Monday".
    r"takes? effect|comes? into force|begins|starts|opens|"
    r"upcoming|tomorrow|would|might|hopes? to|aims? to|is to|are to|(?:is|are|be) expected|"
    r"payable|effective|expires?|(?:planned|scheduled|set|slated) for|"
    r"next (?:week|month|year))\b")
# "could follow in the summer", "may rise next": a possibility ahead, but only for a phrase
# after the modal ("said on Wednesday that it may" is still a past Wednesday).
_MODAL = re.compile(r"\b(?:could|may)(?= (?!have\b|be\b)[a-z]+\b)")  # "could be located" is often past
# Past-tense auxiliaries plus regular -ed verbs; the nearest marker to the phrase wins.
# An -ed word after a form of "be" is a passive or an adjective ("will be named"), and
# some -ed words are no verbs at all ("united", "hundred").
_PAST = re.compile(
    r"\b(?:was|were|had|did|ago|since|last|yesterday|earlier)\b|"
    # Past forms; after a form of "be" they are passives or adjectives ("will be held").
    r"(?<!\bbe )(?<!\bbeen )(?<!\bbeing )(?<!\bis )(?<!\bare )(?<!\bget )"
    # "has decided" is a present perfect, which takes no past time adverbial.
    r"(?<!\bhas )(?<!\bhave )"
    # After an article an -ed word is an adjective ("on a still unspecified date").
    r"(?<!\ba )(?<!\ban )(?<!\bthe )(?<!\bstill )"
    r"\b(?:said|told|came|went|met|began|took|made|gave|saw|left|fell|rose|won|lost|got|"
    r"held|became|tore|struck|ran|shot|fought|sent|spent|sold|bought|brought|thought|found|"
    r"led|kept|broke|spoke|wrote|stood|sat|flew|drove|chose|knew|grew|threw|drew|paid|"
    r"felt|heard|built|fled|hid|stole|woke|wore|swore|sank|sang|rang|forgot|overtook|"
    r"(?!(?:united|hundred|need|indeed|speed|proceed|exceed|succeed|feed|seed|breed|limited|"
    r"based|related|detailed|advanced|armed|alleged|expected|proposed|planned|scheduled|"
    r"interested|concerned|called|so-called|unexpected|unprecedented|embattled|embed)\b)"
    r"\w{3,}ed)\b")


def tense_of(sentence: str | None, phrase: str = "") -> str | None:
    """'past', 'future' or None for the sentence around ``phrase``: the tense marker
    nearest to the phrase wins (a sentence may mix "said" with "will meet on Friday")."""
    if not sentence:
        return None
    s = sentence.lower()
    p = phrase.lower().strip()
    at = s.find(p) if p else -1
    if at < 0:
        at, end = len(s) // 2, len(s) // 2
    else:
        end = at + len(p)
        s = s[:at] + " " * len(p) + s[end:]  # the phrase's own words ("next") don't count
    best: tuple[int, str] | None = None
    for rx, label in ((_FUTURE, "future"), (_PAST, "past"), (_MODAL, "future")):
        for m in rx.finditer(s):
            if rx is _MODAL and m.end() > at:
                continue
            # English puts the verb before its time adverbial ("met on Friday"), so a
            # marker after the phrase counts only when none is near before it.
            dist = at - m.end() if m.end() <= at else 3 * (m.start() - end)
            if label == "past":
                dist += 1  # ties go to the future marker ("said it will")
            if best is None or dist < best[0]:
                best = (dist, label)
    return best[1] if best else None


# ----------------------------------------------------------------------------- cleaning

_PREFIX = re.compile(
    r"^(?:in|on|at|by|since|during|until|till|through|throughout|before|after|around|about|"
    r"circa|approximately|nearly|almost|roughly|some|more than|less than|over|as of|as early as|"
    r"as late as|as recently as|as soon as|(?:beginning|starting)(?! of)|from|of|for|to|ahead of|"
    r"prior to|sometime|some time|up to|within|the|its|their|his|her|our|this year's|"
    r"all|just|only|back|even|still|already|very|fully|sometime in|the course of|"
    r"(?:a good |a large |a big |the better |the greater )?part of|much of|most of|all of|"
    r"post|pre)\s+(?=\S)|^(?:post|pre)-(?=\d)")
_TIME_OF_DAY = re.compile(
    r"\b\d{1,2}(?::\d{2})?\s*(?:a\.?m\b\.?|p\.?m\b\.?)|\b(?:[ecmp][sd]t|gmt|utc|o'clock|"
    r"noon|midnight)\b")
_DAYWORD = rf"(?:{WEEKDAY_RE}|yesterday|today|tomorrow)"


def clean(text: str) -> str:
    """Lower-case, unify quotes and dashes, spell numbers as digits, and drop what does not
    change the interval: leading prepositions and hedges, times of day, possessives."""
    t = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    t = re.sub(r"[\u2013\u2014]", "-", t)
    t = re.sub(r"\s+", " ", t).strip(" ,;:!?\"()[]")
    t = t.removesuffix(".") if not re.search(rf"\b(?:{MONTH_RE})\.$", t) else t
    t = tv.words_to_digits(t)
    t = re.sub(r"(?<=[a-z])'s\b", "", t)  # "friday's" -> "friday", "year's end"
    t = re.sub(r"\bor so\b|\bor thereabouts\b|\bnow\b(?= \d)", "", t)
    t = _TIME_OF_DAY.sub(" ", t)
    t = re.sub(r"\b(?:tonight|this (?:morning|afternoon|evening))\b", "today", t)
    t = re.sub(r"\blast night\b", "yesterday", t)
    t = re.sub(rf"\b({_DAYWORD}) (?:morning|afternoon|evening|night|overnight)\b", r"\1", t)
    t = re.sub(rf"\b(?:early|late|earlier|later) (?={_DAYWORD}\b)", "", t)
    t = re.sub(r"\s+", " ", t).strip(" ,")
    for _ in range(4):  # "in the", "sometime in early"
        t2 = _PREFIX.sub("", t).strip(" ,")
        if t2 == t:
            break
        t = t2
    return t


# ----------------------------------------------------------------------------- resolving


def fallback(t: str, base: dt.date, tense: str | None) -> str | None:
    """dateparser for what the rules did not cover, with its period as the precision.

    Only phrases that name a month or weekday are offered: dateparser reads almost any
    number as a date ("64" -> 1964), and we would rather say None than invent one."""
    if not re.search(rf"\b(?:{MONTH_RE}|{WEEKDAY_RE})\b", t) or re.search(r"\d{5,}", t):
        return None
    parser = _parser(base, "future" if tense == "future" else "past")
    try:
        data = parser.get_date_data(t)
    except Exception:  # dateparser raises on odd input; a phrase it can't read is None
        return None
    if not data or not data.date_obj:
        return None
    d = data.date_obj.date()
    if data.period == "year":
        return f"{d.year:04d}"
    if data.period == "month":
        return tv.ym(d.year, d.month)
    if data.period == "week":
        return tv.week_of(d)
    return tv.ymd(d)


_PARSERS: dict[tuple[dt.date, str], object] = {}


def _parser(base: dt.date, prefer: str):  # -> dateparser.date.DateDataParser
    """One DateDataParser per (base, direction), dateparser imported on first use only."""
    key = (base, prefer)
    if key not in _PARSERS:
        from dateparser.date import DateDataParser  # lazy: heavy import, see module doc

        if len(_PARSERS) > 64:
            _PARSERS.clear()
        _PARSERS[key] = DateDataParser(languages=["en"], settings={
            "RELATIVE_BASE": dt.datetime.combine(base, dt.time(12)),
            "PREFER_DATES_FROM": prefer, "REQUIRE_PARTS": []})
    return _PARSERS[key]


# ----------------------------------------------------------------------------- public API

_NOT_DATE = re.compile(
    r".*(?:[$\u20ac\u00a3\u00a5%]|\bper ?cent\b|\bpercent\b).*|[\d.,]*\d[\d.,]*(?: ?(?:k|m|bn))?"
    r"|\d+(?:st|nd|rd|th)")


def normalize(text: str, base: dt.date, sentence: str | None = None) -> str | None:
    """Normalize an English date phrase relative to ``base`` (the publication date).

    ``sentence`` (the phrase's sentence) decides past or future for relative phrases.
    Returns a contract date value (``"2022-02"``, ``"2020-09/2020-12"``, ...) or None when
    the phrase is not a date or names no interval.  Never raises on odd text.
    """
    if isinstance(base, dt.datetime):
        base = base.date()
    t = clean(text or "")
    if not t or len(t) > 120:
        return None
    if _NOT_DATE.fullmatch(t) and not re.fullmatch(r"'?\d{4}|\d{4}s?", t):
        return None
    days = next((m for m in (rx.fullmatch(text.strip()) for rx in _DAY_PAIR) if m), None)
    if days:
        # Each day read in full, then the span between them.
        month, tail = days["m"], days["tail"] or ""
        first = normalize(f"{month} {days['d1']}{tail}", base, sentence)
        last = normalize(f"{month} {days['d2']}{tail}", base, sentence)
        if first and last and len(first) == len(last) == 10 and first < last:
            return f"{first}/{last}"
        return None
    tense = tense_of(sentence, text) or tense_of(text)
    if tense != "future" and _deadline(text, sentence):
        tense = "near"  # "extended the loans through January": let the nearest one win
    try:
        found, value = tr.apply_rules(t, base, tense)
    except (ValueError, OverflowError):  # impossible dates such as "February 30, 2022"
        return None
    if found:
        return _quarterly(t, value, base, text, sentence)
    try:
        return fallback(t, base, tense)
    except (ValueError, OverflowError):
        return None


_MONTH_WORD = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
               r"Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_ORD = r"(?:st|nd|rd|th)?"
_JOIN = r"\s*(?:-|–|and|to)\s*"
# "April 12 and 13", "12-13 April 2010": two days of one month.
_DAY_PAIR = [re.compile(rf"(?P<m>{_MONTH_WORD}) (?P<d1>\d{{1,2}}){_ORD}{_JOIN}(?P<d2>\d{{1,2}}){_ORD}"
                        rf"(?P<tail>,? \d{{4}})?", re.IGNORECASE),
             re.compile(rf"(?P<d1>\d{{1,2}}){_ORD}{_JOIN}(?P<d2>\d{{1,2}}){_ORD} (?P<m>{_MONTH_WORD})"
                        rf"(?P<tail>,? \d{{4}})?", re.IGNORECASE)]


def _deadline(text: str, sentence: str | None) -> bool:
    """Is the phrase the object of until/through/by (a deadline, often still ahead)?"""
    if not sentence:
        return bool(re.match(r"(?i)(?:until|till|through|by|before)\b", text.strip()))
    at = sentence.find(text)
    # "until at least the summer", "until 1pm on Monday": a hedge or an hour between.
    return at >= 0 and bool(re.search(r"(?i)\b(?:until|till|through|by|before|ahead of|"
                                      r"no later than|as soon as)\s+(?:at\s+least\s+)?"
                                      r"(?:(?:\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\.?|noon|midnight)"
                                      r"\s+(?:on\s+)?)?(?:the\s+)?$", sentence[:at]))


_YEAR_BACK = re.compile(r"(?:a |1 )?year[- ](?:ago|earlier|before)|year[- ](?:ago|earlier)"
                        r"(?: period| results?)?")
# Phrases that mean "the quarter being reported" without naming it.
_IMPLICIT_QUARTER = re.compile(r"(?:latest |current |same |(?:year|prior|previous)[- ]?"
                               r"(?:ago|earlier|year)? )?(?:fiscal )?(?:quarter|period)")
_QUARTER_NAMED = re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)[- ](?:fiscal[- ])?"
                            r"quarter\b")


def _quarterly(t: str, value: str | None, base: dt.date, text: str,
               sentence: str | None) -> str | None:
    """Earnings prose compares quarters.  "Profit rose from $3 million a year earlier" in a
    sentence about a quarter is that quarter a year before, and "the quarter" or "the
    year-ago period" is the quarter the sentence names, if it names one."""
    if not value or not sentence or "quarter" not in sentence.lower():
        return value
    implicit = _IMPLICIT_QUARTER.fullmatch(t)
    if not (implicit or _YEAR_BACK.fullmatch(t)):
        return value
    rest = sentence.lower().replace(text.lower(), " ", 1)
    named = _QUARTER_NAMED.search(tv.words_to_digits(rest))
    if named:
        q = int(named.group(1)[0])
        y = tv.quarter_year(q, base, None)
    else:
        y, q = tv.reported_quarter(base)
    back = _YEAR_BACK.fullmatch(t) or re.search(r"ago|earlier|prior|previous", t)
    if implicit and not back and not named:
        return value
    return tv.quarter(y - 1 if back else y, q)


def normalize_jsonl(lines: Iterable[str], default_base: dt.date | None
                    ) -> Iterator[tuple[str, bool]]:
    """The `dateline normalize` JSON Lines protocol: one output line per input line.

    In: ``{"text": ..., "base": "YYYY-MM-DD" (optional if default_base), "sentence": ...}``.
    Out: ``({"text": ..., "value": ... or null}, True)``, or ``({"error": "line N: ..."},
    False)`` for a malformed line; later lines go on regardless.
    """
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                raise ValueError('expected an object with a string "text"')
            base_text = row.get("base")
            if base_text is None:
                if default_base is None:
                    raise ValueError('no "base" date in the line and no --base given')
                base = default_base
            else:
                base = dt.date.fromisoformat(str(base_text)[:10])
            sentence = row.get("sentence")
            value = normalize(row["text"], base, sentence if isinstance(sentence, str) else None)
        except ValueError as exc:  # json.JSONDecodeError is a ValueError too
            yield json.dumps({"error": f"line {n}: {exc}"}), False
            continue
        yield json.dumps({"text": row["text"], "value": value}), True
