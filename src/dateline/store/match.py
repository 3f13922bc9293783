"""One event, several articles: which reports are the same happening, and what the merged
event says. Pure: values in, values out (the folder and the files are store/writer.py's).

A *report* is one article's account of one event. Two reports are the same event when
their dates are compatible (the intervals overlap or nest; a day or two apart counts only
as a disagreement, on stronger evidence) and the parse says the same thing happened: the
same verb with the same subject or object or named people, places and organisations, or
the same participants with most of the same words. Shared words alone never merge: "the
minister met the envoy" and "the minister signed the deal" on one day stay two events.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from dateline.dates import DateError, DateValue, parse_value
from dateline.store import signs
from dateline.store.acts import EVENT_NOUNS, LIGHT_VERBS, PHASE_VERBS, derives, ordinals, same_act, thing

# The review reason of a disagreement (the store recognises its own reason by it).
DISAGREE = "sources disagree on the date"
# Readings this many days apart at most may be one event on which outlets disagree
# (time zones and "on Friday" counted from the wrong day: a day, sometimes two).
NEAR_DAYS = 2
# Readings longer than this (a season, a year) place an event too loosely to tell it from
# the story's other events of that time by its words alone.
COARSE_DAYS = 31


@dataclass(frozen=True)
class Report:
    """One article's account of one event: what the store matches and merges."""

    date: str  # this article's reading of the date (a stored form)
    date_text: str
    title: str
    quote: str
    article: str  # the article's identity: its URL, else its path
    source_title: str = ""
    url: str = ""
    published: dt.date | None = None
    order: int = 0  # position among its article's events
    people: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    review: tuple[str, ...] = ()
    basis: str | None = None  # "published": an undated development
    verb: str = ""
    subject: str = ""
    object: str = ""
    lemmas: tuple[str, ...] = ()
    # (role, name) pairs its article states: "the chief executive" there is that name.
    roles: tuple[tuple[str, str], ...] = ()

    def sort_key(self) -> tuple:
        """Input order never matters: reports are merged in this order."""
        return (self.published or dt.date.min, self.article, self.order, self.quote,
                self.date, self.title)

    @property
    def names(self) -> frozenset[str]:
        return frozenset(name_form(n) for n in (*self.people, *self.places,
                                                 *self.organizations))


def name_form(name: str) -> str:
    """A name as comparisons use it: "St. John's" and "St John's", "U.S." and "US" are one."""
    return " ".join(name.casefold().replace(".", "").split())


def reading(value: str) -> DateValue | None:
    try:
        return parse_value(value)
    except DateError:
        return None


def span_days(value: str) -> int:
    """How many days a reading may mean (fewer: more precise)."""
    v = reading(value)
    return (v.last - v.first).days + 1 if v else 10 ** 6


def relation(a: str, b: str) -> str:
    """'agree' (the intervals overlap or nest), 'near' (both within a few days, yet
    apart: outlets that disagree by a day), or 'apart'."""
    va, vb = reading(a), reading(b)
    if va is None or vb is None:
        return "apart"
    if va.first <= vb.last and vb.first <= va.last:
        return "agree"
    short = (va.last - va.first).days < NEAR_DAYS and (vb.last - vb.first).days < NEAR_DAYS
    gap = max((vb.first - va.last).days, (va.first - vb.last).days)
    return "near" if short and gap <= NEAR_DAYS else "apart"


def _gap(a: str, b: str) -> int:
    """How many days after one reading ends the other begins: 1 the next day, 0 when
    they overlap."""
    va, vb = reading(a), reading(b)
    if va is None or vb is None:
        return 10 ** 6
    return max(0, (vb.first - va.last).days, (va.first - vb.last).days)


# Verbs that say what someone said: the act is in what they said ("the Coast Guard said
# debris had been found").
_SAYING = LIGHT_VERBS | {"announce", "confirm", "declare"}


def _named(part: str, rep: Report) -> bool:
    """Whether a participant of ``rep`` is one of its names (not a common noun)."""
    return bool(part) and bool(shared_parts({name_form(part)}, rep.names))


