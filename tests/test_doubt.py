"""The title-doubt model (extract/doubt.py): its features read the title's own parse, its
weights are data, and a doubted title is marked for review, never changed or dropped."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from dateline.extract import doubt

nlp_mod = pytest.importorskip("dateline.extract.nlp")


@pytest.fixture(scope="module")
def nlp():
    return nlp_mod.load()


def feats(nlp, title: str, quote: str = "", review: tuple[str, ...] = ()) -> dict[str, float]:
    return doubt.features(doubt.parse_titles([title], nlp)[0], quote or title, review)


def test_a_vague_description_as_subject_is_seen(nlp):
    assert feats(nlp, "The talks began")["subject_the_noun"] == 1.0
    named = feats(nlp, "The Ostrava talks began")
    assert named.get("subject_the_noun", 0.0) == 0.0


def test_a_named_subject_and_a_pronoun_subject(nlp):
    assert feats(nlp, "Harriet Vane resigned as editor")["subject_name"] == 1.0
    f = feats(nlp, "She resigned as editor")
    assert f["subject_pronoun"] == 1.0 and f["first_pronoun"] == 1.0


def test_a_participle_left_as_the_verb(nlp):
    assert feats(nlp, "The council having closed the bridge")["root_participle"] == 1.0
    assert feats(nlp, "The council closed the bridge").get("root_participle", 0.0) == 0.0


def test_words_the_sentence_does_not_have_are_counted(nlp):
    quote = "He resigned on Monday after the vote."
    assert feats(nlp, "Ivo Marsh resigned", quote)["not_in_quote"] == pytest.approx(2 / 3)
    assert feats(nlp, "He resigned", quote)["not_in_quote"] == 0.0


def test_the_end_of_a_title_hung_on_an_aside_terminates_and_is_seen(nlp):
    # The walk up from the last word compares positions: Token objects are made anew.
    f = feats(nlp, "The minister resigned on Friday, citing his health")
    assert f["hangs_at_end"] == 1.0


def test_review_reasons_become_features(nlp):
    f = feats(nlp, "The ferry sank", review=("future or conditional", "unresolved pronoun: it"))
    assert f["review_future_or_conditional"] == 1.0
    assert f["review_unresolved_pronoun"] == 1.0


def test_score_is_a_probability_from_the_weights():
    assert doubt.score({"bias": 1.0}, {"bias": 0.0}) == 0.5
    assert doubt.score({"bias": 1.0, "long": 1.0}, {"bias": -1.0, "long": 3.0}) > 0.85
    assert doubt.score({"bias": 1.0}, {"bias": -1e6}) < 1e-9  # clipped, no overflow


def test_the_shipped_weights_are_data_with_a_threshold():
    data = json.loads(doubt.WEIGHTS.read_text(encoding="utf-8"))
    assert 0.0 < data["threshold"] < 1.0
    assert all(isinstance(v, float) for v in data["weights"].values())
    assert "bias" in data["weights"]


@dataclass(frozen=True)
class _Event:
    title: str
    quote: str
    review: tuple[str, ...] = ()


def test_a_fragment_is_doubted_and_a_plain_report_is_not(nlp):
    fragment = _Event("They having walked away from it at", "They walked away from it at the summit.")
    plain = _Event("The Halvorsen Shipping Company sold its Bergen terminal to Maersk",
                   "The Halvorsen Shipping Company sold its Bergen terminal to Maersk in May.")
    marked = doubt.mark([fragment, plain], nlp)
    assert doubt.REASON in marked[0].review
    assert marked[1] == plain  # untouched: the same title, no reason added


def test_an_event_already_marked_for_its_wording_gets_no_second_reason(nlp):
    event = _Event("They having walked away from it at", "They walked away from it at noon.",
                   ("title ends on a weak word",))
    assert doubt.mark([event], nlp) == (event,)
