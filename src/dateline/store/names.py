"""Who took part, as the matcher compares it: names in one form ("St. John's", "St John's"),
a shorter form or initials of a name as the name ("Kurtz", "US"), which participants are
names at all, and which name no one (a pronoun the parse left standing). Pure.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from dateline.store.acts import thing

if TYPE_CHECKING:
    from dateline.store.match import Report


def name_form(name: str) -> str:
    """A name as comparisons use it: "St. John's" and "St John's", "U.S." and "US" are one."""
    return " ".join(name.casefold().replace(".", "").split())


# Participants that name no one: a pronoun the parse left as subject ("they pulled the
# plug", "it is a long way") is no participant two reports can share.
NO_ONE = frozenset({"", "they", "it", "he", "she", "we", "i", "you", "this", "that",
                     "these", "those", "who", "which", "one", "many", "some", "neither",
                     "both", "all", "none", "each", "there"})


def participants(rep: Report) -> set[str]:
    """The head words of a report's subject and object, in the form names are compared."""
    return {name_form(thing(rep.subject)), name_form(thing(rep.object))} - NO_ONE


def named(part: str, rep: Report) -> bool:
    """Whether a participant of ``rep`` is one of its names (not a common noun)."""
    return bool(part) and bool(shared_names({name_form(part)}, rep.names))


def other_named_actors(a: Report, b: Report) -> bool:
    """Both subjects are names, and different ones ("China" and "Ethiopian Airlines"
    grounding planes on one day are two events)."""
    if not (named(a.subject, a) and named(b.subject, b)):
        return False
    sa, sb = name_form(a.subject), name_form(b.subject)
    return not (shared_names({sa}, {sb}) or shared_names({sa}, b.names)
                or shared_names({sb}, a.names))


def proper(part: str, rep: Report) -> bool:
    """Whether a participant is a name: one of the report's names, or written with a
    capital inside its title or quote ("Ian roared ashore" alone cannot say)."""
    if named(part, rep):
        return True
    words = f"{rep.title} {rep.quote}".split()
    first = part.split()[0]
    return any(w.strip(",.;:'\"’()").casefold() == first and w[:1].isupper()
               for i, w in enumerate(words) if i and not words[i - 1].endswith((".", ":", '"')))


def shared_names(a: Iterable[str], b: Iterable[str]) -> set[str]:
    """The names of ``a`` that ``b`` has too, where a shorter form counts ("Kurtz" and
    "George Kurtz", "Transportation Department" and "US Transportation Department"), and
    so do initials ("US" and "United States")."""
    words_b = [(n, set(n.split())) for n in b]
    out = set()
    for n in a:
        wa = set(n.split())
        if any(n == m or (wa and wb and (wa <= wb or wb <= wa)) or _initials(n, m)
               or _initials(m, n) for m, wb in words_b):
            out.add(n)
    return out


_SMALL_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "&"})


def _initials(short: str, full: str) -> bool:
    """Whether ``short`` is the initials of ``full`` ("us" of "united states", "faa" of
    "federal aviation administration")."""
    words = [w for w in full.split() if w not in _SMALL_WORDS]
    return 2 <= len(short) <= 5 and " " not in short and len(words) == len(short) \
        and all(w[0] == c for w, c in zip(words, short, strict=True))
