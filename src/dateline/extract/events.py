"""Events: the dated happenings of an :class:`~dateline.extract.ingest.Article`.

The pipeline per article: parse it with spaCy (sentences, dependencies, named entities) ->
find its date phrases (:func:`dateline.temporal.tagger.find_dates`, read against the
publication day and each phrase's own sentence) -> attach each date to the verb it
modifies in the parse (a relative clause, a participle such as "formed in 1994" and a
"when" clause each have their own verb) -> one event per (verb, date) pair, titled from
the parse (:mod:`dateline.extract.titles`) -> add the undated developments an article
reports as news, dated by the publication day -> merge repeats. Each event says why an
editor should look at it (``review``). Everything is general English; see DESIGN.md
"Honesty rules".
"""

from __future__ import annotations

import bisect
import datetime
import re
from dataclasses import dataclass, replace
from typing import Any

from dateline.dates import DateError, parse_value
from dateline.extract import clauses as cl
from dateline.extract import mentions as mt
from dateline.extract import nlp, voices
from dateline.extract.candidate import Candidate, merge_repeats, stems
from dateline.extract.ingest import Article
from dateline.extract.names import PERSON_PRONOUNS, Names
from dateline.extract.phrases import is_reporting, subject_of
from dateline.extract.pronouns import Resolver
from dateline.extract.reference import background_dates
from dateline.extract.titles import Title, build_title, noun_title
from dateline.extract.wording import problems
from dateline.temporal.relative import chain, is_deadline, shift, step
from dateline.temporal.tagger import find_dates


@dataclass(frozen=True)
class ExtractedEvent:
    """One event found in an article, ready to become an event file."""

    date: str
    date_text: str
    title: str
    quote: str
    people: tuple[str, ...]
    places: tuple[str, ...]
    date_basis: str | None
    organizations: tuple[str, ...] = ()
    review: tuple[str, ...] = ()  # why an editor should look; empty when nothing stood out
    # Character spans in the article text of the words this event holds (its verb's
    # clause without the clauses that are events of their own), and of its verb.
    words: tuple[tuple[int, int], ...] = ()
    anchor: tuple[int, int] = (0, 0)
    # What happened, for matching one event across articles (extract/happening.py): the
    # verb's lemma, its subject and object as head words, and the content lemmas.
    verb: str = ""
    subject: str = ""
    object: str = ""
    lemmas: tuple[str, ...] = ()
    # (role, name) pairs the article states ("its chief executive, Dennis Muilenburg").
    roles: tuple[tuple[str, str], ...] = ()

    @property
    def slug(self) -> str:
        """The event file's stem: its date, then its title."""
        from dateline.extract.files import file_stem

        return file_stem(self)


# ----------------------------------------------------------------------- date mentions

def _find(text: str, base: datetime.date, sentences: list[tuple[int, int]],
          day_first: bool | None) -> list[Any]:
    """The tagger's mentions, read against the parser's sentences."""
    return find_dates(text, base, sentences, day_first=day_first)


# ------------------------------------------------------------------------ the parse

# ----------------------------------------------------------------------------- extract

@dataclass(frozen=True)
class Extraction:
    """What one article gave: its events, and the date phrases it could not read."""

    events: tuple[ExtractedEvent, ...]
    unread: tuple[tuple[str, str], ...] = ()  # (phrase, its sentence)


def extract_events(article: Article, day_first: bool | None = None) -> list[ExtractedEvent]:
    """Find the dated events of an article (in document order, repeats merged)."""
    return list(extract_article(article, day_first).events)


