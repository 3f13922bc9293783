"""How likely an editor is to rewrite a title: a small logistic model over what a title's
own parse shows, fitted to blind judges' verdicts on extracted events.

The title builder's checks (wording.problems) catch the fragments whose last or first word
gives them away. Most titles an editor rewrites look like sentences at a glance: a vague
description as the subject ("The talks began"), a participle left as the verb, a state
("was an obscure agronomist"), a clause cut after a verb that needs its object. No single
rule tells those apart from good titles, but together the signs below do better than
chance, and an editor who is told where to look first loses less time. So each title is
parsed on its own, as a reader meets it, and a title whose score passes the threshold is
marked for review ("title may need rewriting"); nothing is dropped or changed.

The weights are data (doubt_weights.json), fitted by bench/title_doubt.py on every judged
sheet in bench/titles/ and measured there leave-one-set-out (each set's figures come from a
model that never saw that set). The features name only general English: parts of speech,
dependency labels, entity labels, a few closed word classes; no word of any article.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

REASON = "title may need rewriting"
WEIGHTS = Path(__file__).with_name("doubt_weights.json")

_PRONOUNS = {"he", "she", "it", "they", "his", "her", "its", "their", "we", "i", "you",
             "this", "that", "these", "those", "them", "him"}
_MODALS = {"could", "may", "might", "would", "should", "will", "shall", "must", "can"}
_SAYING = {"say", "tell", "announce", "add", "report", "claim", "state", "insist", "warn",
           "confirm", "deny", "admit", "describe", "write", "believe", "think", "argue",
           "suggest", "expect", "hope"}
_STATES = {"be", "have", "remain", "seem", "appear", "become", "stay", "own", "hold"}
_END_POS = ("ADP", "DET", "CCONJ", "SCONJ", "NUM", "ADV", "PART", "PRON", "VERB", "ADJ",
            "AUX")
_ROOT_POS = ("VERB", "AUX", "NOUN", "PROPN", "ADJ")
_SUBJECTS = {"nsubj", "nsubjpass", "csubj", "expl"}
_HANGING = {"acl", "advcl", "relcl", "xcomp", "ccomp", "conj", "appos", "prep", "npadvmod"}


def features(title_doc: Any, quote: str, review: Sequence[str]) -> dict[str, float]:
    """The signs of one title: ``title_doc`` is the title parsed alone, ``quote`` the
    sentence it came from, ``review`` the reasons already given for the event."""
    words = [t for t in title_doc if not t.is_punct]
    f: dict[str, float] = {"bias": 1.0}
    if not words:
        f["empty"] = 1.0
        return f
    n = len(words)
    f["words"] = min(n, 30) / 10
    f["short"] = float(n <= 3)
    f["long"] = float(n > 18)
    first, last = words[0], words[-1]
    f["first_pronoun"] = float(first.lower_ in _PRONOUNS)
    f["first_lower"] = float(first.text[:1].islower())
    f["first_the"] = float(first.lower_ == "the")
    f["first_proper"] = float(first.pos_ == "PROPN")
    for pos in _END_POS:
        f[f"last_{pos}"] = float(last.pos_ == pos)
    roots = [t for t in title_doc if t.dep_ == "ROOT"]
    root = roots[0] if roots else title_doc[0]
    f["several_roots"] = float(len(roots) > 1)
    for pos in _ROOT_POS:
        f[f"root_{pos}"] = float(root.pos_ == pos)
    f["root_state"] = float(root.lemma_.lower() in _STATES)
    f["root_saying"] = float(root.lemma_.lower() in _SAYING)
    # "having closed", "to be sworn in": a participle with no finite or modal helper.
    f["root_participle"] = float(root.tag_ in ("VBG", "VBN") and not any(
        c.dep_ in ("aux", "auxpass") and (c.tag_ == "MD" or "Fin" in c.morph.get("VerbForm"))
        for c in root.children))
    f["root_to"] = float(any(c.dep_ == "aux" and c.lower_ == "to" for c in root.children))
    f["finite"] = float(any("Fin" in t.morph.get("VerbForm") for t in title_doc))
    subjects = [c for c in root.children if c.dep_ in _SUBJECTS]
    f["no_subject"] = float(not subjects)
    if subjects:
        s = subjects[0]
        f["subject_pronoun"] = float(s.pos_ == "PRON")
        f["subject_name"] = float(s.pos_ == "PROPN" or s.ent_type_ != "")
        dets = [c.lower_ for c in s.children if c.dep_ == "det"]
        f["subject_the_noun"] = float(s.pos_ == "NOUN" and dets == ["the"]
                                      and not any(c.dep_ in ("compound", "poss", "amod")
                                                  and (c.pos_ == "PROPN" or c.ent_type_)
                                                  for c in s.children))
        f["subject_possessive"] = float(any(c.dep_ == "poss" for c in s.children))
        f["subject_passive"] = float(s.dep_ == "nsubjpass")
        f["passive_no_agent"] = float(s.dep_ == "nsubjpass"
                                      and not any(c.dep_ == "agent" for c in root.children))
    f["object"] = float(any(c.dep_ in ("dobj", "attr", "acomp", "ccomp", "xcomp", "oprd")
                            for c in root.children))
    f["modal"] = float(any(t.lower_ in _MODALS and t.dep_ == "aux" for t in title_doc))
    f["negated"] = float(any(t.dep_ == "neg" for t in title_doc))
    f["comparison"] = float(any(t.tag_ in ("JJS", "RBS", "JJR", "RBR") for t in title_doc))
    f["commas"] = float(sum(t.text == "," for t in title_doc))
    f["hangs_at_end"] = float(_hanging_end(last, root))
    ents = title_doc.ents
    f["entities"] = min(len(ents), 4) / 2
    f["person"] = float(any(e.label_ == "PERSON" for e in ents))
    f["date_left"] = float(any(e.label_ in ("DATE", "TIME") for e in ents))
    f["quote_mark"] = float(any(t.text in "\"“”" for t in title_doc))
    quote_words = set(re.findall(r"\w+", quote.lower()))
    title_words = [w.lower_ for w in words if w.is_alpha]
    if title_words:
        f["not_in_quote"] = sum(w not in quote_words for w in title_words) / len(title_words)
    f["share_of_quote"] = min(n / max(len(quote.split()), 1), 1.0)
    f["quote_is_quoted"] = float(quote.lstrip()[:1] in "\"“‘'")
    for reason in review:
        f[f"review_{_reason_kind(reason)}"] = 1.0
    return f


def _hanging_end(last: Any, root: Any) -> bool:
    """Whether the title's last word sits in a clause or phrase hung on the root's side
    (an aside or participle that may have lost its other half), not in its core."""
    t = last  # spaCy makes a new Token on each .head: compare positions, not objects
    while t.head.i != t.i and t.head.i != root.i:
        t = t.head
    return t.i != root.i and t.dep_ in _HANGING


def _reason_kind(reason: str) -> str:
    return re.sub(r"\W+", "_", reason.split(":")[0].strip().lower())[:30]


@cache
def _model() -> tuple[dict[str, float], float]:
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    return data["weights"], float(data["threshold"])


def score(feats: dict[str, float], weights: dict[str, float]) -> float:
    """The model's probability that an editor rewrites the title."""
    z = sum(weights.get(k, 0.0) * v for k, v in feats.items())
    return 1 / (1 + math.exp(-max(min(z, 30), -30)))


