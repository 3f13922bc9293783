"""What happened, from the parse: an event's verb, its subject and object, and its words.

Two articles that report one event word it differently ("Police arrested two men on
Saturday", "Two men were arrested on 23 March"), so the store matches events across
articles on these parts of the parse rather than on the title's words alone. A passive
clause is turned round: its grammatical subject is what the verb acted on (the object),
and its "by" agent is the subject.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from dateline.extract.events import ExtractedEvent

_SUBJ = ("nsubj", "csubj", "expl")
_PASSIVE_SUBJ = ("nsubjpass", "csubjpass")
_OBJ = ("dobj", "obj", "attr", "oprd", "dative")
_CONTENT = ("NOUN", "PROPN", "VERB", "ADJ", "NUM")


_DETERMINERS = ("the ", "a ", "an ")

# Verbs that name a change of state with the word after them ("became stuck", "went
# quiet", "ran aground"): the pair is the act, not the verb alone.
_STATE_VERBS = frozenset({"become", "go", "get", "fall", "turn", "run"})
_STATE_DEPS = ("acomp", "oprd", "advmod", "advcl")
_CONTACT = frozenset({"contact", "touch", "communication", "communications", "signal"})
# Verbs of moving on foot or by going: with "into" they say the same as "enter" ("the
# boys walked into the cave", "the boys entered the cave").
_MOTION_VERBS = frozenset({"walk", "go", "venture", "wander", "head", "hike", "crawl",
                           "climb", "swim", "wade", "move", "march", "stroll"})


def _head_word(tok: Any) -> str:
    """The word that stands for a noun phrase: a name in full ("Francis Scott Key"), else
    the noun's lemma ("men" -> "man")."""
    if tok.ent_type_ and tok.ent_iob_ != "O":
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        if ent is not None:
            name = ent.text.casefold()
            for det in _DETERMINERS:
                name = name.removeprefix(det)
            return name
    if tok.dep_ == "compound" or tok.pos_ == "PRON":
        return ""  # a pronoun names nothing by itself; the names of the event say who
    lemma = tok.lemma_.casefold()
    if lemma in ("vote", "motion", "ballot") and any(
            "confidence" in t.lower_ for t in tok.lefts):
        return "confidence vote"  # a motion in parliament, not an election
    return lemma


def act_of(verb: Any) -> str:
    """The act a verb names, as the store compares it: the lemma with its particle
    ("came down" -> "come down", "picked up" -> "pick up"), a change of state with its
    word ("became stuck" -> "become stuck"), a going "into" somewhere -> "enter"; else
    the lemma."""
    lemma = verb.lemma_.casefold()
    for child in verb.children:
        if child.dep_ == "prt":
            return f"{lemma} {child.text.casefold()}"
    if lemma in _STATE_VERBS:
        for child in verb.children:
            if child.dep_ in _STATE_DEPS and child.pos_ in ("ADJ", "ADV", "VERB") \
                    and child.i == verb.i + 1 and not child.lower_.endswith("ly"):
                return f"{lemma} {child.text.casefold()}"
    if lemma == "lose" and any(c.dep_ in _OBJ and c.lemma_.casefold() in _CONTACT
                               for c in verb.children):
        return "lose contact"  # "lost contact", "lost touch": a craft that went quiet
    if lemma in _MOTION_VERBS and any(c.dep_ == "prep" and c.lower_ == "into"
                                      for c in verb.children):
        return "enter"
    return lemma


def _parts(verb: Any) -> tuple[str, str]:
    """(subject, object) of ``verb`` as head words, a passive turned round."""
    subj = obj = ""
    for child in verb.children:
        if child.dep_ in _SUBJ and not subj:
            subj = _head_word(child)
        elif child.dep_ in (*_PASSIVE_SUBJ, *_OBJ) and not obj:
            obj = _head_word(child)
        elif child.dep_ == "agent" and not subj:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                subj = _head_word(pobj)
    if not obj:
        # "collapsed into the river", "died in hospital": a prepositional object names
        # what the event was about when there is no direct one.
        for child in verb.children:
            if child.dep_ == "prep":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME"):
                    obj = _head_word(pobj)
                    break
    if not subj and verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
        subj, _ = _parts(verb.head)  # "... and was taken to hospital": the first verb's
    return subj, obj


