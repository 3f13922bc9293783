"""The words of what happened, for matching reports across outlets: which verbs name one
act ("hit" and "struck"), which are too light to say anything ("said", "was"), which nouns
name a happening and which verb they come from ("the collapse", "collapsed"), and the
ordinals that tell one of a series from another. General English, not any story's words.
Pure: match.py asks, this module answers.
"""

from __future__ import annotations

# Verbs that say little about what happened: two reports sharing one of these share
# nothing in particular ("said", "was", "had").
LIGHT_VERBS = frozenset({"be", "have", "do", "say", "tell", "make", "take", "get", "go",
                         "come", "see", "give", "add", "report", "state", "call", "write",
                         "describe", "note", "happen", "occur", "begin", "start", "continue"})
# Verbs that mark a phase of a happening, not the happening: "the talks began" and "the
# talks ended" are two moments, whatever noun they share.
PHASE_VERBS = frozenset({"begin", "start", "continue", "resume", "end", "finish", "conclude",
                         "stop", "close", "open"})
# Words news reports use for the same act. General English, not any story's words: an
# outlet writes "hit" where another writes "struck".
_SAME_ACT = [
    {"strike", "hit", "ram", "smash", "slam", "crash", "collide", "plough", "plow"},
    {"die", "kill", "perish"},
    {"resign", "quit", "step"},
    {"arrest", "detain", "apprehend"},
    {"announce", "unveil", "reveal", "disclose", "publish", "release", "issue"},
    {"announce", "call"},  # "called an election" / "announced an election"
    {"recover", "retrieve", "pull", "find", "locate"},
    {"cancel", "scrap", "axe", "scrub", "ground", "halt", "suspend"},
    {"visit", "tour", "survey"},
    {"apologize", "apologise", "regret"},
    {"estimate", "calculate"},
    {"collapse", "topple", "fall", "crumble", "tumble", "cave"},
    {"pledge", "promise", "vow"},
    {"extinguish", "douse", "quell"},
    {"force", "push", "ram", "rush"},  # a bill "forced" or "pushed" through
    {"open", "inaugurate", "reopen"},
    {"sign", "ink"},
    {"approve", "pass", "authorize", "authorise", "endorse"},
    {"reject", "vote", "defeat"},
    {"sue", "file"},
    {"buy", "acquire", "purchase"},
    {"win", "clinch", "secure"},
    {"launch", "start", "begin", "open"},
    {"launch", "lift off", "blast off", "take off"},  # a rocket "lifted off" / "was launched"
    {"postpone", "delay", "defer", "put off", "call off"},
    {"cancel", "call off", "scrap"},
    {"ask", "summon", "call", "invite", "request"},
    {"investigate", "probe", "examine"},
    {"demolish", "bring", "blow", "topple", "destroy"},
    {"refloat", "free", "move"},
    # Phrasal verbs come with their particle ("come down", "pick up", "step down": see
    # extract/happening.act_of), so the groups below can say which plain verb they mean.
    {"crash", "plunge", "plummet", "come down", "go down", "crash-land", "nosedive"},
    {"sink", "go down", "capsize", "founder"},
    {"explode", "blow up", "implode", "detonate"},
    {"find", "locate", "discover", "spot", "trace", "track down"},
    {"detect", "record", "pick up", "hear", "register"},
    {"come out", "bring out", "get out", "pull out", "emerge", "pull", "lift", "hoist",
     "winch", "rescue", "extract", "evacuate", "bring up", "surface"},
    {"run aground", "ground", "become stuck", "get stuck", "go aground", "wedge", "lodge",
     "strand"},
    {"lose contact", "go quiet", "go silent", "fall silent", "go missing", "disappear",
     "vanish", "go dark"},
    {"resign", "quit", "step", "step down", "oust", "fire", "dismiss", "sack"},
    {"arrest", "detain", "apprehend", "capture", "nab"},
    {"enter", "go in"},
]


