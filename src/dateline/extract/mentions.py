"""Which date phrases can date an event, and how their dates are read in context.

A date inside a name ("Theresa May", "the 1922 Committee"), a state that began then ("since
2018"), a yardstick ("the highest since 2008") or a speaker's "today" inside a quote dates
no event. A month and day without a year move to last or next year when the event's own
verb says so; two dates joined by "or" read as the span of both.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any

from dateline.dates import DateError, parse_value


def usable(mention: Any, text: str, base: datetime.date) -> bool:
    """Reject vague mentions and numbers that only look like dates (ages, counts)."""
    if mention.value is None:
        return False
    mtext = mention.text.strip()
    if not_an_event(mention, text):
        return False
    if re.fullmatch(r"\d{1,3}|\d{1,3}(?:,\d{3})+|\d+\.\d+", mtext):
        return False
    if _OPEN_OFFSET.fullmatch(mtext):
        return False  # "more than three decades ago" is some time before 1985, not 1985
    if re.fullmatch(r"\d{4}", mtext):
        # A count ("sent 2000 troops") rather than a year ("the 2020 elections").
        after = text[mention.end:mention.end + 30]
        before = text[max(0, mention.start - 12):mention.start]
        if re.match(r"\s+[a-z]+s\b", after) \
                and not re.match(r"\s+(?:was|is|has|as)\b", after) \
                and not re.search(r"(?i)\b(?:the|in|since|of|during|by|until|from|before|"
                                  r"after|its|their|his|her|a)\s+$|['’]s\s+$", before):
            return False
    try:
        value = parse_value(mention.value)
    except (DateError, ValueError):
        return False
    return 1000 <= value.first.year <= base.year + 50


_OPEN_OFFSET = re.compile(r"(?i)(?:(?:more|less|fewer)\s+than|over|under|at\s+least)\s+.+"
                          r"\b(?:ago|earlier|before|later|after)")


def not_an_event(mention: Any, text: str) -> bool:
    """A real date that dates no event: a state at publication ("its rate now stands at
    3%") or a yardstick ("the highest since 2008", "the longest strike since 2017")."""
    if re.fullmatch(r"(?i)(?:right\s+)?now|currently|at present|presently|nowadays",
                    mention.text.strip()):
        return True
    if re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)[- ]Century", mention.text.strip()) \
            and re.match(r"\s+[A-Z]", text[mention.end:mention.end + 2]):
        return True  # "20th Century Fox", "21st Century Insurance": a name
    before = text[max(0, mention.start - 60):mention.start]
    if _YARDSTICK.search(before[-30:]) and re.match(r"\d{4}\b", mention.text.strip()):
        return True
    if _PERIOD_OF.search(before[-30:]):
        return True
    if _COUNTED_AGAINST.search(before[-40:]) and re.match(r"\d{4}\b", mention.text.strip()):
        return True
    return bool(re.search(r"(?i)\b(?:\w{3,}est|first|most|least|worst|best)\b[^,.;]{0,40}"
                          r"\bsince\s+(?:the\s+)?$", before))


_EARLIER_ONE = re.compile(r"(?i)\b(?:\w{3,}est|first|most|least|worst|best)\s+([a-z]{3,})\s+since\s+"
                          r"(?:that|the\s+one)\s+of\s+([^,.;]{1,40}?)\s+(?:on|in)\s+$")


def earlier_one(text: str, mention: Any) -> tuple[str, int] | None:
    """ "The first coronation since that of his mother on 2 June 1953": the date is the
    earlier coronation's, not this one's. Returns its title ("Coronation of his mother")
    and where its words start, or None."""
    m = _EARLIER_ONE.search(text, max(0, mention.start - 90), mention.start)
    if m is None:
        return None
    return f"{m[1][0].upper()}{m[1][1:].lower()} of {m[2]}", m.start(2)


