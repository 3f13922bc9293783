"""An event as a sentence gives it, before the article's repeats are merged, and the
merge: the same event told twice (a dated report and its undated echo, or two dates of
which one holds the other) becomes one, with the finer date and that sentence's words."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dateline.extract import mentions as mt


@dataclass
class Candidate:
    """One event of one sentence: its date, title, quote and names, and where it is."""

    date: str
    date_text: str
    title: str
    quote: str
    names: dict[str, list[str]]
    basis: str | None
    review: list[str]
    words: list[tuple[int, int]]
    anchor: tuple[int, int]
    stems: set[str] = field(default_factory=set)


_STOP = frozenset("""a an the of to in on at by for from with and or but as is are was were be been
has have had it its this that these those he she they his her their who which said says
would could will not into over about after before since than also there then""".split())  # noqa: SIM905


def stems(text: str) -> set[str]:
    """The content words of a title, cut to five letters, for telling repeats."""
    return {w[:5] for w in re.findall(r"[a-z]+", text.lower()) if w not in _STOP and len(w) > 2}


def deeds(text: str) -> set[str]:
    """The stems of a title's words other than its names (capitalised words): what was
    done, not who. Two short titles about one person share their name and nothing else
    ("X was flown to Britain", "X was shot in the head")."""
    return {w[:5].lower() for w in re.findall(r"[A-Za-z]+", text)
            if w[:1].islower() and w not in _STOP and len(w) > 2}


def merge_repeats(cands: list[Candidate]) -> list[Candidate]:
    """The same event mentioned twice becomes one: compatible dates and shared words."""
    kept: list[Candidate] = []
    for c in cands:
        for k in kept:
            if c.quote == k.quote:
                continue  # one sentence's events are different verbs, never repeats
            small = min(len(c.stems), len(k.stems))
            if small < 3 or len(c.stems & k.stems) / small < 0.5:
                continue
            if not deeds(c.title) & deeds(k.title):
                continue  # the same people named, nothing the same done
            if c.basis or k.basis:
                same = True  # an undated repeat of a dated event is that event
            else:
                same = mt.contains(c.date, k.date) or mt.contains(k.date, c.date)
            if not same:
                continue
            # Keep the finer date, the dated record over the publication-day one.
            if (k.basis and not c.basis) or (not c.basis and mt.span_days(c.date)
                                              < mt.span_days(k.date)):
                # Title, quote and names describe the sentence, so they travel with it.
                k.date, k.date_text, k.basis, k.review = c.date, c.date_text, c.basis, c.review
                k.title, k.quote, k.names = c.title, c.quote, c.names
                k.words, k.anchor = c.words, c.anchor
            k.stems |= c.stems
            break
        else:
            kept.append(c)
    return kept
