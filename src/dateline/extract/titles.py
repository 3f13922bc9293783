"""Titles from the parse: an event's subject, its verb phrase and its object.

A title is built from whole constituents of spaCy's dependency parse, never by deleting
words from a sentence: the subject (a relative pronoun replaced by the noun it stands for,
a personal pronoun by its antecedent), the verb with its auxiliaries, and the complements
that make it a sentence. Adjuncts (the date phrase itself, appositions, other events'
clauses, long prepositional tails) are left out, the optional ones only while the title is
too long. Reported speech keeps what was said.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dateline.extract.adjuncts import complement_of
from dateline.extract.budget import MAX_WORDS, inner_order, title_words, trim_adjuncts
from dateline.extract.naming import (
    name_demonstratives,
    name_descriptions,
    name_owners,
    name_repeated,
)
from dateline.extract.phrases import (
    SUBJECTS,
    is_reporting,
    phrase_of,
    subject_of,
    subject_of_own,
)
from dateline.extract.standing import without_fallen_clauses
from dateline.extract.subject import relative_misread, title_subject
from dateline.extract.wording import PARTICLES, QUOTES, cut_at_end, join, n_words, tidy

# A happening's noun as a title ("Blasts in Kenya") reads best short.
NOUN_TITLE_WORDS = 12
# Complements that make a clause a sentence: always kept with the verb.
_CORE = {"aux", "auxpass", "neg", "prt", "dobj", "dative", "attr", "acomp", "oprd", "xcomp",
         "ccomp", "agent", "expl", "obj", "iobj"}
# Adjuncts, kept while the title stays short; dropped right to left.
_OPTIONAL = {"prep", "advcl", "npadvmod", "conj", "cc", "advmod", "pcomp", "dep"}
_WEAK_END_POS = {"ADP", "DET", "CCONJ", "SCONJ", "PART", "PUNCT", "AUX", "PRON"}
_LEAD_DROP = {"cc", "mark", "advmod", "punct", "intj", "preconj"}


@dataclass(frozen=True)
class Title:
    """A title and what building it noticed: the pronoun it could not resolve, if any."""

    text: str
    unresolved: str | None = None
    # Building it left a word hanging at the end ("The record date is"), now cut: the
    # clause did not stand without what was dropped.
    cut: bool = False
    subject: bool = True  # False when the clause has no subject to name


# How a relative clause's own title starts: no subject named.
_RELATIVE_START = re.compile(r"(?:Which|Who|Whom|Whose|What|Whereby|Wherein)\b")

# A time of day as a whole phrase: "4.17am local time", "1 pm", "noon", "10:30 p.m. ET".
_TIME_OF_DAY = re.compile(r"(?i)(?:about |around |just after |just before )?"
                          r"(?:\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.?|p\.m\.?)|noon|midday|"
                          r"midnight|dawn|dusk)(?: (?:local time|GMT|BST|UTC|ET|EST|EDT|PT))?")
# Verbs whose date phrase is their extent or their appointment ("is scheduled for
# Sunday"): without it the title says nothing.
_NEEDS_ITS_EXTENT = {"stretch", "last", "extend", "date", "drag", "linger", "persist", "span",
                     "run", "continue", "schedule", "reschedule", "slate", "set", "fix"}
# Verbs whose "of" phrase is what they are about: "accused X of ...", "convicted of".
_OF_ARGUMENT = {"accuse", "convict", "acquit", "suspect", "clear", "warn", "inform", "notify",
                "remind", "strip", "deprive", "rid", "rob", "cure", "absolve"}
def noun_title(noun: Any, drop: set[int]) -> str:
    """The name of a happening as a title ("last year's blasts in Kenya" -> "Blasts in
    Kenya"): the noun's phrase without the date, its article and its asides."""
    drop = drop | {c.i for t in noun.doc if t.i in drop for c in t.children if c.dep_ == "case"}
    tokens = [t for t in phrase_of(noun, drop) if not (t.dep_ in ("det", "poss") and t.head.i == noun.i)]
    while n_words(tokens) > NOUN_TITLE_WORDS and any(t.dep_ == "prep" for t in tokens):
        last = max((t for t in tokens if t.dep_ == "prep"), key=lambda t: t.i)
        gone = {t.i for t in last.subtree}
        tokens = [t for t in tokens if t.i not in gone]
    return tidy(join(tokens, {}))


def build_title(verb: Any, drop: set[int], resolve: Callable[[Any], str | None]) -> Title:
    """The title of the event whose head is ``verb``.

    ``drop`` holds the token indices that belong to other events or to the date phrase;
    ``resolve(pronoun_token)`` returns the name a pronoun stands for, or None.
    """
    subject_tokens, replace = title_subject(verb, drop, getattr(resolve, "describe", None))
    replace = dict(replace)
    misread = relative_misread(verb)
    if misread is not None and not subject_tokens:
        subject_tokens = [t for t in misread.doc[misread.left_edge.i:misread.i + 1]
                          if t.i not in drop]
    core: list[Any] = []
    optional: list[list[Any]] = []
    for child in verb.children:
        if child.i in drop or child.dep_ in SUBJECTS or child in subject_tokens \
                or misread is not None and child.i == misread.head.i:
            continue
        if child.dep_ == "ccomp" and child.pos_ == "NOUN" and any(
                c.dep_ in ("dobj", "xcomp") and c.i < child.i for c in verb.children):
            continue  # a noun parsed as a second complement: "hoped to ..., a date that"
        if child.dep_ in ("ccomp", "advcl") and not is_reporting(verb) and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in child.children) and any(
                c.dep_ == "mark" and c.lower_ in ("after", "before", "until", "since", "when")
                for c in verb.children):
            # "it was only after costs soared in 2022 that inflation rose": the cleft's
            # "that" clause is what followed, not what soared.
            continue
        if child.dep_ in _CORE or (child.dep_ == "advmod" and child.i == verb.i + 1
                                   and child.lower_ in PARTICLES) \
                or child.dep_ == "prep" and child.lower_ == "of" and child.i > verb.i \
                and verb.lemma_.lower() in _OF_ARGUMENT:
            # "accused Volkswagen of installing software": of what is the accusation.
            # "threw away a lead": an adverb that completes the verb is part of it.
            core.extend(phrase_of(child, drop, trim=child.dep_ not in ("ccomp", "xcomp")))
        elif child.dep_ == "conj":
            # A second verb phrase of the same subject ("crossed the border and seized
            # the town") may stay, with its "and"; a clause with a subject of its own is
            # another sentence and never does.
            # A present state or an -ing form after a past verb is another clause: "opened
            # in 1988 and runs 33.5 miles", "roads cleared last week and cutting off ...".
            other_time = verb.tag_ in ("VBD", "VBN") and (
                child.tag_ in ("VBZ", "VBP") or child.tag_ == "VBG" and not any(
                    c.dep_ in ("aux", "auxpass") for c in child.children))
            # "made no mention of resignation and said [he would ...]": a verb of saying
            # whose clause is another event's says nothing here.
            mute = is_reporting(child) and not any(
                c.dep_ in ("ccomp", "dobj", "xcomp") and c.i not in drop for c in child.children)
            # "had been opened in 2005 and was crowded with sightseers when it fell": a
            # second verb with a time clause of its own happened then, not now.
            # "founded in 1762 and once helped ...", "reached it in 2001 and had been
            # nudged into position": "once" and a past perfect after a past tense tell of
            # another time.
            other_time = other_time or verb.tag_ == "VBD" and any(
                c.dep_ in ("aux", "advmod") and c.lower_ in ("had", "once")
                for c in child.children if c.i < child.i) or verb.tag_ == "VBN" and any(
                c.dep_ == "advmod" and c.lower_ == "once" for c in child.children)
            # "returned in 1996 and kept since then at the castle": a state ever since.
            other_time = other_time or any(c.dep_ in ("prep", "advmod") and c.lower_ == "since"
                                           for c in child.children)
            other_time = other_time or any(
                c.dep_ == "advcl" and c.i > child.i and any(
                    m.dep_ in ("mark", "advmod") and m.lower_ in ("when", "while", "before", "after")
                    for m in c.children) for c in child.children)
            if child.pos_ in ("VERB", "AUX") and subject_of_own(child) is None and not other_time \
                    and not mute:
                cc = [c for c in verb.children if c.dep_ == "cc" and c.i < child.i]
                optional.append(cc[-1:] + phrase_of(child, drop))
        elif child.dep_ in _OPTIONAL and child.dep_ != "cc" and child.i > verb.i:
            if child.dep_ == "dep" and child.tag_ in ("VBD", "VBZ", "VBP"):
                continue  # a finite verb the parser could not attach: a second clause
            if child.dep_ == "prep" and any(c.dep_ == "ccomp" and c.i > child.i
                                            for c in verb.children):
                continue  # "said in a statement that ...": what was said is the title
            phrase = phrase_of(child, drop)
            if child.dep_ == "prep" and verb.lemma_ not in ("give", "grant", "allow") \
                    and _TIME_OF_DAY.fullmatch(" ".join(t.text for t in phrase[1:])):
                continue  # "at 4.17am local time", "until 1pm": the clock, not the event
            if child.dep_ in ("npadvmod", "appos") and n_words(phrase) <= 2 and any(
                    c.dep_ in ("relcl", "acl") for c in child.children):
                continue  # ", a lead it never relinquished" without its clause says nothing
            if child.dep_ == "npadvmod" and child.pos_ == "NOUN" and child.left_edge.i > 0 \
                    and verb.doc[child.left_edge.i - 1].text == "," and any(
                    c.dep_ == "poss" and c.pos_ == "PRON" for c in child.children):
                continue  # "struck at 4.53pm, its epicenter 10 miles out": an aside
            if child.dep_ == "advcl" and child.tag_ == "VBG" and phrase:
                replace[phrase[0].i] = ", " + phrase[0].text  # "went back, ending a strike"
            optional.append(phrase)
        elif child.dep_ == "prep" and child.i > max((t.i for t in subject_tokens), default=-1):
            optional.append(phrase_of(child, drop))  # between subject and verb
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and not auxes:
        # "was convicted and jailed in April": jailing is "was jailed".
        shared = [c for c in verb.head.children if c.dep_ in ("aux", "auxpass")]
        if shared and all(c.i < verb.head.i for c in shared):
            replace[verb.i] = " ".join(c.lower_ for c in shared) + " " + verb.text
    if verb.dep_ in ("advcl", "acl") and auxes and auxes[0].lower_ == "having" \
            and subject_tokens \
            and subject_tokens[-1].i < auxes[0].i:
        replace[auxes[0].i] = "had"  # "Wiegman, having been beaten in 2019": she had been
    # "Designed by Morandi and opened in 1967, the viaduct ...": the second participle
    # leads its clause the way the first does.
    # (The tagger often reads that second one as a past tense: "opened" VBD.)
    lead = verb.head if verb.dep_ == "conj" and verb.head.dep_ in ("acl", "advcl") \
        and verb.head.tag_ == "VBN" and verb.tag_ in ("VBN", "VBD") else verb
    if lead.dep_ in ("acl", "advcl") and lead.tag_ == "VBN" and not any(
            c.dep_ in ("auxpass", "dobj", "nsubj", "nsubjpass", "aux") for c in verb.children):
        # "the union, formed in 1994": the participle becomes "was formed".
        plural = lead.head.tag_ in ("NNS", "NNPS")
        replace[verb.i] = ("were " if plural else "was ") + verb.lower_
    own_subject = subject_of_own(verb)
    absolute = verb.head.lower_ in ("with", "without") or any(
        c.lower_ in ("with", "without") and c.i < verb.i for c in verb.children)
    if absolute and verb.tag_ == "VBN" and own_subject is not None \
            and verb.i not in replace and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        # "With almost all ballots counted on Monday, ...": the ballots were counted.
        plural = own_subject.tag_ in ("NNS", "NNPS")
        replace[verb.i] = ("were " if plural else "was ") + verb.text
    # Adjuncts go from the right end while the title is too long, and always when a
    # dropped date phrase left nothing but a preposition behind.
    optional = [p for p in optional if _content(p) and not _left_by_date(p, drop)]
    # "crowned in the abbey in a service [that ...]": a noun that stood for its clause
    # goes, unless it is all the verb has ("the drop came on a day [when ...]").
    bare = [p for p in optional if _bare_for_its_clause(p)]
    # ("According to people" is never what a verb needs.)
    if bare and (any(t.i > verb.i for t in core) or len(bare) < len(optional)):
        optional = [p for p in optional if p not in bare]
    optional = [p for p in optional if p not in bare or p[0].lower_ != "according"]
    # A verb with no object of its own needs its first prepositional phrase ("led to
    # speculation", "took part in the talks"): that one is not optional.
    if not any(t.dep_ in ("dobj", "attr", "acomp", "oprd", "ccomp", "xcomp", "dative", "obj")
               for t in core if t.head.i == verb.i):
        first = complement_of(optional, verb)
        if first is not None:
            optional.remove(first)
            core.extend(first)
    tokens = sorted({*subject_tokens, verb, *core, *(t for p in optional for t in p)},
                    key=lambda t: t.i)
    # The verb's own commas: join keeps one that still sets off what follows a dropped
    # date ("declared an emergency [on Friday], the first in its history").
    after = {t.i for t in tokens if t.i > verb.i}
    tokens = sorted([*tokens, *(c for c in verb.children if c.text == "," and c.i not in drop
                                and c.i > verb.i and c.i + 1 in after)], key=lambda t: t.i)
    # "said that output would return": the "that" adds nothing to a title.
    # Only straight after the verb: "told the council that ..." keeps it.
    if not any(c.dep_ in ("dobj", "dative") for c in verb.children):
        tokens = [t for t in tokens if not (t.dep_ == "mark" and t.lower_ == "that"
                                            and t.head.dep_ == "ccomp"
                                            and t.head.head.i == verb.i)]
    tokens, optional = trim_adjuncts(tokens, optional, verb, replace)
    # A preposition or article whose noun was dropped goes with it ("by [2000]").
    kept = {t.i for t in tokens}
    tokens = [t for t in tokens
              if not (t.dep_ == "prep" and any(True for _ in t.children)
                      and not any(c.i in kept for c in t.children))
              and not (t.dep_ == "det" and t.head.i not in kept)]
    # "at a news conference here": a title is read away from the dateline it points at.
    # "... in part [because ...]": the hedge of a reason the title does not give.
    hedge = {i for t in tokens if t.lower_ == "part" and t.dep_ == "pobj" and t.i > 0
             and t.doc[t.i - 1].lower_ == "in" and t.head.i == t.i - 1 for i in (t.i - 1, t.i)}
    tokens = [t for t in tokens if not (t.dep_ == "advmod" and t.lower_ == "here")
              and t.i not in hedge]
    tokens = _without_what_it_measured(_place_for_there(tokens, replace))
    # "covering 2.3 million vehicles with pedals [that could stick]": on a kept noun
    # too, a noun that stood for its clause goes ("of" phrases stay; one on a verb may
    # be all it has: "the drop came on a day [when ...]").
    kept = {t.i for t in tokens}
    for prep in [t for t in tokens if t.dep_ == "prep" and t.head.pos_ in ("NOUN", "PROPN")
                 and t.lower_ != "of"]:
        inside = [t for t in tokens if t.i in {d.i for d in prep.subtree}]
        if prep.i in kept and _bare_for_its_clause(inside):
            kept -= {t.i for t in inside}
    tokens = [t for t in tokens if t.i in kept]
    # A clause titled alone starts with its subject, not with the "when" that joined it.
    while tokens and tokens[0].lower_ == "when" and tokens[0].dep_ in ("advmod", "mark"):
        tokens = tokens[1:]
    # "the tunnel was "a magnificent asset", a phrase analysts repeated": a second
    # complement after a comma is an aside on the first (and the clause on it is another
    # event's).
    # (Or a second object: "opened proceedings into ..., a decision taken in 2010".)
    for dep in ("attr", "dobj"):
        comps = [t for t in tokens if t.dep_ == dep and t.i > verb.i]
        for extra in comps[1:]:
            if extra.head.i == comps[0].head.i and extra.left_edge.i > 0 \
                    and extra.doc[extra.left_edge.i - 1].text == "," \
                    and (dep == "attr" or any(c.dep_ in ("acl", "relcl") for c in extra.children)):
                gone = {t.i for t in extra.subtree} | {extra.left_edge.i - 1}
                tokens = [t for t in tokens if t.i not in gone]
    # "dogged by allegations ever since": since what, a title read alone cannot say.
    since = {t.i for t in tokens if t.lower_ == "since" and t.dep_ == "advmod"
             and not any(c.dep_ == "pobj" for c in t.children)}
    tokens = [t for t in tokens if t.i not in since]
    # "first as prime minister and, [from 1987,] as executive president": an "and" that
    # led to another date leads to what happened then; both go with it.
    kept = {t.i for t in tokens}
    doc = verb.doc
    for cc in [t for t in tokens if t.dep_ == "cc"]:
        j = cc.i + 1
        while j < len(doc) and doc[j].is_punct and doc[j].i not in drop:
            j += 1
        if j >= len(doc) or j not in drop:
            continue
        while j < len(doc) and (j in drop or doc[j].is_punct):
            j += 1
        after = doc[j] if j < len(doc) else None
        if after is None or after.i not in kept or after.i == verb.i \
                or after.dep_ not in ("prep", "dobj", "attr", "npadvmod", "pobj", "conj"):
            continue
        gone = {cc.i} | {t.i for t in after.subtree} \
            | {t.i for t in doc[cc.i:after.i] if t.is_punct}
        tokens = [t for t in tokens if t.i not in gone]
    # An adverb or an aside whose word went goes too ("as protesters played [a song],
    # the party's anthem").
    kept = {t.i for t in tokens}
    orphans = {d.i for t in tokens if t.dep_ in ("advmod", "appos") and t.head.i not in kept
               and t.head.i != t.i and t.head.i not in replace
               for d in (t.subtree if t.dep_ == "appos" else [t])}
    orphans |= {t.left_edge.i - 1 for t in tokens if t.dep_ == "appos" and t.i in orphans
                and t.left_edge.i > 0 and t.doc[t.left_edge.i - 1].text == ","}
    tokens = [t for t in tokens if t.i not in orphans]
    # ', a phrase [critics repeated]': an aside whose clause is another event's says
    # nothing without it.
    kept = {t.i for t in tokens}
    for aside in [t for t in tokens if t.dep_ in ("appos", "npadvmod") and t.pos_ == "NOUN"]:
        clause = [c for c in aside.children if c.dep_ in ("relcl", "acl")]
        words = [t for t in aside.subtree if t.i in kept and t.is_alpha and t.dep_ != "advmod"]
        if clause and all(c.i not in kept for c in clause) and len(words) <= 2:
            gone = {t.i for t in aside.subtree}
            if aside.left_edge.i > 0 and aside.doc[aside.left_edge.i - 1].text == ",":
                gone.add(aside.left_edge.i - 1)
            tokens = [t for t in tokens if t.i not in gone]
    # "its earnings going back [to 1997]": an -ing modifier left with nothing but its
    # particle once its date went says nothing.
    kept = {t.i for t in tokens}
    bare = {d.i for t in tokens if t.dep_ in ("acl", "advcl") and t.tag_ == "VBG"
            and any(d.i in drop for d in t.subtree)
            and all(d.dep_ in ("advmod", "prt") for d in t.subtree
                    if d.i in kept and d.i != t.i)
            for d in t.subtree}
    tokens = [t for t in tokens if t.i not in bare]
    # Still too long: prepositional phrases inside the subject and object go next,
    # rightmost first ("the death by heart attack of the minister"), "of" phrases last.
    # Clauses hung on a noun ("speculation that he was killed") go before "of" phrases.
    # "Of" phrases stay: without them "the presence" and "at the expense" say nothing.
    inner = sorted((t for t in tokens if (t.dep_ in ("prep", "acl", "relcl", "appos")
                                          and (t.head.pos_ in ("NOUN", "PROPN", "PRON")
                                               or t.head.dep_ == "pcomp")
                                          or t.dep_ in ("advcl", "conj") and t.pos_ == "VERB")
                    and t.head.i != verb.i and t.lower_ != "of"
                    # never the title's own verb, nor a clause that holds it ("[Elected in
                    # 2018 on ...], Mr. Khan fell out": the participle is the title)
                    and t.i != verb.i and not any(a.i == t.i for a in verb.ancestors)),
                   key=lambda t: inner_order(t, {s.i for s in subject_tokens}))
    for prep in inner:
        if title_words(tokens, replace) <= MAX_WORDS:
            break
        gone = {t.i for t in prep.subtree}
        if prep.dep_ == "conj":
            # the "and" that joined it goes with it
            gone |= {c.i for c in prep.head.children if c.dep_ == "cc" and c.i < prep.i}
        tokens = [t for t in tokens if t.i not in gone]
    tokens = without_fallen_clauses(tokens, verb, replace)
    name_demonstratives(tokens, replace)
    name_repeated(tokens, replace, getattr(resolve, "repeated", None))
    name_descriptions(tokens, replace, getattr(resolve, "describe", None))
    unresolved = None
    for t in tokens:
        if t.pos_ == "PRON" and t.i not in replace and t in subject_tokens[:1] \
                and t.lower_ in ("he", "she", "it", "they", "his", "her", "its", "their",
                                 "both", "i", "my"):
            name = resolve(t)
            if name:
                replace[t.i] = name + ("'s" if t.tag_ == "PRP$" or t.dep_ == "poss"
                                       else "")
            else:
                unresolved = t.text
    name_owners(tokens, subject_tokens, replace, resolve)
    said_first = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i
                  and (misread is None or c.i != misread.head.i)]
    if subject_tokens and not said_first and subject_tokens[0].i > verb.i \
            and lead.dep_ in ("advcl", "acl"):
        # "Founded in 1884 as Leicester Fosse, the club ...": the club was founded.
        subj = {t.i for t in subject_tokens}
        rest = [t for t in tokens if t.i not in subj]
        return Title(tidy(join(subject_tokens, replace) + " " + join(rest, replace)),
                     unresolved, subject=True)
    said_after = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
    if not said_first and said_after and is_reporting(verb):
        edge = said_after[0].left_edge
        # An opening mark (the tagger's ``): a closing one ends a quoted name before the
        # clause ('in an interview on "Face the Nation," that he would ...').
        opening = verb.doc[edge.i - 1] if edge.i > 0 else None
        if opening is not None and opening.text in QUOTES and opening.tag_ != "''" \
                or edge.text in QUOTES and edge.tag_ != "''":
            # 'The mayor said: "The council sold the depot"': a quotation stays one.
            inner = {t.i for t in said_after[0].subtree}
            head = [t for t in tokens if t.i not in inner and t.text not in QUOTES
                    and t.text != ":"]
            words = tidy(join([t for t in tokens if t.i in inner and t.text not in QUOTES],
                              replace), keep_last=True)
            if head and words:
                return Title(tidy(join(head, replace)) + f': "{words}"', unresolved)
    if said_first and is_reporting(verb):
        # "The bridge will be demolished, the council decided": the council decided the
        # bridge will be demolished.
        inner = {t.i for t in said_first[0].subtree}
        head = [t for t in tokens if t.i not in inner]
        tail = [t for t in tokens if t.i in inner]
        edge = said_first[0].left_edge
        before = verb.doc[edge.i - 1].text if edge.i > 0 else ""
        if (before and before in QUOTES) or edge.text in QUOTES:
            # A direct quotation keeps its words and is shown as one.
            words = tidy(join([t for t in tail if t.text not in QUOTES], replace))
            head = [t for t in head if t.dep_ != "prep" or t.head.i != verb.i]
            head = [t for t in head if not any(a.dep_ == "prep" and a.head.i == verb.i
                                               for a in t.ancestors)]
            subj = subject_of(verb)
            if subj is not None and subj.i > verb.i:
                # '"...," said Anna Lind': Anna Lind said, as a title reads.
                who = {t.i for t in subj.subtree}
                head = [t for t in head if t.i in who] + [t for t in head if t.i not in who]
            return Title(tidy(join(head, replace)) + f': "{words}"', unresolved)
        if tail and tail[0].pos_ != "PROPN" and tail[0].i not in replace:
            replace[tail[0].i] = tail[0].lower_
        text = tidy(join(head, replace) + " " + join(tail, replace))
    else:
        raw = join(tokens, replace)
        kept = {t.i for t in tokens}
        # A subject lost to a dropped phrase ("[Today] is a sad day"): not a sentence.
        # So is a verb whose object went ("The House approved [...]").
        # A date the parser took for an object ("dissolved [that September]") is none.
        lost = any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and c.i not in kept
                   and c.i not in replace and not (c.dep_ == "dobj" and c.lower_ in ("that", "this")
                            and any(t.ent_type_ == "DATE" for t in c.subtree))
                   for t in tokens if t.pos_ in ("VERB", "AUX") for c in t.children)
        # "The cleanup stretched [into 2025]": a verb of extent says nothing without it.
        lost = lost or verb.lemma_ in _NEEDS_ITS_EXTENT and not any(
            t.i > verb.i and t.head.i == verb.i and not t.is_punct
            and t.dep_ not in ("prt", "advmod") for t in tokens)
        # A particle ends a phrasal verb ("sworn in", "shut down"): it is no weak end.
        text = tidy(raw, keep_last=bool(tokens) and tokens[-1].dep_ == "prt")
        # "Whose song triumphed in Baku", "Which ended in a settlement": a relative word
        # left standing names no one, so the clause has no subject a title can show.
        named = bool(subject_tokens) and not _RELATIVE_START.match(text)
        return Title(text, unresolved, cut=lost or cut_at_end(raw, text), subject=named)
    return Title(text, unresolved)