def roles_of(doc: Any) -> tuple[tuple[str, str], ...]:
    """(role, name) pairs an article states: "its chief executive, Dennis Muilenburg",
    "Saman Kunan, a former navy diver", "President Sebastián Piñera" -> ("executive",
    "dennis muilenburg"), ("diver", "saman kunan"), ("president", "sebastián piñera"). Another
    article that says only "the former chief executive" or "the diver" means that person."""
    out: dict[tuple[str, str], None] = {}
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        name = ent.text.casefold()
        root = ent.root
        roles = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        roles += [c for c in root.children if c.dep_ == "compound" and c.i < ent.start
                  and c.pos_ in ("NOUN", "PROPN") and c.ent_type_ in ("", "NORP")]
        if root.dep_ == "appos" and root.head.pos_ == "NOUN":
            roles.append(root.head)
        for tok in roles:
            role = tok.lemma_.casefold().rstrip(".")
            if role.isalpha() and len(role) > 2:
                out[(role, name)] = None
    return tuple(out)


def describe(doc: Any, ev: ExtractedEvent,
             roles: tuple[tuple[str, str], ...] = ()) -> ExtractedEvent:
    """``ev`` with its verb lemma, subject, object and content lemmas from ``doc``, and
    the roles its article gives people (:func:`roles_of`)."""
    span = doc.char_span(ev.anchor[0], ev.anchor[1], alignment_mode="expand")
    if span is None or not len(span):
        return ev
    verb = span.root
    subj, obj = _parts(verb)
    if not subj:
        subj = _title_subject(ev.title, verb.text)
    lemmas: dict[str, None] = {}
    for a, b in ev.words:
        words = doc.char_span(a, b, alignment_mode="expand")
        for tok in words or ():
            if tok.pos_ in _CONTENT and not tok.is_stop and tok.ent_type_ not in (
                    "DATE", "TIME") and len(tok.text) > 1:
                lemmas[tok.lemma_.casefold()] = None
    return dataclasses.replace(ev, verb=act_of(verb), subject=subj, object=obj,
                               lemmas=tuple(lemmas), roles=roles)


def _title_subject(title: str, verb: str) -> str:
    """The subject's last word in the title, where the clause's own subject is a pronoun
    or missing: the title names what the pronoun stands for ("it struck" -> "The ship
    struck the span" -> "ship")."""
    words = title.split()
    lowered = [w.casefold() for w in words]
    if verb.casefold() not in lowered:
        return ""
    before = [w.strip(",.'’\"").casefold() for w in words[:lowered.index(verb.casefold())]]
    before = [w for w in before if w.isalpha() and w not in ("was", "were", "is", "are",
                                                             "has", "have", "had", "been")]
    return before[-1] if before else ""


def describe_title(nlp: Any, titles: list[str]) -> list[tuple[str, str, str, tuple[str, ...]]]:
    """(verb, subject, object, lemmas) of each title, parsed as a sentence: what an event
    file already in the folder can be matched on (the file keeps no parse)."""
    out = []
    for doc in nlp.pipe(titles):
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        if root is None:
            out.append(("", "", "", ()))
            continue
        subj, obj = _parts(root)
        lemmas = tuple(dict.fromkeys(
            t.lemma_.casefold() for t in doc if t.pos_ in _CONTENT and not t.is_stop
            and t.ent_type_ not in ("DATE", "TIME") and len(t.text) > 1))
        out.append((act_of(root), subj, obj, lemmas))
    return out
