"""Phrases of the parse that titles are made of: a token's subtree without its own
asides, the noun a clause modifies with its modifiers, and a verb's subject (its own, or
the one it shares with the verb it is joined to)."""

from __future__ import annotations

from typing import Any

from dateline.extract.naming import TIME_WORDS

# Inside a kept phrase: parentheticals and side clauses that a title does without.
TRIM_INSIDE = {"appos", "relcl", "punct", "advcl", "parataxis"}
SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
# Punctuation that belongs inside a phrase ("Poland, the Czech Republic and Hungary");
# where it bounded a dropped phrase, join leaves it out.
KEPT_PUNCT = {",", "-", "–", "—", "&", "/", "%", "$", "£", "€"}


# Verbs that report what someone said, decided or found: their clause is what they say.
_REPORTING = {"say", "tell", "announce", "report", "confirm", "write", "add", "claim",
              "state", "warn", "argue", "insist", "admit", "deny", "note", "explain",
              "decide", "agree", "rule", "find", "conclude", "reveal", "disclose", "declare",
              "predict", "estimate", "acknowledge", "assert", "allege", "testify", "tweet",
              "post", "suggest", "indicate", "show", "believe", "think", "fear", "hope",
              "expect", "promise", "vow", "pledge", "threaten", "concede", "recall"}


def is_reporting(verb: Any) -> bool:
    """A verb of saying or finding, whose complement clause is what was said."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in _REPORTING


def subject_of(verb: Any) -> Any | None:
    """The subject token of ``verb``: its own, or that of the verb it is coordinated
    with or complements ("was shut down ... and will restart": the reactor)."""
    seen = 0
    while verb is not None and seen < 8:
        for child in verb.children:
            if child.dep_ in SUBJECTS:
                return child
        # A clause opened by "when", "as" or "because" has a subject slot of its own;
        # a bare participle or infinitive borrows its main verb's.
        marked = any(c.dep_ == "mark" for c in verb.children)
        if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i and not marked:
            verb = verb.head
            seen += 1
            continue
        return None
    return None


def subject_of_own(verb: Any) -> Any | None:
    """``verb``'s own subject child, if it has one."""
    return next((c for c in verb.children if c.dep_ in SUBJECTS), None)


def phrase_of(token: Any, drop: set[int], trim: bool = True) -> list[Any]:
    """``token``'s subtree without the tokens in ``drop`` and (with ``trim``) without
    appositions, relative clauses and parentheticals of its own."""
    out: list[Any] = []
    stack = [token]  # a loop, not recursion: a run-on sentence nests thousands deep
    while stack:
        t = stack.pop()
        # A dropped token's dependents are still walked: what the parser hung on a date
        # ("in November of the minister") is not part of the date.
        if t.i not in drop:
            out.append(t)
        for child in t.children:
            if t.i in drop and (child.dep_ in ("appos", "relcl", "acl")
                                or child.dep_ == "prep" and child.lower_ == "than"):
                continue  # "in 2025, a date many regard as optimistic": about the date
            if trim and child.dep_ in TRIM_INSIDE and child.text not in ("'s", "’s", "-") \
                    and not (child.dep_ == "punct" and child.text in KEPT_PUNCT) \
                    and not _essential(t, child):
                continue
            if trim and child.dep_ == "acl" and child.i > t.i and child.left_edge.i > 0 \
                    and t.doc[child.left_edge.i - 1].text == ",":
                continue  # "The film, distributed by A24, had ...": an aside

            stack.append(child)
    return sorted(out, key=lambda t: t.i)


def _essential(head: Any, child: Any) -> bool:
    """A clause or apposition the noun needs: "the poet Goffredo Mameli" (a name with no
    comma before it), "the first musician to receive the honour" (an infinitive)."""
    if child.dep_ == "appos":
        if child.pos_ == "PROPN" and head.tag_ in ("NNP", "NNPS", "NNS") and any(
                c.dep_ == "conj" and c.pos_ == "PROPN" for c in child.children):
            return True  # "The Five Star Movement, the League and Forza Italia": a list
        between = head.doc[min(head.i, child.left_edge.i) + 1:max(head.i, child.left_edge.i)]
        return child.pos_ == "PROPN" and child.i > head.i and not any(
            t.is_punct for t in between)
    if child.dep_ == "relcl":
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
    if child.dep_ == "advcl" and head.dep_ == "xcomp":
        # "is due to convene to begin choosing a successor": what for is what it says.
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
    return False


# Nouns a relative clause without its own object still does not take as one: "the time
# it resurfaced" is no "it resurfaced the time".
NO_OBJECT_NOUNS = TIME_WORDS | {"reason", "way", "extent", "moment", "point", "hour",
                                  "minute", "decade", "century", "era", "period", "age"}


def noun_head_phrase(noun: Any, drop: set[int]) -> list[Any]:
    """The noun a relative clause or participle modifies, with its own modifiers."""
    keep = {"det", "amod", "compound", "poss", "nummod", "case", "nmod", "quantmod"}
    out = [noun]
    for child in noun.children:
        if child.i in drop:
            continue
        before = child.i < noun.i and child.dep_ in keep
        of_phrase = child.i > noun.i and child.dep_ == "prep" and child.lower_ == "of"
        # "a wholesale seafood and animal market, which was closed": the parser made the
        # market a second noun of "seafood"; the clause is both's.
        joined = child.i > noun.i and child.dep_ in ("cc", "conj") and any(
            c.dep_ == "conj" and c.pos_ == "NOUN" and c.i not in drop
            and c.right_edge.i + 1 < len(c.doc)
            and c.doc[c.right_edge.i + 1].lower_ in (",", "which", "that")
            for c in noun.children) and any(c.dep_ == "cc" for c in noun.children)
        if before or of_phrase or joined:
            out.extend(phrase_of(child, drop))
    out.sort(key=lambda t: t.i)
    dets = [t for t in out if t.dep_ == "det" and t.head.i == noun.i and t.i < noun.i]
    if len(dets) > 1:
        # "brought to a close a building programme that began": the parser hung the idiom's
        # "a close" on the noun; a noun phrase opens at its last article.
        out = [t for t in out if t.i >= dets[-1].i]
    return out