# The period a set of figures covers ("withdrew its results for 2019", "the accounts of
# the first quarter"): when the figures were dealt with is another date.
# Earnings "for the quarter" and "the job figures for January" are left alone: TempEval-3
# dates what is said of them by it.
_PERIOD_OF = re.compile(r"(?i)\b(?:results|accounts)\s+(?:for|of)\s+"
                        r"(?:\w+\s+and\s+)?"
                        r"(?:the\s+)?$")
# A year something is measured against ("well down on 2011", "higher than in 2019",
# "compared with 2015"): the yardstick's date, not when anything was said or done.
# A figure set against another year's ("lasted two hours, against almost three in 1953",
# "rose to 40, compared with 25 in 2019"): that year is the yardstick's.
_COUNTED_AGAINST = re.compile(
    r"(?i)\b(?:against|than|compared\s+(?:with|to))\s+"
    r"(?:(?:almost|nearly|about|some|just|only|barely|around|roughly)\s+)?"
    r"(?:[$£€]?\d[\d.,]*%?|one|two|three|four|five|six|seven|eight|nine|ten|a\s+dozen)"
    r"(?:\s+[a-z]+){0,2}?\s+in\s+$")
_YARDSTICK = re.compile(r"(?i)\b(?:(?:up|down|higher|lower)\s+on|than(?:\s+in)?|"
                        r"compared\s+(?:with|to)(?:\s+in)?)\s+$")


def date_text(text: str, start: int, mtext: str) -> str:
    """The source's phrase, with the preposition that introduces it ("in November")."""
    mtext = mtext.rstrip(" .,;:")  # a sentence's full stop is not part of the phrase
    if re.match(r"(?i)(in|on|at|during|since|by|from|until|last|this|next|early|late|mid)\b",
                mtext):
        return mtext.strip()
    prep = re.search(r"(?i)\b(in|on|at|during|since|by|from|until)\s+(the\s+)?$",
                     text[max(0, start - 20):start])
    return (prep.group() + mtext).strip() if prep else mtext.strip()


def is_target(text: str, start: int) -> bool:
    return bool(re.search(r"(?i)\b(?:for|until|till|by)\s+(?:the\s+)?$",
                          text[max(0, start - 12):start]))


def span_days(value: str) -> int:
    v = parse_value(value)
    return (v.last - v.first).days


# Upper bounds, in days past the first, of the precisions a date phrase names: a day, a
# week or weekend, a month, a quarter or season, a half, a year.
_GRAINS = (0, 7, 31, 92, 183, 366)


