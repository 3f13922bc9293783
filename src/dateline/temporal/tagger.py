"""Find temporal expressions in English news prose and normalize them.

``find_dates(text, base)`` returns :class:`Mention` objects with character offsets into
``text`` (extents in the spirit of TimeML TIMEX3: "February", "last weekend", "late 2020",
"Saturday 3 December 2022", "recently").  Each is normalized by
:func:`dateline.temporal.normalize.normalize` with its own sentence, so the tense of that sentence
decides "on Tuesday".  Vague mentions ("recently") are kept with ``value=None`` so callers
can tell vague from absent; things that only look like dates (ages, money, counts,
percentages, "a sixth term", "2,020 troops") are not mentions at all.

The patterns are general English; nothing here knows any particular article.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from dataclasses import dataclass

from dateline.temporal.normalize import normalize
from dateline.temporal.vocabulary import MONTH_RE, MONTHS, WEEKDAY_RE, WEEKDAYS

__all__ = ["Mention", "find_dates", "split_sentences"]


@dataclass(frozen=True)
class Mention:
    """A temporal expression: ``text[start:end]`` and its contract value (or None).

    ``ambiguous`` is True when the value is one of two readings the text allows and nothing
    chose between them (a slashed date such as 03/04/2021 read with ``day_first=None``).
    """

    start: int
    end: int
    text: str
    value: str | None
    ambiguous: bool = False


# ----------------------------------------------------------------------------- patterns

_MON = rf"(?:{MONTH_RE})\b\.?"
_WD = rf"(?:{WEEKDAY_RE})\b\.?"
_NUMW = (r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
         r"fifteen|twenty|thirty|forty|fifty|sixty|a few|several|a couple of)")
_ORDW = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
_CENT = (r"(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|"
         r"ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|"
         r"seventeenth|eighteenth|nineteenth|twentieth|twenty-first)")
_YEAR = r"(?<![\d,.$£€])(?:1[0-9]|20|21)\d\d(?![\d%]|,\d|\.\d)"
# Years said in words, as in transcripts: "nineteen ninety-six", "two thousand and one".
_UNITW = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_SPELLED_YEAR = (rf"(?:(?:eighteen|nineteen|twenty) (?:hundred|oh {_UNITW}|ten|eleven|twelve|"
                 rf"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
                 rf"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-{_UNITW})?)"
                 rf"|two thousand(?:(?: and)? (?:{_UNITW}|ten|eleven|twelve|thirteen|fourteen|"
                 rf"fifteen|sixteen|seventeen|eighteen|nineteen))?)(?![- ]{_UNITW}\b)"
                 # "two thousand years", "nineteen hundred people": a count, not a year.
                 r"(?!\s+(?:[a-z]+\s+)?(?:years|people|men|women|troops|dollars|pounds|"
                 r"miles|acres|jobs|homes|workers|soldiers|copies|tons|tonnes)\b)")
_MOD = (r"(?:(?:early|mid|late)[- ]|(?:the )?(?:beginning|start|middle|end|close|latter part|"
        r"first half|second half) of (?:the )?)")
_REL = r"(?:last|this|next|past|previous|coming|current|latest|this past|this coming)"
_UNIT = r"(?:week|weekend|month|year|quarter|decade|century|spring|summer|fall|autumn|winter)"
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_DAYNUM = r"\d{1,2}(?:st|nd|rd|th)?"
_VAGUE = (r"recently|lately|nowadays|these days|at present|currently|right now|now|"
          # TimeML extents leave the preposition out: "in [the past]".
          r"(?<=\bin )(?:the (?:(?:near|distant|recent) )?(?:past|future)(?! \w+ (?:day|week|"
          r"month|year|decade)s?\b)|recent (?:days|weeks|months|years))")
_HOLIDAY = (r"(?:new year's (?:day|eve)|christmas(?: eve| day)?|thanksgiving(?: day)?|"
            r"easter(?: sunday| monday)?|good friday|independence day|labor day|"
            r"memorial day|election day|halloween|boxing day|valentine's day)")

_PATTERNS = [
    # Calendar dates, optionally led by a weekday: "Saturday 3 December 2022".
    # "31 July last year", "March 11 this year": the year phrase is part of the date.
    # "12 and 13 April", "April 12-13, 2010": two days of one month.
    rf"\b{_DAYNUM}\s*(?:-|–|and|to)\s*{_DAYNUM} {_MON}(?:,? {_YEAR})?",
    rf"\b{_MON} {_DAYNUM}\s*(?:-|–|and|to)\s*{_DAYNUM}\b(?:,? {_YEAR})?",
    rf"(?:{_WD},? )?(?:the )?{_DAYNUM} (?:of )?{_MON}(?:,? {_YEAR}|,? (?:this|last|next) year)?",
    rf"(?:(?:{_REL}) )?(?:{_WD},? )?{_MON} {_DAYNUM}\b(?:,? {_YEAR}|,? (?:this|last|next) year)?",
    rf"(?:{_MOD}|{_REL} )?{_MON}(?:,? (?:of )?(?:{_YEAR}|(?:this|last|next) year))?",
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b",
    # Years, decades, centuries, with qualifiers and fiscal/calendar.
    rf"(?:(?:fiscal|calendar) (?:year )?)?(?:{_MOD})?{_YEAR}\b(?:[-/]\d{{2}}(?:\d{{2}})?\b)?",
    rf"\b(?:(?:{_MON}|the (?:{_SEASON}) of|the year) )?{_SPELLED_YEAR}",
    rf"\bthe {_YEAR} (?:period|quarter)\b",
    rf"(?:the )?(?:{_MOD})?(?:(?<![\d,.$])\d{{3}}0s|'\d0s|(?:twenties|thirties|forties|fifties|"
    rf"sixties|seventies|eighties|nineties))\b",
    rf"(?:the )?(?:{_MOD})?{_CENT} century\b",
    # Relative phrases.
    # TimeML keeps the article: "the past year", "the latest quarter".
    rf"(?:the )?(?:(?:earlier|later|early|late|mid-?) )?(?:{_REL}) "
    # ("the last quarter century" is a length of time, no quarter of a year.)
    rf"(?:(?:fiscal|financial) (?:year|quarter)|{_UNIT}|{_WD})\b(?!\s+century)",
    r"\bthe (?:full|whole|entire|fiscal|financial|calendar) year\b",
    r"\b(?:the )?(?:latest|current) (?:fiscal )?period\b",
    # Earnings prose: "a loss for the quarter" is the quarter reported.  Lower case only,
    # and not "the quarter of a million", "the quarter-to-quarter gain" or a town's "Quarter".
    r"\b[Tt]he (?:fiscal )?(?-i:quarter)\b(?! of\b|-)",
    r"\bthe weekend\b",
    r"\b(?:the )?year[- ]end\b|\byear's end\b",
    # A part of a unit: "the end of the year", "the start of next month", "mid-year".
    rf"(?:{_MOD})(?:(?:{_REL}) )?(?:fiscal )?(?:year|month|week|quarter|decade|century)\b",
    # Not "the day before last Tuesday", which counts from that Tuesday.
    rf"\b(?:the )?(?:day|week|weekend|month|year) (?:before last|after next)\b"
    rf"(?! (?:{_WD}|{_UNIT}|{_MON}|{_HOLIDAY}))",
    rf"\b(?:the )?turn of the (?:{_CENT} )?(?:century|millennium)\b",
    r"(?:(?:earlier|later) )?(?:this|that) (?:morning|afternoon|evening)\b",
    r"\b(?:(?:early|late|earlier|later) )?"
    r"(?:(?:the day (?:before|after) )?(?:yesterday|today|tomorrow)|tonight|last night)\b"
    r"(?: (?:morning|afternoon|evening|night))?",
    rf"\b(?:(?:nearly|almost|about|roughly|some|just|more than|less than|over) )?"
    rf"{_NUMW} (?:day|week|month|year|decade)s? (?:or so )?(?:ago|earlier|later|before|"
    rf"from now)\b",
    r"\b(?:the )?(?:year|a year)[- ](?:ago|earlier)(?: (?:quarter|period))?\b",
    r"\b(?:earlier|later) (?:this|last|next) (?:week|month|year)\b",
    # Quarters, halves, seasons.
    rf"(?:the )?(?:{_YEAR} |(?:this|last|next) year's |{_YEAR}'s )?(?:fiscal )?{_ORDW}[- ]"
    rf"(?:fiscal[- ])?quarter\b"
    rf"(?:,? (?:of )?(?:fiscal )?(?:{_YEAR}|(?:this|last|next) year))?",
    rf"\bQ[1-4](?:[ -]{_YEAR})?\b",
    rf"(?:the )?(?:(?:first|second|last|latter|final) half|(?:first|last|final) "
    rf"(?:two|2) quarters) of (?:{_YEAR}|(?:this|last|next|the) year|the (?:\d{{3}}0s|'\d0s))",
    rf"(?:(?:{_REL}) |(?:the )?(?:early|late|mid-?) |the |(?<=\bin ))"
    rf"{_SEASON}\b(?:,? (?:of )?{_YEAR})?",
    # "the Easter holidays", "the Christmas break": days around the holiday, not the day.
    rf"(?:{_REL} )?\b{_HOLIDAY}\b(?!\s+(?:holidays?|break|recess|period|season|term|"
    rf"getaway|rush)\b)(?:,? {_YEAR}| week)?",
    # Weekdays, alone or with a part of the day.
    rf"(?:(?:{_REL}|early|late|earlier|later) )?{_WD}(?: (?:morning|afternoon|evening|night))?",
    rf"\b(?:{_VAGUE})\b",
]
# A date phrase starts a word: the lookbehind lets the engine skip the middle of every
# word at once (3x faster over an article) and keeps "ed the" out of "reviewed the".
_COMPILED = [re.compile(rf"(?<!\w)(?:{p})", re.IGNORECASE) for p in _PATTERNS]
# Month, weekday and holiday names must be capitalized: "may", "march", "sun", "eastern"
# are ordinary words.
_NAME = re.compile(rf"\b(?:{MONTH_RE}|{WEEKDAY_RE}|{_HOLIDAY})\b", re.IGNORECASE)
# A number followed by a counted noun is a quantity ("2020 troops", "1500 people") unless a
# preposition in front makes it a year ("in 2020 prices rose").
_QUANTITY_AFTER = re.compile(r"\s+(?!(?:and|or|to|through|until|when|while|as|at|in|on|by|"
                             r"for|the|a|an|was|were|is|are|had|has|have|will|would|after|"
                             r"before|that|with|from|of|it|he|she|they|we|but)\b)[a-z]+\b")
# Looks behind a match read at most this many characters: enough for any cue word, and it
# keeps tagging linear in the length of the text (a search from 0 to the match is not).
_BEHIND = 40
# Context for a mention outside every given sentence (tense is read from it).
_CONTEXT = 200
# "a 2010 raid", "the 2014 election": after a determiner a year is a modifier, not a count.
_YEAR_BEFORE = re.compile(r"(?:\b\d{4},?\s+(?:and|or)|"  # "in 2015 and 2016 under Smith"
                          r"\b(?:in|since|by|until|till|of|from|during|before|after|"
                          r"through|to|early|late|mid|the|a|an|year|fiscal|calendar|around|"
                          r"circa)|[,(\u2013-])\s*$", re.IGNORECASE)
# After a possessive or a determiner a year modifies a noun ("its 1990 invasion", "the
# firm's 1989 results"), while a count there counts people ("its 2000 workers"): plural
# agent nouns (-ers, -ees, -ists, -ians, -ents) and the irregular plurals of people.
_OWNER_BEFORE = re.compile(r"(?:\b(?:his|her|its|their|our|my|your|that|this|whose)|\w['\u2019]s)"
                           r"\s*$", re.IGNORECASE)
_PEOPLE_AFTER = re.compile(r"\s+(?:[a-z]+(?:ers|ees|ists|ians|ents|ants)|people|men|women|"
                           r"children|police|staff|personnel|troops|folk)\b", re.IGNORECASE)
# A capitalised "Century" before another capitalised word is a name's ("20th Century Fox",
# "21st Century Insurance"); "the 20th century" and "the 20th Century." are dates.
_IN_A_NAME = re.compile(r"(?:the )?\w+ Century$")
_NAME_AFTER = re.compile(r" [A-Z][a-z]")
_SEASON_NAME = re.compile(r"(?:[Tt]he )?(?:Spring|Summer|Autumn|Fall|Winter)")
_NAME_BEFORE = re.compile(r"(?<![.!?] )(?<!^)\b(?!(?:In|By|This|Last|Next|Early|Late|The|Since|"
                          r"Until|From|During|That|Each|Every|Mid)\b)[A-Z][a-z]+ $")
# A year before the noun of a body's name names the body: "the 1922 Committee", "the 1955
# Group". Events named by their year ("the 2016 Olympics") keep their date.
_BODY_AFTER = re.compile(r"\s+(?:Committee|Club|Group|Society|Foundation|Movement|Party|"
                         r"Company|Corporation|Brigade|Squadron|Regiment|Band|Trust)\b")
_PERCENT_AFTER = re.compile(r"\s*(?:%|percent|per cent)", re.IGNORECASE)
_NUMBER_BEFORE = re.compile(r"(?:[$£€#]|No\.|number|page|room|flight|route)\s*$",
                            re.IGNORECASE)
_RANGE_JOIN = re.compile(r"\s*(?:-|\u2013|to|and|until|till|through)\s*$", re.IGNORECASE)
_RANGE_LEAD = re.compile(r"(?:\bfrom|\bbetween)\s+$", re.IGNORECASE)
# "on Wednesday last week" is one day: the weekday of that week, not the coming Wednesday
# and the whole of last week.
_WEEKDAY_ONLY = re.compile(r"(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day", re.IGNORECASE)
_WHICH_WEEK = re.compile(r"\s+(?:last|this|next)\s+week", re.IGNORECASE)
# "three days after Christmas", "the week before 4 July": an offset from the date after it.
# A count is needed: "days after Oct. 12" names no offset we could apply.
_OFFSET_LEAD = re.compile(rf"\b(?:the\s+(?:day|week|month|year)|{_NUMW}\s+(?:day|week|month|year)s?)"
                          rf"\s+(?:before|after)\s+$|\b(?:the\s+)?week\s+of\s+$", re.IGNORECASE)
# "1994 or later", "2030 and beyond": the anchor is the date; TimeML keeps the words.
_OPEN_END = re.compile(r",? (?:or later|or earlier|or before|or after|and beyond|onwards?|"
                       r"at the latest|at the earliest)\b", re.IGNORECASE)
# "ten days before the vote" counts from an event, not from the publication date ("two
# days later the army left" is no such thing: later/earlier take no object).
_WORD_AFTER = re.compile(r"\s+[a-z]")
_EVENT_OFFSET = re.compile(r"(?:day|week|month|year|decade)s? (?:before|after)$",
                           re.IGNORECASE)
# "Sales rose to $5 million from $4 million a year earlier" after a sentence about the third
# quarter compares that quarter a year before: such a phrase reads with that sentence too.
_COMPARISON = re.compile(r"(?:the )?(?:(?:a|1|one) year[- ](?:ago|earlier)|year[- ](?:ago|earlier))"
                         r"(?: (?:period|quarter|results?))?", re.IGNORECASE)
_QUARTER_WORD = re.compile(r"\bquarter\b", re.IGNORECASE)
_SLASHED = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b")

_ABBREVIATED = {w for w in (*MONTHS, *WEEKDAYS)
                if w not in {n.lower() for n in (*calendar.month_name, *calendar.day_name)}}
_ABBREV = re.compile(rf"(?:\b(?:mr|mrs|ms|dr|gen|col|lt|sen|rep|gov|st|jr|sr|inc|corp|co|"
                     rf"ltd|no|vs|{MONTH_RE})|\b[a-z])\.$", re.IGNORECASE)


# "by the end of August": the month is the deadline's date.
_MONTH_END = re.compile(rf"(?i)(?:the\s+)?end\s+of\s+({_MON}(?:,?\s+{_YEAR})?)")
_BY = re.compile(r"(?i)\bby\s+$")
# "by the end of the month" likewise: the month the phrase names.
_THIS_MONTH_END = re.compile(r"(?i)(?:the\s+)?end\s+of\s+(?:the|this)\s+month")
# "before the end of the year", "by the end of 2016": a deadline anywhere in the year, not
# in its last months; what counts is the period whose end it is.
_PERIOD_END = re.compile(rf"(?i)(?:the\s+)?end\s+of\s+(?:(?:the|this)\s+(year|month)|({_YEAR}))")
_BY_OR_BEFORE = re.compile(r"(?i)\b(?:by|before)\s+$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: a naive splitter that knows common abbreviations
    ("Feb. 24", "Mr. Smith", "U.S.") so that a date stays in its sentence."""
    spans, start = [], 0
    for m in re.finditer(r"[.!?]['\"\u201d)]?\s+(?=[\"'\u201c(]?[A-Z0-9])|\n\s*\n", text):
        if m.group(0)[0] == "." and _ABBREV.search(text, max(start, m.start() - 12),
                                                   m.start() + 1):
            continue
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


