"""Clauses in spaCy's parse: the verb a date belongs to, the words an event holds, and
whether a clause can be titled at all."""

from __future__ import annotations

import datetime
import re
from typing import Any

from dateline.dates import DateError, parse_value


# A verb that only completes another ("agreed to pay", "deployed to crush", "due to be
# published") is part of that verb's event, not an event of its own.
def _completes_another(tok: Any) -> bool:
    if tok.dep_ == "xcomp":
        return True
    # A participle with no subject of its own ("Scoring in 11 matches last November,
    # Vardy broke the record"; "following the launch in 1997") belongs to its main verb.
    if tok.tag_ == "VBG" and tok.dep_ in ("advcl", "prep", "pcomp", "acl") \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return True
    return tok.dep_ in ("advcl", "acl", "ccomp", "relcl") and tok.tag_ == "VB" \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def clause_head(tok: Any) -> Any:
    """The verb whose clause ``tok`` belongs to (the event a date there dates)."""
    t = tok
    for _ in range(40):
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass") \
                and not _completes_another(t):
            return t
        if t.dep_ == "advcl" and any(c.dep_ == "nsubj" for c in t.children) \
                and any(c.dep_ == "mark" for c in t.children):
            # "two decades after the couple married in April 2005", "married" tagged an
            # adjective: a clause with its own subject and conjunction keeps its date.
            return t
        if t.head.i == t.i:
            return t
        t = t.head
    return t


_TIME_OF_DAY = {"night", "morning", "evening", "afternoon", "hour", "eve", "dawn", "weekend",
                "day", "week"}


def date_tokens(span: Any) -> set[int]:
    """Tokens a title leaves out for this date: the phrase, with its preposition when the
    phrase is an adjunct ("in March"); none when the date names a thing ("a 2010 raid")."""
    root = span.root
    idx = {t.i for t in span}
    if root.dep_ in ("nummod", "compound", "amod", "poss", "nmod") and root.head.i not in idx \
            and root.head.pos_ in ("NOUN", "PROPN"):
        return set()
    if is_argument(span):
        return set()
    # "that December", "the following spring": the determiner the tagger left out.
    idx |= {c.i for c in root.children if c.dep_ in ("det", "amod") and c.i < span.start
            and c.lower_ in ("that", "the", "same", "following", "previous", "next")}
    if root.head.i == span.start - 1 and root.head.lower_ in ("that", "this") \
            and root.head.dep_ != "det":
        idx.add(root.head.i)  # "dissolved that September", parsed as "that" + its object
    time_of = root.head.head if root.head.lower_ == "of" else None
    if root.dep_ == "pobj" and time_of is not None and time_of.lemma_ in _TIME_OF_DAY \
            and time_of.i < root.i:
        # "on the night of May 2", "in the early hours of Wednesday": the part of the day
        # is part of the date, and a title that keeps it ends "on the night".
        # Its own words only: the parser may hang an aside on it ("the night of May 2, a
        # leak that prompted an inquiry").
        idx |= {time_of.i, root.head.i} | {c.i for c in time_of.children if c.dep_ in (
            "det", "amod", "compound", "nummod")}
        return idx | prep_of(time_of)
    if root.dep_ == "pobj" and root.head.dep_ == "prep":
        # The preposition goes with its date; anything else hanging from the date ("in
        # November of the minister") is the parser's guess and stays in the title.
        return idx | {root.head.i}
    return idx


def names_a_past_thing(span: Any) -> bool:
    """A year naming what a verb is about, not when it happened: "accused of the 2005
    bombing", "an inquiry into the 2019 fire". After "during", "in" or "since" ("stopped
    during the 2020 lockdown") the named thing does date the verb."""
    root = span.root
    if root.dep_ not in ("nummod", "compound", "amod", "poss") or root.head.pos_ != "NOUN":
        return False
    noun = root.head
    if root.dep_ == "poss" and noun.dep_ == "dobj":
        # "meet next week's payroll": the payroll's date, not the meeting's; but "issued
        # Thursday's ruling", "won Sunday's election": the happening is the verb's.
        return not is_happening(noun)
    if root.dep_ == "poss" and noun.dep_ == "nsubj" and noun.head.lemma_ == "be" \
            and noun.head.dep_ == "ccomp" and noun.head.head.lemma_ in _SAYING:
        # "an expert said Monday's vote was a turning point": a verdict on the vote, said
        # on a day the sentence does not give.
        return True
    return noun.dep_ == "pobj" and noun.head.lower_ in _ABOUT


