"""Full event cards kept between builds by year (build/cardstore.py): a one-edit rebuild
makes one card of its year page again, and the site still equals a cold build byte for byte
after edits that change, move, add or remove cards."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.build import cardstore, workers
from dateline.build.recipe import build_site
from dateline.site import plan


def _event(i: int, year: int | None = None, title: str | None = None) -> str:
    return (f"date: {year or 2019 + i % 3}-{1 + i % 12:02d}\n"
            f"title: {title or f'Event {i}'}\nbody: 'Body *{i}*'\ntags: [t{i % 4}]\n")


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def made(monkeypatch):
    """The keys of the full cards made (stored) by the builds of a test, in order."""
    found: list[str] = []
    real = cardstore._Year.__setitem__

    def spy(self, key, value):
        found.append(key)
        real(self, key, value)

    monkeypatch.setattr(cardstore._Year, "__setitem__", spy)
    return found


@pytest.fixture
def split(site, monkeypatch):
    monkeypatch.setattr(plan, "SPLIT_INDEX_AT", 20)
    return site({f"events/e{i:02d}.yaml": _event(i) for i in range(36)})


def _same_as_cold(root: Path, tmp_path: Path, name: str) -> None:
    assert build_site(root, root / "site").ok
    assert build_site(root, tmp_path / name, use_cache=False).ok
    assert _tree(root / "site") == _tree(tmp_path / name)


def test_a_one_edit_rebuild_makes_one_full_card_and_equals_a_cold_build(split, made, tmp_path):
    assert build_site(split, split / "site").ok
    assert len(made) == 36  # every event's, on its year page
    assert sorted(p.name for p in (split / ".dateline-cache").glob("fullcards-*")) == [
        "fullcards-2019.texts", "fullcards-2020.texts", "fullcards-2021.texts"]
    made.clear()
    (split / "content/events/e04.yaml").write_text(_event(4, title="Event 4, renamed"))
    _same_as_cold(split, tmp_path, "cold")
    assert made == ["e04\x1f3\x1f../"]


@pytest.mark.parametrize("edit", ["move", "delete", "add", "template"])
def test_cards_moved_removed_added_or_restyled_equal_a_cold_build(split, tmp_path, edit):
    assert build_site(split, split / "site").ok
    events = split / "content/events"
    if edit == "move":  # into another year and back: the old year's card is stale twice
        (events / "e04.yaml").write_text(_event(4, year=2021))
        _same_as_cold(split, tmp_path, "moved")
        (events / "e04.yaml").write_text(_event(4, title="Event 4, back"))
    elif edit == "delete":
        (events / "e04.yaml").unlink()
    elif edit == "add":
        (events / "e99.yaml").write_text(_event(99, year=2020))
    else:  # every stamp changes with the templates: no card of the last build is used
        (split / "templates").mkdir()
        (split / "templates/_macros.html").write_text(
            (Path(__file__).parents[1] / "src/dateline/templates/_macros.html").read_text()
            .replace('class="body"', 'class="body restyled"'))
    _same_as_cold(split, tmp_path, "cold")
    if edit == "template":
        assert b"body restyled" in (split / "site/years/2020.html").read_bytes()


def test_a_stale_card_is_dropped_when_its_year_is_written_again(split):
    assert build_site(split, split / "site").ok
    (split / "content/events/e04.yaml").write_text(_event(4, year=2021))  # from 2020
    assert build_site(split, split / "site").ok
    (split / "content/events/e07.yaml").write_text(_event(7, title="Event 7, renamed"))  # 2020
    assert build_site(split, split / "site").ok
    text = (split / ".dateline-cache/fullcards-2020.texts").read_bytes()
    assert b"e07\x1f" in text and b"e04\x1f" not in text


def test_full_cards_made_by_forked_workers_are_kept_for_the_next_build(split, monkeypatch,
                                                                       tmp_path):
    monkeypatch.setattr(workers, "PARALLEL_FROM", 1)
    assert build_site(split, split / "site").ok
    stored = (split / ".dateline-cache/fullcards-2020.texts").read_bytes()
    assert all(f"e{i:02d}\x1f".encode() in stored for i in range(1, 36, 3))  # 2020's twelve
    (split / "content/events/e04.yaml").write_text(_event(4, title="Event 4, renamed"))
    _same_as_cold(split, tmp_path, "cold")
    assert b"Event 4, renamed" in (split / ".dateline-cache/fullcards-2020.texts").read_bytes()