def grain(value: str) -> int:
    """How fine a date is, as a rank (0: a day): "December 2020" and "last September" are
    equally fine, though one month has a day more; so are 2012 (a leap year) and 2003."""
    days = span_days(value)
    return next((i for i, top in enumerate(_GRAINS) if days <= top), len(_GRAINS) + days // 366)


def contains(outer: str, inner: str) -> bool:
    a, b = parse_value(outer), parse_value(inner)
    return a.first <= b.first and b.last <= a.last


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Direct quotations: “...” and "..." pairs (a date there is the speaker's)."""
    return [(m.start(), m.end()) for m in re.finditer(r"“[^”]*”|\"[^\"\n]*\"", text)]


# A date phrase inside a name is part of the name: "June Raine", "Theresa May", "the
# 1922 Committee", "Route 66".
NAME_LABELS = {"PERSON", "ORG", "FAC", "PRODUCT", "GPE", "NORP", "WORK_OF_ART"}
# "Today", "tomorrow", "this evening" inside a quotation count from the day the words
# were spoken, which the article seldom gives: such an event is left out rather than
# dated by the publication day.
_DEICTIC = re.compile(r"(?i)^(?:earlier |later )?(?:today|tonight|tomorrow|yesterday|now|"
                      r"this (?:morning|afternoon|evening|week|weekend)|last night|"
                      r"the day before yesterday|the day after tomorrow)$")


def inside_a_name(m: Any, named: list[tuple[int, int]]) -> bool:
    # Only a word that names can hold (a month, a number); a weekday or a relative phrase
    # inside an entity is the model's over-long span ("the final on Sunday"), not a name.
    if not re.fullmatch(r"[A-Z][a-z]+|\d{1,4}", m.text.strip()):
        return False
    return any(a <= m.start and m.end <= b for a, b in named)


_MONTH_NAMES = {"january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december"}
_CALENDAR_WORDS = _MONTH_NAMES | {"monday", "tuesday", "wednesday", "thursday", "friday",
                                  "saturday", "sunday", "christmas", "easter", "mid", "early",
                                  "late", "last", "next", "this", "in", "on", "since", "by"}


def month_in_a_name(doc: Any, m: Any) -> bool:
    """A bare month that the small model missed as part of a name: "Theresa May", "Dr
    June Raine" (a capitalised name word beside it, and no day or year)."""
    if m.text.strip().lower() not in _MONTH_NAMES:
        return False
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None

    def name_word(t: Any) -> bool:
        return t is not None and t.pos_ == "PROPN" and t.text[:1].isupper() \
            and t.lower_.strip(".") not in _CALENDAR_WORDS
    return name_word(before) or (name_word(after) and after.i == span.end)


def speakers_day(m: Any, quotes: list[tuple[int, int]]) -> bool:
    return bool(_DEICTIC.match(m.text.strip())) and any(a <= m.start < b for a, b in quotes)


def since(text: str, m: Any) -> bool:
    """ "Has led the council since 2018", "has lost 80% since 2014": a state that began
    then, not an event of that date."""
    return bool(re.search(r"(?i)\b(?:ever\s+)?since\s+(?:at\s+least\s+|as\s+early\s+as\s+|"
                          r"about\s+|around\s+)?(?:the\s+)?$",
                          text[max(0, m.start - 30):m.start])) \
        or m.text.lower().startswith("since")


# "until 1pm on Monday", "until at least the summer": a hedge or an hour may stand between.
_TARGET_BEFORE = re.compile(r"(?i)\b(?:to|until|till|by|for|before|deadline of)\s+(?:at\s+least\s+)?"
                            r"(?:\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\.?\s+(?:on\s+)?)?(?:the\s+)?$")


_MONTH_WORD = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b")


def _present_schedule(verb: Any) -> bool:
    """A present-tense verb that is no report ("until he leaves the company on Dec. 29",
    "the conference begins on 2 October", "is scheduled to leave"): news puts past events
    in the past tense, so a present one with a date is a timetable."""
    if verb.lemma_.lower() in _REPORTING_PRESENT:
        return False
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if verb.tag_ == "VBP" and subj is not None and subj.tag_ in ("NN", "NNP") \
            and not any(c.dep_ == "conj" for c in subj.children):
        # "the Red Cross put it on Thursday at 50,000", "Clinton cut short a trip": a
        # present after one named thing would be "puts"; a verb whose past is its base
        # form, which the tagger read as a present, is a past.
        return False
    if verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return verb.lemma_.lower() != "be"
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ in ("is", "are")
                                      for c in verb.children)


def _expected(verb: Any, reported: bool = False) -> bool:
    """A verb put ahead by its own words: "will meet", "is expected to swell", "are due to
    vote", "is likely to be held". ``reported`` also takes a past "was likely to be held":
    a month said to lie ahead in reported speech is still ahead; a weekday may be past."""
    if any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall") for c in verb.children):
        return True
    # "was expected to open in March" is often told of a past plan; "was likely to" rarely.
    tenses = ("VBZ", "VBP", "VBD") if reported else ("VBZ", "VBP")

    def ahead(v: Any) -> bool:
        if v.lemma_.lower() == "be":  # "is likely to", "are due to": the "to" hangs on either
            return v.tag_ in tenses and any(c.dep_ == "acomp" and c.lower_ in (
                "likely", "due", "set", "expected") for c in v.children) \
                and any(t.dep_ == "xcomp" for t in v.subtree)
        if not any(c.dep_ == "xcomp" for c in v.children) and v is not verb.head:
            return False
        return v.lemma_.lower() in _AHEAD_VERBS and (
            v.tag_ in ("VBZ", "VBP")
            or any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("is", "are", "will")
                   for c in v.children))

    return ahead(verb) or verb.dep_ == "xcomp" and ahead(verb.head)


