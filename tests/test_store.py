"""The store: one event file per real event across articles, every source kept, and
nothing a person wrote in a file ever changed (byte for byte)."""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
from pathlib import Path

import pytest
import yaml

from dateline import content
from dateline.store import match, roundtrip, write_reports, yamldoc
from dateline.store.match import Report


def _rep(article: str, date: str, title: str, *, verb: str, subject: str = "",
         obj: str = "", people: tuple[str, ...] = (), places: tuple[str, ...] = (),
         lemmas: tuple[str, ...] = (), date_text: str = "", published: str = "2024-03-25",
         order: int = 0, quote: str = "") -> Report:
    return Report(date=date, date_text=date_text, title=title,
                  quote=quote or f"{title} {date_text}.", article=f"https://example.org/{article}",
                  source_title=f"Article {article}", url=f"https://example.org/{article}",
                  published=dt.date.fromisoformat(published), order=order, people=people,
                  places=places, verb=verb, subject=subject, object=obj,
                  lemmas=lemmas or tuple(w for w in title.lower().split() if len(w) > 3))


def _describe(titles: list[str]) -> list[tuple[str, str, str, tuple[str, ...]]]:
    """The parse of stored titles, as extract gives it (the real model)."""
    from dateline.extract.batch import describe_titles

    return describe_titles(titles)


def _arrest(article: str, date: str, date_text: str, published: str = "2024-03-25") -> Report:
    return _rep(article, date, "Police arrested two men in Leeds", verb="arrest",
                subject="police", obj="man", places=("Leeds",), date_text=date_text,
                published=published, lemmas=("police", "arrest", "man", "leeds"))


def _fire(article: str, date: str = "2024-03-23") -> Report:
    # Same day, same place, another happening: must stay a separate event.
    return _rep(article, date, "A fire destroyed a warehouse in Leeds", verb="destroy",
                subject="fire", obj="warehouse", places=("Leeds",), order=1,
                date_text="on Saturday", lemmas=("fire", "destroy", "warehouse", "leeds"))


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.yaml"))}


def _load(path: Path):
    problems: list = []
    doc = yamldoc.read_yaml(path, path.name, problems)
    assert doc is not None, problems
    ev = content.parse_event(doc, path.stem, None)
    assert ev is not None and not [p for p in problems if p.severity == "error"], problems
    return ev


# ---------------------------------------------------------------------------- matching

def test_date_relations() -> None:
    assert match.relation("2024-03-21/2024-03-31", "2024-03-23") == "agree"
    assert match.relation("2024-03", "2024-03-23") == "agree"
    assert match.relation("2024-03-23", "2024-03-24") == "near"
    assert match.relation("2024-03-23", "2024-03-27") == "apart"
    assert match.relation("2024-03", "2024-04-01") == "apart"  # a month is no day-slip


def test_one_event_from_three_articles_and_another_on_the_same_day_stays_apart() -> None:
    reports = [_arrest("a", "2024-03-23", "on Saturday"), _fire("a"),
               _arrest("b", "2024-03-23", "on 23 March"), _fire("b"),
               _arrest("c", "2024-03", "in March")]
    groups = match.group(reports)
    assert sorted(len(g.reports) for g in groups) == [2, 3]
    for g in groups:
        assert len({r.verb for r in g.reports}) == 1


def test_words_alone_never_merge() -> None:
    a = _rep("a", "2024-03-23", "The minister met the envoy in Paris", verb="meet",
             subject="minister", obj="envoy", places=("Paris",),
             lemmas=("minister", "meet", "envoy", "paris"))
    b = _rep("b", "2024-03-23", "The minister signed the deal in Paris", verb="sign",
             subject="minister", obj="deal", places=("Paris",),
             lemmas=("minister", "sign", "deal", "paris"))
    assert match.evidence(a, b, "agree") == 0
    assert len(match.group([a, b])) == 2


def test_refinement_takes_the_precise_agreeing_date_and_keeps_both_phrases() -> None:
    merged = match.merge([_arrest("a", "2024-03-21/2024-03-31", "late March", "2024-03-26"),
                          _arrest("b", "2024-03-23", "on 23 March", "2024-03-27")])
    assert merged.date == "2024-03-23" and merged.primary.date_text == "on 23 March"
    assert [r.date_text for r in merged.sources] == ["late March", "on 23 March"]
    assert not any("disagree" in r for r in merged.review)


def test_disagreement_keeps_the_earliest_precise_reading_and_asks_for_review() -> None:
    merged = match.merge([_arrest("b", "2024-03-24", "on Sunday", "2024-03-26"),
                          _arrest("a", "2024-03-23", "on Saturday", "2024-03-25")])
    assert merged.date == "2024-03-23"  # both are days: the earlier article's reading
    (reason,) = [r for r in merged.review if "disagree" in r]
    assert "2024-03-23 (Article a, 2024-03-25)" in reason
    assert "2024-03-24 (Article b, 2024-03-26)" in reason


