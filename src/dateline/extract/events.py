"""Events: the dated happenings of an :class:`~dateline.extract.ingest.Article`.

The pipeline per article: parse it with spaCy (sentences, dependencies, named entities) ->
find its date phrases (:func:`dateline.temporal.tagger.find_dates`, read against the
publication day and each phrase's own sentence) -> attach each date to the verb it
modifies in the parse (a relative clause, a participle such as "formed in 1994" and a
"when" clause each have their own verb) -> one event per (verb, date) pair, titled from
the parse (:mod:`dateline.extract.titles`) -> add the undated developments an article
reports as news, dated by the publication day -> merge repeats. Each event says why an
editor should look at it (``review``). Everything is general English; see DESIGN.md
"Honesty rules".
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from dateline.dates import DateError, parse_value
from dateline.extract import nlp
from dateline.extract.ingest import Article
from dateline.extract.names import PERSON_PRONOUNS, Names
from dateline.extract.titles import Title, build_title, is_reporting, problems, subject_of
from dateline.temporal.relative import chain
from dateline.temporal.tagger import find_dates


@dataclass(frozen=True)
class ExtractedEvent:
    """One event found in an article, ready to become an event file."""

    date: str
    date_text: str
    title: str
    quote: str
    people: tuple[str, ...]
    places: tuple[str, ...]
    date_basis: str | None
    organizations: tuple[str, ...] = ()
    review: tuple[str, ...] = ()  # why an editor should look; empty when nothing stood out
    # Character spans in the article text of the words this event holds (its verb's
    # clause without the clauses that are events of their own), and of its verb.
    words: tuple[tuple[int, int], ...] = ()
    anchor: tuple[int, int] = (0, 0)

    @property
    def slug(self) -> str:
        """The event file's stem: its date, then its title."""
        from dateline.extract.files import file_stem

        return file_stem(self)


@dataclass
class _Candidate:
    date: str
    date_text: str
    title: str
    quote: str
    names: dict[str, list[str]]
    basis: str | None
    review: list[str]
    words: list[tuple[int, int]]
    anchor: tuple[int, int]
    stems: set[str] = field(default_factory=set)


# ----------------------------------------------------------------------- date mentions

def _usable(mention: Any, text: str, base: datetime.date) -> bool:
    """Reject vague mentions and numbers that only look like dates (ages, counts)."""
    if mention.value is None:
        return False
    mtext = mention.text.strip()
    if _not_an_event(mention, text):
        return False
    if re.fullmatch(r"\d{1,3}|\d{1,3}(?:,\d{3})+|\d+\.\d+", mtext):
        return False
    if re.fullmatch(r"\d{4}", mtext):
        # A count ("sent 2000 troops") rather than a year ("the 2020 elections").
        after = text[mention.end:mention.end + 30]
        before = text[max(0, mention.start - 12):mention.start]
        if re.match(r"\s+[a-z]+s\b", after) \
                and not re.match(r"\s+(?:was|is|has|as)\b", after) \
                and not re.search(r"(?i)\b(?:the|in|since|of|during|by|until|from|before|"
                                  r"after|its|their|his|her|a)\s+$|['’]s\s+$", before):
            return False
    try:
        value = parse_value(mention.value)
    except (DateError, ValueError):
        return False
    return 1000 <= value.first.year <= base.year + 50


def _not_an_event(mention: Any, text: str) -> bool:
    """A real date that dates no event: a state at publication ("its rate now stands at
    3%") or a yardstick ("the highest since 2008", "the longest strike since 2017")."""
    if re.fullmatch(r"(?i)(?:right\s+)?now|currently|at present|presently|nowadays",
                    mention.text.strip()):
        return True
    before = text[max(0, mention.start - 60):mention.start]
    return bool(re.search(r"(?i)\b(?:\w{3,}est|first|most|least|worst|best)\b[^,.;]{0,40}"
                          r"\bsince\s+(?:the\s+)?$", before))


def _date_text(text: str, start: int, mtext: str) -> str:
    """The source's phrase, with the preposition that introduces it ("in November")."""
    mtext = mtext.rstrip(" .,;:")  # a sentence's full stop is not part of the phrase
    if re.match(r"(?i)(in|on|at|during|since|by|from|until|last|this|next|early|late|mid)\b",
                mtext):
        return mtext.strip()
    prep = re.search(r"(?i)\b(in|on|at|during|since|by|from|until)\s+(the\s+)?$",
                     text[max(0, start - 20):start])
    return (prep.group() + mtext).strip() if prep else mtext.strip()


def _is_target(text: str, start: int) -> bool:
    return bool(re.search(r"(?i)\b(?:for|until|till|by)\s+(?:the\s+)?$",
                          text[max(0, start - 12):start]))