_SEASON_WORD = re.compile(r"(?i)\b(?:spring|summer|autumn|fall|winter)\b")
_SAYING = {"say", "tell", "add", "announce"}


def _said_to_expect(verb: Any) -> bool:
    """ "said he expected his team to return in the fall": what the speaker, on a day the
    sentence does not move from the story's, expects to happen next lies ahead; only the
    past tense of the saying read the fall as last year's."""
    if verb.lemma_.lower() not in ("expect", "hope", "plan", "intend", "want") \
            or verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in _SAYING:
        return False
    return any(c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VB"
               and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
               for c in verb.children)


_AHEAD_VERBS = {"expect", "schedule", "plan", "intend", "set", "due"}
# Not "would", which reports a past plan ("said in January he would leave in March").
_AHEAD_MODALS = {"could", "might", "may", "can", "should"}


# Present-tense verbs that report or describe rather than schedule.
_REPORTING_PRESENT = {"say", "tell", "report", "show", "suggest", "indicate", "mean", "remain",
                      "have", "know", "think", "believe", "seem", "appear", "include",
                      "represent", "stand", "hold", "own", "lead", "run", "face", "need"}


def future_year(value: str, date_text: str, verb: Any, base: datetime.date) -> str:
    """A date without a year that the event's own verb puts ahead ("will leave on Dec.
    29", "elections due on 14 May") is not in the past: the sentence's other verbs ("he
    said") may have read it as last year's."""
    if re.search(r"\d{4}|'\d\d|\b(?:last|this|next)\b", date_text) \
            or not re.match(r"\d{4}-\d\d", value) or not (_MONTH_WORD.search(date_text)
                                                          or _SEASON_WORD.search(date_text)):
        return value
    try:
        if parse_value(value).last >= base:
            return value
    except (DateError, ValueError):
        return value
    # "said it could be in force as early as June": a modal without "have" looks ahead.
    modal = any(c.dep_ == "aux" and c.lower_ in _AHEAD_MODALS for c in verb.children) \
        and not any(c.dep_ == "aux" and c.lower_ == "have" for c in verb.children)
    ahead = modal or any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall") for c in verb.children) \
        or any(c.dep_ == "acomp" and c.lower_ == "due" for c in verb.children) \
        or _present_schedule(verb) or _expected(verb, reported=True) or _said_to_expect(verb)
    if not ahead:
        return value
    shifted = re.sub(r"\b(\d{4})(?=-)", lambda y: str(int(y.group(1)) + 1), value)
    try:
        parse_value(shifted)
    except (DateError, ValueError):
        return value
    return shifted


_STORY_WEEKDAY = re.compile(r"(?i)\b(?:that|following|next|previous|preceding|same)\s+$")
_BARE_WEEKDAY = re.compile(r"(?i)(?:on |by |until )?(?:monday|tuesday|wednesday|thursday|friday|"
                           r"saturday|sunday)(?: (?:morning|afternoon|evening|night))?")


def weekday_ahead(value: str, date_text: str, verb: Any, base: datetime.date,
                  before: str = "") -> str:
    """A bare weekday on a verb in the present tense of a timetable ("the committee meets
    again on Thursday", "travels to Prague on Monday") is the coming one: news tells what
    happened in the past tense. The sentence's other verbs may have read it as last week's.
    ``before`` is the text just before the phrase: "the following Saturday" and "that
    Friday" count from the story's own date, not from the publication day."""
    if not _BARE_WEEKDAY.fullmatch(date_text.strip()) or not re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return value
    if _STORY_WEEKDAY.search(before):
        return value
    day = datetime.date.fromisoformat(value)
    if day > base and verb.tag_ == "VBD" and not _expected(verb) and not any(
            c.dep_ == "aux" for c in verb.children):
        # "the toll could well exceed 100,000, and the Red Cross put it on Thursday at
        # 50,000": the sentence's "could" made the tagger read the coming Thursday; the
        # parse says the verb is a past tense.
        return (day - datetime.timedelta(days=7)).isoformat()
    if day >= base or not (_present_schedule(verb) and verb.tag_ in ("VBZ", "VBP")
                           or _expected(verb)):
        return value
    return (day + datetime.timedelta(days=7)).isoformat()


