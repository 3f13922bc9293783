"""What a description's kinship says about who is who: "The 65-year-old, the daughter of
the strongman Park Chung-hee, was elected" is a woman and not Park Chung-hee; the "her"
of "her mother" in the next sentence is that daughter, not the father just named.

The small model gives most names no gender, so the nearest earlier person (a man the
story called "he" once) had been taken for "the 65-year-old", and the father, the last
person named, for "her".
"""

from __future__ import annotations

from typing import Any

from dateline.extract.names import Names, title_gender

_CHILDREN = {"daughter": "f", "son": "m", "granddaughter": "f", "grandson": "m"}
_KIN = _CHILDREN | {"wife": "f", "widow": "f", "mother": "f", "sister": "f",
                    "husband": "m", "widower": "m", "father": "m", "brother": "m"}


def kin_gender(noun: Any) -> str | None:
    """The gender a kinship apposition gives ``noun`` ("the 65-year-old, the daughter of
    ..." -> "f"), or None."""
    for c in noun.children:
        if c.dep_ == "appos" and c.i > noun.i and c.pos_ == "NOUN" \
                and c.lemma_.lower() in _KIN:
            return _KIN[c.lemma_.lower()]
    return None


def person_of_gender(names: Names, offset: int, start: int, gender: str) -> str | None:
    """The nearest person before ``offset`` (from ``start`` on) the article gives
    ``gender`` by a title ("Ms. Park"): for a description whose kinship says which."""
    found = [m for m in names.mentions if m.kind == "people" and start <= m.start
             and m.end <= offset and m.gender == gender]
    return found[-1].name if found else None


def child_for(tok: Any) -> Any | None:
    """For a "her"/"his" in the sentence after (or the same sentence as) "X, the
    daughter of Y": the noun of X, the child, whom "her" means; None when no such
    phrase is near or its gender is the other."""
    if tok.lower_ not in ("her", "his") or tok.tag_ != "PRP$":
        return None
    gender = "f" if tok.lower_ == "her" else "m"
    sents = list(tok.doc.sents)
    here = next(n for n, s in enumerate(sents) if s.start <= tok.i < s.end)
    start = sents[max(0, here - 1)].start
    for t in reversed(tok.doc[start:tok.i]):
        said = _CHILDREN.get(t.lemma_.lower())
        if said is None or t.dep_ != "appos" or t.head.i >= t.i:
            continue
        parent = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj" and g.ent_type_ == "PERSON"]
        if not parent:
            continue
        if said != gender or title_gender([t.head.lower_]) not in (None, gender):
            return None
        return t.head
    return None


_SPOUSES = {"wife", "husband", "partner", "fiancée", "fiancee", "fiancé", "fiance"}


def couple(noun: Any, resolve: Any) -> str | None:
    """Who "the couple" is: the person and spouse the article joined last before it ("he
    ... with his wife, Lisa" -> "Nick Leeson and his wife Lisa"), when the his/her names
    someone. None when no such pair is said, or two are."""
    if noun.lemma_.lower() != "couple" or noun.tag_ != "NN":
        return None
    pairs = []
    for t in noun.doc[:noun.i]:
        if t.lemma_.lower() not in _SPOUSES or t.pos_ != "NOUN":
            continue
        owner = next((c for c in t.children if c.dep_ == "poss"
                      and c.lower_ in ("his", "her")), None)
        named = next((c for c in t.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if owner is not None and named is not None:
            pairs.append((owner, t, named))
    if len({p[2].text for p in pairs}) != 1:
        return None
    owner, spouse, named = pairs[-1]
    who = resolve(owner)
    if not who:
        return None
    words = [c for c in named.children if c.dep_ == "compound" and c.i < named.i]
    return f"{who} and {owner.lower_} {spouse.text} " + " ".join([*(w.text for w in words),
                                                                  named.text])
