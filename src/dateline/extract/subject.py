"""The subject of a title: whose clause it is (a relative pronoun stands for the noun
it hangs on, a "whose" for its owner), what the parser misread, and which name a bare
description, an owner or a title-holder gets ("The exchange halted withdrawals": the
exchange the article is about, by name)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from dateline.extract.names import aged
from dateline.extract.naming import TIME_WORDS
from dateline.extract.phrases import (
    NO_OBJECT_NOUNS,
    SUBJECTS,
    is_reporting,
    noun_head_phrase,
    phrase_of,
    subject_of,
    subject_of_own,
)
from dateline.extract.wording import join


def relative_misread(verb: Any) -> Any | None:
    """The speaker of a reporting verb the parser gave no subject because it read the
    speaker's relative clause as what was said: in "Letta, whose party came second, said
    on Monday that ...", "Letta ... came" is taken for a clause before "said"."""
    if not is_reporting(verb) or subject_of_own(verb) is not None:
        return None
    for c in verb.children:
        if c.dep_ != "ccomp" or c.i > verb.i:
            continue
        speaker = subject_of_own(c)
        if speaker is not None and speaker.pos_ == "PROPN" and speaker.i + 2 < c.i \
                and verb.doc[speaker.i + 1].text == "," \
                and verb.doc[speaker.i + 2].tag_ in ("WP", "WP$"):
            return speaker
    return None