def _span_days(value: str) -> int:
    v = parse_value(value)
    return (v.last - v.first).days


def _contains(outer: str, inner: str) -> bool:
    a, b = parse_value(outer), parse_value(inner)
    return a.first <= b.first and b.last <= a.last


def _find(text: str, base: datetime.date, sentences: list[tuple[int, int]],
          day_first: bool | None) -> list[Any]:
    """The tagger's mentions, read against the parser's sentences."""
    return find_dates(text, base, sentences, day_first=day_first)


# ------------------------------------------------------------------------ the parse

# A verb that only completes another ("agreed to pay", "deployed to crush", "due to be
# published") is part of that verb's event, not an event of its own.
def _completes_another(tok: Any) -> bool:
    if tok.dep_ == "xcomp":
        return True
    # A participle with no subject of its own ("Scoring in 11 matches last November,
    # Vardy broke the record"; "following the launch in 1997") belongs to its main verb.
    if tok.tag_ == "VBG" and tok.dep_ in ("advcl", "prep", "pcomp", "acl") \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return True
    return tok.dep_ in ("advcl", "acl", "ccomp", "relcl") and tok.tag_ == "VB" \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def clause_head(tok: Any) -> Any:
    """The verb whose clause ``tok`` belongs to (the event a date there dates)."""
    t = tok
    for _ in range(40):
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass") \
                and not _completes_another(t):
            return t
        if t.head.i == t.i:
            return t
        t = t.head
    return t


def _date_tokens(span: Any) -> set[int]:
    """Tokens a title leaves out for this date: the phrase, with its preposition when the
    phrase is an adjunct ("in March"); none when the date names a thing ("a 2010 raid")."""
    root = span.root
    idx = {t.i for t in span}
    if root.dep_ in ("nummod", "compound", "amod", "poss") and root.head.i not in idx \
            and root.head.pos_ in ("NOUN", "PROPN"):
        return set()
    if root.dep_ == "pobj" and root.head.dep_ == "prep":
        # The preposition goes with its date; anything else hanging from the date ("in
        # November of the minister") is the parser's guess and stays in the title.
        return idx | {root.head.i}
    return idx


def _dates_a_listed_noun(span: Any) -> bool:
    """A date on one noun of a list ("following Sojourner in 1997, Spirit and Opportunity
    in 2004, and Curiosity"): it dates that noun, not the sentence's verb."""
    root = span.root
    if root.dep_ != "pobj" or root.head.dep_ != "prep":
        return False
    noun = root.head.head
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    listed = noun.dep_ in ("conj", "appos") or any(c.dep_ in ("conj", "appos")
                                                  for c in noun.children)
    # "following Sojourner in 1997", "including the raid in 2010": a participle used as
    # a preposition introduces things, each with its own date.
    introduced = noun.dep_ == "pobj" and noun.head.pos_ == "VERB" and noun.head.dep_ == "prep"
    return listed or introduced


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Direct quotations: “...” and "..." pairs (a date there is the speaker's)."""
    return [(m.start(), m.end()) for m in re.finditer(r"“[^”]*”|\"[^\"\n]*\"", text)]


_MODALS = {"will", "would", "could", "may", "might", "should", "shall", "can", "must", "'ll"}
_INTENT = {"plan", "intend", "aim", "expect", "schedule", "due", "set", "hope", "want",
           "propose", "threaten", "prepare", "vow", "pledge", "promise"}


def _future_or_conditional(verb: Any, value: str, base: datetime.date) -> bool:
    # The verb, and the verb it completes or is coordinated with ("plans to attempt").
    chain_ = [verb, verb.head] if verb.dep_ in ("xcomp", "conj") else [verb]
    for v in chain_:
        if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in v.children):
            return True
        if v.lemma_ in _INTENT and any(c.dep_ == "xcomp" for c in v.children):
            return True
        if v.lower_ in ("if", "unless"):
            return True
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
        return True
    try:
        return parse_value(value).first > base
    except (DateError, ValueError):
        return False


def _subtree_minus(tok: Any, other_heads: set[int]) -> list[Any]:
    """``tok``'s subtree without the subtrees of other events' heads below it."""
    out: list[Any] = []
    stack = [tok]  # a loop, not recursion: a run-on sentence nests thousands deep
    while stack:
        t = stack.pop()
        if t.i != tok.i and t.i in other_heads:
            continue
        out.append(t)
        stack.extend(t.children)
    return out


