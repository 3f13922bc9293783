"""Pronouns and descriptions to names: "he" to the person it most likely means, "it" to
the organisation or thing, "the company" to the company the article names."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import Any

from dateline.extract.company import company_noun, main_organisation
from dateline.extract.given import described_name, head_name_of, joined_subject, own_name
from dateline.extract.kin import child_for, couple, kin_gender, person_of_gender
from dateline.extract.lead import lead_role, owner_of, protagonist
from dateline.extract.mentions import quote_spans
from dateline.extract.names import (
    BUSINESS_NOUNS,
    GROUP_PRONOUNS,
    PERSON_PRONOUNS,
    PERSON_ROLES,
    Names,
    aged,
    is_age,
    title_gender,
)
from dateline.extract.salience import centre, plural, relative_antecedent
from dateline.extract.topic import KINDS, main_thing, own_subject, thing_before
from dateline.extract.voices import speakers

# Titles a story gives one person and then uses alone ("the prime minister said").
_TITLES = {"minister", "president", "chancellor", "governor", "mayor", "premier", "senator",
           "secretary", "speaker", "chairman", "chairwoman", "chair", "commissioner", "judge",
           "prosecutor", "captain", "coach", "manager", "executive", "director", "ambassador",
           "general", "admiral", "pope", "king", "queen", "prince", "princess", "sheriff",
           "emperor", "empress", "sultan", "emir"}
# What an apposition calls a company that the story then calls "the company".
_BUSINESS_DESCRIPTIONS = {"maker", "designer", "developer", "provider", "producer", "giant",
                          "owner", "supplier", "processor", "brand", "chain", "business"}
# Words by which a description says it is not the story's own company.
_NOT_THE_SUBJECT = {"rival", "other", "another", "competing", "former", "parent", "sister",
                    "smaller", "larger", "bigger", "partner"}
_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}


class Resolver:
    """Pronouns to names: he/she to the nearest earlier person (a subject first); it/they
    to the subject of an earlier sentence, when that was a name."""

    def __init__(self, doc: Any, names: Names, text: str) -> None:
        self.doc = doc
        self.text = text
        self.names = names
        self.sent_starts = [s.start_char for s in doc.sents]
        self._memo: dict[int, str | None] = {}
        self._described = _descriptions(doc)
        self._quotes: list[tuple[tuple[int, int], Any]] | None = None
        self.topic = main_thing(doc)
        self._by_lemma: dict[str, list[int]] | None = None  # built on first use
        self._main_org: str | None | bool = False  # found on first use

    def _window(self, offset: int, back: int) -> int:
        i = max(0, sum(1 for s in self.sent_starts if s <= offset) - 1 - back)
        return self.sent_starts[i] if self.sent_starts else 0

    def __call__(self, tok: Any) -> str | None:
        if tok.i not in self._memo:
            self._memo[tok.i] = None  # a chain that comes back to itself resolves nothing
            self._memo[tok.i] = self._resolve(tok)
        return self._memo[tok.i]

    def _resolve(self, tok: Any) -> str | None:
        low = tok.lower_
        same = self._reporter(tok)
        if same:
            return same
        if low in ("i", "my"):
            return self._quoted_self(tok)
        if low in PERSON_PRONOUNS:
            child = child_for(tok)
            if child is not None:
                # "X, the daughter of Y, ... Her mother": X's, not Y's.
                return self._full_name(child) if child.pos_ == "PROPN" else self.describe(child)
            start = self._window(tok.idx, 3)
            gender = "m" if low in ("he", "him", "his") else "f"
            other = self._clause_subject(tok)
            # The main-clause subject just before is whom a subject pronoun continues;
            # the nearest name of any role only when that subject is no person.
            said, name = centre(tok, self, self.names,
                                lambda noun: noun.lemma_.lower() in _TITLES,
                                self._person_described)
            if not said:
                name = self._proper_subject(tok, start, gender, other) \
                    or self.names.person_before(tok.idx, start, gender, other) \
                    or self._protagonist(tok, start, gender)
            bound = self._bound(tok)
            if bound is not None and name == bound[0]:
                # "He and Michiko, whom he married": whoever "he" is, not Michiko; the
                # "he" she is joined to, when there is one.
                other = bound[1].head
                return self(other) if bound[1].dep_ == "conj" and other.pos_ == "PRON" \
                    and _GENDER.get(other.lower_) == gender else None
            return name
        held = relative_antecedent(tok, self.names)
        if held:
            return held  # "the Fed, which is expected to ... when it announces"
        joined = joined_subject(tok)
        if joined:
            return joined  # "ministers had promised ..., but they admitted"
        if low in GROUP_PRONOUNS or low == "both" and tok.dep_ in ("nsubj", "nsubjpass"):
            # "Turkey and Hungary have yet to ratify it, although both approved ...".
            group = self._plural_subject(tok, self._window(tok.idx, 1))
            if group or low == "both":
                return group  # "both" is two of something, never one name
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
                if [w.lower_ for w in words] == ["the"]:
                    # "The company went bust ... Its shares": the company by its name.
                    name = self.describe(cand)
                    if name:
                        return name
                if self.topic is not None and cand.lemma_.lower() in self.topic.nouns:
                    return self.topic.name  # "The canvas ... it": the painting's name
                name = described_name(cand, self._named_head)
                if name:
                    return name  # "The 27-kilometre collider ... It": the collider's name
                # Each modifier whole: "The 27-kilometre collider", not "The kilometre".
                first = min((w.left_edge.i for w in words), default=cand.i)
                return self.doc[first:cand.i + 1].text
            if cand.dep_ in ("nsubj", "nsubjpass") and cand.pos_ == "PROPN" \
                    and self.names.entity_at(cand.idx, cand.idx + 1) is None \
                    and (cand.ent_type_ not in ("PERSON", "NORP") or self._storm(cand)):
                # "Ian had weakened ... It struck Cuba": a named thing, not a person.
                return self._storm(cand) or " ".join(
                    [*(c.text for c in cand.children if c.dep_ == "compound"), cand.text])
        return thing_before(tok, self.topic, self) if low == "it" else None

    def thing(self, tok: Any) -> str | None:
        """What an "it" past the subject stands for ("dealers bought it"): see
        :func:`dateline.extract.topic.thing_before`."""
        key = -1 - tok.i  # apart from what the same token is as a subject
        if key not in self._memo:
            self._memo[key] = None
            self._memo[key] = thing_before(tok, self.topic, self, strict=True)
        return self._memo[key]

    def _clause_subject(self, tok: Any) -> str | None:
        """The person an object "him"/"her" cannot be: its own clause's subject ("Mr
        Mugabe sacked him" is not Mr Mugabe; that would be "himself")."""
        if tok.tag_ != "PRP" or tok.lower_ not in ("him", "her") \
                or tok.dep_ not in ("dobj", "dative", "pobj"):
            return None
        subj = own_subject(tok)
        if subj is None or subj.i > tok.i:
            return None
        if subj.pos_ == "PRON":
            return self(subj) if subj.lower_ in ("he", "she") else None
        ent = self.names.entity_at(subj.idx, subj.idx + len(subj.text))
        return ent.name if ent is not None and ent.kind == "people" else None

    def _protagonist(self, tok: Any, start: int, gender: str) -> str | None:
        """The story's person for a he/she with no one near: see
        :func:`dateline.extract.lead.protagonist`."""
        return protagonist(self.doc, self.names, tok, (start, self._window(tok.idx, 1)), gender)

    def _bound(self, tok: Any) -> tuple[str, Any] | None:
        """The person a pronoun cannot be: the one its relative clause is about when the
        clause has them as its object ("Michiko, whom he married": he is not Michiko)."""
        verb = tok.head
        if tok.dep_ != "nsubj" or verb.dep_ != "relcl" or not any(
                c.dep_ == "dobj" and c.tag_ == "WP" for c in verb.children):
            return None
        noun = verb.head
        ent = self.names.entity_at(noun.idx, noun.idx + len(noun.text))
        return (ent.name, noun) if ent is not None and ent.kind == "people" else None

    def _quoted_self(self, tok: Any) -> str | None:
        """ "I" and "my" inside a quotation: its speaker, when the article names them
        ('"I will step down in March," Smith said')."""
        if self._quotes is None:
            quotes = quote_spans(self.text)
            self._quotes = list(zip(quotes, speakers(self.doc, quotes), strict=True))
        speaker = next((who for (a, b), who in self._quotes if a <= tok.idx < b), None)
        if speaker is not None and speaker.lower_ in ("he", "she"):
            return self(speaker)  # '"I will remember it," he said': whoever he is
        if speaker is None or speaker.pos_ != "PROPN":
            return None
        ent = self.names.entity_at(speaker.idx, speaker.idx + len(speaker.text))
        if ent is None and speaker.ent_type_ not in ("ORG", "GPE", "LOC", "NORP", "FAC"):
            # "Lula, 77, told supporters": a name the model labelled a work of art. Who
            # says "I" is a person.
            return " ".join([*(c.text for c in speaker.children if c.dep_ == "compound"),
                             speaker.text])
        return ent.name if ent is not None and ent.kind == "people" else None

    def _plural_subject(self, tok: Any, start: int) -> str | None:
        """"They" after a plural subject in this sentence or the one before: names joined
        ("Anna Smith and Tom Jones founded it ... They sold it"), or a plural noun with
        its article ("The two companies announced ... They expect"). Only when that is
        the nearest main-clause subject: a singular one in between means something else."""
        for cand in reversed(self.doc[:tok.i]):
            if cand.idx < start:
                return None
            if cand.dep_ in ("nsubj", "nsubjpass") and cand.head.dep_ in ("advcl", "relcl") \
                    and cand.tag_ == "NNS" and not any(c.dep_ == "det" for c in cand.children) \
                    and any(c.lower_ == "when" for c in cand.head.children):
                # "That promise dates to 1992, when Swiss voters approved ... They went
                # further": the people of the when-clause.
                words = [c for c in cand.children if c.i < cand.i and c.dep_ in (
                    "amod", "nummod", "compound")]
                return " ".join([*(w.text for w in words), cand.text])
            if cand.dep_ not in ("nsubj", "nsubjpass") or cand.head.dep_ != "ROOT" \
                    or cand.pos_ == "PRON":
                continue
            parts = [cand]
            while parts[-1].pos_ == "PROPN":
                nxt = next((c for c in parts[-1].children if c.dep_ == "conj"
                            and c.pos_ == "PROPN"), None)
                if nxt is None:
                    break
                parts.append(nxt)
            if len(parts) > 1:
                names = [self._full_name(p) for p in parts]
                return ", ".join(names[:-1]) + " and " + names[-1]
            if cand.tag_ == "NNS" and any(c.lower_ == "the" for c in cand.children):
                words = [c for c in cand.children if c.i < cand.i and c.dep_ in (
                    "det", "amod", "nummod", "compound")]
                return " ".join([*(w.text for w in words), cand.text])
            return None
        return None

    def _full_name(self, tok: Any) -> str:
        ent = self.names.entity_at(tok.idx, tok.idx + len(tok.text))
        if ent is not None:
            return ent.name
        return " ".join([*(c.text for c in tok.children if c.dep_ == "compound"), tok.text])

    def _storm(self, tok: Any) -> str | None:
        """The storm a name stands for ("Ian" -> "Hurricane Ian"), when the article says."""
        m = re.search(rf"\b(?:Hurricane|Typhoon|Cyclone|Tropical Storm|Storm)\s+"
                      rf"{re.escape(tok.text)}\b", self.text)
        return m.group(0) if m else None

    def describe(self, noun: Any, strict: bool = False) -> str | None:
        """The organisation "the company", "the exchange" or "the club" stands for: the
        company the article introduced as its subject ("Wirecard, the German payments
        group"), else the nearest earlier one named as a subject in this sentence or the
        three before, else the one the article names most (at least twice). Never the
        one speaking of it ("The FDIC said the bank's branches ...": not the FDIC).

        ``strict`` (for nouns past the subject) leaves people alone ("the pilot", "the
        author" there are too often someone the article never names) and takes a head
        noun's name only when the article names one thing so ("the prize" is not the
        Nobel when the Pulitzer was named too)."""
        # A company's noun ("the exchange") is the one the story is about, by the rules
        # below, not the last one an apposition named ("the rival exchange Binance").
        whose = None if strict else self.owner_of(noun)
        if whose:
            return f"{whose} {noun.text}"
        together = None if strict else couple(noun, self)
        if together:
            return together  # "The couple left Singapore": the two the article joined
        given = own_name(noun)
        if given:
            return given  # "That bridge, the Forth Bridge,": the name beside it, not an earlier one
        own = set(_description_words(noun))
        named = [name for at, lemma, name, words in self._described
                 if lemma == noun.lemma_.lower() and at < noun.idx
                 and lemma not in BUSINESS_NOUNS and not (set(words) - own) & _ANOTHER_ONE]
        if named:
            return named[-1]  # "the iPhone, a device that ... The device will go on sale"
        start = self._window(noun.idx, 3)
        team = next((m.name for m in self.names.mentions if m.kind == "organizations"
                     and re.search(rf"\b{re.escape(noun.text)}\b", m.name)
                     and m.start < noun.idx), None)
        if noun.ent_type_ == "NORP" and noun.pos_ == "PROPN" and team:
            # "the Utah Jazz's center ... the Jazz said": a club, not a person.
            return team if team.split()[-1] == noun.text else None
        if noun.ent_type_ == "NORP" or aged(noun) \
                or noun.lemma_ in PERSON_ROLES and noun.tag_ == "NN":
            if strict:
                return None
            # "The Brazilian was signed from Roma", "the 36-year-old": a person just named.
            gender = kin_gender(noun)  # "the 65-year-old, the daughter of ...": a woman
            name = gender and person_of_gender(self.names, noun.idx, start, gender) \
                or self._proper_subject(noun, start, gender) \
                or self.names.person_before(noun.idx, start, gender)
            if name and aged(noun) and not is_age(noun) and self._described_otherwise(name, noun):
                # "The speaker, Abeywardena, told reporters ... The 73-year-old former army
                # officer had flown": the story called him something else; not him.
                return None
            return name
        if noun.lemma_ not in BUSINESS_NOUNS:
            # Of several things named with this head ("the Forth Road Bridge", "Caledonia
            # Bridge"), a bare "the bridge" could be any: left as written.
            return self._named_head(noun, unique=True) or self._kind_name(noun)
        return self.company(noun, strict)

    def owner_of(self, noun: Any) -> str | None:
        """Whose "the trial" is: see :func:`dateline.extract.lead.owner_of`."""
        return owner_of(self.doc, self.names, noun)

    def company(self, noun: Any, strict: bool = False) -> str | None:
        """The company a bare "the company" (or "the shares", whose owner goes unsaid)
        means at ``noun``: see :meth:`describe`."""
        start = self._window(noun.idx, 3)
        # "The FDIC said ... the bank's main office would reopen", "SoftBank agreed to sell
        # the company": who speaks of "the bank" or acts on "the company" is not it.
        actors = [c for a in noun.ancestors for c in a.children
                  if c.dep_ in ("nsubj", "nsubjpass") and c.i < noun.i and noun not in c.subtree]
        acting = {m.name for m in self.names.mentions
                  if any(m.start <= c.idx < m.end for c in actors)}
        acting |= {" ".join([*(x.text for x in c.children if x.dep_ == "compound"), c.text])
                   for c in actors if c.pos_ == "PROPN"}
        subject = self._subject_company(noun)
        if subject is not None and subject not in acting:
            near = self._window(noun.idx, 1)
            others = [m for m in self.names.mentions if m.kind == "organizations"
                      and near <= m.start < noun.idx and m.is_subject and m.name != subject
                      and m.name not in acting]
            if not others:
                return subject
        if strict:
            start = self._window(noun.idx, 1)
        orgs = [m for m in self.names.mentions if m.kind == "organizations"
                and m.name not in acting]
        counts: dict[str, int] = {}
        for m in orgs:
            counts[m.name] = counts.get(m.name, 0) + 1
        top = max(counts.items(), key=lambda kv: kv[1], default=None)
        near = [m for m in orgs if start <= m.start < noun.idx and m.is_subject]
        if near:
            # "The Wall Street Journal reported that Theranos ... The company settled":
            # a name seen once loses to the company the story keeps naming.
            if near[-1].start >= self._window(noun.idx, 0):
                return near[-1].name  # "Speedo had promised ...; the company said"
            if top and top[1] >= 3 and counts[near[-1].name] == 1:
                return top[0]
            return near[-1].name
        if noun.lemma_ in ("club", "team", "side"):
            # A club is often named by its town ("Tottenham"), which the model reads as a
            # place: the one the story names as a subject nearby, or names most.
            places = [m for m in self.names.mentions if m.kind == "places"]
            close = [m for m in places if start <= m.start < noun.idx and m.is_subject]
            if close:
                return close[-1].name
            named = {n: sum(1 for m in places if m.name == n) for n in {m.name for m in places}}
            most = max(named.items(), key=lambda kv: kv[1], default=None)
            if most and most[1] >= 3:
                return most[0]
        # The company named most, when the story has it act: "NASA approved it ... The
        # team is looking beyond Pluto" is a team of its own.
        acted = top is not None and any(m.name == top[0] and m.is_main for m in orgs)
        if top and top[1] >= 2 and acted:
            return top[0]
        return self._main_company(noun, acting)

    def _main_company(self, noun: Any, acting: set[str]) -> str | None:
        """The organisation the whole story is about, for its "the company": see
        :mod:`dateline.extract.company`. Never one an apposition called a rival's noun."""
        if self._main_org is False:
            self._main_org = main_organisation(self.doc, self.names)
        name = company_noun(noun, self.names, self._main_org)
        if name is None or name in acting or any(
                lemma == noun.lemma_.lower() and at < noun.idx and name not in named
                for at, lemma, named, _ in self._described):
            return None
        return name

    def _subject_company(self, noun: Any) -> str | None:
        """The company an article introduces as what it is about, by name and then by what
        it is: "Wirecard, the German payments group, filed ..." (the first such
        apposition before ``noun``, a rival's excepted: "Binance, a rival exchange")."""
        for at, lemma, name, words in self._described:
            if at >= noun.idx:
                return None
            if lemma in BUSINESS_NOUNS | _BUSINESS_DESCRIPTIONS and self._name_first(at) \
                    and not set(words) & _NOT_THE_SUBJECT:
                return name
        return None

    def _name_first(self, at: int) -> bool:
        tok = next((t for t in self.doc if t.idx >= at), None)
        return tok is not None and tok.pos_ == "PROPN"

    def titled(self, phrase: list[Any]) -> str | None:
        """The person an earlier sentence gave this title: "Prime Minister Imran Khan ...
        The prime minister", "Kan, the prime minister, ... the prime minister" (nearest)."""
        role = " ".join(t.lower_ for t in phrase if t.dep_ != "det")
        if not role or phrase[-1].lemma_.lower() not in _TITLES:
            return None
        named = next((c for c in phrase[-1].children if c.dep_ == "appos" and c.i > phrase[-1].i
                      and c.ent_type_ == "PERSON" and c.pos_ == "PROPN"), None)
        if named is not None:
            # "The Prime Minister, John Key, who flew in ..., said": John Key said.
            ent = self.names.entity_at(named.idx, named.idx + len(named.text))
            if ent is not None and ent.kind == "people":
                return ent.name
        start = phrase[0].idx
        found = lead_role(self.doc, self.names, role, start)
        for ent in self.doc.ents:
            if ent.label_ != "PERSON" or ent.start_char >= start:
                continue
            root = ent.root
            before = [c for c in root.children if c.dep_ == "compound" and c.i < ent.start]
            said = " ".join(t.lower_ for c in before for t in c.subtree)  # "Prime Minister"
            appos = [c for c in root.children if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN")
                     and not (set(_description_words(c)) - set(role.split())) & _ANOTHER_ONE]
            said_after = [" ".join(t.lower_ for t in a.subtree if t.dep_ != "det"
                                   and t.i <= a.i) for a in appos]
            if said == role or role in said_after:
                found = self.names.entity_at(ent.start_char, ent.end_char)
                found = found.name if found is not None else ent.text
        return found

    def _named_head(self, noun: Any, unique: bool = False) -> str | None:
        """The name an earlier noun phrase gave the thing with this head noun: "the
        Morandi bridge ... the bridge", "the Suez Canal ... the canal", "the Elizabeth
        line ... the line" (the nearest such name: a head-noun match)."""
        if noun.tag_ != "NN":
            return None  # "the justices" are not "Chief Justice John Roberts"
        names = list(self._head_names(noun))
        # Names proper ("the Horniman Museum", "the Forth Bridge") tell whether the article
        # names one such thing; "a London museum" is one of them described.
        proper = {n.lower().removeprefix("the ") for n in names if n.split()[-1][:1].isupper()}
        if unique and len(proper or {n.lower().removeprefix("the ") for n in names}) > 1:
            return None
        return names[0] if names else None

    def _head_names(self, noun: Any) -> Iterator[str]:
        """The names earlier noun phrases with ``noun``'s head gave, nearest first."""
        if self._by_lemma is None:
            # Only words with the noun's lemma can name it: indexed once per article, not
            # every earlier token read again for each noun (quadratic in a long article).
            self._by_lemma = {}
            for tok in self.doc:
                self._by_lemma.setdefault(tok.lemma_.lower(), []).append(tok.i)
        same = self._by_lemma.get(noun.lemma_.lower(), [])
        for i in reversed(same[:bisect.bisect_left(same, noun.i)]):
            tok = self.doc[i]
            if tok.ent_type_ in ("DATE", "TIME") or tok.dep_ == "compound":
                continue  # "North State Street" names a street, not a state
            named = [c for c in tok.children if c.i < tok.i and c.dep_ in ("compound", "amod")
                     and c.pos_ == "PROPN"]
            if not named:
                of = head_name_of(tok)  # "the Stone of Destiny ... the stone"
                if of:
                    yield of
                continue
            if tok.pos_ == "PROPN" and not tok.text[:1].isupper():
                continue
            words = self.doc[min(c.left_edge.i for c in named):tok.i + 1]  # "Space Launch System"
            if any(t.pos_ not in ("PROPN", "NOUN", "ADJ", "PUNCT") for t in words):
                continue
            # "the Vikram lander": a common noun keeps its article even where the name
            # was said without one ("Chandrayaan-3's Vikram lander").
            the = "the " if tok.pos_ == "NOUN" or any(c.lower_ == "the" for c in tok.children) \
                else ""
            yield the + words.text

    def _kind_name(self, noun: Any) -> str | None:
        """The named thing of the same kind said last: "Cyclone Idai ... the storm", "Wembley
        Stadium ... the ground", "the Dali, a container vessel ... the ship"."""
        kind = next((k for k in KINDS if noun.lemma_.lower() in k), None)
        if kind is None or noun.tag_ != "NN":
            return None
        found: tuple[int, str] | None = None
        for at, lemma, name, _ in self._described:
            if lemma in kind and at < noun.idx and (found is None or at > found[0]):
                found = (at, name)
        for m in re.finditer(r"\b(?:[A-Z][\w'-]+ )*[A-Z][\w'-]+\b", self.text[:noun.idx]):
            words = m.group(0).split()
            # "Cyclone Idai", "Wembley Stadium"; not "The National Hurricane Center".
            if len(words) > 1 and words[0] != "The" \
                    and (words[0].lower() in kind or words[-1].lower() in kind) \
                    and (found is None or m.start() > found[0]):
                found = (m.start(), m.group(0))
        return found[1] if found else None

    def repeated(self, noun: Any) -> str | None:
        """The name a description stands for when the article repeats it word for word:
        "Sky, the British satellite broadcaster ... won the British satellite broadcaster"."""
        if noun.dep_ == "appos" or not any(c.lower_ == "the" for c in noun.children):
            return None
        words = _description_words(noun)
        if len(words) < 2:
            return None  # a bare "the device" is describe()'s, with its own care
        named = [name for at, _, name, said in self._described
                 if said == words and at < noun.idx]
        return named[-1] if named else None

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
        if tok.lower_ == "it" and plural(speaker):
            return None  # "Officials said it could take effect in June": not them
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

    def _proper_subject(self, tok: Any, start: int, gender: str | None = None,
                        exclude: str | None = None) -> str | None:
        """The nearest earlier proper-noun subject that is not a place or organisation:
        the small model misses some names ("Ana Ruiz backed ..."), the parse does not.

        Of several such subjects in the window, the one the article has named most so
        far: a story's "he" is its protagonist more often than the last name mentioned.
        """
        found: list[str] = []
        nearest_at = None
        for name, at in self._proper_subjects(tok, start, gender):
            if name == exclude:
                continue
            nearest_at = at if nearest_at is None else nearest_at
            if name not in found:
                found.append(name)
        # A person this sentence has already named: "Meloni's allies expect her to be
        # sworn in", "... complaints about Pincher when he appointed him" (Johnson, the
        # clause's subject, first).
        here = self.names.person_before(tok.idx, self._window(tok.idx, 0), gender, exclude)
        if here and (nearest_at is None or nearest_at < self._window(tok.idx, 0)):
            return here
        near = self._window(tok.idx, 1)
        if nearest_at is not None and nearest_at >= near:
            # The subject of this sentence or the one before is what "she" continues
            # ("Elizabeth was born in 1926 ... She served as a mechanic").
            return found[0]
        # Else a person that sentence names in another role: "... was triggered by the
        # resignation of Chris Pincher. He quit on 30 June".
        named_near = self.names.person_before(tok.idx, near, gender, exclude)
        if named_near:
            return named_near
        if len(found) <= 1:
            return found[0] if found else None
        before = self.text[:tok.idx]

        def named(name: str) -> int:
            return len(re.findall(rf"\b{re.escape(name.split()[-1])}\b", before))
        return max(found, key=named)  # max keeps the first (nearest) of equals

    def _proper_subjects(self, tok: Any, start: int,
                         gender: str | None) -> Iterator[tuple[str, int]]:
        """Main-clause subjects before ``tok`` that name a person, nearest first, each with
        its offset: proper nouns, and he/she of the same gender by what they stand for."""
        for cand in reversed(self.doc[:tok.i]):
            if cand.idx < start:
                return
            # The main clause's subject: "Jones was critical of X but backed Y's plan.
            # He ..." is Jones, not a name in a clause further in.
            main = cand.head.dep_ == "ROOT" or (cand.head.dep_ == "conj"
                                                and cand.head.head.dep_ == "ROOT") \
                or _misread_main(cand.head)  # "She was 15 when ...; two were wounded"
            if cand.dep_ == "poss" and cand.pos_ == "PRON" and gender \
                    and _GENDER.get(cand.lower_) == gender \
                    and cand.head.dep_ in ("nsubj", "nsubjpass") and cand.head.head.dep_ == "ROOT":
                name = self(cand)  # "Her health had declined. She used a stick": hers
                if name:
                    yield name, cand.idx
                continue
            if not main or cand.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if cand.pos_ == "PRON" and gender and _GENDER.get(cand.lower_) == gender:
                name = self(cand)  # "She was born ... She married ...": one chain
                if name:
                    yield name, cand.idx
                continue
            if cand.pos_ != "PROPN" or cand.ent_type_ == "NORP":
                # "In his final weeks the emperor made farewell journeys. He travelled":
                # a person told by title, role or age continues as "he" (from the
                # sentence before; further back the names themselves are the evidence).
                name = self._person_described(cand, gender) \
                    if cand.idx >= self._window(tok.idx, 1) else None
                if name:
                    yield name, cand.idx
                continue
            ent = self.names.entity_at(cand.idx, cand.idx + len(cand.text))
            if ent is not None:
                if ent.kind != "people" or (gender and ent.gender
                                            and ent.gender != gender):
                    continue
                yield ent.name, cand.idx
                continue
            if cand.ent_type_ and cand.ent_type_ != "PERSON":
                continue  # "Buckingham Palace announced": a building, not a person
            parts = [c for c in cand.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
            said = title_gender([*(p.lower_ for p in parts), cand.lower_])
            if gender and said and said != gender:
                continue  # "The Duke of Edinburgh died ... She": not the Duke
            yield " ".join([*(p.text for p in parts), cand.text]), cand.idx


    def _described_otherwise(self, name: str, noun: Any) -> bool:
        """Whether an apposition before ``noun`` gave the person ``name`` another head noun
        than ``noun``'s ("The speaker, Mahinda Abeywardena" is no "officer")."""
        last = name.split()[-1]
        said = {lemma for at, lemma, named, _ in self._described
                if at < noun.idx and named.split()[-1] == last}
        return bool(said) and noun.lemma_.lower() not in said

    def _person_described(self, noun: Any, gender: str | None) -> str | None:
        """The person "the emperor", "the coach", "the 44-year-old", "the Brazilian"
        stands for, when it is one (by the same rules as a subject's description)."""
        words = [c for c in noun.children if c.i < noun.i and c.dep_ in ("det", "amod", "compound")]
        if not words or words[0].lower_ != "the" or noun.tag_ not in ("NN", "NNP"):
            return None
        said = title_gender([*(w.lower_ for w in words), noun.lower_])
        if gender and said and said != gender:
            return None
        if noun.lemma_.lower() in _TITLES:
            return self.titled([*words, noun])
        if noun.ent_type_ == "NORP" or aged(noun) or noun.lemma_ in PERSON_ROLES:
            return self.describe(noun)
        return None


def _misread_main(verb: Any) -> bool:
    """A main clause the parser hung on the next one ("She was 15 when ... ; two of her
    friends were wounded"): not what someone said ('"Chaos is X," he told colleagues')."""
    root = verb.head
    if verb.dep_ not in ("ccomp", "parataxis") or root.dep_ != "ROOT" or verb.i > root.i:
        return False
    if root.lemma_.lower() in _SAYING:
        return False
    return not any(t.text in "\"“”'‘’" for t in verb.doc[verb.sent.start:root.i])


# Words by which a description is someone else than the bare noun: "the former
# vice-president" is not "the president".
_ANOTHER_ONE = {"former", "vice", "deputy", "ex", "late", "acting", "assistant", "future"}
_SAYING = {"say", "tell", "add", "announce", "state", "write", "claim", "insist", "warn",
           "declare", "argue", "explain", "note", "report", "confirm", "admit", "deny"}


def _description_words(noun: Any) -> tuple[str, ...]:
    """A description's own words, without its article: ("british", "satellite",
    "broadcaster")."""
    mods = [c.lower_ for c in noun.children if c.i < noun.i and c.dep_ in ("amod", "compound")]
    doc = noun.doc
    if noun.i >= 2 and doc[noun.i - 1].text == "-":
        # "the former vice-president" (three tokens to the model): "former", "vice".
        prefix = doc[noun.i - 2]
        mods = [*(c.lower_ for c in prefix.children if c.dep_ == "amod"), prefix.lower_, *mods]
    return (*mods, noun.lower_)


def _descriptions(doc: Any) -> list[tuple[int, str, str, tuple[str, ...]]]:
    """(offset, noun, name, the description's words) for each name the article describes with a common noun in
    apposition: "the iPhone, a device ..." and "its new device, the iPhone" both say what
    "the device" means later."""
    out = []
    for t in doc:
        if t.dep_ != "appos" or t.head.i == t.i:
            continue
        h = t.head
        pair = (h, t) if h.pos_ == "PROPN" and t.pos_ == "NOUN" else \
            (t, h) if h.pos_ == "NOUN" and t.pos_ == "PROPN" else None
        if pair is None:
            continue
        name, noun = pair
        if noun.tag_ == "NNS" or any(c.dep_ == "conj" for c in name.children):
            continue  # "the three liberal justices, Breyer, Sotomayor and Kagan": not one
        words = [c.text for c in name.children if c.dep_ == "compound" and c.i < name.i
                 and c.ent_type_ not in ("DATE", "TIME")]  # "On Thursday Rosetta, the ..."
        # "The Dali, a container ship": a name said with its article keeps it.
        the = "the " if any(c.lower_ == "the" and c.i < name.i for c in name.children) else ""
        out.append((min(name.idx, noun.idx), noun.lemma_.lower(),
                    the + " ".join([*words, name.text]), _description_words(noun)))
    return out