_WEEKEND = re.compile(r"(?i)(?:over |during |at |on )?(?:the |this )?weekend")


def purpose_of_past(value: str, date_text: str, verb: Any, base: datetime.date) -> str:
    """A weekday or weekend in a purpose clause of a past verb ("closed the road on Friday
    so that crews could work on Saturday") is past too: its "could" is the past of "can",
    though the tagger read it as a possibility ahead."""
    if not (_BARE_WEEKDAY.fullmatch(date_text.strip()) or _WEEKEND.fullmatch(date_text.strip())):
        return value
    if verb.dep_ != "advcl" or not _past(verb.head) \
            or not any(c.dep_ == "aux" and c.lower_ in ("could", "would", "might") for c in verb.children) \
            or not any(c.dep_ == "mark" and c.lower_ == "so" for c in verb.children):
        return value
    try:
        days = [datetime.date.fromisoformat(d) for d in value.split("/")]
    except ValueError:
        return value
    if days[0] <= base:
        return value
    return "/".join((d - datetime.timedelta(days=7)).isoformat() for d in days)


_RESCHEDULE = {"postpone", "reschedule", "defer", "delay", "move", "shift", "push", "bring", "put"}


def moved_to(text: str, m: Any, verb: Any) -> bool:
    """ "A delay pushed the opening back from May to August", "moved the vote from June":
    the date a plan moved from, or the span it moved across, is the plan's, not when it
    was moved. (The date it moved to is kept: "postponed the ruling until 18 August" tells
    when the ruling now falls.)"""
    lemma = verb.lemma_.lower()
    # "pushed the opening back": the particle may hang on the object in the parse.
    if lemma not in _RESCHEDULE or lemma in ("push", "bring", "put") and not re.search(
            r"(?i)\b(?:back|forward|off)\b", text[verb.idx:m.start]):
        return False
    return bool(re.match(r"(?i)from\b", m.text.strip())
                or re.search(r"(?i)\bfrom\s+(?:the\s+)?$", text[max(0, m.start - 12):m.start]))


_RECOUNTING = {"describe", "recall", "recount", "remember", "relive"}


def recounted(span: Any, verb: Any) -> Any | None:
    """ "Described her car racing to 100 mph in 2006", "recalled meeting him in 1990": a
    date after the happening someone tells of is that happening's, not the telling's.
    Returns the happening's word, or None."""
    if verb.lemma_.lower() not in _RECOUNTING:
        return None
    # The small model often tags the -ing word a noun ("her van skidding").
    return next((c for c in verb.children
                 if (c.tag_ == "VBG" or c.lower_.endswith("ing") and c.dep_ == "dobj")
                 and c.dep_ in ("dobj", "ccomp", "xcomp") and c.i < span.start), None)


def compared_with(span: Any, verb: Any) -> bool:
    """ "Compared the win to Beamon's jump on 18 October 1968": a date inside what something
    is compared with is that thing's, never the comparing's."""
    if verb.lemma_.lower() not in ("compare", "liken") or span.root.dep_ != "pobj":
        return False
    return any(t.dep_ == "pobj" and t.head.lower_ in ("with", "to")
               for t in span.doc[verb.i + 1:span.start])


