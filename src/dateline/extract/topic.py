"""The thing an article is about, and the "it" that stands for it.

A story about one thing (a painting sold, a spacecraft's flyby, a collapsed building)
names it in its lead and then calls it "it" for paragraphs: "The picture's history reads
like a detective novel. Painted around 1500, it ... and it vanished". The nearest earlier
subject that is a thing tells which thing an "it" means; when that is the story's own
thing, or an "it" already bound to it, the "it" gets the thing's name. Anything else
(a plain "the project", a person, a plural) leaves the pronoun for review.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dateline.extract.names import BUSINESS_NOUNS, PERSON_ROLES, aged

# Nouns a story uses for one named thing of their kind: "Cyclone Idai ... the storm",
# "the Dali, a container vessel ... the ship", "a painting ... the panel ... the work".
KINDS = ({"storm", "cyclone", "hurricane", "typhoon"}, {"stadium", "ground", "venue", "arena"},
         {"ship", "vessel", "freighter", "tanker", "ferry", "liner"},
         {"spacecraft", "craft", "probe", "orbiter"},
         {"painting", "picture", "panel", "canvas", "portrait", "work", "masterpiece"})
_SUBJECTS = ("nsubj", "nsubjpass")
# Verbs by which a story gives a thing its name: "the panel, known as 'Salvator Mundi'".
_NAMING = {"know", "call", "name", "dub", "title"}
_NOT_A_THING = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY", "ORDINAL",
                "PERSON", "NORP"}


@dataclass(frozen=True)
class Topic:
    """The article's own thing: its name and the nouns that stand for it."""

    name: str
    nouns: frozenset[str]


def kind_of(lemma: str) -> set[str]:
    """The nouns that name things of ``lemma``'s kind ("picture" -> painting, panel, ...),
    or just ``lemma``."""
    return next((set(k) for k in KINDS if lemma in k), {lemma})


def main_thing(doc: Any) -> Topic | None:
    """The thing the lead sentence is about, when its subject is one (not a person, a
    company or a plural) and the article gives it a name: "NASA's New Horizons
    spacecraft swept past Pluto"; "A painting ... sold ... The panel, known as 'Salvator
    Mundi'"."""
    sents = list(doc.sents)
    if not sents:
        return None
    root = sents[0].root
    subj = next((c for c in root.children if c.dep_ in _SUBJECTS), None)
    if subj is None or subj.pos_ != "NOUN" or subj.tag_ != "NN" or aged(subj) \
            or subj.lemma_.lower() in PERSON_ROLES | BUSINESS_NOUNS or subj.ent_type_:
        return None
    nouns = kind_of(subj.lemma_.lower())
    named = [c for c in subj.children if c.dep_ == "compound" and c.pos_ == "PROPN"
             and c.i < subj.i]
    if named and named[-1].i == subj.i - 1 and not any(
            c.ent_type_ in ("GPE", "LOC", "NORP") for c in named):  # "A London museum"
        # "NASA's New Horizons spacecraft" is New Horizons; "the Pyne Gould Corporation
        # building" is a building of that name, said whole.
        if len(nouns) > 1:
            return Topic(doc[named[0].i:subj.i].text, frozenset(nouns))
        return Topic("the " + doc[named[0].i:subj.i + 1].text, frozenset(nouns))
    for tok in doc:
        name = _given_name(tok, nouns)
        if name:
            return Topic(name, frozenset(nouns | {tok.lemma_.lower()}))
    return None