def _acted_on(rep: Report) -> bool:
    """Whether the subject of ``rep`` is its own object: what a passive's title put first
    ("Ann Lee was convicted": the parse has no agent, and Ann Lee is who was acted on)."""
    return bool(rep.object) and bool(shared_parts({name_form(rep.subject)},
                                                  {name_form(rep.object)}))


# Subjects that name nobody until read in their article ("It separated from the module").
_PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i", "you", "this", "that", "which",
                       "who"})


def _unresolved(a: Report, b: Report) -> bool:
    """Whether either subject is a pronoun the article did not resolve: one of a series of
    the same act on successive days ("it separated", "it fired its engine") cannot be told
    from a disagreement on the date without knowing who acted."""
    return a.subject in _PRONOUNS or b.subject in _PRONOUNS


def _other_named_actors(a: Report, b: Report, one_act: bool = False) -> bool:
    """Both subjects are names, and different ones ("China" and "Ethiopian Airlines"
    grounding planes on one day are two events). Of ``one_act`` (both verbs name the same
    act), one told from the side of who was acted on does not count: "Ann Lee was
    convicted" and "Judge Roy convicted her" are one deed; "Ann Lee was elected" and "Tom
    Hale called the election" are not."""
    if not (_named(a.subject, a) and _named(b.subject, b)):
        return False
    if one_act and (_acted_on(a) or _acted_on(b)):
        return False
    sa, sb = name_form(a.subject), name_form(b.subject)
    return not (shared_names({sa}, {sb}) or shared_names({sa}, b.names)
                or shared_names({sb}, a.names))


def _other_actors(a: Report, b: Report, objects: bool = True) -> bool:
    """Two reports a day apart whose doers are told as different things, with nothing
    else of who took part in common: "a gunman killed a policewoman" on one day and
    "gendarmes killed the brothers" on the next are two deeds of one verb, not outlets
    disagreeing on the date. A subject of one that the other mentions, objects in common,
    or a person or organisation both name leaves them one event told two ways."""
    sa, sb = name_form(thing(a.subject)), name_form(thing(b.subject))
    if not sa or not sb or _unresolved(a, b) or shared_parts({sa}, {sb}) \
            or shared_parts({sb}, {sa}):
        return False
    la, lb = _forms((*a.lemmas, *_words(a.title))), _forms((*b.lemmas, *_words(b.title)))
    if _forms((sa,)) & lb or _forms((sb,)) & la:
        return False
    oa, ob = name_form(thing(a.object)), name_form(thing(b.object))
    if objects and oa and ob and (shared_parts({oa}, {ob}) or shared_parts({ob}, {oa})):
        return False
    who_a = {name_form(n) for n in (*a.people, *a.organizations)}
    who_b = {name_form(n) for n in (*b.people, *b.organizations)}
    return not shared_names(who_a, who_b)


def _words(text: str) -> list[str]:
    return [w.strip(",.;:'\"’").casefold() for w in text.split()]


def _forms(words: Iterable[str]) -> set[str]:
    """Words as comparisons of doers use them: "gendarmes" is "gendarme"."""
    out = set()
    for w in words:
        w = thing(w)
        out |= {w, w[:-1]} if w.endswith("s") and len(w) > 3 else {w}
    return out


def _one_of_series(a: Report, b: Report, pa: set[str], pb: set[str]) -> bool:
    """The same numbered member of a series on both sides: "a second explosion ripped
    through the mine" and "the second explosion led police to declare" are one happening
    (an ordinal names one of a series, so two outlets' readings a day apart disagree)."""
    return bool(ordinals(a.title) & ordinals(b.title)) and bool(shared_parts(pa, pb))


