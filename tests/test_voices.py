"""Voices: what an unnamed quoted passer-by says or did is colour, not an event."""

from __future__ import annotations

from extract_util import titles


def test_an_unnamed_voice_s_words_are_no_event() -> None:
    got = titles('The dam burst on Tuesday. "We moved out on Wednesday, the first time since '
                 'May," said one baker in Pradel, a hill town.')
    assert list(got) == ["2018-11-27"]
    # A quotation with no verb of its own continues the voice before it.
    got = titles('The dam burst on Tuesday. "We left on Wednesday," said a farmer. "But in '
                 'March we will be back."')
    assert list(got) == ["2018-11-27"]


def test_an_unnamed_voice_s_background_is_no_event() -> None:
    got = titles('"Nobody slept," said one nurse, who joined the ward in the late 1990s. '
                 '"It is hard," said one porter who knew the building in 2004.')
    assert got == {}


def test_a_named_or_official_voice_keeps_its_events() -> None:
    got = titles('"I will step down in March," Tom Berg said on Monday.')
    assert got["2019-03"] == "Tom Berg will step down"
    assert got["2018-11-26"] == 'Tom Berg said: "I will step down"'
    got = titles('"We will reopen the border on Friday," a ministry spokesman said.')
    assert got["2018-12-07"] == 'A ministry spokesman said: "We will reopen the border"'


def test_a_quotation_before_its_speaker_reads_speaker_first() -> None:
    got = titles('"My father died in 1990," said Anna Lind, the author.')
    assert got["1990"] == 'Anna Lind said: "My father died"'


def test_i_in_a_quotation_continued_or_unlabelled_is_its_speaker() -> None:
    got = titles('"I am proud," Ana Ruiz said on Tuesday. "In March I told them that we could '
                 'win."')
    assert got["2018-03"].startswith("Ana Ruiz told them")
    got = titles('"From 1 January I will govern for everyone," Zeca, 77, told supporters.')
    assert got["2019-01-01"] == "Zeca will govern for everyone"


def test_i_of_a_quotation_he_speaks_is_whoever_he_is() -> None:
    got = titles('Ana Ruiz won the final on Sunday. "I will remember 25 November for ever," '
                 'she said.')
    assert got["2018-11-25"].startswith("Ana Ruiz")
    assert "I will" not in " ".join(got.values())