def _left_by_date(phrase: list[Any], drop: set[int]) -> bool:
    """A word the dropped date phrase leaves hanging: "beginning [in 2018]", a participle
    with nothing left of its own; "early [on Tuesday]", an adverb beside the date."""
    words = [t for t in phrase if not t.is_punct]
    if len(words) != 1:
        return False
    word = words[0]
    if word.pos_ in ("VERB", "AUX"):
        return any(c.i in drop for c in word.children) and all(
            c.i in drop or c.is_punct for c in word.children)
    return word.lower_ in _DATE_ADVERBS and (word.i + 1 in drop or word.i - 1 in drop)


# Adverbs that only qualify the date beside them ("early on Tuesday", "shortly after").
_DATE_ADVERBS = {"early", "late", "earlier", "later", "shortly", "soon", "just", "right",
                 "only", "around", "about", "well", "sometime", "until", "as"}


def _bare_for_its_clause(phrase: list[Any]) -> bool:
    """A phrase whose noun stood for its relative clause: "in a service [that reached back
    a thousand years]", "according to people [who were in the room]". Without the clause
    the title ends on a word that says nothing; "in the abbey" or "to the people of Leeds"
    still say where and who."""
    if not phrase or phrase[0].dep_ != "prep" or phrase[0].lower_ in _TELLING_PREPS:
        return False
    kept = {t.i for t in phrase}
    nouns = [t for t in phrase if t.dep_ == "pobj" and any(
        c.dep_ == "relcl" and c.i not in kept for c in t.children)]
    if not nouns:
        return False
    noun = nouns[-1]
    own = [t for t in phrase if t.i in {d.i for d in noun.subtree}]
    return all(t.i == noun.i or t.dep_ == "det" and t.lower_ in ("a", "an", "some")
               for t in own) and all(t.pos_ == "ADP" or t.lower_ == "according"
                                     for t in phrase if t not in own)


