"""Princeton WordNet 3.0, read straight from its database files (WNDB: the ``index.*`` and
``data.*`` files Debian's ``wordnet-base`` puts in /usr/share/wordnet).

Why not NLTK or ``wn``: both fetch their data over the network at run time, and NLTK
refuses to open a folder outside its own data paths; the database format is small and
documented (wndb(5)), so this module reads it itself. The index files are sorted byte
by byte, so a word is found by binary search over a memory map, and a synset is read at
its byte offset in the data file: nothing is loaded up front, and a lookup costs a few
page reads. Pure and read-only: matching asks, this module answers.
"""

from __future__ import annotations

import mmap
import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# Where Debian (and most Unix packagings) install the database; DATELINE_WORDNET points
# elsewhere (a folder holding index.verb, data.verb, index.noun, data.noun), or is "off".
DEFAULT_DIRS = ("/usr/share/wordnet", "/usr/share/WordNet", "/usr/local/share/wordnet",
                "/usr/local/WordNet-3.0/dict", "/opt/homebrew/share/wordnet")
_POS_FILES = {"n": "noun", "v": "verb"}
# What a run that matched several articles without WordNet tells its user.
MISSING = ("WordNet was not found, so reports were matched on dateline's own word lists "
           "only (fewer merges across outlets' wording); install Debian's wordnet-base "
           "or point DATELINE_WORDNET at a WordNet 3.0 dict folder")
# Lexicographer files (lexnames(5)) whose nouns name something that happens rather than
# a thing: acts, events, natural phenomena and processes.
HAPPENING_FILES = frozenset({4, 11, 19, 22})


@dataclass(frozen=True)
class Synset:
    """One sense: its words, the lexicographer file it comes from, and its pointers."""

    offset: int
    pos: str
    lexfile: int
    words: tuple[str, ...]
    # (pointer symbol, target offset, target pos, source word index; 0: the whole synset)
    pointers: tuple[tuple[str, int, str, int], ...]

    def targets(self, symbol: str) -> tuple[tuple[int, str], ...]:
        return tuple((off, pos) for sym, off, pos, _ in self.pointers if sym == symbol)


class _File:
    """One database file, memory-mapped."""

    def __init__(self, path: Path) -> None:
        with path.open("rb") as fh:
            self.map = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)

    def line_at(self, offset: int) -> bytes:
        end = self.map.find(b"\n", offset)
        return self.map[offset:end if end >= 0 else len(self.map)]

    def find(self, key: bytes) -> bytes | None:
        """The index line whose first field is ``key`` (binary search on sorted lines)."""
        lo, hi = 0, len(self.map)
        while lo < hi:
            mid = (lo + hi) // 2
            start = self.map.rfind(b"\n", 0, mid) + 1
            line = self.line_at(start)
            word = line.split(b" ", 1)[0]
            if line.startswith(b"  "):  # the licence header sorts before every word
                lo = start + len(line) + 1
            elif word == key:
                return line
            elif word < key:
                lo = start + len(line) + 1
            else:
                hi = start
        return None


class WordNet:
    """The database in one folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._index = {pos: _File(folder / f"index.{name}") for pos, name in _POS_FILES.items()}
        self._data = {pos: _File(folder / f"data.{name}") for pos, name in _POS_FILES.items()}
        self._synset = lru_cache(maxsize=20000)(self._read_synset)
        self._senses = lru_cache(maxsize=20000)(self._read_senses)

    def senses(self, lemma: str, pos: str) -> tuple[Synset, ...]:
        """The synsets of ``lemma`` ("come ashore", "landfall") as ``pos`` ("n" or "v"),
        the most frequent sense first."""
        return self._senses(lemma.casefold().strip().replace(" ", "_"), pos)

    def synset(self, offset: int, pos: str) -> Synset:
        return self._synset(offset, pos)

    def _read_senses(self, key: str, pos: str) -> tuple[Synset, ...]:
        if pos not in self._index or not key:
            return ()
        line = self._index[pos].find(key.encode("utf-8"))
        if line is None:
            return ()
        fields = line.split()
        n_synsets, n_pointers = int(fields[2]), int(fields[3])
        offsets = fields[6 + n_pointers:6 + n_pointers + n_synsets]
        return tuple(self._synset(int(o), pos) for o in offsets)

    def _read_synset(self, offset: int, pos: str) -> Synset:
        fields = self._data[pos].line_at(offset).split(b" | ", 1)[0]
        parts = fields.decode("utf-8").split()
        n_words = int(parts[3], 16)
        words = tuple(parts[4 + 2 * i].casefold().split("(")[0].replace("_", " ")
                      for i in range(n_words))
        i = 4 + 2 * n_words
        n_pointers = int(parts[i])
        pointers = []
        for k in range(n_pointers):
            sym, off, tpos, st = parts[i + 1 + 4 * k:i + 5 + 4 * k]
            pointers.append((sym, int(off), tpos, int(st[:2], 16)))
        return Synset(offset, pos, int(parts[1]), words, tuple(pointers))


def find_folder(candidates: Iterable[str] = ()) -> Path | None:
    """The first folder that holds the noun and verb files, or None (also where
    DATELINE_WORDNET is "off": to measure, or test, matching without it)."""
    env = os.environ.get("DATELINE_WORDNET")
    if env == "off":
        return None
    for folder in (*([env] if env else []), *candidates, *DEFAULT_DIRS):
        path = Path(folder)
        if all((path / f"{kind}.{name}").is_file() for kind in ("index", "data")
               for name in _POS_FILES.values()):
            return path
    return None


@lru_cache(maxsize=1)
def load() -> WordNet | None:
    """The installed WordNet, or None where there is none (matching then uses its own
    word lists alone: see store/acts.py)."""
    folder = find_folder()
    if folder is None:
        return None
    try:
        return WordNet(folder)
    except (OSError, ValueError):
        return None