def names_a_thing(span: Any) -> bool:
    """A bare year inside the name of a thing that is no happening: "the Sherman Act, the
    1890 statute", "the group's 2019 accounts", "the 1973 agreement", "the award of the
    2018 World Cup". It dates the thing, not the clause's verb. A happening keeps it ("won
    the 2019 election", "a 2010 raid"), and so does a named one the verb acts on ("won
    the 2018 World Cup"); after "during" or "in" the thing dates the verb ("stopped during
    the 2020 lockdown")."""
    if not span.text.strip().isdigit() or len(span.text.strip()) != 4:
        return False
    root = span.root
    if root.dep_ not in ("nummod", "compound", "nmod", "amod") or root.head.i in {t.i for t in span}:
        return False
    noun = root.head
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    top = noun
    while top.dep_ in ("compound", "nmod", "appos", "conj") and top.head.pos_ in ("NOUN", "PROPN"):
        top = top.head
    if top.dep_ == "pobj" and top.head.lower_ in _WHEN_OF_THING:
        return _made_that_year(span, noun, top)
    if top.dep_ in ("nsubj", "nsubjpass"):
        return False  # "the 2020 tournament was cancelled": what befell the thing that year
    if noun.pos_ == "PROPN":
        return top.dep_ == "pobj"
    # A common noun only where it is the verb's object or an aside naming another: after a
    # preposition the year dated the verb in two of TempEval-3 platinum's event links.
    return not is_happening(noun) and (top.dep_ == "dobj" or noun.dep_ == "appos")


# After these the thing named marks when the verb happened.
_WHEN_OF_THING = {"during", "in", "at", "throughout", "amid", "since", "until"}
# The last word of a name that a year leads and that names a time: "in the 2014 World Cup".
_TIMED_NAMES = {"cup", "games", "olympics", "open", "championship", "championships", "budget",
                "election", "elections", "congress", "conference", "festival", "summit",
                "session", "season", "series", "final", "finals", "tour", "prix", "awards",
                "census", "review", "campaign", "contest", "convention", "assembly", "race",
                "classic", "derby", "league", "war", "crisis", "uprising", "revolution"}


def _made_that_year(span: Any, noun: Any, top: Any) -> bool:
    """ "travelled back in the 1902 State Landau": after "in" or "at", a year leading the
    name of an object (no event, no happening) is when the object was made, not when the
    verb happened."""
    if top.head.lower_ not in ("in", "at") or noun.pos_ != "PROPN" or noun.ent_type_ == "EVENT" \
            or noun.lower_ in _TIMED_NAMES or is_happening(noun):
        return False
    doc = span.doc
    led = span.start > 0 and doc[span.start - 1].lower_ == "the"
    named = any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.i > span.root.i
                for c in noun.children)
    return led and named


_SAYING = {"say", "tell", "add", "argue", "believe", "think", "describe", "call", "note"}


def thing_clause(span: Any) -> Any | None:
    """The relative clause of the thing a year names ("the 1994 act, which the senator
    sponsored"): what it tells happened that year."""
    top = span.root.head
    while top.dep_ in ("compound", "nmod", "appos", "conj") and top.head.pos_ in ("NOUN", "PROPN"):
        top = top.head
    for noun in (span.root.head, top):
        rel = next((c for c in noun.children if c.dep_ == "relcl"), None)
        # A present one ("the 1957 law that still governs lending") tells how things stand.
        if rel is not None and (rel.tag_ == "VBD" or rel.tag_ == "VBN" and any(
                c.lower_ in ("was", "were", "had") for c in rel.children)):
            return rel
    return None


def is_argument(span: Any) -> bool:
    """A date that is what a clause is about, not when it happened: "This year is on
    course to be the warmest", "2021 is going to be better"."""
    return span.root.dep_ in ("nsubj", "nsubjpass", "csubj")


def relative_clause_of(noun: Any) -> Any | None:
    """The relative clause that says what ``noun`` did ("the bombing that killed Hariri")."""
    for c in noun.children:
        if c.dep_ == "relcl" and any(s.dep_ in ("nsubj", "nsubjpass") and s.tag_ in ("WDT", "WP")
                                     or s.dep_ == "nsubj" and s.lower_ == "that"
                                     for s in c.children):
            return c
    return None