# "sacked after a row [that ...]", "amid a dispute": the noun still tells why or when.
_TELLING_PREPS = {"after", "before", "amid", "over", "despite", "during", "because"}
# Where "there" may point: a named place after "in" or "at" earlier in the sentence.
_PLACE_PREPS = {"in", "at", "inside"}


def _place_for_there(tokens: list[Any], replace: dict[int, str]) -> list[Any]:
    """"held in the Abbey since William was crowned there": there is the Abbey, named
    earlier in the sentence, where the clause that holds this one happened; a title read
    alone says so. A "there" with no such place named
    before it points nowhere and goes."""
    nowhere: set[int] = set()
    for t in tokens:
        if t.dep_ != "advmod" or t.lower_ != "there" or t.i in replace:
            continue
        place = None
        for prep in reversed(t.doc[t.sent.start:t.i]):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            # Only the place of a clause that holds this one: "parked their money
            # there" after "companies in the United States" is no money in the country.
            if prep.dep_ == "prep" and prep.lower_ in _PLACE_PREPS and obj is not None \
                    and obj.pos_ == "PROPN" and obj.right_edge.i < t.i \
                    and obj.ent_type_ not in ("DATE", "TIME", "PERSON") \
                    and prep.head.pos_ in ("VERB", "AUX") \
                    and t.i in {d.i for d in prep.head.subtree}:
                place = t.doc[prep.i:obj.right_edge.i + 1].text
                break
        if place:
            replace[t.i] = place
        else:
            nowhere.add(t.i)
    return [t for t in tokens if t.i not in nowhere]