def deep_happening(span: Any, is_happening: Any) -> Any | None:
    """ "Accused of promising money to businesses in return for support for a merger of two
    affiliates in 2015": a year the parser hangs on a happening two prepositions below
    the verb is the happening's, not the verb's. Returns the noun, or None."""
    root = span.root
    if root.dep_ != "pobj" or root.head.dep_ != "prep" or root.head.lower_ != "in" \
            or not re.fullmatch(r"\d{4}", span.text.strip()):
        return None
    noun = root.head.head
    # Not a measure: "the largest carmaker by sales in 2008" is the verb's year.
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or not is_happening(noun) \
            or noun.head.lower_ not in ("for", "with", "over", "against", "about"):
        return None
    outer = noun.head.head  # the word the happening's own preposition hangs on
    if outer.pos_ != "NOUN" or outer.dep_ != "pobj":
        return None
    return noun


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def running_into(text: str, m: Any, value: str, dated: list[tuple[Any, Any]]) -> tuple[str, str] | None:
    """ "Talks ran through Saturday and into Sunday": a day and the weekday it ran into are
    one span, from ``value`` (the first day, already placed) to the next such weekday.
    Returns the span and its phrase, or None."""
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return None
    for other, _ in dated:
        gap = text[m.end:other.start]
        word = other.text.strip().lower()
        if other.start <= m.start or word not in _WEEKDAY_NAMES \
                or not re.fullmatch(r"(?i),?\s+(?:and\s+)?(?:on\s+)?into\s+", gap):
            continue
        first = datetime.date.fromisoformat(value)
        ahead = (_WEEKDAY_NAMES.index(word) - first.weekday()) % 7
        if not ahead:
            return None
        last = first + datetime.timedelta(days=ahead)
        return f"{first.isoformat()}/{last.isoformat()}", date_text(text, m.start, text[m.start:other.end])
    return None


def past_year(value: str, date_text: str, verb: Any, base: datetime.date,
               before: str) -> str:
    """A date without a year that a past-tense verb puts after the publication day is
    last year's ("was arrested on May 29" in an April article). Not a target ("extended
    to Nov. 20", "the Jan. 14 deadline"), which a past verb may well set ahead, nor what
    a past verb expected ("was expected to make landfall on Friday")."""
    if re.search(r"\d{4}|'\d\d", date_text) or not re.match(r"\d{4}-\d\d", value):
        return value
    if any(c.dep_ == "xcomp" for c in verb.children) or _BARE_WEEKDAY.fullmatch(date_text.strip()):
        return value  # a weekday is a day of the week around publication, never last year's
    try:
        if parse_value(value).first <= base:
            return value
    except (DateError, ValueError):
        return value
    if not _past(verb) or _TARGET_BEFORE.search(before) or re.match(
            r"(?i)(?:to|until|till|by|for|before)\b", date_text) \
            or any(t.lower_ in ("deadline", "due", "scheduled", "set", "expire", "expires")
                   for t in verb.sent):
        return value
    shifted = re.sub(r"\b(\d{4})(?=-)", lambda y: str(int(y.group(1)) - 1), value)
    try:
        parse_value(shifted)
    except (DateError, ValueError):
        return value
    return shifted


def _past(verb: Any) -> bool:
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("was", "were", "had")
        for c in verb.children))


def year_of_clause(value: str, date_text: str, verb: Any, anchors: list[Any],
                   base: datetime.date) -> str:
    """A month or day without a year, on a past verb coordinated with a clause dated with
    a year, is in that year: "announced a deal in late August 2018, and Canada joined on
    Sept. 30" (2018, not the latest Sept. 30 before publication). ``anchors`` are the
    mentions that date the first clause."""
    if re.search(r"\d{4}|'\d\d|\b(?:last|this|next)\b", date_text) \
            or not re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", value) or not _past(verb):
        return value
    for a in anchors:
        if not re.search(r"\d{4}", a.text) or a.value is None:
            continue
        try:
            anchor = parse_value(a.value)
            moved = f"{anchor.first.year:04d}{value[4:]}"
            days = (parse_value(moved).first - anchor.first).days
        except (DateError, ValueError):
            return value
        # Only a narrative's next step: a month or a day named by the anchor, and a date
        # within a season after it. "Signed in 1991 and expired on Dec. 5", "sued Meta in
        # December 2020 ... and Apple in March" are other times.
        if anchor.precision in ("month", "day") or anchor.is_interval and anchor.first.month \
                == anchor.last.month:
            return moved if 0 <= days <= 92 and parse_value(moved).first <= base else value
        return value
    return value