def title_subject(verb: Any, drop: set[int],
             describe: Callable[[Any], str | None] | None = None
             ) -> tuple[list[Any], dict[int, str]]:
    """The subject phrase of ``verb`` and the replacements it needs."""
    replace: dict[int, str] = {}
    rel = verb
    while rel.dep_ == "conj" and rel.head.i != rel.i and (
            subject_of_own(rel) is None or subject_of_own(rel).tag_ in ("WDT", "WP")):
        rel = rel.head  # "the club that began ..., and which was bottom ...": the club
    shared = subject_of_own(rel) if rel is not verb and subject_of_own(verb) is None else None
    if shared is not None and shared.tag_ not in ("WDT", "WP") and shared.lower_ != "that":
        # "..., when the vessel capsized and sank in April", misread as a relative clause
        # of the noun before it: "sank" shares "capsized"'s own subject, the vessel.
        rel = verb
    if rel.dep_ in ("relcl", "acl") and rel.head.pos_ in ("NOUN", "PROPN", "PRON"):
        antecedent = rel.head
        if antecedent.pos_ == "NOUN" and antecedent.dep_ == "appos" \
                and antecedent.head.pos_ == "PROPN":
            # "Arturo Campos, an engineer who helped ...": Arturo Campos helped.
            antecedent = antecedent.head
        noun = noun_head_phrase(antecedent, drop | {t.i for t in rel.subtree})
        own = [c for c in verb.children if c.dep_ in SUBJECTS]
        named = next((c for c in antecedent.children if c.dep_ == "appos" and c.i > antecedent.i
                      and c.pos_ == "PROPN" and c.ent_type_ == "PERSON" and c.i < rel.i), None)
        if named is not None and antecedent.pos_ == "NOUN" and own and own[0].tag_ == "WP":
            # "the league's president, Javier Tebas, who said ...": Javier Tebas said.
            first = min(t.i for t in named.subtree if t.i <= named.i and t.pos_ == "PROPN")
            replace[own[0].i] = verb.doc[first:named.i + 1].text
            return [own[0]], replace
        if own and own[0].tag_ in ("WDT", "WP") or own and own[0].lower_ == "that":
            # "the court, which sits again": the court sits again; "a strike that began":
            # the strike began (it is the one just named).
            phrase = join(noun, {})
            replace[own[0].i] = re.sub(r"^(?:a|an)\s", "the ", phrase, flags=re.I)
            return [own[0]], replace
        phrase = re.sub(r"^(?:a|an)\s", "the ", join(noun, {}), flags=re.I)
        whose = [t for t in own[0].subtree if t.tag_ == "WP$"] if own else []
        if whose:  # "Kotick, whose tenure was overshadowed": Kotick's tenure
            replace[whose[0].i] = phrase + "'s"
            return phrase_of(own[0], drop), replace
        if own:  # "shares it had bought": "it" is the subject
            gap = [c for c in verb.children if c.dep_ in ("dobj", "pobj") and c.tag_ in ("WDT", "WP")
                   or c.dep_ == "dobj" and c.lower_ == "that"]
            if gap:
                # "the title, which they won": they won the title.
                replace[gap[0].i] = ""
                replace[verb.i] = verb.text + " " + phrase
            elif (own[0].pos_ == "PRON" or own[0].pos_ in ("NOUN", "PROPN")
                  and verb.pos_ == "VERB" and not any(c.dep_ in ("prep", "prt", "advcl")
                                                      and c.i not in drop
                                                      for c in verb.children)) \
                    and antecedent.lemma_.lower() not in NO_OBJECT_NOUNS \
                    and antecedent.ent_type_ not in ("DATE", "TIME") and not any(
                    c.lower_ in ("when", "where", "why", "while", "as") for c in verb.children) \
                    and not any(
                    c.dep_ in ("dobj", "attr", "ccomp", "xcomp", "acomp", "nsubjpass",
                               "auxpass") for c in verb.children):
                # ... and the noun is what the verb did: "a position it reached" -> it
                # reached a position; "a phrase analysts repeated" -> analysts repeated
                # the phrase. Not "the time it resurfaced" nor "the reason he quit".
                replace[verb.i] = verb.text + " " + (join(noun, {}) if own[0].pos_ == "PRON"
                                                     else phrase)
            return phrase_of(own[0], drop), replace
        return noun, replace
    subj = subject_of(verb)
    if subj is None or subj.i in drop:
        return [], replace
    phrase = phrase_of(subj, drop)
    while phrase and phrase[-1].text == "," and phrase[-1].head.i == subj.i \
            and sum(t.text == "," for t in phrase) % 2:
        # "a 15-year-old boy, Pemba Tamang, was pulled": the parser hung the description
        # on the date, which goes; the comma that closed it goes too.
        phrase.pop()
    if any(t.i > subj.i for t in phrase) and all(t.text == "," for t in phrase if t.i > subj.i):
        # "The company, which listed ..., sought": the commas of a trimmed aside.
        phrase = [t for t in phrase if t.i <= subj.i]
    phrase = _without_loose_asides(subj, phrase)
    named = next((c for c in subj.children if c.dep_ == "appos" and c.i > subj.i
                  and c.pos_ == "PROPN" and c.ent_type_ == "PERSON"), None)
    if named is not None and subj.pos_ == "NOUN" and subj.tag_ == "NN" and named.i not in drop \
            and subj.dep_ != "conj" and not any(c.dep_ in ("conj", "cc") for c in subj.children) \
            and any(c.dep_ in ("det", "poss") and c.i < subj.i for c in subj.children):
        # "A local farmer, Jon Hale, was found": the person by name.
        words = [t for t in named.subtree if t.i <= named.i and (
            t.pos_ == "PROPN" or t.dep_ == "det" and t.lower_ == "the")]
        if not any(t.ent_type_ == "PERSON" and t.dep_ not in ("poss", "case") for t in phrase):
            # (not "President Trump and North Korea's leader", misparsed as one noun)
            for t in phrase:
                replace[t.i] = ""
            replace[subj.i] = subj.doc[words[0].i:named.i + 1].text  # "Kim Jong-un"
            also = next((c for c in named.children if c.dep_ == "conj"), None)
            if also is not None and also.i not in drop:
                # "The head of the mission, Hédi Annabi, and his deputy were unaccounted
                # for": both of them.
                replace[subj.i] += " and " + join(phrase_of(also, drop), {})
            return phrase, replace
    if phrase and phrase[0].dep_ == "det" and phrase[0].lower_ in ("that", "this", "those", "these") \
            and phrase[0].head.i == subj.i and subj.lemma_.lower() not in TIME_WORDS:
        # "That plan was abandoned": a title is read alone, where "that" points nowhere.
        replace[phrase[0].i] = "the"
    person = subj.ent_type_ == "NORP" or aged(subj)
    if describe is not None and (subj.pos_ == "NOUN" or person) \
            and (bare_description(subj, phrase) or aged(subj) and phrase[0].lower_ == "the"
                 and all(t.i <= subj.i for t in phrase)):
        # "The exchange halted withdrawals": the exchange the article is about, by name.
        name = describe(subj)
        if name:
            for t in phrase:
                if t.i < subj.i:
                    replace[t.i] = ""
            replace[subj.i] = name
    company = getattr(getattr(describe, "__self__", None), "company", None)
    if company is not None and subj.lemma_.lower() in _COMPANY_PARTS and subj.i not in replace \
            and [t.lower_ for t in phrase if t.i <= subj.i] == ["the", subj.lower_]:
        # "The shares fell 11 percent": whose shares, when the story is a company's.
        name = company(subj)
        if name:
            replace[phrase[0].i] = name + "'s"
    owner = next((c for c in subj.children if c.dep_ == "poss" and c.pos_ == "NOUN"), None)
    if describe is not None and owner is not None and subj.i not in replace \
            and [t.lower_ for t in owner.subtree] in (["the", owner.lower_, "'s"],
                                                      ["the", owner.lower_, "’s"]):
        # "The company's shares fell", "the storm's remnants struck": whose, by name.
        name = describe(owner)
        if name:
            replace[owner.left_edge.i] = ""
            replace[owner.i] = name
    titled = getattr(getattr(describe, "__self__", None), "titled", None)
    if titled is not None and phrase and phrase[0].lower_ == "the" and subj.i not in replace \
            and all(t.dep_ in ("det", "compound", "amod") or t.i == subj.i for t in phrase):
        name = titled(phrase)  # "The prime minister had dissolved parliament"
        if name:
            for t in phrase:
                replace[t.i] = ""
            replace[subj.i] = name
    return phrase, replace


