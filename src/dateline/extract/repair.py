"""Known mistakes of the small English model, mended before extraction reads the parse.

Two kinds, both common in news and both costly: the lead sentence of an article often
reads "Wirecard, the payments group that was once worth more than Deutsche Bank, filed for
insolvency on Thursday", which the model parses with no verb at its root and "filed" as a
participle of "Deutsche Bank" (so the date went to "was once worth"); and titles of rank
such as "Capt." or "Sgt.", which its tokenizer splits from their full stop, so the
sentence ends in the middle of a name ("... led by Capt." / "Jason Neubauer, opened").
"""

from __future__ import annotations

from typing import Any

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
    from spacy.symbols import ORTH

    for abbr in ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])


def _subject_first(root: Any, sent: Any) -> bool:
    """Whether the sentence opens with the noun phrase of ``root`` (its subject)."""
    if root.i - sent.start > 6:
        return False
    return all(sent.start <= t.head.i <= root.i for t in sent.doc[sent.start:root.i])


def _main_verb(sent: Any) -> Any:
    """The past-tense verb the model took for a participle in "X, <aside>, filed ..."."""
    root = sent.root
    # Fine tags, not parts of speech: this runs before the attribute ruler sets those.
    if root.tag_ not in ("NN", "NNS", "NNP", "NNPS") or not _subject_first(root, sent):
        return None
    doc = sent.doc
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

    A pipeline component (after the parser): the subject becomes the verb's ``nsubj``,
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