def extract_article(article: Article, day_first: bool | None = None,
                    doc: Any = None) -> Extraction:
    """The events of an article and the phrases that looked like dates but could not be
    read, each with its sentence, so that nothing is lost silently.

    ``day_first`` reads slashed dates (03/04/2021) as the timeline's language does
    (:func:`dateline.temporal.locale.day_first`); None marks such a date for review.
    ``doc`` is the article text already parsed (a batch parses many texts at once).
    """
    if article.published is None:
        raise ValueError(f"{article.path}: no publication date")
    base = article.published
    text = article.text
    doc = doc if doc is not None else nlp.parse(text)
    sents = list(doc.sents)
    found = _find(text, base, [(s.start_char, s.end_char) for s in sents], day_first)
    # "Two days later" counts from the date just mentioned, not from the publication day,
    # nor from a date told in passing beside a dated main clause (extract/reference.py).
    starts = [s.start_char for s in sents]
    chained = chain(text, found, lambda m: mt.usable(m, text, base), base,
                    passing=background_dates(doc, found),
                    sentence_of=lambda at: bisect.bisect_right(starts, at))
    quotes = mt.quote_spans(text)
    colour = voices.colour_quotes(doc, quotes)
    named = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in mt.NAME_LABELS]
    mentions = [m for m in chained if mt.usable(m, text, base)
                and not mt.inside_a_name(m, named) and not mt.month_in_a_name(doc, m)
                and not mt.speakers_day(m, quotes) and not mt.since(text, m)
                and not any(a <= m.start < b for a, b in colour)]
    names = Names(doc)
    resolve = Resolver(doc, names, text)
    cands: list[Candidate] = []
    news_day = _news_day(mentions, sents[:3], base)
    for sent in sents:
        local = [m for m in mentions if sent.start_char <= m.start < sent.end_char]
        if local:
            cands.extend(_dated(doc, sent, local, base, names, resolve, quotes))
        elif not any(sent.start_char <= m.start < sent.end_char for m in chained):
            dev = _development(sent, base, names, resolve, news_day)
            if dev:
                cands.append(dev)
    unread = tuple((m.text, " ".join(s.text.split())) for m in found if m.value is None
                   and not _VAGUE.fullmatch(m.text.strip())
                   for s in sents if s.start_char <= m.start < s.end_char)
    from dateline.extract.doubt import mark
    from dateline.extract.happening import describe, roles_of

    roles = roles_of(doc)
    events = [describe(doc, _finish(c), roles) for c in merge_repeats(cands)]
    return Extraction(mark(events, nlp.load()), unread)


# Phrases that are meant to name no date: not worth an editor's attention.
_VAGUE = re.compile(r"(?i)recently|lately|nowadays|these days|at present|currently|right now|"
                    r"now|in the past|in the future|in recent (?:days|weeks|months|years)|"
                    r"(?:the )?(?:past|coming|next|last) (?:few )?(?:days|weeks|months|years)")


# Conjunctions of a when-clause's other time: "as he has since the vote" is not "as".
_NOT_AT_ONCE = {"since", "until", "till", "before", "after"}
# Verbs that give someone a deadline: the deadline is not when they gave it.
_GIVING = {"give", "grant", "set", "allow"}


def _first_person(verb: Any) -> bool:
    """ "We will reopen the border": said by whom is the title's subject ("I" is the
    speaker by name: :meth:`Resolver._quoted_self`)."""
    subj = subject_of(verb)
    return subj is not None and subj.lower_ == "we"