def _deed_to_one_named(a: Report, b: Report) -> bool:
    """Two deeds done to one named object by doers that could be one ("police took Ann
    Lee into custody" / "Ann Lee was arrested"; "the storm hit Tarvia" / "Ivo battered
    Tarvia"): outlets naming the act differently. Not a light verb or a verb of saying
    on either side ("was in Lisbon" / "reached Lisbon" are not one deed)."""
    oa, ob = name_form(thing(a.object)), name_form(thing(b.object))
    if not oa or not ob or not (shared_parts({oa}, {ob}) or shared_parts({ob}, {oa})):
        return False
    if not (_named(a.object, a) or _named(b.object, b)):
        return False
    deeds = all(v and v.split()[0] not in _NO_DEED for v in (a.verb, b.verb))
    return deeds and not _other_actors(a, b, objects=False)


# Verbs that do nothing to their object: states and verbs of saying (a light verb such as
# "took" or "made" still does: "took her into custody", "made landfall in Tarvia").
_NO_DEED = frozenset({"be", "have", "do", "say", "tell", "add", "report", "state", "write",
                      "describe", "note", "call", "see", "announce", "confirm", "declare"})


def _happening_told(a: Report, b: Report) -> bool:
    """Both about one happening noun as their subject, one of them only saying what it
    was: "the eruption sent a tsunami" and "the eruption was one of the most powerful"."""
    sa, sb = thing(a.subject), thing(b.subject)
    return bool(sa) and sa == sb and sa in EVENT_NOUNS and (
        a.verb in _TELLING or b.verb in _TELLING) \
        and not (a.verb in PHASE_VERBS or b.verb in PHASE_VERBS)


# A light verb that only says what a happening was ("the eruption was one of the most
# powerful"), not a phase of it: "the summit began" and "the summit ended" a day apart
# are two moments of one meeting.
_TELLING = LIGHT_VERBS - PHASE_VERBS


def _by_role(parts: set[str], other: Report,
             roles: tuple[tuple[str, str], ...]) -> set[str]:
    """The participants of one report that are a role whose holder the ``other`` names
    or has as a participant."""
    theirs = {*other.names, name_form(other.subject), name_form(other.object)} - {""}
    return {p for p in parts for role, name in roles
            if p == role and shared_names({name_form(name)}, theirs)}


def _said_act(a: Report, b: Report) -> bool:
    """Whether what one report says someone said is the other's act: "the Coast Guard
    said debris was found" (verb "say", a word "find") and "a vehicle found debris"."""
    return (a.verb in _SAYING and b.verb not in _SAYING
            and any(same_act(w, b.verb) for w in a.lemmas)) or \
        (b.verb in _SAYING and a.verb not in _SAYING
         and any(same_act(w, a.verb) for w in b.lemmas))


