"""What a title keeps when its sentence holds more than a headline: the word budget, side
clauses before phrases of the main clause, the complement a verb needs, and clauses that no
longer stand. Invented sentences only."""

from __future__ import annotations

from extract_util import titles

from dateline.extract.adjuncts import complement_of
from dateline.extract.budget import MAX_WORDS, title_words
from dateline.extract.nlp import parse
from dateline.extract.phrases import phrase_of
from dateline.extract.standing import without_fallen_clauses


def test_a_side_clause_goes_from_a_title_over_the_short_length() -> None:
    got = titles("The council approved the new harbour plan on Monday, ending a long dispute "
                 "with fishermen.")
    assert got["2018-11-26"] == "The council approved the new harbour plan"


def test_a_short_title_keeps_its_side_clause() -> None:
    got = titles("The mill closed on Monday, blaming rising fuel costs.")
    assert got["2018-11-26"] == "The mill closed, blaming rising fuel costs"


def test_a_title_up_to_the_budget_keeps_the_phrases_of_its_object() -> None:
    got = titles("The transport authority approved a new tram line from the station to the "
                 "university campus in the east on Monday.")
    title = got["2018-11-26"]
    assert title.endswith("to the university campus in the east")
    assert len(title.split()) <= MAX_WORDS


def test_a_second_said_clause_goes_before_the_phrases_of_the_first() -> None:
    got = titles("The minister said on Monday that the plan for the new harbour at the mouth "
                 "of the river was a mistake and that she would resign from the government.")
    assert got["2018-11-26"] == ("The minister said the plan for the new harbour at the mouth "
                                 "of the river was a mistake")


def test_a_participle_that_is_the_title_is_never_trimmed_away() -> None:
    got = titles('Elected in 2016 on a pledge to clean up the city and build a "Green '
                 'Harbour," or new harbour, Ms. Dale later fell out with the port authority, '
                 "which many say helped her to office.")
    assert got["2016"].startswith("Ms. Dale was elected on a pledge")


def test_a_renamed_word_counts_as_its_name() -> None:
    doc = parse("Which closed.")
    assert title_words(list(doc)[:2], {0: "the old glassworks by the river"}) == 7


def test_the_complement_is_the_verbs_own_phrase_not_a_setting() -> None:
    doc = parse("The price climbed at the auction to a record.")
    verb = next(t for t in doc if t.lemma_ == "climb")
    optional = [phrase_of(c, set()) for c in verb.children if c.dep_ == "prep"]
    assert [p[0].lower_ for p in optional] == ["at", "to"]
    assert complement_of(optional, verb)[0].lower_ == "to"
    assert complement_of(optional[:1], verb)[0].lower_ == "at"  # all it has


def test_a_second_verb_whose_and_went_runs_clauses_together() -> None:
    doc = parse("Costs soared and inflation rose.")
    verb = next(t for t in doc if t.dep_ == "ROOT")
    tokens = [t for t in doc if t.lower_ != "and" and not t.is_punct]
    kept = without_fallen_clauses(tokens, verb, {})
    assert [t.text for t in kept] == ["Costs", "soared"]


def test_a_side_clause_whose_subject_went_goes() -> None:
    doc = parse("The storm, which the forecasters had missed, hit the coast.")
    verb = next(t for t in doc if t.dep_ == "ROOT")
    tokens = [t for t in doc if t.text != "forecasters" and not t.is_punct]
    kept = " ".join(t.text for t in without_fallen_clauses(tokens, verb, {}))
    assert "missed" not in kept and kept.endswith("hit the coast")


def test_a_second_verb_of_saying_is_a_side_clause() -> None:
    got = titles("The regional board approved the merger of the two savings banks on Monday "
                 "and said it expected cuts.")
    assert got["2018-11-26"] == "The regional board approved the merger of the two savings banks"