def _given_name(noun: Any, nouns: set[str]) -> str | None:
    """The name ``noun`` (a noun of the lead's kind) is given: "the panel, known as
    'Salvator Mundi'", "the panel, 'Salvator Mundi',"."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in nouns \
            or not any(c.lower_ == "the" for c in noun.children):
        return None
    for c in noun.children:
        if c.dep_ == "appos" and c.pos_ == "PROPN":
            return _proper(c)
        if c.dep_ == "acl" and c.lemma_.lower() in _NAMING:
            for p in c.children:
                obj = [g for g in p.children if g.dep_ == "pobj" and g.pos_ == "PROPN"] \
                    if p.dep_ == "prep" and p.lower_ == "as" else \
                    [p] if p.dep_ == "oprd" and p.pos_ == "PROPN" else []
                if obj:
                    return _proper(obj[0])
    return None


def _proper(tok: Any) -> str:
    parts = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return " ".join([*(p.text for p in parts), tok.text])


def thing_before(tok: Any, topic: Topic | None, resolve: Callable[[Any], str | None],
                 strict: bool = False) -> str | None:
    """What an "it" at ``tok`` stands for, from the nearest earlier subject that is a
    thing, in its sentence or the one before (its own clause's subject aside: "dealers
    bought it" is not the dealers): the article's thing by name, an earlier "it" bound
    already, or a thing the story names there ("The Pyne Gould Corporation building
    pancaked, although rescuers brought people out of it"). None when the nearest such
    subject is anything else. ``strict`` (for an "it" past the subject, which names
    an object as often as a subject) takes only the article's thing, a thing named
    with its noun, or an earlier "it"."""
    sents = list(tok.doc.sents)
    here = next(n for n, s in enumerate(sents) if s.start <= tok.i < s.end)
    start = sents[max(0, here - 1)].start
    own = own_subject(tok)
    skip = {t.i for t in own.subtree} if own is not None else set()
    verb = tok.head
    for cand in reversed(tok.doc[start:tok.i]):
        if cand.i in skip:
            continue
        if cand.dep_ == "dobj" and verb.dep_ == "conj" and cand.head.i == verb.head.i:
            # "It placed the work in an evening sale ... and sent it on a tour".
            return _thing_name(cand, topic, strict)
        if cand.dep_ not in _SUBJECTS and not (cand.dep_ == "ROOT" and cand.pos_ == "NOUN"):
            continue  # (a noun at the root: "The picture's history before that reads", misparsed)
        if cand.lower_ == "it":
            return resolve(cand)
        if cand.tag_ in ("WDT",) and cand.head.dep_ == "relcl":
            cand = cand.head.head  # "the building, which ...": the building
        if cand.pos_ == "PRON" or cand.tag_ in ("NNS", "NNPS") \
                or cand.ent_type_ in _NOT_A_THING or cand.lemma_.lower() in PERSON_ROLES:
            continue  # "it" is no person and no plural: look further back
        return _thing_name(cand, topic, strict)
    return None


def own_subject(tok: Any) -> Any | None:
    """The subject of the clause ``tok`` is an object in (through its preposition, and
    shared across "and": "arrived and greeted him")."""
    verb = tok.head
    while verb.dep_ in ("prep", "agent") and verb.head.i != verb.i:
        verb = verb.head
    while verb is not None:
        subj = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subj is not None:
            return subj
        if verb.dep_ not in ("conj", "xcomp") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _thing_name(noun: Any, topic: Topic | None, strict: bool = False) -> str | None:
    """The name of the thing ``noun`` is: the article's own (its noun, or the subject of
    that thing's "history"), a proper name, or "the <name> <noun>"."""
    lemma = noun.lemma_.lower()
    if topic is not None and (lemma in topic.nouns or noun.text == topic.name.split()[-1]):
        return topic.name
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if topic is not None and owner is not None and owner.lemma_.lower() in topic.nouns:
        return topic.name  # "The picture's history reads like a novel. Painted in 1500, it"
    if noun.pos_ == "PROPN":
        if strict:
            return None  # "The agency approved the vaccine ... decided to test it"
        ent = next((e for e in noun.doc.ents if e.start <= noun.i < e.end), None)
        return re.sub(r"^[Tt]he ", "", ent.text) if ent is not None else _proper(noun)
    named = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
    if noun.tag_ == "NN" and named and all(c.pos_ == "PROPN" for c in named) \
            and any(c.lower_ == "the" for c in noun.children):
        words = noun.doc[named[0].left_edge.i:noun.i + 1].text
        return re.sub(r"^(?:the )?", "the ", words)
    return None