def _spans(tokens: list[Any]) -> list[tuple[int, int]]:
    """Character spans of ``tokens``, neighbours joined."""
    spans: list[tuple[int, int]] = []
    for t in sorted(tokens, key=lambda t: t.i):
        a, b = t.idx, t.idx + len(t.text)
        if spans and t.i and spans[-1][1] + len(t.doc[t.i - 1].whitespace_) >= a:
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    return spans


class _Resolver:
    """Pronouns to names: he/she to the nearest earlier person (a subject first); it/they
    to the subject of an earlier sentence, when that was a name."""

    def __init__(self, doc: Any, names: Names, text: str) -> None:
        self.doc = doc
        self.text = text
        self.names = names
        self.sent_starts = [s.start_char for s in doc.sents]

    def _window(self, offset: int, back: int) -> int:
        i = max(0, sum(1 for s in self.sent_starts if s <= offset) - 1 - back)
        return self.sent_starts[i] if self.sent_starts else 0

    def __call__(self, tok: Any) -> str | None:
        low = tok.lower_
        same = self._reporter(tok)
        if same:
            return same
        if low in PERSON_PRONOUNS:
            start = self._window(tok.idx, 3)
            gender = "m" if low in ("he", "him", "his") else "f"
            return self._proper_subject(tok, start, gender) \
                or self.names.person_before(tok.idx, start, gender)
        # "it", "its", "they": the nearest earlier subject that is a named organisation or
        # place, in this sentence or the two before; else, for "it"/"its", the nearest
        # earlier subject that is a thing named with "the" ("the club ... a position it
        # reached"); anything vaguer stays for review.
        start = self._window(tok.idx, 2)
        best = None
        for m in self.names.mentions:
            if start <= m.start < tok.idx and m.is_subject and m.kind != "people":
                best = m
        if best is not None:
            return best.name
        if low not in ("it", "its"):
            return None
        for cand in reversed(self.doc[max(0, tok.i - 80):tok.i]):
            if cand.idx < start:
                break
            if cand.dep_ in ("nsubj", "nsubjpass") and cand.pos_ == "NOUN" \
                    and cand.tag_ == "NN" and any(c.lower_ == "the" for c in cand.children):
                words = [c for c in cand.children if c.i < cand.i and c.dep_ in (
                    "det", "amod", "compound")]
                return " ".join([*(w.text for w in words), cand.text])
        return None

    def describe(self, noun: Any) -> str | None:
        """The organisation "the company", "the exchange" or "the club" stands for: the
        nearest earlier one named as a subject in this sentence or the three before,
        else the one the article names most (at least twice)."""
        start = self._window(noun.idx, 3)
        orgs = [m for m in self.names.mentions if m.kind == "organizations"]
        near = [m for m in orgs if start <= m.start < noun.idx and m.is_subject]
        if near:
            return near[-1].name
        counts: dict[str, int] = {}
        for m in orgs:
            counts[m.name] = counts.get(m.name, 0) + 1
        top = max(counts.items(), key=lambda kv: kv[1], default=None)
        return top[0] if top and top[1] >= 2 else None

    def _reporter(self, tok: Any) -> str | None:
        """In "Smith said he would resign", "the committee announced it would look into
        it", the pronoun of what was said is the one who said it."""
        verb = tok.head
        if tok.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "ccomp":
            return None
        speaker = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")),
                       None)
        if speaker is None or speaker.pos_ not in ("NOUN", "PROPN"):
            return None
        person = tok.lower_ in PERSON_PRONOUNS
        ent = self.names.entity_at(speaker.idx, speaker.idx + len(speaker.text))
        if person != (ent is not None and ent.kind == "people" or speaker.pos_ == "PROPN"
                      and ent is None):
            return None
        if ent is not None:
            return ent.name
        words = [c for c in speaker.children if c.i < speaker.i and c.dep_ in (
            "det", "amod", "compound", "poss")]
        phrase = " ".join([*(w.text for w in words), speaker.text])
        return re.sub(r"^(?:A|An)\s", "The ", phrase)

    def _proper_subject(self, tok: Any, start: int, gender: str | None = None) -> str | None:
        """The nearest earlier proper-noun subject that is not a place or organisation:
        the small model misses some names ("Ana Ruiz backed ..."), the parse does not.

        Of several such subjects in the window, the one the article has named most so
        far: a story's "he" is its protagonist more often than the last name mentioned.
        """
        found: list[str] = []
        for name in self._proper_subjects(tok, start, gender):
            if name not in found:
                found.append(name)
        if len(found) <= 1:
            return found[0] if found else None
        before = self.text[:tok.idx]

        def named(name: str) -> int:
            return len(re.findall(rf"\b{re.escape(name.split()[-1])}\b", before))
        return max(found, key=named)  # max keeps the first (nearest) of equals

    def _proper_subjects(self, tok: Any, start: int, gender: str | None) -> Iterator[str]:
        """Main-clause proper-noun subjects before ``tok``, nearest first."""
        for cand in reversed(self.doc[:tok.i]):
            if cand.idx < start:
                return
            # The main clause's subject: "Jones was critical of X but backed Y's plan.
            # He ..." is Jones, not a name in a clause further in.
            main = cand.head.dep_ == "ROOT" or (cand.head.dep_ == "conj"
                                                and cand.head.head.dep_ == "ROOT")
            if cand.dep_ in ("nsubj", "nsubjpass") and cand.pos_ == "PROPN" and main:
                ent = self.names.entity_at(cand.idx, cand.idx + len(cand.text))
                if ent is not None:
                    if ent.kind != "people" or (gender and ent.gender
                                                and ent.gender != gender):
                        continue
                    yield ent.name
                    continue
                parts = [c for c in cand.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
                yield " ".join([*(p.text for p in parts), cand.text])


# ----------------------------------------------------------------------------- extract

@dataclass(frozen=True)
class Extraction:
    """What one article gave: its events, and the date phrases it could not read."""

    events: tuple[ExtractedEvent, ...]
    unread: tuple[tuple[str, str], ...] = ()  # (phrase, its sentence)


def extract_events(article: Article, day_first: bool | None = None) -> list[ExtractedEvent]:
    """Find the dated events of an article (in document order, repeats merged)."""
    return list(extract_article(article, day_first).events)


def extract_article(article: Article, day_first: bool | None = None,
                    doc: Any = None) -> Extraction:
    """The events of an article and the phrases that looked like dates but could not be
    read, each with its sentence, so that nothing is lost silently.

    ``day_first`` reads slashed dates (03/04/2021) as the timeline's language does
    (:func:`dateline.temporal.locale.day_first`); None marks such a date for review.
    ``doc`` is the article text already parsed (a batch parses many texts at once).
    """
    if article.published is None:
        raise ValueError(f"{article.path}: no publication date")
    base = article.published
    text = article.text
    doc = doc if doc is not None else nlp.parse(text)
    sents = list(doc.sents)
    found = _find(text, base, [(s.start_char, s.end_char) for s in sents], day_first)
    # "Two days later" counts from the date just mentioned, not from the publication day.
    chained = chain(text, found, lambda m: _usable(m, text, base))
    quotes = _quote_spans(text)
    named = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in _NAME_LABELS]
    mentions = [m for m in chained if _usable(m, text, base)
                and not _inside_a_name(m, named) and not _month_in_a_name(doc, m)
                and not _speakers_day(m, quotes) and not _since(text, m)]
    names = Names(doc)
    resolve = _Resolver(doc, names, text)
    cands: list[_Candidate] = []
    for sent in sents:
        local = [m for m in mentions if sent.start_char <= m.start < sent.end_char]
        if local:
            cands.extend(_dated(doc, sent, local, base, names, resolve, quotes))
        elif not any(sent.start_char <= m.start < sent.end_char for m in chained):
            dev = _development(sent, base, names, resolve)
            if dev:
                cands.append(dev)
    unread = tuple((m.text, " ".join(s.text.split())) for m in found if m.value is None
                   and not _VAGUE.fullmatch(m.text.strip())
                   for s in sents if s.start_char <= m.start < s.end_char)
    return Extraction(tuple(_finish(c) for c in _merge(cands)), unread)


