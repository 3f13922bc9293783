"""People, places and organisations of an article, from spaCy's named entities, and the
antecedents of pronouns.

A name is reported in its longest form in the article ("Lagarde" -> "Christine Lagarde"),
and a pronoun is replaced by the nearest earlier antecedent of the same kind, preferring
one that was a grammatical subject: in "Jones backed Smith's plan. He told the
council ..." the "He" is Jones, not the nearer Smith.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

KINDS = {"PERSON": "people", "GPE": "places", "LOC": "places", "ORG": "organizations"}
# Nouns that stand for a company, a club or a team named elsewhere in the article.
BUSINESS_NOUNS = {"company", "firm", "exchange", "bank", "group", "carrier", "airline",
                   "lender", "insurer", "retailer", "automaker", "carmaker", "chipmaker",
                   "club", "team", "network", "platform", "startup", "conglomerate",
                   "operator", "broadcaster", "publisher", "manufacturer", "utility"}
# Nouns a story uses for the one person it is about, after naming them: "the patient",
# "the defendant", "the singer". A title is better with the name.
PERSON_ROLES = {"patient", "victim", "suspect", "defendant", "accused", "gunman", "attacker",
                "driver", "pilot", "singer", "actor", "actress", "striker", "goalkeeper",
                "winger", "midfielder", "batsman", "bowler", "athlete", "sprinter", "author",
                "novelist", "billionaire", "founder", "entrepreneur", "tycoon", "swimmer",
                "climber", "surgeon", "rapper", "musician", "songwriter", "comedian"}
PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}


def is_age(tok: Any) -> bool:
    """Whether ``tok`` heads an age, "the 44-year-old": one token or, as the model often
    splits it, "44 - year - old" under "old"."""
    if re.fullmatch(r"\d+-year-old", tok.lower_):
        return True
    if tok.lower_ != "old" or tok.i < 4:
        return False
    return re.fullmatch(r"\d+-year-old", tok.doc[tok.i - 4:tok.i + 1].text.lower()) is not None


def aged(noun: Any) -> bool:
    """A person told by age: "the 44-year-old", "the 73-year-old former army officer"."""
    return is_age(noun) or any(is_age(c) for c in noun.children if c.dep_ == "amod")
THING_PRONOUNS = {"it", "its"}
GROUP_PRONOUNS = {"they", "them", "their"}
POSSESSIVE = {"his", "her", "its", "their"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}


@dataclass(frozen=True)
class Mention:
    """One named entity in the text, with its kind and its article-wide canonical form."""

    start: int  # character offsets into the article text
    end: int
    kind: str  # people, places, organizations
    name: str
    is_subject: bool
    is_main: bool = False  # the subject of its sentence's main verb
    gender: str | None = None  # "m" or "f" where a title says so (Mr, Queen, Duke, ...)


def _clean(text: str) -> str:
    text = " ".join(text.split())
    text = re.sub(r"^(?:the|The)\s+", "", text)
    text = re.sub(r"['’]s?$", "", text)
    clean = text.strip(" ,.;:-–—\"“”'‘’")
    if re.search(r"(?:\b[A-Z]\.){2,}$", text.rstrip(" ,;:")):
        clean += "."  # "N.C.A.A.": the last stop is the abbreviation's
    return clean


def _plausible(kind: str, name: str) -> bool:
    """Drop what the small model often mislabels: numbers, lower-case words, one letter."""
    if len(name) < 2 or not name[:1].isupper() or re.search(r"\d", name):
        return False
    if kind == "people":
        # A person's name is one to four capitalised words ("Christine Lagarde").
        words = name.split()
        return len(words) <= 4 and all(w[:1].isupper() or w in {"de", "van", "von", "bin",
                                                                "al", "da", "der", "la"}
                                       for w in words)
    return True


class Names:
    """The named entities of one parsed article."""

    def __init__(self, doc: Any) -> None:
        found: list[tuple[Any, str, str]] = []
        storms = {ent.text.split()[-1] for ent in doc.ents if _named_thing(ent)}
        # "Christie's had left nothing to chance": an "'s" that owns nothing is the name's.
        owned = {_clean(ent.text) for ent in doc.ents if ent.label_ == "ORG"
                 and re.search(r"['’]s$", ent.text) and ent.root.dep_ in _SUBJECT_DEPS
                 and ent.root.i + 1 < len(doc) and ent.doc[ent.end - 1].dep_ == "case"}
        for ent in doc.ents:
            kind = KINDS.get(ent.label_)
            if kind == "people" and (_named_thing(ent) or ent.text in storms):
                continue  # "Hurricane Ian", and then "Ian": a storm, not a person
            name = _clean(ent.text) if kind else ""
            if kind == "people":
                name = _first_names(ent) + name
            if kind == "organizations" and name in owned:
                name += "'s"
            if kind and _plausible(kind, name):
                found.append((ent, kind, name))
        # The small model reads a bare surname as a place or a company now and then: a
        # name that is a person's elsewhere in the article is that person.
        surnames = {n.split()[-1] for _, k, n in found if k == "people" and len(n.split()) > 1}
        found = [(ent, "people" if name in surnames else kind, name)
                 for ent, kind, name in found]
        # "Mr Mnangagwa" is a person, and so is "Emmerson Mnangagwa" the model read as a
        # company: a name ending in a surname the article gives an honorific.
        honoured = {name.split()[-1] for ent, kind, name in found if kind == "people"
                    and len(name.split()) <= 2 and _gender(ent)}
        found = [(ent, "people" if kind != "people" and len(name.split()) in (2, 3)
                  and name.split()[-1] in honoured else kind, name)
                 for ent, kind, name in found]
        # "the Louvre": a one-word name after "the" is no person's, whatever its label.
        found = [(ent, "organizations" if kind == "people" and len(ent) == 1 and ent.start
                  and doc[ent.start - 1].lower_ == "the" else kind, name)
                 for ent, kind, name in found]
        # "Neymar, 25, signed ...", "Neymar and his father": what the text says of a name
        # outweighs the model's label for it elsewhere ("Neymar" read as a company).
        persons = {name for ent, kind, name in found if kind != "people" and _said_a_person(ent)}
        found = [(ent, "people" if name in persons else kind, name) for ent, kind, name in found]
        # "in Mingora", "in Mingora" again: a "person" only ever found *in* is a place.
        located: dict[str, bool] = {}
        for ent, kind, name in found:
            if kind == "people":
                inside = ent.root.dep_ == "pobj" and ent.root.head.lower_ in ("in", "near")
                located[name] = located.get(name, True) and inside
        found = [(ent, "places" if kind == "people" and located.get(name) else kind, name)
                 for ent, kind, name in found]
        canon = _canonical_forms((kind, name) for _, kind, name in found)
        genders: dict[str, str] = {}
        for ent, kind, name in found:
            g = _gender(ent)
            if kind == "people" and g:
                genders.setdefault(canon[(kind, name)], g)
        self.mentions = [
            Mention(ent.start_char, ent.end_char, kind, canon[(kind, name)],
                    ent.root.dep_ in _SUBJECT_DEPS,
                    ent.root.dep_ in _SUBJECT_DEPS and ent.root.head.dep_ == "ROOT",
                    genders.get(canon[(kind, name)]))
            for ent, kind, name in found]

    def within(self, spans: Iterable[tuple[int, int]]) -> dict[str, list[str]]:
        """Canonical names of each kind that fall inside ``spans``, in text order."""
        spans = list(spans)
        out: dict[str, list[str]] = {"people": [], "places": [], "organizations": []}
        for m in self.mentions:
            if any(a <= m.start and m.end <= b for a, b in spans) and m.name not in out[m.kind]:
                out[m.kind].append(m.name)
        return out

    def entity_at(self, start: int, end: int) -> Mention | None:
        """The entity that covers the characters ``start:end``, if any."""
        for m in self.mentions:
            if m.start <= start and end <= m.end:
                return m
        return None

    def person_before(self, offset: int, window_start: int,
                      gender: str | None = None, exclude: str | None = None) -> str | None:
        """The person a he/she at ``offset`` most likely means, from ``window_start`` on:
        the nearest earlier main-clause subject, else subject, else person; never one
        whose title says the other gender ("she" is not "the Duke"), nor ``exclude``."""
        earlier = [m for m in self.mentions
                   if m.kind == "people" and window_start <= m.start and m.end <= offset
                   and not (gender and m.gender and m.gender != gender) and m.name != exclude]
        for pool in ([m for m in earlier if m.is_main], [m for m in earlier if m.is_subject],
                     earlier):
            if pool:
                return pool[-1].name
        return None


_MALE = {"mr", "sir", "king", "prince", "duke", "lord", "earl", "baron", "father", "brother",
         "uncle", "son", "husband", "mr."}
_FEMALE = {"mrs", "ms", "miss", "queen", "princess", "duchess", "lady", "dame", "mother",
           "sister", "aunt", "daughter", "wife", "mrs.", "ms."}


def _gender(ent: Any) -> str | None:
    """The gender a title before or at the start of a name gives ("Mrs May", "Queen
    Elizabeth", "the Duke of Edinburgh"), or None."""
    doc = ent.doc
    said = title_gender(t.lower_ for t in doc[max(0, ent.start - 2):ent.start + 1])
    if said:
        return said
    # "Diana, Princess of Wales": a title in apposition says it too.
    return next((g for c in ent.root.children if c.dep_ == "appos" and c.i > ent.root.i
                 for g in [title_gender([c.lower_])] if g), None)


def title_gender(words: Iterable[str]) -> str | None:
    """"m" or "f" when one of ``words`` is a title that says so ("Mrs", "Duke"), else
    None."""
    words = [w.lower().strip(".") for w in words]
    if any(w in _MALE for w in words):
        return "m"
    if any(w in _FEMALE for w in words):
        return "f"
    return None


_STORMS = {"hurricane", "storm", "typhoon", "cyclone", "tropical"}
# Words that only say what kind of body an organisation is: "Microsoft Corp" is
# Microsoft, "FTX Arena" is not FTX.
_ORG_SUFFIXES = {"inc", "corp", "corporation", "co", "company", "group", "holdings", "ltd",
                 "plc", "llc", "sa", "ag", "international", "limited"}


def _said_a_person(ent: Any) -> bool:
    """Whether the text around ``ent`` says it is a person whatever the model's label:
    an age beside it ("Neymar, 25,"), a person's noun in apposition ("Neymar, the
    Brazilian forward"), or a his/her that can only be its ("Neymar and his father")."""
    root = ent.root
    for c in root.children:
        if c.dep_ != "appos" or c.i < root.i:
            continue
        if c.like_num and c.text.isdigit() and 14 <= int(c.text) <= 110 or is_age(c):
            return True
        if c.pos_ == "NOUN" and c.lemma_.lower() in PERSON_ROLES:
            return True
    conj = [c for c in root.children if c.dep_ == "conj"]
    return any(g.dep_ == "poss" and g.lower_ in ("his", "her") and g.i < c.i
               for c in conj for g in c.children)


def _named_thing(ent: Any) -> bool:
    words = [t.lower_ for t in ent.doc[max(0, ent.start - 1):ent.end]]
    return any(w in _STORMS for w in words)


def _same_body(kind: str, short: list[str], longer: list[str]) -> bool:
    """Whether ``longer`` is a fuller form of the name ``short``: a person's surname or
    first names ("Lagarde", "Christine Lagarde"); an organisation or place only with a
    word that says what kind of body it is."""
    if kind == "people":
        return longer[-len(short):] == short or longer[:len(short)] == short
    return longer[:len(short)] == short and all(
        w.lower().strip(".,") in _ORG_SUFFIXES for w in longer[len(short):])


def _canonical_forms(items: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Map each (kind, name) to the longest name of its kind that is a fuller form of it
    ("Lagarde" and "Christine Lagarde" -> "Christine Lagarde")."""
    items = list(items)
    first = {kn: n for n, kn in reversed(list(enumerate(items)))}
    names = sorted(set(items), key=lambda kn: -len(kn[1]))
    out: dict[tuple[str, str], str] = {}
    for kind, name in names:
        words = name.split()
        best = name
        fuller = [(k2, longer) for k2, longer in names if k2 == kind
                  and len(longer.split()) > len(words) and _same_body(kind, words, longer.split())]
        if fuller:
            best = fuller[0][1]
        if kind == "people" and len(fuller) > 1:
            # "Akio Toyoda ... his grandfather Kiichiro Toyoda ... Mr. Toyoda": a surname
            # two people share is the one the article named first (a story's second
            # reference is to its own person), when it named them before the surname.
            told = min(fuller, key=lambda kn: first[kn])
            best = told[1] if first[told] < first[(kind, name)] else name
        if best == name and kind == "people" and len(words) > 1 \
                and words[0].lower().rstrip(".") in _HONORIFICS:
            # "Ms Yousafzai" is "Malala Yousafzai" when the article names one such person.
            fuller = {longer for k2, longer in names if k2 == kind and longer != name
                      and longer.split()[0].lower().rstrip(".") not in _HONORIFICS
                      and _same_body(kind, words[1:], longer.split())
                      and len(longer.split()) > len(words) - 1}
            if len(fuller) == 1:
                best = fuller.pop()
        out[(kind, name)] = best
    return out


_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof"}


# Words before a name that are no part of it: "President Trump", "Commissioner Silver".
_NOT_A_FIRST_NAME = {"president", "prime", "minister", "general", "judge", "commissioner",
                     "senator", "governor", "mayor", "pope", "chancellor", "coach", "captain",
                     "chief", "justice", "secretary", "speaker", "dr", "prof", "professor",
                     "rev", "saint", "st", "ambassador", "colonel", "sergeant", "lieutenant",
                     "emperor", "empress", "sultan", "emir", "mp", "chairman", "director",
                     "manager", "officer", "cardinal", "bishop", "archbishop", "sheikh"}


def _first_names(ent: Any) -> str:
    """First names the model left out of a person's entity ("Anders" of "Anders Behring
    Breivik"): proper nouns before it that modify its head, titles aside."""
    doc = ent.doc
    first = ent.start
    while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].dep_ == "compound" \
            and ent.start <= doc[first - 1].head.i < ent.end and not doc[first - 1].ent_type_ \
            and doc[first - 1].text[:1].isupper() and doc[first - 1].lower_.strip(".") \
            not in _NOT_A_FIRST_NAME | _MALE | _FEMALE | _HONORIFICS:
        first -= 1
    return "".join(t.text_with_ws for t in doc[first:ent.start])