def _without_loose_asides(subj: Any, phrase: list[Any]) -> list[Any]:
    """A subject's asides the parser did not read as asides: "Physicists at Cern, the
    European laboratory near Geneva, announced" (a "conj" with no "and": an apposition,
    which a title does without), and "The first death, of a man who had shopped there,
    was announced" (the commas around a phrase whose clause is cut, one left standing)."""
    doc = subj.doc
    gone: set[int] = set()
    joined = any(c.dep_ == "cc" for c in subj.children)
    for c in subj.children:
        if c.i < subj.i or c.left_edge.i == 0 or doc[c.left_edge.i - 1].text != ",":
            continue
        ends = {c.left_edge.i - 1}
        if c.right_edge.i + 1 < len(doc) and doc[c.right_edge.i + 1].text == "," \
                and doc[c.right_edge.i + 1].head.i == subj.i:
            ends.add(c.right_edge.i + 1)
        if c.dep_ == "conj" and not joined and c.pos_ == "NOUN" \
                and c.left_edge.lower_ == "the" and not any(d.dep_ == "cc" for d in c.subtree):
            gone |= {d.i for d in c.subtree} | ends
        elif c.dep_ == "prep" and c.i == c.left_edge.i and doc[c.i - 1].head.i == subj.i \
                and any(d.dep_ in ("relcl", "acl") for d in c.subtree):
            gone |= ends  # (its clause is trimmed, and with it one of the commas)
    return [t for t in phrase if t.i not in gone]


# What a company has that a story names without saying whose ("the shares fell").
_COMPANY_PARTS = {"share", "stock", "shareholder", "board", "headquarters", "revenue",
                  "profit", "workforce"}


def bare_description(subj: Any, phrase: list[Any]) -> bool:
    """Whether the subject is "the <noun>", measures aside: "the stadium", "the 62,062-seat
    stadium" (a size tells nothing a name would not; "the new stadium" keeps its words)."""
    words = [t for t in phrase if t.i <= subj.i]
    if len(words) < 2 or words[0].lower_ != "the" or len(words) != len(phrase):
        return False
    middle = words[1:-1]
    if not middle:
        return True
    measure = {t.i for m in middle if m.like_num or m.text == "-"
               for t in m.head.subtree if t.i < subj.i}
    return all(m.i in measure for m in middle)