def _dated(doc: Any, sent: Any, mentions: list[Any], base: datetime.date, names: Names,
           resolve: Resolver, quotes: list[tuple[int, int]]) -> list[Candidate]:
    """One candidate per (verb, date) pair of a sentence."""
    text = resolve.text  # Doc.text joins every token anew on each access
    by_verb: dict[int, list[tuple[Any, Any]]] = {}
    happenings: list[tuple[Any, Any, Any]] = []
    earlier_ones: list[tuple[Any, tuple[str, int]]] = []
    date_drop: set[int] = set()
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        date_drop |= cl.date_tokens(span)
        earlier = mt.earlier_one(text, m)
        if earlier is not None:
            earlier_ones.append((m, earlier))
            continue
        if cl.names_a_past_thing(span):
            # "accused of the 2005 bombing that killed Hariri": the bombing is the event
            # that year, told by its own relative clause, or else by its name.
            noun = span.root.head
            rel = cl.relative_clause_of(noun)
            if rel is not None:
                by_verb.setdefault(rel.i, []).append((m, span))
            elif cl.is_happening(noun):
                happenings.append((m, span, noun))
            continue
        if cl.names_a_thing(span):
            rel = cl.thing_clause(span)
            if rel is not None:
                by_verb.setdefault(rel.i, []).append((m, span))
            continue
        noun = cl.dates_its_noun(span)
        if noun is not None:
            # "the demonstrations of early December", "after the bombings of April 2019":
            # the happening's own date. What a state began with is one too ("since the
            # discovery in December of a hacking campaign", "since independence in 1947").
            # A bare month after "before" is left alone: the tense cannot place it.
            # A thing of a year is named by it too ("the Sunningdale agreement of 1973").
            since = noun.head.lower_ == "since"
            of = bool(cl.prep_of(span)) and doc[min(cl.prep_of(span))].lower_ == "of"
            past = parse_value(m.value).first <= base
            after = noun.head.lower_ in ("after", "following")
            if (since or after) and past or not since and (
                    cl.is_happening(noun) and (of or re.search(r"\d{4}", m.text))
                    or of and re.fullmatch(r"\d{4}", m.text.strip())):
                happenings.append((m, span, noun))
            continue
        deep = mt.deep_happening(span, cl.is_happening)
        if deep is not None:
            happenings.append((m, span, deep))
            continue
        owned = cl.owned_happening_before(span)
        if owned is not None:
            # "well ahead of Texaco's filing in 1987": Texaco's filing was that year.
            happenings.append((m, span, owned))
            continue
        gerund = cl.dates_a_gerund(span)
        if gerund is not None:
            # "a charge covering killings in 1992": the killings happened then.
            what = next((c for c in gerund.children if c.dep_ == "dobj"), None)
            if what is not None and cl.is_happening(what):
                happenings.append((m, span, what))
            continue
        told = mt.recounted(span, cl.clause_head(span.root))
        if told is not None:
            # "described her car racing to 100 mph in 2006": the racing was in 2006.
            happenings.append((m, span, told))
            continue
        if cl.dates_a_listed_noun(span) or cl.is_argument(span) or cl.period_of_a_figure(span) \
                or cl.dates_an_accused_act(span):
            continue
        if cl.dates_a_comparison(span) or cl.guessed(span):
            continue  # what it is compared with, or a guess: no event of this date
        head = cl.clause_head(span.root)
        if head.dep_ == "acl" and head.lemma_.lower() in cl.NAMING and head.i > head.head.i:
            # "Jurors had toured the property, known as Moselle, the previous afternoon":
            # a name has no date; the parser hung the tour's on it.
            head = cl.clause_head(head.head)
        if cl.vox_pop(head) or voices.background_of_voice(head):
            continue
        if head.dep_ == "acl" and head.head.dep_ == "pobj" and not (
                cl.can_title(head) and (head.tag_ != "VBN" or cl.dates_participle(head, span)
                                        or any(c.dep_ in ("dobj", "agent") for c in head.children))):
            # "In a letter filed on Oct. 4, his lawyers said ...": the letter's date is
            # when the lawyers said it. A participle set off by a comma, or in a "with"
            # phrase, keeps its date to itself ("the line runs to his son Hisahito, born
            # in 2006"; "with the fuel expected to run low by this year, NASA chose ...").
            if cl.aside_participle(head):
                continue
            head = cl.clause_head(head.head)
        judged = cl.happening_judged(span, head, subject_of(head))
        if judged is not None:
            # "Comparisons with the wedding on 29 July 1981 were inevitable": a verdict
            # has no date; the wedding has.
            happenings.append((m, span, judged))
            continue
        by_verb.setdefault(head.i, []).append((m, span))
    # "in May or June": the "or" goes with the dates it joins.
    date_drop |= {t.i for t in sent if t.dep_ in ("cc", "punct") and t.head.i in date_drop
                  and any(c.dep_ == "conj" and c.i in date_drop for c in t.head.children)}
    heads = set(by_verb)
    quote = _quote(sent.text)
    out: list[Candidate] = []
    # One event a happening: its finest date ("the Easter Sunday bombings of April 2019").
    finest: dict[int, tuple[Any, Any, Any]] = {}
    for m, span, noun in happenings:
        if noun.i not in finest or mt.grain(m.value) < mt.grain(finest[noun.i][0].value):
            finest[noun.i] = (m, span, noun)
    for m, span, noun in finest.values():
        drop_here = {t.i for t in span} | cl.prep_of(span)
        year = _own_year(doc, noun, m, mentions)
        if year is not None:
            # "the Easter Sunday bombings of April 2019": the happening's own year places
            # the holiday, not the publication day; the holiday stays in the name.
            m, drop_here = replace(m, value=year[0]), year[1]
        owner = next((c for c in noun.children if c.dep_ == "poss" and c.i not in drop_here
                      and c.pos_ == "PROPN"), None)
        if owner is None:
            title = noun_title(noun, drop_here)
        else:
            # noun_title leaves out a possessive, meant for a date's ("last year's blasts");
            # an owner's name is the happening's ("Texaco's filing").
            mine = {t.i for t in owner.subtree}
            rest = noun_title(noun, drop_here | mine)
            first = rest.split()[0] if rest else ""
            if first and first.lower() in sent.text.split():
                rest = rest[0].lower() + rest[1:]
            named = " ".join(t.text for t in owner.subtree if t.dep_ != "case")
            title = f"{named}'s {rest}" if rest else named
        if len(title.split()) >= 2:
            spans = cl.spans(list(noun.subtree))
            out.append(Candidate(m.value, mt.date_text(text, m.start, m.text), title, quote,
                                  names.within(spans), None,
                                  ["the title names what happened: make it a sentence"],
                                  spans, (noun.idx, noun.idx + len(noun.text)), stems(title)))
    for m, (title_text, at) in earlier_ones:
        # "the first coronation since that of his mother on 2 June 1953": hers, that day.
        words = [(at, m.end)]
        out.append(Candidate(m.value, mt.date_text(text, m.start, m.text), title_text, quote,
                              names.within(words), None,
                              ["the title names what happened: make it a sentence"], words,
                              (at, m.start), stems(title_text)))
    for head_i, dated in by_verb.items():
        verb = doc[head_i]
        dated = [ms for ms in dated if not mt.moved_to(text, ms[0], verb)
                 and not mt.compared_with(ms[1], verb)]
        if not dated:
            continue
        if not cl.can_title(verb) and not _misread_clause(verb) and not (
                cl.is_state(verb) and len(dated) == 1
                and _told_by_when(verb, set(by_verb), state=True) is not None):
            # (A state dated by a when-clause is that clause's event: "In contrast to
            # Thursday, when 135 people were arrested, protesters were calmer".)
            continue
        # The most specific date dates the verb; a coarse "this year" only modifies it.
        # A date after "for" is the target of a plan ("an election for June 18"), so it
        # wins only when nothing else dates the verb. One after a preposition inside the
        # subject ("the road to this evening began on 8 August 2016") is the noun's; one
        # on the subject's noun ("third-quarter sales dropped") still dates the verb.
        # A date after "from" is where a change started or what it is measured against
        # ("jumped from 100,000 in 1980 to 300,000 last year", "narrowed from a year
        # earlier"): another date of the verb tells when it happened.
        subj = subject_of(verb)
        m, span = min(dated, key=lambda ms: (cl.from_date(ms[1], verb),
                                             cl.in_subjects_phrase(ms[1], subj),
                                             mt.grain(ms[0].value),
                                             mt.is_target(text, ms[0].start), ms[0].start))
        date_text = mt.date_text(text, m.start, m.text)
        deadline = None
        if is_deadline(text, m.start) and verb.lemma_ in _GIVING:
            # "voted on Sunday ... and gave him until noon on Monday to resign": the giving
            # is the day of the clause it is joined to; the deadline stays in its title.
            first = verb
            while first.dep_ in ("conj", "xcomp") and first.head.i not in by_verb:
                first = first.head
            given = [ms for ms in by_verb.get(first.head.i, []) if not is_deadline(text, ms[0].start)] \
                if first.dep_ in ("conj", "xcomp") else []
            if not given:
                continue
            deadline = span
            m, span = min(given, key=lambda ms: (mt.grain(ms[0].value), ms[0].start))
            date_text = mt.date_text(text, m.start, m.text)
        joined = mt.alternatives(text, dated) if deadline is None else None
        if joined is not None:  # "in May or June": either, so the span of both
            m, date_text = joined, mt.date_text(text, joined.start, joined.text)
        value = mt.past_year(m.value, date_text, verb, base, text[max(0, m.start - 20):m.start])
        if verb.dep_ == "conj" and verb.head.i in by_verb:
            value = mt.year_of_clause(value, date_text, verb,
                                      [ms[0] for ms in by_verb[verb.head.i]], base)
        value = mt.decade_after(value, date_text, verb, [x for x in mentions if x.end <= m.start])
        value = mt.future_year(value, date_text, verb, base)
        ahead = mt.weekday_ahead(value, date_text, verb, base, text[max(0, m.start - 20):m.start])
        moved, value = ahead > value, ahead  # (a weekday put back is no plan)
        value = mt.purpose_of_past(value, date_text, verb, base)
        into = mt.running_into(text, m, value, dated) if joined is None and deadline is None else None
        if into is not None:
            value, date_text = into
        # Other events' clauses are theirs, except one that holds this verb's own.
        # What a reporting verb says stays in its title even when it is an event of its
        # own ("the bridge will be demolished, the council decided on Monday").
        above = cl.ancestors_of(verb)
        said = {c.i for c in verb.children if c.dep_ == "ccomp" and is_reporting(verb)}
        drop = date_drop | {t.i for h in heads - {head_i} if h not in above and h not in said
                            for t in doc[h].subtree}
        # "Service will not start until Dec. 11": it starts then; the title says so.
        until = [c for c in verb.children if c.dep_ == "neg"] \
            if re.match(r"(?i)(?:until|till)\b", date_text) \
            or re.search(r"(?i)\b(?:until|till)\s+$", text[max(0, m.start - 8):m.start]) else []
        drop |= {c.i for c in until}
        if deadline is not None:
            drop -= {t.i for t in deadline} | cl.prep_of(deadline)
        listed = mt.listed(text, dated)
        if listed:
            # "extended in 2008 and again in 2010": the words between the dates go too.
            first = min(ms[0].start for ms in listed)
            last = max(ms[0].end for ms in listed)
            drop |= {t.i for t in sent if first <= t.idx < last}
        title_verb = verb
        # Reported speech: "X said the bridge collapsed on Monday" keeps the speaker, and
        # so does a past verb with a deadline ahead ("said it had cancelled flights until
        # Monday").
        if verb.dep_ == "ccomp" and is_reporting(verb.head) and verb.head.i not in heads \
                and subject_of(verb.head) is not None \
                and (not (cl.future_or_conditional(verb, m.value, base) and not _done(verb))
                     or _first_person(verb)):
            title_verb = verb.head
        if verb.dep_ == "ccomp" and verb.tag_ == "VB" and verb.head.i not in heads \
                and not any(c.dep_ in ("aux", "nsubj") for c in verb.children) \
                and verb.head.lemma_.lower() in ("see", "watch", "hear", "feel"):
            # "Workers saw their savings evaporate over the fall": what they saw.
            title_verb = verb.head
        when = _told_by_when(verb, heads, state=cl.is_state(verb)) if len(dated) == 1 else None
        if when is not None:
            title_verb = when
        title = build_title(title_verb, drop, resolve)
        if _broken(title):
            # Without its date the clause may not stand ("The record date is Nov. 9",
            # "the promise to halve unemployment by 2000"): then the date stays.
            kept = build_title(title_verb, drop - {t.i for t in span} - cl.prep_of(span),
                               resolve)
            if _broken(kept) < _broken(title):
                title = kept
        held = cl.subtree_minus(verb, heads)
        if verb.dep_ in ("relcl", "acl"):
            held.append(verb.head)
        # The review reads the date the event gets, not the tagger's ("was arrested on
        # May 29" in an April story is last May's, no future).
        review = _review(title, verb, replace(m, value=value), base, quotes)
        if until:
            review = [r for r in review if r != "negated"]
        if moved and "future or conditional" not in review:
            review.append("future or conditional")
        each = listed
        if joined is None and into is None and not each and len(dated) > 1 \
                and len({ms[0].value for ms in dated}) > 1 \
                and not all(mt.contains(ms[0].value, m.value) for ms in dated):
            review.append("several dates for one event: "
                          + ", ".join(sorted({ms[0].text for ms in dated})))
        # A title that cannot say who or what did it is no title; the clause may still
        # date the verb it hangs on (below).
        if len(title.text.split()) >= 2 and title.subject:
            spans = cl.spans(held)
            out.append(Candidate(value, date_text, title.text, quote,
                                  _names_for(names, spans, title, resolve, title_verb), None,
                                  review, spans, (verb.idx, verb.idx + len(verb.text)),
                                  stems(title.text)))
            # "Nadal, who won in 2008 and 2010": one event on each date.
            for other, _ in each:
                if other is not m:
                    out.append(replace(
                        out[-1], date=other.value,
                        date_text=mt.date_text(text, other.start, other.text)))
        # "shares it had bought when prices peaked in 2021": what a when-clause dates
        # happened at that time too, so the verb it hangs on gets the date as well.
        main = verb.head
        if verb.dep_ == "advcl" and main.i not in heads and main.i != verb.i \
                and any(c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "as", "while")
                        for c in verb.children) and cl.can_title(main) \
                and not any(c.dep_ == "mark" and c.lower_ in _NOT_AT_ONCE for c in verb.children) \
                and not any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall")
                            for c in main.children):
            # Not "will continue to serve, as he has since the vote on Dec. 9": a state
            # that began then, and a future, share no day with the clause.
            t3 = build_title(main, drop | {t.i for t in verb.subtree}, resolve)
            if not problems(t3.text) and not t3.cut and t3.subject:
                sp = cl.spans(cl.subtree_minus(main, heads | {verb.i}))
                out.append(Candidate(m.value, date_text, t3.text, quote,
                                      _names_for(names, sp, t3, resolve, main), None,
                                      _review(t3, main, m, base, quotes), sp,
                                      (main.idx, main.idx + len(main.text)),
                                      stems(t3.text)))
        # "... in late 2020 after a fraudulent election handed him a sixth term": the
        # "after" clause is an earlier event; it gets the year, never a finer precision.
        # "On Wednesday, a day after a ship struck the bridge": the day the offset gives.
        # After a day with no offset ("ceased trading on Monday after talks failed") it is
        # no event here: judges read the year alone as wrong every time, the day is unknown.
        for child in verb.subtree:
            if child.dep_ == "advcl" and child.i not in heads and child.tag_ == "VBD" \
                    and cl.clause_head(child.head).i == verb.i \
                    and any(c.dep_ == "mark" and c.lower_ in ("after", "following")
                            for c in child.children):
                earlier = _offset_before(child, value) or _year_before(value)
                if not earlier:
                    continue
                t2 = build_title(child, date_drop | {t.i for c in child.subtree
                                                     if c.dep_ == "npadvmod" for t in c.subtree},
                                 resolve)
                if len(t2.text.split()) >= 3:
                    sp = cl.spans(list(child.subtree))
                    out.append(Candidate(earlier, "", t2.text, quote,
                                          _names_for(names, sp, t2, resolve, child), None,
                                          _review(t2, child, None, base, quotes), sp,
                                          (child.idx, child.idx + len(child.text)),
                                          stems(t2.text)))
    return out