# Phrases that are meant to name no date: not worth an editor's attention.
_VAGUE = re.compile(r"(?i)recently|lately|nowadays|these days|at present|currently|right now|"
                    r"now|in the past|in the future|in recent (?:days|weeks|months|years)|"
                    r"(?:the )?(?:past|coming|next|last) (?:few )?(?:days|weeks|months|years)")


# A date phrase inside a name is part of the name: "June Raine", "Theresa May", "the
# 1922 Committee", "Route 66".
_NAME_LABELS = {"PERSON", "ORG", "FAC", "PRODUCT", "GPE", "NORP", "WORK_OF_ART"}
# "Today", "tomorrow", "this evening" inside a quotation count from the day the words
# were spoken, which the article seldom gives: such an event is left out rather than
# dated by the publication day.
_DEICTIC = re.compile(r"(?i)^(?:earlier |later )?(?:today|tonight|tomorrow|yesterday|now|"
                      r"this (?:morning|afternoon|evening|week|weekend)|last night|"
                      r"the day before yesterday|the day after tomorrow)$")


def _inside_a_name(m: Any, named: list[tuple[int, int]]) -> bool:
    # Only a word that names can hold (a month, a number); a weekday or a relative phrase
    # inside an entity is the model's over-long span ("the final on Sunday"), not a name.
    if not re.fullmatch(r"[A-Z][a-z]+|\d{1,4}", m.text.strip()):
        return False
    return any(a <= m.start and m.end <= b for a, b in named)


