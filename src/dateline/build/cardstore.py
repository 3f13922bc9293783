"""Full event cards kept between builds, one cache file per year (`fullcards-YYYY.texts`).

A year page lists every event of its year as a full card (body, term links, source): about
three hundred cards at 10,000 events, most of a one-edit rebuild's rendering. The cards are
stamped like the compact ones (render._Cards: settings, templates, the event's face), so
after one edit only the edited event's card is made again. They are stored by year, not in
the hashed shards, because the pages that show them show a whole year at once: a rebuild
reads the one file of the year it renders (a small site's index reads them all), never the
sixteen megabytes of every year's cards.

Each file is a cache file like the others (store.py: versioned, checksummed, data only).
One that does not check out is not used, noted once with the rest of the cache's notes, and
written again by the save; every card is checked against its stamp on use anyway.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from dateline.build import store

PREFIX = "fullcards-"


class _Year(dict):
    """One year's cards as read, noting which were asked for or made: on saving, the others
    (events that left the year, or no longer exist) are dropped."""

    def __init__(self, entries: dict[str, str]) -> None:
        super().__init__(entries)
        self.used: set[str] = set()
        self.added = False

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        self.used.add(key)
        return super().get(key, default)

    def __setitem__(self, key: str, value: str) -> None:
        self.used.add(key)
        self.added = True
        super().__setitem__(key, value)


class YearCards:
    """The full cards of `folder`'s cache by year, each year read on first use
    (render.FullCards)."""

    def __init__(self, folder: Path, version: str, notes: list[str]) -> None:
        self._folder, self._version, self._notes = folder, version, notes
        self._years: dict[int, _Year] = {}
        self._refused: set[int] = set()

    def year(self, year: int) -> dict[str, str]:
        """The cards of `year`, read from its file the first time they are asked for."""
        found = self._years.get(year)
        if found is None:
            found = self._years[year] = _Year(self._read(year))
        return found

    def made(self) -> dict[int, dict[str, str]]:
        """The cards of every year this process added to, by year: all it used there, read
        or made, since save() keeps only those (a forked render worker sends them back)."""
        return {year: {k: cards[k] for k in cards.used if k in cards}
                for year, cards in self._years.items() if cards.added}

    def add(self, made: dict[int, dict[str, str]]) -> None:
        """Take in what a worker's made() returned."""
        for year, cards in made.items():
            into = self.year(year)
            for key, value in cards.items():
                into[key] = value

    def save(self, whole: bool = False) -> None:
        """Write the years that gained cards or were refused; OSError if the disk fails.

        `whole`: the rest of the cache is being written again whole (something was
        refused), so the files of years this process did not read, which may be damaged
        too, are deleted rather than left to be refused by a later build.
        """
        if whole:
            for entry in os.scandir(self._folder):
                year = entry.name[len(PREFIX):-len(".texts")]
                if (entry.name.startswith(PREFIX) and entry.name.endswith(".texts")
                        and not (year.isdigit() and int(year) in self._years)):
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)
        for year, cards in self._years.items():
            if not (cards.added or year in self._refused):
                continue
            path = self._path(year)
            texts = [part for key in sorted(cards.used) if key in cards
                     for part in (key, cards[key])]
            if texts:
                store.dump_texts(path, self._version, {}, texts)
            else:
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()

    def _path(self, year: int) -> Path:
        return self._folder / f"{PREFIX}{year:04d}.texts"

    def _read(self, year: int) -> dict[str, str]:
        path = self._path(year)
        try:
            _, texts = store.load_texts(path, self._version)  # key, card, key, card, ...
            it = iter(texts)
            return dict(zip(it, it, strict=True))
        except FileNotFoundError:
            return {}
        except (OSError, store.CacheRefused, ValueError) as exc:
            self._notes.append(f"{path.name}: {exc}")
            self._refused.add(year)
            return {}