def _misread_clause(verb: Any) -> bool:
    """ "Two decades after the couple married in April 2005", with "married" tagged an
    adjective: a clause with its own subject and conjunction, whose head is a past form."""
    return verb.dep_ == "advcl" and verb.tag_ == "JJ" and verb.lower_.endswith("ed") \
        and any(c.dep_ == "nsubj" for c in verb.children) \
        and any(c.dep_ == "mark" for c in verb.children)


def _own_year(doc: Any, noun: Any, mention: Any,
              mentions: list[Any]) -> tuple[str, set[int]] | None:
    """A date with a year that a happening's noun carries itself ("the Easter Sunday
    bombings of April 2019") reads ``mention`` (the holiday) in that year: the finest value
    that fits, and the tokens of that date. None when the noun carries no such date."""
    from dateline.temporal.normalize import normalize

    if re.search(r"\d{4}", mention.text):
        return None
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if m is mention or span is None or not re.search(r"\d{4}", m.text) \
                or getattr(cl.dates_its_noun(span), "i", None) != noun.i:
            continue
        whole = parse_value(m.value)
        value = normalize(mention.text, datetime.date(whole.last.year, 12, 31)) or m.value
        try:
            fits = mt.contains(m.value, value)
        except (ValueError, DateError):
            fits = False
        return (value if fits else m.value), cl.date_tokens(span)
    return None


