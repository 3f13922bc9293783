"""The weak tier of matching: several independent signs that two reports are one event,
added into one score and compared with one threshold (:data:`THRESHOLD`).

match.evidence holds the strong rules (the same act by the same participants, and the
like). Reports of one event that fail them still tend to show several weak signs at once:
the same day, each the only report of its article at that time, a rare participant in
common, the act of one named by a word of the other. One sign alone is common between two
different events of a story ("Carillion" is in every report of Carillion's collapse);
several together are rarer. Every sign is read from the parse the reports carry and
weighted by how rare its words are among the reports grouped together: no word lists.
Pure: values in, values out.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from dateline.store.acts import LIGHT_VERBS, derives, ordinals, same_act, thing

# The score at or above which two reports the strong rules left apart are one event,
# chosen on the five development story sets together (docs/decisions.md).
THRESHOLD = 3.5
# A word's rarity weight is capped: one rare word is one sign, not a proof.
MAX_WEIGHT = 2.0
# Words in common count at most this much together: however many, they are one sign.
WORDS_CAP = 2.0
# Verbs that report what was said: their act is in what was said, so they are no deed.
_SAYING = frozenset({"announce", "confirm", "declare", "insist", "say", "tell"})


@dataclass(frozen=True)
class Signs:
    """The weak signs of one pair of reports (see :func:`signs`)."""

    date: float  # 1 both one day; 0.5 a day inside the other's month; 0.25 coarser
    unique: float  # 1 each is the only report of its article at the other's time
    act: float  # 1 one act; -1 two different deeds; 0 a light verb or no verb
    words: float  # rarity of the participants in common, beyond the verbs (capped)
    names: float = 0.0  # -1 when both name participants and no name is in common
    role: float = 0.0  # 0.5 a participant is what was acted on in both
    first: float = 0.0  # 1 each is its article's first and only report of that one day
    rare: float = 0.0  # the rarest content lemma both sentences hold (capped, halved)

    @property
    def score(self) -> float:
        """The signs added (none is decisive). With no participant in common it is 0: a
        day, an act and an article's only report of the day are what two stories' news on
        one day have too ("the judge adjourned", "the agency adjourned"), unless each is
        its article's first word of that day and both sentences hold one rare word: then
        the day's news is what both articles bring, told in words of their own."""
        if not self.words:
            if not (self.first and self.rare >= RARE_MIN):
                return 0.0
            return self.date + self.unique + self.act + self.rare + self.names + self.first
        return self.date + self.unique + self.act + self.words + self.names + self.role


class Pool:
    """What the signs need to know of all the reports grouped together: how rare each
    word is among them, and which reports each article dates to which time."""

    def __init__(self, reports: Iterable[Any]) -> None:
        self.reports = list(reports)
        self._words = {id(r): words_of(r) for r in self.reports}
        df: Counter[str] = Counter()
        for words in self._words.values():
            df.update(words)
        n = max(1, len(self.reports))
        self.weight = {w: min(MAX_WEIGHT, math.log((n + 1) / c)) for w, c in df.items()}
        self._lemmas = {id(r): content_lemmas(r) for r in self.reports}
        ldf: Counter[str] = Counter()
        for words in self._lemmas.values():
            ldf.update(words)
        self.lemma_weight = {w: min(MAX_WEIGHT, math.log((n + 1) / c))
                             for w, c in ldf.items()}
        self.by_article: dict[str, list[Any]] = {}
        for rep in self.reports:
            if rep.basis != "published":
                self.by_article.setdefault(rep.article, []).append(rep)

    def words(self, rep: Any) -> frozenset[str]:
        """:func:`words_of` ``rep``, computed once."""
        found = self._words.get(id(rep))
        return found if found is not None else words_of(rep)

    def mass(self, words: Iterable[str]) -> float:
        """The rarity of ``words`` added (a word the pool has not seen counts as rare)."""
        return sum(self.weight.get(w, MAX_WEIGHT) for w in words)

    def rare(self, a: Any, b: Any) -> float:
        """How rare the rarest content lemma of both sentences is among the pool's."""
        la = self._lemmas.get(id(a)) or content_lemmas(a)
        lb = self._lemmas.get(id(b)) or content_lemmas(b)
        return max((self.lemma_weight.get(w, MAX_WEIGHT) for w in la & lb), default=0.0)

    def first_of_day(self, rep: Any) -> bool:
        """Whether ``rep`` is dated to one day that no other report of its article is
        dated to, and no report before it in its article covers (its article's first
        word of that day: the news it brings, not background told again)."""
        from dateline.store.match import relation, span_days

        if span_days(rep.date) != 1:
            return False
        for other in self.by_article.get(rep.article, []):
            if other is rep:
                continue
            if other.date == rep.date or (other.order < rep.order
                                          and relation(other.date, rep.date) == "agree"):
                return False
        return True

    def only(self, rep: Any, other: Any) -> bool:
        """Whether ``rep`` is the only report of its article whose reading agrees with
        ``other``'s (its article tells of nothing else at that time)."""
        from dateline.store.match import relation

        rivals = self.by_article.get(rep.article, [rep])
        return sum(relation(r.date, other.date) == "agree" for r in rivals) <= 1