_MONTH_NAMES = {"january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december"}
_CALENDAR_WORDS = _MONTH_NAMES | {"monday", "tuesday", "wednesday", "thursday", "friday",
                                  "saturday", "sunday", "christmas", "easter", "mid", "early",
                                  "late", "last", "next", "this", "in", "on", "since", "by"}


def _month_in_a_name(doc: Any, m: Any) -> bool:
    """A bare month that the small model missed as part of a name: "Theresa May", "Dr
    June Raine" (a capitalised name word beside it, and no day or year)."""
    if m.text.strip().lower() not in _MONTH_NAMES:
        return False
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None

    def name_word(t: Any) -> bool:
        return t is not None and t.pos_ == "PROPN" and t.text[:1].isupper() \
            and t.lower_.strip(".") not in _CALENDAR_WORDS
    return name_word(before) or (name_word(after) and after.i == span.end)


def _speakers_day(m: Any, quotes: list[tuple[int, int]]) -> bool:
    return bool(_DEICTIC.match(m.text.strip())) and any(a <= m.start < b for a, b in quotes)


def _since(text: str, m: Any) -> bool:
    """ "Has led the council since 2018", "has lost 80% since 2014": a state that began
    then, not an event of that date."""
    return bool(re.search(r"(?i)\b(?:ever\s+)?since\s+(?:the\s+)?$",
                          text[max(0, m.start - 16):m.start])) \
        or m.text.lower().startswith("since")


def _dated(doc: Any, sent: Any, mentions: list[Any], base: datetime.date, names: Names,
           resolve: _Resolver, quotes: list[tuple[int, int]]) -> list[_Candidate]:
    """One candidate per (verb, date) pair of a sentence."""
    text = resolve.text  # Doc.text joins every token anew on each access
    by_verb: dict[int, list[tuple[Any, Any]]] = {}
    date_drop: set[int] = set()
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        date_drop |= _date_tokens(span)
        if _dates_a_listed_noun(span):
            continue
        head = clause_head(span.root)
        if head.dep_ == "acl" and head.head.dep_ == "pobj" and not _can_title(head):
            # "In a letter filed on Oct. 4, his lawyers said ...": the letter's date is
            # when the lawyers said it.
            head = clause_head(head.head)
        by_verb.setdefault(head.i, []).append((m, span))
    # "in May or June": the "or" goes with the dates it joins.
    date_drop |= {t.i for t in sent if t.dep_ in ("cc", "punct") and t.head.i in date_drop
                  and any(c.dep_ == "conj" and c.i in date_drop for c in t.head.children)}
    heads = set(by_verb)
    quote = _quote(sent.text)
    out: list[_Candidate] = []
    for head_i, dated in by_verb.items():
        verb = doc[head_i]
        if not _can_title(verb):
            continue
        # The most specific date dates the verb; a coarse "this year" only modifies it.
        # A date after "for" is the target of a plan ("an election for June 18"), so it
        # wins only when nothing else dates the verb.
        m, span = min(dated, key=lambda ms: (_span_days(ms[0].value),
                                             _is_target(text, ms[0].start), ms[0].start))
        date_text = _date_text(text, m.start, m.text)
        joined = _alternatives(text, dated)
        if joined is not None:  # "in May or June": either, so the span of both
            m, date_text = joined, _date_text(text, joined.start, joined.text)
        value = _past_year(m.value, date_text, verb, base, text[max(0, m.start - 20):m.start])
        value = _future_year(value, date_text, verb, base)
        # Other events' clauses are theirs, except one that holds this verb's own.
        # What a reporting verb says stays in its title even when it is an event of its
        # own ("the bridge will be demolished, the council decided on Monday").
        above = _ancestors_of(verb)
        said = {c.i for c in verb.children if c.dep_ == "ccomp" and is_reporting(verb)}
        drop = date_drop | {t.i for h in heads - {head_i} if h not in above and h not in said
                            for t in doc[h].subtree}
        title_verb = verb
        # Reported speech: "X said the bridge collapsed on Monday" keeps the speaker.
        if verb.dep_ == "ccomp" and is_reporting(verb.head) and verb.head.i not in heads \
                and subject_of(verb.head) is not None \
                and not _future_or_conditional(verb, m.value, base):
            title_verb = verb.head
        title = build_title(title_verb, drop, resolve)
        if _broken(title):
            # Without its date the clause may not stand ("The record date is Nov. 9",
            # "the promise to halve unemployment by 2000"): then the date stays.
            kept = build_title(title_verb, drop - {t.i for t in span} - _prep_of(span),
                               resolve)
            if _broken(kept) < _broken(title):
                title = kept
        held = _subtree_minus(verb, heads)
        if verb.dep_ in ("relcl", "acl"):
            held.append(verb.head)
        review = _review(title, verb, m, base, quotes)
        if joined is None and len(dated) > 1 and len({ms[0].value for ms in dated}) > 1 \
                and not all(_contains(ms[0].value, m.value) for ms in dated):
            review.append("several dates for one event: "
                          + ", ".join(sorted({ms[0].text for ms in dated})))
        # A title that cannot say who or what did it is no title; the clause may still
        # date the verb it hangs on (below).
        if len(title.text.split()) >= 2 and title.subject:
            spans = _spans(held)
            out.append(_Candidate(value, date_text, title.text, quote,
                                  _names_for(names, spans, title, resolve, title_verb), None,
                                  review, spans, (verb.idx, verb.idx + len(verb.text)),
                                  _stems(title.text)))
        # "shares it had bought when prices peaked in 2021": what a when-clause dates
        # happened at that time too, so the verb it hangs on gets the date as well.
        main = verb.head
        if verb.dep_ == "advcl" and main.i not in heads and main.i != verb.i \
                and any(c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "as", "while")
                        for c in verb.children) and _can_title(main):
            t3 = build_title(main, drop | {t.i for t in verb.subtree}, resolve)
            if not problems(t3.text) and not t3.cut and t3.subject:
                sp = _spans(_subtree_minus(main, heads | {verb.i}))
                out.append(_Candidate(m.value, date_text, t3.text, quote,
                                      _names_for(names, sp, t3, resolve, main), None,
                                      _review(t3, main, m, base, quotes), sp,
                                      (main.idx, main.idx + len(main.text)),
                                      _stems(t3.text)))
        # "... in late 2020 after a fraudulent election handed him a sixth term": the
        # "after" clause is an earlier event; it gets the year, never a finer precision.
        for child in verb.subtree:
            if child.dep_ == "advcl" and child.i not in heads and child.tag_ == "VBD" \
                    and clause_head(child.head).i == verb.i \
                    and any(c.dep_ == "mark" and c.lower_ in ("after", "following")
                            for c in child.children):
                year = _year_before(m.value)
                if not year:
                    continue
                t2 = build_title(child, date_drop, resolve)
                if len(t2.text.split()) >= 3:
                    sp = _spans(list(child.subtree))
                    out.append(_Candidate(year, "", t2.text, quote,
                                          _names_for(names, sp, t2, resolve, child), None,
                                          _review(t2, child, None, base, quotes), sp,
                                          (child.idx, child.idx + len(child.text)),
                                          _stems(t2.text)))
    return out


