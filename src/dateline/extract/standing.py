"""Whether the clauses a title holds still stand once its words are chosen.

titles.py picks constituents of the parse and drops the date and other events' words. What
is left can hold a clause that no longer is one: a second verb whose "and" went ("laid out
his theory [and, the following year,] showed that ..."), or a side clause whose own
subject went. Each step here takes such a clause out whole; none looks at particular words.
"""

from __future__ import annotations

from typing import Any

from dateline.extract.phrases import SUBJECTS

# Clauses hung on a noun or beside a verb. A verb's own complement clause (ccomp, xcomp) is
# what the title says and is never taken out here.
_SIDE_CLAUSES = {"relcl", "acl", "advcl", "conj", "parataxis"}


def _inside(token: Any, verb: Any) -> bool:
    """Whether ``token`` lies in ``verb``'s own phrase (not in a subject borrowed from a
    noun outside it)."""
    return any(a.i == verb.i for a in token.ancestors)


def without_fallen_clauses(tokens: list[Any], verb: Any, replace: dict[int, str]) -> list[Any]:
    """``tokens`` without the side clauses that no longer read as clauses.

    A second verb whose "and" was dropped runs two clauses together ("Costs soared
    inflation rose"); a side clause whose own subject was dropped has a verb with no one
    doing it. ``verb`` is the title's own verb; ``replace`` the words it renames (a renamed
    word counts as kept).
    """
    kept = {t.i for t in tokens}
    gone: set[int] = set()
    for t in tokens:
        if t.i == verb.i or t.i in gone or t.pos_ not in ("VERB", "AUX") \
                or t.dep_ not in _SIDE_CLAUSES or not _inside(t, verb):
            continue
        own = [c for c in t.children if c.dep_ in SUBJECTS]
        lost_subject = bool(own) and all(c.i not in kept and c.i not in replace for c in own)
        links = [c for c in t.head.children if c.dep_ == "cc" and c.i < t.i] \
            + [c for c in t.children if c.dep_ == "cc" and c.i < t.i]
        run_on = t.dep_ == "conj" and bool(links) and all(c.i not in kept for c in links)
        if lost_subject or run_on:
            gone |= {d.i for d in t.subtree}
            left = t.left_edge.i
            if left > 0 and left - 1 in kept and t.doc[left - 1].text == ",":
                gone.add(left - 1)
    if not gone:
        return tokens
    return [t for t in tokens if t.i not in gone]
