"""Who a title is about: the article's thing for "it", the right person for "he" and
"him", whose trial or season, the noun a "which" stands for. Invented sentences only."""

from __future__ import annotations

from extract_util import BASE, titles

from dateline.extract import nlp
from dateline.extract.events import extract_events
from dateline.extract.ingest import Article
from dateline.extract.names import Names


def test_it_is_the_thing_the_lead_names() -> None:
    got = titles(
        "A small oil painting of a harbour attributed to Turner sold for $12 million at an "
        "auction in London on Tuesday night. The canvas, known as \"Evening Tide,\" was "
        "bought by a collector on the telephone. The picture's history reads like a "
        "novel. Painted around 1830, it vanished from view in 1901. It was sold in Paris "
        "in 1950, and in 1990 two dealers bought it at a small sale in Rome.")
    assert got["1901"] == "Evening Tide vanished from view"
    assert got["1950"] == "Evening Tide was sold in Paris"
    assert got["1990"] == "Two dealers bought Evening Tide at a small sale in Rome"


def test_it_past_the_subject_is_a_thing_named_with_its_noun() -> None:
    got = titles("The Harbour Trust building collapsed, although firefighters pulled six "
                 "people out of it on Tuesday.")
    assert got["2018-11-27"] == ("Firefighters pulled six people out of the Harbour Trust "
                                 "building")


def test_it_past_the_subject_is_no_agency_named_before() -> None:
    # The agency is the nearest subject; what it tested is the vaccine: leave "it".
    got = titles("The European Drugs Agency approved the vaccine in May. The ministry "
                 "decided in 2016 to test it in pilot schemes.")
    assert got["2016"] == "The ministry decided to test it in pilot schemes"


def test_he_is_not_a_woman_an_apposition_titles() -> None:
    article = Article(text="Mary, Duchess of Kent, died in 1990, when Thomas was 12, and the "
                      "ring she wore was the one he gave Miss Lowe when he proposed during a "
                      "holiday in Peru last October.", title="T", published=BASE, url=None,
                      path="mem.txt")
    said = [ev.title for ev in extract_events(article) if ev.date == "2018-10"]
    assert said and all(t.startswith("Thomas ") for t in said)


def test_the_president_is_the_one_the_lead_names_as_president() -> None:
    got = titles("Jonas Berg resigned as president of Norland in October after 20 years in "
                 "power. On Thursday the president was photographed beside the army "
                 "commander, General Lars Holm, and on Friday he appeared at a concert.")
    assert got["2018-11-29"].startswith("Jonas Berg was photographed")
    assert got["2018-11-30"] == "Jonas Berg appeared at a concert"


def test_the_former_vice_president_is_not_the_president() -> None:
    got = titles("Jonas Berg resigned as president of Norland yesterday. The ruling party "
                 "said that Peter Olsen, the former vice-president, would be sworn in. On "
                 "Thursday the president was photographed at the palace.")
    assert got["2018-11-29"] == "Jonas Berg was photographed at the palace"


def test_him_is_not_the_subject_of_his_own_clause() -> None:
    got = titles("The party said that Peter Olsen would be sworn in on Friday. Mr Olsen, "
                 "known as \"the Fox\", fled after Mr Berg sacked him on 6 November.")
    assert got["2018-11-06"] == "Mr Berg sacked Peter Olsen"


def test_a_name_ending_in_an_honoured_surname_is_a_person() -> None:
    from spacy.tokens import Span

    doc = nlp.parse("Farai Chikowore will be sworn in on Friday. Mr Chikowore fled in "
                    "November.")
    # As the small model sometimes labels them: the full name a company, "Mr X" a person.
    doc.ents = [Span(doc, 0, 2, label="ORG"), Span(doc, 10, 11, label="PERSON")]
    kinds = {m.name: m.kind for m in Names(doc).mentions}
    assert kinds.get("Farai Chikowore") == "people"


def test_the_trial_is_the_lead_subject_s() -> None:
    got = titles("Karl Dorn, the man who bombed the central station, was jailed for 21 "
                 "years yesterday. The court ordered a second report, which was submitted "
                 "shortly before the trial opened on 16 April.")
    assert got["2018-04-16"] == "Karl Dorn's trial opened"


def test_a_season_of_a_relative_clause_is_the_lead_subject_s() -> None:
    got = titles("The Northern Hockey League suspended its season on Wednesday night. "
                 "The regular season, which began on Oct. 22, had a month to run.")
    assert got["2018-10-22"] == "The Northern Hockey League's regular season began"


def test_its_in_a_relative_clause_s_noun_is_named() -> None:
    got = titles("On Wednesday the N.H.A. said that its men's and women's tournaments, which "
                 "begin next week, would be played without fans.")
    assert "The N.H.A.'s men's and women's tournaments begin" in got.values()


def test_which_after_a_place_set_off_is_the_noun_before_it() -> None:
    got = titles("Most of his drawings are in museums such as the Prado, in Madrid, which is "
                 "planning a large exhibition in 2026.")
    assert got["2026"] == "The Prado is planning a large exhibition"


def test_which_after_a_person_is_the_noun_the_person_led() -> None:
    got = titles("An independent inquiry led by Maria Lund, which reported on 13 August, "
                 "found that the fire could have been stopped.")
    assert got["2018-08-13"] == "The independent inquiry led by Maria Lund reported"


def test_his_with_no_one_near_is_the_story_s_person() -> None:
    got = titles("Jon Hale, who attacked a ferry in 2016, was jailed for life yesterday. "
                 "The court heard from six doctors. The question of his sanity had divided "
                 "the country. Prosecutors had asked in June for him to be sent to a "
                 "hospital.")
    assert got["2018-06"] == "Prosecutors had asked for Jon Hale to be sent to a hospital"


def test_his_with_a_speaker_near_is_not_the_story_s_person() -> None:
    got = titles("Jon Hale opened the museum in 2016. The question of its future divided "
                 "the town. Peter Koch, the chief executive of Koch Holdings, said on "
                 "Monday that his family would give 10 million euros.")
    assert "Jon Hale" not in got["2018-11-26"]


def test_the_prime_minister_named_beside_it() -> None:
    got = titles("The Prime Minister, Jane Rowe, who flew into the city within hours, said "
                 "on Tuesday that the town would be rebuilt.")
    assert got["2018-11-27"] == "Jane Rowe said the town would be rebuilt"


def test_a_subject_with_an_aside_is_still_a_bare_description() -> None:
    got = titles("Norcom, the German telecoms group, collapsed in June. The company, which "
                 "listed debts of $2 billion, sought protection from creditors on Monday.")
    assert got["2018-11-26"] == "Norcom sought protection from creditors"


def test_an_abbreviation_keeps_its_last_stop() -> None:
    names = Names(nlp.parse("The N.H.L. said on Monday that it would resume play."))
    assert "N.H.L." in {m.name for m in names.mentions}


def test_an_s_that_owns_nothing_is_the_name_s() -> None:
    names = Names(nlp.parse("Harrod's had left nothing to chance."))
    assert "Harrod's" in {m.name for m in names.mentions}