_TARGET_BEFORE = re.compile(r"(?i)\b(?:to|until|till|by|for|before|deadline of)\s+(?:the\s+)?$")


_MONTH_WORD = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b")


def _future_year(value: str, date_text: str, verb: Any, base: datetime.date) -> str:
    """A date without a year that the event's own verb puts ahead ("will leave on Dec.
    29", "elections due on 14 May") is not in the past: the sentence's other verbs ("he
    said") may have read it as last year's."""
    if re.search(r"\d{4}|'\d\d|\b(?:last|this|next)\b", date_text) \
            or not re.match(r"\d{4}-\d\d", value) or not _MONTH_WORD.search(date_text):
        return value
    try:
        if parse_value(value).last >= base:
            return value
    except (DateError, ValueError):
        return value
    ahead = any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall") for c in verb.children) \
        or any(c.dep_ == "acomp" and c.lower_ == "due" for c in verb.children)
    if not ahead:
        return value
    shifted = re.sub(r"\b(\d{4})(?=-)", lambda y: str(int(y.group(1)) + 1), value)
    try:
        parse_value(shifted)
    except (DateError, ValueError):
        return value
    return shifted


def _past_year(value: str, date_text: str, verb: Any, base: datetime.date,
               before: str) -> str:
    """A date without a year that a past-tense verb puts after the publication day is
    last year's ("was arrested on May 29" in an April article). Not a target ("extended
    to Nov. 20", "the Jan. 14 deadline"), which a past verb may well set ahead."""
    if re.search(r"\d{4}|'\d\d", date_text) or not re.match(r"\d{4}-\d\d", value):
        return value
    try:
        if parse_value(value).first <= base:
            return value
    except (DateError, ValueError):
        return value
    past = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("was", "were", "had")
        for c in verb.children))
    if not past or _TARGET_BEFORE.search(before) or re.match(
            r"(?i)(?:to|until|till|by|for|before)\b", date_text) \
            or any(t.lower_ in ("deadline", "due", "scheduled", "set", "expire", "expires")
                   for t in verb.sent):
        return value
    shifted = re.sub(r"\b(\d{4})(?=-)", lambda y: str(int(y.group(1)) - 1), value)
    try:
        parse_value(shifted)
    except (DateError, ValueError):
        return value
    return shifted


