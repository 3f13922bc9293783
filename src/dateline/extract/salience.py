"""Which earlier phrase a pronoun continues, by salience rather than by nearness.

Centering theory's first rule, as news prose uses it: a subject "he"/"she" (or the "his"
of a subject, "His trial opened") continues the *subject of the main clause* said just
before it: earlier in its own sentence ("Bolt lowered the record, which he set ..."), else
of the sentence before ("The prime minister said ... . Speaking on Tuesday, he
insisted"). Nearness alone had taken the last name of any role ("... when Loris Karius
made two errors. He had been asked" given to Karius, where the sentence was about "the
German", the manager). When that subject is a person the code cannot name ("the
73-year-old former army officer"), the pronoun is left for review: any name then is a
guess, and a title that names the wrong person is worse than one an editor fills in.

Two agreement rules of the same kind for "it"/"its": a pronoun deeper in a relative clause
continues the noun the clause is about ("the Federal Reserve, which is expected to hold
its rates when it announces ..."), and a singular "it" is never a plural speaker
("officials said it could ...").
"""

from __future__ import annotations

from typing import Any

from dateline.extract.names import PERSON_ROLES, Names, aged, title_gender

_SUBJECTS = ("nsubj", "nsubjpass")
_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
# Common nouns that name one person ("the woman", "the gunman"): a person as subject.
_PERSON_NOUNS = {"man", "woman", "boy", "girl", "gunman", "official", "leader", "chief",
                 "spokesman", "spokeswoman", "lawyer", "mother", "father", "wife",
                 "husband", "son", "daughter", "widow", "star", "officer", "trader"}
# Heads of relative clauses: a relative pronoun as the clause's own subject.
_RELATIVES = {"which", "who", "that"}


def subject_position(tok: Any) -> bool:
    """Whether pronoun ``tok`` is a clause's subject or owns one ("His trial opened")."""
    if tok.dep_ in _SUBJECTS:
        return True
    return tok.dep_ == "poss" and tok.head.dep_ in _SUBJECTS


def centre(tok: Any, resolve: Any, names: Names,
           is_title: Any, described: Any) -> tuple[bool, str | None]:
    """The person a subject-position he/she continues by centering: ``(True, name)`` when
    the main-clause subject before it is a person of its gender (``name`` None when that
    person has no name the article gives: leave the pronoun for review); ``(False,
    None)`` when that subject is no such person, and centering says nothing.

    ``resolve`` names an earlier pronoun (one chain); ``is_title(noun)`` says whether a
    common noun is a title or role a person holds, ``described(noun, gender)`` names the
    person it stands for."""
    gender = _GENDER.get(tok.lower_)
    if gender is None or not subject_position(tok):
        return False, None
    for subj in _preceding_subjects(tok):
        return _person(subj, gender, resolve, names, is_title, described)
    return False, None


def _preceding_subjects(tok: Any) -> list[Any]:
    """The main-clause subject before ``tok`` in its own sentence, else the previous
    sentence's: at most one, the one centering ranks first."""
    sent = tok.sent
    mine = {t.i for t in (tok.head.subtree if tok.dep_ == "poss" else tok.subtree)}
    root = sent.root
    if tok.head.i == root.i or tok.dep_ == "poss" and tok.head.head.i == root.i:
        pass  # the pronoun is the main clause's own subject: the sentence before
    else:
        if tok.i < root.i and not any(t.i == tok.i for t in root.children):
            return []  # "When he arrived, Smith said": cataphora, not centering's case
        own = _main_subject(root)
        if own is not None and own.i < tok.i and own.i not in mine:
            return [own]
    doc = tok.doc
    if sent.start == 0:
        return []
    prev = doc[sent.start - 1].sent
    subj = _main_subject(prev.root)
    return [subj] if subj is not None else []


def _main_subject(root: Any) -> Any | None:
    return next((c for c in root.children if c.dep_ in _SUBJECTS), None)


def _person(subj: Any, gender: str, resolve: Any, names: Names, is_title: Any,
            described: Any) -> tuple[bool, str | None]:
    """Whether ``subj`` is a person of ``gender``, and the name it stands for."""
    if subj.pos_ == "PRON":
        if _GENDER.get(subj.lower_) != gender or subj.dep_ not in _SUBJECTS:
            return False, None
        return True, resolve(subj)  # one chain: whoever that "he" is
    owner = next((c for c in subj.children if c.dep_ == "poss"), None)
    ent = names.entity_at(subj.idx, subj.idx + len(subj.text))
    if subj.pos_ == "PROPN" and subj.ent_type_ != "NORP":
        if ent is not None:
            if ent.kind != "people" or ent.gender not in (None, gender):
                return _owner(owner, gender, resolve)
            return True, ent.name
        if subj.ent_type_ and subj.ent_type_ != "PERSON":
            return False, None
        return False, None  # a name the model did not tag: the older rules judge it
    if subj.tag_ not in ("NN", "NNP") or not any(
            c.dep_ == "det" and c.lower_ in ("the", "this") for c in subj.children):
        return _owner(owner, gender, resolve)
    said = title_gender([*(c.lower_ for c in subj.children if c.i < subj.i), subj.lower_])
    if said and said != gender:
        return False, None
    person = subj.ent_type_ == "NORP" or aged(subj) or is_title(subj) \
        or subj.lemma_.lower() in PERSON_ROLES | _PERSON_NOUNS
    if not person:
        return _owner(owner, gender, resolve)
    named = next((c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    ent = names.entity_at(named.idx, named.idx + len(named.text)) if named is not None else None
    if ent is not None and ent.kind == "people":
        return True, ent.name  # "The patient, Dan Hale, ...": the name beside it
    return True, described(subj, gender)


def _owner(owner: Any, gender: str, resolve: Any) -> tuple[bool, str | None]:
    """A subject that is his or hers ("His first title came ...: he beat"): whoever that
    "his" is. A named owner is not enough: in "Hirohito's death brought Akihito to the
    throne. He ..." the object outranks the subject's owner."""
    if owner is None or owner.pos_ != "PRON" or _GENDER.get(owner.lower_) != gender:
        return False, None
    return True, resolve(owner)


def relative_antecedent(tok: Any, names: Names) -> str | None:
    """The named organisation, place or thing an "it"/"its" deep in a relative clause
    stands for: "the Federal Reserve, which is expected to leave its rates unchanged when
    it announces ..." -> the Federal Reserve. Only when the relative pronoun is the
    clause's subject and no other subject stands between."""
    if tok.lower_ not in ("it", "its"):
        return None
    node = tok if tok.dep_ != "poss" else tok.head
    while node.head.i != node.i:
        verb = node.head
        others = [c for c in verb.children if c.dep_ in _SUBJECTS and c.i != tok.i
                  and c.i != node.i]
        if verb.dep_ == "relcl":
            rel = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
            if rel is None or rel.lower_ not in _RELATIVES or rel.i == tok.i:
                return None
            noun = verb.head
            if noun.tag_ in ("NNS", "NNPS"):
                return None
            ent = names.entity_at(noun.idx, noun.idx + len(noun.text))
            return ent.name if ent is not None and ent.kind != "people" else None
        if any(o.lower_ not in _RELATIVES for o in others):
            return None  # "which said the board would ... when it": the board's
        node = verb
    return None


def plural(tok: Any) -> bool:
    """Whether noun ``tok`` is plural, so no "it" can stand for it."""
    return tok.tag_ in ("NNS", "NNPS")