def evidence(a: Report, b: Report, rel: str) -> float:
    """How strongly the parse says ``a`` and ``b`` report one happening (0: it does not)."""
    if rel == "apart" or a.article == b.article:
        return 0.0
    if (a.basis == "published") != (b.basis == "published"):
        return 0.0  # an undated development is news of the day, not a dated event's repeat
    oa, ob = ordinals(a.title), ordinals(b.title)
    if oa and ob and not oa & ob:
        return 0.0  # the first and the last of a series
    names = shared_names(a.names, b.names)
    pa = {name_form(thing(a.subject)), name_form(thing(a.object))} - {""}
    pb = {name_form(thing(b.subject)), name_form(thing(b.object))} - {""}
    # A participant named in one report and a name of the other meet too: "Kurtz" as
    # the subject of one and "George Kurtz" among the people of the other.
    parts = shared_parts(pa, pb) | shared_parts(pa, b.names) | shared_parts(pb, a.names)
    # A person named in one report and called by a role in the other ("Dennis
    # Muilenburg" and "the former chief executive"), where either article says who holds
    # the role ("its chief executive, Dennis Muilenburg").
    parts |= _by_role(pa, b, a.roles + b.roles) | _by_role(pb, a, a.roles + b.roles)
    verb = same_act(a.verb, b.verb)
    la, lb = {thing(w) for w in a.lemmas}, {thing(w) for w in b.lemmas}
    shared = la & lb
    overlap = len(shared) / max(1, min(len(la), len(lb)))
    who = {w for n in (*parts, *names) for w in n.split()}
    extra = _count(shared - who, a, b)  # words in common beyond who took part
    # ... and beyond the act itself
    beyond = _count(shared - who - {a.verb, b.verb, *a.verb.split(), *b.verb.split()}, a, b)
    one_day = span_days(a.date) == span_days(b.date) == 1
    if min(span_days(a.date), span_days(b.date)) > COARSE_DAYS and not names \
            and not any(_named(p, a) or _named(p, b) for p in parts):
        # Two readings no finer than a season hold many events of a story: what they have
        # in common must be named ("an Israeli probe was lost", "India's mission lost its
        # lander", both in 2019, are two), not a common noun and a verb.
        return 0.0
    if rel == "near":
        # A disagreement on the date needs the clearest sign that it is one event: the
        # same act by the same participants, or the same act in mostly the same words.
        ok = verb and (bool(parts) or bool(names) or (beyond >= 3 and overlap >= 0.5)) \
            and not _other_named_actors(a, b) and (bool(names) or not _unresolved(a, b)) \
            and not _other_actors(a, b)
        # A day apart only: a story's repeated happenings ("further blasts followed")
        # come every other day as often as outlets disagree by two.
        ok = ok or (_one_of_series(a, b, pa, pb) or _happening_told(a, b)
                    or _deed_to_one_named(a, b)) \
            and not _other_named_actors(a, b) and _gap(a.date, b.date) == 1
        return 20 + overlap if ok else 0.0
    if verb and (parts or names):
        return 30 + overlap + 0.1 * len(names)
    if _said_act(a, b) and parts and not _light_against_act(a, b, extra):
        return 20 + overlap  # "the board announced X was stepping down", "X resigned"
    # The happening itself as what both are about, on the same day, where one verb says
    # nothing of its own: "hold the election", "go to the polls" (not two deeds around
    # it: "the fire broke out", "the fire destroyed the roof"; "the government survived
    # the vote", "Britain will hold an election"); or the act of one as the other's noun
    # ("the spire collapsed", "the collapse of the spire"), with a word in common beside it.
    if one_day and not _other_named_actors(a, b):
        two_deeds = a.verb not in LIGHT_VERBS and b.verb not in LIGHT_VERBS
        if not two_deeds and any(thing(p) in EVENT_NOUNS for p in shared_parts(pa, pb)):
            return 20 + overlap
        if beyond >= 1 and (any(derives(n, a.verb) for n in pb)
                            or any(derives(n, b.verb) for n in pa)):
            return 20 + overlap
    # Two acts ("met" and "signed") by the same people on the same day are two events,
    # unless their words share more than who took part.
    other_acts = a.verb not in LIGHT_VERBS and b.verb not in LIGHT_VERBS and not verb \
        and bool(a.verb) and bool(b.verb)
    if other_acts and extra < 2 and not _said_act(a, b):
        return 0.0
    if (parts or len(names) >= 2) and overlap >= 0.5 and len(shared) >= 2 \
            and not _light_against_act(a, b, extra) and not _told_as_context(a, b) \
            and not _says_nothing(a) and not _says_nothing(b):
        return 20 + overlap + 0.1 * len(names)
    if overlap >= 0.7 and len(shared) >= 4 and (names or parts):
        return 10 + overlap
    # The same act on the same day, told of other participants ("divers found them",
    # "the group were discovered"), with two words in common beside the act and who took
    # part: one event unless each names a different actor. The act alone is not enough
    # ("announced a recall", "announced an inquiry"), nor is a light verb ("began").
    if verb and one_day and beyond >= 2 and a.verb not in LIGHT_VERBS \
            and b.verb not in LIGHT_VERBS and not _other_named_actors(a, b, one_act=True):
        return 8 + overlap
    # What someone said happened, and the act itself, on the same day in several of the
    # same words.
    if _said_act(a, b) and one_day and beyond >= 3:
        return 6 + overlap
    # The same day, the same name, and several words in common beyond it: "the outage
    # began on 19 July, when CrowdStrike pushed a defective software update" and "a faulty
    # software update from CrowdStrike crashed computers on Friday".
    if names and extra >= 2 and len(shared) >= 3 and overlap >= 0.3 and one_day \
            and not _says_nothing(a) and not _says_nothing(b):
        return 5 + overlap
    return 0.0