def is_happening(noun: Any) -> bool:
    """A noun that names something that happened ("bombing", "blasts", "election")."""
    lemma = noun.lemma_.lower()
    if lemma in _HAPPENINGS:
        return True
    return lemma.endswith(("ing", "tion", "sion", "ment")) and lemma not in _NOT_HAPPENINGS


_HAPPENINGS = {"attack", "blast", "crash", "fire", "war", "vote", "election", "meeting",
               "ruling", "loss", "raid", "strike", "coup", "riot", "flood", "storm", "quake",
               "earthquake", "explosion", "merger", "sale", "deal", "visit", "trial", "verdict",
               "summit", "collapse", "protest", "referendum", "launch", "landing", "shooting",
               "murder", "killing", "invasion", "revolution", "recession", "crisis", "scandal",
               "ceremony", "final", "race", "match", "tour", "speech", "debate", "hearing",
               "death", "lawsuit", "suit", "arrest", "accident", "disaster", "fall", "marriage",
               "birth"}
_NOT_HAPPENINGS = {"building", "morning", "evening", "government", "department", "nation",
                   "station", "position", "population", "ring", "king", "thing", "string",
                   "wing", "ceiling", "clothing", "housing", "funding", "ministry", "mention",
                   "question", "section", "region", "opinion", "portion", "million", "billion",
                   "nothing", "something", "everything", "anything", "pudding", "viking",
                   "apartment", "equipment", "environment", "document", "moment", "parliament",
                   "tournament", "statement", "agreement", "settlement", "management",
                   "investment", "payment", "development", "treatment", "shipment", "element"}


# "after last week's arrests", "before Friday's vote": the verb happened on another day.
_ABOUT = {"of", "for", "over", "about", "into", "with", "against", "on", "behind", "from",
          "around", "after", "before", "following"}


def dates_a_listed_noun(span: Any) -> bool:
    """A date on one noun of a list ("following Sojourner in 1997, Spirit and Opportunity
    in 2004, and Curiosity"): it dates that noun, not the sentence's verb."""
    root = span.root
    if root.dep_ != "pobj" or root.head.dep_ != "prep":
        return False
    noun = root.head.head
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    listed = noun.dep_ in ("conj", "appos") or any(c.dep_ in ("conj", "appos")
                                                  for c in noun.children)
    # "following Sojourner in 1997", "including the raid in 2010": a participle used as
    # a preposition introduces things, each with its own date.
    introduced = noun.dep_ == "pobj" and noun.head.pos_ == "VERB" and noun.head.dep_ == "prep"
    return listed or introduced


_PERIOD_WORDS = re.compile(r"(?i)\b(?:quarter|half|fiscal|full[- ]year|year[- ]end|annual)\b")


def period_of_a_figure(span: Any) -> bool:
    """A reporting period on the object of a "when" clause ("began on Oct. 3, when the bank
    reported a third-quarter loss"): the period the loss covers, not when it was reported,
    which is the day the clause hangs on. Elsewhere the period still dates the figure's
    clause (TempEval-3 links "reported third-quarter net income" to the quarter), and on
    the subject it dates the verb ("third-quarter sales dropped")."""
    root = span.root
    if root.dep_ not in ("amod", "compound", "nmod", "nummod") or not _PERIOD_WORDS.search(span.text):
        return False
    noun = root.head
    if noun.pos_ != "NOUN" or noun.i in {t.i for t in span} or noun.dep_ != "dobj":
        return False
    verb = noun.head
    return verb.dep_ in ("relcl", "advcl") and any(c.lower_ == "when" for c in verb.children)


def owned_happening_before(span: Any) -> Any | None:
    """The happening a date right after it belongs to, whichever word the parser hung the
    date on: "the largest bankruptcy, well ahead of Texaco's filing in 1987". Only one with
    an owner ("Texaco's") inside a phrase that does not place the verb in time ("during
    the senator's visit in 2009" does): its date is its own, not the verb's. Returns the
    noun, or None."""
    root = span.root
    # A year: a day after a happening ("declared the winner of Nigeria's election on
    # Tuesday") is mostly the verb's.
    if root.dep_ != "pobj" or root.head.dep_ != "prep" or root.head.lower_ != "in" \
            or not re.fullmatch(r"\d{4}", span.text.strip()):
        return None
    prep = root.head
    if prep.i == 0:
        return None
    noun = span.doc[prep.i - 1]
    if noun.pos_ != "NOUN" or not is_happening(noun) or noun.dep_ != "pobj" \
            or noun.head.lower_ in _WHEN_OF_THING | {"after", "following", "before"} \
            or not any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in noun.children):
        return None  # "the anniversary of his death in 2019": the anniversary's year
    return noun