def _done(verb: Any) -> bool:
    """A pluperfect ("had cancelled"): what was said had been done, whatever date it runs to."""
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


def _broken(title: Title) -> int:
    """How far a title is from standing as a sentence (0: it stands). Shortness alone is
    no reason to put the date back into it."""
    return len([p for p in problems(title.text) if p != "title too short"]) + title.cut


MAX_QUOTE = 1500  # characters; a real sentence is a few hundred


def _quote(text: str) -> str:
    """The sentence an event came from, whitespace tidied; a run-on "sentence" (a table or
    a list flattened into prose) is cut at a word, so no event file grows beyond what the
    build accepts."""
    quote = " ".join(text.split())
    if len(quote) <= MAX_QUOTE:
        return quote
    return quote[:MAX_QUOTE].rsplit(" ", 1)[0] + " …"


def _names_for(names: Names, spans: list[tuple[int, int]], title: Title, resolve: Resolver,
               verb: Any) -> dict[str, list[str]]:
    subj = subject_of(verb)
    if subj is not None and subj.pos_ != "PRON":
        # A subject shared with an earlier verb ("Jones was critical but backed ...").
        spans = [*spans, (subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge.text))]
    found = names.within(spans)
    if subj is not None and subj.pos_ == "PRON" and subj.lower_ in PERSON_PRONOUNS:
        who = resolve(subj)
        if who and who not in found["people"]:
            found["people"].insert(0, who)
    return found


