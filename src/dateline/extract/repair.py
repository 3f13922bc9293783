"""Known mistakes of the small English model, mended before extraction reads the parse.

Three kinds, all common in news and costly: the lead sentence of an article often
reads "Wirecard, the payments group that was once worth more than Deutsche Bank, filed for
insolvency on Thursday", which the model parses with no verb at its root and "filed" as a
participle of "Deutsche Bank" (so the date went to "was once worth"); and titles of rank
such as "Capt." or "Sgt.", which its tokenizer splits from their full stop, so the
sentence ends in the middle of a name ("... led by Capt." / "Jason Neubauer, opened");
and a clause set off by a semicolon or colon, which it hangs on the other clause as what
was said ("Braun handed himself in that evening; he was released on Tuesday" became one
event, "Braun handed himself in ... and was released").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dateline.extract.names import PERSON_ROLES

# Abbreviations the model's tokenizer does not know and news text uses before a name or
# after a place ("Capt. Jason Neubauer", "Burlington, Vt."). Ones that also end ordinary
# sentences ("No.", "est.") are left out: a missed sentence end costs more than a split name.
ABBREVIATIONS = (
    "Capt.", "Lt.", "Sgt.", "Sgts.", "Maj.", "Cpl.", "Col.", "Cmdr.", "Cdr.", "Det.",
    "Insp.", "Supt.", "Fr.", "Reps.", "Sens.", "Atty.", "Pvt.", "Brig.", "Hon.",
    "Rt.", "Ald.", "Msgr.", "Amb.", "Treas.", "Pres.", "Tex.", "Vt.", "Wyo.", "Ft.",
    "Ave.", "Blvd.", "Dept.", "Univ.",
)


def add_abbreviations(nlp: Any) -> None:
    """Teach the tokenizer the abbreviations above, each one token with its stop."""
    for abbr in ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbr, [{"ORTH": abbr}])
    # "bail of €5m." kept "m." as one token (an abbreviation of the model's), so the
    # sentence ran on into the next one; a lone "m." is money or metres in news. (Setting
    # the tokenizer's whole rule table instead costs 80 ms a load.)
    nlp.tokenizer.add_special_case("m.", [{"ORTH": "m"}, {"ORTH": "."}])
    # The model's table reads "wed" and "Wed" as "we'd" without its apostrophe ("the
    # first commoner to wed an heir" became "to we d"); news spells "we'd" with one.
    for word in ("wed", "Wed"):
        nlp.tokenizer.add_special_case(word, [{"ORTH": word}])


def _subject_first(root: Any, sent: Any) -> bool:
    """Whether the sentence opens with the noun phrase of ``root`` (its subject)."""
    if root.i - sent.start > 6:
        return False
    return all(sent.start <= t.head.i <= root.i for t in sent.doc[sent.start:root.i])


def _main_verb(sent: Any) -> Any:
    """The past-tense verb the model took for a participle in "X, <aside>, filed ..."."""
    root = sent.root
    if root.tag_ not in ("NN", "NNS", "NNP", "NNPS") or not _subject_first(root, sent):
        return None
    doc = sent.doc
    after = doc[root.i + 1] if root.i + 1 < sent.end else None
    if after is not None and after.dep_ == "acl" and after.tag_ == "VBD" \
            and after.head.i == root.i:
        # "The ceremonies brought to a close a programme that ...": a sentence has no
        # noun for its root; the past tense straight after its subject is its verb.
        return after
    opening = next((t.i for t in doc[root.i + 1:sent.end] if t.text == ","), None)
    if opening is None or opening != root.i + 1:
        return None
    for tok in doc[opening + 2:sent.end]:
        # A participle right after the first comma opens the aside ("The Brazilian,
        # signed from Roma last July, saved ..."); the verb after the aside's closing
        # comma is the sentence's own.
        if tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBD") and doc[tok.i - 1].text == ",":
            return tok
    return None


def mend_lead_verb(doc: Any) -> Any:
    """Make the verb after a subject's aside the root of its sentence, as it reads.

    A pipeline component (after the lemmatizer): the subject becomes the verb's ``nsubj``,
    the verb a past tense (not a participle, so no title reads "Wirecard was filed for
    insolvency"), and what follows the verb but hung on the aside hangs on the verb.
    """
    for sent in list(doc.sents):
        verb = _main_verb(sent)
        if verb is None:
            continue
        root = sent.root
        tail = [t for t in doc[verb.i + 1:sent.end]
                if t.head.i < verb.i and t.head.i != t.i and t.head not in verb.subtree]
        verb.head = verb
        verb.dep_ = "ROOT"
        verb.tag_ = "VBD"
        root.head = verb
        root.dep_ = "nsubj"
        for t in tail:
            if t.head.i < verb.i:  # not already under the verb after an earlier move
                t.head = verb
    return doc


# Verbs whose clause before them is what was said: '"We won," she said'.
_SAYING = {"say", "tell", "add", "announce", "state", "write", "claim", "insist", "warn",
           "declare", "argue", "explain", "note", "report", "confirm", "admit", "deny",
           "think", "believe", "know", "agree", "accept", "suggest", "expect"}
_QUOTES = set("\"“”'‘’")


def mend_dangling_conjunction(doc: Any) -> Any:
    """"The spacecraft swept past Pluto on Tuesday, and late that night sent word back":
    the parser made "swept" a participle of the subject and left "and" on the noun with
    nothing joined to it, so the title of the second verb read "The spacecraft and sent
    word back". A noun's "and" with no second noun joins two verbs: the past tense hung on
    the subject is the first of them, the sentence's verb its second. A pipeline component
    (after the lemmatizer)."""
    for noun in doc:
        verb = noun.head
        if noun.dep_ not in ("nsubj", "nsubjpass") or verb.i <= noun.i \
                or any(c.dep_ == "conj" for c in noun.children):
            continue
        cc = next((c for c in noun.children if c.dep_ == "cc" and c.i > noun.i), None)
        first = next((c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBD"
                      and noun.i < c.i < (cc.i if cc is not None else -1)), None)
        if cc is None or first is None or cc.i > verb.i:
            continue
        first.head = verb.head if verb.head.i != verb.i else first
        first.dep_ = verb.dep_
        noun.head = first
        verb.head = first
        verb.dep_ = "conj"
        cc.head = first
    return doc


# Verbs whose object can be watched doing something: "saw prices falling".
_PERCEIVING = {"see", "watch", "hear", "feel", "find", "keep", "leave", "catch", "imagine",
               "notice", "observe", "spot", "picture", "remember", "recall", "want"}


def mend_gerund_object(doc: Any) -> Any:
    """"Enron restated its earnings going back to 1997": the parser made the object the
    subject of a clause ("its earnings going back ..."), so the title lost it once the
    clause went with its date ("Enron restated"). After a verb that neither says nor
    perceives, a noun followed by an -ing verb is the object, the -ing verb its modifier.
    A pipeline component (after the lemmatizer)."""
    for gerund in doc:
        verb = gerund.head
        if gerund.dep_ != "ccomp" or gerund.tag_ != "VBG" or verb.i > gerund.i \
                or verb.lemma_.lower() in _SAYING | _PERCEIVING \
                or any(c.dep_ in ("aux", "auxpass", "mark", "dobj") for c in gerund.children) \
                or any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.i != gerund.i
                       for c in verb.children):
            continue
        noun = next((c for c in gerund.children if c.dep_ == "nsubj" and c.i < gerund.i
                     and c.pos_ in ("NOUN", "PROPN") and c.right_edge.i + 1 == gerund.i), None)
        if noun is None:
            continue
        noun.head = verb
        noun.dep_ = "dobj"
        gerund.head = noun
        gerund.dep_ = "acl"
    return doc


def mend_stranded_subject(doc: Any) -> Any:
    """"the agencies cut Enron's debt to junk status and Dynegy, citing ..., walked away":
    the parser joined "Dynegy" to the noun before it and left "walked" with no subject.
    A past tense with no subject after a comma-bounded aside belongs to the noun before
    the aside, and the two are a clause beside the one that noun was joined into. A
    pipeline component (after the lemmatizer)."""
    for verb in doc:
        if verb.tag_ != "VBD" or verb.dep_ not in ("advcl", "conj", "dep") or verb.i < 3 \
                or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children) \
                or doc[verb.i - 1].text != ",":
            continue
        opening = next((t.i for t in reversed(doc[verb.sent.start:verb.i - 1]) if t.text == ","),
                       None)
        if opening is None or opening < 2 or verb.i - opening > 15:
            continue
        noun = doc[opening - 1]
        cc = doc[opening - 2] if doc[opening - 2].dep_ == "cc" else None
        if noun.dep_ != "conj" or noun.pos_ != "PROPN" or cc is None \
                or noun.head.pos_ not in ("NOUN", "PROPN"):
            continue
        clause = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if clause is None or clause.i > noun.i:
            continue
        aside = [t for t in doc[opening + 1:verb.i - 1] if t.head.i == noun.i]
        noun.head = verb
        noun.dep_ = "nsubj"
        cc.head = clause
        verb.head = clause
        verb.dep_ = "conj"
        for t in aside:
            t.head = verb
    return doc


def mend_seen_doing(doc: Any) -> Any:
    """"Workers saw their savings, invested in its stock, evaporate over the fall": the
    parser joined the bare "evaporate" to "saw" as a second verb. A base form with no
    subject, auxiliary or "to" after a verb of perceiving and its object is what the
    object was seen doing. A pipeline component (after the lemmatizer)."""
    for verb in doc:
        head = verb.head
        if verb.dep_ != "conj" or verb.tag_ != "VB" or head.lemma_.lower() not in _PERCEIVING \
                or head.tag_ not in ("VBD", "VBZ", "VBP") or any(
                    c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "cc") for c in verb.children) \
                or not any(c.dep_ == "dobj" and c.i < verb.i for c in head.children) \
                or any(c.dep_ == "cc" and c.i < verb.i and c.i > head.i for c in head.children):
            continue
        verb.dep_ = "ccomp"
    return doc


# Nouns for a person: "which" never stands for one.
_PERSON_NOUNS = PERSON_ROLES | {
    "minister", "president", "chancellor", "governor", "mayor", "premier", "senator",
    "secretary", "speaker", "chairman", "chairwoman", "commissioner", "judge", "prosecutor",
    "captain", "coach", "manager", "executive", "director", "ambassador", "general", "king",
    "queen", "prince", "princess", "emperor", "empress", "person", "man", "woman", "boy",
    "girl", "child", "official", "leader", "member", "officer", "worker", "engineer",
    "architect", "merchant", "businessman", "businesswoman", "owner", "collector", "dealer"}


def mend_which_of_a_person(doc: Any) -> Any:
    """"the Dharahara, a tower built in 1832 for a prime minister of the day, which had
    been opened to visitors in 2005": the parser hung the "which" clause on the person
    nearest to it ("The prime minister had been opened"). "Which" stands for a thing: the
    clause belongs to the nearest thing the person's phrase hangs from. A pipeline
    component (after the lemmatizer)."""
    for verb in doc:
        if verb.dep_ != "relcl" or not any(c.lower_ == "which" and c.dep_ in ("nsubj", "nsubjpass")
                                           for c in verb.children):
            continue
        person = verb.head
        if not (person.ent_type_ == "PERSON" or person.lemma_.lower() in _PERSON_NOUNS) \
                or person.head.dep_ == "agent":
            continue  # ("an inquiry led by Maria Lund, which reported": naming reads that)
        thing = next((a for a in person.ancestors if a.pos_ in ("NOUN", "PROPN")
                      and a.ent_type_ != "PERSON" and a.lemma_.lower() not in _PERSON_NOUNS
                      and a.i < person.i), None)
        if thing is not None:
            verb.head = thing
    return doc


def mend_semicolon_clauses(doc: Any) -> Any:
    """A clause the parser made the complement of a clause across a semicolon or colon
    becomes a clause beside it (``parataxis``), so each keeps its own event and title.

    A pipeline component (after the lemmatizer)."""
    for tok in doc:
        # "He said: the plan is dead" is what was said; a clause before "; NASA said" is not.
        if tok.dep_ != "ccomp" or tok.i > tok.head.i and tok.head.lemma_.lower() in _SAYING:
            continue
        head = tok.head
        mark = next((c for c in tok.children if c.text in (";", ":") and c.i > tok.i), None)
        if mark is not None and tok.i < head.i and not any(
                t.text in _QUOTES for t in doc[tok.sent.start:tok.sent.end]):
            # "His first title came earlier: as a teenager in 2003 he beat ...": what
            # follows the colon, hung on the clause before it, is the clause after's.
            for c in [c for c in tok.children if c.i > mark.i]:
                c.head = head
            tok.dep_ = "parataxis"
            continue
        lo, hi = (tok.right_edge.i + 1, head.i) if tok.i < head.i else (head.i + 1, tok.left_edge.i)
        between = doc[lo:hi]
        if any(t.text in (";", ":") for t in between) and not any(
                t.text in _QUOTES for t in doc[tok.sent.start:tok.sent.end]):
            tok.dep_ = "parataxis"
    return doc


def mend_said_that(doc: Any) -> Any:
    """What was said, which the parser hung on the noun before it as a relative clause:
    "said in a letter to colleagues on Tuesday that Republicans had shown ..." (a relative
    "that" is a subject or object; this one is a conjunction, so the clause is the verb's).

    A pipeline component (after the lemmatizer)."""
    for tok in doc:
        if tok.dep_ != "relcl" or not any(c.lower_ == "that" and c.dep_ == "mark"
                                          for c in tok.children):
            continue
        if not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "that" for c in tok.children):
            continue
        verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is not None and verb.lemma_.lower() in _SAYING and verb.i < tok.i:
            tok.head = verb
            tok.dep_ = "ccomp"
    return doc


def mend_semicolon_subject(doc: Any) -> Any:
    """A clause after a semicolon whose subject the parser made an apposition of a noun
    before it: "founded by Frederick Horniman ...; its present building, designed by
    Townsend, opened in 1901" read "Horniman ... opened". No apposition crosses a
    semicolon: the noun is the subject of the last participle hung on it.

    A pipeline component (after the lemmatizer)."""
    for tok in doc:
        if tok.dep_ != "appos" or tok.head.i >= tok.i \
                or not any(t.text == ";" for t in doc[tok.head.i + 1:tok.left_edge.i]):
            continue
        verbs = [c for c in tok.children if c.dep_ == "acl" and c.i > tok.i
                 and c.tag_ in ("VBD", "VBN")]
        if not verbs:
            continue
        verb, root = verbs[-1], tok.sent.root
        if root.i == tok.i or root in verb.subtree:
            continue
        verb.head = root
        verb.dep_ = "parataxis"
        if not any(c.dep_ == "agent" for c in verb.children):
            verb.tag_ = "VBD"  # "opened in 1901", not "was opened"
        tok.head = verb
        tok.dep_ = "nsubj"
    return doc


_REFLEXIVE = {"himself", "herself", "itself", "themselves"}


def mend_reflexive_subject(doc: Any) -> Any:
    """"and was himself overthrown": a reflexive after the auxiliary stresses the subject,
    it is not one (the parser made it the subject, so the title read "Was himself
    overthrown"). A pipeline component (after the lemmatizer)."""
    for tok in doc:
        if tok.lower_ in _REFLEXIVE and tok.dep_ in ("nsubj", "nsubjpass") \
                and any(c.dep_ in ("aux", "auxpass") and c.i < tok.i for c in tok.head.children):
            tok.dep_ = "npadvmod"
    return doc


def mend_double_subject(doc: Any) -> Any:
    """"the journal Science named the proof": the parser gave the verb two subjects, the
    noun and the name after it, and the title kept only "The journal". The noun is the
    name's description: a compound of it. A pipeline component (after the lemmatizer)."""
    for tok in doc[:-1]:
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ != "NOUN" or tok.tag_ != "NN":
            continue
        # The name straight after ("the journal Science"), or a noun after a number of
        # its own ("a magnitude 6.3 earthquake struck": "Magnitude struck").
        for name in doc[tok.i + 1:tok.i + 3]:
            between = doc[tok.i + 1:name.i]
            numbered = name.pos_ == "NOUN" and len(between) == 1 \
                and between[0].dep_ == "nummod" and between[0].head.i == name.i
            if name.dep_ == tok.dep_ and name.head.i == tok.head.i \
                    and (name.pos_ == "PROPN" and not len(between) or numbered):
                tok.dep_ = "compound"
                tok.head = name
                break
            if numbered and name.dep_ == "appos" and name.head.i == tok.i:
                # "The magnitude 7.0 quake struck": the quake as the magnitude's
                # apposition, so the title read "The magnitude struck".
                name.head, name.dep_ = tok.head, tok.dep_
                for c in [c for c in tok.children if c.i < tok.i]:
                    c.head = name
                tok.dep_ = "compound"
                tok.head = name
                break
    return doc


def mend_date_on_subject(doc: Any) -> Any:
    """"By Thursday night cargo was stacked": the parser made the date a compound of the
    subject after it ("Thursday night cargo") and left "By" with no object, so the date
    read as part of the title. A preposition with nothing of its own takes the date words
    that follow it. A pipeline component (after the lemmatizer)."""
    for prep in doc[:-2]:
        if prep.dep_ != "prep" or prep.pos_ != "ADP" or any(True for _ in prep.children):
            continue
        j = prep.i + 1
        while j < len(doc) and doc[j].dep_ == "compound" and doc[j].ent_type_ in ("DATE", "TIME"):
            j += 1
        if j == prep.i + 1 or j >= len(doc) or doc[j].ent_type_ in ("DATE", "TIME") \
                or doc[j - 1].head.i != j or doc[j].pos_ not in ("NOUN", "PROPN"):
            continue
        last = doc[j - 1]
        last.head = prep
        last.dep_ = "pobj"
    return doc


def mend_participle_subject(doc: Any) -> Any:
    """"A second recall followed on Jan. 21, covering ..., and five days later the company
    took ...": the parser read the past tense as a participle of its subject and gave the
    later verb both subjects, so the title read "A second recall was followed". A verb
    with two subjects keeps the later; the participle straight after the first becomes
    that one's verb, joined to the later. A pipeline component (after the lemmatizer)."""
    for verb in doc:
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if len(subjects) < 2:
            continue
        first = subjects[0]
        part = doc[first.i + 1] if first.i + 1 < len(doc) else None
        if part is None or part.dep_ != "acl" or part.head.i != first.i \
                or part.tag_ not in ("VBN", "VBD") or part.i > subjects[1].i or any(
                c.dep_ in ("agent", "aux", "auxpass", "dobj") for c in part.children):
            continue
        later = [c for c in first.children if c.i > part.i and c.dep_ == "acl"
                 and c.tag_ == "VBG"]
        part.head = verb
        part.dep_ = "conj"
        part.tag_ = "VBD"
        first.head = part
        for c in later:  # ", covering 2.3 million vehicles": what the recall did
            c.head = part
            c.dep_ = "advcl"
    return doc


def mend_participle_root(doc: Any) -> Any:
    """"A rover the size of a small car touched down on Mars late Sunday, lowered to the
    ground by a crane": the parser took the participle after the comma for the verb and
    the verb for a participle of "car" (the title read "A small car was touched down"). A
    past tense straight after a comma, with a "by" agent and no object, is a participle;
    the one in its subject's phrase before it is the verb. A pipeline component (after
    the lemmatizer)."""
    for sent in list(doc.sents):
        root = sent.root
        nominal = root.pos_ == "NOUN" and root.i < sent.start + 6  # no verb at all
        if not nominal and (
                root.tag_ != "VBD" or root.i == sent.start or doc[root.i - 1].text != ","
                or not any(c.dep_ == "agent" for c in root.children)
                or any(c.dep_ in ("dobj", "aux", "auxpass") for c in root.children)):
            continue
        subj = root if nominal else next(
            (c for c in root.children if c.dep_ == "nsubj" and c.i < root.i), None)
        if subj is None:
            continue
        verb = next((t for t in subj.subtree if t.dep_ == "acl" and t.tag_ in ("VBN", "VBD")
                     and (nominal or t.i < root.i) and doc[t.i - 1].text != "," and not any(
                         c.dep_ in ("agent", "aux", "auxpass", "dobj") for c in t.children)
                     and any(c.dep_ == "prt" for c in t.children)), None)
        if verb is None:
            continue
        verb.head, verb.dep_, verb.tag_ = verb, "ROOT", "VBD"
        subj.head, subj.dep_ = verb, "nsubj"
        if not nominal:
            root.head, root.dep_, root.tag_ = verb, "advcl", "VBN"
        for t in sent:
            if t.head.i == root.i and t.dep_ == "punct" and t.i > root.i:
                t.head = verb  # the full stop is the sentence's
    return doc


def mend_as_aside(doc: Any) -> Any:
    """"World Athletics, as the governing body now calls itself, is expected to publish":
    the parser gave the aside's verb both subjects and hung the aside, as what was said,
    on the main verb, which had none (the title read "Is expected to ... World
    Athletics"). The name before the comma is the main verb's subject; the aside is an
    aside. A pipeline component (after the lemmatizer)."""
    for verb in doc:
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as"), None)
        main = verb.head
        if len(subjects) != 2 or mark is None or not subjects[0].i < mark.i < subjects[1].i \
                or doc[mark.i - 1].text != "," or main.i <= verb.i or main.i == verb.i \
                or any(c.dep_ in ("nsubj", "nsubjpass") for c in main.children):
            continue
        first = subjects[0]
        first.head = main
        first.dep_ = "nsubjpass" if any(c.dep_ == "auxpass" for c in main.children) else "nsubj"
        verb.dep_ = "advcl"
    return doc


def mend_fronted_prep(doc: Any) -> Any:
    """"On Sunday a farmer, Jon Hale, was found": the parser hung "On Sunday" on the
    subject after it, and the event was lost with it. English puts no preposition phrase
    before the noun it modifies; one before a subject is the verb's. A pipeline component
    (after the lemmatizer)."""
    for tok in doc:
        noun = tok.head
        if tok.dep_ == "prep" and noun.i > tok.i and noun.pos_ in ("NOUN", "PROPN") \
                and noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i != noun.i:
            tok.head = noun.head
    return doc


def mend_perfect_participle(doc: Any) -> Any:
    """"Akihito, who had undergone heart bypass surgery in 2012, said ...": the small model
    read "undergone" as an adjective of "surgery" and the sentence lost both events. A
    past participle with "had"/"has" is a verb; its noun is its object, and with a "who"
    it is the relative clause of the name before the comma. A pipeline component (after
    the lemmatizer)."""
    for verb in doc:
        if verb.tag_ != "VBN" or verb.dep_ != "amod" or verb.head.i < verb.i or not any(
                c.dep_ == "aux" and c.lower_ in ("had", "has", "have") for c in verb.children):
            continue
        noun = verb.head
        # "who" hangs on the verb or on its "had".
        who = next((c for a in (verb, *verb.children) for c in a.children
                    if c.dep_ == "nsubj" and c.tag_ == "WP"), None)
        if who is None or who.i < 2 or doc[who.i - 1].text != ",":
            continue
        antecedent = doc[who.i - 2]
        if antecedent in list(verb.subtree) or noun.head.i == noun.i:
            continue
        verb.head = antecedent
        verb.dep_ = "relcl"
        who.head = verb
        noun.head = verb
        noun.dep_ = "dobj"
    return doc


# The mends as pipeline components, in the order they run (each reads the one before's).
MENDS: tuple[tuple[str, Callable[[Any], Any]], ...] = (
    ("dateline_lead_verb", mend_lead_verb),
    ("dateline_dangling_conjunction", mend_dangling_conjunction),
    ("dateline_gerund_object", mend_gerund_object),
    ("dateline_stranded_subject", mend_stranded_subject),
    ("dateline_seen_doing", mend_seen_doing),
    ("dateline_which_of_a_person", mend_which_of_a_person),
    ("dateline_semicolons", mend_semicolon_clauses),
    ("dateline_said_that", mend_said_that),
    ("dateline_semicolon_subject", mend_semicolon_subject),
    ("dateline_reflexive", mend_reflexive_subject),
    ("dateline_double_subject", mend_double_subject),
    ("dateline_date_on_subject", mend_date_on_subject),
    ("dateline_participle_subject", mend_participle_subject),
    ("dateline_participle_root", mend_participle_root),
    ("dateline_as_aside", mend_as_aside),
    ("dateline_fronted_prep", mend_fronted_prep),
    ("dateline_perfect_participle", mend_perfect_participle),
)