_ACCUSING = {"accuse", "blame", "charge", "suspect", "criticise", "criticize", "fault"}


def dates_an_accused_act(span: Any) -> bool:
    """A date on what an aside accuses someone of: "sued its rival, accusing it of pulling
    out of a merger last week" is when the rival pulled out, not when the suit was filed."""
    t = span.root
    for _ in range(40):
        if t.head.i == t.i:
            return False
        t = t.head
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass"):
            break
    if t.tag_ != "VBG" or t.dep_ != "pcomp" or t.head.lower_ not in ("of", "for", "with"):
        return False
    accusing = t.head.head
    return accusing.lemma_.lower() in _ACCUSING and accusing.tag_ in ("VBG", "VBN") \
        and accusing.dep_ in ("advcl", "acl", "xcomp") \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in accusing.children)


def happening_judged(span: Any, verb: Any, subject: Any) -> Any | None:
    """The happening a date belongs to inside the subject of a verdict ("Comparisons with
    the wedding on 29 July 1981 were inevitable", "Memories of the flood in 1953 are still
    vivid"), or that a comparison is with ("compared it with the landing of 1969"): a
    state of "be" or a comparison has no date of its own. Returns the noun, or None."""
    root = span.root
    if verb.lemma_.lower() in ("compare", "liken") and root.dep_ == "pobj":
        # "compared the feat with the birth of the first IVF baby, in 1978": the birth's.
        # The nearest thing compared with is the date's: "to the landing in 1969, and to
        # Bannister's mile on 6 May 1954" gives the landing 1969 only.
        near = next((t for t in reversed(span.doc[verb.i + 1:span.start])
                     if t.dep_ == "pobj" and t.head.lower_ in ("with", "to")
                     and t.pos_ in ("NOUN", "PROPN")), None)
        noun = next((t for t in reversed(span.doc[verb.i + 1:span.start]) if t.pos_ == "NOUN"
                     and is_happening(t) and t.head.dep_ == "prep"
                     and t.head.lower_ in ("with", "to")), None)
        if near is not None and near.pos_ == "NOUN" and (noun is None or near.i > noun.i):
            # A dated thing compared with is a happening, whatever its noun ("Bannister's
            # four-minute mile on 6 May 1954").
            return near
        return noun
    if verb.lemma_.lower() != "be" or subject is None or root.dep_ != "pobj" \
            or root.head.dep_ != "prep" or not in_subjects_phrase(span, subject):
        return None
    if not any(c.dep_ in ("acomp", "attr") for c in verb.children):
        return None
    noun = root.head.head
    while noun.i != subject.i and not (noun.pos_ == "NOUN" and is_happening(noun)):
        if noun.head.i == noun.i:
            return None
        noun = noun.head
    if noun.i == subject.i:
        # The parser hangs the date on the subject itself: the happening just before it.
        noun = next((t for t in reversed(span.doc[subject.i + 1:root.head.i])
                     if t.pos_ == "NOUN" and is_happening(t)), subject)
    return noun if noun.i != subject.i else None


# Nouns that a date after "of" only places in time ("the last day of April", "the end of
# the year", "the early hours of Monday"): the date is still the verb's.
_TIME_NOUNS = {"day", "days", "end", "start", "beginning", "middle", "rest", "remainder",
               "close", "course", "turn", "eve", "dawn", "morning", "afternoon", "evening",
               "night", "hour", "hours", "weekend", "week", "month", "year", "season", "time",
               "period", "half", "quarter", "part", "first", "second", "last", "spring",
               "summer", "autumn", "fall", "winter", "holiday", "holidays", "date", "deadline",
               "run", "lead", "wake", "aftermath", "height", "depth", "peak"}