_LIGHT_START = {"begin", "start", "come", "happen", "occur", "unfold", "follow", "erupt", "date"}


def _told_by_when(verb: Any, heads: set[int], state: bool = False) -> Any | None:
    """The clause that says what happened when the main one only says that it did: "The
    unravelling began on 18 June, when EY refused to sign off the accounts" is EY's
    refusal; "the crisis started in 2015, when ..." and "the promise dates to 1992, when
    voters approved ..." likewise. None otherwise."""
    subj = subject_of(verb)
    # "There was no such luck on Tuesday, when the building collapsed": "there was" only
    # sets the day; the when-clause says what happened on it.
    there = verb.lemma_.lower() == "be" and any(c.dep_ == "expl" for c in verb.children)
    # "It came apart on Wednesday, when ...": the "it" of a light verb is what the
    # when-clause tells.
    pointer = subj is not None and subj.lower_ in ("it", "this", "that") \
        and verb.lemma_.lower() in _LIGHT_START
    if not there and not pointer and not state and (subj is None or subj.pos_ != "NOUN"):
        return None
    light = there or state or verb.lemma_.lower() in _LIGHT_START \
        and not any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in verb.children)
    for child in verb.subtree:
        # "began on 18 June, when ...": the parser hangs the clause on the verb or on the
        # day it names. Only the first such clause, and only one that tells a happening.
        on = child.head.i == verb.i or child.head.ent_type_ == "DATE" and child.dep_ == "relcl"
        if child.dep_ in ("advcl", "relcl") and on and child.i > verb.i \
                and any(c.lower_ == "when" or c.dep_ == "conj" and any(
                    w.lower_ == "when" and w.i < child.i for w in c.children)
                        for c in child.children):
            # Or a main clause about a thing that only sets the scene for named actors:
            # "The new ground faces a sterner test next Tuesday, when Manchester City
            # arrive for the first leg".
            actor = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if (light or actor is not None and actor.pos_ == "PROPN"
                    and actor.ent_type_ in ("ORG", "PERSON", "GPE", "NORP")
                    and not is_reporting(child)) \
                    and child.i not in heads and child.pos_ == "VERB" and cl.can_title(child) \
                    and actor is not None:
                return child
            return None
    return None


