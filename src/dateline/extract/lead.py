"""What the lead says about who a story is about: its person (the "he" of paragraphs
that name no one), its actor (whose "the trial", "the season" is), and a role its verb
gives ("resigned as president": "the president" further on)."""

from __future__ import annotations

import re
from typing import Any

from dateline.extract.names import Names

# Happenings that are someone's: a title says whose ("Breivik's trial opened").
_OWNED = {"trial", "season", "playoff", "playoffs", "unraveling", "unravelling", "collapse",
          "downfall", "career", "tenure", "reign", "campaign", "tour", "retrial"}


def protagonist(doc: Any, names: Names, tok: Any, window: tuple[int, int],
                gender: str) -> str | None:
    """The person the story is about, for a he/she with no person named in its window
    ("The question of his sanity had divided Norway", paragraphs after the lead named
    Breivik): the lead's subject, when the article names no one more. ``window``: where
    the pronoun's three sentences and its one sentence before begin (offsets)."""
    start, near = window
    if names.person_before(tok.idx, start) is not None or any(
            near <= m.start < tok.idx and m.is_subject and m.kind != "places"
            for m in names.mentions):
        return None  # "Pinault [read as a company] said his family": someone near
    lead = next(iter(doc.sents), None)
    first = next((m for m in names.mentions if m.kind == "people" and m.is_main
                  and lead is not None and m.start < lead.end_char), None)
    if first is None or first.start >= tok.idx or first.gender and first.gender != gender:
        return None
    counts: dict[str, int] = {}
    for m in names.mentions:
        if m.kind == "people" and m.start < tok.idx:
            counts[m.name] = counts.get(m.name, 0) + 1
    top = max(counts.values())
    return lead_name(doc, first) \
        if counts[first.name] == top and list(counts.values()).count(top) == 1 else None


def lead_name(doc: Any, m: Any) -> str:
    """The lead's subject as the lead spells it: "Anders Behring Breivik", where the
    model's entity left out a first name it tagged as a noun."""
    tok = next((t for t in doc if t.idx >= m.start), None)
    if tok is None:
        return m.name
    head = tok if tok.dep_ != "compound" else tok.head
    first = tok.i
    while first > 0 and doc[first - 1].dep_ == "compound" \
            and doc[first - 1].head.i == head.i and doc[first - 1].text.istitle() \
            and doc[first - 1].is_sent_start:
        first -= 1
    spelled = doc[first:head.i + 1].text
    return spelled if spelled.endswith(m.name) else m.name


def owner_of(doc: Any, names: Names, noun: Any) -> str | None:
    """Whose "the trial", "the season", "the unraveling" is: the actor the lead names
    as its subject ("Enron filed for bankruptcy ... The unraveling began" -> "Enron's"),
    when the noun says no one's and is a happening a person or body has."""
    if noun.lemma_.lower() not in _OWNED or noun.dep_ not in ("nsubj", "nsubjpass") \
            or [c.lower_ for c in noun.children if c.i < noun.i and c.dep_ in (
                "det", "poss", "compound")] != ["the"]:
        return None
    lead = next(iter(doc.sents), None)
    actor = next((m for m in names.mentions if m.is_main and lead is not None
                  and m.start < lead.end_char and m.kind in ("people", "organizations")),
                 None)
    if actor is None or actor.start >= noun.idx:
        return None
    name = lead_name(doc, actor)
    the = "the " if re.search(rf"\b[Tt]he {re.escape(name)}", doc.text) else ""
    return the + name + "'s"


def lead_role(doc: Any, names: Names, role: str, before: int) -> str | None:
    """The person the lead gives ``role`` by its verb: "Robert Mugabe resigned as
    president of Zimbabwe" is "the president" further on. Only the lead's own subject
    and a verb of what is or was, not of what will be ("would be sworn in as
    president")."""
    lead = next(iter(doc.sents), None)
    if lead is None or lead.end_char > before:
        return None
    root = lead.root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or any(c.dep_ == "aux" and c.tag_ in ("MD", "TO") for c in root.children):
        return None
    ent = names.entity_at(subj.idx, subj.idx + len(subj.text))
    if ent is None or ent.kind != "people":
        return None
    for prep in root.children:
        if prep.dep_ != "prep" or prep.lower_ != "as":
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        said = obj is not None and " ".join(
            t.lower_ for t in obj.subtree if t.i <= obj.i and t.dep_ != "det")
        if said == role:
            return ent.name
    return None