# "since independence in 1947", "before the summit in July": the date places the
# happening named after these, not the verb. Not "after": "announced the emergency after
# a cabinet meeting on Wednesday" is that day's news, whichever word the parser hangs the
# day on.
_AROUND = {"since", "before", "ahead"}


def dates_its_noun(span: Any) -> Any | None:
    """The noun a date phrase belongs to rather than the clause's verb, or None: "the
    Sunningdale agreement of 1973 collapsed", "restore security after the bombings of April
    2019" (the thing of that date), "has not completed a term since independence in 1947",
    "remained a priority before the summit in Vilnius in July"."""
    root = span.root
    if root.dep_ == "pobj" and root.head.dep_ == "prep":
        prep, noun = root.head, root.head.head
    elif root.dep_ == "npadvmod":
        prep, noun = None, root.head
    else:
        return None
    if noun.pos_ not in ("NOUN", "PROPN") or noun.i in {t.i for t in span} \
            or noun.ent_type_ in ("DATE", "TIME"):
        return None  # "shortly after 7am on Friday": a time of the day
    if prep is not None and prep.lower_ == "of" and noun.lower_ not in _TIME_NOUNS \
            and noun.lemma_.lower() not in _TIME_NOUNS:
        # "built during the postwar boom of the 1950s": a named time of the verb's.
        if noun.dep_ == "pobj" and noun.head.lower_ in _WHEN_OF_THING - {"since"}:
            return None
        return noun
    if noun.dep_ == "pobj" and noun.head.lower_ in _AROUND and noun.lemma_.lower() not in _TIME_NOUNS:
        # "testified before a subcommittee on Oct. 8": "before" a thing is a place.
        return noun if noun.head.lower_ == "since" or is_happening(noun) else None
    if prep is None and noun.dep_ == "pobj" and noun.head.lower_ in ("after", "following") \
            and is_happening(noun):
        return noun  # "after a ruling by its highest court the previous year"
    return None


def from_date(span: Any, verb: Any) -> bool:
    """Whether a date after ``verb`` is on the "from" side of a change: "rose from 2% in
    2010 to 5% last year", "narrowed from a year earlier". The parser often hangs such a
    date on the verb itself, so the nearer of "from" and "to" before it decides."""
    doc = span.doc
    for i in range(span.start - 1, verb.i, -1):
        if doc[i].dep_ == "prep" and doc[i].lower_ in ("from", "to"):
            return doc[i].lower_ == "from"
    return False


def in_subjects_phrase(span: Any, subject: Any) -> bool:
    """Whether a date is inside a phrase that qualifies the subject ("the road to this
    evening", "the path to Sunday's final"), not on the subject's own noun ("third-quarter
    sales", "Tuesday's quake")."""
    if subject is None:
        return False
    t = span.root
    for _ in range(40):
        if t.i == subject.i or t.head.i == t.i:
            return False
        t = t.head
        if t.dep_ == "prep" and subject.i in {a.i for a in t.ancestors}:
            return True
    return False


_OBJECTS = {"pobj", "attr", "oprd", "appos", "conj"}


def dates_a_gerund(span: Any) -> Any | None:
    """A date that belongs to a participle on a noun after a preposition, not to the verb:
    "acquitted him on a charge covering killings in 1992". Not a participle on the verb's
    object, which may tell what was seen ("have seen numbers dropping through the 1990s"),
    nor a gerund after "of" or "with": "found guilty of driving drunk from 1991 to 1997"
    dates the verdicts in TempEval-3, "charged with killing him last fall" the killing.
    Returns the participle, or None."""
    t = span.root
    for _ in range(40):
        if t.head.i == t.i:
            return None
        t = t.head
        if t.tag_ != "VBG":
            if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass"):
                return None  # the date's own clause comes first
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return None
        on_object = t.dep_ == "acl" and t.head.pos_ in ("NOUN", "PROPN") and t.head.dep_ in _OBJECTS
        return t if on_object else None
    return None


_MODALS = {"will", "would", "could", "may", "might", "should", "shall", "can", "must", "'ll"}
_INTENT = {"plan", "intend", "aim", "expect", "schedule", "due", "set", "hope", "want",
           "propose", "threaten", "prepare", "vow", "pledge", "promise"}


