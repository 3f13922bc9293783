"""Which dates move the story's reference time: the date "three days later" counts from.

A narrative moves its time forward in main clauses; a date in a clause that hangs off
another ("..., less than two weeks after protests forced the president to flee on 14
January") is background told in passing. In "The uprising began on 25 January, ... after
protests forced him out on 14 January. Three days later, ..." the three days count from
the 25th, the date of the main clause, not from the 14th, the last date in the text. So
within a sentence whose main clause carries a date of its own, a date of a clause that
modifies another (adverbial, relative, a clause on a noun or after a preposition) does not
become the anchor of the relative dates that follow; it keeps its own value. A complement
is no background: in "officials said on Monday that the ferry sank on Friday" the sinking
is what the story tells. A sentence with no dated main clause is left as before: its last
date still anchors what follows.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# Dependency labels of a clause that modifies another (not a complement: ccomp, xcomp).
_SUBORDINATE = {"advcl", "relcl", "acl", "pcomp"}


def background_dates(doc: Any, mentions: Iterable[Any]) -> set[int]:
    """The start offsets of the mentions that must not anchor later relative dates: those
    in a subordinate clause of a sentence whose main clause has a date of its own."""
    by_sentence: dict[int, list[tuple[int, bool]]] = {}
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        sent = span.root.sent
        by_sentence.setdefault(sent.start, []).append((m.start, _subordinate(span.root)))
    out: set[int] = set()
    for found in by_sentence.values():
        if any(not sub for _, sub in found) and any(sub for _, sub in found):
            out.update(start for start, sub in found if sub)
    return out


def _subordinate(token: Any) -> bool:
    """Whether the clause holding `token` hangs off another clause (a walk up its heads to
    the sentence root meets a subordinating label)."""
    t = token
    while t.head.i != t.i:  # spaCy makes a new Token on each .head: compare positions
        if t.dep_ in _SUBORDINATE:
            return True
        t = t.head
    return False