_NEXT_DECADE = re.compile(r"(?i)(?:(?:in|over|during|for)\s+)?(?:the\s+)?(?:next|following)\s+decade")


def decade_after(value: str, date_text: str, verb: Any, before: list[Any]) -> str:
    """ "Launched in 2004 ... and spent the next decade looping" is the ten years from 2004,
    not the 2020s: a past verb's next decade counts from the year the sentence just gave.
    ``before`` are the sentence's mentions before the phrase."""
    if not _NEXT_DECADE.fullmatch(date_text.strip()) or not _past(verb):
        return value
    for a in reversed(before):
        if a.value and re.search(r"\d{4}", a.text):
            try:
                year = parse_value(a.value).first.year
            except (DateError, ValueError):
                continue
            return f"{year:04d}/{year + 10:04d}"
    return value


@dataclass(frozen=True)
class Joined:
    """Two date phrases joined by "or"/"and" read as one span ("in May or June")."""

    start: int
    end: int
    text: str
    value: str
    ambiguous: bool = False


def listed(text: str, dated: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Two dates of one verb joined by "and" ("won in 2008 and 2010"): it happened on
    each, so each dates an event of its own. Empty when the dates are not such a list."""
    if len(dated) > 2:
        # "in 1979, 1987 and 1992": years in a list, each an occasion.
        ordered = sorted(dated, key=lambda ms: ms[0].start)
        gaps = [text[x[0].end:y[0].start] for x, y in zip(ordered, ordered[1:], strict=False)]
        if all(re.fullmatch(r"\d{4}", ms[0].value or "") for ms in ordered) \
                and len({ms[0].value for ms in ordered}) == len(ordered) \
                and all(re.fullmatch(r",\s+", g) for g in gaps[:-1]) \
                and re.fullmatch(r",?\s+and\s+", gaps[-1]):
            return ordered
        return []
    if len(dated) != 2:
        return []
    (a, sa), (b, sb) = sorted(dated, key=lambda ms: ms[0].start)
    # "in 2012 and again on Saturday", "in 1980 and then in 1987": each an occasion.
    if not re.fullmatch(r",?\s+and\s+(?:(?:again|then|later|once more)\s+)?(?:in\s+|on\s+)?",
                        text[a.end:b.start]):
        return []
    if a.value is None or b.value is None or a.value == b.value or "/" in a.value + b.value:
        return []
    try:
        first, last = parse_value(a.value), parse_value(b.value)
    except (DateError, ValueError):
        return []
    years = bool(re.fullmatch(r"\d{4}", a.value) and re.fullmatch(r"\d{4}", b.value))
    if (last.first - first.last).days <= 1 and not years:
        return []  # "on Friday and Saturday", "the 1950s and 1960s": one span
    # ... but "won the league in 2015 and 2016" won it twice.
    return [(a, sa), (b, sb)]


def alternatives(text: str, dated: list[tuple[Any, Any]]) -> Joined | None:
    if len(dated) != 2:
        return None
    (a, _), (b, _) = sorted(dated, key=lambda ms: ms[0].start)
    joint = re.fullmatch(r",?\s+(or|and)\s+", text[a.end:b.start])
    if not joint:
        return None
    try:
        first, last = parse_value(a.value), parse_value(b.value)
    except (DateError, ValueError):
        return None
    if not first.last < last.first or (last.first - first.last).days > 400:
        return None
    if joint[1] == "and" and ((last.first - first.last).days > 1
                              or re.fullmatch(r"\d{4}", a.value) and re.fullmatch(r"\d{4}", b.value)):
        return None  # "in 2008 and 2010", "in 2015 and 2016": occasions (see listed), not a span
    value = f"{a.value.split('/')[0]}/{b.value.split('/')[-1]}"
    try:
        parse_value(value)
    except (DateError, ValueError):
        return None
    return Joined(a.start, b.end, text[a.start:b.end], value)
