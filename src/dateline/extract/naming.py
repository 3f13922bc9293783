"""Naming: the names a title's words point at, put in their place: a description the
article repeats word for word ("won the British satellite broadcaster" -> Sky), whose
thing it is ("her school bus" -> Malala Yousafzai's), "that trial" (the fuller phrase
said before), "the company" past the subject (the company the article is about)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from dateline.extract.given import name_given, own_name, which_noun
from dateline.extract.names import PERSON_ROLES, title_gender

# Nouns of time: "that evening" points at a day, not at a thing said before.
TIME_WORDS = {"year", "month", "week", "day", "season", "time", "morning", "evening", "night",
              "afternoon", "weekend", "summer", "winter", "spring", "autumn", "fall"}


def name_repeated(tokens: list[Any], replace: dict[int, str],
                  repeated: Callable[[Any], str | None] | None) -> None:
    """Put the name for a description the article gave it earlier, word for word."""
    if repeated is None:
        return
    kept = {t.i for t in tokens}
    for t in tokens:
        if t.pos_ != "NOUN" or t.i in replace:
            continue
        own = [c for c in t.children if c.i < t.i and c.dep_ in ("det", "amod", "compound")]
        if not all(c.i in kept for c in own):
            continue
        name = repeated(t)
        if name:
            # "The six-time prime minister": what the name replaces goes whole.
            for c in t.children:
                if c.i < t.i:
                    for w in c.subtree:
                        replace[w.i] = ""
            replace[t.i] = name


_THINGS = {"ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART"}
_PEOPLE = {"person", "man", "woman", "boy", "girl", "child", "baby", "mother", "father",
           "wife", "husband", "son", "daughter", "friend", "official", "leader", "member",
           # "A retired social worker described her Lexus": hers, not a man's named nearby.
           "worker", "owner", "resident", "student", "teacher", "nurse", "doctor", "officer",
           "soldier", "pensioner", "retiree", "witness", "passenger", "customer", "employee",
           "lawyer", "engineer", "scientist", "farmer", "grandmother", "grandfather",
           "widow", "widower", "survivor", "neighbour", "neighbor", "shopkeeper", "trader"}


def name_owners(tokens: list[Any], subject: list[Any], replace: dict[int, str],
                resolve: Callable[[Any], str | None]) -> None:
    """Name whose thing it is past the subject: "A gunman boarded her school bus" ->
    "Malala Yousafzai's school bus"; "Smith resigned his seat" keeps "his" (the subject
    says whose). Last, a subject by the name its own phrase gave it
    (:func:`dateline.extract.given.name_given`)."""
    _name_owners(tokens, subject, replace, resolve)
    name_given(tokens, subject, replace)


def _name_owners(tokens: list[Any], subject: list[Any], replace: dict[int, str],
                 resolve: Callable[[Any], str | None]) -> None:
    said = " ".join([*(replace.get(t.i, t.text) for t in subject),
                     *(t.doc[t.left_edge.i:t.right_edge.i + 1].text for t in subject)])
    name_things(tokens, subject, replace, resolve, said)
    people = [t for t in tokens if t.lower_ in ("he", "she") or t.ent_type_ == "PERSON"
              and not (t.ent_iob_ == "B" and t.dep_ == "pobj" and t.head.lower_ in ("in", "near")
                       or t.head.dep_ == "pobj" and t.head.head.lower_ in ("in", "near"))]
    head = next((t for t in subject if t.head not in subject or t.head == t), None)
    if head is not None and head.ent_type_ == "PERSON" and head.pos_ == "PROPN":
        # "Mr Mugabe sacked him": whoever "him" is, he is not the subject (the resolver
        # leaves the subject out).
        for t in tokens:
            if t.tag_ == "PRP" and t.lower_ in ("him", "her") and t.dep_ in ("dobj", "dative") \
                    and t.i not in replace and t.head.i == head.head.i:
                name = resolve(t)
                if name and name not in said and name.split()[-1] not in said \
                        and _named_in_sentence(t, name, resolve):
                    replace[t.i] = name
                    said += " " + name
    if people or head is None or head.tag_ == "WP" \
            or head.pos_ == "PROPN" and head.ent_type_ not in _THINGS:
        return  # "Kane had not played since injuring his ankle": the subject's own
    # (one person: "officers arrested him" is no officer's own "him")
    person = (head.lemma_.lower() in PERSON_ROLES | _PEOPLE or head.lower_.endswith("man")) \
        and head.tag_ != "NNS"
    low = head.lower_
    gender = title_gender([low]) or ("f" if low.endswith("woman") else
                                     "m" if low.endswith("man") else None)
    for t in tokens:
        # Only a person's: "its" and "their" too often mean a thing just named. "Him" and
        # "her" past a subject that is no person are the story's person too ("Officers
        # arrested him at a farmhouse", "a law allowing him alone to step down").
        owner = t.tag_ == "PRP$" and t.lower_ in ("his", "her")
        if not (owner or t.tag_ == "PRP" and t.lower_ in ("him", "her")) or t in subject \
                or t.i in replace:
            continue
        if person and gender in (None, "m" if t.lower_ in ("his", "him") else "f"):
            continue  # "The first patient received her cells": the subject's own
        if not owner and any(w.lower_ in ("his", "her") for s in subject for w in s.subtree):
            continue  # "Partners at his law firm confronted him": whoever "his" is
        name = resolve(t)
        if name and name not in said and name.split()[-1] not in said:
            replace[t.i] = name + ("'s" if owner else "")
            said += " " + name  # a second "her" in the title is hers again


def name_demonstratives(tokens: list[Any], replace: dict[int, str]) -> None:
    """ "That trial", "that camp": the fuller phrase an earlier sentence gave it ("the
    president's impeachment trial", "a camp on Galle Face Green"), since a title is read
    alone, where "that" points nowhere."""
    kept = {t.i for t in tokens}
    for t in tokens:
        own = [c for c in t.children if c.i < t.i]
        if t.pos_ != "NOUN" or t.tag_ != "NN" or len(own) != 1 or own[0].dep_ != "det" \
                or own[0].lower_ not in ("that", "this") or own[0].i not in kept \
                or t.lemma_.lower() in TIME_WORDS or t.i in replace:
            continue
        given = own_name(t)
        if given:
            # "That bridge, the red cantilever Forth Bridge,": the name said beside it.
            replace[own[0].i] = ""
            replace[t.i] = given
            continue
        for earlier in reversed(t.doc[max(0, t.i - 1500):t.i]):
            if earlier.lemma_.lower() != t.lemma_.lower() or earlier.dep_ == "compound" \
                    or earlier.ent_type_ in ("DATE", "TIME"):
                continue
            mods = [c for c in earlier.children if c.i < earlier.i
                    and c.dep_ in ("compound", "amod", "poss")]
            place = [c for c in earlier.children if c.i > earlier.i and c.dep_ == "prep"
                     and c.lower_ in ("on", "in", "at", "of") and any(
                         g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children)]
            definite = any(c.dep_ == "det" and c.lower_ == "the" for c in earlier.children) \
                or any(m.dep_ == "poss" or m.pos_ == "PROPN" for m in mods)
            if any(m.dep_ == "poss" and m.pos_ == "PRON" for m in mods) \
                    or not (mods and definite or place):
                break  # "his trial", "in tennis history", a bare "the trial": nothing fuller
            if mods:
                words = t.doc[min(m.left_edge.i for m in mods):earlier.i + 1]
            else:  # "a camp on Galle Face Green[, the seafront lawn ...]"
                name = next(g for g in place[0].children if g.dep_ == "pobj" and g.pos_ == "PROPN")
                words = t.doc[earlier.i:name.i + 1]
            if len(words) > 6:
                break
            text = words.text
            if not (words[0].dep_ == "det" or words[0].tag_ == "DT") and not any(
                    m.dep_ == "poss" for m in mods):
                text = "the " + text
            replace[own[0].i] = ""
            replace[t.i] = re.sub(r"^(?:[Aa]n?|[Tt]his|[Tt]hat) ", "the ", text)
            break


def name_descriptions(tokens: list[Any], replace: dict[int, str],
                      describe: Callable[[Any], str | None] | None) -> None:
    """Name a bare "the <noun>" past the subject too: "SoftBank agreed to sell the company"
    (Arm), "the judge found that the company had violated the law" (Google)."""
    if describe is None:
        return
    kept = {t.i for t in tokens}
    for t in tokens:
        if t.pos_ != "NOUN" or t.tag_ != "NN" or t.i in replace \
                or t.dep_ in ("appos", "compound"):
            continue
        own = [c for c in t.children if c.i < t.i]
        if [c.lower_ for c in own] != ["the"] or own[0].i not in kept or any(
                c.dep_ in ("appos", "acl", "relcl") or c.dep_ == "prep" and c.lower_ == "of"
                for c in t.children) or t.i + 1 < len(t.doc) and t.doc[t.i + 1].pos_ == "PROPN":
            # "the company that bought it", "the company, Arm,", "the firm Jane Street",
            # "the operator of the pipeline": the phrase says which already.
            continue
        name = describe(t, strict=True)
        if name:
            replace[own[0].i] = ""
            # "the canal" -> "the Suez Canal": "the" as the article says the name.
            the = not name.lower().startswith("the ") and re.search(
                rf"\b[Tt]he {re.escape(name)}\b", t.doc.text) is not None
            replace[t.i] = ("the " if the else "") + name


def name_things(tokens: list[Any], subject: list[Any], replace: dict[int, str],
                resolve: Callable[[Any], str | None], said: str) -> None:
    """An "it" past the subject by the thing's name ("dealers bought it" -> the painting
    the story is about), and the "its" of a relative clause's noun ("its tournaments,
    which begin next week" -> the N.C.A.A.'s tournaments)."""
    thing = getattr(resolve, "thing", None)
    for t in tokens:
        if thing is None or t.lower_ != "it" or t.tag_ != "PRP" or t in subject \
                or t.dep_ not in ("dobj", "pobj", "dative") or t.i in replace:
            continue
        name = thing(t)
        if name and name not in said:
            replace[t.i] = name
    owner_of = getattr(resolve, "owner_of", None)
    for t in subject[:1]:
        phrase = replace.get(t.i, "")
        if t.tag_ != "WDT" or t.head.dep_ != "relcl":
            continue
        noun = t.head.head
        bound = which_noun(noun) if t.lower_ == "which" else None
        if bound is not None:
            # "the Louvre, in Paris, which is preparing": the Louvre is.
            words = [c for c in bound.children if c.i < bound.i and c.dep_ in (
                "det", "amod", "compound", "poss")]
            # "a commission led by Alexandra Hale": the participle says which commission.
            led = [w for c in bound.children if c.dep_ == "acl" and c.i == bound.i + 1
                   and c.tag_ == "VBN" for w in c.subtree if w.i < t.i and not w.is_punct]
            phrase = " ".join([*(w.text for w in words), bound.text, *(w.text for w in led)])
            replace[t.i] = re.sub(r"^(?:a|an)\s", "the ", phrase, flags=re.I)
            noun = bound
        if owner_of is not None and re.match(r"the ", phrase, flags=re.I):
            # "The regular season, which began on Oct. 22": the league's season.
            whose = owner_of(noun)
            if whose:
                replace[t.i] = whose + " " + phrase.split(" ", 1)[1]
            continue
        if not re.match(r"(?:its|their|his|her) ", phrase, flags=re.I):
            continue
        owner = next((c for c in noun.subtree if c.i < noun.i and c.dep_ == "poss"
                      and c.lower_ in ("its", "their", "his", "her")), None)
        name = resolve(owner) if owner is not None else None
        if name:
            the = "the " if re.search(rf"\b[Tt]he {re.escape(name)}", t.doc.text) else ""
            replace[t.i] = the + name + "'s " + phrase.split(" ", 1)[1]


def _named_in_sentence(tok: Any, name: str, resolve: Callable[[Any], str | None]) -> bool:
    """Whether ``tok``'s own sentence speaks of ``name`` before it, by name or by a he/she
    bound to it ("The 75-year-old ... fled after Mr Berg sacked him"): a "him" whose man
    the sentence never mentions is left alone."""
    for t in tok.doc[tok.sent.start:tok.i]:
        if t.ent_type_ == "PERSON" and t.text in name.split():
            return True
        if t.lower_ in ("he", "she") and resolve(t) == name:
            return True
    return False
