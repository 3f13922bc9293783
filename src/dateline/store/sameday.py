"""One day, one event each: two articles of a story that each date one event, and only
one, to the same day most often report the same happening in their own words ("Ian
roared ashore", "Ian hit the coast"). Here that case is recognised and judged on weaker
signs than match.py asks of two events among many on one day. Pure.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from dateline.store.acts import LIGHT_VERBS, derived_act, derives, kin, same_act, thing
from dateline.store.names import name_form, other_named_actors, participants, proper, shared_names

if TYPE_CHECKING:
    from dateline.store.match import Report


# Verbs that say nothing but that something was said.
_TELLING = frozenset({"say", "tell", "report", "state", "add", "note", "write", "announce",
                      "confirm", "declare"})


def lone_day(a: Report, b: Report) -> bool:
    """Two articles of a story that each date one event, and only one, to the same day
    most often report the same happening in their own words ("Ian roared ashore", "Ian
    hit the coast"), so less is asked than of two events among many on one day; but two
    stories in one folder meet this too, so it is still more than one chance likeness.

    Against: two different named actors, or two sets of names with none in common (a
    grid in Cuba and an order in Florida). For, any one of: a participant in common, a
    person or organisation both name, two words in common beside who took part; or two
    of the weaker signs: the same act, a noun of one naming the other's act, one word in
    common, a place both name, one reporting that someone said the other's act."""
    common = shared_names(a.names, b.names)
    if other_named_actors(a, b) or (a.names and b.names and not common):
        return False
    pa, pb = participants(a), participants(b)
    parts = shared_names(pa, pb) | shared_names(pa, b.names) | shared_names(pb, a.names)
    shared = {thing(w) for w in a.lemmas} & {thing(w) for w in b.lemmas}
    places = {name_form(p) for p in (*a.places, *b.places)}
    actors = {n for n in common if not shared_names({n}, places)}
    named = {p for p in parts if proper(p, a) or proper(p, b)}
    who = {w for n in (*parts, *common) for w in n.split()}
    words = shared - who - LIGHT_VERBS - _VAGUE - {a.verb, b.verb}
    fewest = max(1, min(len(a.lemmas), len(b.lemmas)))
    if named or actors or (len(words) >= 2 and len(words) / fewest >= 0.25):
        return True
    act = same_act(a.verb, b.verb)
    told = _reports_act(a, b) or _reports_act(b, a)
    if not (act or told) and a.verb not in LIGHT_VERBS and b.verb not in LIGHT_VERBS:
        return False  # two deeds ("met the envoy", "signed the deal") need more
    weak = (act, told, _names_act(a, b) or _names_act(b, a), bool(words), bool(common),
            bool(parts - named) or _kin(a, b))
    return sum(weak) >= 2


def _kin(a: Report, b: Report) -> bool:
    """Whether a participant of each is one kind of thing (WordNet's word)."""
    return any(kin(x, y) for x in (a.subject, a.object) for y in (b.subject, b.object))


# Nouns of time and quantity that two unrelated reports share by chance.
_VAGUE = frozenset({"time", "day", "week", "month", "year", "hour", "minute", "people",
                    "way", "number", "part", "thing", "place", "lot", "million",
                    "billion", "thousand", "hundred", "percent", "first", "last", "new"})


def _reports_act(a: Report, b: Report) -> bool:
    """Whether ``a`` tells of someone saying that ``b``'s act happened ("the regulator
    confirmed the recall", "the commission recalled the phones")."""
    return a.verb in _TELLING and b.verb not in LIGHT_VERBS \
        and any(same_act(w, b.verb) for w in a.lemmas)


def _names_act(a: Report, b: Report) -> bool:
    """Whether a participant of ``a`` names ``b``'s act: the word itself ("a ban came
    into force", "was banned") or a noun of it ("the killing took place", "died")."""
    if not b.verb or b.verb in LIGHT_VERBS:
        return False
    return any(w == b.verb or derives(w, b.verb) or derived_act(w, b.verb)
               for w in (a.subject, a.object) if w and w != a.verb)


def lone_days(reports: list[Report]) -> Callable[[Report, Report], bool]:
    """Whether two reports are each the only event their article dates to their day."""
    count = Counter((r.article, r.date) for r in reports if r.basis != "published")

    def lone(a: Report, b: Report) -> bool:
        return count[(a.article, a.date)] == 1 and count[(b.article, b.date)] == 1
    return lone
