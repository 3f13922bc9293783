"""Voices: who speaks each direct quotation, and which quotations are colour.

A story quotes passers-by, fans and unnamed experts for colour ('"We had moved back
indoors on Sunday," said one shopkeeper'). What such a voice says or did is no event of
the story: a timeline editor deletes every one of them. A named person's words, or an
official's ("a ministry spokesman said"), stay events.
"""

from __future__ import annotations

from typing import Any

# Verbs that attribute a quotation to its speaker.
_SAYING = {"say", "tell", "add", "recall", "explain", "ask", "insist", "joke", "shout",
           "write", "wonder", "admit", "complain", "sigh", "laugh", "remember", "put"}
# Unnamed speakers whose words are the story's news, not colour.
_OFFICIAL = {"spokesman", "spokeswoman", "spokesperson", "official", "officer", "minister",
             "source", "aide", "adviser", "advisor", "executive", "diplomat", "representative",
             "lawyer", "attorney", "prosecutor", "investigator", "negotiator", "statement",
             "police", "secretary", "director", "chief", "commander", "regulator"}


def speaker_of(quote: tuple[int, int], doc: Any) -> Any | None:
    """The token that names who speaks the quotation at characters ``quote`` (the
    subject of the verb of saying nearest to it, outside it, in the sentences it spans),
    or None when no such verb is found."""
    a, b = quote
    best: tuple[int, Any] | None = None
    for sent in doc.sents:
        if sent.end_char <= a or sent.start_char >= b + 1:
            continue
        for tok in sent:
            if a <= tok.idx < b or tok.lemma_.lower() not in _SAYING or tok.pos_ != "VERB":
                continue
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None or a <= subj.idx < b:
                continue
            gap = tok.idx - b if tok.idx >= b else a - tok.idx
            if best is None or gap < best[0]:
                best = (gap, subj)
    return best[1] if best else None


def unnamed(speaker: Any) -> bool:
    """Whether ``speaker`` is an unnamed voice ("one shopkeeper", "a fan", "one London-
    based agent"): an indefinite common noun that is no official."""
    if speaker.pos_ != "NOUN" or speaker.ent_type_ == "PERSON" \
            or speaker.lemma_.lower() in _OFFICIAL:
        return False
    if any(c.dep_ == "compound" and c.lemma_.lower() in _OFFICIAL for c in speaker.children):
        return False  # "a police officer", "a company spokesman"
    return any(c.dep_ in ("det", "nummod") and c.lower_ in ("one", "a", "an", "another")
               for c in speaker.children)


def speakers(doc: Any, quotes: list[tuple[int, int]]) -> list[Any | None]:
    """The speaker token of each quotation of ``quotes`` (None where none is found). A
    quotation with no verb of saying of its own continues the one before it in the same
    paragraph ('"...," said one student. "But if they ..."')."""
    text = doc.text
    out: list[Any | None] = []
    for n, quote in enumerate(quotes):
        speaker = speaker_of(quote, doc)
        if speaker is None and n and "\n" not in text[quotes[n - 1][1]:quote[0]]:
            speaker = out[-1]
        out.append(speaker)
    return out


def colour_quotes(doc: Any, quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The quotations of ``quotes`` that an unnamed voice speaks."""
    return [q for q, who in zip(quotes, speakers(doc, quotes), strict=True)
            if who is not None and unnamed(who)]


def background_of_voice(verb: Any) -> bool:
    """Whether ``verb`` tells the background of an unnamed quoted voice: "said one
    engineer, who joined the project in the late 1990s", "said one mathematician who
    knew him in the 1990s" (a relative clause, or one joined to it by "and")."""
    while verb.dep_ == "conj":
        verb = verb.head
    if verb.dep_ != "relcl":
        return False
    person = verb.head
    if person.dep_ == "appos":
        person = person.head
    said = person.head
    if person.dep_ not in ("nsubj", "nsubjpass") or said.lemma_.lower() not in _SAYING:
        return False
    return unnamed(person) and any(t.text in ('"', "“", "”") for t in verb.sent)