def parse_titles(titles: Iterable[str], nlp: Any) -> list[Any]:
    """The titles parsed as the model was fitted on them: spaCy's own pipeline without
    dateline's mends of news sentences (a third of the time of a title's parse, and made
    for sentences, not headlines)."""
    mends = [name for name in nlp.pipe_names if name.startswith("dateline_")]
    with nlp.select_pipes(disable=mends):
        return list(nlp.pipe(titles))


def doubtful(titles: Iterable[tuple[str, str, Sequence[str]]], nlp: Any) -> list[bool]:
    """For each (title, quote, review), whether the title passes the model's threshold."""
    weights, threshold = _model()
    items = list(titles)
    docs = parse_titles([t for t, _, _ in items], nlp)
    return [score(features(doc, quote, review), weights) >= threshold
            for doc, (_, quote, review) in zip(docs, items, strict=True)]


def mark(events: Sequence[Any], nlp: Any) -> tuple[Any, ...]:
    """The events with REASON added to the review of each whose title the model doubts
    (an event already marked for its title's wording is left as it is: one reason is
    enough to send the editor there)."""
    from dataclasses import replace

    todo = [e for e in events if not any(r.startswith("title ") for r in e.review)]
    flags = dict(zip((id(e) for e in todo),
                     doubtful(((e.title, e.quote, e.review) for e in todo), nlp), strict=True))
    return tuple(replace(e, review=(*e.review, REASON)) if flags.get(id(e)) else e
                 for e in events)
