"""Who a title is about when the article described it: the name its own phrase gives it,
the one name the article gave a thing of that noun, the organisation the story is about,
the person a kinship says, "the couple". Every sentence here is invented."""

from __future__ import annotations

from extract_util import titles


def test_a_subject_is_named_by_its_own_apposition() -> None:
    got = titles("Engineers built a ring under the hills. An older machine in the same "
                 "tunnel, the Great Orbital Accelerator, was switched off in 2004.")
    assert got["2004"] == "The Great Orbital Accelerator was switched off"


def test_a_subject_is_named_by_its_naming_participle() -> None:
    got = titles("The $3 billion project, formally called the Northern Arc Railway, began "
                 "with a ceremony in Leeds on 3 March 2015.")
    assert got["2015-03-03"] == "The Northern Arc Railway began with a ceremony in Leeds"


def test_a_relative_clause_on_a_misplaced_apposition_is_the_name_before_it() -> None:
    # The parser hangs "the plastics group" on "race"; the name before the comma is it.
    got = titles("The race was funded by Brelcorp, the plastics group controlled by Sir Tom "
                 "Vance, which announced the plan on 4 June 2018.")
    assert got["2018-06-04"] == "Brelcorp announced the plan"


def test_it_after_a_measured_description_is_the_one_thing_of_that_noun() -> None:
    got = titles("Physicists gathered at the Grand Vantor Collider on Monday. The "
                 "40-kilometre collider, dug beneath two villages, cost billions. It "
                 "restarted in November 2009.")
    assert got["2009-11"] == "The Grand Vantor Collider restarted"


def test_a_word_that_tells_one_thing_from_another_keeps_the_description() -> None:
    # "the new bridge" is not the old one named before it; of two bridges named, a bare
    # "the bridge" could be either.
    got = titles("The Kelso Road Bridge opened in 1964. The new bridge, a cable-stayed "
                 "crossing, opened on 4 September 2017. Ministers chose the name Merrow "
                 "Bridge over Tarn Bridge. They had said the bridge would open in 2016.")
    assert got["2017-09-04"] == "The new bridge opened"
    assert got["2016"] == "The bridge would open"


def test_a_bare_noun_is_a_name_of_the_form_the_noun_of_name() -> None:
    got = titles("Pilgrims filed past the Crown of Aldmoor in the chapel. The crown was "
                 "taken to Paris in 1996.")
    assert got["1996"] == "The Crown of Aldmoor was taken to Paris"


def test_that_noun_with_its_own_apposition_is_that_name_not_an_earlier_one() -> None:
    got = titles("Voters preferred Harrow Bridge to Marten Crossing. That bridge, the red "
                 "Kestle Bridge completed in 1890, was listed as a heritage site in 2015.")
    assert got["2015"] == "The Kestle Bridge was listed as a heritage site"


def test_the_company_is_the_organisation_the_story_is_about() -> None:
    # Named three times, never as a sentence's subject, none of them near "the company".
    text = ("Shares in Dravik Motors fell on Wednesday after accidents involving its cars. "
            "Regulators said that complaints about Dravik had been ignored. Owners of "
            "Dravik cars were told to remove their mats. Dealers met on Monday. Analysts "
            "were cautious. Few were surprised. The company was founded in 1937 by Ivo "
            "Marsh.")
    assert titles(text)["1937"] == "Dravik was founded by Ivo Marsh"


def test_a_public_body_named_most_is_no_company() -> None:
    text = ("The Food Safety Agency (FSA) approved the drug on Wednesday. Critics of the "
            "FSA protested. Reporters wrote to the FSA. Doctors welcomed the news. Nurses "
            "were pleased. The company was founded in 1937 by Ivo Marsh.")
    assert titles(text)["1937"] == "The company was founded by Ivo Marsh"


def test_the_bank_stays_when_another_bank_is_named() -> None:
    text = ("Shares in Varrow Capital fell on Sunday after a rescue by the Bank of Erland failed. "
            "Traders at Varrow Capital were stunned. Critics blamed Varrow Capital. Dealers met on "
            "Monday. Analysts were cautious. Few were surprised. The bank was founded in "
            "1762.")
    assert titles(text)["1762"] == "The bank was founded"