def words_of(rep: Any) -> frozenset[str]:
    """The words of a report that can be in common with another's, each counted once: its
    names whole ("sam bankman-fried" is one word, not three), its participants' head
    words and its content lemmas outside those names, none of the light verbs."""
    from dateline.store.match import name_form

    names = set(rep.names)
    inside = {w for n in names for w in n.replace("-", " ").split()} | {
        w for n in names for w in n.split()}
    words = {thing(w) for w in rep.lemmas if w not in inside}
    for part in (name_form(rep.subject), name_form(rep.object)):
        if part and part not in inside and not any(part in n.split() for n in names):
            words.add(thing(part))
    return frozenset({w for w in words if w and w not in LIGHT_VERBS and len(w) > 1}
                     | names)


def content_lemmas(rep: Any) -> frozenset[str]:
    """The lemmas of a report's sentence that can say what happened: no light verb, no
    number, no word of two letters."""
    return frozenset(thing(w) for w in rep.lemmas
                     if len(w) > 2 and not w.replace(",", "").replace(".", "").isdigit()
                     and w not in LIGHT_VERBS)


def heads(rep: Any) -> set[str]:
    """The words that say who or what took part in ``rep``: its names, and its subject's
    and object's head words."""
    from dateline.store.match import name_form

    return set(rep.names) | {thing(name_form(p)) for p in (rep.subject, rep.object) if p}


def _shared(a: frozenset[str], b: frozenset[str]) -> set[str]:
    """The words of ``a`` that ``b`` has too, a shorter name counting as a longer one
    ("kurtz" and "george kurtz")."""
    from dateline.store.match import shared_names

    names_b = [m for m in b if " " in m]
    out = set(a & b)
    for w in a - b:
        if " " in w and shared_names({w}, b) or names_b and shared_names({w}, names_b):
            out.add(w)
    return out


def date_sign(a: str, b: str) -> float:
    """How closely two agreeing readings place the event: both on one day (1), a day
    inside the other's month or less (0.5), two coarser readings (0.25)."""
    from dateline.store.match import span_days

    da, db = span_days(a), span_days(b)
    if da == db == 1:
        return 1.0
    if min(da, db) == 1 and max(da, db) <= 31:
        return 0.5
    return 0.25


def act_sign(a: Any, b: Any) -> float:
    """1 when both name one act: one verb group, or the act of one is a word of the other
    ("the premier announced it" / "the announcement"; "collapsed" / "the collapse"). -1
    for two different deeds (neither verb light nor a verb of saying): "refused bail" and
    "was arrested" are two happenings whatever else they share. 0 otherwise."""
    if same_act(a.verb, b.verb):
        return 1.0
    for x, y in ((a, b), (b, a)):
        if x.verb and x.verb not in LIGHT_VERBS and " " not in x.verb and (
                x.verb in y.lemmas or any(derives(w, x.verb) for w in y.lemmas)):
            return 1.0
    if all(v and v.split()[0] not in LIGHT_VERBS | _SAYING for v in (a.verb, b.verb)):
        return -1.0
    return 0.0


def signs(a: Any, b: Any, pool: Pool) -> Signs:
    """The weak signs that ``a`` and ``b`` (of two articles, readings agreeing) are one
    event. Only what one of them holds as a participant counts as a word in common: an
    adjective, a count or a side clause's verb ("dead", "150", "leave") is common to many
    events."""
    verbs = {a.verb, b.verb, *a.verb.split(), *b.verb.split()}
    held = heads(a) | heads(b)
    shared = {w for w in _shared(pool.words(a), pool.words(b)) - verbs
              if w in held or " " in w}
    return Signs(date=date_sign(a.date, b.date),
                 unique=1.0 if pool.only(a, b) and pool.only(b, a) else 0.0,
                 act=act_sign(a, b), words=min(WORDS_CAP, pool.mass(shared) / 2),
                 names=names_sign(a, b), role=role_sign(a, b),
                 first=FIRST if a.date == b.date and pool.first_of_day(a)
                 and pool.first_of_day(b) else 0.0,
                 rare=pool.rare(a, b) / 2)


