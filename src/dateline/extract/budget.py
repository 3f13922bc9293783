"""How long a title may be, and what goes first when it is longer.

A headline keeps its subject, its verb and what the verb needs, and spends what words are
left on the phrases that complete them ("the closure of the route between the islands",
"the hole in its accounts"). A side clause ("..., killing everyone on board", "... and said
it would appeal") is another thing that happened: it is kept only in a short title, and
goes before any phrase of the main clause. The order is by kind of constituent, never by word.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from dateline.extract.phrases import is_reporting
from dateline.extract.wording import n_words

# Words a title may hold (judges call a title over about 20 words too long to read at a
# glance).
MAX_WORDS = 18
# A side clause stays only while the whole title is this short.
SIDE_CLAUSE_WORDS = 12


def side_clause(phrase: list[Any], verb: Any) -> bool:
    """Whether an adjunct of ``verb`` is a clause or an aside beside it ("..., saying ...",
    "when the deputy speaker threw out the motion", "before shutting the airspace", a
    phrase between the subject and the verb, a second verb of saying: "and said it would
    appeal"). Another second verb phrase ("and stormed the residence") is often the news
    itself and is no side clause here."""
    if phrase and phrase[0].i < verb.i:
        return True
    return any(t.head.i == verb.i and t.i != verb.i and (
        t.pos_ in ("VERB", "AUX") and t.dep_ == "advcl"
        or t.dep_ == "conj" and is_reporting(t)
        or t.dep_ == "prep" and t.lower_ in _TIME_PREPS
        and any(c.dep_ == "pcomp" and c.pos_ == "VERB" for c in t.children))
        for t in phrase)


# "after voting", "before shutting": another deed at another time. ("by beating Germany"
# says how, and stays.)
_TIME_PREPS = {"after", "before", "since", "while", "until", "following", "despite"}
# What completes a verb: with one of these kept, the verb says what happened without a
# side clause; without ("That changed [hours after ...]"), the clause stays.
_COMPLEMENTS = {"dobj", "attr", "acomp", "oprd", "ccomp", "xcomp", "dative", "agent", "prt",
                "npadvmod", "advmod"}


def _completed(verb: Any, kept: set[int]) -> bool:
    """Whether ``verb`` keeps an object, a complement or a prepositional phrase with its
    noun."""
    return any(c.i in kept and (c.dep_ in _COMPLEMENTS or c.dep_ == "prep" and any(
        g.i in kept for g in c.children)) for c in verb.children)


def title_words(tokens: Iterable[Any], replace: dict[int, str]) -> int:
    """Words of a title as it will read: a renamed word counts as its name ("which" as
    "the original arms treaty")."""
    tokens = list(tokens)
    return n_words(t for t in tokens if t.i not in replace) + sum(
        len(replace[t.i].split()) for t in tokens if t.i in replace)


def trim_adjuncts(tokens: list[Any], optional: list[list[Any]], verb: Any,
                  replace: dict[int, str]) -> tuple[list[Any], list[list[Any]]]:
    """``tokens`` within the budget, the adjuncts in ``optional`` going first: side clauses
    while the title is over SIDE_CLAUSE_WORDS, each with every adjunct after it (what
    hangs off the end of a dropped clause was its tail), then any adjunct, rightmost
    first, while it is over MAX_WORDS. Returns the tokens and the adjuncts still kept."""
    optional = list(optional)

    def without(phrases: list[list[Any]], tokens: list[Any]) -> list[Any]:
        gone = {t.i for p in phrases for t in p}
        for p in phrases:
            optional.remove(p)
        return [t for t in tokens if t.i not in gone]

    while title_words(tokens, replace) > SIDE_CLAUSE_WORDS:
        clauses = [p for p in optional if side_clause(p, verb)]
        if not clauses:
            break
        last = max(clauses, key=lambda p: p[0].i)
        tail = [p for p in optional if p[0].i >= last[0].i]
        gone = {t.i for p in tail for t in p}
        if not _completed(verb, {t.i for t in tokens if t.i not in gone}):
            break
        tokens = without(tail, tokens)
    while optional and title_words(tokens, replace) > MAX_WORDS:
        tokens = without([max(optional, key=lambda p: p[0].i)], tokens)
    return tokens, optional


def inner_order(token: Any, subject: set[int]) -> tuple[bool, bool, bool, int]:
    """The order in which phrases inside the subject and object go while a title is too
    long: a second clause joined to a clause the title holds first ("said it was a sad
    day [and that he would not stand again]"), then the subject's phrases ("the managers
    [in the city]" before "the hole [in his accounts]": a headline's subject is short, its
    object says what), an -ing or participle modifier of a noun last; rightmost first."""
    second = token.dep_ == "conj" and token.pos_ in ("VERB", "AUX")
    return (not second, token.i not in subject, token.dep_ == "acl", -token.i)