# "A woman in her sixties", "his early forties": a decade word after a possessive is an age.
_AGE = re.compile(r"(?i)(?:early|mid|late)?[- ]?(?:twenties|thirties|forties|fifties|sixties|"
                  r"seventies|eighties|nineties)")
_PERSON_BEFORE = re.compile(r"(?i)\b(?:his|her|their|my|your|our)\s+(?:(?:early|mid|late)[- ]?)?$")
# "In today's money", "at today's prices": a yardstick of value, not a day.
_TODAYS_MEASURE = re.compile(r"(?i)today['’]s\s+(?:money|dollars|pounds|euros|prices|terms|"
                             r"values?|rates)\b")


def _accept(text: str, m: re.Match[str]) -> bool:
    """Reject look-alikes: lower-case month/weekday words, quantities, bare numbers, ages,
    numbers inside names ("20th Century Fox", "the 1922 Committee")."""
    s = m.group(0)
    if _AGE.fullmatch(s) and _PERSON_BEFORE.search(text, max(0, m.start() - _BEHIND), m.start()):
        return False
    if s.lower() == "today" and _TODAYS_MEASURE.match(text, m.start()):
        return False
    if re.search(r"[A-Za-z]", s) and re.search(r"\d\s*(?:-|–|and|to)\s*\d{1,2}$", s) \
            and _QUANTITY_AFTER.match(text, m.end()):
        return False  # "on April 2 and 13 people died": a day, then a count
    if _SEASON_NAME.fullmatch(s) and (_NAME_AFTER.match(text, m.end()) or _NAME_BEFORE.search(
            text, max(0, m.start() - _BEHIND), m.start())):
        return False  # "the Winter War", "the Arab Spring", "the Summer Olympics"
    if _IN_A_NAME.match(s) and _NAME_AFTER.match(text, m.end()) \
            or re.fullmatch(r"\d{4}", s) and _BODY_AFTER.match(text, m.end()):
        return False
    for name in _NAME.finditer(s):
        if not name.group(0)[0].isupper():
            return False
        # "Sun Microsystems", "Jan Kavan": a short form without its dot is a date only
        # next to a number ("Jan 5", "Sat 3 May").
        if name.group(0).lower() in _ABBREVIATED and not s.startswith(".", name.end()) \
                and not re.search(r"\d", s):
            return False
    if re.fullmatch(r"\d{4}", s):
        behind = max(0, m.start() - _BEHIND)
        if _QUANTITY_AFTER.match(text, m.end()) \
                and not _YEAR_BEFORE.search(text, behind, m.start()) \
                and not (_OWNER_BEFORE.search(text, behind, m.start())
                         and not _PEOPLE_AFTER.match(text, m.end())):
            return False
        if _PERCENT_AFTER.match(text, m.end()):
            return False
        if _NUMBER_BEFORE.search(text, behind, m.start()):
            return False
    return True


