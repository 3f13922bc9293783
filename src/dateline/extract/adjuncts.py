"""Which of a verb's prepositional phrases a title keeps as the complement the verb needs.

A headline keeps, after the subject and the verb with its object, the complement the verb
needs ("walked away from the talks", "rose to 273"). That is a choice of kind, made from
the parse and a closed class of prepositions of setting, never from the words of a
sentence.
"""

from __future__ import annotations

from typing import Any

# Prepositions of setting: where, when, amid what. A verb's complement is rarely one of
# these, so when a verb needs one phrase, another comes first.
SETTING_PREPS = {"at", "during", "amid", "amidst", "after", "before", "since", "until",
                 "till", "throughout", "despite", "following", "among", "near", "beside",
                 "alongside", "within", "outside", "inside"}


def complement_of(optional: list[list[Any]], verb: Any) -> list[Any] | None:
    """The phrase a verb with no object of its own needs: of the prepositional phrases
    that are its own (not one of a clause beside it that merely starts with a
    preposition), the first that is not a setting ("walked away at the summit from the
    talks": from the talks), else the first ("stood at 217")."""
    preps = sorted((p for p in optional if p and p[0].dep_ == "prep" and p[0].i > verb.i
                    and p[0].head.i == verb.i), key=lambda p: p[0].i)
    if not preps:
        return None
    return next((p for p in preps if p[0].lower_ not in SETTING_PREPS), preps[0])