def _without_what_it_measured(tokens: list[Any]) -> list[Any]:
    """A comparison or a measure of time whose other side was dropped: "stacked on the
    tarmac faster [than it could be moved]", "crowned, a little under two decades [after
    the couple married]". Faster than what, two decades after what, the title cannot say."""
    kept = {t.i for t in tokens}
    gone: set[int] = set()
    for t in tokens:
        than = t.dep_ == "advmod" and t.tag_ in ("RBR", "JJR") and any(
            c.i not in kept and (c.lower_ == "than" or any(
                m.lower_ == "than" for m in c.children if m.dep_ == "mark"))
            for c in t.children)
        since = t.dep_ == "npadvmod" and t.ent_type_ in ("DATE", "TIME") and any(
            c.i not in kept and (c.dep_ == "advcl" or c.dep_ == "prep"
                                 and c.lower_ in ("after", "before"))
            for c in t.children)
        if than or since:
            gone |= {d.i for d in t.subtree}
    if not gone:
        return tokens
    doc = tokens[0].doc
    left = min(gone)
    if left > 0 and doc[left - 1].text == ",":
        gone.add(left - 1)  # the comma that set it off
    return [t for t in tokens if t.i not in gone]


def _content(tokens: list[Any]) -> bool:
    """A phrase worth keeping: more than a stray preposition or punctuation."""
    return any(t.pos_ not in ("ADP", "PUNCT", "DET", "CCONJ", "SCONJ", "PART") for t in tokens)