@dataclass(frozen=True)
class _Joined:
    """Two date phrases joined by "or"/"and" read as one span ("in May or June")."""

    start: int
    end: int
    text: str
    value: str
    ambiguous: bool = False


def _alternatives(text: str, dated: list[tuple[Any, Any]]) -> _Joined | None:
    if len(dated) != 2:
        return None
    (a, _), (b, _) = sorted(dated, key=lambda ms: ms[0].start)
    if not re.fullmatch(r",?\s+(?:or|and)\s+", text[a.end:b.start]):
        return None
    try:
        first, last = parse_value(a.value), parse_value(b.value)
    except (DateError, ValueError):
        return None
    if not first.last < last.first or (last.first - first.last).days > 400:
        return None
    value = f"{a.value.split('/')[0]}/{b.value.split('/')[-1]}"
    try:
        parse_value(value)
    except (DateError, ValueError):
        return None
    return _Joined(a.start, b.end, text[a.start:b.end], value)


def _broken(title: Title) -> int:
    """How far a title is from standing as a sentence (0: it stands). Shortness alone is
    no reason to put the date back into it."""
    return len([p for p in problems(title.text) if p != "title too short"]) + title.cut


def _prep_of(span: Any) -> set[int]:
    root = span.root
    return {root.head.i} if root.dep_ == "pobj" and root.head.dep_ == "prep" else set()


MAX_QUOTE = 1500  # characters; a real sentence is a few hundred


def _quote(text: str) -> str:
    """The sentence an event came from, whitespace tidied; a run-on "sentence" (a table or
    a list flattened into prose) is cut at a word, so no event file grows beyond what the
    build accepts."""
    quote = " ".join(text.split())
    if len(quote) <= MAX_QUOTE:
        return quote
    return quote[:MAX_QUOTE].rsplit(" ", 1)[0] + " …"