def _says_nothing(rep: Report) -> bool:
    """A title whose act is only "be" of a pronoun the article did not resolve ("He
    announced it was over"): what happened is not in its parse, so the words of its
    sentence around it (another clause's "national mourning") are no sign of the event."""
    return rep.verb == "be" and rep.subject in _PRONOUNS


def _told_as_context(a: Report, b: Report) -> bool:
    """Two different deeds with no participant of both acts, where who one is about
    appears nowhere in the other: the words in common are the other's happening, told as
    the first one's background ("Ann Lee was arrested in the days after the paper was
    shut down" and "the paper was closed amid fury" share the paper and its closing, not
    the arrest)."""
    if not all(v and v.split()[0] not in _NO_DEED | LIGHT_VERBS for v in (a.verb, b.verb)):
        return False
    if same_act(a.verb, b.verb) or _said_act(a, b):
        return False
    # A participant of both acts is no background: "Ann Lee is recovering from a failed
    # flight" and "the flight failed" share the flight itself.
    pa = {name_form(thing(p)) for p in (a.subject, a.object)} - {""}
    pb = {name_form(thing(p)) for p in (b.subject, b.object)} - {""}
    if shared_parts(pa, pb) or shared_parts(pb, pa):
        return False
    for x, y in ((a, b), (b, a)):
        who = name_form(thing(x.subject))
        if not who or who in _PRONOUNS:
            continue
        theirs = {*y.names, name_form(y.subject), name_form(y.object)} - {""}
        if not (shared_parts({who}, theirs) or shared_parts(theirs, {who})
                or _forms(who.split()) & _forms((*y.lemmas, *_words(y.title)))):
            return True
    return False


def _count(words: set[str], a: Report, b: Report) -> int:
    """How many things ``words`` say: the words of one name either report gives count
    once ("islamic" and "state" of "Islamic State" are one thing in common, not two)."""
    rest, whole = set(words), 0
    for name in sorted(a.names | b.names):
        inside = {w for w in name.replace("-", " ").split()} & rest
        if len(inside) > 1:
            rest -= inside
            whole += 1
    return len(rest) + whole


def _light_against_act(a: Report, b: Report, extra: int) -> bool:
    """A light verb ("came", "gave") against a deed ("crossed", "testified") at two
    precisions of date (a day, and the month or year holding it): the one participant of
    a story and a word or two beside it place the deed on no day in particular ("Ian came
    ashore near a barrier island west of Fort Myers" on the 28th, "Ian crossed the
    island's west" some day that month)."""
    if (a.verb in LIGHT_VERBS) == (b.verb in LIGHT_VERBS) or span_days(a.date) == \
            span_days(b.date):
        return False
    return extra < 3


def shared_names(a: Iterable[str], b: Iterable[str]) -> set[str]:
    """The names of ``a`` that ``b`` has too, where a shorter form counts ("Kurtz" and
    "George Kurtz", "Transportation Department" and "US Transportation Department")."""
    words_b = [(n, set(n.split())) for n in b]
    out = set()
    for n in a:
        wa = set(n.split())
        if any(n == m or (wa and wb and (wa <= wb or wb <= wa)) for m, wb in words_b):
            out.add(n)
    return out


def shared_parts(a: Iterable[str], b: Iterable[str]) -> set[str]:
    """The participants of ``a`` that ``b`` has too. A participant may be a common noun,
    so a shorter form counts only as the end of the longer one ("Kurtz" is "George
    Kurtz", "Ian" is "Hurricane Ian"), never as its start ("the accession" is not the
    "Accession Council", "the board" not the "Board of Trade")."""
    words_b = [m.split() for m in b]
    out = set()
    for n in a:
        wa = n.split()
        if any(wa and wb and (wa == wb[-len(wa):] or wb == wa[-len(wb):]) for wb in words_b):
            out.add(n)
    return out


@dataclass
class Group:
    """Reports of one event: a new event, or one already in a file (``seed`` set)."""

    reports: list[Report]
    seed: object | None = None  # the stored file this group starts from
    articles: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.articles |= {r.article for r in self.reports}