def _candidates(text: str) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) spans; where matches overlap the longest wins."""
    hits = [(m.start(), m.end()) for rx in _COMPILED for m in rx.finditer(text)
            if m.end() > m.start() and _accept(text, m)]
    hits.sort(key=lambda h: (h[0], -h[1]))
    found: list[tuple[int, int]] = []
    for s, e in hits:
        while e > s and text[e - 1] in " ,":  # "Feb. 24, " -> "Feb. 24"
            e -= 1
        word = re.search(r"([A-Za-z]*)\.$", text[s:e])
        if word and word.group(1).lower() not in _ABBREVIATED:
            e -= 1  # "in November." ends a sentence; "Feb." and "Sept." keep their dot
        if e > s and (not found or s >= found[-1][1]):
            found.append((s, e))
    return found


def _merge(text: str, spans: list[tuple[int, int]]) -> list[tuple[tuple[int, int], int]]:
    """Join ranges ("from 1994 to 2020") and offsets ("two days after Christmas") into one
    span each.  Each item is (span, start of its last part), so that an offset whose value
    cannot be read can fall back to the date it counts from."""
    merged: list[tuple[tuple[int, int], int]] = []
    for s, e in spans:
        behind = max(0, s - _BEHIND)
        if merged:
            (ps, pe), _ = merged[-1]
            lead = _RANGE_LEAD.search(text, max(0, ps - _BEHIND), ps)
            if lead and _RANGE_JOIN.fullmatch(text, pe, s):
                merged[-1] = ((lead.start(), e), s)
                continue
            if _WEEKDAY_ONLY.fullmatch(text, ps, pe) and pe < s \
                    and _WHICH_WEEK.fullmatch(text, pe, e):
                merged[-1] = ((ps, e), ps)
                continue
        tail = _OPEN_END.match(text, e)
        if tail:
            e = tail.end()
        offset = _OFFSET_LEAD.search(text, behind, s)
        if offset:
            # "3 days before" may itself be a candidate ("3 days before, ..."): absorb it.
            while merged and merged[-1][0][1] > offset.start():
                merged.pop()
            merged.append(((min(offset.start(), s), e), s))
            continue
        merged.append(((s, e), s))
    return merged


def _slashed(phrase: str, day_first: bool | None) -> tuple[str, bool]:
    """The phrase with each dd/mm/yyyy rewritten to the month-first form normalize reads,
    and whether a reading was guessed (both readings valid, different, and no locale)."""
    ambiguous = False

    def read(m: re.Match[str]) -> str:
        nonlocal ambiguous
        a, b = int(m.group(1)), int(m.group(2))
        both = 1 <= a <= 12 and 1 <= b <= 12 and a != b
        if both and day_first is None:
            ambiguous = True  # US news is the commoner source; the caller is told it guessed
        if both and day_first or a > 12 >= b:
            return f"{m.group(2)}/{m.group(1)}/{m.group(3)}"
        return m.group(0)

    return _SLASHED.sub(read, phrase), ambiguous


def _normalize(phrase: str, base: dt.date, sentence: str) -> str | None:
    try:
        return normalize(phrase, base, sentence)
    except Exception:  # a tagger must not fail a whole article on one odd phrase
        return None


def _with_quarter(text: str, spans: list[tuple[int, int]], i: int, sentence: str) -> str:
    """The sentence, led by the nearest of the two before it that names a quarter, when it
    names none itself.  Paragraph breaks do not stop the look back: news paragraphs are
    often one sentence long."""
    if i < 0 or _QUARTER_WORD.search(sentence):
        return sentence
    for j in (i - 1, i - 2):
        if j < 0:
            break
        before = text[spans[j][0]:spans[j][1]]
        if _QUARTER_WORD.search(before):
            return f"{before.strip()} {sentence}"
    return sentence


def find_dates(text: str, base: dt.date, sentences: list[tuple[int, int]] | None = None,
               *, day_first: bool | None = None) -> list[Mention]:
    """Temporal expressions in ``text`` (a sentence or a whole article of English news),
    normalized relative to ``base`` (the publication date) and each one's sentence.

    ``sentences``: (start, end) spans of the sentences of ``text`` (the extractor passes
    spaCy's); None uses :func:`split_sentences`.  ``day_first`` reads slashed dates
    (03/04/2021) day first (True, most of the world), month first (False, the US), or,
    None, month first with ``Mention.ambiguous`` set where the other reading was possible.

    Ranges joined by from/between ... to/and ("from 1994 to 2020") become one mention.
    """
    if not text:
        return []
    spans = sorted(sentences) if sentences is not None else split_sentences(text)
    starts = [a for a, _ in spans]
    out = []
    for (s, e), last in _merge(text, _candidates(text)):
        i = bisect.bisect_right(starts, s) - 1
        if i >= 0 and spans[i][0] <= s < spans[i][1]:
            sentence = text[spans[i][0]:spans[i][1]]
        else:  # between given sentences: the words around it, not the whole text
            i, sentence = -1, text[max(0, s - _CONTEXT):e + _CONTEXT]
        phrase = text[s:e]
        read, ambiguous = _slashed(phrase, day_first)
        value = _normalize(read, base, _with_quarter(text, spans, i, sentence)
                           if _COMPARISON.fullmatch(phrase) else sentence)
        if value is None and last > s:  # "days after 2010": keep the date it counts from
            s, phrase = last, text[last:e]
            read, ambiguous = _slashed(phrase, day_first)
            value = _normalize(read, base, sentence)
        if value is not None and _EVENT_OFFSET.search(phrase) and _WORD_AFTER.match(text, e):
            value = None  # "two days before the vote": from an event we have not dated
        month_end = _MONTH_END.fullmatch(phrase)
        if value is not None and month_end and _BY.search(text, max(0, s - 4), s):
            # "by the end of August" is a deadline: any day of August, not its last ten.
            value = _normalize(month_end[1], base, sentence) or value
        elif value is not None and _THIS_MONTH_END.fullmatch(phrase) \
                and _BY.search(text, max(0, s - 4), s) and re.match(r"\d{4}-\d\d", value):
            value = value[:7]
        elif value is not None and _BY_OR_BEFORE.search(text, max(0, s - 8), s) \
                and (period := _PERIOD_END.fullmatch(phrase)):
            whole = _normalize(f"this {period[1]}" if period[1] else period[2], base, sentence)
            value = whole if whole and value.startswith(whole[:4]) else value
        if value is None and not re.search(rf"\b(?:{_VAGUE})\b", phrase, re.IGNORECASE) \
                and not re.search(r"[a-z]", phrase, re.IGNORECASE):
            continue  # a bare number that normalize() says is no date
        out.append(Mention(s, e, phrase, value, ambiguous and value is not None))
    return out