def future_or_conditional(verb: Any, value: str, base: datetime.date) -> bool:
    # The verb, and the verb it completes or is coordinated with ("plans to attempt").
    chain_ = [verb, verb.head] if verb.dep_ in ("xcomp", "conj") else [verb]
    for v in chain_:
        if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in v.children):
            return True
        if v.lemma_ in _INTENT and any(c.dep_ == "xcomp" for c in v.children):
            return True
        if v.lower_ in ("if", "unless"):
            return True
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
        return True
    try:
        return parse_value(value).first > base
    except (DateError, ValueError):
        return False


def subtree_minus(tok: Any, other_heads: set[int]) -> list[Any]:
    """``tok``'s subtree without the subtrees of other events' heads below it."""
    out: list[Any] = []
    stack = [tok]  # a loop, not recursion: a run-on sentence nests thousands deep
    while stack:
        t = stack.pop()
        if t.i != tok.i and t.i in other_heads:
            continue
        out.append(t)
        stack.extend(t.children)
    return out


def spans(tokens: list[Any]) -> list[tuple[int, int]]:
    """Character spans of ``tokens``, neighbours joined."""
    spans: list[tuple[int, int]] = []
    for t in sorted(tokens, key=lambda t: t.i):
        a, b = t.idx, t.idx + len(t.text)
        if spans and t.i and spans[-1][1] + len(t.doc[t.i - 1].whitespace_) >= a:
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    return spans


def prep_of(span: Any) -> set[int]:
    """The preposition that governs a date phrase (or a noun), as a one-token set."""
    root = getattr(span, "root", span)
    return {root.head.i} if root.dep_ == "pobj" and root.head.dep_ == "prep" else set()


def can_title(verb: Any) -> bool:
    """Whether a clause can give an event a title that is a sentence: it has a verb, and
    a participle on a noun says more than the noun's own name ("the quarter ended Sept.
    30" in "profit for the quarter ended Sept. 30" is a period, not an event)."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False  # "News for the company today": a heading, not a happening
    if is_state(verb):
        return False
    if verb.tag_ == "VBG" and verb.dep_ != "ROOT" and not any(
            c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False  # "with the third departing Thursday": no sentence to title it by
    if verb.dep_ == "acl" and verb.head.dep_ == "pobj":
        return any(c.dep_ in ("dobj", "agent", "attr", "xcomp", "ccomp")
                   for c in verb.children) or _noun_participle(verb)
    return True


def _noun_participle(verb: Any) -> bool:
    """"pointed to an amnesty introduced in 2018": the amnesty was introduced then. Only
    straight after its noun (after a comma the parser often picks the wrong noun); a
    document's date ("in a letter filed on Oct. 4") is when what it says was said, a
    period's ("the quarter ended Sept. 30") no happening, a name ("known as") no event."""
    return verb.tag_ == "VBN" and verb.i == verb.head.i + 1 \
        and verb.head.lemma_.lower() not in _DOCUMENTS | _PERIODS \
        and verb.lemma_.lower() not in NAMING


def dates_participle(verb: Any, span: Any) -> bool:
    """Whether the date ``span`` is an adjunct of the participle ``verb`` on a noun
    ("introduced in 2018", "issued last year"), not a word inside its object ("accused
    of the 2005 bombing")."""
    if not _noun_participle(verb):
        return False
    root = span.root
    if root.dep_ == "npadvmod":
        return root.head.i == verb.i
    return root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.i == verb.i


def aside_participle(verb: Any) -> bool:
    """A participle on a noun that tells of that noun alone: set off by a comma ("his son
    Hisahito, born in 2006") or in a "with" phrase ("with the fuel expected to run low").
    Not one on a document or a period, whose date is the sentence's ("in a letter filed on
    Oct. 4", "for the six months ended Oct. 1")."""
    noun = verb.head
    if noun.lemma_.lower() in _DOCUMENTS | _PERIODS:
        return False
    if noun.head.lower_ == "with":
        return True
    # Before the main verb, in its subject, the parser often picks the wrong noun ("the
    # report into the scandal, published in May, criticised ..."): the date is the news.
    main = clause_head(noun)
    return verb.i > main.i and verb.i > 0 and verb.doc[verb.i - 1].text == ","


_DOCUMENTS = {"letter", "filing", "statement", "report", "complaint", "memo", "memorandum",
              "ruling", "lawsuit", "suit", "document", "motion", "email", "post", "interview",
              "submission", "petition", "notice", "note", "brief", "affidavit", "transcript",
              "message", "release", "video", "speech", "order", "judgment", "decision"}