def group(reports: Iterable[Report], seeds: Iterable[Group] = ()) -> list[Group]:
    """Cluster reports into events, starting from the events already stored (``seeds``).

    Reports are taken in :meth:`Report.sort_key` order, whatever order they came in, so
    the same articles always give the same events. A report joins the group it matches
    best, provided its date is compatible with every report there and no report of its
    own article is there yet.
    """
    groups = list(seeds)
    for rep in sorted(reports, key=Report.sort_key):
        best, best_score = None, 0.0
        for g in groups:
            if rep.article in g.articles:
                continue
            rels = [relation(rep.date, m.date) for m in g.reports]
            if "apart" in rels:
                continue
            score = max(evidence(rep, m, rel) for m, rel in zip(g.reports, rels, strict=True))
            if score > best_score:
                best, best_score = g, score
        if best is None:
            groups.append(Group([rep]))
        else:
            best.reports.append(rep)
            best.articles.add(rep.article)
    return signs.join_weak(_join(groups))


def _join(groups: list[Group]) -> list[Group]:
    """Join two groups when a report of one matches a report of the other as strongly as a
    report joins a group, their articles are apart and every date is compatible: taken
    one by one, the reports of three articles may have started two groups ("tore through"
    did not match "broke out" until a third article said both)."""
    changed = True
    while changed:
        changed = False
        for i, g in enumerate(groups):
            for h in groups[i + 1:]:
                if g.seed is not None and h.seed is not None or g.articles & h.articles:
                    continue
                rels = [(a, b, relation(a.date, b.date)) for a in g.reports for b in h.reports]
                if any(rel == "apart" for _, _, rel in rels):
                    continue
                if max(evidence(a, b, rel) for a, b, rel in rels) >= JOIN_SCORE:
                    if h.seed is not None:
                        g.seed, g.reports = h.seed, [*h.reports, *g.reports]
                    else:
                        g.reports.extend(h.reports)
                    g.articles |= h.articles
                    groups.remove(h)
                    changed = True
                    break
            if changed:
                break
    return groups


# How strong a match joins two groups: the same act, or the same participants and most
# of the same words (the weaker matches only add a report to a group it fits best).
JOIN_SCORE = 20


@dataclass(frozen=True)
class Merged:
    """What a group of reports says as one event."""

    primary: Report  # whose date, phrase and title the event takes
    date: str
    sources: tuple[Report, ...]  # in publication order
    review: tuple[str, ...]
    people: tuple[str, ...]
    places: tuple[str, ...]


def precedence(rep: Report) -> tuple:
    """Which report's reading the event keeps: a dated one over a publication-day one,
    then the most precise, then the earliest published."""
    return (rep.basis == "published", span_days(rep.date), rep.published or dt.date.max,
            rep.article, rep.order)


def merge(reports: list[Report]) -> Merged:
    """The event a group's reports describe: the most precise reading that agrees with the
    others ("late March" and "23 March" -> 23 March, both phrases kept); when readings
    disagree (23 against 24 March), the first by :func:`precedence`, marked for review."""
    primary = min(reports, key=precedence)
    ordered = tuple(sorted(reports, key=lambda r: (r.published or dt.date.min, r.article,
                                                   r.order)))
    review = list(primary.review)
    apart = [r for r in ordered if r.basis != "published"
             and relation(r.date, primary.date) != "agree"]
    if apart:
        readings = "; ".join(f"{r.date} ({_who(r)})" for r in ordered
                             if r.basis != "published")
        review.append(f"{DISAGREE}: {readings}")
    people = tuple(dict.fromkeys(n for r in (primary, *ordered) for n in r.people))
    places = tuple(dict.fromkeys(n for r in (primary, *ordered) for n in r.places))
    return Merged(primary, primary.date, ordered, tuple(dict.fromkeys(review)), people,
                  places)


def _who(rep: Report) -> str:
    when = f", {rep.published.isoformat()}" if rep.published else ""
    return f"{rep.source_title or rep.url or rep.article}{when}"