def _review(title: Title, verb: Any, mention: Any, base: datetime.date,
            quotes: list[tuple[int, int]]) -> list[str]:
    """Why an editor should look at this event before publishing it."""
    out: list[str] = []
    if title.unresolved:
        out.append(f"unresolved pronoun: {title.unresolved}")
    if mention is not None:
        if any(a <= mention.start < b for a, b in quotes):
            out.append("date from inside a quote")
        if cl.future_or_conditional(verb, mention.value, base):
            out.append("future or conditional")
        if getattr(mention, "ambiguous", False):
            out.append(f"several readings of {mention.text!r}")
    if any(c.dep_ == "neg" for c in verb.children):
        out.append("negated")
    out.extend(problems(title.text))
    return out


# Hedges and reported opinion: not a concrete development.
_HEDGE = re.compile(
    r"\b(?:not|never|no|none|nobody|no longer|n't|may|might|could|should|would|probably|"
    r"possibly|perhaps|"
    r"reportedly|allegedly|speculat\w*|rumou?r\w*|claim\w*|believ\w*|think\w*|argu\w*|"
    r"suggest\w*|if|whether|unless)\b|\?", re.I)
# Perfects of these report a state or an opinion, not a development: "have kept their
# secrets for centuries", "has been dependent on", "have struggled".
_STATIVE = {"be", "have", "become", "remain", "seem", "appear", "know", "say", "tell", "prove",
            "see", "look", "feel", "do", "get", "go", "come", "make", "take", "keep",
            "continue", "hold", "stay", "live", "own", "want", "need", "like", "love",
            "hate", "use", "work", "try", "struggle", "face", "suffer", "grow", "fluctuate",
            "rise", "fall", "climb", "decline", "enjoy", "lead", "dominate", "wait",
            "spend", "pour", "run", "operate", "serve"}  # "has spent three decades ...": a career
_NEWS_VERBS = {"announce", "unveil", "launch", "introduce"}


# The basis of an undated event dated by the story's day: it merges into a dated report
# of the same event as a publication-day one does, and is written with no date_basis.
_STORY_DAY = "story"


def _news_day(mentions: list[Any], lead: list[Any], base: datetime.date) -> str | None:
    """The day of the story's news: the first day its lead names in the days up to the
    publication day ("Five men have been jailed ... The court sentenced them on Tuesday").
    None when the lead names no such day."""
    end = lead[-1].end_char if lead else 0
    for m in mentions:
        if m.start < end and re.fullmatch(r"\d{4}-\d\d-\d\d", m.value or "") \
                and 0 <= (base - datetime.date.fromisoformat(m.value)).days <= 4:
            return str(m.value)
    return None