_PERIODS = {"quarter", "year", "month", "week", "period", "season", "half", "day", "term",
            "fiscal", "session"}
NAMING = {"know", "call", "name", "dub", "nickname", "title", "label", "brand", "style"}


def vox_pop(verb: Any) -> bool:
    """Whether ``verb`` tells the background of someone quoted for colour: '"We came to
    see the Capitol," said Linda Ortiz, 61, a retired teacher who had lined up outside
    that morning'. What the passer-by did is no event of the story."""
    if verb.dep_ != "relcl" or verb.head.dep_ != "appos":
        return False
    person = verb.head.head
    said = person.head
    if person.dep_ not in ("nsubj", "nsubjpass") or person.ent_type_ != "PERSON" \
            or said.lemma_.lower() not in ("say", "add", "tell"):
        return False
    sent = verb.sent
    return any(t.text in ('"', "“", "”") for t in sent) and said.i < person.i


def is_state(verb: Any) -> bool:
    """A clause that says how things stand, not what happened: "the crash remains the
    deadliest", "the victory means ...", "Dylan is the first American to win it"."""
    lemma = verb.lemma_.lower()
    if _a_record(verb) or _did_not_happen(verb) or _task_was(verb):
        return True
    if lemma in _STATIVE:
        return verb.tag_ not in ("VBD", "VBN")  # "remained silent on Sunday" did happen
    if lemma in _PRESENT_STATIVE and verb.tag_ in ("VBZ", "VBP"):
        return True
    if lemma in ("be", "look", "seem", "appear", "sound") and verb.tag_ == "VBD" \
            and _judgement(verb):
        return True
    # "is the first", "are the largest": how things stand now. A past "was the first to
    # come, arriving in 1966" tells what happened then.
    if lemma != "be" or verb.tag_ not in ("VBZ", "VBP") or any(
            c.dep_ == "acomp" and c.lower_ in ("due", "set", "expected") for c in verb.children):
        return False
    return any(t.tag_ == "JJS" or t.lower_ in ("first", "only")
               for c in verb.children if c.dep_ in ("attr", "acomp") for t in c.subtree)


# Adjectives after "was" that tell of a change a timeline keeps ("the road was open
# again on Monday", "all 33 were safe").
_OUTCOMES = {"due", "set", "expected", "open", "closed", "shut", "free", "safe", "alive",
             "dead", "back", "available", "ready", "able", "unable", "present", "absent",
             "missing", "bankrupt", "insolvent", "eligible", "live", "online", "offline"}


# Nouns whose "was doing" says what the task was, not what was done.
_TASKS = {"problem", "priority", "task", "challenge", "aim", "goal", "job", "concern",
          "difficulty", "question", "issue", "worry"}


