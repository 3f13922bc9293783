"""The name a noun phrase gives itself: "a previous machine in the same tunnel, the Large
Electron-Positron Collider, was switched off", "The $2.5 billion mission, formally called
the Mars Science Laboratory, began", "the Tevatron, the American collider that was shut
down". A title drops the apposition as an aside and keeps the description; read alone,
it is better with the name the sentence gave."""

from __future__ import annotations

import re
from typing import Any

# Verbs by which a sentence names what it describes: "the mission, formally called ...".
_NAMING = {"call", "name", "dub", "know", "title", "christen"}
# Labels of names that can stand for a described thing (people have their own rules).
_THINGS = {"", "ORG", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LOC", "GPE", "LAW"}
# Words by which a description sets its thing apart from the one named beside it: "the
# Forth Road Bridge, its predecessor" is no name for "the new bridge".
_APART = {"predecessor", "successor", "rival", "neighbour", "neighbor", "sister", "parent",
          "subsidiary", "owner", "unit", "arm", "part", "division", "one", "member", "home"}


def own_name(noun: Any) -> str | None:
    """The name ``noun`` (a common noun) is given in its own phrase: an apposition ("a
    previous machine, the Large Electron-Positron Collider"), a naming participle ("the
    mission, formally called the Mars Science Laboratory") or, where the parser hung the
    apposition elsewhere, the name just before it ("data from the Tevatron, the American
    collider that ..."). None when the phrase names nothing, or names a person."""
    if noun.pos_ != "NOUN" or noun.tag_ != "NN" or noun.ent_type_ \
            or noun.lemma_.lower() in _APART:
        return None
    for c in noun.children:
        if c.i > noun.i and c.dep_ == "appos" and c.pos_ == "PROPN" \
                and c.ent_type_ in _THINGS and c.text[:1].isupper():
            return _spelled(c)
        if c.dep_ == "acl" and c.lemma_.lower() in _NAMING and c.i == _next_word(noun, c):
            for p in c.children:
                named = [g for g in p.children if g.dep_ == "pobj" and g.pos_ == "PROPN"] \
                    if p.dep_ == "prep" and p.lower_ == "as" else \
                    [p] if p.dep_ == "oprd" and p.pos_ == "PROPN" else []
                if named and named[0].ent_type_ in _THINGS:
                    return _spelled(named[0])
    if noun.dep_ != "appos":
        return None
    doc = noun.doc
    left = noun.left_edge.i
    if left < 2 or doc[left - 1].text != "," or (noun.i + 1 < len(doc)
                                                and doc[noun.i + 1].text == ","
                                                and noun.head.i > noun.i):
        return None
    before = doc[left - 2]
    head = noun.head if noun.head.pos_ == "PROPN" and noun.head.i < noun.i else before
    if head.pos_ != "PROPN" or head.i != left - 2 or head.ent_type_ not in _THINGS - {""} \
            or head.ent_type_ in ("GPE", "LOC"):
        return None  # "scientists at Fermilab, near Chicago": a place says where, not what
    return _spelled(head)


def _next_word(noun: Any, verb: Any) -> int:
    """Where a participle right after ``noun`` would be: past a comma and an adverb
    ("the mission, formally called")."""
    i = noun.i + 1
    doc = noun.doc
    while i < len(doc) and (doc[i].text == "," or doc[i].pos_ == "ADV"):
        i += 1
    return i if i < len(doc) else verb.i


def _spelled(tok: Any) -> str:
    """A name as the article says it: its entity whole, with "the" where the article
    puts one before it ("the Large Electron-Positron Collider", "the Tevatron")."""
    doc = tok.doc
    ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
    if ent is not None and ent.end - 1 == tok.i:
        start = ent.start
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound" \
                and doc[start - 1].head.i == tok.i and doc[start - 1].text[:1].isupper():
            start -= 1  # "Lord McDonald", where the entity is "McDonald"
        while start < tok.i and doc[start].pos_ != "PROPN":
            start += 1  # "the red Kestle Bridge" (as the model may take it) is "Kestle Bridge"
        words = doc[start:ent.end]
    else:
        first = min((t.i for t in tok.subtree if t.i <= tok.i and t.pos_ == "PROPN"
                     and all(w.pos_ in ("PROPN", "PUNCT") for w in doc[t.i:tok.i + 1])),
                    default=tok.i)
        words = doc[first:tok.i + 1]
    text = re.sub(r"^[Tt]he ", "", words.text)
    # "the red cantilever Forth Bridge" is "the Forth Bridge".
    the = words[0].lower_ == "the" or words.start > 0 and doc[words.start - 1].lower_ == "the" \
        or any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
    return ("the " if the else "") + text


def name_given(tokens: list[Any], subject: list[Any], replace: dict[int, str]) -> None:
    """The subject of a title by the name its own phrase gave it, when the title left that
    name out: "A previous machine in the same tunnel was switched off" -> "The Large
    Electron-Positron Collider was switched off"; a relative clause's "that" or "which"
    likewise ("the Tevatron, the American collider that was shut down" -> "The Tevatron
    was shut down")."""
    if not subject:
        return
    kept = {t.i for t in tokens}
    head = next((t for t in subject if t.head not in subject or t.head == t), None)
    if head is None:
        return
    if head.tag_ == "WDT" or head.lower_ == "that" and head.head.dep_ == "relcl":
        noun = head.head.head
        bound = which_noun(noun) if head.lower_ == "which" else None
        noun = bound if bound is not None else noun
        name = own_name(noun) if head.i in replace else None
        if name and not any(t.i in kept for t in _name_words(noun)):
            replace[head.i] = name
        return
    if head.i in replace or head.pos_ != "NOUN":
        return
    names = _names_after(head)
    if names and not any(t.i in kept for t in names[0].subtree):
        # "The twin rovers Spirit and Opportunity landed": the parser made the names a
        # second subject, which the title dropped.
        replace[head.i] = head.text + " " + head.doc[names[0].i:names[-1].i + 1].text
        return
    name = own_name(head)
    own = [c for c in head.children if c.i < head.i]
    if not name or not own or own[0].dep_ != "det" or any(
            t.i in kept for t in _name_words(head)) or any(
            c.dep_ in ("conj", "cc") or c.dep_ in ("acl", "relcl") and c.i in kept
            and c.lemma_.lower() not in _NAMING for c in head.children):
        # (a clause on the noun that the title keeps is what happened: "the currency used
        # before ..., the pound," is an event of its participle, not of a subject)
        return
    for c in head.children:
        if c.dep_ in ("det", "amod", "compound", "nummod", "prep", "quantmod", "nmod", "punct",
                      "advmod", "appos") or c.dep_ == "acl" and c.lemma_.lower() in _NAMING:
            for w in c.subtree:
                if w.i in kept:
                    replace[w.i] = ""
    replace[head.i] = name


def _names_after(noun: Any) -> list[Any]:
    """Names set right after a plural noun, as a second subject of its verb or its
    apposition ("the twin rovers Spirit and Opportunity"), first to last; [] when there
    are none."""
    doc = noun.doc
    if noun.tag_ != "NNS" or noun.i + 1 >= len(doc):
        return []
    first = doc[noun.i + 1]
    second = first.dep_ in ("nsubj", "nsubjpass") and first.head.i == noun.head.i
    if first.pos_ != "PROPN" or not (second or first.dep_ == "appos" and first.head.i == noun.i) \
            or first.ent_type_ in ("PERSON", "DATE", "GPE"):
        return []
    names = [first, *(c for c in first.subtree if c.dep_ == "conj" and c.pos_ == "PROPN")]
    return names if len(names) > 1 else []


def _name_words(noun: Any) -> list[Any]:
    """The words of the name ``noun``'s phrase gives it (to tell whether a title kept it)."""
    out = []
    for c in noun.children:
        if c.dep_ == "appos" and c.i > noun.i or c.dep_ == "acl" and c.lemma_.lower() in _NAMING:
            out.extend(w for w in c.subtree if w.pos_ == "PROPN")
    return out


def which_noun(head: Any) -> Any | None:
    """The noun a "which" stands for when the parser hung it on the wrong one: on a
    person ("a commission led by Alexandra Hale, which reported": "which" is never
    a person), or on a place set off after it ("the Louvre, in Paris, which is
    preparing"). None when the parse is right."""
    doc = head.doc
    if head.ent_type_ == "PERSON" and head.dep_ == "pobj":
        up = head.head.head  # "led" of "led by"
        if up.dep_ == "acl" and up.head.pos_ in ("NOUN", "PROPN"):
            return up.head
        return None
    if head.ent_type_ in ("GPE", "LOC") and head.dep_ == "pobj" and head.head.lower_ == "in" \
            and head.head.i >= 2 and doc[head.head.i - 1].text == "," \
            and doc[head.head.i - 2].pos_ in ("NOUN", "PROPN") \
            and doc[head.head.i - 2].ent_type_ not in ("DATE", "TIME"):
        return doc[head.head.i - 2]
    return None


def described_name(noun: Any, named_head: Any) -> str | None:
    """The name for "the <measure> <noun>" an "it" goes back to: its own phrase's name, or
    the one name the article gave a thing of that head noun ("the Large Hadron Collider
    ... The 27-kilometre collider ... It restarted"). A word that tells one such thing
    from another ("the new bridge", "the American collider") leaves the description."""
    name = own_name(noun)
    if name:
        return name
    mods = [c for c in noun.children if c.i < noun.i and c.dep_ != "det"]
    if not mods or not all(any(w.like_num for w in m.subtree) for m in mods):
        return None
    return named_head(noun, unique=True)


def head_name_of(tok: Any) -> str | None:
    """A name of the form "the <Noun> of <Name>" ("the Stone of Destiny", "the Bank of
    England"), for the bare noun it ends in later ("the stone"); None for anything else."""
    if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.dep_ == "compound":
        return None
    if not any(c.lower_ == "the" and c.dep_ == "det" for c in tok.children):
        return None
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
               and c.i == tok.i + 1), None)
    obj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    if obj is None or obj.pos_ != "PROPN" or obj.ent_type_ in ("GPE", "LOC", "DATE") \
            or not all(w.pos_ in ("PROPN", "ADP", "PUNCT", "DET") for w in obj.subtree):
        return None
    return "the " + tok.doc[tok.i:obj.right_edge.i + 1].text


def joined_subject(tok: Any) -> str | None:
    """The plural subject a "they" continues across "and"/"but" in one sentence:
    "ministers had promised ..., but they admitted" -> "ministers". Only a common noun
    (a name joined so is :meth:`Resolver._plural_subject`'s), with its own words."""
    verb = tok.head
    if tok.lower_ != "they" or tok.dep_ != "nsubj" or verb.dep_ != "conj":
        return None
    first = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if first is None or first.pos_ != "NOUN" or first.tag_ != "NNS" or first.ent_type_ \
            or first.i > tok.i:
        return None
    words = [c for c in first.children if c.i < first.i and c.dep_ in (
        "det", "amod", "nummod", "compound")]
    if any(w.dep_ == "det" and w.lower_ not in ("the",) for w in words):
        return None  # "some ministers", "these ministers": not a group to name
    return " ".join([*(w.text for w in words), first.text])