def _development(sent: Any, base: datetime.date, names: Names,
                 resolve: Resolver, news_day: str | None = None) -> Candidate | None:
    """An undated development the article reports as news ("has introduced", "plans
    to"), dated by the publication day. What has happened ("have been jailed", "also
    announced") happened on the day of the story's news when its lead names one: judges
    read the publication day as wrong where the article gives the day elsewhere."""
    root = sent.root
    text = sent.text.strip()
    if root.pos_ != "VERB" or _HEDGE.search(text) or text[:1] in "\"“‘'":
        return None
    aux = [c.lower_ for c in root.children if c.dep_ in ("aux", "auxpass")]
    # "That money has proved the project's most painful chapter": a perfect that says
    # what a thing is or has become is a judgement, not news.
    perfect = root.tag_ == "VBN" and any(a in ("has", "have") for a in aux) \
        and root.lemma_ not in _STATIVE \
        and not any(c.dep_ in ("attr", "acomp", "oprd") or c.tag_ in ("RBR", "JJR")
                    for c in root.children) \
        and not (is_reporting(root) and root.lemma_ not in _NEWS_VERBS) \
        and root.lemma_ not in ("describe", "call", "criticise", "criticize", "praise")
    intent = root.lemma_ in {"plan", "intend"} and root.tag_ in ("VBZ", "VBP", "VBG") \
        and any(c.dep_ == "xcomp" for c in root.children)
    news = root.lemma_ in _NEWS_VERBS and root.tag_ == "VBD"
    subj = subject_of(root)
    if not (perfect or intent or news) or subj is None or subj.pos_ not in (
            "NOUN", "PROPN", "PRON"):
        return None
    if perfect and any(c.dep_ == "advmod" and c.lower_ == "since" for c in root.children):
        # "The firm has since abandoned the drug": some time after what was told before,
        # not on the day of the news.
        return None
    title = build_title(root, set(), resolve)
    if len(title.text.split()) < 3:
        return None
    spans = cl.spans(list(root.subtree))
    review = _review(title, root, None, base, [])
    if news_day is not None and not intent:
        review.append("undated: dated by the day of the story's news")
        date, basis = news_day, _STORY_DAY
    else:
        review.append("undated: dated by the publication day")
        date, basis = base.isoformat(), "published"
    return Candidate(date, "", title.text, _quote(text),
                      _names_for(names, spans, title, resolve, root), basis, review,
                      spans, (root.idx, root.idx + len(root.text)), stems(title.text))


def _year_before(value: str) -> str | None:
    """Year precision for an event that happened before ``value``, when that is safe: not
    before a day, which says the clause is a day's news, nor early in a year, when "after
    X" may reach back into the previous one."""
    v = parse_value(value)
    if v.first == v.last or v.first.year != v.last.year or v.first.month <= 2:
        return None
    return str(v.first.year)


def _offset_before(clause: Any, value: str) -> str | None:
    """The date of an "after" clause that says how long before ``value`` it happened ("a
    day after", "two weeks after"), at the precision the offset keeps; None without one
    ("less than 48 hours after" names no day)."""
    # The parser hangs "two days" on the clause's verb or on its "after".
    marks = [c for c in clause.children if c.dep_ == "mark"]
    span = next((c for t in [clause, *marks] for c in t.children if c.dep_ == "npadvmod"), None)
    if span is None:
        return None
    words = " ".join(t.text for t in span.subtree)
    counted = step(words + " after")
    vague = re.fullmatch(r"(?i)(?:a\s+few\s+|several\s+|just\s+)?(days|weeks)", words)
    if vague is not None and counted is None:
        # "took over last June, weeks after the company reported a loss": some time in the
        # month or two before that month, not the whole year.
        try:
            v = parse_value(value)
        except (DateError, ValueError):
            return None
        if v.precision != "month":
            return None
        back = 1 if vague[1].lower() == "days" else 2
        months = v.first.year * 12 + v.first.month - 1 - back
        return f"{months // 12:04d}-{months % 12 + 1:02d}/{value}"
    if counted is None or counted[1] <= 0:
        return None
    try:
        return shift(parse_value(value), counted[0], -counted[1])
    except (DateError, ValueError):
        return None


def _finish(c: Candidate) -> ExtractedEvent:
    return ExtractedEvent(date=c.date, date_text=c.date_text, title=c.title, quote=c.quote,
                          people=tuple(c.names["people"]), places=tuple(c.names["places"]),
                          organizations=tuple(c.names["organizations"]),
                          date_basis=None if c.basis == _STORY_DAY else c.basis,
                          review=tuple(dict.fromkeys(c.review)), words=tuple(c.words),
                          anchor=c.anchor)