# Nouns news reports use for the same thing ("the fire", "the blaze", "the flames"): each
# word stands for the first of its set when participants and words are compared.
_SAME_THING = [
    ("fire", "blaze", "flame", "inferno"),
    ("ship", "vessel", "freighter", "boat"),
    ("election", "vote", "poll", "ballot"),
    ("walkout", "strike"),
    ("deal", "agreement", "accord"),
    ("talk", "negotiation"),
    ("bill", "legislation", "law"),
    ("plane", "aircraft", "jet", "airliner"),
    ("quake", "earthquake", "tremor"),
    ("company", "firm"),
    ("investigation", "probe", "inquiry", "enquiry"),
    ("body", "remains"),
    ("protester", "demonstrator", "marcher", "people", "crowd"),
]
_THING = {w: group[0] for group in _SAME_THING for w in group}


# Nouns that name a happening rather than a thing: two reports of one day whose
# participant is the same such noun ("Britain will hold a general election on 4 July",
# "voters go to the polls on 4 July") report it, whatever their verbs.
EVENT_NOUNS = frozenset({
    "election", "referendum", "fire", "crash", "collision", "collapse", "explosion",
    "blast", "attack", "raid", "strike", "protest", "rally", "march", "riot", "summit",
    "ceremony", "funeral", "wedding", "coronation", "inauguration", "trial", "hearing",
    "verdict", "launch", "landing", "landfall", "storm", "hurricane", "quake", "eruption",
    "flood", "outage", "shooting", "bombing", "coup", "rescue", "evacuation", "merger",
    "takeover", "resignation", "arrest", "debate", "match", "final", "race", "concert",
    "parade", "derailment", "shipwreck", "sinking", "blackout", "massacre", "invasion",
    "ceasefire", "truce"})
# Endings that make a noun of a verb ("explosion" of "explode", "arrival" of "arrive").
_NOUN_ENDINGS = ("ation", "ition", "tion", "sion", "ion", "ment", "ing", "al", "ure",
                 "ance", "ence", "ery", "y")


def derives(noun: str, verb: str) -> bool:
    """Whether ``noun`` names the act of ``verb``: the same word ("the collapse", "the
    arrest") or the verb with a noun ending ("explosion", "arrival", "landing",
    "investigation", "departure"). Light verbs name no act."""
    if not noun or not verb or " " in verb or verb in LIGHT_VERBS or len(verb) < 4:
        return False
    if noun == verb:
        return True
    roots = {verb, verb[:-1] if verb[-1] in "ey" else verb,
             verb[:-2] if verb.endswith(("de", "te")) else verb}
    for end in _NOUN_ENDINGS:
        if noun.endswith(end) and len(noun) - len(end) >= 3:
            stem = noun[:-len(end)]
            if stem in roots or stem + "e" == verb or stem + "t" in roots:
                return True
    return False


def thing(word: str) -> str:
    """A noun (or a participant's head word) in the form comparisons use."""
    return _THING.get(word, word)


def same_act(a: str, b: str) -> bool:
    """Whether two verb lemmas name one act (British and American spellings are one)."""
    if not a or not b:
        return False
    a, b = _spelling(a), _spelling(b)
    if a == b:
        return a not in LIGHT_VERBS
    return any(a in group and b in group for group in _ACTS)


def _spelling(lemma: str) -> str:
    """"apologise" and "apologize" as one word (and, harmlessly, "promise" as "promize":
    both sides and the sets above are spelled the same way)."""
    return lemma[:-3] + "ize" if lemma.endswith("ise") and len(lemma) > 5 else lemma


_ACTS = [{_spelling(w) for w in group} for group in _SAME_ACT]


# Words that tell one of a series from another: "the first miner emerged" and "the last
# of the men was lifted" are two happenings whatever else they share.
_ORDINALS = {"first": "first", "initial": "first", "second": "second", "third": "third",
             "fourth": "fourth", "fifth": "fifth", "last": "last", "final": "last"}

def ordinals(text: str) -> frozenset[str]:
    """The ordinals a title puts on what happened ("The first of the men was pulled out")."""
    words = (w.strip(",.;:'\"’").casefold() for w in text.split())
    return frozenset(_ORDINALS[w] for w in words if w in _ORDINALS)