def test_a_surname_two_people_share_is_the_one_named_first() -> None:
    from dateline.extract.names import _canonical_forms
    forms = _canonical_forms([("people", "Mira Sato"), ("people", "Kenji Sato"),
                              ("people", "Sato")])
    assert forms[("people", "Sato")] == "Mira Sato"
    # Named before either full name: it could be anyone, so it stays as written.
    forms = _canonical_forms([("people", "Sato"), ("people", "Mira Sato"),
                              ("people", "Kenji Sato")])
    assert forms[("people", "Sato")] == "Sato"


def test_a_kinship_apposition_says_who_and_whose() -> None:
    text = ("The court removed President Hana Lee from office on Friday. Until then Prime "
            "Minister Oh Jin-su will serve as acting president, as he has since the "
            "assembly voted to impeach Ms. Lee on Dec. 9. The 65-year-old, the daughter "
            "of the general Lee Dong-won, was elected in December 2012. Her mother had "
            "been killed in 1974.")
    got = titles(text)
    assert got["2012-12"] == "Hana Lee was elected"
    assert got["1974"] == "Hana Lee's mother had been killed"


def test_her_of_a_person_described_by_a_noun_is_her_own() -> None:
    text = ("On Tuesday, Tom Hart, the head of sales, conceded that a fix might fail, and "
            "a retired nurse from Ohio described her car racing to 100 miles an hour in "
            "2006.")
    assert "Tom Hart's" not in titles(text)["2006"]


def test_the_couple_is_the_person_and_the_spouse_the_article_named() -> None:
    text = ("Police detained Omar Vell at the airport on Friday as he stepped off a flight "
            "with his wife, Dana. The couple left Lisbon on 23 November, telling no one.")
    assert titles(text)["2018-11-23"].startswith("Omar Vell and his wife Dana left Lisbon")


def test_names_the_parser_made_a_second_subject_are_kept() -> None:
    got = titles("The twin rovers Courage and Patience landed in January 2004 on missions "
                 "meant to last a month.")
    assert got["2004-01"].startswith("The twin rovers Courage and Patience landed")


def test_they_across_but_is_the_plural_subject_before_it() -> None:
    got = titles("Work began in 2011, and engineers had promised that the tunnel would open "
                 "by 2016, but they admitted in 2015 that the target would be missed.")
    assert got["2015"] == "Engineers admitted the target would be missed"
    # "Some engineers" are not a group a title can name.
    got = titles("Work began in 2011, and some engineers had promised that the tunnel "
                 "would open by 2016, but they admitted in 2015 that the target would be "
                 "missed.")
    assert not got["2015"].startswith("Some engineers")


def test_the_team_of_a_story_about_an_agency_is_its_own() -> None:
    text = ("Engineers at the Orbital Research Agency cheered on Tuesday. Reporters asked "
            "the Orbital Research Agency about costs. Critics of the Orbital Research "
            "Agency were quiet. Dealers met on Monday. Analysts were cautious. Few were "
            "surprised. The team was formed in 2009.")
    assert titles(text)["2009"] == "The team was formed"


def test_naming_a_noun_never_cuts_the_clause_that_is_the_event() -> None:
    from dateline.extract import nlp
    from dateline.extract.given import name_given
    doc = nlp.parse("The old coin minted in 1998, the Varro Crown, was withdrawn in 2004.")
    coin = next(t for t in doc if t.text == "coin")
    assert any(c.dep_ == "appos" for c in coin.children)  # the parse this test is about
    # The event is the participle's ("the old coin minted in 1998"): the title's subject is
    # the noun, and naming it must leave the participle in place.
    minted = next(t for t in doc if t.text == "minted")
    tokens = [coin.doc[coin.i - 2], coin.doc[coin.i - 1], coin, minted, *minted.subtree]
    replace: dict[int, str] = {}
    name_given(tokens, tokens[:3], replace)
    assert replace.get(minted.i) != ""