def _task_was(verb: Any) -> bool:
    """"The most urgent problem on Friday was getting aid in": the parser read the copula
    as an auxiliary; what the problem was is a state, no happening."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return verb.tag_ == "VBG" and subj is not None and subj.lemma_.lower() in _TASKS \
        and any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)


def dates_a_comparison(span: Any) -> bool:
    """A date on a figure something is compared with, not on what happened: "lasted a
    little over two hours, against almost three in 1953". The date is the other figure's.
    (Not "the first coronation since that of his mother on 2 June 1953": that date is a
    happening the writers of the gold keep, though the title would need its own words.)"""
    root = span.root
    if root.dep_ != "pobj" or root.head.dep_ != "prep":
        return False
    owner = root.head.head
    return owner.dep_ == "pobj" and owner.head.lower_ in ("against", "than", "versus") \
        and owner.pos_ in ("NUM", "NOUN")


_OPINION = {"think", "believe", "suspect", "speculate", "guess", "reckon", "hope", "wonder"}


def guessed(span: Any) -> bool:
    """A guess at the earliest day something might happen: "many physicists think a prize
    could follow as early as next year". Nothing happened; a plain "could" is left alone
    (TimeML dates modal events, and so do the event links)."""
    doc = span.doc
    before = doc[max(span.start - 3, 0):span.start].text.lower()
    if not (span.text.lower().startswith("as early as") or before == "as early as"):
        return False
    verb = clause_head(span.root)
    # Only what someone thinks might happen: "officials said the pact could enter into
    # force as early as June" is a forecast the gold keeps, and TimeML dates it.
    return any(c.dep_ == "aux" and c.lower_ in ("could", "might", "may") for c in verb.children) \
        and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in _OPINION


def _judgement(verb: Any) -> bool:
    """"Comparisons with the wedding of 1981 were inevitable", "the decision was
    premature": a past "be" with an adjective alone says what someone thought of a thing,
    not that anything happened. (A present one is left alone: TimeML counts "people are
    increasingly enthusiastic by today" as a state worth dating.)"""
    comps = [c for c in verb.children if c.dep_ in ("acomp", "attr", "xcomp", "ccomp",
                                                      "oprd", "dobj", "agent")]
    return len(comps) == 1 and comps[0].dep_ == "acomp" and comps[0].tag_ in ("JJ", "JJR") \
        and comps[0].lower_ not in _OUTCOMES and not any(
            c.dep_ in ("prep", "xcomp", "ccomp") for c in comps[0].children)


# Words that open an indirect question ("did not know where ...").
_WH = {"where", "whether", "if", "how", "when", "what", "why", "who"}
_STATIVE = {"remain", "mean", "represent", "comprise", "total", "equal", "resemble",
            "deserve", "outnumber", "exceed"}
# How things stand when said in the present ("Barcelona have €222m to spend", "his term
# runs until late 2024", "the tunnel carries most of the traffic today"), where "the
# ballot will run from Oct. 2" is a schedule.
_PRESENT_STATIVE = {"have", "own", "contain", "employ", "carry", "run"}


def _did_not_happen(verb: Any) -> bool:
    """A clause that says something did not (or is not expected to) happen: "the judge
    did not decide", "decisions are not expected before 2026", "patients are unlikely to
    be treated", "have yet to ratify". "Not until March" still dates a happening, and "had
    not conceded by Monday" is news as of that day."""
    if any(c.lower_ in ("until", "by", "till") for c in verb.subtree if c.dep_ in ("prep", "agent")):
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    if verb.dep_ == "ccomp" and any(c.dep_ == "neg" for c in verb.head.children) and any(
            c.lower_ in _WH and c.i < verb.i for c in verb.children):
        return True  # "did not know where he would sleep that night": nothing happened
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("none", "nobody", "nothing")
           or c.dep_ in ("nsubj", "nsubjpass") and any(d.dep_ == "det" and d.lower_ == "no"
                                                       for d in c.children)
           for c in verb.children):
        return True  # "none is likely to arrive before the 2030s", "no one was hurt"
    if any(c.dep_ in ("nsubj", "nsubjpass") and any(d.dep_ == "neg" for d in c.children)
           for c in verb.children):
        return True  # "Not everyone welcomed the ceremony": what some did not do
    if any(c.dep_ == "acomp" and c.lower_ == "unlikely" for c in verb.children):
        return True
    if verb.lemma_.lower() in ("mean", "suppose") and any(
            c.dep_ == "xcomp" and any(a.lower_ == "have" and a.dep_ == "aux" for a in c.children)
            for c in verb.children):
        return True  # "The mission was meant to have flown in 2009": it did not
    return verb.lemma_.lower() == "have" and any(
        c.lower_ == "yet" for c in verb.children) and any(c.dep_ == "xcomp" for c in verb.children)


def _a_record(verb: Any) -> bool:
    """A record or a comparison, not a happening: "only one other performer has won it
    twice", "have won it more times than any other English club"."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None:
        words = {t.lower_ for t in subj.subtree}
        if "only" in words and "other" in words or {"no", "other"} <= words:
            return True
    # The verb's own words: "Northwind, the airline that carried more passengers than any
    # other, collapsed" compares in its subject's clause, and the collapse still happened.
    other = {t.i for c in verb.children if c.dep_ in _OTHER_CLAUSES for t in c.subtree}
    clause = [t.lower_ for t in verb.subtree if t.i not in other]
    return any(clause[i:i + 3] == ["than", "any", "other"] for i in range(len(clause) - 2))


_OTHER_CLAUSES = {"nsubj", "nsubjpass", "advcl", "ccomp", "conj", "parataxis", "relcl"}


def ancestors_of(tok: Any) -> set[int]:
    return {a.i for a in tok.ancestors}