# ----------------------------------------------------------------------- writing files

def test_several_sources_in_one_file_that_the_loader_reads(tmp_path: Path) -> None:
    out = tmp_path / "events"
    report = write_reports([_arrest("a", "2024-03-23", "on Saturday"),
                            _arrest("b", "2024-03-24", "on Sunday", "2024-03-26"), _fire("a")],
                           out, describe=_describe)
    assert len(report.written) == 2
    arrest = next(p for p in report.written if "arrested" in p.name)
    ev = _load(arrest)
    assert [s.url for s in ev.sources] == ["https://example.org/a", "https://example.org/b"]
    assert [s.date_text for s in ev.sources] == ["on Saturday", "on Sunday"]
    assert [s.reading.value for s in ev.sources] == ["2024-03-23", "2024-03-24"]
    assert ev.source == ev.sources[0]
    assert [s.url for s in ev.disagreeing] == ["https://example.org/b"]
    assert any("disagree" in r for r in ev.review)
    fire = _load(next(p for p in report.written if "fire" in p.name))
    assert fire.source is not None and len(fire.sources) == 1
    assert "sources:" not in next(p for p in report.written if "fire" in p.name).read_text()


def test_any_input_order_gives_byte_identical_files(tmp_path: Path) -> None:
    reports = [_arrest("a", "2024-03-21/2024-03-31", "late March", "2024-03-26"), _fire("a"),
               _arrest("b", "2024-03-23", "on 23 March", "2024-03-27"), _fire("b"),
               _arrest("c", "2024-03-24", "on 24 March", "2024-03-28")]
    seen = set()
    for i, order in enumerate(itertools.permutations(reports)):
        if i % 7:  # 120 orders; a spread of them is enough
            continue
        out = tmp_path / f"run{i}"
        write_reports(list(order), out, describe=_describe)
        seen.add(tuple(_files(out).items()))
    assert len(seen) == 1


def test_a_later_article_adds_its_source_to_a_file_nobody_edited(tmp_path: Path) -> None:
    out = tmp_path / "events"
    write_reports([_arrest("a", "2024-03-21/2024-03-31", "late March", "2024-03-26")], out,
                  describe=_describe)
    (path,) = out.glob("*.yaml")
    # More precise and agreeing: an untouched file takes the better date, whole.
    later = write_reports([_arrest("b", "2024-03-23", "on 23 March", "2024-03-27")], out,
                          describe=_describe)
    assert later.updated == [path] and not later.written
    ev = _load(path)
    assert ev.date.value == "2024-03-23" and len(ev.sources) == 2
    assert [s.date_text for s in ev.sources] == ["late March", "on 23 March"]
    # The same article again adds nothing.
    again = write_reports([_arrest("b", "2024-03-23", "on 23 March", "2024-03-27")], out,
                          describe=_describe)
    assert not again.updated and not again.written and again.skipped == [path]


CURATED = """\
# Checked against the court record. -- A.
date: '2024-03-23'
title: "Police arrested two men after the Leeds fire"   # my wording
body: |
  Police held *two* men overnight.

  More to come.
tags: [crime, Leeds]
sources:
    - title: Article a
      url: https://example.org/a
      published: 2024-03-25
      quote: 'Police arrested two men in Leeds on Saturday.'
      date_text: on Saturday
      reading: '2024-03-23'
people:   [ ]
"""


def _inserted(old: str, new: str) -> str:
    """The lines ``new`` adds to ``old``; fails unless every line of ``old`` is in ``new``
    unchanged and in order."""
    old_lines, new_lines = old.splitlines(True), new.splitlines(True)
    ops = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False).get_opcodes()
    assert {op for op, *_ in ops} == {"equal", "insert"}, ops
    return "".join("".join(new_lines[j1:j2]) for op, _, _, j1, j2 in ops if op == "insert")


def _curated(tmp_path: Path) -> Path:
    out = tmp_path / "events"
    out.mkdir()
    path = out / "two-men-arrested.yaml"
    path.write_bytes(CURATED.encode())
    return path


def test_a_curated_file_keeps_every_byte_and_only_gains_the_new_source(tmp_path: Path) -> None:
    path = _curated(tmp_path)
    report = write_reports([_arrest("d", "2024-03-23", "on 23 March", "2024-03-30")],
                           path.parent, describe=_describe)
    assert report.updated == [path] and not report.written and not report.conflicts
    new = path.read_text(encoding="utf-8")
    added = _inserted(CURATED, new)
    # The item goes at the end of the person's own list, in its indentation.
    assert added.startswith("    - title: Article d\n      url: https://example.org/d\n")
    assert new.replace(added, "", 1) == CURATED
    ev = _load(path)
    assert ev.title == "Police arrested two men after the Leeds fire"
    assert [s.url for s in ev.sources] == ["https://example.org/a", "https://example.org/d"]


