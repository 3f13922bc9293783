"""Which earlier phrase a pronoun continues by salience (extract/salience.py): the
main-clause subject before it, a relative clause's own noun, agreement in number, and
review where that subject is a person with no name. Invented sentences only."""

from __future__ import annotations

from extract_util import titles


def test_he_continues_the_subject_before_not_the_last_name() -> None:
    got = titles(
        "For Tom Reyes the relief was plain on Saturday. The Spaniard had lost four finals, "
        "including one in Madrid when Ivan Petrov went off injured and Mark Dunn made two "
        "errors. He had been asked about that record at a press conference on Friday.")
    assert got["2018-11-30"].startswith("Tom Reyes had been asked")


def test_a_person_the_subject_describes_but_cannot_name_is_left_for_review() -> None:
    got = titles(
        "The speaker, Anna Kowal, told reporters that the letter was valid. The 70-year-old "
        "former general had flown to Oslo from Riga, where he had landed on Wednesday.")
    assert got["2018-11-28"].startswith("He had landed")


def test_he_later_in_a_sentence_is_its_main_subject() -> None:
    got = titles("Maria Lopez broke the record that Sara Kent had set, and she won the "
                 "title again in 2017.")
    assert got["2017"].startswith("Maria Lopez won")


def test_it_deep_in_a_relative_clause_is_the_clause_noun() -> None:
    got = titles("Ostra Capital called the rise small and said it did not mark a new cycle. "
                 "Attention turns to the Norges Bank, which is expected to hold its rates "
                 "when it announces its decision on Wednesday.")
    assert got["2018-12-05"].startswith("Norges Bank announces")


def test_it_is_never_a_plural_speaker() -> None:
    got = titles("The pact still needs the approval of the parliament, and officials said "
                 "it could be in force by June 2019.")
    assert not got["2019-06"].startswith("Officials")


def test_a_description_named_beside_it_is_that_person() -> None:
    got = titles("The patient, Dan Hale, a welder from Leeds, had the operation last week. "
                 "On Friday his doctors said the new valve was working well.")
    assert got["2018-11-30"].startswith("Dan Hale's doctors")