# Heads that name no participant of their own ("killed many of them", "one of the most
# powerful"): a quantity in one role of two reports is no sign they share it.
_NO_HEAD = frozenset({"many", "most", "one", "some", "all", "few", "several", "other",
                      "others", "part", "number", "any", "none", "each", "both"})


def roles(rep: Any) -> tuple[str, str]:
    """Who acted and what was acted on in ``rep``, as head words: a passive's subject is
    what was acted on ("the attempt was abandoned": the attempt is the object)."""
    from dateline.store.match import _acted_on, name_form

    subject, obj = name_form(thing(rep.subject)), name_form(thing(rep.object))
    if _acted_on(rep):
        subject = ""
    return (subject if subject not in _NO_HEAD else "", obj if obj not in _NO_HEAD else "")


# What one participant acted on in both reports adds (docs/decisions.md: at 1, or with
# 0.5 for one doer of both, the cross probe mixed "Akihito made a televised address" and
# "the King had spoken in a recorded address").
ROLE = 0.5


def role_sign(a: Any, b: Any) -> float:
    """:data:`ROLE` when a participant is what was acted on in both reports ("the first
    attempt was called off" / "an earlier attempt was abandoned"): the same part in the
    same happening says more than the same word anywhere in two sentences. Who acted in
    both says little: a story's protagonist acts in most of its reports."""
    from dateline.store.match import shared_parts

    (_, oa), (_, ob) = roles(a), roles(b)

    def same(x: str, y: str) -> bool:
        return bool(x and y and (shared_parts({x}, {y}) or shared_parts({y}, {x})))

    return ROLE if same(oa, ob) else 0.0


# What each report being its article's first and only word of one day adds, and how rare
# (halved IDF, capped at MAX_WEIGHT / 2) the rarest word both sentences hold must be for
# two reports with no participant in common to be scored at all (docs/decisions.md).
FIRST = 1.0
RARE_MIN = 1.0


# Whether names that differ count against (see :func:`names_sign`).
NAMES_APART = 1.0


def names_sign(a: Any, b: Any) -> float:
    """-1 when both reports name who or where and no name is common to them ("Modi spoke
    to the nation", "Charles spoke to the nation"): each names its own participants."""
    from dateline.store.match import shared_names

    if a.names and b.names and not shared_names(a.names, b.names):
        return -NAMES_APART
    return 0.0


def allowed(a: Any, b: Any) -> bool:
    """The checks no score overrides: two articles, readings that agree (a disagreement
    on the date needs the strong rules), both dated or both a publication day's news, and
    not the first and the last of a series."""
    from dateline.store.match import relation

    if a.article == b.article or (a.basis == "published") != (b.basis == "published"):
        return False
    oa, ob = ordinals(a.title), ordinals(b.title)
    if oa and ob and not oa & ob:
        return False
    return relation(a.date, b.date) == "agree"


def join_weak(groups: list[Any], threshold: float | None = None) -> list[Any]:
    """Join the groups the strong rules left apart where a report of one and a report of
    the other score at least ``threshold`` (default :data:`THRESHOLD`), the best pair
    first. Two groups never join when they hold reports of one article (so one article's
    events pair with another's one to one: a loose score cannot chain two events of an
    article into one file), when any two of their readings do not agree, or when both are
    files already stored."""
    limit = THRESHOLD if threshold is None else threshold
    reps = [(r, g) for g in groups for r in g.reports]
    pool = Pool(r for r, _ in reps)
    # Pairs with a new report only: two stored files never join, and a folder may hold
    # thousands of them.
    fresh = [k for k, (_, g) in enumerate(reps) if g.seed is None]
    scored = []
    for i in fresh:
        a, g = reps[i]
        for j, (b, h) in enumerate(reps):
            if j == i or h.seed is None and j < i or g is h or not allowed(a, b):
                continue
            score = signs(a, b, pool).score
            if score >= limit:
                scored.append((-score, min(i, j), max(i, j)))
    # Taken once in order of score: a pair that cannot join now never can, since a join
    # only adds articles and readings to a group.
    home = {id(r): g for r, g in reps}
    groups = list(groups)
    for _, i, j in sorted(scored):
        g, h = home[id(reps[i][0])], home[id(reps[j][0])]
        if g is h or not _joinable(g, h):
            continue
        if h.seed is not None:
            g, h = h, g
        g.reports.extend(h.reports)
        g.articles |= h.articles
        for r in h.reports:
            home[id(r)] = g
        groups.remove(h)
    return groups


def _joinable(g: Any, h: Any) -> bool:
    """Whether two groups may become one event (see :func:`join_weak`)."""
    from dateline.store.match import relation

    if g.seed is not None and h.seed is not None or g.articles & h.articles:
        return False
    return all(relation(a.date, b.date) != "apart" for a in g.reports for b in h.reports)
