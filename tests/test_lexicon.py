"""WordNet read from its database files (store/lexicon.py) and what matching takes from it
(store/acts.py): on a small database written here in the WNDB format, and, where Debian's
wordnet-base is installed, on the real one. Without WordNet, matching answers from its
own word lists and the run says so once."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from dateline.store import acts, lexicon, match, write_reports
from dateline.store.match import Report

# (key, pos, lexfile, words, pointers as (symbol, key of the target)); senses of a word
# are listed most frequent first, as WordNet's index does.
_SYNSETS = [
    ("slay", "v", 35, ["kill", "slay"], []),
    ("perish", "v", 30, ["die", "perish"], []),
    ("killing", "n", 4, ["killing", "putting_to_death"], [("+", "slay")]),
    ("testify", "v", 32, ["testify", "bear_witness"], [("+", "evidence")]),
    ("evidence", "n", 10, ["evidence", "testimony"], []),
    ("craft", "n", 6, ["submersible", "submersible_craft"], []),
    ("sub", "n", 6, ["submarine", "sub", "u-boat"], [("@", "craft")]),
    ("hero", "n", 13, ["hero_sandwich", "sub", "hoagie"], []),
    ("depart", "v", 38, ["lift_off", "take_off"], []),
]
_HEADER = "  1 This is an invented WordNet-format database for tests.  \n"


def _write_wndb(folder: Path) -> Path:
    """A WNDB folder for :data:`_SYNSETS`: data files whose lines start at the byte offset
    they give, and sorted index files."""
    folder.mkdir(parents=True, exist_ok=True)
    pos_of = {key: pos for key, pos, *_ in _SYNSETS}

    def line(entry: tuple, offsets: dict[str, int]) -> str:
        key, pos, lexfile, words, pointers = entry
        ws = " ".join(f"{w} 0" for w in words)
        ps = " ".join(f"{sym} {offsets[t]:08d} {pos_of[t]} 0000" for sym, t in pointers)
        return (f"{offsets[key]:08d} {lexfile:02d} {pos} {len(words):02x} {ws} "
                f"{len(pointers):03d}{' ' + ps if ps else ''} | a gloss  \n")

    offsets: dict[str, int] = {}
    for pos in ("n", "v"):
        mine = [e for e in _SYNSETS if e[1] == pos]
        at = len(_HEADER.encode())
        for e in mine:  # every offset is 8 digits, so a line's length does not depend on them
            offsets[e[0]] = at
            at += len(line(e, {k: 0 for k in pos_of}).encode())
    index: dict[str, dict[str, list[str]]] = {"n": {}, "v": {}}
    for pos, name in (("n", "noun"), ("v", "verb")):
        mine = [e for e in _SYNSETS if e[1] == pos]
        (folder / f"data.{name}").write_text(_HEADER + "".join(line(e, offsets) for e in mine),
                                             encoding="utf-8")
        for key, _, _, words, _ in mine:
            for w in words:
                index[pos].setdefault(w.lower(), []).append(f"{offsets[key]:08d}")
        rows = [f"{w} {pos} {len(offs)} 0 {len(offs)} 0 {' '.join(offs)}  \n"
                for w, offs in sorted(index[pos].items(), key=lambda kv: kv[0].encode())]
        (folder / f"index.{name}").write_text(_HEADER + "".join(rows), encoding="utf-8")
    return folder


@pytest.fixture
def small_wordnet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> lexicon.WordNet:
    wn = lexicon.WordNet(_write_wndb(tmp_path / "dict"))
    monkeypatch.setattr(lexicon, "load", lambda: wn)
    return wn


@pytest.fixture
def no_wordnet(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lexicon, "load", lambda: None)


def test_senses_are_found_by_binary_search_most_frequent_first(tmp_path: Path) -> None:
    wn = lexicon.WordNet(_write_wndb(tmp_path / "dict"))
    assert [s.words for s in wn.senses("sub", "n")] == [
        ("submarine", "sub", "u-boat"), ("hero sandwich", "sub", "hoagie")]
    assert wn.senses("lift off", "v")[0].words == ("lift off", "take off")
    assert wn.senses("Killing", "n")[0].lexfile == 4
    # Words before the first, after the last, between two, and the licence header's.
    for missing in ("aaa", "zzz", "kz", "this", ""):
        assert wn.senses(missing, "n") == ()
    assert wn.senses("kill", "n") == () and wn.senses("kill", "a") == ()
    up = wn.senses("sub", "n")[0].targets("@")
    assert [wn.synset(o, p).words[0] for o, p in up] == ["submersible"]


def test_the_folder_is_found_by_its_files_or_switched_off(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _write_wndb(tmp_path / "dict")
    monkeypatch.setenv("DATELINE_WORDNET", str(folder))
    assert lexicon.find_folder() == folder
    monkeypatch.setenv("DATELINE_WORDNET", "off")
    assert lexicon.find_folder() is None
    (folder / "data.noun").unlink()
    monkeypatch.delenv("DATELINE_WORDNET")
    assert lexicon.find_folder([str(folder)]) != folder


def test_a_noun_names_the_act_of_its_verb_or_of_one_like_it(small_wordnet) -> None:
    assert acts.derived_act("killing", "kill")
    assert acts.derived_act("killing", "die")  # "kill" and "die": one hand-listed act
    assert acts.derived_act("evidence", "testify")  # from the verb's side
    assert not acts.derived_act("evidence", "die")
    assert not acts.derived_act("killing", "say")  # a light verb names no act


def test_participants_of_one_kind_only_on_their_frequent_senses(small_wordnet) -> None:
    assert acts.kin("sub", "submersible") and acts.kin("submersible", "sub")
    assert not acts.kin("sub", "evidence") and not acts.kin("sub", "sub")
    assert acts.kin("sub", "hoagie")  # its second sense, the sandwich, still counts...
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(acts, "SENSES", 1)
        assert not acts.kin("sub", "hoagie")  # ... not where only the first counts


def test_without_wordnet_the_hand_lists_answer_alone(no_wordnet) -> None:
    assert not acts.derived_act("killing", "die")
    assert not acts.kin("sub", "submersible")
    assert acts.derives("collapse", "collapse") and acts.same_act("hit", "strike")


def _rep(article: str, title: str, verb: str, subject: str, lemmas: tuple[str, ...],
         date: str = "2025-05-02") -> Report:
    return Report(date=date, date_text="on 2 May", title=title, quote=title + ".",
                  article=f"https://example.org/{article}", url=f"https://example.org/{article}",
                  source_title=article, published=dt.date(2025, 5, 5), verb=verb,
                  subject=subject, lemmas=lemmas)


def _killing_and_death() -> list[Report]:
    return [_rep("a", "The killing took place near the harbour", "take", "killing",
                 ("killing", "take", "place", "harbour")),
            _rep("b", "A trader died by the harbour", "die", "trader",
                 ("trader", "die", "harbour"))]


def test_wordnet_adds_a_sign_that_merges_one_event_told_in_other_words(small_wordnet) -> None:
    # Each article dates one event to the day: a noun for the act, and one word in common.
    assert [len(g.reports) for g in match.group(_killing_and_death())] == [2]


def test_without_wordnet_the_same_reports_stay_two(no_wordnet) -> None:
    assert [len(g.reports) for g in match.group(_killing_and_death())] == [1, 1]


def test_a_run_of_several_articles_without_wordnet_says_so_once(
        no_wordnet, tmp_path: Path) -> None:
    report = write_reports(_killing_and_death(), tmp_path / "events")
    assert report.notes == [lexicon.MISSING]
    assert len(report.written) == 2
    alone = write_reports(_killing_and_death()[:1], tmp_path / "other")
    assert alone.notes == []


def test_a_run_with_wordnet_says_nothing_of_it(small_wordnet, tmp_path: Path) -> None:
    assert write_reports(_killing_and_death(), tmp_path / "events").notes == []


_REAL = lexicon.find_folder()
# CI installs wordnet-base (scripts/install-wordnet.sh): there a missing database fails.
_IN_CI = os.environ.get("CI", "").lower() in ("true", "1", "yes")


@pytest.mark.skipif(_REAL is None and not _IN_CI, reason="no WordNet database installed")
def test_the_installed_wordnet_links_an_arrest_to_its_verbs() -> None:
    assert _REAL is not None, "WordNet missing: run scripts/install-wordnet.sh"
    wn = lexicon.WordNet(_REAL)
    assert any("arrest" in s.words for s in wn.senses("apprehend", "v"))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(lexicon, "load", lambda: wn)
        assert acts.derived_act("arrest", "arrest")
        assert acts.derived_act("arrest", "detain")  # via the hand-listed act
        assert acts.derived_act("killing", "die")
        assert acts.kin("shareholder", "investor")
        assert not acts.kin("shareholder", "storm")