def test_a_curated_file_gets_the_disagreement_for_review_by_appending(tmp_path: Path) -> None:
    path = _curated(tmp_path)
    report = write_reports([_arrest("e", "2024-03-24", "on Sunday", "2024-03-30")],
                           path.parent, describe=_describe)
    assert report.updated == [path]
    added = _inserted(CURATED, path.read_text(encoding="utf-8"))
    assert "  - title: Article e\n" in added and "\nreview:\n- 'sources disagree" in added
    ev = _load(path)
    assert ev.date.value == "2024-03-23"  # what the person kept
    assert any("disagree" in r for r in ev.review)


def test_a_merge_that_would_change_a_curated_date_writes_nothing(tmp_path: Path) -> None:
    path = _curated(tmp_path)
    # Make the person's date the coarse one: a new precise reading would change it.
    text = CURATED.replace("date: '2024-03-23'", "date: '2024-03'").replace(
        "reading: '2024-03-23'", "reading: '2024-03'")
    path.write_text(text, encoding="utf-8")
    report = write_reports([_arrest("d", "2024-03-22", "on Friday", "2024-03-30")],
                           path.parent, describe=_describe)
    assert path.read_text(encoding="utf-8") == text
    assert not report.updated and not report.written
    ((where, why),) = report.conflicts
    assert where == path and "2024-03-22" in why and "2024-03" in why


def test_a_flow_style_list_is_reported_not_rewritten(tmp_path: Path) -> None:
    text = ("date: '2024-03-23'\ntitle: Police arrested two men in Leeds\nsources: "
            "[{title: Article a, url: 'https://example.org/a', quote: q}]\n")
    with pytest.raises(roundtrip.CannotAppend, match="flow"):
        roundtrip.append(text, [{"title": "Article d"}], [])


def test_a_single_source_file_gains_a_sources_list_after_its_last_line() -> None:
    text = ("date: 2024-03-23\ntitle: Police arrested two men\nsource:\n  title: A\n"
            "  quote: It happened.\nmedia: {url: 'https://example.org/x.jpg'}")  # no newline
    new = roundtrip.append(text, [{"title": "B", "reading": "2024-03-23"}],
                           ["sources disagree on the date: x"])
    assert new.startswith(text + "\n")
    data = yaml.safe_load(new)
    assert data["sources"] == [{"title": "B", "reading": "2024-03-23"}]
    assert data["review"] == ["sources disagree on the date: x"]


def test_one_act_in_other_words_is_one_event() -> None:
    """Verbs and nouns news reports use for the same thing: "pledged"/"promised" (which the
    -ise/-ize folding once broke), "the fire"/"the blaze"."""
    pledge = _rep("a", "2019-04-16", "Macron pledged to rebuild the cathedral", verb="pledge",
                  subject="emmanuel macron", people=("Emmanuel Macron",))
    promise = _rep("b", "2019-04", "Macron had promised to restore the cathedral",
                   verb="promise", subject="macron", people=("Macron",))
    assert match.evidence(pledge, promise, "agree") > 0
    fire = _rep("a", "2019-04-16", "The fire was extinguished", verb="extinguish",
                subject="fire", lemmas=("fire", "extinguish"))
    blaze = _rep("b", "2019-04-16", "Firefighters declared the blaze extinguished",
                 verb="extinguish", subject="blaze", lemmas=("blaze", "extinguish"))
    assert match.evidence(fire, blaze, "agree") > 0


def test_a_third_article_joins_two_groups_the_first_two_started() -> None:
    # "tore through" and "broke out" share too little; the third report matches both.
    tore = _rep("a", "2019-04-15", "A fire tore through the cathedral, destroying its roof",
                verb="tear", subject="fire", obj="cathedral",
                lemmas=("fire", "tear", "cathedral", "destroy", "roof", "paris", "medieval"))
    broke = _rep("b", "2019-04-15", "The fire broke out under the roof", verb="break",
                 subject="fire", obj="roof", lemmas=("fire", "break", "roof", "oak", "beam"))
    both = _rep("c", "2019-04-15", "The blaze broke out and destroyed the roof", verb="break",
                subject="blaze", lemmas=("blaze", "break", "destroy", "roof"))
    assert match.evidence(tore, broke, "agree") == 0
    for order in itertools.permutations([tore, broke, both]):
        assert [len(g.reports) for g in match.group(order)] == [3]