def _can_title(verb: Any) -> bool:
    """Whether a clause can give an event a title that is a sentence: it has a verb, and
    a participle on a noun says more than the noun's own name ("the quarter ended Sept.
    30" in "profit for the quarter ended Sept. 30" is a period, not an event)."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False  # "News for the company today": a heading, not a happening
    if verb.tag_ == "VBG" and verb.dep_ != "ROOT" and not any(
            c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False  # "with the third departing Thursday": no sentence to title it by
    if verb.dep_ == "acl" and verb.head.dep_ == "pobj":
        return any(c.dep_ in ("dobj", "agent", "attr", "xcomp", "ccomp") for c in verb.children)
    return True


def _ancestors_of(tok: Any) -> set[int]:
    return {a.i for a in tok.ancestors}


def _names_for(names: Names, spans: list[tuple[int, int]], title: Title, resolve: _Resolver,
               verb: Any) -> dict[str, list[str]]:
    subj = subject_of(verb)
    if subj is not None and subj.pos_ != "PRON":
        # A subject shared with an earlier verb ("Jones was critical but backed ...").
        spans = [*spans, (subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge.text))]
    found = names.within(spans)
    if subj is not None and subj.pos_ == "PRON" and subj.lower_ in PERSON_PRONOUNS:
        who = resolve(subj)
        if who and who not in found["people"]:
            found["people"].insert(0, who)
    return found


def _review(title: Title, verb: Any, mention: Any, base: datetime.date,
            quotes: list[tuple[int, int]]) -> list[str]:
    """Why an editor should look at this event before publishing it."""
    out: list[str] = []
    if title.unresolved:
        out.append(f"unresolved pronoun: {title.unresolved}")
    if mention is not None:
        if any(a <= mention.start < b for a, b in quotes):
            out.append("date from inside a quote")
        if _future_or_conditional(verb, mention.value, base):
            out.append("future or conditional")
        if getattr(mention, "ambiguous", False):
            out.append(f"several readings of {mention.text!r}")
    if any(c.dep_ == "neg" for c in verb.children):
        out.append("negated")
    out.extend(problems(title.text))
    return out


# Hedges and reported opinion: not a concrete development.
_HEDGE = re.compile(
    r"\b(?:not|never|no|none|nobody|no longer|n't|may|might|could|should|would|probably|"
    r"possibly|perhaps|"
    r"reportedly|allegedly|speculat\w*|rumou?r\w*|claim\w*|believ\w*|think\w*|argu\w*|"
    r"suggest\w*|if|whether|unless)\b|\?", re.I)
# Perfects of these report a state or an opinion, not a development: "have kept their
# secrets for centuries", "has been dependent on", "have struggled".
_STATIVE = {"be", "have", "become", "remain", "seem", "appear", "know", "say", "tell",
            "see", "look", "feel", "do", "get", "go", "come", "make", "take", "keep",
            "continue", "hold", "stay", "live", "own", "want", "need", "like", "love",
            "hate", "use", "work", "try", "struggle", "face", "suffer", "grow", "fluctuate",
            "rise", "fall", "climb", "decline", "enjoy", "lead", "dominate", "wait"}
_NEWS_VERBS = {"announce", "unveil", "launch", "introduce"}


def _development(sent: Any, base: datetime.date, names: Names,
                 resolve: _Resolver) -> _Candidate | None:
    """An undated development the article reports as news ("has introduced", "plans
    to"), dated by the publication day."""
    root = sent.root
    text = sent.text.strip()
    if root.pos_ != "VERB" or _HEDGE.search(text) or text[:1] in "\"“‘'":
        return None
    aux = [c.lower_ for c in root.children if c.dep_ in ("aux", "auxpass")]
    perfect = root.tag_ == "VBN" and any(a in ("has", "have") for a in aux) \
        and root.lemma_ not in _STATIVE \
        and not (is_reporting(root) and root.lemma_ not in _NEWS_VERBS) \
        and root.lemma_ not in ("describe", "call", "criticise", "criticize", "praise")
    intent = root.lemma_ in {"plan", "intend"} and root.tag_ in ("VBZ", "VBP", "VBG") \
        and any(c.dep_ == "xcomp" for c in root.children)
    news = root.lemma_ in _NEWS_VERBS and root.tag_ == "VBD"
    subj = subject_of(root)
    if not (perfect or intent or news) or subj is None or subj.pos_ not in (
            "NOUN", "PROPN", "PRON"):
        return None
    title = build_title(root, set(), resolve)
    if len(title.text.split()) < 3:
        return None
    spans = _spans(list(root.subtree))
    review = _review(title, root, None, base, [])
    review.append("undated: dated by the publication day")
    return _Candidate(base.isoformat(), "", title.text, _quote(text),
                      _names_for(names, spans, title, resolve, root), "published", review,
                      spans, (root.idx, root.idx + len(root.text)), _stems(title.text))


def _year_before(value: str) -> str | None:
    """Year precision for an event that happened before ``value``, when that is safe."""
    v = parse_value(value)
    # Early in a year, "after X" may reach back into the previous year: do not guess.
    if v.first.year != v.last.year or v.first.month <= 2:
        return None
    return str(v.first.year)


_STOP = frozenset("""a an the of to in on at by for from with and or but as is are was were be been
has have had it its this that these those he she they his her their who which said says
would could will not into over about after before since than also there then""".split())  # noqa: SIM905


def _stems(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z]+", text.lower()) if w not in _STOP and len(w) > 2}


def _merge(cands: list[_Candidate]) -> list[_Candidate]:
    """The same event mentioned twice becomes one: compatible dates and shared words."""
    kept: list[_Candidate] = []
    for c in cands:
        for k in kept:
            if c.quote == k.quote:
                continue  # one sentence's events are different verbs, never repeats
            small = min(len(c.stems), len(k.stems))
            if small < 3 or len(c.stems & k.stems) / small < 0.5:
                continue
            if c.basis or k.basis:
                same = True  # an undated repeat of a dated event is that event
            else:
                same = _contains(c.date, k.date) or _contains(k.date, c.date)
            if not same:
                continue
            # Keep the finer date, the dated record over the publication-day one.
            if (k.basis and not c.basis) or (not c.basis and _span_days(c.date)
                                              < _span_days(k.date)):
                # Title, quote and names describe the sentence, so they travel with it.
                k.date, k.date_text, k.basis, k.review = c.date, c.date_text, c.basis, c.review
                k.title, k.quote, k.names = c.title, c.quote, c.names
                k.words, k.anchor = c.words, c.anchor
            k.stems |= c.stems
            break
        else:
            kept.append(c)
    return kept


def _finish(c: _Candidate) -> ExtractedEvent:
    return ExtractedEvent(date=c.date, date_text=c.date_text, title=c.title, quote=c.quote,
                          people=tuple(c.names["people"]), places=tuple(c.names["places"]),
                          organizations=tuple(c.names["organizations"]), date_basis=c.basis,
                          review=tuple(dict.fromkeys(c.review)), words=tuple(c.words),
                          anchor=c.anchor)
